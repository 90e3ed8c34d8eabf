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
use super::chatonsinfos::{Federation, OrgBundle, link, read_files};
use super::date::PartialDate;
use super::error::CatalogErrors;
use super::federation;
use super::files::HostsFile;
use super::host::Host;
use super::imported::build_host;
use super::load::load_effective;
use super::merge::{identity, matching_host, merge, new_id};
use super::properties::{InputError, InputErrors};
pub use super::read_paths::read_paths;
pub use super::user_file::{read_user_file, write_atomic, write_user_catalog};
use crate::i18n::Lang;

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
    /// Hosts the files do not mention, kept as they are.
    pub absent: Vec<Absent>,
    /// Hosts the CHATONS federation file given does not list: membership to re-check.
    pub not_in_federation: Vec<Absent>,
    /// Hosts flagged by an earlier import that the federation file lists again.
    pub listed_again: Vec<String>,
    /// The federation file read for membership, if one was given.
    pub federation: Option<String>,
    /// The re-check flags to write differ from the user catalogue's.
    pub flags_changed: bool,
    /// Links to files not given, skipped files, unreadable values (field left unknown).
    pub notices: Vec<InputError>,
    /// The user catalogue `write_user_catalog` would write.
    pub user_file: HostsFile,
}

impl ImportPlan {
    /// Nothing would be added, changed, flagged or unflagged.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && !self.flags_changed
    }
}

/// Compare the hosts built from `inputs` (name, bytes) with `effective`, and compute the user
/// catalogue to write: `user` (the current user catalogue, if any) with the imported hosts
/// replacing or added by id, and the re-check flags a CHATONS federation file gives.
pub fn prepare(
    inputs: &[(String, Vec<u8>)],
    effective: &Catalog,
    user: Option<&HostsFile>,
    today: NaiveDate,
) -> Result<ImportPlan, ImportError> {
    let files = read_files(inputs)?;
    let linked = link(&files);
    let mut notices = linked.notices.clone();
    let newest = newest_per_organization(&linked.organizations, effective, &mut notices);
    let mut imported: Vec<(Host, bool)> = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    for bundle in newest {
        let org = bundle.organization;
        let name = org.props.get("organization.name").unwrap_or("");
        let website = org.props.get("organization.website");
        let id = match matching_host(name, website, effective) {
            Some(h) if !taken.contains(&h.id) => h.id.clone(),
            _ => new_id(name, org.file_name(), effective, &taken),
        };
        taken.push(id.clone());
        let host = build_host(bundle, id, effective, today, &mut notices);
        let mut host = match effective.host(&host.id) {
            Some(old) => merge(host, old),
            None => host,
        };
        // The user catalogue's `membership_recheck` is the one place such flags live.
        host.membership_evidence.recheck = None;
        imported.push((host, bundle.federation.is_some()));
    }
    let before = user
        .map(|u| u.membership_recheck.clone())
        .unwrap_or_default();
    let mut plan = ImportPlan {
        added: Vec::new(),
        changed: Vec::new(),
        unchanged: Vec::new(),
        absent: Vec::new(),
        not_in_federation: Vec::new(),
        listed_again: Vec::new(),
        federation: None,
        flags_changed: false,
        notices,
        user_file: HostsFile {
            as_of: PartialDate::day(today),
            sources: user.map(|u| u.sources.clone()).unwrap_or_default(),
            host: user.map(|u| u.host.clone()).unwrap_or_default(),
            membership_recheck: before.clone(),
        },
    };
    for (host, _) in &imported {
        match effective.host(&host.id) {
            None => plan.added.push(host.clone()),
            Some(old) => {
                let mut old = old.clone();
                old.membership_evidence.recheck = None;
                let fields = diff(&old, host);
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
    if let Some(fed) = federation::reference(&linked.federations) {
        plan.federation = Some(fed.file.origin(None));
        check_federation(
            &mut plan,
            fed,
            effective,
            &imported,
            PartialDate::day(today),
        );
    }
    let not_absent: Vec<&str> = imported
        .iter()
        .map(|(h, _)| h.id.as_str())
        .chain(plan.not_in_federation.iter().map(|a| a.id.as_str()))
        .collect();
    for h in &effective.hosts {
        if !not_absent.contains(&h.id.as_str()) {
            plan.absent.push(absent(effective, h));
        }
    }
    plan.flags_changed = plan.user_file.membership_recheck != before;
    let origins: Vec<String> = files.iter().map(|f| f.origin(None)).collect();
    plan.user_file.sources.push(format!(
        "ChatonsInfos import {today}: {}",
        origins.join(", ")
    ));
    Ok(plan)
}

fn absent(effective: &Catalog, h: &Host) -> Absent {
    Absent {
        id: h.id.clone(),
        name: h.name.clone(),
        from_user_catalog: effective.user_host_ids.contains(&h.id),
    }
}

/// Flag the hosts `fed` does not list, lift the flag of those it lists.
fn check_federation(
    plan: &mut ImportPlan,
    fed: &Federation,
    effective: &Catalog,
    imported: &[(Host, bool)],
    today: PartialDate,
) {
    let flags = &mut plan.user_file.membership_recheck;
    let mut hosts: Vec<(&Host, bool)> = imported
        .iter()
        .map(|(h, linked)| (h, *linked || federation::lists(fed, h)))
        .collect();
    for h in &effective.hosts {
        if !hosts.iter().any(|(i, _)| i.id == h.id) {
            hosts.push((h, federation::lists(fed, h)));
        }
    }
    for (host, listed) in hosts {
        let had = flags.iter().position(|e| e.host == host.id);
        if listed {
            if let Some(i) = had {
                flags.remove(i);
                plan.listed_again.push(host.id.clone());
            }
            continue;
        }
        let entry = federation::entry(fed, &host.id, today);
        match had.and_then(|i| flags.get_mut(i)) {
            Some(slot) => *slot = entry,
            None => flags.push(entry),
        }
        plan.not_in_federation.push(absent(effective, host));
    }
}

/// One organization bundle per organization: when several files describe one (same catalogue
/// host, same website domain or same name), the newest `file.datetime` is read and the others
/// are named in a notice.
fn newest_per_organization<'b, 'a>(
    bundles: &'b [OrgBundle<'a>],
    catalog: &Catalog,
    notices: &mut Vec<InputError>,
) -> Vec<&'b OrgBundle<'a>> {
    let mut groups: Vec<(String, Vec<&OrgBundle>)> = Vec::new();
    for b in bundles {
        let org = b.organization;
        let key = identity(
            org.props.get("organization.name").unwrap_or(""),
            org.props.get("organization.website"),
            catalog,
        );
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(b),
            None => groups.push((key, vec![b])),
        }
    }
    let mut out = Vec::new();
    for (_, members) in groups {
        let mut best: Option<&OrgBundle> = None;
        for b in &members {
            if best.is_none_or(|x| b.organization.stamp() > x.organization.stamp()) {
                best = Some(b);
            }
        }
        let Some(best) = best else { continue };
        for b in members.iter().filter(|b| !std::ptr::eq(**b, best)) {
            notices.push(InputError::new(
                &b.organization.name,
                0,
                format!(
                    "même organisation que {}, plus récent ou aussi récent : ce fichier-ci n'est pas lu (le plus récent fait foi, statut de membre compris)",
                    best.organization.name
                ),
                format!(
                    "same organization as {}, which is as new or newer: this file is not read (the newest file decides, membership status included)",
                    best.organization.name
                ),
            ));
        }
        out.push(best);
    }
    out
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
