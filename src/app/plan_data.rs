//! What the plan screen shows: the plan of one audit, plus the catalogue facts about each host
//! it names (membership evidence, the date it was seen and the age of that fact in months
//! against the catalogue's date) and the alternative hosts gathered from every need. Built once
//! by the executor when the plan is opened (`PlanData::build`, pure: no clock, no disk), so the
//! screen never computes anything while drawing.

use std::sync::Arc;

use crate::audit::{Association, Audit};
use crate::catalog::{Catalog, MembershipBasis};
use crate::i18n::{Lang, Text};
use crate::plan::{self, Plan, ProviderKind, Trace};
use crate::questionnaire::Questionnaire;

/// Catalogue facts about one host.
#[derive(Debug, Clone, PartialEq)]
pub struct HostFacts {
    pub id: String,
    pub place: Option<String>,
    pub basis: MembershipBasis,
    pub evidence: Text,
    /// The date of the newest source behind the entry (`2025-06`).
    pub seen: String,
    /// Whole months from `seen` to the catalogue's date.
    pub age_months: i64,
}

/// A host that could take some needs but is not in the chosen set.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    pub id: String,
    pub name: String,
    /// The best score it has for any need.
    pub score: u32,
    /// The needs it could take.
    pub needs: Vec<Text>,
    pub reasons: Vec<Text>,
    pub to_check: Vec<Text>,
    pub trace: Trace,
}

/// One audit's plan, ready to show.
#[derive(Debug, Clone)]
pub struct PlanData {
    pub audit_id: String,
    pub association_name: String,
    pub questionnaire: Arc<Questionnaire>,
    pub plan: Plan,
    pub hosts: Vec<HostFacts>,
    pub alternatives: Vec<Alternative>,
}

/// Facts older than this many months are marked « ancien ».
pub const OLD_MONTHS: i64 = 12;

impl PlanData {
    /// Compute the plan of `audit` on `catalog` and gather what the screen shows about hosts.
    pub fn build(
        audit_id: &str,
        association_name: &str,
        questionnaire: Arc<Questionnaire>,
        audit: &Audit,
        association: &Association,
        catalog: &Catalog,
    ) -> PlanData {
        let plan = plan::plan(&questionnaire, audit, association, catalog);
        let alternatives = alternatives(&plan, catalog);
        let today = catalog.as_of.first_day();
        let mut hosts: Vec<HostFacts> = Vec::new();
        let ids = plan
            .hosts
            .iter()
            .map(|h| h.id.as_str())
            .chain(alternatives.iter().map(|a| a.id.as_str()));
        for id in ids {
            let Some(h) = catalog.host(id) else { continue };
            if hosts.iter().any(|f| f.id == id) {
                continue;
            }
            let place = [
                h.place.city.as_deref(),
                h.place.area.as_deref(),
                h.place.country.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            hosts.push(HostFacts {
                id: id.to_string(),
                place: (!place.is_empty()).then_some(place),
                basis: h.membership_evidence.basis,
                evidence: h.membership_evidence.evidence.clone(),
                seen: h.seen.to_string(),
                age_months: h.seen.age_in_months(today),
            });
        }
        PlanData {
            audit_id: audit_id.to_string(),
            association_name: association_name.to_string(),
            questionnaire,
            plan,
            hosts,
            alternatives,
        }
    }

    pub fn host(&self, id: &str) -> Option<&HostFacts> {
        self.hosts.iter().find(|h| h.id == id)
    }
}

/// Hosts offered for some need but not chosen, best score first.
fn alternatives(plan: &Plan, catalog: &Catalog) -> Vec<Alternative> {
    let mut out: Vec<Alternative> = Vec::new();
    for r in &plan.recommendations {
        for p in r.providers.iter().filter(|p| p.kind == ProviderKind::Host) {
            if plan.hosts.iter().any(|h| h.id == p.id) {
                continue;
            }
            let score = p.score.unwrap_or(0);
            match out.iter_mut().find(|a| a.id == p.id) {
                Some(a) => {
                    if !a.needs.contains(&r.label) {
                        a.needs.push(r.label.clone());
                    }
                    a.score = a.score.max(score);
                }
                None => {
                    let mut trace = Trace::rule("hosts.filter").with_rule("hosts.score");
                    if let Some(h) = catalog.host(&p.id) {
                        let evidence = &h.membership_evidence.evidence;
                        trace.add_text_fact(
                            &Text::new(
                                format!("{} : {}", h.name, evidence.fr),
                                format!("{}: {}", h.name, evidence.get(Lang::En)),
                            ),
                            h.sources.first().map_or("", String::as_str),
                            h.seen,
                        );
                    }
                    out.push(Alternative {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        score,
                        needs: vec![r.label.clone()],
                        // A host held back for this need says why first.
                        reasons: p
                            .held_back
                            .iter()
                            .map(|h| h.text.clone())
                            .chain(p.reasons.iter().cloned())
                            .collect(),
                        to_check: p.to_check.to_vec(),
                        trace,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| b.score.cmp(&a.score).then(a.name.cmp(&b.name)));
    out
}
