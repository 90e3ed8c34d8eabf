//! The host offer API on the shipped catalogue, case by case: what a host lists for a need,
//! which of its offers an organisation of a given kind and size may take and why not, and
//! whether its area rule accepts a place.

use diagasso::catalog::{
    self, Amount, Applicant, ApplicantKind, AreaFit, Catalog, Host, ServiceAccess, Verdict, Why,
    YearlyCost,
};

fn shipped() -> Catalog {
    catalog::shipped().expect("catalogue")
}

fn host<'c>(c: &'c Catalog, id: &str) -> &'c Host {
    c.host(id)
        .unwrap_or_else(|| panic!("{id} in the catalogue"))
}

fn applicant(
    kind: ApplicantKind,
    accounts: Option<f64>,
    storage: Option<f64>,
) -> Applicant<'static> {
    let amount = |v: Option<f64>| v.map_or(Amount::Unknown, Amount::Known);
    Applicant {
        kind,
        accounts: amount(accounts),
        storage_gb: amount(storage),
        departement: Some("69"),
        country: "FR",
    }
}

#[test]
fn software_for_a_need_is_only_what_the_host_names() {
    let c = shipped();
    let arn = host(&c, "arn");
    assert_eq!(
        arn.software_for("email"),
        Vec::<&str>::new(),
        "mail: no software named"
    );
    assert!(arn.software_for("team-chat").contains(&"element-matrix"));
    assert!(!arn.runs_for("team-chat", "mattermost"));
    let chapril = host(&c, "chapril");
    assert!(
        chapril.services_for("members-accounting").next().is_none(),
        "Bénévalibre tracks volunteer time: not members and accounting"
    );
}

#[test]
fn arn_bundle_is_too_small_for_a_federation_and_closed_to_a_company() {
    let c = shipped();
    let arn = host(&c, "arn");
    // 110 accounts, 300 GB: the only association bundle (10 people, 40 GB) falls short.
    let fits = arn.offers_for(
        &applicant(ApplicantKind::NonProfit, Some(110.0), Some(300.0)),
        "file-sharing",
    );
    let bundle = &fits[0];
    assert_eq!(bundle.verdict, Verdict::No);
    assert!(bundle.too_small());
    assert!(bundle.why.contains(&Why::AccountsBelow {
        cap: 10,
        needed: 110.0
    }));
    assert!(bundle.why.contains(&Why::StorageBelow {
        cap: 40.0,
        needed: 300.0
    }));
    // A small association fits.
    let small = arn.offers_for(
        &applicant(ApplicantKind::NonProfit, Some(8.0), Some(20.0)),
        "file-sharing",
    );
    assert_eq!(small[0].verdict, Verdict::Yes);
    // A company is refused the association bundle, whatever its size.
    let company = arn.offers_for(
        &applicant(ApplicantKind::Company, Some(3.0), Some(5.0)),
        "file-sharing",
    );
    assert_eq!(company[0].verdict, Verdict::No);
    assert!(company[0].why.contains(&Why::AssociationsOnly));
    assert!(
        !company[0].too_small(),
        "refused for its audience, not its size"
    );
}

#[test]
fn offers_naming_the_kind_of_organisation_set_aside_unstated_ones() {
    let c = shipped();
    let hadoly = host(&c, "hadoly");
    let fits = hadoly.offers_for(
        &applicant(ApplicantKind::NonProfit, Some(110.0), None),
        "email",
    );
    // The legal-person memberships (5, 15, 35 accounts) are all too small; the supporting
    // membership at a free amount, which says nothing of accounts, is not taken as an offer.
    assert!(fits.iter().all(|f| f.verdict == Verdict::No), "{fits:#?}");
    assert!(fits.iter().any(|f| f.too_small()));
    assert!(fits.iter().all(|f| !f.offer.audience.is_empty()));
}

#[test]
fn a_family_plan_is_not_an_organisations_offer() {
    let c = shipped();
    let zaclys = host(&c, "zaclys");
    let fits = zaclys.offers_for(
        &applicant(ApplicantKind::NonProfit, Some(5.0), Some(1.0)),
        "file-sharing",
    );
    let free = fits
        .iter()
        .find(|f| f.offer.kind == catalog::PriceKind::Free)
        .expect("the free family plan");
    assert_eq!(free.verdict, Verdict::No);
    assert!(free.why.contains(&Why::Individuals));
}

#[test]
fn a_price_per_account_is_priced_for_the_accounts() {
    let c = shipped();
    let nubo = host(&c, "nubo");
    let monthly = nubo
        .offers
        .iter()
        .find(|o| o.amount_eur == Some(2.5))
        .expect("2.5 EUR a month per account");
    assert_eq!(monthly.yearly_cost(Some(20.0)), YearlyCost::Eur(600.0));
    assert_eq!(monthly.yearly_cost(None), YearlyCost::PerAccount(30.0));
}

#[test]
fn area_rules_accept_their_own_area_first() {
    let c = shipped();
    let arn = host(&c, "arn");
    assert_eq!(arn.area_fit(Some("67"), "FR"), AreaFit::Inside);
    assert_eq!(arn.area_fit(Some("69"), "FR"), AreaFit::OutsideFirst);
    assert_eq!(arn.area_fit(None, "BE"), AreaFit::OutsideFirst);
    assert_eq!(arn.area_fit(None, "FR"), AreaFit::Unknown);
    assert_eq!(
        host(&c, "chapril").area_fit(Some("69"), "FR"),
        AreaFit::NoRule
    );
}

#[test]
fn members_only_services_are_open_to_those_who_can_join() {
    let c = shipped();
    let today = c.as_of;
    // Le Cloud Girofle hosts individuals and legal persons, as members.
    let girofle = host(&c, "le-cloud-girofle");
    let service = girofle.services.first().expect("a service");
    for kind in [ApplicantKind::NonProfit, ApplicantKind::Company] {
        assert_eq!(
            girofle.service_access(service, kind, &today),
            ServiceAccess::Members,
            "{kind:?}"
        );
    }
    // With no audience stated, a company is not taken to join an association's membership.
    let mut club = girofle.clone();
    club.registration.audience.clear();
    assert_eq!(
        club.service_access(service, ApplicantKind::Company, &today),
        ServiceAccess::Closed
    );
    // Leprette serves its family only.
    let leprette = host(&c, "leprette");
    let s = leprette.services.first().expect("a service");
    assert_eq!(
        leprette.service_access(s, ApplicantKind::NonProfit, &today),
        ServiceAccess::Closed
    );
}
