//! Validation of the dated facts: offers (every quota, feature, gap, cost, status and note has
//! a source and an `as_of` no later than the file's) and hosts (sources, `seen`, prices, service
//! references).

use super::date::PartialDate;
use super::error::{ErrorKind, IdSpace};
use super::files::{HostsFile, OffersFile};
use super::price::{Price, PriceKind};
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
            }
            for (j, price) in h.prices.iter().enumerate() {
                if let Some(d) = &price.as_of {
                    self.not_after(
                        src,
                        segs!["host", i, "prices", j, "as_of"],
                        "as_of",
                        d,
                        &as_of,
                    );
                }
                self.price(src, segs!["host", i, "prices", j], price);
            }
        }
    }

    pub(super) fn price(&mut self, src: &Source, at: &[Seg], p: &Price) {
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
            _ => None,
        };
        if let Some((fr, en)) = problem {
            self.push(ErrorKind::Invalid, src, at, fr.to_string(), en.to_string());
        }
    }
}
