//! The catalogue: the shipped files load and hold the agreed vocabulary; each kind of
//! validation error is reported with its place and an exact message; the user catalogue
//! overrides shipped hosts by id.

use std::path::Path;

use diagasso::catalog::{
    self, CatalogErrors, ErrorKind, MembershipBasis, Quantity, ServiceState, Texts,
};
use diagasso::i18n::Lang;

fn shipped() -> catalog::Catalog {
    match catalog::shipped() {
        Ok(c) => c,
        Err(e) => panic!("{}", e.message(Lang::En)),
    }
}

#[test]
fn shipped_catalogue_loads_with_expected_counts() {
    let c = shipped();
    assert_eq!(c.hosts.len(), 49);
    assert!(c.needs.len() >= 25);
    assert!(c.tools.len() >= 57);
    assert!(c.software.len() >= 44);
    assert_eq!(c.as_of.to_string(), "2026-11-24");
    assert_eq!(c.files.len(), 5);
    assert!(c.user_file.is_none());
    let with_offers = c.hosts.iter().filter(|h| !h.offers.is_empty()).count();
    let with_place = c
        .hosts
        .iter()
        .filter(|h| h.place.city.is_some() || h.place.area.is_some())
        .count();
    let association = c
        .hosts
        .iter()
        .filter(|h| h.association_offer.offered == catalog::host::Stated::Yes)
        .count();
    let implied = c
        .hosts
        .iter()
        .filter(|h| h.membership_evidence.basis == MembershipBasis::Implied)
        .count();
    assert_eq!(
        (with_offers, with_place, association, implied),
        (19, 15, 7, 12)
    );
    assert!(c.hosts.iter().all(|h| !h.sources.is_empty()));
}

#[test]
fn shipped_catalogue_matches_the_folder_on_disk() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    let from_disk = match catalog::load_dir(&dir, None) {
        Ok(c) => c,
        Err(e) => panic!("{}", e.message(Lang::En)),
    };
    let embedded = shipped();
    assert_eq!(from_disk.hosts, embedded.hosts);
    assert_eq!(from_disk.software, embedded.software);
}

/// The backquoted ids of the paragraph of `catalog/README.md` that follows `marker`.
fn readme_ids(marker: &str) -> Vec<String> {
    let readme = include_str!("../catalog/README.md");
    let start = readme.find(marker).map_or(0, |i| i + marker.len());
    let rest = &readme[start..];
    let end = rest
        .find("\n\n")
        .map_or(rest.len(), |i| if i == 0 { rest.len() } else { i });
    let para = &rest[..end];
    para.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.contains(' ') && !s.contains('"') && !s.contains('.'))
        .map(str::to_string)
        .collect()
}

#[test]
fn readme_vocabulary_is_fully_present() {
    let c = shipped();
    let tools = readme_ids("Proprietary / centralised (`tools.toml`):\n");
    let software = readme_ids("Free software and free services (`software.toml`):\n");
    let needs = readme_ids("## Need ids (`needs.toml`)\n\n");
    assert_eq!(tools.len(), 56, "{tools:?}");
    assert_eq!(software.len(), 44, "{software:?}");
    assert_eq!(needs.len(), 25, "{needs:?}");
    for id in &tools {
        assert!(c.tool(id).is_some(), "tool `{id}` missing from tools.toml");
    }
    for id in &software {
        assert!(
            c.software(id).is_some(),
            "software `{id}` missing from software.toml"
        );
    }
    for id in &needs {
        assert!(c.need(id).is_some(), "need `{id}` missing from needs.toml");
    }
}

#[test]
fn checks_a_questionnaires_tool_and_need_ids() {
    let c = shipped();
    assert!(
        c.unknown_tool_ids(["google-drive", "nextcloud", "paper"])
            .is_empty()
    );
    let unknown = c.unknown_tool_ids(["google-drive", "gogle-drive", "gogle-drive", "zzz"]);
    assert_eq!(unknown.len(), 2);
    assert_eq!(unknown[0].id, "gogle-drive");
    assert_eq!(unknown[0].suggestion.as_deref(), Some("google-drive"));
    assert_eq!(unknown[1].suggestion, None);
    let needs = c.unknown_need_ids(["file-sharing", "calender"]);
    assert_eq!(needs.len(), 1);
    assert_eq!(needs[0].suggestion.as_deref(), Some("calendar"));
}

#[test]
fn frama_space_quotas_are_dated_data() {
    let c = shipped();
    let fs = c.frama_space().expect("frama-space offer");
    let storage = fs
        .current_quota(Quantity::StorageGb)
        .expect("storage quota");
    assert_eq!(
        (storage.limit, storage.as_of.to_string().as_str()),
        (50.0, "2025-12-04")
    );
    let history: Vec<f64> = fs
        .quotas
        .iter()
        .filter(|q| q.quantity == Quantity::StorageGb)
        .map(|q| q.limit)
        .collect();
    assert_eq!(history, vec![40.0, 50.0]);
    assert_eq!(
        fs.current_quota(Quantity::Accounts).map(|q| q.limit),
        Some(50.0)
    );
    let eligibility = fs.eligibility.as_ref().expect("eligibility");
    assert!(eligibility.reviewed);
    let gaps: Vec<&str> = fs.not_covered.iter().map(|g| g.need.as_str()).collect();
    assert_eq!(
        gaps,
        vec!["email", "mailing-list", "website", "domain-name"]
    );
    assert!(fs.not_covered.iter().all(|g| g.inferred));
    assert_eq!(fs.cost.as_ref().map(|c| c.eur_per_year), Some(0.0));
    let framadate = c.offer("framadate").expect("framadate");
    assert!(
        framadate
            .status
            .as_ref()
            .is_some_and(|s| s.state.recommendable())
    );
    let framadrop = c.offer("framadrop").expect("framadrop");
    assert_eq!(
        framadrop.status.as_ref().map(|s| s.state),
        Some(ServiceState::ClosurePlanned)
    );
}

#[test]
fn replacements_come_easiest_first() {
    let c = shipped();
    let r = c.replacements_for("doodle");
    assert_eq!(r.first().map(|(s, _)| s.id.as_str()), Some("framadate"));
    let drive: Vec<&str> = c
        .replacements_for("google-drive")
        .iter()
        .map(|(s, _)| s.id.as_str())
        .collect();
    assert!(drive.contains(&"nextcloud"));
}

// ---- validation errors, on a tiny catalogue --------------------------------------------------

const NEEDS: &str = r#"as_of = "2026-01-01"
sources = ["test"]

[[need]]
id = "file-sharing"
domain = "files"
label = { fr = "Fichiers", en = "Files" }
description = { fr = "d", en = "d" }
"#;

const TOOLS: &str = r#"as_of = "2026-01-01"
sources = ["test"]

[[tool]]
id = "dropbox"
name = "Dropbox"
kind = "online-service"
needs = ["file-sharing"]
"#;

const SOFTWARE: &str = r#"as_of = "2026-01-01"
sources = ["test"]

[[software]]
id = "nextcloud"
name = "Nextcloud"
kind = "hosted"
licence = "AGPL-3.0-or-later"
website = "https://nextcloud.com"
needs = ["file-sharing"]
description = { fr = "d", en = "d" }
migrations = [{ from = "dropbox", effort = "low", how = { fr = "h", en = "h" } }]
"#;

const OFFERS: &str = "as_of = \"2026-01-01\"\nsources = [\"test\"]\n";

const HOSTS: &str = r#"as_of = "2026-01-01"
sources = ["test"]

[[host]]
id = "h"
name = "H"
seen = "2025-01"
seen_basis = { fr = "date de la source", en = "source date" }
sources = ["https://h.example.org"]

[host.membership_evidence]
basis = "implied"
evidence = { fr = "e", en = "e" }

[host.association_offer]
offered = "not_stated"

[[host.services]]
label = "Nextcloud"
software = ["nextcloud"]
needs = ["file-sharing"]
"#;

fn load(
    needs: &str,
    tools: &str,
    software: &str,
    hosts: &str,
) -> Result<catalog::Catalog, CatalogErrors> {
    catalog::load_texts(&Texts {
        needs: ("needs.toml", needs),
        tools: ("tools.toml", tools),
        software: ("software.toml", software),
        offers: ("offers.toml", OFFERS),
        hosts: ("hosts.toml", hosts),
        user: None,
    })
}

fn errors(needs: &str, tools: &str, software: &str, hosts: &str) -> Vec<String> {
    match load(needs, tools, software, hosts) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e.0.iter().map(|e| e.message(Lang::En)).collect(),
    }
}

#[test]
fn tiny_catalogue_loads() {
    let c = load(NEEDS, TOOLS, SOFTWARE, HOSTS).expect("tiny catalogue");
    assert_eq!(c.hosts[0].software_ids(), vec!["nextcloud"]);
}

#[test]
fn unknown_ids_are_placed_and_suggested() {
    let tools = TOOLS.replace(r#"needs = ["file-sharing"]"#, r#"needs = ["file-share"]"#);
    let hosts = HOSTS.replace(r#"software = ["nextcloud"]"#, r#"software = ["nextclou"]"#);
    assert_eq!(
        errors(NEEDS, &tools, SOFTWARE, &hosts),
        vec![
            "tools.toml:8:10: unknown need id `file-share` (did you mean `file-sharing`?); fix it or add it to catalog/needs.toml",
            "hosts.toml:20:13: unknown software id `nextclou` (did you mean `nextcloud`?); fix it or add it to catalog/software.toml",
        ]
    );
    let software = SOFTWARE.replace(r#"from = "dropbox""#, r#"from = "box""#);
    let e = load(NEEDS, TOOLS, &software, HOSTS).unwrap_err();
    assert_eq!(e.0[0].kind, ErrorKind::UnknownId);
    assert_eq!(
        e.0[0].message(Lang::Fr),
        "software.toml:12:24: identifiant d'outil ou de logiciel inconnu `box` ; corrigez-le ou ajoutez-le à catalog/tools.toml / catalog/software.toml"
    );
}

#[test]
fn duplicate_ids_name_the_first_line() {
    let needs = format!(
        "{NEEDS}\n[[need]]\nid = \"file-sharing\"\ndomain = \"files\"\nlabel = {{ fr = \"x\", en = \"x\" }}\ndescription = {{ fr = \"x\", en = \"x\" }}\n"
    );
    let e = load(&needs, TOOLS, SOFTWARE, HOSTS).unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].kind, ErrorKind::DuplicateId);
    assert_eq!(
        e.0[0].message(Lang::En),
        "needs.toml:11:6: duplicate need id `file-sharing` (already defined at line 5); rename or remove one of them"
    );
    let tools = format!(
        "{TOOLS}\n[[tool]]\nid = \"nextcloud\"\nname = \"N\"\nkind = \"software\"\nneeds = [\"file-sharing\"]\n"
    );
    assert_eq!(
        errors(NEEDS, &tools, SOFTWARE, HOSTS),
        vec![
            "software.toml:5:6: `nextcloud` is both a tool (tools.toml:11:6) and a software: tools and software share one id namespace, rename one of them"
        ]
    );
}

#[test]
fn missing_translations_are_all_reported() {
    let needs = NEEDS
        .replace(
            r#"label = { fr = "Fichiers", en = "Files" }"#,
            r#"label = { fr = "Fichiers" }"#,
        )
        .replace(
            r#"description = { fr = "d", en = "d" }"#,
            r#"description = { fr = "", en = "d" }"#,
        );
    let hosts = HOSTS.replace(r#"evidence = { fr = "e", en = "e" }"#, "evidence = {}");
    let e = load(&needs, TOOLS, SOFTWARE, &hosts).unwrap_err();
    assert!(e.0.iter().all(|e| e.kind == ErrorKind::MissingTranslation));
    assert_eq!(
        e.0.iter().map(|e| e.message(Lang::En)).collect::<Vec<_>>(),
        vec![
            "needs.toml:7:9: text `label` has no English: add `en = \"…\"`",
            "needs.toml:8:15: text `description` has no French: add `fr = \"…\"`",
            "hosts.toml:13:12: text `evidence` has no French: add `fr = \"…\"`",
            "hosts.toml:13:12: text `evidence` has no English: add `en = \"…\"`",
        ]
    );
}

#[test]
fn bad_dates_are_all_reported() {
    let hosts = HOSTS.replace(r#"seen = "2025-01""#, r#"seen = "2025-13""#);
    let tools = TOOLS.replace(r#"as_of = "2026-01-01""#, r#"as_of = "janvier 2026""#);
    assert_eq!(
        errors(NEEDS, &tools, SOFTWARE, &hosts),
        vec![
            "tools.toml:1:9: invalid date `as_of` \"janvier 2026\": expected YYYY, YYYY-MM or YYYY-MM-DD; write e.g. \"2025\", \"2025-12\" or \"2025-12-04\"",
            "hosts.toml:7:8: invalid date `seen` \"2025-13\": month outside 01–12; write e.g. \"2025\", \"2025-12\" or \"2025-12-04\"",
        ]
    );
    let hosts = HOSTS.replace(r#"seen = "2025-01""#, r#"seen = "2026-02""#);
    let e = load(NEEDS, TOOLS, SOFTWARE, &hosts).unwrap_err();
    assert_eq!(e.0[0].kind, ErrorKind::BadDate);
    assert_eq!(
        e.0[0].message(Lang::En),
        "hosts.toml:7:8: date `seen` 2026-02 is later than the file's `as_of` (2026-01-01); fix one or the other"
    );
}

#[test]
fn syntax_and_shape_errors_are_placed() {
    let needs = NEEDS.replace("domain = \"files\"", "domain = \"filez\"");
    let e = load(&needs, TOOLS, SOFTWARE, HOSTS).unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].kind, ErrorKind::Syntax);
    assert_eq!(
        (e.0[0].file.as_str(), e.0[0].line, e.0[0].column),
        ("needs.toml", 6, 10)
    );
    assert!(
        e.0[0]
            .en
            .starts_with("invalid TOML: unknown variant `filez`"),
        "{}",
        e.0[0].en
    );
    let hosts = HOSTS.replace("name = \"H\"", "name = \"H\"\nnmae = \"typo\"");
    let e = load(NEEDS, TOOLS, SOFTWARE, &hosts).unwrap_err();
    assert!(e.0[0].en.contains("unknown field `nmae`"), "{}", e.0[0].en);
    assert_eq!(e.0[0].line, 7);
    let e = load("as_of = ", TOOLS, SOFTWARE, HOSTS).unwrap_err();
    assert_eq!((e.0[0].kind, e.0[0].line), (ErrorKind::Syntax, 1));
}

#[test]
fn every_file_is_checked_before_failing() {
    let needs = NEEDS.replace(
        r#"label = { fr = "Fichiers", en = "Files" }"#,
        r#"label = { en = "Files" }"#,
    );
    let tools = TOOLS.replace("kind = \"online-service\"", "kind = \"cloud\"");
    let hosts = HOSTS
        .replace(r#"sources = ["https://h.example.org"]"#, "sources = []")
        .replace(r#"needs = ["file-sharing"]"#, r#"needs = ["files"]"#);
    let all = errors(&needs, &tools, SOFTWARE, &hosts);
    let files: Vec<&str> = all
        .iter()
        .map(|e| e.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(
        files,
        vec!["needs.toml", "tools.toml", "hosts.toml", "hosts.toml"],
        "{all:#?}"
    );
    assert_eq!(
        all[2],
        "hosts.toml:9:11: host `h` has no source: every fact must come from a dated source"
    );
}

#[test]
fn inconsistent_prices_are_refused() {
    let hosts = format!(
        "{HOSTS}\n[[host.offers]]\nstated = {{ fr = \"10 €\", en = \"10 EUR\" }}\nkind = \"fixed\"\nas_of = \"2025\"\n"
    );
    assert_eq!(
        errors(NEEDS, TOOLS, SOFTWARE, &hosts),
        vec![
            "hosts.toml:23:1: this kind of price needs `amount_eur` and `period`; otherwise use `kind = \"paid\"`"
        ]
    );
}

#[test]
fn an_offer_without_a_date_is_refused() {
    let hosts = format!(
        "{HOSTS}\n[[host.offers]]\nstated = {{ fr = \"gratuit\", en = \"free\" }}\nkind = \"free\"\n"
    );
    assert_eq!(
        errors(NEEDS, TOOLS, SOFTWARE, &hosts),
        vec![
            "hosts.toml:23:1: offer of `h` without a date: add `as_of`, the source's date (if the source is undated, the date it was read, with `as_of_basis = \"read\"`)"
        ]
    );
}

#[test]
fn an_amount_without_its_period_or_unit_is_refused() {
    let no_period = format!(
        "{HOSTS}\n[[host.offers]]\nstated = {{ fr = \"10 €\", en = \"10 EUR\" }}\nkind = \"fixed\"\namount_eur = 10\nper = \"account\"\nas_of = \"2025\"\n"
    );
    assert_eq!(
        errors(NEEDS, TOOLS, SOFTWARE, &no_period),
        vec![
            "hosts.toml:23:1: an amount without `period` (year, month or one-off) cannot be compared"
        ]
    );
    let no_unit = no_period.replace("per = \"account\"", "period = \"year\"");
    assert_eq!(
        errors(NEEDS, TOOLS, SOFTWARE, &no_unit),
        vec![
            "hosts.toml:23:1: an amount without `per` (organisation, account or membership) cannot be worked out for an association"
        ]
    );
}

#[test]
fn a_service_naming_software_or_needs_the_catalogue_lacks_is_refused() {
    let hosts = HOSTS
        .replace(r#"software = ["nextcloud"]"#, r#"software = ["nextclod"]"#)
        .replace(r#"needs = ["file-sharing"]"#, r#"needs = ["file-sharin"]"#);
    let all = errors(NEEDS, TOOLS, SOFTWARE, &hosts);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(
        all[0].starts_with("hosts.toml:20:13: unknown software id `nextclod`"),
        "{all:#?}"
    );
    assert!(
        all[0].contains("nextcloud"),
        "the closest id is suggested: {all:#?}"
    );
    assert!(
        all[1].starts_with("hosts.toml:21:10: unknown need id `file-sharin`"),
        "{all:#?}"
    );
}

#[test]
fn a_service_whose_software_serves_none_of_its_needs_is_refused() {
    let needs = format!(
        "{NEEDS}\n[[need]]\nid = \"members-accounting\"\ndomain = \"membership\"\nlabel = {{ fr = \"m\", en = \"m\" }}\ndescription = {{ fr = \"d\", en = \"d\" }}\n"
    );
    let hosts = HOSTS.replace(
        r#"needs = ["file-sharing"]"#,
        r#"needs = ["members-accounting"]"#,
    );
    assert_eq!(
        errors(&needs, TOOLS, SOFTWARE, &hosts),
        vec![
            "hosts.toml:20:13: software `nextcloud` serves none of this service's needs (members-accounting) according to software.toml: fix `needs` or `software`"
        ]
    );
}

#[test]
fn an_area_rule_names_real_places() {
    let hosts = HOSTS.replace(
        "[host.association_offer]",
        "[host.registration]\narea = { scope = \"first\", departements = [\"6\"], countries = [\"be\"] }\n\n[host.association_offer]",
    );
    let all = errors(NEEDS, TOOLS, SOFTWARE, &hosts);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(all[0].contains("`6` is not a département code"), "{all:#?}");
    assert!(
        all[1].contains("`be` is not a two-letter upper-case ISO country code"),
        "{all:#?}"
    );
}

#[test]
fn offers_written_before_the_offer_model_still_load() {
    // `[[host.prices]]` and a single `audience` value, as catalogues wrote them before.
    let hosts = format!(
        "{HOSTS}\n[[host.prices]]\nstated = {{ fr = \"50 €\", en = \"50 EUR\" }}\nkind = \"fixed\"\namount_eur = 50\nperiod = \"year\"\nper = \"organisation\"\naudience = \"associations\"\nas_of = \"2025\"\n"
    );
    let c =
        load(NEEDS, TOOLS, SOFTWARE, &hosts).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    assert_eq!(c.hosts[0].offers.len(), 1);
    assert_eq!(
        c.hosts[0].offers[0].audience,
        vec![catalog::Audience::Associations]
    );
}

// ---- the user catalogue ---------------------------------------------------------------------

#[test]
fn user_catalogue_overrides_and_adds_hosts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("catalogue.toml");
    let user = r#"as_of = "2026-11-30"
sources = ["test"]

[[host]]
id = "picasoft"
name = "Picasoft (refreshed)"
seen = "2026-11"
seen_basis = { fr = "test", en = "test" }
sources = ["https://picasoft.example.org"]
membership_evidence = { basis = "stated_by_host", evidence = { fr = "e", en = "e" } }
association_offer = { offered = "not_stated" }

[[host]]
id = "nouveau"
name = "Nouveau"
seen = "2026-11"
seen_basis = { fr = "test", en = "test" }
sources = ["https://nouveau.example.org"]
membership_evidence = { basis = "implied", evidence = { fr = "e", en = "e" } }
association_offer = { offered = "not_stated" }
services = [{ label = "Pad", software = ["etherpad"], needs = ["office-docs"] }]
"#;
    std::fs::write(&path, user).expect("write");
    let c = match catalog::load_effective(Some(&path)) {
        Ok(c) => c,
        Err(e) => panic!("{}", e.message(Lang::En)),
    };
    assert_eq!(c.hosts.len(), 50);
    assert_eq!(
        c.host("picasoft").map(|h| h.name.as_str()),
        Some("Picasoft (refreshed)")
    );
    assert_eq!(c.hosts.last().map(|h| h.id.as_str()), Some("nouveau"));
    assert_eq!(c.user_host_ids, vec!["picasoft", "nouveau"]);
    assert_eq!(c.files.len(), 6);

    let missing = dir.path().join("absent.toml");
    assert_eq!(
        catalog::load_effective(Some(&missing))
            .map(|c| c.hosts.len())
            .ok(),
        Some(49)
    );

    std::fs::write(&path, user.replace("\"etherpad\"", "\"etherpadd\"")).expect("write");
    let e = catalog::load_effective(Some(&path)).unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert!(e.0[0].file.ends_with("catalogue.toml"));
    assert_eq!((e.0[0].kind, e.0[0].line), (ErrorKind::UnknownId, 21));
}

#[test]
fn shipped_questionnaires_only_name_catalogue_ids() {
    let c = shipped();
    let questionnaires = diagasso::questionnaire::shipped::all().unwrap_or_else(|e| panic!("{e}"));
    for q in &questionnaires {
        let choices = || {
            q.questions()
                .flat_map(|(_, question)| question.choices.iter())
        };
        let tools: Vec<&str> = choices().filter_map(|ch| ch.tool.as_deref()).collect();
        let needs: Vec<&str> = choices()
            .flat_map(|ch| ch.needs.iter().map(String::as_str))
            .collect();
        assert!(
            c.unknown_tool_ids(tools).is_empty(),
            "{}: {:?}",
            q.id,
            c.unknown_tool_ids(choices().filter_map(|ch| ch.tool.as_deref()))
        );
        assert!(c.unknown_need_ids(needs).is_empty(), "{}", q.id);
    }
}
