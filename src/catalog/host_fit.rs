//! What an organisation can take from a host, as the catalogue states it: whether a service is
//! open to it (registration, audience, membership), whether the host's area rule accepts its
//! place, and which of the host's offers it may take at its size — each "no" or "à vérifier"
//! with a typed reason the plan turns into words. Pure: the applicant is passed in.

use super::date::PartialDate;
use super::host::{Access, AreaScope, Host, HostService, OrgType, RegistrationLoad};
use super::host::{ServiceRegistration, StatusLevel};
use super::host_offer::{Audience, HostOffer, PriceUnit};

/// The kind of organisation asking, as offers and registrations tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApplicantKind {
    /// An association, a collective, a foundation or a union.
    NonProfit,
    Company,
    /// Another form: association-only offers are « à vérifier ».
    Other,
}

/// A quantity an offer's cap is compared with, for one need.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// The need does not use it (accounts for a public website, storage for a poll).
    Irrelevant,
    Unknown,
    Known(f64),
}

/// Who is asking, at what size, from where.
#[derive(Debug, Clone, Copy)]
pub struct Applicant<'a> {
    pub kind: ApplicantKind,
    pub accounts: Amount,
    pub storage_gb: Amount,
    /// French département code, when in France and known.
    pub departement: Option<&'a str>,
    /// ISO 3166-1 alpha-2, upper case; empty when unknown.
    pub country: &'a str,
}

/// A verdict on a service, an area or an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Yes,
    /// Possible as far as the catalogue knows; something to check first.
    ToCheck,
    No,
}

/// Why an offer is out or to check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Why {
    /// For private persons only.
    Individuals,
    /// For a specific public only.
    SpecificPublic,
    /// For associations only, and the applicant is a company (No) or of another form (ToCheck).
    AssociationsOnly,
    /// The source does not say who it is for.
    AudienceNotStated,
    /// At most `cap` accounts, `needed` are needed.
    AccountsBelow {
        cap: u32,
        needed: f64,
    },
    /// `cap` GB (in all, per-account caps multiplied), `needed` are needed.
    StorageBelow {
        cap: f64,
        needed: f64,
    },
    /// A cap is stated but the applicant's figure is not known.
    AccountsUnknown {
        cap: u32,
    },
    StorageUnknown {
        cap: f64,
    },
    /// No cap stated for a quantity the need uses.
    CapsNotStated,
}

/// One offer judged for one applicant and need.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferFit<'h> {
    pub offer: &'h HostOffer,
    /// Position in `Host::offers`.
    pub index: usize,
    pub verdict: Verdict,
    pub why: Vec<Why>,
}

impl OfferFit<'_> {
    /// Out only because of its caps: "possible if the offer grows".
    pub fn too_small(&self) -> bool {
        self.verdict == Verdict::No
            && self
                .why
                .iter()
                .any(|w| matches!(w, Why::AccountsBelow { .. } | Why::StorageBelow { .. }))
            && !self.why.iter().any(|w| {
                matches!(
                    w,
                    Why::Individuals | Why::SpecificPublic | Why::AssociationsOnly
                )
            })
    }
}

/// Where the applicant stands against the host's area rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaFit {
    /// No area rule stated.
    NoRule,
    Inside,
    /// Outside an area served first: acceptable only when nothing equivalent is nearer.
    OutsideFirst,
    /// Outside an area served only.
    OutsideOnly,
    /// A rule exists but the applicant's place is not known.
    Unknown,
}

/// Whether a service is open to the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceAccess {
    Open,
    /// Members of the host only, and the applicant could join.
    Members,
    /// Who may register is not stated.
    Unknown,
    /// Closed to it: full, ended, reserved to a public it is not part of.
    Closed,
}

impl HostOffer {
    /// Whether the offer's stated audience takes an applicant of `kind`: `Yes` only when the
    /// source names it (or anyone, or organisations); `ToCheck` when the source does not say
    /// who the offer is for. A price is an organisation's price only on `Yes`.
    pub fn audience_fit(&self, kind: ApplicantKind) -> Verdict {
        audience_verdict(&self.audience, kind).0
    }
}

fn audience_verdict(audience: &[Audience], kind: ApplicantKind) -> (Verdict, Option<Why>) {
    if audience.is_empty() {
        return (Verdict::ToCheck, Some(Why::AudienceNotStated));
    }
    if audience
        .iter()
        .any(|a| matches!(a, Audience::Anyone | Audience::Organisations))
    {
        return (Verdict::Yes, None);
    }
    if audience.contains(&Audience::Associations) {
        return match kind {
            ApplicantKind::NonProfit => (Verdict::Yes, None),
            ApplicantKind::Other => (Verdict::ToCheck, Some(Why::AssociationsOnly)),
            ApplicantKind::Company => (Verdict::No, Some(Why::AssociationsOnly)),
        };
    }
    if audience.contains(&Audience::Individuals) {
        (Verdict::No, Some(Why::Individuals))
    } else {
        (Verdict::No, Some(Why::SpecificPublic))
    }
}

/// Judge one offer's caps against one quantity.
fn cap_check(
    offer: &HostOffer,
    accounts: Amount,
    storage: Amount,
    verdict: &mut Verdict,
    why: &mut Vec<Why>,
) {
    let mut missing = false;
    match (offer.accounts, accounts) {
        (_, Amount::Irrelevant) => {}
        (Some(cap), Amount::Known(n)) if n > f64::from(cap) => {
            *verdict = Verdict::No;
            why.push(Why::AccountsBelow { cap, needed: n });
        }
        (Some(_), Amount::Known(_)) => {}
        (Some(cap), Amount::Unknown) => {
            *verdict = (*verdict).max(Verdict::ToCheck);
            why.push(Why::AccountsUnknown { cap });
        }
        (None, _) => missing = true,
    }
    match (offer.storage_gb, storage) {
        (_, Amount::Irrelevant) => {}
        (Some(cap), Amount::Known(n)) => {
            // A per-account cap holds for each account: compare the total when accounts are
            // known, else each account's share cannot be told.
            let total = match (offer.per, accounts) {
                (Some(PriceUnit::Account), Amount::Known(a)) => Some(cap * a.max(1.0)),
                (Some(PriceUnit::Account), _) => None,
                _ => Some(cap),
            };
            match total {
                Some(t) if n > t => {
                    *verdict = Verdict::No;
                    why.push(Why::StorageBelow { cap: t, needed: n });
                }
                Some(_) => {}
                None => {
                    *verdict = (*verdict).max(Verdict::ToCheck);
                    why.push(Why::StorageUnknown { cap });
                }
            }
        }
        (Some(cap), Amount::Unknown) => {
            *verdict = (*verdict).max(Verdict::ToCheck);
            why.push(Why::StorageUnknown { cap });
        }
        (None, _) => missing = true,
    }
    if missing && *verdict != Verdict::No {
        *verdict = (*verdict).max(Verdict::ToCheck);
        why.push(Why::CapsNotStated);
    }
}

impl Host {
    /// The host's offers for `need` judged for `applicant`, best first (fits, then to check,
    /// then out; within each, the most recently dated first, then stated order). Offers whose audience names the applicant's kind
    /// take precedence: when one exists, offers that do not say who they are for are left out
    /// (a supporting membership at a free amount is not an offer of accounts).
    pub fn offers_for(&self, applicant: &Applicant<'_>, need: &str) -> Vec<OfferFit<'_>> {
        let mut out: Vec<OfferFit<'_>> = self
            .offers
            .iter()
            .enumerate()
            .filter(|(_, o)| o.covers(need))
            .map(|(index, offer)| {
                let (mut verdict, w) = audience_verdict(&offer.audience, applicant.kind);
                let mut why: Vec<Why> = w.into_iter().collect();
                if verdict != Verdict::No {
                    cap_check(
                        offer,
                        applicant.accounts,
                        applicant.storage_gb,
                        &mut verdict,
                        &mut why,
                    );
                }
                OfferFit {
                    offer,
                    index,
                    verdict,
                    why,
                }
            })
            .collect();
        let explicit = out.iter().any(|f| {
            !f.offer.audience.is_empty()
                && audience_verdict(&f.offer.audience, applicant.kind).0 == Verdict::Yes
        });
        if explicit {
            out.retain(|f| !f.offer.audience.is_empty());
        }
        // Fitting first; among equals the most recently stated, then as listed.
        out.sort_by_key(|f| (f.verdict, std::cmp::Reverse(f.offer.as_of), f.index));
        out
    }

    /// Whether the applicant's place is inside the area the host serves first or only.
    pub fn area_fit(&self, departement: Option<&str>, country: &str) -> AreaFit {
        let Some(area) = &self.registration.area else {
            return AreaFit::NoRule;
        };
        let in_country = !country.is_empty()
            && area
                .countries
                .iter()
                .any(|c| c.eq_ignore_ascii_case(country));
        let in_deps = departement.is_some_and(|d| area.departements.iter().any(|x| x == d));
        if in_country || in_deps {
            return AreaFit::Inside;
        }
        let knowable = if area.departements.is_empty() {
            !country.is_empty()
        } else {
            departement.is_some() || (!country.is_empty() && !country.eq_ignore_ascii_case("FR"))
        };
        match (knowable, area.scope) {
            (false, _) => AreaFit::Unknown,
            (true, AreaScope::First) => AreaFit::OutsideFirst,
            (true, AreaScope::Only) => AreaFit::OutsideOnly,
        }
    }

    /// Whether the host has left the collective or says it is away.
    pub fn has_left(&self) -> bool {
        self.membership_evidence.left.is_some() || self.status == Some(StatusLevel::Away)
    }

    /// Whether an applicant of `kind` could join the host to use its members-only services:
    /// as its registration's audience says when stated (legal persons accepted: a company may
    /// join); otherwise when the host is an association, a collective or a cooperative (or its
    /// form is unknown) and the applicant is not a company.
    pub fn could_join(&self, kind: ApplicantKind) -> bool {
        let audience = &self.registration.audience;
        if !audience.is_empty() {
            return audience_verdict(audience, kind).0 != Verdict::No;
        }
        kind != ApplicantKind::Company
            && matches!(
                self.org_type,
                Some(OrgType::Association | OrgType::Collective | OrgType::Cooperative) | None
            )
    }

    /// Whether `service` is open to an applicant of `kind`, on `today` (the catalogue's date).
    pub fn service_access(
        &self,
        service: &HostService,
        kind: ApplicantKind,
        today: &PartialDate,
    ) -> ServiceAccess {
        if service.load == Some(RegistrationLoad::Full)
            || service.end.is_some_and(|e| !e.is_after(today))
            || matches!(service.status, Some(StatusLevel::Over | StatusLevel::Void))
        {
            return ServiceAccess::Closed;
        }
        let audience = if service.audience.is_empty() {
            &self.registration.audience
        } else {
            &service.audience
        };
        if !audience.is_empty() && audience_verdict(audience, kind).0 == Verdict::No {
            return ServiceAccess::Closed;
        }
        let can_join = self.could_join(kind);
        if !service.registration.is_empty() {
            let open = service.registration.iter().any(|r| {
                matches!(
                    r,
                    ServiceRegistration::None
                        | ServiceRegistration::Free
                        | ServiceRegistration::Client
                )
            });
            return if open {
                ServiceAccess::Open
            } else if can_join {
                ServiceAccess::Members
            } else {
                ServiceAccess::Closed
            };
        }
        let who = &self.registration.who;
        if who.is_empty() {
            ServiceAccess::Unknown
        } else if who
            .iter()
            .any(|a| matches!(a, Access::OpenToAllFree | Access::PayingClients))
        {
            ServiceAccess::Open
        } else if who.contains(&Access::Members) && can_join {
            ServiceAccess::Members
        } else {
            ServiceAccess::Closed
        }
    }
}
