//! `diagasso catalog import` on files shaped like the ones real tools write (the fixtures of
//! `tests/fixtures/chatonsinfos-habits/`, invented data), through the binary: YunoHost's app
//! (quoted values, no `file.url`, every host with `organization.properties` and
//! `nextcloud.properties`, one folder per host on a USB key), flat copies that cannot be told
//! apart, StatoolInfos statuses, a host that says it left (never recommended by `diagasso plan`
//! afterwards), and a federation file's absences.

#[path = "common/bin.rs"]
mod bin;

use std::path::Path;
use std::process::Stdio;

use serde_json::Value;

const HABITS: &str = "tests/fixtures/chatonsinfos-habits";

struct Run {
    code: i32,
    out: String,
    err: String,
}

fn run(catalog: &Path, args: &[&str]) -> Run {
    let out = bin::diagasso()
        .args(["--lang", "en"])
        .args(args)
        .env("DIAGASSO_CATALOG", catalog)
        .stdin(Stdio::null())
        .output()
        .expect("binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn habit(name: &str) -> String {
    format!("{HABITS}/{name}")
}

fn import(catalog: &Path, paths: &[&str]) -> Run {
    let mut args = vec!["catalog", "import"];
    args.extend(paths);
    args.push("--yes");
    let r = run(catalog, &args);
    assert_eq!(r.code, 0, "{}{}", r.out, r.err);
    r
}

fn hosts(catalog: &Path) -> Vec<Value> {
    let r = run(catalog, &["catalog", "list", "--json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let v: Value = serde_json::from_str(&r.out).expect("json");
    v["hosts"].as_array().cloned().unwrap_or_default()
}

fn host(catalog: &Path, id: &str) -> Value {
    hosts(catalog)
        .into_iter()
        .find(|h| h["id"] == id)
        .unwrap_or_else(|| panic!("no host {id}"))
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn yunohost_hosts_with_the_same_file_names_keep_their_own_services() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalogue.toml");
    // One folder for the whole key: sub-folders are read, the macOS `._` copy is skipped.
    let r = import(&cat, &[&habit("yunohost")]);
    assert!(r.out.contains("+ Chaton A (chaton-a)"), "{}", r.out);
    assert!(r.out.contains("+ Chaton B (chaton-b)"), "{}", r.out);
    assert!(!r.err.contains("._nextcloud"), "{}", r.err);
    assert!(!r.err.contains("ambiguous"), "{}", r.err);

    let a = host(&cat, "chaton-a");
    assert_eq!(a["name"], "Chaton A", "quotes are not part of the value");
    let services = a["services"].as_array().unwrap();
    let sites: Vec<&str> = services
        .iter()
        .filter_map(|s| s["website"].as_str())
        .collect();
    assert_eq!(
        sites,
        vec![
            "https://visio.chaton-a.example.org/",
            "https://cloud.chaton-a.example.org/"
        ]
    );
    assert_eq!(services[0]["status"], "maintenance");
    assert_eq!(
        services[1]["start"], "2024-03-12",
        "dd/mm/yyyy as YunoHost writes it"
    );
    assert_eq!(strings(&services[1]["software"]), vec!["nextcloud"]);
    assert_eq!(strings(&services[1]["registration"]), vec!["free"]);
    assert_eq!(a["membership_evidence"]["basis"], "stated_by_collective");
    assert_eq!(a["place"]["departements"], serde_json::json!(["69"]));
    // Sources name where each file is published, taken from the links (no `file.url`).
    let sources = strings(&a["sources"]);
    assert!(
        sources.contains(
            &"https://chaton-a.example.org/.well_known/chatonsinfos/organization.properties"
                .to_string()
        ),
        "{sources:?}"
    );
    assert!(
        sources.contains(
            &"https://chaton-a.example.org/.well_known/chatonsinfos/nextcloud.properties"
                .to_string()
        ),
        "{sources:?}"
    );

    let b = host(&cat, "chaton-b");
    let services = b["services"].as_array().unwrap();
    assert_eq!(services.len(), 1, "{services:?}");
    assert_eq!(
        services[0]["website"],
        "https://nuage.chaton-b.example.net/"
    );
    assert_eq!(strings(&services[0]["registration"]), vec!["member"]);
    assert_eq!(services[0]["load"], "full");
    assert_eq!(services[0]["status"], "on");
    assert_eq!(b["membership_evidence"]["basis"], "stated_by_collective");
    assert_eq!(
        b["membership_evidence"]["joined"], "2021-01-10",
        "each host keeps its own membership evidence"
    );
}

#[test]
fn flat_copies_are_reported_as_ambiguous_never_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalogue.toml");
    let r = import(&cat, &[&habit("ambiguous")]);
    assert!(
        r.err
            .contains("nextcloud.properties: ambiguous service file:")
            && r.err.contains("it is attached to none"),
        "{}",
        r.err
    );
    assert!(
        r.err
            .contains("a-organization.properties:9: link `subs.pad`")
            && r.err.contains("has that name elsewhere but is not read"),
        "{}",
        r.err
    );
    for id in ["chaton-plat-a", "chaton-plat-b"] {
        let h = host(&cat, id);
        assert_eq!(h["services"], serde_json::json!([]), "{id}: {h}");
    }
    let c = host(&cat, "chaton-c");
    assert_eq!(c["services"][0]["label"], "Pad C");
}

#[test]
fn statoolinfos_statuses_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalogue.toml");
    let r = import(&cat, &[&habit("statuses")]);
    assert!(!r.err.contains("cannot read"), "{}", r.err);
    let h = host(&cat, "chaton-statuts");
    let statuses: Vec<&str> = h["services"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["status"].as_str())
        .collect();
    assert_eq!(statuses, vec!["on", "maintenance", "down", "off", "draft"]);
}

/// The ids of every provider the plan names, for every need.
fn providers(catalog: &Path) -> Vec<String> {
    let r = run(
        catalog,
        &[
            "plan",
            "--json",
            "--answers",
            "tests/fixtures/plans-import/collectif-lyon-fichiers.toml",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v: Value = serde_json::from_str(&r.out).expect("plan json");
    v["recommendations"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|r| r["providers"].as_array().cloned().unwrap_or_default())
        .filter_map(|p| p["id"].as_str().map(String::from))
        .collect()
}

#[test]
fn a_host_whose_newest_file_says_it_left_is_never_recommended() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalogue.toml");
    // January: a member, listed by the federation, near the association: recommended.
    import(&cat, &[&habit("left/before")]);
    assert!(
        providers(&cat).contains(&"chaton-parti".to_string()),
        "{:?}",
        providers(&cat)
    );
    // September: its own file says AWAY with an end date. The older, collective evidence does
    // not outweigh it.
    let r = import(&cat, &[&habit("left/after")]);
    assert!(r.out.contains("~ Chaton Parti"), "{}", r.out);
    let h = host(&cat, "chaton-parti");
    assert_eq!(h["membership_evidence"]["status"], "away");
    assert_eq!(h["membership_evidence"]["left"], "2026-06-30");
    assert!(!providers(&cat).contains(&"chaton-parti".to_string()));

    // Both files in one import, in either order of folders: the newest decides.
    for order in [["left/before", "left/after"], ["left/after", "left/before"]] {
        let dir = tempfile::tempdir().unwrap();
        let cat = dir.path().join("catalogue.toml");
        let r = import(&cat, &[&habit(order[0]), &habit(order[1])]);
        assert!(r.err.contains("several copies of"), "{}", r.err);
        let h = host(&cat, "chaton-parti");
        assert_eq!(h["membership_evidence"]["left"], "2026-06-30", "{order:?}");
        assert!(!providers(&cat).contains(&"chaton-parti".to_string()));
    }
}

#[test]
fn a_federation_file_flags_the_hosts_it_does_not_list_until_one_lists_them_again() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalogue.toml");
    let r = import(&cat, &[&habit("federation-lift/step1")]);
    assert!(
        r.out.contains(
            "? Chaton Y (chaton-y) — absent from the federation file: membership to re-check"
        ),
        "{}",
        r.out
    );
    assert!(!r.out.contains("(chaton-x) — absent"), "{}", r.out);
    // Shipped hosts the (invented) federation does not list are flagged too, without being
    // copied into the user catalogue.
    assert!(r.out.contains("? Framasoft (framasoft)"), "{}", r.out);
    let text = std::fs::read_to_string(&cat).unwrap();
    assert!(text.contains("[[membership_recheck]]"), "{text}");
    assert!(!text.contains("id = \"framasoft\""), "{text}");
    let y = host(&cat, "chaton-y");
    assert_eq!(
        y["membership_evidence"]["recheck"]["reason"],
        "absent_from_federation_file"
    );
    assert_eq!(y["membership_evidence"]["recheck"]["as_of"], "2026-03-02");
    assert_eq!(
        host(&cat, "framasoft")["membership_evidence"]["recheck"]["reason"],
        "absent_from_federation_file"
    );
    assert!(host(&cat, "chaton-x")["membership_evidence"]["recheck"].is_null());

    // October's federation file lists Chaton Y again: the flag is lifted.
    let r = import(&cat, &[&habit("federation-lift/step2")]);
    assert!(
        r.out
            .contains("chaton-y — listed again by the federation file"),
        "{}",
        r.out
    );
    assert!(host(&cat, "chaton-y")["membership_evidence"]["recheck"].is_null());
    assert!(host(&cat, "chaton-x")["membership_evidence"]["recheck"].is_null());
    // The same file again changes nothing.
    let again = run(
        &cat,
        &["catalog", "import", &habit("federation-lift/step2")],
    );
    assert!(again.out.contains("Nothing to write."), "{}", again.out);
}
