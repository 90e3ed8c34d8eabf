//! Prices as hosts state them: the sentence as written, plus structured figures (amount,
//! period, unit, audience, VAT, quota) filled only when the source states them unambiguously,
//! and who reported the price.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use crate::i18n::Text;

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
