//! A ChatonsInfos import changes the plan: a host brought on a USB key enters the effective
//! catalogue and the ranking, with its reasons (here an association in the same département as
//! a collective too big for Frama.space, offering Nextcloud to its members).

mod plan_common;

use std::path::{Path, PathBuf};

use diagasso::catalog::{self, Catalog, import};
use diagasso::plan::{Plan, plan};
use diagasso::questionnaire::shipped;
use plan_common::load;

const FIXTURES: &str = "tests/fixtures/chatonsinfos";

fn plan_with(catalog: &Catalog) -> Plan {
    let questionnaires = shipped::all().expect("shipped questionnaires");
    let path = Path::new("tests/fixtures/plans-import/collectif-lyon-fichiers.toml");
    let (loaded, q) = load(path, &questionnaires);
    plan(&q, &loaded.audit, &loaded.association, catalog)
}

/// (provider id, score) of the file-sharing recommendation, best first.
fn file_sharing(p: &Plan) -> Vec<(String, u32)> {
    p.recommendations
        .iter()
        .find(|r| r.need == "file-sharing")
        .map(|r| {
            r.providers
                .iter()
                .filter_map(|pr| pr.score.map(|s| (pr.id.clone(), s)))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn an_imported_host_enters_the_ranking_with_its_reasons() {
    let shipped = catalog::shipped().expect("shipped catalogue");
    let before = plan_with(&shipped);

    let dir = tempfile::tempdir().expect("temp dir");
    let user = dir.path().join("catalogue.toml");
    let paths: Vec<PathBuf> = [
        "federation.properties",
        "chaton-exemple.properties",
        "chaton-exemple-cloud.properties",
        "chaton-exemple-pad.properties",
        "chaton-exemple-visio.properties",
    ]
    .iter()
    .map(|f| Path::new(FIXTURES).join(f))
    .collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let prepared = import::prepare_paths(&paths, &user, today).expect("fixtures import");
    assert_eq!(prepared.added.len(), 1, "one new host");
    import::write_user_catalog(&user, &prepared.user_file).expect("user catalogue written");
    let effective = catalog::load_effective(Some(&user)).expect("effective catalogue");
    let new_id = effective
        .user_host_ids
        .first()
        .cloned()
        .expect("an imported host");

    let after = plan_with(&effective);
    let (ranked_before, ranked_after) = (file_sharing(&before), file_sharing(&after));
    assert!(
        !ranked_before.is_empty(),
        "a host is proposed for the files"
    );
    assert!(!ranked_before.iter().any(|(id, _)| *id == new_id));
    let position = ranked_after
        .iter()
        .position(|(id, _)| *id == new_id)
        .unwrap_or_else(|| panic!("{new_id} not among {ranked_after:?}"));
    assert!(ranked_after != ranked_before, "the ranking changed");
    let reasons: Vec<String> = after
        .recommendations
        .iter()
        .find(|r| r.need == "file-sharing")
        .and_then(|r| r.providers.get(position))
        .map(|p| p.reasons.iter().map(|t| t.fr.clone()).collect())
        .unwrap_or_default();
    assert!(
        reasons.iter().any(|r| r.contains("même département")),
        "{reasons:?}"
    );
}
