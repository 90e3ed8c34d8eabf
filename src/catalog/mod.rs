//! The catalogue: dated, sourced data the plan reads — needs, proprietary tools, free software
//! (with how to migrate from each tool), offers (Frama.space and Framasoft's services) and
//! CHATONS hosts — and the ChatonsInfos import that refreshes the hosts.
//!
//! Data lives in `catalog/*.toml` (see `catalog/README.md`), embedded at build time. Entry
//! points:
//!
//! - [`shipped`]: the embedded catalogue; [`load_effective`]: with the user catalogue applied;
//!   [`load_dir`]: a folder on disk (for `diagasso check`).
//! - [`Catalog::unknown_tool_ids`] / [`Catalog::unknown_need_ids`]: check a questionnaire's tags.
//! - [`import::prepare`] then [`import::write_user_catalog`]: `diagasso catalog import`.
//!
//! Nothing here touches the terminal, the clock or the database: "today" is always passed in.

pub mod chatonsinfos;
pub mod date;
pub mod error;
pub mod federation;
pub mod files;
pub mod freshness;
pub mod host;
pub mod host_fit;
pub mod host_offer;
pub mod import;
pub mod imported;
mod input_file;
pub mod links;
mod load;
pub mod merge;
pub mod model;
pub mod offer;
pub mod properties;
mod read_paths;
pub mod span;
mod user_file;
mod validate;
mod validate_dated;
pub mod values;

use serde::Serialize;

pub use date::PartialDate;
pub use error::{CatalogError, CatalogErrors, ErrorKind, IdSpace, Location, UnknownId};
pub use files::HostsFile;
pub use host::{
    Access, AreaScope, AssociationOffer, Contact, Host, HostService, MembershipBasis,
    MembershipEvidence, MembershipRecheck, OrgType, Place, RecheckReason, Registration, ServedArea,
    StatusLevel,
};
pub use host_fit::{
    Amount, Applicant, ApplicantKind, AreaFit, OfferFit, ServiceAccess, Verdict, Why,
};
pub use host_offer::{Audience, DateBasis, HostOffer, PriceKind, PriceUnit, YearlyCost};
pub use load::{Texts, load_dir, load_effective, load_texts, read_text, shipped};
pub use model::{Domain, Effort, Migration, Need, Software, SoftwareKind, Tool, ToolKind};
pub use offer::{Offer, OfferKind, Quantity, Quota, ServiceState};
pub use validate::is_valid_id;

/// The id of Frama.space in `offers.toml`.
pub const FRAMA_SPACE: &str = "frama-space";

/// One loaded file: its name, date and sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileInfo {
    pub file: String,
    pub as_of: PartialDate,
    pub sources: Vec<String>,
}

/// The whole catalogue, validated: every id referenced exists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Catalog {
    /// The oldest `as_of` of the shipped files: the catalogue is at least this fresh. A user
    /// catalogue's date is in `files`, each host's in `Host::seen`.
    pub as_of: PartialDate,
    pub needs: Vec<Need>,
    pub tools: Vec<Tool>,
    pub software: Vec<Software>,
    pub offers: Vec<Offer>,
    /// Shipped hosts, with the user catalogue's applied (replaced in place, new ones last).
    pub hosts: Vec<Host>,
    pub files: Vec<FileInfo>,
    /// The user catalogue applied, if any.
    pub user_file: Option<String>,
    /// Ids of the hosts that come from the user catalogue.
    pub user_host_ids: Vec<String>,
}

impl Catalog {
    pub fn need(&self, id: &str) -> Option<&Need> {
        self.needs.iter().find(|n| n.id == id)
    }

    pub fn tool(&self, id: &str) -> Option<&Tool> {
        self.tools.iter().find(|t| t.id == id)
    }

    pub fn software(&self, id: &str) -> Option<&Software> {
        self.software.iter().find(|s| s.id == id)
    }

    pub fn offer(&self, id: &str) -> Option<&Offer> {
        self.offers.iter().find(|o| o.id == id)
    }

    pub fn host(&self, id: &str) -> Option<&Host> {
        self.hosts.iter().find(|h| h.id == id)
    }

    /// Frama.space, when the catalogue has it.
    pub fn frama_space(&self) -> Option<&Offer> {
        self.offer(FRAMA_SPACE)
    }

    /// Whether `id` names a tool or a software (the questionnaire's one namespace).
    pub fn is_tool_or_software(&self, id: &str) -> bool {
        self.tool(id).is_some() || self.software(id).is_some()
    }

    /// The free software that replace `tool`, each with its migration, easiest first.
    pub fn replacements_for(&self, tool: &str) -> Vec<(&Software, &Migration)> {
        let mut out: Vec<(&Software, &Migration)> = self
            .software
            .iter()
            .filter_map(|s| s.migration_from(tool).map(|m| (s, m)))
            .collect();
        out.sort_by_key(|(s, m)| (m.effort, s.id.clone()));
        out
    }

    /// The software that cover `need`.
    pub fn software_for_need(&self, need: &str) -> Vec<&Software> {
        self.software
            .iter()
            .filter(|s| s.needs.iter().any(|n| n == need))
            .collect()
    }

    /// The ids among `ids` that are neither a tool nor a software, each with the closest known
    /// id. Empty when all exist. For checking a questionnaire's `tool = "…"` tags.
    pub fn unknown_tool_ids<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<UnknownId> {
        let known: Vec<&str> = self
            .tools
            .iter()
            .map(|t| t.id.as_str())
            .chain(self.software.iter().map(|s| s.id.as_str()))
            .collect();
        unknown(ids, &known)
    }

    /// The ids among `ids` that are not need ids, each with the closest known id.
    pub fn unknown_need_ids<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<UnknownId> {
        let known: Vec<&str> = self.needs.iter().map(|n| n.id.as_str()).collect();
        unknown(ids, &known)
    }
}

fn unknown<'a>(ids: impl IntoIterator<Item = &'a str>, known: &[&str]) -> Vec<UnknownId> {
    let mut out: Vec<UnknownId> = Vec::new();
    for id in ids {
        if !known.contains(&id) && !out.iter().any(|u| u.id == id) {
            out.push(UnknownId::new(id, known.iter().copied()));
        }
    }
    out
}
