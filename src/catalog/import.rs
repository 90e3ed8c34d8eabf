//! `diagasso catalog import PATH...`: read ChatonsInfos files, build hosts, compare them with the
//! effective catalogue (added, changed with the list of fields, absent), and on confirmation
//! write the user catalogue atomically (temporary file in the same folder, fsync, rename).
//!
//! Nothing is half-imported: one malformed input file and `prepare` fails, nothing is written.
//! The import never deletes a host: a host absent from the files brought is only reported
//! ("absent"), since a trainer may simply not have brought its file. Facts the format has no key
//! for (prices, association offer, town) are kept from the catalogue and the entry says so.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::Catalog;
use super::chatonsinfos::{link, read_files};
use super::date::PartialDate;
use super::error::CatalogErrors;
use super::files::HostsFile;
use super::host::Host;
use super::imported::build_host;
use super::load::load_effective;
use super::properties::{InputError, InputErrors};
pub use super::user_file::{read_user_file, write_atomic, write_user_catalog};
use super::values::{domain, slug};
use crate::i18n::{Lang, Text};

/// Why an import could not be prepared or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Input files unreadable or malformed (all of them listed).
    #[error(transparent)]
    Input(#[from] InputErrors),
    /// The catalogue (shipped or user) does not load, or the result would not.
    #[error(transparent)]
    Catalog(#[from] CatalogErrors),
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::Input(e) => e.message(lang),
            ImportError::Catalog(e) => e.message(lang),
        }
    }
}

/// One field of a host that the import changes, as compact JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HostChange {
    pub id: String,
    pub name: String,
    pub fields: Vec<FieldChange>,
}

/// A host of the effective catalogue that the imported files do not mention (kept as is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Absent {
    pub id: String,
    pub name: String,
    /// It comes from the user catalogue rather than the shipped one.
    pub from_user_catalog: bool,
}

/// What an import would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportPlan {
    pub added: Vec<Host>,
    pub changed: Vec<HostChange>,
    pub unchanged: Vec<String>,
    pub absent: Vec<Absent>,
    /// Links to files not given, skipped files, unreadable values (field left unknown).
    pub notices: Vec<InputError>,
    /// The user catalogue `write_user_catalog` would write.
    pub user_file: HostsFile,
}

impl ImportPlan {
    /// Nothing would be added or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty()
    }
}

/// Read the given paths; a folder stands for the `.properties` files directly inside it.
pub fn read_paths(paths: &[PathBuf]) -> Result<Vec<(String, Vec<u8>)>, InputErrors> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let io_error = |p: &Path, e: std::io::Error| {
        InputError::new(
            &p.display().to_string(),
            0,
            format!("lecture impossible ({e}) ; vérifiez le chemin et les droits"),
            format!("cannot read ({e}); check the path and permissions"),
        )
    };
    let read_error = |p: &Path, e: &crate::bounded::ReadFail| {
        InputError::new(
            &p.display().to_string(),
            0,
            format!(
                "lecture impossible ({}) ; vérifiez le chemin et les droits",
                e.fr()
            ),
            format!("cannot read ({}); check the path and permissions", e.en()),
        )
    };
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = match std::fs::read_dir(path) {
                Ok(entries) => entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "properties") && p.is_file())
                    .collect(),
                Err(e) => {
                    errors.push(io_error(path, e));
                    continue;
                }
            };
            found.sort();
            if found.is_empty() {
                errors.push(InputError::new(
                    &path.display().to_string(),
                    0,
                    "aucun fichier .properties dans ce dossier",
                    "no .properties file in this folder",
                ));
            }
            for p in found {
                match crate::bounded::read(&p, crate::bounded::MAX_FILE) {
                    Ok(b) => out.push((p.display().to_string(), b)),
                    Err(e) => errors.push(read_error(&p, &e)),
                }
            }
        } else {
            match crate::bounded::read(path, crate::bounded::MAX_FILE) {
                Ok(b) => out.push((path.display().to_string(), b)),
                Err(e) => errors.push(read_error(path, &e)),
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(InputErrors(errors))
    }
}

/// Compare the hosts built from `inputs` (name, bytes) with `effective`, and compute the user
/// catalogue to write: `user` (the current user catalogue, if any) with the imported hosts
/// replacing or added by id.
pub fn prepare(
    inputs: &[(String, Vec<u8>)],
    effective: &Catalog,
    user: Option<&HostsFile>,
    today: NaiveDate,
) -> Result<ImportPlan, ImportError> {
    let files = read_files(inputs)?;
    let linked = link(&files);
    let mut notices = linked.notices.clone();
    let mut imported: Vec<Host> = Vec::new();
    for bundle in &linked.organizations {
        let org = bundle.organization;
        let name = org.props.get("organization.name").unwrap_or("");
        let id = choose_id(
            name,
            org.props.get("organization.website"),
            org.file_name(),
            effective,
            &imported,
        );
        let host = build_host(bundle, id, effective, today, &mut notices);
        let host = match effective.host(&host.id) {
            Some(old) => merge(host, old),
            None => host,
        };
        imported.push(host);
    }
    let mut plan = ImportPlan {
        added: Vec::new(),
        changed: Vec::new(),
        unchanged: Vec::new(),
        absent: Vec::new(),
        notices,
        user_file: HostsFile {
            as_of: PartialDate::day(today),
            sources: user.map(|u| u.sources.clone()).unwrap_or_default(),
            host: user.map(|u| u.host.clone()).unwrap_or_default(),
        },
    };
    for host in &imported {
        match effective.host(&host.id) {
            None => plan.added.push(host.clone()),
            Some(old) => {
                let fields = diff(old, host);
                if fields.is_empty() {
                    plan.unchanged.push(host.id.clone());
                } else {
                    plan.changed.push(HostChange {
                        id: host.id.clone(),
                        name: host.name.clone(),
                        fields,
                    });
                }
            }
        }
        match plan.user_file.host.iter_mut().find(|h| h.id == host.id) {
            Some(slot) => *slot = host.clone(),
            None => plan.user_file.host.push(host.clone()),
        }
    }
    for h in &effective.hosts {
        if !imported.iter().any(|i| i.id == h.id) {
            plan.absent.push(Absent {
                id: h.id.clone(),
                name: h.name.clone(),
                from_user_catalog: effective.user_host_ids.contains(&h.id),
            });
        }
    }
    let origins: Vec<String> = files.iter().map(|f| f.origin()).collect();
    plan.user_file.sources.push(format!(
        "ChatonsInfos import {today}: {}",
        origins.join(", ")
    ));
    Ok(plan)
}

/// Read inputs and the catalogue, then `prepare`: what `diagasso catalog import` calls.
pub fn prepare_paths(
    paths: &[PathBuf],
    user_catalog: &Path,
    today: NaiveDate,
) -> Result<ImportPlan, ImportError> {
    let effective = load_effective(Some(user_catalog))?;
    let user = read_user_file(user_catalog)?;
    let inputs = read_paths(paths)?;
    prepare(&inputs, &effective, user.as_ref(), today)
}

fn choose_id(
    name: &str,
    website: Option<&str>,
    file: &str,
    catalog: &Catalog,
    taken: &[Host],
) -> String {
    let free = |id: &str| !taken.iter().any(|h| h.id == id);
    if let Some(w) = website.map(domain).filter(|d| !d.is_empty()) {
        let hit = catalog
            .hosts
            .iter()
            .find(|h| h.website.as_deref().map(domain).as_deref() == Some(w.as_str()));
        if let Some(h) = hit.filter(|h| free(&h.id)) {
            return h.id.clone();
        }
    }
    let mut base = slug(name);
    if base.is_empty() {
        base = slug(file.trim_end_matches(".properties"));
    }
    if base.is_empty() {
        base = "host".into();
    }
    if let Some(h) = catalog
        .hosts
        .iter()
        .find(|h| (h.id == base || h.name.eq_ignore_ascii_case(name.trim())) && free(&h.id))
    {
        return h.id.clone();
    }
    let mut id = base.clone();
    let mut n = 2;
    // A new host never takes the id of an existing one it was not matched to.
    while !free(&id) || catalog.host(&id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Keep from `old` what ChatonsInfos has no key for, or what the files left unknown.
fn merge(mut new: Host, old: &Host) -> Host {
    new.website = new.website.or_else(|| old.website.clone());
    if new.website == old.website && new.website_basis.is_none() {
        new.website_basis = old.website_basis;
    }
    new.operator = old.operator.clone();
    new.org_type = new.org_type.or(old.org_type);
    new.org_type_detail = old.org_type_detail.clone();
    let p = &mut new.place;
    p.city = p.city.take().or_else(|| old.place.city.clone());
    p.area = p.area.take().or_else(|| old.place.area.clone());
    if p.departements.is_empty() {
        p.departements = old.place.departements.clone();
    }
    p.region = p.region.take().or_else(|| old.place.region.clone());
    p.country = p.country.take().or_else(|| old.place.country.clone());
    if new.services.is_empty() {
        new.services = old.services.clone();
        new.services_notes = old.services_notes.clone();
    }
    if new.registration.who.is_empty() {
        new.registration = old.registration.clone();
    }
    if new.membership_evidence.basis > old.membership_evidence.basis {
        new.membership_evidence = old.membership_evidence.clone();
    }
    // Carried-over prices keep the date they were seen, so that re-importing is stable.
    new.prices = old.prices.clone();
    for p in &mut new.prices {
        p.as_of = p.as_of.or(Some(old.seen));
    }
    new.association_offer = old.association_offer.clone();
    if !old.prices.is_empty() || old.association_offer.notes.is_some() {
        let kept = Text::new(
            "Prix et offre pour les associations repris du catalogue précédent (voir la date de chaque prix) : ChatonsInfos n'a pas de clé pour eux.",
            "Prices and association offer kept from the previous catalogue (see each price's date): ChatonsInfos has no key for them.",
        );
        new.caveats = Some(match new.caveats.take() {
            Some(c) => Text::new(
                format!("{} {}", c.fr, kept.fr),
                format!("{} {}", c.en, kept.en),
            ),
            None => kept,
        });
    }
    for s in &old.sources {
        if !new.sources.contains(s) {
            new.sources.push(s.clone());
        }
    }
    new
}

/// The top-level fields that differ, as compact JSON.
pub fn diff(old: &Host, new: &Host) -> Vec<FieldChange> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Vec::new();
    for k in keys {
        let (x, y) = (a.get(k), b.get(k));
        if x != y {
            let show = |v: Option<&serde_json::Value>| {
                v.map_or_else(|| "—".to_string(), |v| v.to_string())
            };
            out.push(FieldChange {
                field: k.clone(),
                before: show(x),
                after: show(y),
            });
        }
    }
    out
}
