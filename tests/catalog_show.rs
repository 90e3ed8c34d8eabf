//! `diagasso catalog show`, `catalog stale` and the facts `catalog list --json` derives, through
//! the binary: one host entirely, what to re-check before a workshop, hosts over three years old
//! flagged « à revérifier avant de recommander », no service shown open that a dated source says
//! closed, and no byte of a file's text reaching the terminal as a control sequence.

#[path = "common/bin.rs"]
mod bin;

use std::path::Path;
use std::process::Stdio;

use serde_json::Value;

fn run(catalog: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin::diagasso()
        .args(args)
        .env("DIAGASSO_CATALOG", catalog)
        .stdin(Stdio::null())
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn no_catalogue() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn json(catalog: &Path, args: &[&str]) -> Value {
    let (code, out, err) = run(catalog, args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn show_prints_one_host_entirely_with_the_age_of_each_fact() {
    let dir = no_catalogue();
    let cat = dir.path().join("catalogue.toml");
    let (code, out, err) = run(&cat, &["--lang", "fr", "catalog", "show", "arn"]);
    assert_eq!(code, 0, "{err}");
    for part in [
        "Alsace Réseau Neutre (ARN) / sans-nuage.fr (arn) — association",
        "Faits les plus récents : novembre 2025, il y a",
        "Appartenance aux CHATONS : déclaré par le collectif",
        "zone : d'abord 67, 68",
        "Services (14)",
        "email (@sans-nuage.fr) — logiciel non indiqué · pour Courriel",
        "Offres (1)",
        "50\u{a0}€ par an pour l'organisation · pour associations · 10\u{a0}comptes · 40 Go",
        "Sources :",
        "https://arn-fai.net/fr/sans-nuage/group",
    ] {
        assert!(out.contains(part), "missing « {part} »:\n{out}");
    }
    assert!(!out.contains("À REVÉRIFIER"), "{out}");

    let v = json(&cat, &["catalog", "show", "arn", "--json"]);
    assert_eq!(v["id"], "arn");
    assert_eq!(v["to_recheck_before_recommending"], false);
    assert_eq!(v["has_left"], false);
    assert!(v["newest_evidence_age_months"].as_i64().is_some());
    let services = v["services"].as_array().expect("services");
    assert_eq!(services.len(), 14);
    assert!(services.iter().all(|s| s["open"].is_boolean()));
    let offers = v["offers"].as_array().expect("offers");
    assert!(offers.iter().all(|o| o["age_months"].as_i64().is_some()));
}

#[test]
fn an_old_host_is_to_recheck_before_recommending() {
    let dir = no_catalogue();
    let cat = dir.path().join("catalogue.toml");
    let (code, out, _) = run(&cat, &["--lang", "fr", "catalog", "show", "g3l"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(
            "À REVÉRIFIER AVANT DE RECOMMANDER : aucune information de moins de trois ans."
        ),
        "{out}"
    );
    let (_, list, _) = run(&cat, &["--lang", "fr", "catalog", "list"]);
    let line = list
        .lines()
        .find(|l| l.starts_with("g3l "))
        .unwrap_or_else(|| panic!("{list}"));
    assert!(line.contains("à revérifier avant de recommander"), "{line}");
    let framasoft = list
        .lines()
        .find(|l| l.starts_with("framasoft "))
        .unwrap_or_default();
    assert!(!framasoft.contains("à revérifier"), "{framasoft}");

    // The JSON says the same for every host: over 36 months of age, and only then.
    let v = json(&cat, &["catalog", "list", "--json"]);
    let hosts = v["hosts"].as_array().expect("hosts");
    let mut stale = 0;
    for h in hosts {
        let age = h["newest_evidence_age_months"].as_i64().unwrap_or(-1);
        assert_eq!(
            h["to_recheck_before_recommending"] == true,
            age > 36,
            "{}",
            h["id"]
        );
        stale += usize::from(age > 36);
    }
    assert!(stale > 0 && stale < hosts.len(), "{stale}");
}

#[test]
fn show_refuses_an_unknown_host_with_the_closest_id() {
    let dir = no_catalogue();
    let cat = dir.path().join("catalogue.toml");
    let (code, out, err) = run(&cat, &["--lang", "en", "catalog", "show", "framasof"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains("unknown host: 'framasof' (did you mean 'framasoft'?)"),
        "{err}"
    );
}

#[test]
fn stale_lists_old_facts_oldest_first_with_their_source() {
    let dir = no_catalogue();
    let cat = dir.path().join("catalogue.toml");
    let v = json(&cat, &["catalog", "stale", "--json"]);
    let items = v["items"].as_array().expect("items");
    assert!(!items.is_empty());
    let ages: Vec<i64> = items
        .iter()
        .filter_map(|i| i["age_months"].as_i64())
        .collect();
    assert_eq!(ages.len(), items.len());
    assert!(ages.iter().all(|a| *a > 36));
    assert!(ages.windows(2).all(|w| w[0] >= w[1]), "{ages:?}");
    assert!(
        items
            .iter()
            .all(|i| !i["source"].as_str().unwrap_or("").is_empty())
    );
    assert!(
        items
            .iter()
            .any(|i| i["id"] == "g3l" && i["kind"] == "host")
    );
    assert!(
        items
            .iter()
            .any(|i| i["id"] == "framatalk" && i["kind"] == "offer")
    );
    let closures = v["closure_dates_passed"].as_array().expect("closures");
    assert!(
        closures
            .iter()
            .any(|c| c["id"] == "framadrop" && c["closes"] == "2022-01-11")
    );

    let v = json(&cat, &["catalog", "stale", "--json", "--months", "12"]);
    assert!(v["items"].as_array().map_or(0, Vec::len) > items.len());
    let v = json(&cat, &["catalog", "stale", "--json", "--months", "100000"]);
    assert_eq!(v["items"], serde_json::json!([]));

    let (code, out, _) = run(&cat, &["--lang", "fr", "catalog", "stale"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("À revérifier avant un atelier :"), "{out}");
    assert!(out.contains("voir : "), "{out}");
}

/// A date of a ChatonsInfos-style value (`2021-09`, `2022-01-11`) is on or before `today`.
fn passed(date: &Value, today: &str) -> bool {
    date.as_str().is_some_and(|d| d <= today)
}

#[test]
fn list_json_shows_no_service_open_that_a_dated_source_says_closed() {
    let dir = no_catalogue();
    let cat = dir.path().join("catalogue.toml");
    let v = json(&cat, &["catalog", "list", "--json"]);
    let today = chrono::Local::now().date_naive().to_string();
    let offers = v["offers"].as_array().expect("offers");
    for o in offers {
        let status = &o["status"];
        let closed_by_source = status["state"] == "closed"
            || (status["state"] == "closure-planned" && passed(&status["closes"], &today));
        if closed_by_source {
            assert_eq!(o["open"], false, "{} is shown open: {status}", o["id"]);
            assert!(
                !status["source"].as_str().unwrap_or("").is_empty(),
                "{}",
                o["id"]
            );
        }
    }
    // Framasphère closed in September 2021 (Framablog, 2021-09-12).
    let sphere = offers
        .iter()
        .find(|o| o["id"] == "framasphere")
        .expect("framasphere");
    assert_eq!(sphere["status"]["state"], "closed");
    assert_eq!(sphere["open"], false);
    assert!(
        sphere["status"]["source"]
            .as_str()
            .unwrap_or("")
            .contains("framablog.org/2021/09/12/")
    );
    // Hosts' services: an end date passed or a status saying off/over/void/draft is not open.
    for h in v["hosts"].as_array().expect("hosts") {
        for s in h["services"].as_array().into_iter().flatten() {
            let closed = passed(&s["end"], &today)
                || ["off", "over", "void", "draft"]
                    .iter()
                    .any(|x| s["status"] == *x)
                || s["load"] == "full";
            if closed {
                assert_eq!(s["open"], false, "{}: {s}", h["id"]);
            }
        }
    }
}

#[test]
fn text_from_files_never_reaches_the_terminal_as_control_sequences() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cat = dir.path().join("catalogue.toml");
    let file = dir.path().join("org.properties");
    std::fs::write(
        &file,
        "file.class = organization\nfile.datetime = 2026-10-01\norganization.name = Chaton \\u001b[31mRouge\\u001b[0m\norganization.website = https://rouge.example.org\norganization.description = ligne\\nsuivante\n",
    )
    .expect("write");
    let (code, out, err) = run(
        &cat,
        &["catalog", "import", file.to_str().unwrap_or(""), "--yes"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        !out.contains('\u{1b}') && !err.contains('\u{1b}'),
        "{out:?}{err:?}"
    );
    assert!(
        out.contains("+ Chaton [31mRouge[0m (chaton-31mrouge-0m)"),
        "{out:?}"
    );
    for args in [
        &["catalog", "show", "chaton-31mrouge-0m"][..],
        &["catalog", "list"],
    ] {
        let (code, out, err) = run(&cat, args);
        assert_eq!(code, 0, "{err}");
        assert!(!out.contains('\u{1b}'), "{args:?}: {out:?}");
    }
}
