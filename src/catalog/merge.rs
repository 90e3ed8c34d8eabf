//! Putting an imported host beside the catalogue's: which catalogue host an organization file
//! describes (same website domain, else same name), and what the import keeps from the
//! catalogue — facts ChatonsInfos has no key for (prices, association offer, town) and facts the
//! file leaves unknown. Membership status and dates always come from the newest source that
//! states them, so a newer file saying the host left (`AWAY`, an end date) is never outweighed
//! by older, "stronger" evidence.

use super::Catalog;
use super::date::PartialDate;
use super::host::{Host, MembershipEvidence};
use super::host_offer::DateBasis;
use super::values::{domain, slug};
use crate::i18n::Text;

/// The catalogue host an organization (name, website) describes, if any: same website domain
/// first, then same id or name.
pub fn matching_host<'c>(
    name: &str,
    website: Option<&str>,
    catalog: &'c Catalog,
) -> Option<&'c Host> {
    if let Some(w) = website.map(domain).filter(|d| !d.is_empty()) {
        let hit = catalog
            .hosts
            .iter()
            .find(|h| h.website.as_deref().map(domain).as_deref() == Some(w.as_str()));
        if hit.is_some() {
            return hit;
        }
    }
    let base = slug(name);
    catalog
        .hosts
        .iter()
        .find(|h| (!base.is_empty() && h.id == base) || h.name.eq_ignore_ascii_case(name.trim()))
}

/// What says two organization files describe one organization: the catalogue host they match,
/// else their website domain, else their name.
pub fn identity(name: &str, website: Option<&str>, catalog: &Catalog) -> String {
    if let Some(h) = matching_host(name, website, catalog) {
        return format!("host:{}", h.id);
    }
    match website.map(domain).filter(|d| !d.is_empty()) {
        Some(d) => format!("site:{d}"),
        None => format!("name:{}", slug(name)),
    }
}

/// An id for a new host: the slug of its name (or of its file name), never one the catalogue
/// or `taken` already has.
pub fn new_id(name: &str, file: &str, catalog: &Catalog, taken: &[String]) -> String {
    let mut base = slug(name);
    if base.is_empty() {
        base = slug(file.trim_end_matches(".properties"));
    }
    if base.is_empty() {
        base = "host".into();
    }
    let used = |id: &str| taken.iter().any(|t| t == id) || catalog.host(id).is_some();
    let mut id = base.clone();
    let mut n = 2;
    while used(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Keep from `old` what ChatonsInfos has no key for, or what the files left unknown; take the
/// membership state from the newer of the two.
pub fn merge(mut new: Host, old: &Host) -> Host {
    new.website = new.website.or_else(|| old.website.clone());
    if new.website == old.website && new.website_basis.is_none() {
        new.website_basis = old.website_basis;
    }
    new.operator = old.operator.clone();
    new.org_type = new.org_type.or(old.org_type);
    new.org_type_detail = old.org_type_detail.clone();
    let p = &mut new.place;
    p.city = p.city.take().or_else(|| old.place.city.clone());
    p.area = p.area.take().or_else(|| old.place.area.clone());
    if p.departements.is_empty() {
        p.departements = old.place.departements.clone();
    }
    p.region = p.region.take().or_else(|| old.place.region.clone());
    p.country = p.country.take().or_else(|| old.place.country.clone());
    if new.services.is_empty() {
        new.services = old.services.clone();
        new.services_notes = old.services_notes.clone();
    }
    if new.registration.who.is_empty() {
        new.registration = old.registration.clone();
    } else {
        // ChatonsInfos has no key for who a host serves or from where: keep what was known.
        let r = &mut new.registration;
        if r.audience.is_empty() {
            r.audience = old.registration.audience.clone();
        }
        r.area = r.area.take().or_else(|| old.registration.area.clone());
        r.notes = r.notes.take().or_else(|| old.registration.notes.clone());
    }
    new.membership_evidence = membership(
        &new.membership_evidence,
        new.seen,
        &old.membership_evidence,
        old.seen,
    );
    // Carried-over offers keep the date they were seen, so that re-importing is stable.
    new.offers = old.offers.clone();
    for p in &mut new.offers {
        if p.as_of.is_none() {
            p.as_of = Some(old.seen);
            p.as_of_basis = Some(DateBasis::Entry);
        }
    }
    new.association_offer = old.association_offer.clone();
    if !old.offers.is_empty() || old.association_offer.notes.is_some() {
        let kept = Text::new(
            "Prix et offre pour les associations repris du catalogue précédent (voir la date de chaque prix) : ChatonsInfos n'a pas de clé pour eux.",
            "Prices and association offer kept from the previous catalogue (see each price's date): ChatonsInfos has no key for them.",
        );
        new.caveats = Some(match new.caveats.take() {
            Some(c) if !c.en.contains(&kept.en) => Text::new(
                format!("{} {}", c.fr, kept.fr),
                format!("{} {}", c.en, kept.en),
            ),
            Some(c) => c,
            None => kept,
        });
    }
    for s in &old.sources {
        if !new.sources.contains(s) {
            new.sources.push(s.clone());
        }
    }
    new
}

/// The membership evidence of two sources dated `new_seen` and `old_seen`. The state (status
/// and end date, read together) and the start date come from the newest source that states
/// them; a state saying the host left brings its own evidence; otherwise the stronger basis
/// and its text are kept. A re-check flag is kept (only a federation file clears it).
pub fn membership(
    new: &MembershipEvidence,
    new_seen: PartialDate,
    old: &MembershipEvidence,
    old_seen: PartialDate,
) -> MembershipEvidence {
    let (newer, older) = if new_seen.first_day() >= old_seen.first_day() {
        (new, old)
    } else {
        (old, new)
    };
    let states = |e: &MembershipEvidence| e.status.is_some() || e.left.is_some();
    let state_from = if states(newer) || !states(older) {
        newer
    } else {
        older
    };
    let mut out = if state_from.has_left() {
        state_from.clone()
    } else if new.basis <= old.basis {
        new.clone()
    } else {
        old.clone()
    };
    out.status = state_from.status;
    out.left = state_from.left;
    out.joined = newer.joined.or(older.joined);
    out.recheck = new.recheck.clone().or_else(|| old.recheck.clone());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::host::{MembershipBasis, StatusLevel};

    fn ev(
        basis: MembershipBasis,
        status: Option<StatusLevel>,
        left: Option<&str>,
    ) -> MembershipEvidence {
        MembershipEvidence {
            basis,
            evidence: Text::new(format!("{basis:?}"), format!("{basis:?}")),
            joined: None,
            status,
            left: left.and_then(|d| d.parse().ok()),
            recheck: None,
        }
    }

    fn day(s: &str) -> PartialDate {
        s.parse().unwrap_or_else(|_| panic!("{s}"))
    }

    #[test]
    fn a_newer_file_saying_it_left_wins_over_stronger_older_evidence() {
        let old = ev(
            MembershipBasis::StatedByCollective,
            Some(StatusLevel::Active),
            None,
        );
        let new = ev(
            MembershipBasis::StatedByHost,
            Some(StatusLevel::Away),
            Some("2026-06-30"),
        );
        let m = membership(&new, day("2026-09-01"), &old, day("2025-12"));
        assert!(m.has_left());
        assert_eq!(m.basis, MembershipBasis::StatedByHost);
        // Order of arguments does not matter: the dates decide.
        let m = membership(&old, day("2025-12"), &new, day("2026-09-01"));
        assert!(m.has_left());
    }

    #[test]
    fn an_older_file_saying_it_left_does_not_undo_a_newer_return() {
        let back = ev(
            MembershipBasis::StatedByHost,
            Some(StatusLevel::Active),
            None,
        );
        let gone = ev(
            MembershipBasis::StatedByHost,
            Some(StatusLevel::Away),
            Some("2023-01-01"),
        );
        let m = membership(&gone, day("2023-02-01"), &back, day("2026-01-01"));
        assert!(!m.has_left(), "{m:?}");
        assert_eq!(m.status, Some(StatusLevel::Active));
    }

    #[test]
    fn a_newer_file_silent_on_membership_keeps_the_stated_state() {
        let old = ev(
            MembershipBasis::StatedByHost,
            Some(StatusLevel::Away),
            Some("2024-01-01"),
        );
        let new = ev(MembershipBasis::Implied, None, None);
        let m = membership(&new, day("2026-01-01"), &old, day("2024-02-01"));
        assert!(m.has_left());
    }
}
