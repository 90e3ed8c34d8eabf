//! The catalogue's vocabulary: needs, proprietary or centralised tools, free software with the
//! way to migrate from each tool. Plain data read from `catalog/needs.toml`, `tools.toml` and
//! `software.toml`; every field is public and every type serialises to JSON as written.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use crate::i18n::Text;

/// The score domains of `questionnaires/README.md`: a need belongs to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Domain {
    Communication,
    Email,
    Lists,
    Files,
    Office,
    Calendar,
    Visio,
    Forms,
    Projects,
    Website,
    Social,
    Membership,
    Devices,
    Security,
    DataProtection,
    Skills,
}

impl Domain {
    pub const ALL: [Domain; 16] = [
        Domain::Communication,
        Domain::Email,
        Domain::Lists,
        Domain::Files,
        Domain::Office,
        Domain::Calendar,
        Domain::Visio,
        Domain::Forms,
        Domain::Projects,
        Domain::Website,
        Domain::Social,
        Domain::Membership,
        Domain::Devices,
        Domain::Security,
        Domain::DataProtection,
        Domain::Skills,
    ];

    /// The id as written in files (`data-protection`).
    pub fn id(self) -> &'static str {
        match self {
            Domain::Communication => "communication",
            Domain::Email => "email",
            Domain::Lists => "lists",
            Domain::Files => "files",
            Domain::Office => "office",
            Domain::Calendar => "calendar",
            Domain::Visio => "visio",
            Domain::Forms => "forms",
            Domain::Projects => "projects",
            Domain::Website => "website",
            Domain::Social => "social",
            Domain::Membership => "membership",
            Domain::Devices => "devices",
            Domain::Security => "security",
            Domain::DataProtection => "data-protection",
            Domain::Skills => "skills",
        }
    }
}

/// Something an association needs to do (`file-sharing`, `mailing-list`, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub id: String,
    pub domain: Domain,
    pub label: Text,
    pub description: Text,
}

/// What kind of thing a proprietary or centralised tool is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ToolKind {
    /// A web service or app run by the vendor (Google Drive, Zoom, HelloAsso).
    OnlineService,
    /// Software installed on a computer (Excel).
    Software,
    /// An operating system (Windows, Android).
    OperatingSystem,
    /// A way of working rather than a product (paper, SMS).
    Practice,
}

/// A proprietary or centralised tool an association may use today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub id: String,
    /// The name in French, as associations say it.
    pub name: String,
    /// The name in English, when it differs ("Paper (registers, notebooks, notice boards)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    pub kind: ToolKind,
    /// The company behind it; absent for practices (paper) or several vendors (ISP mail).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// ISO 3166-1 alpha-2 code of the vendor's home country, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Need ids this tool serves.
    pub needs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// The vendor shut the tool down (Skype, 5 May 2025): an association that still names it
    /// has to replace it at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discontinued: Option<Discontinued>,
}

/// A tool's shutdown, as a dated source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Discontinued {
    /// The day it stopped (or stops, when announced ahead).
    pub on: PartialDate,
    pub note: Text,
    pub source: String,
}

impl Tool {
    /// The tool's name in both languages (the English falls back to the French name).
    pub fn label(&self) -> Text {
        Text::new(
            self.name.clone(),
            self.name_en.clone().unwrap_or_else(|| self.name.clone()),
        )
    }

    /// Whether the tool no longer exists on `day` (a shutdown dated on or before it).
    pub fn is_discontinued(&self, day: &PartialDate) -> bool {
        self.discontinued
            .as_ref()
            .is_some_and(|d| !d.on.is_after(day))
    }
}

/// How a free software is used, which tells the plan whether it needs a host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SoftwareKind {
    /// A server application: run by Frama.space, a CHATONS host, or the association itself.
    Hosted,
    /// Installed on each computer.
    Desktop,
    /// An app on phones.
    Mobile,
    /// An operating system.
    OperatingSystem,
    /// Free software run centrally by its publisher (Signal): nothing to host.
    CentralService,
}

/// How much work moving from a tool to a free software takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effort {
    Low,
    Medium,
    High,
}

/// Moving from one tool to this software: what to do with the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    /// A tool id (`tools.toml`) or another software id.
    pub from: String,
    pub effort: Effort,
    pub how: Text,
    /// The needs whose data this note moves, when the tool serves several (Microsoft 365: files,
    /// calendars and contacts to Nextcloud, not its mail); empty for every need of the tool.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
}

impl Migration {
    /// Whether this note is about moving the data of `need`.
    pub fn moves(&self, need: &str) -> bool {
        self.needs.is_empty() || self.needs.iter().any(|n| n == need)
    }
}

/// A free software or free-software service (Nextcloud, Framadate, Sympa…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Software {
    pub id: String,
    pub name: String,
    pub kind: SoftwareKind,
    /// SPDX expression of the licence (`AGPL-3.0-or-later`).
    pub licence: String,
    pub website: String,
    /// Need ids this software covers.
    pub needs: Vec<String>,
    /// The software this one is a part or an app of (`nextcloud-deck` → `nextcloud`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Other names it goes by (in ChatonsInfos `software.name`, service lists): matched without
    /// regard to case when importing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub description: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub migrations: Vec<Migration>,
    /// Where installed software runs, when it does not run everywhere (BorgBackup: no native
    /// Windows version): the plan proposes it only to a team with one of these computers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platforms: Option<Platforms>,
}

/// The operating systems a software installs on, as a dated source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platforms {
    /// Operating system ids (`windows`, `macos`, `linux`, `chromeos`, `android`, `ios`).
    pub os: Vec<String>,
    pub note: Text,
    pub source: String,
    pub as_of: PartialDate,
}

impl Software {
    /// The operating systems it installs on; empty when not restricted.
    pub fn platforms(&self) -> &[String] {
        self.platforms.as_ref().map_or(&[], |p| p.os.as_slice())
    }

    /// The migration from `tool`, if this software replaces it.
    pub fn migration_from(&self, tool: &str) -> Option<&Migration> {
        self.migrations.iter().find(|m| m.from == tool)
    }

    /// Whether `name` is this software's id, name or one of its aliases (case-insensitive).
    pub fn answers_to(&self, name: &str) -> bool {
        let name = name.trim();
        self.id.eq_ignore_ascii_case(name)
            || self.name.to_lowercase() == name.to_lowercase()
            || self
                .aliases
                .iter()
                .any(|a| a.to_lowercase() == name.to_lowercase())
    }
}
