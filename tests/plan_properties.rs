//! The plan's coherence as properties over thousands of generated audits (the generator the
//! benchmarks and the host properties share, `tests/generator`): for every audit, complete or
//! stopped part-way, the checks of
//! `plan_common::coherence` hold — one place per need, no tool kept and moved, no special data
//! moved without its caveat, no French in the English plan, first phases within the declared
//! time, no free tool in use "started", urgent steps first, backups off site, steps following
//! their recommendation. Then each check is shown able to fail: a plan broken on purpose, one
//! way per property, is caught.
//!
//! `PROPTEST_CASES` sets the number of audits (2,000 by default).

mod plan_common;

mod generator;

use diagasso::audit::{AnswerRecord, Audit, AuditStatus, QuestionnaireRef};
use diagasso::catalog::{self, Catalog};
use diagasso::i18n::Text;
use diagasso::plan::{Caveat, DataMove, KeptTool, Phase, Plan, SpecialData, StepKind, plan};
use diagasso::questionnaire::{Questionnaire, shipped};
use proptest::prelude::*;

use plan_common::{coherence, load};

fn audit_of(q: &Questionnaire, g: &generator::Generated) -> Audit {
    Audit {
        id: "generated".into(),
        association_id: "generated".into(),
        trainer: "Dominique".into(),
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version,
            hash: q.hash.clone(),
        },
        status: AuditStatus::InProgress,
        started_at: String::new(),
        finished_at: None,
        updated_at: String::new(),
        answers: g
            .answers
            .iter()
            .map(|(k, a)| {
                (
                    k.clone(),
                    AnswerRecord {
                        answer: a.clone(),
                        updated_at: String::new(),
                    },
                )
            })
            .collect(),
        notes: g.notes.clone(),
        note: g.note.clone(),
    }
}

fn setup() -> (Questionnaire, Catalog) {
    (
        match shipped::by_id(shipped::DEFAULT_ID) {
            Ok(Some(q)) => q,
            _ => panic!("the shipped questionnaire loads"),
        },
        catalog::shipped().expect("shipped catalogue loads"),
    )
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn every_generated_plan_is_coherent(seed in any::<u64>(), i in 0usize..100_000) {
        let (q, catalog) = SETUP.with(|s| s.clone());
        let g = generator::audit(&q, seed, i);
        let audit = audit_of(&q, &g);
        let p = plan(&q, &audit, &g.association, &catalog);
        if let Err(e) = coherence::all(&p, &q, &audit, &catalog) {
            prop_assert!(false, "seed {seed}, audit {i}:\n{e}");
        }
    }
}

thread_local! {
    static SETUP: (Questionnaire, Catalog) = setup();
}

/// A realistic plan to break: the health centre (special data, Frama.space, hosts).
fn health_centre() -> (Plan, Questionnaire, Audit, Catalog) {
    let qs = shipped::all().expect("questionnaires");
    let catalog = catalog::shipped().expect("catalogue");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plan-cases/centre-sante.toml");
    let (loaded, q) = load(&path, &qs);
    let p = plan(&q, &loaded.audit, &loaded.association, &catalog);
    assert!(
        coherence::all(&p, &q, &loaded.audit, &catalog).is_ok(),
        "the plan starts coherent"
    );
    (p, q, loaded.audit, catalog)
}

fn step_mut<'p>(p: &'p mut Plan, need: &str) -> &'p mut diagasso::plan::Step {
    p.roadmap
        .iter_mut()
        .flat_map(|ph| ph.steps.iter_mut())
        .find(|s| s.need.as_deref() == Some(need))
        .unwrap_or_else(|| panic!("a step for {need}"))
}

#[test]
fn a_need_sent_to_two_places_is_caught() {
    let (mut p, ..) = health_centre();
    let s = step_mut(&mut p, "calendar");
    let mut other = s.moves[0].clone();
    other.to = "another-host".into();
    s.moves.push(other);
    assert!(coherence::one_place_per_need(&p).is_err());
}

#[test]
fn a_tool_kept_and_moved_is_caught() {
    let (mut p, _, _, catalog) = health_centre();
    let tool = step_mut(&mut p, "calendar").moves[0]
        .tool
        .clone()
        .expect("a tool");
    step_mut(&mut p, "file-sharing").keeps.push(KeptTool {
        tool,
        name: Text::new("Google Agenda", "Google Calendar"),
        why: Text::new("gardé", "kept"),
    });
    assert!(coherence::no_keep_and_move(&p, &catalog).is_err());
}

#[test]
fn health_data_moved_without_its_caveat_is_caught() {
    let (mut p, q, audit, _) = health_centre();
    step_mut(&mut p, "file-sharing").caveats.clear();
    assert!(coherence::special_data_never_travels_bare(&p, &q, &audit).is_err());
    // A caveat on another kind of data does not count either.
    let (mut p, q, audit, _) = health_centre();
    for c in &mut step_mut(&mut p, "forms").caveats {
        c.data = SpecialData::Sensitive;
    }
    assert!(coherence::special_data_never_travels_bare(&p, &q, &audit).is_err());
    // Nor an empty one.
    let (mut p, q, audit, _) = health_centre();
    for c in &mut step_mut(&mut p, "file-sharing").caveats {
        *c = Caveat {
            goes_to: Text::new("", ""),
            ..c.clone()
        };
    }
    assert!(coherence::special_data_never_travels_bare(&p, &q, &audit).is_err());
    // And the HDS step must come first.
    let (mut p, q, audit, _) = health_centre();
    let urgent = &mut p.roadmap[Phase::Urgent as usize].steps;
    urgent.rotate_left(1);
    assert!(coherence::special_data_never_travels_bare(&p, &q, &audit).is_err());
}

#[test]
fn french_in_the_english_plan_is_caught() {
    let (mut p, _, _, catalog) = health_centre();
    p.summary[0].en = "Keep le gestionnaire de mots de passe de Google".into();
    assert!(coherence::no_french_in_english(&p, &catalog).is_err());
    let (mut p, _, _, catalog) = health_centre();
    p.recommendations[0]
        .reasons
        .push(Text::new("1 besoin(s)", "1 need(s) found"));
    assert!(coherence::no_french_in_english(&p, &catalog).is_err());
    let (mut p, _, _, catalog) = health_centre();
    step_mut(&mut p, "calendar").title.en =
        "Shared calendars: find a host for Nom de domaine".into();
    assert!(coherence::no_french_in_english(&p, &catalog).is_err());
    // A tool's French name where its English one belongs.
    let (mut p, _, _, catalog) = health_centre();
    step_mut(&mut p, "calendar").title.en = "Shared calendars: move from Google Agenda".into();
    assert!(coherence::no_french_in_english(&p, &catalog).is_err());
}

#[test]
fn a_first_phase_beyond_the_declared_time_is_caught() {
    let (mut p, q, audit, _) = health_centre();
    let later: Vec<_> = p.roadmap[Phase::Later as usize].steps.drain(..).collect();
    assert!(!later.is_empty(), "the health centre has steps for later");
    for mut s in later {
        s.when = Some(diagasso::plan::When { start: 7, end: 9 });
        p.roadmap[Phase::Core as usize].steps.push(s);
    }
    assert!(coherence::first_phases_fit_the_time(&p, &q, &audit).is_err());
    // A step of the first phases with no months is caught too.
    let (mut p, q, audit, _) = health_centre();
    step_mut(&mut p, "calendar").when = None;
    assert!(coherence::first_phases_fit_the_time(&p, &q, &audit).is_err());
}

#[test]
fn a_free_tool_in_use_started_again_is_caught() {
    let (mut p, _, _, catalog) = health_centre();
    // Signal is in use at the health centre: a step "starting" it breaks the property.
    let s = step_mut(&mut p, "team-chat");
    s.kind = StepKind::Start;
    s.software = Some("Signal".into());
    assert!(coherence::free_tool_never_started(&p, &catalog).is_err());
}

#[test]
fn a_comfort_step_before_an_urgent_one_is_caught() {
    let (mut p, ..) = health_centre();
    let chat = p
        .roadmap
        .iter_mut()
        .flat_map(|ph| ph.steps.iter_mut())
        .find(|s| s.need.as_deref() == Some("team-chat"))
        .map(|s| s.clone())
        .expect("a team-chat step");
    p.roadmap[Phase::Urgent as usize].steps.insert(0, chat);
    assert!(coherence::urgent_first(&p).is_err());
}

#[test]
fn a_backup_kept_on_site_is_caught() {
    let (mut p, ..) = health_centre();
    let b = step_mut(&mut p, "backups");
    b.migration.retain(|m| !m.fr.contains("hors du local"));
    assert!(coherence::backups_off_site(&p).is_err());
}

#[test]
fn a_step_at_another_provider_than_its_recommendation_is_caught() {
    let (mut p, ..) = health_centre();
    step_mut(&mut p, "calendar").provider = Some("Ailleurs".into());
    assert!(coherence::steps_follow_their_recommendation(&p).is_err());
    let (mut p, ..) = health_centre();
    step_mut(&mut p, "calendar").moves.push(DataMove {
        tool: Some("google-calendar".into()),
        name: Text::new("Google Agenda", "Google Calendar"),
        need: "calendar".into(),
        to: "elsewhere".into(),
    });
    assert!(coherence::one_place_per_need(&p).is_err());
}

#[test]
fn a_host_said_to_take_a_need_it_was_not_chosen_for_is_caught() {
    let (mut p, ..) = health_centre();
    let h = p
        .hosts
        .first_mut()
        .expect("the health centre's plan retains a host");
    h.covers.push("backups".into());
    assert!(coherence::hosts_take_what_they_are_chosen_for(&p).is_err());
}

/// The plan that showed it (2026-12-07): an association keeping its contacts and members in
/// Excel, and its tasks too, with no Kanban in the catalogue; the address book is given to
/// the host that takes the files, and the members to a host running Paheko.
#[test]
fn a_spreadsheet_kept_for_one_need_does_not_hold_the_others() {
    let qs = shipped::all().expect("questionnaires");
    let catalog = catalog::shipped().expect("catalogue");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plan-cases/epicerie-solidaire.toml");
    let (loaded, q) = load(&path, &qs);
    let p = plan(&q, &loaded.audit, &loaded.association, &catalog);
    coherence::all(&p, &q, &loaded.audit, &catalog).unwrap();
    let reco = |need: &str| p.recommendations.iter().find(|r| r.need == need).unwrap();
    for need in ["contacts", "members-accounting"] {
        let r = reco(need);
        assert!(
            matches!(r.action, diagasso::plan::Action::Replace),
            "{need}: {:?}",
            r.action
        );
        assert!(
            r.from.iter().any(|f| f.fr == "Excel"),
            "{need}: {:?}",
            r.from
        );
    }
}

/// A Facebook page that stands in for a website stays, like the page kept for the networks:
/// the website comes beside it (`add_alongside`, a step that keeps the page), never « keep
/// Facebook as your website ».
#[test]
fn a_facebook_page_standing_in_for_a_site_gets_a_site_beside_it() {
    let qs = shipped::all().expect("questionnaires");
    let catalog = catalog::shipped().expect("catalogue");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plan-cases/jardin-lyon.toml");
    let (loaded, q) = load(&path, &qs);
    let p = plan(&q, &loaded.audit, &loaded.association, &catalog);
    coherence::all(&p, &q, &loaded.audit, &catalog).unwrap();
    let site = p
        .recommendations
        .iter()
        .find(|r| r.need == "website")
        .unwrap();
    assert_eq!(site.action, diagasso::plan::Action::AddAlongside);
    assert!(
        site.from.iter().any(|f| f.fr.starts_with("Facebook")),
        "{:?}",
        site.from
    );
    assert!(
        site.chosen()
            .is_some_and(|c| c.kind != diagasso::plan::ProviderKind::Keep)
    );
    let step = p
        .roadmap
        .iter()
        .flat_map(|ph| &ph.steps)
        .find(|s| s.need.as_deref() == Some("website"))
        .expect("a step for the website");
    assert!(step.keeps.iter().any(|k| k.name.fr.starts_with("Facebook")));
    assert!(step.moves.is_empty());
}
