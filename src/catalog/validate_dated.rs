//! Validation of the dated facts: offers (every quota, feature, gap, cost, status and note has
//! a source and an `as_of` no later than the file's) and hosts (sources, `seen`, service
//! references, and each stated offer: dated, needs known, an amount with its period and unit;
//! an area rule with well-formed places).

use super::date::PartialDate;
use super::error::{ErrorKind, IdSpace};
use super::files::{HostsFile, OffersFile};
use super::host::{HostService, ServedArea};
use super::host_offer::{HostOffer, PriceKind};
use super::span::{Seg, Source, segs};
use super::validate::{Checker, Parsed};

impl Checker<'_> {
    pub(super) fn offers_file(&mut self, p: &Parsed<OffersFile>) {
        let src = &p.source;
        let as_of = p.data.as_of;
        let ids: Vec<&str> = p.data.offer.iter().map(|o| o.id.as_str()).collect();
        self.ids(src, "offer", &ids, IdSpace::Offer);
        for (i, o) in p.data.offer.iter().enumerate() {
            self.references(
                src,
                segs!["offer", i, "software"],
                &o.software,
                IdSpace::Software,
            );
            self.references(src, segs!["offer", i, "needs"], &o.needs, IdSpace::Need);
            self.references(
                src,
                segs!["offer", i, "replaces"],
                &o.replaces,
                IdSpace::Tool,
            );
            let mut dated: Vec<(Vec<Seg>, &str, &PartialDate)> = Vec::new();
            if let Some(e) = &o.eligibility {
                dated.push((
                    segs!["offer", i, "eligibility"].to_vec(),
                    &e.source,
                    &e.as_of,
                ));
            }
            for (j, q) in o.quotas.iter().enumerate() {
                dated.push((segs!["offer", i, "quotas", j].to_vec(), &q.source, &q.as_of));
            }
            for (j, f) in o.features.iter().enumerate() {
                self.reference(
                    src,
                    segs!["offer", i, "features", j, "need"],
                    &f.need,
                    IdSpace::Need,
                );
                self.references(
                    src,
                    segs!["offer", i, "features", j, "software"],
                    &f.software,
                    IdSpace::Software,
                );
                dated.push((
                    segs!["offer", i, "features", j].to_vec(),
                    &f.source,
                    &f.as_of,
                ));
            }
            for (j, g) in o.not_covered.iter().enumerate() {
                self.reference(
                    src,
                    segs!["offer", i, "not_covered", j, "need"],
                    &g.need,
                    IdSpace::Need,
                );
                self.references(
                    src,
                    segs!["offer", i, "not_covered", j, "instead"],
                    &g.instead,
                    IdSpace::OfferOrSoftware,
                );
                dated.push((
                    segs!["offer", i, "not_covered", j].to_vec(),
                    &g.source,
                    &g.as_of,
                ));
            }
            if let Some(c) = &o.cost {
                dated.push((segs!["offer", i, "cost"].to_vec(), &c.source, &c.as_of));
            }
            if let Some(a) = &o.apply {
                dated.push((segs!["offer", i, "apply"].to_vec(), &a.source, &a.as_of));
            }
            if let Some(s) = &o.status {
                dated.push((segs!["offer", i, "status"].to_vec(), &s.source, &s.as_of));
            }
            for (j, n) in o.notes.iter().enumerate() {
                dated.push((segs!["offer", i, "notes", j].to_vec(), &n.source, &n.as_of));
            }
            for (at, source, date) in dated {
                let mut s_at = at.clone();
                s_at.push(Seg::Key("source"));
                self.source_given(src, &s_at, source);
                let mut d_at = at;
                d_at.push(Seg::Key("as_of"));
                self.not_after(src, &d_at, "as_of", date, &as_of);
            }
        }
    }

    pub(super) fn hosts_file(&mut self, p: &Parsed<HostsFile>) {
        let src = &p.source;
        let as_of = p.data.as_of;
        let ids: Vec<&str> = p.data.host.iter().map(|h| h.id.as_str()).collect();
        self.ids(src, "host", &ids, IdSpace::Host);
        for (i, h) in p.data.host.iter().enumerate() {
            if h.sources.iter().all(|s| s.trim().is_empty()) {
                self.push(
                    ErrorKind::Invalid,
                    src,
                    segs!["host", i, "sources"],
                    format!("l'hébergeur `{}` n'a aucune source : chaque fait doit venir d'une source datée", h.id),
                    format!("host `{}` has no source: every fact must come from a dated source", h.id),
                );
            }
            self.not_after(src, segs!["host", i, "seen"], "seen", &h.seen, &as_of);
            if let Some(j) = &h.membership_evidence.joined {
                self.not_after(
                    src,
                    segs!["host", i, "membership_evidence", "joined"],
                    "joined",
                    j,
                    &as_of,
                );
            }
            for (j, s) in h.services.iter().enumerate() {
                self.references(
                    src,
                    segs!["host", i, "services", j, "software"],
                    &s.software,
                    IdSpace::Software,
                );
                self.references(
                    src,
                    segs!["host", i, "services", j, "needs"],
                    &s.needs,
                    IdSpace::Need,
                );
                self.service_software_serves(src, i, j, s);
            }
            for (j, offer) in h.offers.iter().enumerate() {
                let at = segs!["host", i, "offers", j];
                match &offer.as_of {
                    Some(d) => self.not_after(
                        src,
                        segs!["host", i, "offers", j, "as_of"],
                        "as_of",
                        d,
                        &as_of,
                    ),
                    None => self.push(
                        ErrorKind::Invalid,
                        src,
                        at,
                        format!("offre de `{}` sans date : ajoutez `as_of`, la date de la source (si la source n'est pas datée, la date où elle a été lue, avec `as_of_basis = \"read\"`)", h.id),
                        format!("offer of `{}` without a date: add `as_of`, the source's date (if the source is undated, the date it was read, with `as_of_basis = \"read\"`)", h.id),
                    ),
                }
                if let Some(s) = &offer.source {
                    self.source_given(src, segs!["host", i, "offers", j, "source"], s);
                }
                self.references(
                    src,
                    segs!["host", i, "offers", j, "needs"],
                    &offer.needs,
                    IdSpace::Need,
                );
                self.price(src, at, offer);
            }
            if let Some(area) = &h.registration.area {
                self.area(src, i, area);
            }
        }
    }

    /// A software named by a service must serve at least one of the service's needs (its apps
    /// count): a volunteer-time tracker is not a members-and-accounting service.
    fn service_software_serves(&mut self, src: &Source, i: usize, j: usize, s: &HostService) {
        let Some(map) = &self.software_needs else {
            return;
        };
        // An unknown need id is reported on its own; judge only services whose needs all exist.
        let known = self.known(IdSpace::Need).unwrap_or_default();
        if s.needs.iter().any(|n| !known.contains(&n.as_str())) {
            return;
        }
        let mut wrong: Vec<(usize, String)> = Vec::new();
        for (k, id) in s.software.iter().enumerate() {
            let Some(serves) = map.get(id.as_str()) else {
                continue;
            };
            if !s.needs.is_empty() && !s.needs.iter().any(|n| serves.contains(&n.as_str())) {
                wrong.push((k, id.clone()));
            }
        }
        for (k, id) in wrong {
            self.push(
                ErrorKind::Invalid,
                src,
                segs!["host", i, "services", j, "software", k],
                format!("le logiciel `{id}` ne sert aucun des besoins de ce service ({}) d'après software.toml : corrigez `needs` ou `software`", s.needs.join(", ")),
                format!("software `{id}` serves none of this service's needs ({}) according to software.toml: fix `needs` or `software`", s.needs.join(", ")),
            );
        }
    }

    fn area(&mut self, src: &Source, i: usize, area: &ServedArea) {
        if area.departements.is_empty() && area.countries.is_empty() {
            self.push(
                ErrorKind::Invalid,
                src,
                segs!["host", i, "registration", "area"],
                "zone sans lieu : indiquez `departements` (codes, ex. \"67\") ou `countries` (codes ISO, ex. \"BE\")".into(),
                "area with no place: give `departements` (codes, e.g. \"67\") or `countries` (ISO codes, e.g. \"BE\")".into(),
            );
        }
        for (k, d) in area.departements.iter().enumerate() {
            if !is_departement_code(d) {
                self.push(
                    ErrorKind::Invalid,
                    src,
                    segs!["host", i, "registration", "area", "departements", k],
                    format!("`{d}` n'est pas un code de département (ex. \"01\", \"2A\", \"974\")"),
                    format!("`{d}` is not a département code (e.g. \"01\", \"2A\", \"974\")"),
                );
            }
        }
        for (k, c) in area.countries.iter().enumerate() {
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                self.push(
                    ErrorKind::Invalid,
                    src,
                    segs!["host", i, "registration", "area", "countries", k],
                    format!(
                        "`{c}` n'est pas un code de pays ISO à deux lettres majuscules (ex. \"BE\")"
                    ),
                    format!("`{c}` is not a two-letter upper-case ISO country code (e.g. \"BE\")"),
                );
            }
        }
    }

    pub(super) fn price(&mut self, src: &Source, at: &[Seg], p: &HostOffer) {
        let needs_amount = matches!(
            p.kind,
            PriceKind::Fixed | PriceKind::Minimum | PriceKind::Suggested
        );
        let problem = match (p.kind, p.amount_eur, p.period) {
            (PriceKind::Free, Some(a), _) if a != 0.0 => Some((
                "un prix `free` a un montant de 0 ou aucun montant",
                "a `free` price has an amount of 0 or none",
            )),
            (_, None, _) if needs_amount => Some((
                "ce genre de prix demande `amount_eur` et `period` ; sinon utilisez `kind = \"paid\"`",
                "this kind of price needs `amount_eur` and `period`; otherwise use `kind = \"paid\"`",
            )),
            (_, Some(a), _) if a < 0.0 || !a.is_finite() => {
                Some(("montant négatif ou invalide", "negative or invalid amount"))
            }
            (k, Some(_), None) if k != PriceKind::Free => Some((
                "un montant sans `period` (year, month ou one-off) ne peut pas être comparé",
                "an amount without `period` (year, month or one-off) cannot be compared",
            )),
            (k, Some(_), Some(_)) if k != PriceKind::Free && p.per.is_none() => Some((
                "un montant sans `per` (organisation, account ou membership) ne peut pas être calculé pour une association",
                "an amount without `per` (organisation, account or membership) cannot be worked out for an association",
            )),
            _ => None,
        };
        if let Some((fr, en)) = problem {
            self.push(ErrorKind::Invalid, src, at, fr.to_string(), en.to_string());
        }
    }
}

/// A French département code: two digits (not 00 or 20), 2A/2B, or 971–976.
fn is_departement_code(d: &str) -> bool {
    match d.len() {
        2 if d == "2A" || d == "2B" => true,
        2 => d.bytes().all(|b| b.is_ascii_digit()) && d != "00" && d != "20" && d < "96",
        3 => matches!(d, "971" | "972" | "973" | "974" | "976"),
        _ => false,
    }
}
