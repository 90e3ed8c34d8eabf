//! Frama.space: is the association eligible, with every reason. Each criterion gives a reason
//! with a status — `ok`, `warn` (fine, with a caution), `check` (à vérifier), `blocks` — and
//! the verdict follows: any `blocks` → `no`; else any `check` → `probably`; else `yes`. Even
//! `yes` means "the criteria we can see are met": Framasoft reviews each request, and the plan
//! always says so.
//!
//! Criteria: organisation type (association/collectif ok, fondation/syndicat/autre to check,
//! entreprise no); language (`language`: the working languages answered, else the country);
//! accounts needed (quantity `accounts`, else members + employees as an estimate) against the
//! catalogue's accounts quota; files volume (quantity `storage_gb`) against the catalogue's
//! current storage quota, citing each dated quota; the needs its features cover and those it
//! does not; health or sensitive data. Quotas are read from the catalogue, never written here.

use serde::{Deserialize, Serialize};

use crate::audit::{Association, LegalForm};
use crate::catalog::offer::LegalForm as OfferForm;
use crate::catalog::{Catalog, Offer};
use crate::i18n::Text;

use super::needs::{NeedStatus, NeedUse};
use super::read::Read;
use super::trace::Trace;

/// The verdict on Frama.space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligible {
    Yes,
    Probably,
    No,
}

impl Eligible {
    pub fn label(self) -> Text {
        match self {
            Eligible::Yes => Text::new(
                "éligible a priori (Framasoft examine chaque demande)",
                "eligible as far as we can tell (Framasoft reviews each request)",
            ),
            Eligible::Probably => Text::new(
                "probablement éligible — points à vérifier",
                "probably eligible — points to check",
            ),
            Eligible::No => Text::new("ne convient pas", "not suitable"),
        }
    }
}

/// How one criterion came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Info,
    Ok,
    Warn,
    Check,
    Blocks,
}

/// One reason of the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub status: Status,
    pub text: Text,
    pub trace: Trace,
}

/// A quantity compared with a quota.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuotaCheck {
    /// What the association needs, when known.
    pub needed: Option<f64>,
    /// `needed` is an estimate (members + employees), not an answer.
    pub estimated: bool,
    pub limit: f64,
    pub hard: bool,
    pub source: String,
    pub as_of: String,
}

/// Frama.space for this association.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Framaspace {
    /// The offer id in the catalogue (`None` when the catalogue has no Frama.space).
    pub offer: Option<String>,
    pub eligible: Eligible,
    pub eligible_label: Text,
    pub reasons: Vec<Reason>,
    pub accounts: Option<QuotaCheck>,
    pub storage: Option<QuotaCheck>,
    /// The association's needs it covers, and those it does not.
    pub covers: Vec<String>,
    pub does_not_cover: Vec<String>,
    /// The plan relies on it: not `no`, and it covers a need that is not on free software yet.
    pub recommended: bool,
    pub apply_url: Option<String>,
    pub trace: Trace,
}

pub(crate) fn framaspace(
    read: &Read<'_>,
    association: &Association,
    catalog: &Catalog,
    needs: &[NeedUse],
) -> Framaspace {
    let Some(offer) = catalog.frama_space() else {
        let reason = Reason {
            status: Status::Check,
            text: Text::new(
                "le catalogue ne contient pas Frama.space : à vérifier sur frama.space",
                "the catalogue has no Frama.space entry: check on frama.space",
            ),
            trace: Trace::rule("framaspace.reviewed"),
        };
        return finish(None, &[], vec![reason], None, None, Vec::new(), Vec::new());
    };
    let mut reasons = vec![
        legal_form(association, offer),
        super::language::language(read, association, offer),
    ];
    let accounts = super::fit::accounts(read, association, offer, &mut reasons);
    let storage = super::fit::storage(read, offer, &mut reasons);
    let (covers, does_not_cover) = super::fit::coverage(read, offer, needs, &mut reasons);
    data(read, &mut reasons);
    let mut reviewed = Trace::rule("framaspace.reviewed");
    if let Some(e) = &offer.eligibility {
        reviewed.add_text_fact(&e.audience, &e.source, e.as_of);
    }
    reasons.push(Reason {
        status: Status::Info,
        text: Text::new(
            "Framasoft examine chaque demande avant d'ouvrir un espace : ce plan ne peut pas promettre qu'elle sera acceptée.",
            "Framasoft reviews each request before a space opens: this plan cannot promise it will be accepted.",
        ),
        trace: reviewed,
    });
    let moves: Vec<String> = needs
        .iter()
        .filter(|n| matches!(n.status, NeedStatus::NotFree | NeedStatus::NoTool))
        .map(|n| n.need.clone())
        .collect();
    let mut fs = finish(
        Some(offer),
        &moves,
        reasons,
        accounts,
        storage,
        covers,
        does_not_cover,
    );
    fs.apply_url = offer.apply.as_ref().map(|a| a.url.clone());
    fs
}

fn finish(
    offer: Option<&Offer>,
    moves: &[String],
    reasons: Vec<Reason>,
    accounts: Option<QuotaCheck>,
    storage: Option<QuotaCheck>,
    covers: Vec<String>,
    does_not_cover: Vec<String>,
) -> Framaspace {
    let worst = reasons.iter().map(|r| r.status).max();
    // Recommended only when it would take a need the association has to move (one already on
    // free software stays where it is).
    let moving = covers.iter().any(|c| moves.contains(c));
    let eligible = match worst {
        Some(Status::Blocks) => Eligible::No,
        Some(Status::Check) => Eligible::Probably,
        _ => Eligible::Yes,
    };
    let mut trace = Trace::default();
    for r in &reasons {
        trace.merge(&r.trace);
    }
    Framaspace {
        offer: offer.map(|o| o.id.clone()),
        eligible,
        eligible_label: eligible.label(),
        recommended: eligible != Eligible::No && moving,
        reasons,
        accounts,
        storage,
        covers,
        does_not_cover,
        apply_url: None,
        trace,
    }
}

pub(super) fn reason(status: Status, fr: String, en: String, trace: Trace) -> Reason {
    Reason {
        status,
        text: Text::new(fr, en),
        trace,
    }
}

fn legal_form(association: &Association, offer: &Offer) -> Reason {
    let mut trace = Trace::rule("framaspace.legal-form");
    trace.add_profile("legal_form", association.legal_form.as_str());
    let named: &[OfferForm] = offer
        .eligibility
        .as_ref()
        .map_or(&[], |e| e.legal_forms.as_slice());
    if let Some(e) = &offer.eligibility {
        trace.add_text_fact(&e.audience, &e.source, e.as_of);
    }
    let form = association.legal_form;
    let listed = |f: OfferForm| named.is_empty() || named.contains(&f);
    let fr_name = form.label(crate::i18n::Lang::Fr).to_lowercase();
    let en_name = form.label(crate::i18n::Lang::En).to_lowercase();
    let (status, fr, en) = match form {
        LegalForm::Association | LegalForm::Collectif
            if listed(match form {
                LegalForm::Association => OfferForm::Association,
                _ => OfferForm::Collective,
            }) =>
        {
            (
                Status::Ok,
                format!("Forme : {fr_name} — Frama.space est fait pour les associations et collectifs."),
                format!("Form: {en_name} — Frama.space is made for associations and collectives."),
            )
        }
        LegalForm::Entreprise if !named.contains(&OfferForm::Company) => (
            Status::Blocks,
            "Forme : entreprise — Frama.space est réservé aux associations et collectifs, pas aux entreprises.".to_string(),
            "Form: company — Frama.space is reserved to associations and collectives, not companies.".to_string(),
        ),
        LegalForm::Fondation | LegalForm::Syndicat
            if named.contains(&if form == LegalForm::Fondation { OfferForm::Foundation } else { OfferForm::Union }) =>
        {
            (
                Status::Check,
                format!("Forme : {fr_name} — la source cite cette forme, mais Frama.space vise d'abord les associations et petits collectifs : à confirmer avec Framasoft."),
                format!("Form: {en_name} — the source names this form, but Frama.space is aimed first at associations and small collectives: confirm with Framasoft."),
            )
        }
        _ => (
            Status::Check,
            format!("Forme : {fr_name} — Frama.space vise d'abord les associations et collectifs : à vérifier auprès de Framasoft."),
            format!("Form: {en_name} — Frama.space is aimed first at associations and collectives: check with Framasoft."),
        ),
    };
    reason(status, fr, en, trace)
}

fn data(read: &Read<'_>, reasons: &mut Vec<Reason>) {
    let health = read.signal("health-data");
    if !health.is_empty() {
        let mut trace = Trace::rule("framaspace.health-data");
        trace.add_answers(health);
        reasons.push(reason(
            Status::Warn,
            "Données de santé : elles demandent un hébergeur certifié HDS — ne les mettez pas sur Frama.space (le reste peut y aller).".into(),
            "Health data: it needs a certified (HDS) host — do not put it on Frama.space (the rest can go there).".into(),
            trace,
        ));
    }
    let sensitive = read.signal("sensitive-data");
    if !sensitive.is_empty() {
        let mut trace = Trace::rule("framaspace.sensitive-data");
        trace.add_answers(sensitive);
        reasons.push(reason(
            Status::Warn,
            "Données sensibles : Frama.space n'a pas de chiffrement de bout en bout ; limitez qui y accède.".into(),
            "Sensitive data: Frama.space has no end-to-end encryption; limit who can reach it.".into(),
            trace,
        ));
    }
}
