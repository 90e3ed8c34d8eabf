//! The shape of each catalogue file: a dated header (`as_of`, `sources`) and one array of
//! tables. The shipped files are embedded at build time (`SHIPPED`).

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::host::{Host, MembershipRecheck, RecheckReason};
use super::model::{Need, Software, Tool};
use super::offer::Offer;

/// `catalog/needs.toml`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedsFile {
    pub as_of: PartialDate,
    pub sources: Vec<String>,
    #[serde(default)]
    pub need: Vec<Need>,
}

/// `catalog/tools.toml`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolsFile {
    pub as_of: PartialDate,
    pub sources: Vec<String>,
    #[serde(default)]
    pub tool: Vec<Tool>,
}

/// `catalog/software.toml`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoftwareFile {
    pub as_of: PartialDate,
    pub sources: Vec<String>,
    #[serde(default)]
    pub software: Vec<Software>,
}

/// `catalog/offers.toml`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffersFile {
    pub as_of: PartialDate,
    pub sources: Vec<String>,
    #[serde(default)]
    pub offer: Vec<Offer>,
}

/// `catalog/hosts.toml`, and the user catalogue written by `diagasso catalog import` (same
/// shape: its hosts override the shipped ones with the same id and add the others; its
/// `membership_recheck` entries flag hosts, shipped or not, without copying them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostsFile {
    pub as_of: PartialDate,
    pub sources: Vec<String>,
    #[serde(default)]
    pub host: Vec<Host>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub membership_recheck: Vec<RecheckEntry>,
}

/// A host whose CHATONS membership is to re-check, by id: applied over the effective
/// catalogue when it loads (an id it does not know is without effect).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecheckEntry {
    pub host: String,
    pub reason: RecheckReason,
    pub source: String,
    pub as_of: PartialDate,
}

impl RecheckEntry {
    pub fn recheck(&self) -> MembershipRecheck {
        MembershipRecheck {
            reason: self.reason,
            source: self.source.clone(),
            as_of: self.as_of,
        }
    }
}

/// Name and text of the shipped catalogue files, in loading order.
pub struct Shipped {
    pub needs: (&'static str, &'static str),
    pub tools: (&'static str, &'static str),
    pub software: (&'static str, &'static str),
    pub offers: (&'static str, &'static str),
    pub hosts: (&'static str, &'static str),
}

/// The catalogue embedded in the binary.
pub const SHIPPED: Shipped = Shipped {
    needs: (
        "catalog/needs.toml",
        include_str!("../../catalog/needs.toml"),
    ),
    tools: (
        "catalog/tools.toml",
        include_str!("../../catalog/tools.toml"),
    ),
    software: (
        "catalog/software.toml",
        include_str!("../../catalog/software.toml"),
    ),
    offers: (
        "catalog/offers.toml",
        include_str!("../../catalog/offers.toml"),
    ),
    hosts: (
        "catalog/hosts.toml",
        include_str!("../../catalog/hosts.toml"),
    ),
};

/// The file names of a catalogue folder, in loading order.
pub const FILE_NAMES: [&str; 5] = [
    "needs.toml",
    "tools.toml",
    "software.toml",
    "offers.toml",
    "hosts.toml",
];
