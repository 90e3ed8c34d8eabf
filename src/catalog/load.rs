//! Loading a catalogue: the embedded shipped files, a folder on disk, and the user catalogue
//! whose hosts override the shipped ones by id. Every file is parsed, given a first pass over
//! its dates and texts, read into the model, then validated with the others; all errors are
//! returned together, sorted by file and position, and nothing is returned half-loaded.

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Catalog;
use super::FileInfo;
use super::error::{CatalogError, CatalogErrors, ErrorKind, Location};
use super::files::{
    FILE_NAMES, HostsFile, NeedsFile, OffersFile, SHIPPED, SoftwareFile, ToolsFile,
};
use super::span::Source;
use super::validate::{Inputs, Parsed, validate};

/// The texts of one catalogue: (name shown in messages, text) per file, plus an optional user
/// catalogue (a hosts file).
#[derive(Debug, Clone, Copy)]
pub struct Texts<'a> {
    pub needs: (&'a str, &'a str),
    pub tools: (&'a str, &'a str),
    pub software: (&'a str, &'a str),
    pub offers: (&'a str, &'a str),
    pub hosts: (&'a str, &'a str),
    pub user: Option<(&'a str, &'a str)>,
}

impl Texts<'static> {
    /// The shipped files, with no user catalogue.
    pub fn shipped() -> Texts<'static> {
        Texts {
            needs: SHIPPED.needs,
            tools: SHIPPED.tools,
            software: SHIPPED.software,
            offers: SHIPPED.offers,
            hosts: SHIPPED.hosts,
            user: None,
        }
    }
}

fn parse<'a, T: DeserializeOwned + Serialize>(
    (file, text): (&'a str, &'a str),
    errors: &mut Vec<CatalogError>,
) -> Option<Parsed<'a, T>> {
    let (source, syntax) = Source::parse(file, text);
    if !syntax.is_empty() {
        errors.extend(syntax);
        return None;
    }
    let (dates, texts) = source.first_pass();
    errors.extend(texts);
    if !dates.is_empty() {
        errors.extend(dates);
        return None;
    }
    match toml::from_str::<T>(text) {
        Ok(data) => {
            if let Ok(json) = serde_json::to_value(&data) {
                source.sweep_texts(&json, errors);
            }
            Some(Parsed { source, data })
        }
        Err(e) => {
            errors.push(source.toml_error(&e));
            None
        }
    }
}

/// Load and validate a catalogue from its texts.
pub fn load_texts(texts: &Texts) -> Result<Catalog, CatalogErrors> {
    let mut errors = Vec::new();
    let needs = parse::<NeedsFile>(texts.needs, &mut errors);
    let tools = parse::<ToolsFile>(texts.tools, &mut errors);
    let software = parse::<SoftwareFile>(texts.software, &mut errors);
    let offers = parse::<OffersFile>(texts.offers, &mut errors);
    let hosts = parse::<HostsFile>(texts.hosts, &mut errors);
    let user = texts.user.and_then(|u| parse::<HostsFile>(u, &mut errors));
    validate(
        &Inputs {
            needs: needs.as_ref(),
            tools: tools.as_ref(),
            software: software.as_ref(),
            offers: offers.as_ref(),
            hosts: hosts.iter().chain(user.iter()).collect(),
        },
        &mut errors,
    );
    let order: Vec<&str> = [
        texts.needs,
        texts.tools,
        texts.software,
        texts.offers,
        texts.hosts,
    ]
    .iter()
    .chain(texts.user.iter())
    .map(|(name, _)| *name)
    .collect();
    match (needs, tools, software, offers, hosts) {
        (Some(n), Some(t), Some(s), Some(o), Some(h)) if errors.is_empty() => {
            let mut files = vec![
                info(&n.source, n.data.as_of, &n.data.sources),
                info(&t.source, t.data.as_of, &t.data.sources),
                info(&s.source, s.data.as_of, &s.data.sources),
                info(&o.source, o.data.as_of, &o.data.sources),
                info(&h.source, h.data.as_of, &h.data.sources),
            ];
            let as_of = files.iter().map(|f| f.as_of).min().unwrap_or(n.data.as_of);
            let mut catalog = Catalog {
                as_of,
                needs: n.data.need,
                tools: t.data.tool,
                software: s.data.software,
                offers: o.data.offer,
                hosts: h.data.host,
                files: Vec::new(),
                user_file: None,
                user_host_ids: Vec::new(),
            };
            if let Some(u) = user {
                files.push(info(&u.source, u.data.as_of, &u.data.sources));
                catalog.user_file = Some(u.source.file.to_string());
                for host in u.data.host {
                    catalog.user_host_ids.push(host.id.clone());
                    match catalog.hosts.iter_mut().find(|h| h.id == host.id) {
                        Some(slot) => *slot = host,
                        None => catalog.hosts.push(host),
                    }
                }
            }
            catalog.files = files;
            Ok(catalog)
        }
        _ => {
            // The first pass and the sweep may both report one missing translation.
            let mut unique: Vec<CatalogError> = Vec::with_capacity(errors.len());
            for e in errors {
                if !unique.contains(&e) {
                    unique.push(e);
                }
            }
            let mut errors = unique;
            errors.sort_by_key(|e| {
                let file = order
                    .iter()
                    .position(|f| *f == e.file)
                    .unwrap_or(usize::MAX);
                (file, e.line, e.column)
            });
            Err(CatalogErrors(errors))
        }
    }
}

fn info(source: &Source, as_of: super::PartialDate, sources: &[String]) -> FileInfo {
    FileInfo {
        file: source.file.to_string(),
        as_of,
        sources: sources.to_vec(),
    }
}

/// Read a catalogue file from disk as UTF-8 text. `Ok(None)` when it does not exist.
pub fn read_text(path: &Path) -> Result<Option<String>, CatalogError> {
    let shown = path.display().to_string();
    let bytes = match crate::bounded::read(path, crate::bounded::MAX_FILE) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e @ crate::bounded::ReadFail::TooLarge { .. }) => {
            return Err(CatalogError::new(
                ErrorKind::Io,
                Location::whole(&shown),
                e.fr(),
                e.en(),
            ));
        }
        Err(e) => {
            return Err(CatalogError::new(
                ErrorKind::Io,
                Location::whole(&shown),
                format!(
                    "lecture impossible ({}) ; vérifiez le chemin et les droits",
                    e.fr()
                ),
                format!("cannot read ({}); check the path and permissions", e.en()),
            ));
        }
    };
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        CatalogError::new(
            ErrorKind::Io,
            Location {
                file: shown.clone(),
                line,
                column: 1,
            },
            "texte UTF-8 invalide ; réenregistrez le fichier en UTF-8",
            "invalid UTF-8 text; save the file again as UTF-8",
        )
    })
}

fn read_required(path: &Path) -> Result<String, CatalogError> {
    read_text(path)?.ok_or_else(|| {
        let shown = path.display().to_string();
        CatalogError::new(
            ErrorKind::Io,
            Location::whole(&shown),
            "fichier introuvable ; vérifiez le chemin",
            "file not found; check the path",
        )
    })
}

/// The shipped catalogue, embedded in the binary. An error here is a bug the tests catch.
pub fn shipped() -> Result<Catalog, CatalogErrors> {
    load_texts(&Texts::shipped())
}

/// The shipped catalogue with the user catalogue at `user_catalog` applied: its hosts replace
/// the shipped hosts with the same id and add the others. A path that does not exist means no
/// user catalogue yet (the first `diagasso catalog import` creates it).
pub fn load_effective(user_catalog: Option<&Path>) -> Result<Catalog, CatalogErrors> {
    load_with_user(Texts::shipped(), user_catalog)
}

/// A catalogue folder on disk (`needs.toml`, `tools.toml`, `software.toml`, `offers.toml`,
/// `hosts.toml`, all required), with an optional user catalogue: for `diagasso check` on a
/// working copy of `catalog/`.
pub fn load_dir(dir: &Path, user_catalog: Option<&Path>) -> Result<Catalog, CatalogErrors> {
    let mut errors = Vec::new();
    let mut texts: Vec<(String, String)> = Vec::new();
    for name in FILE_NAMES {
        let path = dir.join(name);
        match read_required(&path) {
            Ok(text) => texts.push((path.display().to_string(), text)),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(CatalogErrors(errors));
    }
    let pair = |i: usize| texts.get(i).map(|(n, t)| (n.as_str(), t.as_str()));
    match (pair(0), pair(1), pair(2), pair(3), pair(4)) {
        (Some(needs), Some(tools), Some(software), Some(offers), Some(hosts)) => load_with_user(
            Texts {
                needs,
                tools,
                software,
                offers,
                hosts,
                user: None,
            },
            user_catalog,
        ),
        _ => Err(CatalogErrors(errors)),
    }
}

fn load_with_user(base: Texts, user_catalog: Option<&Path>) -> Result<Catalog, CatalogErrors> {
    let Some(path) = user_catalog else {
        return load_texts(&base);
    };
    let name = path.display().to_string();
    match read_text(path) {
        Err(e) => Err(CatalogErrors(vec![e])),
        Ok(None) => load_texts(&base),
        Ok(Some(text)) => load_texts(&Texts {
            user: Some((&name, &text)),
            ..base
        }),
    }
}
