//! ChatonsInfos import: the invented fixtures in `tests/fixtures/chatonsinfos/` are parsed,
//! linked, turned into hosts, compared with the catalogue and written atomically; malformed
//! files stop everything; the `.properties` parser never panics.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use diagasso::catalog::host::{Access, RegistrationLoad, ServiceRegistration, StatusLevel};
use diagasso::catalog::import::{self, ImportError};
use diagasso::catalog::{self, MembershipBasis, OrgType, chatonsinfos, properties};
use diagasso::i18n::Lang;
use proptest::prelude::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/chatonsinfos")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

fn good_inputs() -> Vec<(String, Vec<u8>)> {
    match import::read_paths(&[fixtures()]) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    }
}

fn shipped() -> catalog::Catalog {
    static SHIPPED: std::sync::OnceLock<catalog::Catalog> = std::sync::OnceLock::new();
    SHIPPED
        .get_or_init(|| catalog::shipped().unwrap_or_else(|e| panic!("{e}")))
        .clone()
}

#[test]
fn a_folder_stands_for_its_properties_files() {
    let names: Vec<String> = good_inputs()
        .iter()
        .filter_map(|(n, _)| {
            Path::new(n)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
        })
        .collect();
    assert_eq!(names.len(), 9, "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".properties")));
}

#[test]
fn import_builds_hosts_from_linked_files() {
    let plan = import::prepare(&good_inputs(), &shipped(), None, today())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.added.len(), 2);
    assert!(plan.changed.is_empty());
    // The (invented) CHATONS federation file lists none of the shipped hosts: all are flagged
    // "membership to re-check", none is merely "absent".
    assert_eq!(plan.absent.len(), 0);
    let shipped_hosts = shipped().hosts.len();
    assert_eq!(plan.not_in_federation.len(), shipped_hosts);
    assert_eq!(plan.user_file.membership_recheck.len(), shipped_hosts);

    let chaton = plan
        .added
        .iter()
        .find(|h| h.id == "chaton-exemple")
        .expect("chaton-exemple");
    assert_eq!(chaton.name, "Chaton Exemple");
    assert_eq!(chaton.org_type, Some(OrgType::Association));
    assert_eq!(chaton.status, Some(StatusLevel::Active));
    assert_eq!(chaton.place.country.as_deref(), Some("FR"));
    assert_eq!(chaton.place.latitude, Some(45.764));
    assert_eq!(chaton.seen.to_string(), "2026-10-20");
    assert_eq!(
        chaton.membership_evidence.basis,
        MembershipBasis::StatedByCollective
    );
    assert_eq!(
        chaton
            .membership_evidence
            .joined
            .map(|d| d.to_string())
            .as_deref(),
        Some("2019-03-01")
    );
    let software: Vec<&str> = chaton.software_ids();
    assert_eq!(software, vec!["etherpad", "nextcloud", "jitsi-meet"]);
    let visio = &chaton.services[2];
    assert_eq!(visio.label, "Visio Exemple");
    assert_eq!(visio.registration, vec![ServiceRegistration::Free]);
    assert_eq!(visio.load, Some(RegistrationLoad::Full));
    assert_eq!(
        chaton.registration.who,
        vec![Access::OpenToAllFree, Access::Members]
    );
    assert!(chaton.sources[0].starts_with("https://chaton.example.org/"));

    let demo = plan
        .added
        .iter()
        .find(|h| h.id == "asso-demo")
        .expect("asso-demo");
    assert_eq!(
        demo.place.latitude, None,
        "unreadable latitude stays unknown"
    );
    assert_eq!(demo.seen.to_string(), "2026-09-01");
    assert_eq!(demo.services[0].software, vec!["sympa"]);
    assert_eq!(
        demo.services[0].registration,
        vec![ServiceRegistration::Member, ServiceRegistration::Client]
    );
    assert!(
        demo.services[1].software.is_empty(),
        "Forgejo is not in the catalogue"
    );

    let notices: Vec<String> = plan.notices.iter().map(|n| n.message(Lang::En)).collect();
    let has = |needle: &str| notices.iter().any(|n| n.contains(needle));
    assert!(
        has("federation.properties:20: link `subs.absent`"),
        "{notices:#?}"
    );
    assert!(
        has("orphelin.properties: service file skipped"),
        "{notices:#?}"
    );
    assert!(
        has("asso-demo.properties:8: cannot read `organization.geolocation.latitude`"),
        "{notices:#?}"
    );
    assert!(
        has("software \"Forgejo\" is not in the catalogue"),
        "{notices:#?}"
    );
    assert_eq!(plan.user_file.host.len(), 2);
}

const USER: &str = r#"as_of = "2026-01-10"
sources = ["earlier import"]

[[host]]
id = "chaton-exemple"
name = "Chaton Exemple (ancien)"
website = "https://chaton.example.org"
seen = "2024-01"
seen_basis = { fr = "test", en = "test" }
sources = ["https://old.example.org/source"]
place = { city = "Lyon", departements = ["69"] }
membership_evidence = { basis = "implied", evidence = { fr = "e", en = "e" } }
association_offer = { offered = "yes", notes = { fr = "Formule asso", en = "Association plan" } }

[[host.prices]]
stated = { fr = "30 € par an", en = "30 EUR per year" }
kind = "fixed"
amount_eur = 30
period = "year"
per = "organisation"
as_of = "2023-06"
"#;

#[test]
fn import_diff_reports_changed_fields_and_keeps_what_the_format_lacks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let user_path = dir.path().join("catalogue.toml");
    std::fs::write(&user_path, USER).expect("write");
    let effective = catalog::load_effective(Some(&user_path)).unwrap_or_else(|e| panic!("{e}"));
    let user = import::read_user_file(&user_path).unwrap_or_else(|e| panic!("{e}"));
    let plan = import::prepare(&good_inputs(), &effective, user.as_ref(), today())
        .unwrap_or_else(|e| panic!("{e}"));

    assert_eq!(
        plan.added.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        vec!["asso-demo"]
    );
    assert_eq!(plan.changed.len(), 1);
    let change = &plan.changed[0];
    assert_eq!(change.id, "chaton-exemple");
    let fields: Vec<&str> = change.fields.iter().map(|f| f.field.as_str()).collect();
    for f in [
        "name",
        "website",
        "seen",
        "sources",
        "place",
        "membership_evidence",
        "services",
        "status",
        "caveats",
    ] {
        assert!(fields.contains(&f), "{f} not in {fields:?}");
    }
    let name = &change.fields[fields.iter().position(|f| *f == "name").unwrap_or(0)];
    assert_eq!(name.before, "\"Chaton Exemple (ancien)\"");
    assert_eq!(name.after, "\"Chaton Exemple\"");
    assert!(plan.absent.iter().all(|a| a.id != "chaton-exemple"));

    let merged = plan
        .user_file
        .host
        .iter()
        .find(|h| h.id == "chaton-exemple")
        .expect("merged");
    assert_eq!(merged.offers.len(), 1);
    assert_eq!(merged.offers[0].amount_eur, Some(30.0), "offers are kept");
    assert_eq!(
        merged.offers[0].as_of.map(|d| d.to_string()).as_deref(),
        Some("2023-06"),
        "with their own date"
    );
    assert_eq!(merged.place.city.as_deref(), Some("Lyon"), "town kept");
    assert_eq!(
        merged.membership_evidence.basis,
        MembershipBasis::StatedByCollective
    );
    assert!(
        merged
            .sources
            .contains(&"https://old.example.org/source".to_string())
    );
    assert!(
        merged
            .caveats
            .as_ref()
            .is_some_and(|c| c.en.contains("Prices and association offer kept"))
    );

    // Importing the same files again changes nothing.
    import::write_user_catalog(&user_path, &plan.user_file).unwrap_or_else(|e| panic!("{e}"));
    let effective = catalog::load_effective(Some(&user_path)).unwrap_or_else(|e| panic!("{e}"));
    let user = import::read_user_file(&user_path).unwrap_or_else(|e| panic!("{e}"));
    let again = import::prepare(&good_inputs(), &effective, user.as_ref(), today())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(again.is_empty(), "{:#?}", again.changed);
    assert_eq!(again.unchanged.len(), 2);
}

#[test]
fn writes_the_user_catalogue_atomically_and_it_loads_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("sub").join("catalogue.toml");
    let plan =
        import::prepare_paths(&[fixtures()], &path, today()).unwrap_or_else(|e| panic!("{e}"));
    import::write_user_catalog(&path, &plan.user_file).unwrap_or_else(|e| panic!("{e}"));
    let c = catalog::load_effective(Some(&path)).unwrap_or_else(|e| panic!("{e}"));
    // The shipped hosts and the two the fixtures add.
    assert_eq!(c.hosts.len(), shipped().hosts.len() + 2);
    assert_eq!(
        c.host("chaton-exemple"),
        plan.added.iter().find(|h| h.id == "chaton-exemple")
    );
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
        .expect("read_dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(leftovers, vec!["catalogue.toml"], "no temporary file left");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.starts_with("# Catalogue utilisateur"));
}

#[test]
fn atomic_write_replaces_whole_files_and_fails_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("f.txt");
    import::write_atomic(&path, b"first").expect("write");
    import::write_atomic(&path, b"second").expect("write");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "second");
    // A directory in the way: the rename fails, the temporary file is removed.
    let blocked = dir.path().join("blocked");
    std::fs::create_dir_all(blocked.join("inner")).expect("mkdir");
    assert!(import::write_atomic(&blocked, b"data").is_err());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("read_dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn malformed_files_stop_the_import_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("catalogue.toml");
    let paths = vec![
        fixtures(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/chatonsinfos-malformed"),
    ];
    let err = match import::prepare_paths(&paths, &path, today()) {
        Ok(_) => panic!("malformed files must fail"),
        Err(e) => e,
    };
    let ImportError::Input(errors) = &err else {
        panic!("{err}");
    };
    let messages: Vec<String> = errors.0.iter().map(|e| e.message(Lang::En)).collect();
    let bad = |line: usize| format!("bad-lines.properties:{line}: malformed line");
    for line in [4, 5, 6, 7] {
        assert!(
            messages.iter().any(|m| m.contains(&bad(line))),
            "{messages:#?}"
        );
    }
    assert!(
        messages.iter().any(|m| m
            .ends_with("latin1.properties:3: invalid UTF-8 text; save the file again as UTF-8")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("no-class.properties: missing `file.class`")),
        "{messages:#?}"
    );
    assert_eq!(messages.len(), 6, "{messages:#?}");
    assert!(!path.exists());
    assert!(err.message(Lang::Fr).contains("ligne mal formée"));
}

#[test]
fn a_missing_path_is_an_error() {
    let err = import::read_paths(&[fixtures().join("nope.properties")]).unwrap_err();
    assert_eq!(err.0.len(), 1);
    assert!(err.0[0].en.starts_with("cannot read"));
}

#[test]
fn unknown_keys_are_ignored() {
    let files = chatonsinfos::read_files(&[(
        "x.properties".to_string(),
        b"file.class = service\nwhatever.key = 1\nservice.name = S\n".to_vec(),
    )])
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(files[0].props.get("service.name"), Some("S"));
}

proptest! {
    #[test]
    fn properties_parser_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = properties::parse("fuzz.properties", &bytes);
    }

    #[test]
    fn properties_parser_never_panics_on_text(text in "[a-z.=:\\\\ \\n!#\u{e9}u0-9DF\\r\\t]{0,200}") {
        if let Ok(p) = properties::parse_str("fuzz.properties", &text) {
            for e in &p.entries {
                prop_assert!(e.line >= 1);
            }
        }
    }

    #[test]
    fn import_never_panics(text in "(file\\.class = (service|organization|federation)\n)?([a-z.]{1,12} ?[=:] ?[a-zA-Z0-9:/.,-]{0,12}\n){0,8}") {
        let inputs = vec![("a.properties".to_string(), text.into_bytes())];
        let _ = import::prepare(&inputs, &shipped(), None, today());
    }
}

/// Every fixture file of real habits, with its text.
fn habit_files() -> &'static [(String, String)] {
    static FILES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    FILES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/chatonsinfos-habits");
        let inputs = import::read_paths(&[root]).unwrap_or_else(|e| panic!("{e}"));
        inputs
            .into_iter()
            .map(|(n, b)| {
                let name = Path::new(&n)
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (name, String::from_utf8(b).unwrap_or_default())
            })
            .collect()
    })
}

const TREE: [&str; 6] = ["", "cle", "cle/a", "cle/b", "cle/a/sous", "autre"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Real-habit files scattered over a tree of folders (kept, renamed, or with a line cut out)
    /// import without a panic; what is prepared loads back as a user catalogue, and no service
    /// file found by folder is attached to two organizations.
    #[test]
    fn import_over_folders_never_panics_and_loads_back(
        picks in proptest::collection::vec((0usize..64, 0usize..TREE.len(), any::<bool>(), proptest::option::of(0usize..30)), 1..10)
    ) {
        let files = habit_files();
        let inputs: Vec<(String, Vec<u8>)> = picks
            .iter()
            .enumerate()
            .map(|(k, (f, folder, rename, cut))| {
                let (name, text) = &files[f % files.len()];
                let name = if *rename { format!("f{k}.properties") } else { name.clone() };
                let text: String = match cut {
                    Some(c) => text
                        .lines()
                        .enumerate()
                        .filter(|(i, _)| i != c)
                        .map(|(_, l)| format!("{l}\n"))
                        .collect(),
                    None => text.clone(),
                };
                let folder = TREE[*folder];
                let path = if folder.is_empty() { name } else { format!("{folder}/{name}") };
                (path, text.into_bytes())
            })
            .collect();
        if let Ok(plan) = import::prepare(&inputs, &shipped(), None, today()) {
            let text = toml::to_string(&plan.user_file).expect("serialises");
            let loaded = catalog::load_texts(&catalog::Texts {
                user: Some(("fuzz.toml", &text)),
                ..catalog::Texts::shipped()
            });
            prop_assert!(loaded.is_ok(), "{loaded:?}");
        }
        if let Ok(read) = chatonsinfos::read_files(&inputs) {
            let linked = chatonsinfos::link(&read);
            let mut seen: Vec<*const chatonsinfos::InputFile> = Vec::new();
            for org in &linked.organizations {
                for s in &org.services {
                    let p: *const chatonsinfos::InputFile = s.file;
                    let by_url = s.file.props.get("file.url").is_some();
                    prop_assert!(by_url || !seen.contains(&p), "{} attached twice", s.file.name);
                    seen.push(p);
                }
            }
        }
    }
}

/// Found by the `chatonsinfos_folders` fuzz target: a file dated after the day of the import (a
/// wrong clock where it was written) gave a host `seen` in the future, and the user catalogue
/// written then refused to load (« seen … is later than the file's as_of »). Future dates are now
/// left out with a notice, and what is written loads back.
#[test]
fn a_file_dated_in_the_future_is_imported_without_its_date_and_loads_back() {
    let inputs: Vec<(String, Vec<u8>)> = good_inputs()
        .into_iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8(bytes).expect("utf-8 fixture");
            let text = text
                .lines()
                .map(|l| {
                    if l.starts_with("file.datetime") {
                        "file.datetime = 2027-09-10T00:00:00".to_string()
                    } else if l.starts_with("organization.memberof.chatons.startdate") {
                        "organization.memberof.chatons.startdate = 2030-01-01".to_string()
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            (name, text.into_bytes())
        })
        .collect();
    let plan =
        import::prepare(&inputs, &shipped(), None, today()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!plan.added.is_empty());
    let notices: Vec<String> = plan.notices.iter().map(|n| n.message(Lang::En)).collect();
    assert!(
        notices
            .iter()
            .any(|n| n.contains("`file.datetime` date 2027-09-10 is after the day of the import")),
        "{notices:#?}"
    );
    for h in &plan.user_file.host {
        assert!(
            !h.seen.is_after(&catalog::PartialDate::day(today())),
            "{}: {}",
            h.id,
            h.seen
        );
    }
    let text = toml::to_string(&plan.user_file).expect("user catalogue serialises");
    let loaded = catalog::load_texts(&catalog::Texts {
        user: Some(("imported.toml", &text)),
        ..catalog::Texts::shipped()
    });
    assert!(loaded.is_ok(), "{loaded:?}\n{text}");
}
