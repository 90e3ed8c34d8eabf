//! CHATONS hosts as the catalogue knows them: who they are, where, what they run for which need
//! (`services`), who may register and from where (`registration`), what they offer to whom at
//! what size and price (`offers`, see `host_offer`), how their membership of the collective is
//! evidenced, and where and when each fact was seen. Unknown stays `None` or empty: the plan
//! says "à vérifier" rather than guess. What an organisation of a given kind, size and place
//! can take from a host is worked out in `host_fit`.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::host_offer::{Audience, HostOffer};
use crate::i18n::Text;

/// Legal form of a host, aligned with ChatonsInfos `organization.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgType {
    Association,
    Cooperative,
    Company,
    Microcompany,
    Individual,
    /// An informal collective (ChatonsInfos `INFORMAL`).
    Collective,
    Other,
}

/// Where a host's website address comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WebsiteBasis {
    Stated,
    /// The domain of a service address (`pad.example.org` → `example.org`).
    ServiceUrl,
    /// The domain of a contact address: not proof that a home page exists there.
    ContactAddress,
}

/// Where the host is. Texts are as stated; codes are only filled when the source names them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The département or region as the source wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// French département codes named by the source (`"69"`, `"2A"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departements: Vec<String>,
    /// Current region name when the source names it (`"Bretagne"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 (`"FR"`, `"BE"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postal address as published (ChatonsInfos `organization.geolocation.address`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
}

impl Place {
    /// Nothing known about the place.
    pub fn is_unknown(&self) -> bool {
        self.city.is_none()
            && self.area.is_none()
            && self.region.is_none()
            && self.country.is_none()
            && self.address.is_none()
            && self.latitude.is_none()
    }
}

/// ChatonsInfos `service.registration`: who may open an account on one service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceRegistration {
    /// No account needed.
    None,
    /// Open to all, free of charge.
    Free,
    /// Reserved to members of the host.
    Member,
    /// Tied to a commercial relationship.
    Client,
}

/// ChatonsInfos `service.registration.load`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationLoad {
    Open,
    Full,
}

/// ChatonsInfos status levels (`organization.status.level`, `…memberof.chatons.status.level`,
/// `service.status.level`). Organisations and memberships: `ACTIVE`, `IDLE`, `AWAY`. Services:
/// StatoolInfos' `ON`, `MAINTENANCE`, `DOWN`, `OFF`, `DRAFT`, and the older `OK`, `WARNING`,
/// `ALERT`, `ERROR`, `OVER`, `VOID` (YunoHost's app still writes `OK`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusLevel {
    Active,
    Idle,
    Away,
    Ok,
    Warning,
    Alert,
    Error,
    Over,
    Void,
    /// The service runs.
    On,
    /// Temporarily stopped for maintenance.
    Maintenance,
    /// Down (an incident).
    Down,
    /// Stopped for good.
    Off,
    /// Being prepared, not open yet.
    Draft,
}

/// One service a host runs, as the source gave it, mapped to our ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostService {
    /// The label as given by the source (not translated).
    pub label: String,
    /// Software ids, only when the source names the software.
    #[serde(default)]
    pub software: Vec<String>,
    /// Need ids the service answers.
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Who may open an account (ChatonsInfos `service.registration`); empty: the host's
    /// `registration` applies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub registration: Vec<ServiceRegistration>,
    /// Who the service is for (`associations` only…); empty: the host's `registration.audience`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<Audience>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<RegistrationLoad>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
}

/// Who may register with a host at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    OpenToAllFree,
    Members,
    PayingClients,
    SpecificPublic,
}

/// How a host's area rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaScope {
    /// Serves its own area first; others may join when nothing equivalent exists nearer.
    First,
    /// Serves its own area only.
    Only,
}

/// The area a host says it serves (first or only), as the source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServedArea {
    pub scope: AreaScope,
    /// French département codes of the area (`"67"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departements: Vec<String>,
    /// ISO 3166-1 alpha-2 codes when the area is whole countries (`"BE"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// Empty when the sources said nothing.
    #[serde(default)]
    pub who: Vec<Access>,
    /// Who the host takes as users (individuals, associations, organisations); empty when the
    /// sources said nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<Audience>,
    /// The area it serves first or only; absent when no rule is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<ServedArea>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
}

/// Whether a source states an offer aimed at associations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stated {
    Yes,
    NotStated,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssociationOffer {
    pub offered: Stated,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
}

/// How CHATONS membership is evidenced, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipBasis {
    /// The host's own site, docs or ChatonsInfos file says so.
    StatedByHost,
    /// chatons.org, its forum, a federation file, or Framasoft while it animated the collective
    /// (2016–2023; self-governed since 2024) says so.
    StatedByCollective,
    /// Press, Wikipedia, another host or project says so.
    StatedByThirdParty,
    /// Only a CHATONS-labelled list or context: show differently or hide until refreshed.
    Implied,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembershipEvidence {
    pub basis: MembershipBasis,
    pub evidence: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<PartialDate>,
    /// `organization.memberof.chatons.status.level` when imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<PartialDate>,
    /// Set by an import when a signal says the membership must be checked again before the
    /// host is recommended as a member (it is absent from a federation file that was given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recheck: Option<MembershipRecheck>,
}

/// Why a host's CHATONS membership is to re-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecheckReason {
    /// A federation file was imported and does not list this host: the best offline signal
    /// that it left the collective.
    AbsentFromFederationFile,
}

/// A dated signal that a host's membership must be checked again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembershipRecheck {
    pub reason: RecheckReason,
    /// The file that gave the signal (its `file.url`, or its name).
    pub source: String,
    /// The date of that file (`file.datetime`), else the import date.
    pub as_of: PartialDate,
}

impl MembershipEvidence {
    /// The host says it left the collective: an end date, or the status `AWAY`.
    pub fn has_left(&self) -> bool {
        self.left.is_some() || self.status == Some(StatusLevel::Away)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A CHATONS host (or a host linked to the collective by a source).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Host {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_basis: Option<WebsiteBasis>,
    /// The legal body running the service, when it differs from `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_type: Option<OrgType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_type_detail: Option<Text>,
    /// `organization.status.level` when imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusLevel>,
    /// Date of the newest dated source behind the entry.
    pub seen: PartialDate,
    /// How `seen` was obtained (source date, inferred, collection date).
    pub seen_basis: Text,
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveats: Option<Text>,
    #[serde(default)]
    pub place: Place,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    pub membership_evidence: MembershipEvidence,
    #[serde(default)]
    pub registration: Registration,
    pub association_offer: AssociationOffer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services_notes: Option<Text>,
    #[serde(default)]
    pub services: Vec<HostService>,
    /// The offers the host states (plans, memberships, prices), each dated. `prices` is the
    /// name catalogues used before the offer model, still read.
    #[serde(default, alias = "prices")]
    pub offers: Vec<HostOffer>,
}

impl Host {
    /// Software ids this host runs, without repeats.
    pub fn software_ids(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for id in self.services.iter().flat_map(|s| s.software.iter()) {
            if !out.contains(&id.as_str()) {
                out.push(id);
            }
        }
        out
    }

    /// Need ids this host's services answer, without repeats.
    pub fn need_ids(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for id in self.services.iter().flat_map(|s| s.needs.iter()) {
            if !out.contains(&id.as_str()) {
                out.push(id);
            }
        }
        out
    }

    /// The services that answer `need` (open or not: see `host_fit` for who may use them).
    pub fn services_for<'a, 'n>(
        &'a self,
        need: &'n str,
    ) -> impl Iterator<Item = &'a HostService> + use<'a, 'n> {
        self.services
            .iter()
            .filter(move |s| s.needs.iter().any(|n| n == need))
    }

    /// The software ids this host lists for `need`, without repeats: empty when its services for
    /// the need name no software (then say the need in words, never a software).
    pub fn software_for<'a>(&'a self, need: &'a str) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for id in self.services_for(need).flat_map(|s| s.software.iter()) {
            if !out.contains(&id.as_str()) {
                out.push(id);
            }
        }
        out
    }

    /// Whether this host lists software `id` for `need`.
    pub fn runs_for(&self, need: &str, id: &str) -> bool {
        self.services_for(need)
            .any(|s| s.software.iter().any(|x| x == id))
    }
}
