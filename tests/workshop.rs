//! Workshops: a workshop of 30 generated associations on the express questionnaire gives the
//! expected counts (tools, needs, share on free software, progress, an association audited
//! twice counted once); pooled needs on a known case (département, region, Belgium, a lone
//! association, a need already free); the joint annonce is anonymised and short; the need
//! statuses the aggregates read are the plan's.

use std::collections::BTreeMap;

use diagasso::audit::{
    Answer, AnswerRecord, Association, Audit, AuditStatus, QuestionnaireRef, Value,
};
use diagasso::catalog;
use diagasso::questionnaire::{Questionnaire, shipped};
use diagasso::store::{NewAudit, NewWorkshop, Scope, Store};
use diagasso::workshop::{self, annonce, facts::Reader};

fn express() -> Questionnaire {
    shipped::by_id("atelier-express").unwrap().unwrap()
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Given(Value::Choices(ids.iter().map(|s| s.to_string()).collect()))
}

fn association(name: &str, country: &str, postcode: &str, activity: &str) -> Association {
    Association {
        name: name.into(),
        country: country.into(),
        postcode: postcode.into(),
        activity: activity.into(),
        contact_email: format!("{}@example.org", name.to_lowercase().replace(' ', "-")),
        ..Association::default()
    }
}

fn add(
    store: &mut Store,
    workshop: &str,
    q: &Questionnaire,
    a: &Association,
    answers: &BTreeMap<String, Answer>,
) -> String {
    store
        .create_audit_in_workshop(
            workshop,
            &NewAudit {
                association: a,
                trainer: "Maël",
                questionnaire: q,
                answers,
                notes: &BTreeMap::new(),
                note: "",
            },
        )
        .unwrap()
        .audit_id
}

fn new_workshop(store: &mut Store, name: &str) -> String {
    store
        .create_workshop(&NewWorkshop {
            name,
            date: "2026-03-14",
            place: "Rennes",
            trainer: "Maël",
            questionnaire_id: "atelier-express",
        })
        .unwrap()
}

/// Association `i` of the generated workshop: see the expected counts in the test below.
fn generated(i: usize) -> (Association, BTreeMap<String, Answer>) {
    let postcode = ["35000", "29200", "75011"][i % 3];
    let a = association(&format!("Association {i}"), "FR", postcode, "Atelier vélo");
    let mut answers = BTreeMap::new();
    let chat = if i.is_multiple_of(3) {
        "signal"
    } else {
        "whatsapp"
    };
    answers.insert("chat_tools".to_string(), choices(&[chat]));
    let mail = if i.is_multiple_of(5) {
        "chatons"
    } else {
        "gmail"
    };
    answers.insert("mail_tools".to_string(), choices(&[mail]));
    // Every tenth association (9, 19, 29) stopped before the files question.
    if i % 10 != 9 {
        let files: &[&str] = match i {
            0..10 => &["google_drive"],
            10..20 => &["nextcloud"],
            _ => &["google_drive", "nextcloud"],
        };
        answers.insert("files_tools".to_string(), choices(files));
    }
    (a, answers)
}

#[test]
fn a_workshop_of_30_associations_counts_as_expected() {
    let q = express();
    let catalog = catalog::shipped().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let w = new_workshop(&mut store, "Atelier étudiant");
    let mut first = String::new();
    for i in 0..30 {
        let (a, answers) = generated(i);
        let id = add(&mut store, &w, &q, &a, &answers);
        if i == 0 {
            first = id;
        }
    }
    // Association 0 is audited again (a follow-up, in the same workshop): its latest audit
    // counts, Element instead of Signal.
    let again = store.start_followup(&first, "Maël", &q).unwrap();
    for (question, answer) in [
        ("chat_tools", choices(&["element"])),
        ("mail_tools", choices(&["chatons"])),
        ("files_tools", choices(&["google_drive"])),
    ] {
        store.save_answer(&again, question, Some(&answer)).unwrap();
    }
    assert!(store.add_to_workshop(&w, &again).unwrap());
    assert!(!store.add_to_workshop(&w, &again).unwrap(), "already in");

    let facts = store.audit_facts(Scope::Workshop(&w)).unwrap();
    let d = workshop::dashboard(&facts, &catalog);
    assert_eq!((d.audits, d.associations), (31, 30));

    let tools: Vec<(&str, usize, Option<bool>)> = d
        .tools
        .iter()
        .map(|t| (t.tool.as_str(), t.associations, t.free))
        .collect();
    assert_eq!(
        tools,
        vec![
            ("gmail", 24, Some(false)),
            ("whatsapp", 20, Some(false)),
            ("google-drive", 18, Some(false)),
            ("nextcloud", 18, Some(true)),
            ("signal", 9, Some(true)),
            ("element-matrix", 1, Some(true)),
        ]
    );
    let needs: Vec<(&str, usize, usize, usize)> = d
        .needs
        .iter()
        .map(|n| (n.need.as_str(), n.associations, n.free, n.unmet))
        .collect();
    assert_eq!(
        needs,
        vec![
            ("email", 30, 6, 24),
            ("team-chat", 30, 10, 20),
            ("file-sharing", 27, 9, 18),
        ]
    );
    // Tools in use: 24 + 20 + 18 + 18 + 9 + 1 = 90, free 18 + 9 + 1 = 28.
    assert_eq!((d.free_tools.part, d.free_tools.whole), (28, 90));
    assert_eq!(d.free_tools.percent(), 31);
    // (association, need) pairs: 30 + 30 + 27, free 6 + 10 + 9.
    assert_eq!((d.free_needs.part, d.free_needs.whole), (25, 87));

    assert_eq!(d.progress.len(), 31);
    let total = q.question_count();
    let full = d.progress.iter().filter(|p| p.answered == 3).count();
    let partial: Vec<_> = d.progress.iter().filter(|p| p.answered == 2).collect();
    assert_eq!((full, partial.len()), (28, 3));
    // The storage question shows only once files are named.
    assert!(partial.iter().all(|p| p.shown == total - 1));
    assert!(
        d.progress
            .iter()
            .filter(|p| p.answered == 3)
            .all(|p| p.shown == total)
    );
    assert!(
        d.progress
            .iter()
            .all(|p| p.status == AuditStatus::InProgress)
    );
    assert_eq!(d.progress[0].association_name, "Association 0");
}

#[test]
fn the_aggregates_read_needs_as_the_plan_does() {
    let q = express();
    let catalog = catalog::shipped().unwrap();
    let mut reader = Reader::new(&catalog);
    let demo = diagasso::answers_file::parse_shipped(
        "express-demo.toml",
        include_bytes!("../questionnaires/examples/express-demo.toml"),
    )
    .unwrap();
    let mut cases: Vec<(Association, BTreeMap<String, Answer>)> = (0..30).map(generated).collect();
    cases.push((demo.association.clone(), demo.answers.clone()));
    for (a, answers) in cases {
        let audit = Audit {
            id: "x".into(),
            association_id: "y".into(),
            trainer: String::new(),
            questionnaire: QuestionnaireRef {
                id: q.id.clone(),
                version: q.version,
                hash: q.hash.clone(),
            },
            status: AuditStatus::InProgress,
            started_at: String::new(),
            finished_at: None,
            updated_at: String::new(),
            answers: answers
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        AnswerRecord {
                            answer: v.clone(),
                            updated_at: String::new(),
                        },
                    )
                })
                .collect(),
            notes: BTreeMap::new(),
            note: String::new(),
        };
        let plan = diagasso::plan::plan(&q, &audit, &a, &catalog);
        let mut ours: Vec<(String, _)> = reader
            .read(&q, &answers)
            .needs
            .into_iter()
            .map(|n| (n.need.to_string(), n.status))
            .collect();
        let mut theirs: Vec<(String, _)> =
            plan.needs.into_iter().map(|n| (n.need, n.status)).collect();
        ours.sort_by(|x, y| x.0.cmp(&y.0));
        theirs.sort_by(|x, y| x.0.cmp(&y.0));
        assert_eq!(ours, theirs, "{}", a.name);
    }
}

/// Nine associations: three in Ille-et-Vilaine, one in Finistère and one in Morbihan (alone in
/// their départements, together in Brittany), one in Paris (alone), two in Belgium, and one in
/// Rennes whose mail is already with a CHATONS host.
fn pooled_case(store: &mut Store) -> String {
    let q = express();
    let w = new_workshop(store, "Réseau d'éducation populaire");
    let people = [
        ("Vélo Rennes", "FR", "35000", "Atelier vélo"),
        ("Jardin de Rennes", "FR", "35200", "Jardin partagé"),
        ("Théâtre de Rennes", "FR", "35700", "Théâtre amateur"),
        ("Chorale de Brest", "FR", "29200", "Chorale"),
        ("Ludothèque de Vannes", "FR", "56000", "Ludothèque"),
        ("Amicale parisienne", "FR", "75011", "Amicale de quartier"),
        ("Repair café Bruxelles", "BE", "1000", "Repair café"),
        (
            "Les Amis de Liège",
            "BE",
            "4000",
            "Les Amis de Liège, club de lecture",
        ),
        ("Radio libre de Rennes", "FR", "35000", "Radio associative"),
    ];
    for (i, (name, country, postcode, activity)) in people.iter().enumerate() {
        let a = association(name, country, postcode, activity);
        let mail = if i == 8 { "chatons" } else { "gmail" };
        let mut answers = BTreeMap::from([("mail_tools".to_string(), choices(&[mail]))]);
        answers.insert(
            "assoc_accounts".to_string(),
            Answer::Given(Value::Number(10.0)),
        );
        add(store, &w, &q, &a, &answers);
    }
    w
}

#[test]
fn pooled_needs_on_a_known_case() {
    let catalog = catalog::shipped().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let w = pooled_case(&mut store);
    let facts = store.audit_facts(Scope::Workshop(&w)).unwrap();
    let p = workshop::pools(&facts, &catalog);
    let groups: Vec<(&str, Vec<&str>)> = p
        .groups
        .iter()
        .map(|g| {
            let mut names: Vec<&str> = g.members.iter().map(|m| m.name.as_str()).collect();
            names.sort_unstable();
            (g.id.as_str(), names)
        })
        .collect();
    assert_eq!(
        groups,
        vec![
            (
                "email@dep-35",
                vec!["Jardin de Rennes", "Théâtre de Rennes", "Vélo Rennes"]
            ),
            (
                "email@pays-be",
                vec!["Les Amis de Liège", "Repair café Bruxelles"]
            ),
            (
                "email@reg-bretagne",
                vec!["Chorale de Brest", "Ludothèque de Vannes"]
            ),
        ]
    );
    assert!(p.unserved.is_empty(), "{:?}", p.unserved);
    for g in &p.groups {
        assert!(!g.hosts.is_empty(), "{}", g.id);
        assert!(!g.framaspace, "Frama.space offers no mail");
        for h in &g.hosts {
            let host = catalog.host(&h.id).unwrap();
            assert!(
                host.services
                    .iter()
                    .any(|s| s.needs.iter().any(|n| n == "email")
                        || s.software.iter().any(|sw| catalog
                            .software(sw)
                            .is_some_and(|x| x.needs.iter().any(|n| n == "email")))),
                "{} serves e-mail",
                h.id
            );
        }
        assert!(g.changes[0].fr.contains("Un seul espace partagé"));
        assert!(g.changes.len() >= 3);
    }
    let rennes = p.group("email@dep-35").unwrap();
    assert_eq!(rennes.area.label.fr, "département 35");
    assert!(
        rennes
            .members
            .iter()
            .all(|m| m.tools == vec!["Gmail".to_string()])
    );
}

#[test]
fn the_joint_annonce_is_anonymised_and_short() {
    let catalog = catalog::shipped().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let w = pooled_case(&mut store);
    let facts = store.audit_facts(Scope::Workshop(&w)).unwrap();
    let p = workshop::pools(&facts, &catalog);
    for g in &p.groups {
        let text = annonce::render(g);
        assert!(text.chars().count() <= 1500, "{text}");
        assert!(
            text.contains(&format!("{}\u{a0}associations", g.members.len())),
            "{text}"
        );
        assert!(text.contains(&g.area.label.fr), "{text}");
        for m in &g.members {
            assert!(!text.contains(&m.name), "{} in {text}", m.name);
        }
        assert!(!text.contains('@'), "no contact: {text}");
    }
    let be = annonce::render(p.group("email@pays-be").unwrap());
    assert!(be.contains("Repair café"), "{be}");
    assert!(
        be.contains("activité non précisée"),
        "an activity naming its association: {be}"
    );
    let rennes = annonce::render(p.group("email@dep-35").unwrap());
    assert!(rennes.contains("environ 30\u{a0}comptes"), "{rennes}");
    assert!(rennes.contains("Gmail"), "{rennes}");
}

#[test]
fn a_long_group_annonce_is_shortened_to_fit() {
    let catalog = catalog::shipped().unwrap();
    let q = express();
    let mut store = Store::open_in_memory().unwrap();
    let w = new_workshop(&mut store, "Grand atelier");
    for i in 0..40 {
        let a = association(
            &format!("Asso {i}"),
            "FR",
            "69001",
            &format!(
                "Activité numéro {i} avec une description assez longue pour remplir l'annonce"
            ),
        );
        let answers = BTreeMap::from([("mail_tools".to_string(), choices(&["gmail", "outlook"]))]);
        add(&mut store, &w, &q, &a, &answers);
    }
    let facts = store.audit_facts(Scope::All).unwrap();
    let p = workshop::pools(&facts, &catalog);
    let g = p.group("email@dep-69").unwrap();
    assert_eq!(g.members.len(), 40);
    let text = annonce::render(g);
    assert!(
        text.chars().count() <= 1500,
        "{} chars",
        text.chars().count()
    );
    assert!(
        text.contains("\u{a0}autres") && !text.contains("(s)"),
        "{text}"
    );
}

#[test]
fn workshops_are_found_by_id_prefix_or_name() {
    let mut store = Store::open_in_memory().unwrap();
    let id = new_workshop(&mut store, "Atelier de l'Été");
    let other = new_workshop(&mut store, "Autre atelier");
    assert_eq!(store.find_workshop(&id).unwrap().unwrap().id, id);
    assert_eq!(
        store.find_workshop("atelier de l'ete").unwrap().unwrap().id,
        id
    );
    assert!(store.find_workshop("nothing").unwrap().is_none());
    // A prefix both share finds neither.
    let common: String = id
        .chars()
        .zip(other.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a)
        .collect();
    if common.len() >= 4 {
        assert!(store.find_workshop(&common).unwrap().is_none());
    }
    let list = store.workshops().unwrap();
    assert_eq!(list.len(), 2);
    assert!(
        store
            .create_workshop(&NewWorkshop {
                name: "x",
                date: "14/03/2026",
                place: "",
                trainer: "",
                questionnaire_id: "atelier-express",
            })
            .is_err(),
        "a date must be YYYY-MM-DD"
    );
}
