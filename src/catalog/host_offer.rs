//! A host's stated offers: each one as the source words it (`stated`), plus the structured
//! figures read from it — who it is for (`audience`), what it covers (`needs`), its caps
//! (`accounts`, `storage_gb`), its price (`kind`, `amount_eur`, `period`, `per`, `vat`) — and
//! the date and source of the fact. Figures are filled only when the source states them
//! unambiguously; unknown stays absent and the plan says « à vérifier ».

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

/// What one payment of the amount buys; the caps are per this unit too.
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

/// Who an offer, a service or a host's registration is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Anyone: people and organisations of every kind, companies included.
    Anyone,
    /// Private persons only (a family plan): never an offer for an organisation.
    Individuals,
    /// Organisations of every kind (legal persons), companies included.
    Organisations,
    /// Associations and other non-profit groups only: never for a company.
    Associations,
    /// A specific public only (a family, former users of another service…): not for the plan.
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

/// Who reported the offer.
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

/// Where an offer's `as_of` comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// The date the source itself gives (the default when absent).
    Source,
    /// The source is undated: the date it was read.
    Read,
    /// The offer's own date was not recorded: the host entry's `seen` (the date of its newest
    /// source), carried over. To refine from the offer's source.
    Entry,
}

/// One offer a host states, kept as stated, with the figures read from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostOffer {
    /// The offer as the source words it.
    pub stated: Text,
    /// Who may take it; empty when the source does not say. (One value alone is read too, as
    /// catalogues before the offer model wrote it.)
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub audience: Vec<Audience>,
    /// Need ids it covers; empty when it is the host's membership or services as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    pub kind: PriceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_eur: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<PriceUnit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<Vat>,
    /// Cap: at most this many accounts (per `per`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts: Option<u32>,
    /// Cap: this much storage in GB (per `per`: shared by the organisation, or each account's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_gb: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<ReportedBy>,
    /// The date of the fact; required (`diagasso check` refuses an offer without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
    /// Where `as_of` comes from; absent means the source's own date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_basis: Option<DateBasis>,
    /// The address or document the offer was read from, when recorded (else the host's
    /// `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A list, or one value alone; an unknown value is named with the expected ones.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Audience>, D::Error> {
    use serde::de::{self, IntoDeserializer, SeqAccess, Visitor};
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Vec<Audience>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of audiences, e.g. [\"associations\"]")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Audience::deserialize(v.into_deserializer()).map(|a| vec![a])
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(a) = seq.next_element::<Audience>()? {
                out.push(a);
            }
            Ok(out)
        }
    }
    d.deserialize_any(V)
}

/// What an offer costs per year for one organisation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YearlyCost {
    /// Free of charge.
    Free,
    /// This many euros per year for the whole organisation (per-account prices multiplied).
    Eur(f64),
    /// Stated per account; the number of accounts is not known.
    PerAccount(f64),
    /// No comparable yearly amount (pay what you want, paid without an amount, one-off).
    Unknown,
}

impl HostOffer {
    /// The amount per year in euros for one unit: the stated yearly amount, or twelve times a
    /// monthly one. `None` when the source gives no amount, or a one-off one.
    pub fn yearly_eur(&self) -> Option<f64> {
        match (self.kind, self.amount_eur, self.period) {
            (PriceKind::Free, _, _) => Some(0.0),
            (_, Some(a), Some(Period::Year)) => Some(a),
            (_, Some(a), Some(Period::Month)) => Some(a * 12.0),
            _ => None,
        }
    }

    /// The yearly cost for an organisation needing `accounts` accounts: a price per account is
    /// multiplied by the accounts.
    pub fn yearly_cost(&self, accounts: Option<f64>) -> YearlyCost {
        match (self.yearly_eur(), self.per) {
            (Some(y), _) if y <= 0.0 => YearlyCost::Free,
            (Some(y), Some(PriceUnit::Account)) => match accounts {
                Some(n) => YearlyCost::Eur(y * n.max(1.0).ceil()),
                None => YearlyCost::PerAccount(y),
            },
            (Some(y), _) => YearlyCost::Eur(y),
            (None, _) => YearlyCost::Unknown,
        }
    }

    /// Whether the offer is for `need`: it names the need, or names none (the host as a whole).
    pub fn covers(&self, need: &str) -> bool {
        self.needs.is_empty() || self.needs.iter().any(|n| n == need)
    }

    /// The date of the fact, else `fallback` (the host's `seen`; never needed once checked).
    pub fn date_or(&self, fallback: PartialDate) -> PartialDate {
        self.as_of.unwrap_or(fallback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(kind: PriceKind, amount: Option<f64>, period: Option<Period>) -> HostOffer {
        HostOffer {
            stated: Text::new("x", "x"),
            audience: Vec::new(),
            needs: Vec::new(),
            kind,
            amount_eur: amount,
            period,
            per: None,
            vat: None,
            accounts: None,
            storage_gb: None,
            reported_by: None,
            as_of: None,
            as_of_basis: None,
            source: None,
        }
    }

    #[test]
    fn a_price_per_account_is_priced_for_the_accounts() {
        let mut o = offer(PriceKind::Fixed, Some(2.5), Some(Period::Month));
        o.per = Some(PriceUnit::Account);
        assert_eq!(o.yearly_cost(Some(10.0)), YearlyCost::Eur(300.0));
        assert_eq!(o.yearly_cost(None), YearlyCost::PerAccount(30.0));
        o.per = Some(PriceUnit::Organisation);
        assert_eq!(o.yearly_cost(Some(10.0)), YearlyCost::Eur(30.0));
        let free = offer(PriceKind::Free, Some(0.0), None);
        assert_eq!(free.yearly_cost(Some(110.0)), YearlyCost::Free);
        let paid = offer(PriceKind::Paid, None, None);
        assert_eq!(paid.yearly_cost(Some(3.0)), YearlyCost::Unknown);
    }
}
