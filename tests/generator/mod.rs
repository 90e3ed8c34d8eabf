//! The audit generator shared by the benchmarks (`benches/proof/testdata.rs`) and the property
//! tests: realistic associations and audits on a shipped questionnaire, deterministic for a
//! seed. Pure: no store, no clock.
//!
//! An audit follows the questionnaire in document order: every question shown given the
//! answers so far gets an answer of its kind (a choice, a few choices, a number in range, a
//! sentence, a rating, yes or no), sometimes « je ne sais pas » or « non concerné »; each answer
//! passes `questionnaire::answer::check`, and answers to questions hidden by later answers are
//! dropped, so every audit is one the walk could have produced. About a third of the audits
//! stop part-way, as audits in progress do; some carry notes.

#![allow(dead_code)]

use std::collections::BTreeMap;

use diagasso::audit::{
    Answer, AnswerRecord, Association, Audit, AuditStatus, LegalForm, QuestionnaireRef, Value,
};
use diagasso::questionnaire::{Kind, Question, Questionnaire, answer};

/// splitmix64: small, fast, good enough for test data, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent` in 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const KINDS: &[&str] = &[
    "Les Amis de",
    "Comité des fêtes de",
    "Jardins partagés de",
    "Chorale de",
    "Club de randonnée de",
    "Épicerie solidaire de",
    "Compagnie de théâtre de",
    "Amicale laïque de",
    "Ludothèque de",
    "Repair café de",
    "AMAP de",
    "Atelier vélo participatif de",
    "Association des parents d'élèves de",
    "Secours alimentaire de",
    "Société d'histoire de",
    "Maison des jeunes de",
];

const PLACES: &[(&str, &str)] = &[
    ("Pézenas", "34120"),
    ("Villeurbanne", "69100"),
    ("Lyon 7e", "69007"),
    ("Brest", "29200"),
    ("Quimper", "29000"),
    ("Nancy", "54000"),
    ("Besançon", "25000"),
    ("Aurillac", "15000"),
    ("Die", "26150"),
    ("Mâcon", "71000"),
    ("Roubaix", "59100"),
    ("Saint-Étienne", "42000"),
    ("Grenoble", "38000"),
    ("Bayonne", "64100"),
    ("Orléans", "45000"),
    ("Annecy", "74000"),
    ("Marseille 3e", "13003"),
    ("Ajaccio", "20000"),
    ("Pointe-à-Pitre", "97110"),
    ("Rennes", "35000"),
];

/// A few names that test the edges: emoji, right-to-left script, decomposed accents.
const ODD_NAMES: &[&str] = &[
    "Les Petits Débrouillards 🌱 du quartier",
    "Café des langues — مقهى اللغات",
    "Cre\u{0300}che parentale « Les Lutins »",
    "Collectif Ça déménage ! 🚲",
];

const FIRST: &[&str] = &[
    "Camille",
    "Dominique",
    "Hélène",
    "Yannick",
    "Sofia",
    "Karim",
    "Léa",
    "Mathis",
    "Aïcha",
    "Gaëlle",
];
const LAST: &[&str] = &[
    "Martin",
    "Dupré",
    "Le Goff",
    "Benali",
    "Nguyen",
    "Rousseau",
    "Fernandes",
    "Schmitt",
];

const SENTENCES: &[&str] = &[
    "Trois plannings différents, personne ne sait lequel est à jour.",
    "Le trésorier garde tout sur sa clé USB.",
    "On voudrait arrêter WhatsApp mais les bénévoles y sont habitués.",
    "La fédération impose son outil de gestion des adhésions.",
    "Pas de sauvegarde depuis le départ de l'ancien salarié.",
    "Le site a été fait par un bénévole parti il y a deux ans.",
    "Les comptes rendus circulent par courriel en pièce jointe.",
    "Besoin d'un agenda partagé pour les permanences.",
];

const NOTES: &[&str] = &[
    "À vérifier avec la présidente.",
    "Le bureau en reparle à la prochaine AG.",
    "Réponse donnée de mémoire, à confirmer.",
    "Voir le contrat avec l'hébergeur actuel.",
];

/// The association of audit number `i`.
pub fn association(rng: &mut Rng, i: usize) -> Association {
    let (town, postcode) = *rng.pick(PLACES);
    let name = if rng.chance(2) {
        format!("{} ({town})", rng.pick(ODD_NAMES))
    } else {
        format!("{} {town} n° {i}", rng.pick(KINDS))
    };
    let legal_form = if rng.chance(90) {
        LegalForm::Association
    } else {
        *rng.pick(&LegalForm::ALL)
    };
    let members = [8, 15, 25, 40, 60, 120, 300, 1500][rng.below(8)] + rng.below(10) as u32;
    let employees = if rng.chance(70) {
        0
    } else {
        1 + rng.below(12) as u32
    };
    let first = *rng.pick(FIRST);
    let last = *rng.pick(LAST);
    Association {
        name,
        legal_form,
        country: if rng.chance(95) { "FR" } else { "BE" }.into(),
        postcode: postcode.into(),
        activity: rng.pick(KINDS).trim_end_matches(" de").to_string(),
        members: Some(members),
        employees: Some(employees),
        volunteers: Some(members / 4 + rng.below(10) as u32),
        budget_eur: Some([800, 3_000, 12_000, 45_000, 180_000][rng.below(5)]),
        contact_name: format!("{first} {last}"),
        contact_email: format!(
            "{}.{}@example.org",
            first.to_lowercase(),
            last.to_lowercase().replace(' ', "")
        ),
        ..Association::default()
    }
}

fn value(rng: &mut Rng, q: &Question) -> Value {
    match q.kind {
        Kind::Single => Value::Choice(rng.pick(&q.choices).id.clone()),
        Kind::Multiple => {
            let exclusive: Vec<_> = q.choices.iter().filter(|c| c.exclusive).collect();
            if !exclusive.is_empty() && rng.chance(10) {
                return Value::Choices(vec![rng.pick(&exclusive).id.clone()]);
            }
            let open: Vec<_> = q.choices.iter().filter(|c| !c.exclusive).collect();
            let mut ids: Vec<String> = (0..1 + rng.below(3))
                .map(|_| rng.pick(&open).id.clone())
                .collect();
            ids.sort();
            ids.dedup();
            Value::Choices(ids)
        }
        Kind::Number => {
            let lo = q.min.unwrap_or(0.0);
            let hi = q.max.unwrap_or(lo + 1000.0).min(lo + 500.0);
            let n = lo + (hi - lo) * (rng.below(1000) as f64 / 1000.0);
            Value::Number(if q.integer {
                n.round()
            } else {
                n.round() / 2.0
            })
        }
        Kind::Scale => Value::Number(1.0 + rng.below(5) as f64),
        Kind::Text => Value::Text(rng.pick(SENTENCES).to_string()),
        Kind::Yesno => Value::Bool(rng.chance(50)),
    }
}

/// The answers of one audit on `q`.
pub fn answers(rng: &mut Rng, q: &Questionnaire, complete: bool) -> BTreeMap<String, Answer> {
    let all: Vec<&Question> = q.questions().map(|(_, question)| question).collect();
    let stop = if complete {
        all.len()
    } else {
        rng.below(all.len())
    };
    let mut answers = BTreeMap::new();
    for question in &all[..stop] {
        if !q.is_visible(&question.id, &answers) {
            continue;
        }
        let roll = rng.below(100);
        let given = if roll < 7 {
            Answer::DontKnow
        } else if roll < 10 && question.not_applicable {
            Answer::NotApplicable
        } else {
            Answer::Given(value(rng, question))
        };
        let given = answer::normalise(question, given);
        let kept = if answer::check(question, &given, &answers).is_ok() {
            given
        } else {
            Answer::DontKnow
        };
        answers.insert(question.id.clone(), kept);
    }
    // A later answer can hide an earlier question: drop what the walk would not show.
    loop {
        let visible = q.visible(&answers);
        let before = answers.len();
        for (question, shown) in all.iter().zip(visible) {
            if !shown {
                answers.remove(&question.id);
            }
        }
        if answers.len() == before {
            break answers;
        }
    }
}

/// Notes on a few answered questions.
pub fn notes(rng: &mut Rng, answers: &BTreeMap<String, Answer>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if answers.is_empty() || !rng.chance(25) {
        return out;
    }
    let ids: Vec<&String> = answers.keys().collect();
    for _ in 0..1 + rng.below(3) {
        out.insert((*rng.pick(&ids)).clone(), rng.pick(NOTES).to_string());
    }
    out
}

/// One generated audit, owned, ready to be lent to `NewAudit`.
pub struct Generated {
    pub association: Association,
    pub answers: BTreeMap<String, Answer>,
    pub notes: BTreeMap<String, String>,
    pub note: String,
}

/// Audit number `i` of the seeded sequence: the same on every run.
pub fn audit(q: &Questionnaire, seed: u64, i: usize) -> Generated {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    let association = association(&mut rng, i);
    let complete = rng.chance(66);
    let answers = answers(&mut rng, q, complete);
    let notes = notes(&mut rng, &answers);
    let note = if rng.chance(20) {
        format!("Visite du {} mars.", 1 + rng.below(28))
    } else {
        String::new()
    };
    Generated {
        association,
        answers,
        notes,
        note,
    }
}

/// A finished audit answering every question shown, and its association: number `i` of the
/// sequence seeded by `seed`.
pub fn full_audit(q: &Questionnaire, seed: u64, i: usize) -> (Audit, Association) {
    let mut rng = Rng::new(seed.wrapping_add(i as u64));
    let association = association(&mut rng, i);
    let answers = answers(&mut rng, q, true);
    let at = "2026-11-20T10:00:00Z".to_string();
    let audit = Audit {
        id: format!("audit-{i}"),
        association_id: format!("asso-{i}"),
        trainer: "Dominique".into(),
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version,
            hash: q.hash.clone(),
        },
        status: AuditStatus::Finished,
        started_at: at.clone(),
        finished_at: Some(at.clone()),
        updated_at: at.clone(),
        answers: answers
            .into_iter()
            .map(|(k, answer)| {
                (
                    k,
                    AnswerRecord {
                        answer,
                        updated_at: at.clone(),
                    },
                )
            })
            .collect(),
        notes: BTreeMap::new(),
        note: String::new(),
    };
    (audit, association)
}
