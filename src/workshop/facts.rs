//! What the aggregates read about each audit, and the one pass that turns an audit's answers
//! into its tools and needs.
//!
//! [`AuditFacts`] is filled by the store (`Store::audit_facts`), with the association's public
//! profile only (never its contact). [`Reader::read`] reads the visible answers by their tags,
//! exactly as the plan does (`plan::needs`): a choice's `needs` are the association's needs, its
//! `tool` the tool it uses for them, free when the catalogue lists it as free software or the
//! choice is tagged `free-software`; a need is **free** when every tool named for it is free,
//! **mixed**, **not free**, or **without tool** (a wish, or tools the catalogue does not know);
//! a need with no tool that free software already used for another need covers is free
//! (`needs.already-free`, not for backups). A test checks that these statuses are the plan's.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::audit::{Answer, Association, AuditStatus, Value};
use crate::catalog::Catalog;
use crate::plan::NeedStatus;
use crate::plan::needs::{is_free, tool_name};
use crate::questionnaire::Questionnaire;

/// One audit as the aggregates see it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditFacts {
    pub audit_id: String,
    pub questionnaire_hash: String,
    pub status: AuditStatus,
    pub started_at: String,
    pub updated_at: String,
    pub previous_audit_id: Option<String>,
    /// The association's profile without its contact (left empty).
    pub association: Association,
    pub answers: BTreeMap<String, Answer>,
}

/// The audits of a scope and the questionnaire copies they were started with, by hash.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub audits: Vec<AuditFacts>,
    pub questionnaires: HashMap<String, Arc<Questionnaire>>,
}

impl Facts {
    /// The latest audit of each association (by start time, then id), in start order: what
    /// counts and pools read, so that an association audited twice counts once.
    pub fn latest_per_association(&self) -> Vec<&AuditFacts> {
        let mut latest: HashMap<&str, &AuditFacts> = HashMap::new();
        for f in &self.audits {
            let slot = latest.entry(f.association.id.as_str()).or_insert(f);
            if (f.started_at.as_str(), f.audit_id.as_str())
                > (slot.started_at.as_str(), slot.audit_id.as_str())
            {
                *slot = f;
            }
        }
        let mut out: Vec<&AuditFacts> = latest.into_values().collect();
        out.sort_by(|a, b| {
            (a.started_at.as_str(), a.audit_id.as_str())
                .cmp(&(b.started_at.as_str(), b.audit_id.as_str()))
        });
        out
    }
}

/// A tool named in an audit. Ids are borrowed from the questionnaire and names shared with
/// the reader's memo, so reading ten thousand audits allocates little.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolUse<'q> {
    /// Catalogue id, or `None` for a choice tagged `free-software` that names no tool.
    pub tool: Option<&'q str>,
    pub name: Arc<str>,
    pub free: Option<bool>,
}

/// One need of one audit.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedReading<'q> {
    pub need: &'q str,
    pub status: NeedStatus,
    /// The tools named for it (catalogue names).
    pub tools: Vec<Arc<str>>,
}

impl NeedReading<'_> {
    /// Unmet: not (only) on free software — proprietary tools, mixed, or no tool yet.
    pub fn unmet(&self) -> bool {
        self.status != NeedStatus::Free
    }
}

/// One audit read by its tags.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reading<'q> {
    /// Questions shown given the answers, and how many of them are answered (the walk's
    /// progress).
    pub shown: usize,
    pub answered: usize,
    /// Distinct tools named anywhere, in questionnaire order.
    pub tools: Vec<ToolUse<'q>>,
    /// Needs, in the order first met.
    pub needs: Vec<NeedReading<'q>>,
    /// The `accounts` quantity, when given.
    pub accounts: Option<f64>,
    /// The `hosting_budget_eur` quantity, when given.
    pub budget_eur: Option<f64>,
    /// Signals carried by the selected choices, without repeats.
    pub signals: Vec<&'q str>,
}

/// A tool's name and whether it is free software, as the catalogue tells.
type Looked = (Arc<str>, Option<bool>);

/// Reads audits against the catalogue, remembering what it looked up.
pub struct Reader<'c> {
    catalog: &'c Catalog,
    /// Tool id → (name, free), for choices not tagged / tagged `free-software`.
    tools: [HashMap<String, Looked>; 2],
}

impl<'c> Reader<'c> {
    pub fn new(catalog: &'c Catalog) -> Reader<'c> {
        Reader {
            catalog,
            tools: [HashMap::new(), HashMap::new()],
        }
    }

    fn tool(&mut self, id: &str, tagged: bool) -> (Arc<str>, Option<bool>) {
        let memo = &mut self.tools[usize::from(tagged)];
        if let Some((name, free)) = memo.get(id) {
            return (Arc::clone(name), *free);
        }
        let name: Arc<str> = tool_name(self.catalog, id).into();
        let free = is_free(self.catalog, id, tagged);
        memo.insert(id.to_string(), (Arc::clone(&name), free));
        (name, free)
    }

    /// Read one audit's answers against its questionnaire.
    pub fn read<'q>(
        &mut self,
        q: &'q Questionnaire,
        answers: &BTreeMap<String, Answer>,
    ) -> Reading<'q> {
        let mut out = Reading::default();
        // (need, tools for it) in first-met order.
        let mut needs: Vec<(&'q str, Vec<ToolUse<'q>>)> = Vec::new();
        let shown = q.visible(answers);
        for ((_, question), visible) in q.questions().zip(shown) {
            if !visible {
                continue;
            }
            out.shown += 1;
            let Some(answer) = answers.get(&question.id) else {
                continue;
            };
            out.answered += 1;
            let ids: &[String] = match answer {
                Answer::Given(Value::Choice(c)) => std::slice::from_ref(c),
                Answer::Given(Value::Choices(cs)) => cs,
                Answer::Given(Value::Number(n)) if n.is_finite() => {
                    match question.quantity.as_deref() {
                        Some("accounts") => out.accounts = Some(*n),
                        Some("hosting_budget_eur") => out.budget_eur = Some(*n),
                        _ => {}
                    }
                    &[]
                }
                _ => &[],
            };
            for choice in ids.iter().filter_map(|id| question.choice(id)) {
                for s in &choice.signals {
                    if !out.signals.contains(&s.as_str()) {
                        out.signals.push(s);
                    }
                }
                let tagged = choice.signals.iter().any(|s| s == "free-software");
                let used = match &choice.tool {
                    Some(id) => {
                        let (name, free) = self.tool(id, tagged);
                        Some(ToolUse {
                            tool: Some(id),
                            name,
                            free,
                        })
                    }
                    None if tagged => Some(ToolUse {
                        tool: None,
                        name: choice.label.fr.as_str().into(),
                        free: Some(true),
                    }),
                    None => None,
                };
                if let Some(t) = &used
                    && t.tool.is_some()
                    && !out.tools.iter().any(|u| u.tool == t.tool)
                {
                    out.tools.push(t.clone());
                }
                for need in &choice.needs {
                    let idx = match needs.iter().position(|(n, _)| n == need) {
                        Some(i) => i,
                        None => {
                            needs.push((need, Vec::new()));
                            needs.len() - 1
                        }
                    };
                    let tools = &mut needs[idx].1;
                    if let Some(t) = &used
                        && (t.tool.is_none() || !tools.iter().any(|u| u.tool == t.tool))
                    {
                        tools.push(t.clone());
                    }
                }
            }
        }
        self.derive_free(&mut needs);
        out.needs = needs
            .into_iter()
            .map(|(need, tools)| NeedReading {
                status: status(&tools),
                tools: tools.into_iter().map(|t| t.name).collect(),
                need,
            })
            .collect();
        out
    }

    /// `needs.already-free`: a need with no tool that a free software used for another need
    /// covers is met by it (not for backups: a synced copy is not a backup).
    fn derive_free<'q>(&self, needs: &mut [(&'q str, Vec<ToolUse<'q>>)]) {
        let used: Vec<ToolUse<'q>> = needs
            .iter()
            .flat_map(|(_, t)| t.iter())
            .filter(|t| t.free == Some(true))
            .cloned()
            .collect();
        for (need, tools) in needs
            .iter_mut()
            .filter(|(n, t)| t.is_empty() && *n != "backups")
        {
            let found = used.iter().find(|t| {
                t.tool
                    .and_then(|id| self.catalog.software(id))
                    .is_some_and(|s| s.needs.iter().any(|n| n == need))
            });
            if let Some(t) = found {
                tools.push(t.clone());
            }
        }
    }
}

fn status(tools: &[ToolUse]) -> NeedStatus {
    let free = tools.iter().filter(|t| t.free == Some(true)).count();
    let not_free = tools.iter().filter(|t| t.free == Some(false)).count();
    match (free, not_free) {
        (0, 0) => NeedStatus::NoTool,
        (_, 0) => NeedStatus::Free,
        (0, _) => NeedStatus::NotFree,
        _ => NeedStatus::Mixed,
    }
}
