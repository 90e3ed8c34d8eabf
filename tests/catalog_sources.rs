//! Catalogue sources are public: every `source` and `sources` string of `catalog/*.toml` names
//! where a reader can check the fact (a URL, a public repository path, a named publication),
//! never one of our own files — the team's notes (`shared/DOMAIN.md`, `research/…`), the data
//! files compiled from them, or this repository's READMEs. Those are how we found a fact, not
//! where it comes from; an association reading its plan cannot open them.

use std::path::Path;

/// Why `source` points to an internal file, if it does. A source made of several, joined by
/// "; ", is checked part by part (as the plan cites them).
fn internal(source: &str) -> Option<String> {
    for part in source.split("; ") {
        for marker in ["shared/", "research/", "DOMAIN.md", "DESIGN.md", "/work/"] {
            if part.contains(marker) {
                return Some(format!("names our notes ({marker})"));
            }
        }
        // A file name is public only with the place it is published at.
        let published = [
            "://",
            "github.com/",
            "framagit.org/",
            "gitlab.com/",
            "forge.",
        ]
        .iter()
        .any(|m| part.contains(m));
        if published {
            continue;
        }
        for word in part.split_whitespace() {
            let word = word.trim_matches(|c: char| "()[],;:'\"«»".contains(c));
            if [".md", ".csv", ".toml", ".yml", ".yaml", ".json"]
                .iter()
                .any(|ext| word.ends_with(ext))
            {
                return Some(format!("names a file of our own ({word})"));
            }
        }
    }
    None
}

/// Every `source` string and every item of a `sources` list, with its place.
fn sources(value: &toml::Value, place: &str, out: &mut Vec<(String, String)>) {
    match value {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let here = format!("{place}.{k}");
                match (k.as_str(), v) {
                    ("source", toml::Value::String(s)) => out.push((here, s.clone())),
                    ("sources", toml::Value::Array(items)) => {
                        for (i, item) in items.iter().enumerate() {
                            if let toml::Value::String(s) = item {
                                out.push((format!("{here}[{i}]"), s.clone()));
                            }
                        }
                    }
                    _ => sources(v, &here, out),
                }
            }
        }
        toml::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                sources(v, &format!("{place}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_catalogue_source_is_public() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the catalogue folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "needs, tools, software, offers, hosts");
    let mut all = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable");
        let value: toml::Value = toml::from_str(&text).expect("TOML");
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned());
        sources(&value, &name.unwrap_or_default(), &mut all);
    }
    // Every file header, every Frama.space fact, every service status, every host.
    assert!(all.len() > 150, "only {} sources found", all.len());
    let bad: Vec<String> = all
        .iter()
        .filter_map(|(place, s)| internal(s).map(|why| format!("{place}: {why}: {s}")))
        .collect();
    assert!(bad.is_empty(), "internal sources:\n{}", bad.join("\n"));
}

#[test]
fn the_check_tells_notes_from_public_files() {
    for s in [
        "shared/DOMAIN.md (feature lists of Framablog 2022, 2024, 2025)",
        "https://next.ink/1532/x (2022-11-15); shared/DOMAIN.md",
        "Frama.space FAQ, as summarised in DOMAIN.md",
        "shared/research/data/gafam-alternatives.csv (status notes)",
        "kennycaldieraro.fr summary (via gafam-alternatives.csv)",
        "catalog/README.md and questionnaires/README.md (id vocabulary)",
    ] {
        assert!(internal(s).is_some(), "{s}");
    }
    for s in [
        "https://next.ink/1532/framasoft-lance-frama-space (2022-11-15)",
        "Framablog, 'Déjà 2 500 Framaspaces…' (2025-12-04), relayed by https://lepartisan.info/w3s/page_revues.php?l=framablog",
        "github.com/libresh/awesome-librehosters README.md (domainepublic.net)",
        "github.com/framasoft/degooglisons app/data/commons/soft.yml @ c0870468 (2020-02-27, CC0)",
        "https://git.deuxfleurs.fr/Deuxfleurs/guide.deuxfleurs.fr/raw/commit/825b44c3/content/nous_rejoindre.md (2023-05-19)",
        "public GitHub file: Padatrad README",
        "framablog 2019-09-24 Déframasoftisons",
    ] {
        assert_eq!(internal(s), None, "{s}");
    }
}
