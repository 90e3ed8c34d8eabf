//! What the host matching reads of the association, once per plan: its kind (non-profit,
//! company, other), where it is, the accounts, mail addresses and storage it answered (an
//! estimate from members is not a measure for an offer's caps), its hosting budget, and which
//! of these blocking facts are unknown (then every host pick is provisional).

use crate::audit::{Association, LegalForm};
use crate::catalog::{Amount, Applicant, ApplicantKind, Catalog, PartialDate};
use crate::i18n::{Lang, typo};

use super::hosts::{Blocking, Nearness};
use super::read::{Quantity, Read};
use super::trace::Trace;

/// Needs that take one account per person: the accounts cap of an offer applies.
const PER_PERSON: &[&str] = &[
    "file-sharing",
    "calendar",
    "contacts",
    "office-docs",
    "email",
    "team-chat",
    "kanban",
    "wiki",
    "photos",
];

/// Needs that hold the association's files: the storage cap of an offer applies.
const STORAGE: &[&str] = &["file-sharing", "photos", "backups"];

pub(crate) struct Context<'a> {
    pub catalog: &'a Catalog,
    pub budget: Option<f64>,
    /// The association's French département and country, read once.
    pub departement: Option<String>,
    pub country: String,
    pub kind: ApplicantKind,
    /// Accounts, mail addresses and storage as answered (estimates are not caps' measure).
    pub accounts: Option<f64>,
    pub mail_accounts: Option<f64>,
    pub storage_gb: Option<f64>,
    pub find_first: Vec<Blocking>,
    pub trace: Trace,
}

impl<'a> Context<'a> {
    /// An association known only by its profile (a workshop's representative): no size, no
    /// budget; nothing is marked provisional.
    pub fn profile_only(association: &'a Association, catalog: &'a Catalog) -> Context<'a> {
        let country = association.country.trim().to_ascii_uppercase();
        Context {
            catalog,
            budget: None,
            departement: association.departement(),
            country,
            kind: Context::kind_of(association.legal_form),
            accounts: None,
            mail_accounts: None,
            storage_gb: None,
            find_first: Vec::new(),
            trace: Trace::default(),
        }
    }

    pub fn new(read: &Read<'_>, association: &'a Association, catalog: &'a Catalog) -> Context<'a> {
        let mut trace = Trace::default();
        let given = |q: &str, trace: &mut Trace| match read.quantity(q) {
            Quantity::Given(v, r) => {
                trace.add_answer(r);
                Some(v)
            }
            Quantity::DontKnow(r) => {
                trace.add_answer(r);
                None
            }
            Quantity::Missing => None,
        };
        let budget = given("hosting_budget_eur", &mut trace);
        let accounts = given("accounts", &mut trace);
        let mail_accounts = given("email_addresses", &mut trace);
        let storage_gb = given("storage_gb", &mut trace);
        let departement = association.departement();
        if let Some(dep) = &departement {
            trace.add_profile("departement", dep.clone());
        }
        let country = association.country.trim().to_ascii_uppercase();
        trace.add_profile("country", association.country.clone());
        trace.add_profile("legal_form", association.legal_form.as_str());
        let mut find_first = Vec::new();
        if accounts.is_none() {
            find_first.push(Blocking::Accounts);
        }
        if budget.is_none() {
            find_first.push(Blocking::Budget);
        }
        if country.is_empty() || (country == "FR" && departement.is_none()) {
            find_first.push(Blocking::Place);
        }
        Context {
            catalog,
            budget,
            departement,
            country,
            kind: Context::kind_of(association.legal_form),
            accounts,
            mail_accounts,
            storage_gb,
            find_first,
            trace,
        }
    }

    pub fn kind_of(form: LegalForm) -> ApplicantKind {
        match form {
            LegalForm::Association
            | LegalForm::Collectif
            | LegalForm::Fondation
            | LegalForm::Syndicat => ApplicantKind::NonProfit,
            LegalForm::Entreprise => ApplicantKind::Company,
            LegalForm::Autre => ApplicantKind::Other,
        }
    }

    pub fn in_france(&self) -> bool {
        self.country.eq_ignore_ascii_case("FR")
    }

    pub fn accounts_known(&self) -> Option<f64> {
        self.accounts
    }

    /// The association as an applicant for `need`: only the quantities the need uses.
    pub fn applicant(&self, need: &str) -> Applicant<'_> {
        let amount = |v: Option<f64>| v.map_or(Amount::Unknown, Amount::Known);
        let accounts = if !PER_PERSON.contains(&need) {
            Amount::Irrelevant
        } else if need == "email" {
            amount(self.mail_accounts.or(self.accounts))
        } else {
            amount(self.accounts)
        };
        Applicant {
            kind: self.kind,
            accounts,
            storage_gb: if STORAGE.contains(&need) {
                amount(self.storage_gb)
            } else {
                Amount::Irrelevant
            },
            departement: self.departement.as_deref(),
            country: &self.country,
        }
    }

    pub fn num(&self, n: f64, fr: bool) -> String {
        typo::number(if fr { Lang::Fr } else { Lang::En }, n)
    }

    pub fn eur_year(&self, n: f64, fr: bool) -> String {
        typo::eur_per_year(if fr { Lang::Fr } else { Lang::En }, n)
    }

    /// Whether a host at `near` counts as near the association.
    pub fn is_near(&self, near: Nearness) -> bool {
        match near {
            Nearness::SameDepartement | Nearness::Neighbour => true,
            Nearness::SameCountry => self.departement.is_none() && !self.in_france(),
            _ => false,
        }
    }

    /// When a fact was seen, as a clause: « en 2023 », « en octobre 2023 », « le 6 octobre
    /// 2026 » / "in 2023", "in October 2023", "on 6 October 2026".
    pub fn seen_on(&self, d: PartialDate, fr: bool) -> String {
        let lang = if fr { Lang::Fr } else { Lang::En };
        match (d.month, d.day) {
            (Some(m), Some(day)) => {
                let long = typo::date(lang, &format!("{:04}-{m:02}-{day:02}", d.year));
                format!("{} {long}", if fr { "le" } else { "on" })
            }
            (Some(m), None) => {
                // The first of the month written out, without its day.
                let long = typo::date(lang, &format!("{:04}-{m:02}-01", d.year));
                let month = long
                    .split_once(typo::NBSP)
                    .map_or(long.as_str(), |(_, rest)| rest);
                format!("{} {month}", if fr { "en" } else { "in" })
            }
            _ => format!("{} {}", if fr { "en" } else { "in" }, d.year),
        }
    }
}
