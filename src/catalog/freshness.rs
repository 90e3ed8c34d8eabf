//! How old each fact of the catalogue is, and what a trainer should re-check before a workshop.
//! A host whose newest evidence is older than [`RECHECK_AFTER_MONTHS`] is "à revérifier avant
//! de recommander"; [`stale`] lists hosts, their offers and the Framasoft services by the age of
//! their facts, oldest first, each with the source to look at. "Today" is always passed in.

use chrono::NaiveDate;
use serde::Serialize;

use super::Catalog;
use super::date::PartialDate;
use super::host::Host;
use super::host_offer::{DateBasis, HostOffer};
use super::offer::Offer;
use crate::i18n::Text;

/// Facts older than this (in months) are to re-check before a host is recommended.
pub const RECHECK_AFTER_MONTHS: i64 = 36;

impl Host {
    /// The date of the newest fact behind the entry: `seen`, or an offer dated later.
    pub fn newest_evidence(&self) -> PartialDate {
        self.offers
            .iter()
            .filter(|o| o.as_of_basis != Some(DateBasis::Entry))
            .filter_map(|o| o.as_of)
            .chain(std::iter::once(self.seen))
            .max_by_key(PartialDate::first_day)
            .unwrap_or(self.seen)
    }

    /// Its newest evidence is older than [`RECHECK_AFTER_MONTHS`] on `today`: shown as « à
    /// revérifier avant de recommander ».
    pub fn is_stale(&self, today: NaiveDate) -> bool {
        self.newest_evidence().age_in_months(today) > RECHECK_AFTER_MONTHS
    }
}

/// What kind of fact a [`StaleItem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StaleKind {
    /// A host entry as a whole (its newest evidence).
    Host,
    /// One stated offer of a host.
    HostOffer,
    /// The status of a Framasoft service, or a Frama.space fact.
    Offer,
}

/// One fact to re-check, with where to look.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaleItem {
    pub kind: StaleKind,
    /// The host or offer id.
    pub id: String,
    pub name: String,
    /// What the fact is about (an offer's wording, "statut", "quota"…).
    pub what: Text,
    pub as_of: PartialDate,
    pub age_months: i64,
    /// The date was carried over from the entry, not read from the fact's own source.
    pub undated: bool,
    /// The source to look at.
    pub source: String,
}

fn item(
    kind: StaleKind,
    (id, name): (&str, &str),
    what: Text,
    as_of: PartialDate,
    undated: bool,
    source: &str,
    today: NaiveDate,
) -> StaleItem {
    StaleItem {
        kind,
        id: id.to_string(),
        name: name.to_string(),
        what,
        as_of,
        age_months: as_of.age_in_months(today),
        undated,
        source: source.to_string(),
    }
}

fn host_items(h: &Host, today: NaiveDate, out: &mut Vec<StaleItem>) {
    let first = h.sources.first().map_or("—", String::as_str);
    out.push(item(
        StaleKind::Host,
        (&h.id, &h.name),
        Text::new("fiche de l'hébergeur", "host entry"),
        h.newest_evidence(),
        false,
        first,
        today,
    ));
    for o in &h.offers {
        out.push(offer_item(h, o, today));
    }
}

fn offer_item(h: &Host, o: &HostOffer, today: NaiveDate) -> StaleItem {
    let first = h.sources.first().map_or("—", String::as_str);
    item(
        StaleKind::HostOffer,
        (&h.id, &h.name),
        o.stated.clone(),
        o.date_or(h.seen),
        o.as_of.is_none() || o.as_of_basis == Some(DateBasis::Entry),
        o.source.as_deref().unwrap_or(first),
        today,
    )
}

fn offer_items(o: &Offer, today: NaiveDate, out: &mut Vec<StaleItem>) {
    let mut push = |what: Text, as_of: PartialDate, source: &str| {
        out.push(item(
            StaleKind::Offer,
            (&o.id, &o.name),
            what,
            as_of,
            false,
            source,
            today,
        ));
    };
    if let Some(s) = &o.status {
        push(
            Text::new("statut du service", "service status"),
            s.as_of,
            &s.source,
        );
    }
    if let Some(e) = &o.eligibility {
        push(
            Text::new("public et éligibilité", "audience and eligibility"),
            e.as_of,
            &e.source,
        );
    }
    for q in o
        .quotas
        .iter()
        .filter(|q| o.current_quota(q.quantity) == Some(q))
    {
        let what = Text::new(
            format!("quota ({:?}) : {}", q.quantity, q.limit),
            format!("quota ({:?}): {}", q.quantity, q.limit),
        );
        push(what, q.as_of, &q.source);
    }
}

/// Every fact older than `months` on `today`, oldest first (then by id): hosts, their offers,
/// and the status, eligibility and current quotas of the offers of `offers.toml`.
pub fn stale(catalog: &Catalog, today: NaiveDate, months: i64) -> Vec<StaleItem> {
    let mut all = Vec::new();
    for h in &catalog.hosts {
        host_items(h, today, &mut all);
    }
    for o in &catalog.offers {
        offer_items(o, today, &mut all);
    }
    let mut out: Vec<StaleItem> = all.into_iter().filter(|i| i.age_months > months).collect();
    out.sort_by(|a, b| {
        b.age_months
            .cmp(&a.age_months)
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn three_years_is_the_line() {
        let cat = crate::catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let Some(h) = cat.hosts.first() else {
            panic!("no host");
        };
        let seen = h.newest_evidence().first_day();
        let just = seen
            .checked_add_months(chrono::Months::new(36))
            .unwrap_or(seen);
        assert!(!h.is_stale(just), "36 months is not over the line");
        let over = seen
            .checked_add_months(chrono::Months::new(37))
            .unwrap_or(seen);
        assert!(h.is_stale(over));
    }

    #[test]
    fn stale_lists_oldest_first_and_only_past_the_age() {
        let cat = crate::catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let today = day(2026, 12, 1);
        let items = stale(&cat, today, 36);
        assert!(!items.is_empty());
        assert!(items.iter().all(|i| i.age_months > 36));
        assert!(items.windows(2).all(|w| w[0].age_months >= w[1].age_months));
        assert!(stale(&cat, today, 10_000).is_empty());
    }
}
