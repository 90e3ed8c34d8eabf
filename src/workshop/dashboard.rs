//! The workshop dashboard: how many associations use each tool and have each need, the share
//! already on free software, and the progress of every audit. One pass over the facts the store
//! fetched (`Store::audit_facts`), no plan computed: ten thousand audits take a fraction of a
//! second (`cargo bench --bench workshop`).
//!
//! Counts are per association: when an association has several audits in the scope (a
//! follow-up), its latest one counts. Progress lists every audit.

use std::collections::HashMap;

use serde::Serialize;

use super::facts::{Facts, Reading, read_all};
use crate::audit::AuditStatus;
use crate::catalog::Catalog;
use crate::i18n::Text;
use crate::plan::NeedStatus;

/// A part of a whole (`part` of `whole`), with its rounded percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Share {
    pub part: usize,
    pub whole: usize,
}

impl Share {
    /// Rounded percentage; 0 for an empty whole.
    pub fn percent(self) -> usize {
        (self.part * 100 + self.whole / 2)
            .checked_div(self.whole)
            .unwrap_or(0)
    }
}

/// How many associations use one tool.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ToolCount {
    pub tool: String,
    pub name: String,
    /// Free software (`Some(true)`), proprietary (`Some(false)`), unknown to the catalogue.
    pub free: Option<bool>,
    pub associations: usize,
}

/// How many associations have one need, and how many of them meet it with free software.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedCount {
    pub need: String,
    pub label: Text,
    pub associations: usize,
    /// Met with free software only.
    pub free: usize,
    /// Proprietary tools, mixed, or no tool yet.
    pub unmet: usize,
}

/// The progress of one audit, counted like the walk counts it (shown questions only).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub audit_id: String,
    pub association_id: String,
    pub association_name: String,
    pub questionnaire: String,
    pub answered: usize,
    pub shown: usize,
    pub status: AuditStatus,
    pub updated_at: String,
}

impl Progress {
    pub fn share(&self) -> Share {
        Share {
            part: self.answered.min(self.shown),
            whole: self.shown,
        }
    }
}

/// The dashboard of a workshop (or of the whole database).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Dashboard {
    pub audits: usize,
    pub associations: usize,
    /// Most used first, then by name.
    pub tools: Vec<ToolCount>,
    /// Most frequent first, then in the catalogue's order.
    pub needs: Vec<NeedCount>,
    /// Tools in use (one per association and tool) that are free software, among those the
    /// catalogue knows.
    pub free_tools: Share,
    /// (association, need) pairs met with free software only, among all pairs.
    pub free_needs: Share,
    /// Every audit, in the order they were started.
    pub progress: Vec<Progress>,
}

/// Build the dashboard from the facts of a scope.
pub fn build(facts: &Facts, catalog: &Catalog) -> Dashboard {
    let readings: Vec<Option<Reading>> = read_all(facts, catalog);
    let mut d = Dashboard {
        audits: facts.audits.len(),
        ..Dashboard::default()
    };
    for (f, r) in facts.audits.iter().zip(&readings) {
        let q = facts.questionnaires.get(&f.questionnaire_hash);
        d.progress.push(Progress {
            audit_id: f.audit_id.clone(),
            association_id: f.association.id.clone(),
            association_name: f.association.name.clone(),
            questionnaire: q.map_or_else(String::new, |q| format!("{} v{}", q.id, q.version)),
            answered: r.as_ref().map_or(0, |r| r.answered),
            shown: r.as_ref().map_or(0, |r| r.shown),
            status: f.status,
            updated_at: f.updated_at.clone(),
        });
    }
    let index: HashMap<&str, usize> = facts
        .audits
        .iter()
        .enumerate()
        .map(|(i, f)| (f.audit_id.as_str(), i))
        .collect();
    let latest = facts.latest_per_association();
    d.associations = latest.len();
    let mut tool_at: HashMap<&str, usize> = HashMap::new();
    let mut need_at: HashMap<&str, usize> = HashMap::new();
    for f in latest {
        let Some(Some(r)) = index.get(f.audit_id.as_str()).map(|&i| &readings[i]) else {
            continue;
        };
        for t in &r.tools {
            let Some(id) = t.tool else { continue };
            match tool_at.get(id) {
                Some(&i) => d.tools[i].associations += 1,
                None => {
                    tool_at.insert(id, d.tools.len());
                    d.tools.push(ToolCount {
                        tool: id.to_string(),
                        name: t.name.to_string(),
                        free: t.free,
                        associations: 1,
                    });
                }
            }
            if let Some(free) = t.free {
                d.free_tools.whole += 1;
                d.free_tools.part += usize::from(free);
            }
        }
        for n in &r.needs {
            let c = match need_at.get(n.need) {
                Some(&i) => &mut d.needs[i],
                None => {
                    need_at.insert(n.need, d.needs.len());
                    d.needs.push(NeedCount {
                        need: n.need.to_string(),
                        label: catalog
                            .need(n.need)
                            .map_or_else(|| Text::new(n.need, n.need), |c| c.label.clone()),
                        associations: 0,
                        free: 0,
                        unmet: 0,
                    });
                    let last = d.needs.len() - 1;
                    &mut d.needs[last]
                }
            };
            c.associations += 1;
            let free = n.status == NeedStatus::Free;
            c.free += usize::from(free);
            c.unmet += usize::from(!free);
            d.free_needs.whole += 1;
            d.free_needs.part += usize::from(free);
        }
    }
    d.tools.sort_by(|a, b| {
        b.associations
            .cmp(&a.associations)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.tool.cmp(&b.tool))
    });
    let order = |need: &str| {
        catalog
            .needs
            .iter()
            .position(|n| n.id == need)
            .unwrap_or(usize::MAX)
    };
    d.needs.sort_by(|a, b| {
        b.associations
            .cmp(&a.associations)
            .then_with(|| order(&a.need).cmp(&order(&b.need)))
            .then_with(|| a.need.cmp(&b.need))
    });
    d
}
