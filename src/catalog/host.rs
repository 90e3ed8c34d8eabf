//! CHATONS hosts as the catalogue knows them: who they are, where, what they run, who may
//! register, what they charge (as stated), how their membership of the collective is evidenced,
//! and where and when each fact was seen. Unknown stays `None` or empty: the plan says
//! "à vérifier" rather than guess.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
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
/// `service.status.level`).
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub registration: Vec<ServiceRegistration>,
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// Empty when the sources said nothing.
    #[serde(default)]
    pub who: Vec<Access>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
}

/// The shape of a stated price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PriceKind {
    /// Free of charge (amount 0).
    Free,
    /// A set amount.
    Fixed,
    /// "From" an amount: the cheapest plan.
    Minimum,
    /// Pay what you can, with a suggested amount.
    Suggested,
    /// Pay what you want ("prix libre", "cotisation libre"), no amount.
    FreeAmount,
    /// Funded by donations, nothing required.
    Donation,
    /// Paid, but no single amount can be read from the source.
    Paid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    Year,
    Month,
    OneOff,
}

/// What one payment of the amount buys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceUnit {
    /// A space or group for the whole organisation.
    Organisation,
    /// One account or user.
    Account,
    /// One membership of the host (association fee).
    Membership,
}

/// Who the price is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceAudience {
    Anyone,
    Individuals,
    Organisations,
    Associations,
    /// A specific public only (a family, former users of another service…).
    Specific,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vat {
    Included,
    Excluded,
    /// Not liable to VAT (art. 293 B CGI).
    Exempt,
}

/// Who reported the price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportedBy {
    /// The host's own page or rules.
    Host,
    /// A customer or user (blog post).
    User,
    /// Press, another project's documentation.
    ThirdParty,
}

/// One price line, kept as stated. Structured figures are filled only when the source states
/// an amount unambiguously.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    pub stated: Text,
    pub kind: PriceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_eur: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<PriceUnit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<PriceAudience>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<Vat>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_gb: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<ReportedBy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
}

impl Price {
    /// The amount per year in euros: the stated yearly amount, or twelve times a monthly one.
    /// `None` when the source gives no amount, or a one-off one.
    pub fn yearly_eur(&self) -> Option<f64> {
        match (self.kind, self.amount_eur, self.period) {
            (PriceKind::Free, _, _) => Some(0.0),
            (_, Some(a), Some(Period::Year)) => Some(a),
            (_, Some(a), Some(Period::Month)) => Some(a * 12.0),
            _ => None,
        }
    }
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
    /// chatons.org, its forum, a federation file or Framasoft (as animator) says so.
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
    #[serde(default)]
    pub prices: Vec<Price>,
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

    /// The cheapest yearly amount stated for an organisation or association (or for anyone),
    /// when one is stated.
    pub fn cheapest_yearly_eur_for_organisations(&self) -> Option<f64> {
        self.prices
            .iter()
            .filter(|p| {
                matches!(
                    p.audience,
                    None | Some(PriceAudience::Anyone)
                        | Some(PriceAudience::Organisations)
                        | Some(PriceAudience::Associations)
                )
            })
            .filter_map(Price::yearly_eur)
            .min_by(f64::total_cmp)
    }
}
