//! Needs: what the association needs to do, read from the `needs` tags of the choices it ticked
//! in visible questions, with the tools it uses for each (the choices' `tool` tags), whether each
//! tool is free software (listed in the catalogue's software, or tagged `free-software`), and how
//! dependent the association is on them.
//!
//! Dependency rule (`needs.lock-in`): the mean of the `lock-in` ratings of the need's domain
//! (1 = leaving would be easy … 5 = very hard): 4 or more is high, 3 or more medium, less is
//! low. With no rating: low when every tool is free, unknown otherwise ("à évaluer").

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::i18n::Text;

use super::read::{Read, mean};
use super::trace::Trace;

/// How dependent the association is on its current tools for one need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dependency {
    Low,
    Medium,
    High,
    Unknown,
}

impl Dependency {
    pub fn label(self) -> Text {
        match self {
            Dependency::Low => Text::new("faible", "low"),
            Dependency::Medium => Text::new("moyenne", "medium"),
            Dependency::High => Text::new("forte", "high"),
            Dependency::Unknown => Text::new("à évaluer", "to be assessed"),
        }
    }
}

/// Where the association stands on a need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedStatus {
    /// Every tool named is free software.
    Free,
    /// Some free, some not.
    Mixed,
    /// No free tool named (proprietary services, paper…).
    NotFree,
    /// A need with no tool yet (a wish), or only tools the catalogue does not know.
    NoTool,
}

/// A tool the association uses for a need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolUse {
    /// The catalogue id; `None` for a choice tagged `free-software` that names no tool ("our
    /// mail is at a CHATONS host").
    pub tool: Option<String>,
    /// The tool's name in both languages (a software's name is the same in both).
    pub name: Text,
    /// `None` when the catalogue knows neither a tool nor a software with this id.
    pub free: Option<bool>,
    pub question: String,
    pub choice: String,
}

/// One need of the association.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedUse {
    pub need: String,
    pub label: Text,
    /// The catalogue's score domain of the need.
    pub domain: Option<String>,
    pub tools: Vec<ToolUse>,
    pub status: NeedStatus,
    pub dependency: Dependency,
    /// Mean lock-in rating (1–5) of the domain, when given.
    pub lock_in: Option<f64>,
    pub trace: Trace,
}

impl NeedUse {
    /// The tools that are not free software.
    pub fn proprietary_tools(&self) -> impl Iterator<Item = &ToolUse> {
        self.tools.iter().filter(|t| t.free == Some(false))
    }
}

/// Whether a tool id is free software: `Some(true)` for the catalogue's software or a choice
/// tagged `free-software`, `Some(false)` for the catalogue's tools, `None` when unknown.
pub(crate) fn is_free(catalog: &Catalog, tool: &str, tagged_free: bool) -> Option<bool> {
    if catalog.software(tool).is_some() || tagged_free {
        Some(true)
    } else if catalog.tool(tool).is_some() {
        Some(false)
    } else {
        None
    }
}

pub(crate) fn tool_name(catalog: &Catalog, tool: &str) -> Text {
    catalog
        .software(tool)
        .map(|s| Text::new(s.name.clone(), s.name.clone()))
        .or_else(|| catalog.tool(tool).map(|t| t.label()))
        .unwrap_or_else(|| Text::new(tool, tool))
}

/// The needs of the association, in the catalogue's order (unknown need ids last, by id).
pub(crate) fn needs(read: &Read<'_>, catalog: &Catalog) -> Vec<NeedUse> {
    let mut out: Vec<NeedUse> = Vec::new();
    for (item, choice) in read.choices() {
        for need in &choice.needs {
            let idx = match out.iter().position(|n| &n.need == need) {
                Some(i) => i,
                None => {
                    out.push(new_need(catalog, need));
                    out.len() - 1
                }
            };
            let entry = &mut out[idx];
            entry.trace.add_answer(item.read_choice(choice));
            let tagged = choice.signals.iter().any(|s| s == "free-software");
            match &choice.tool {
                Some(tool) if !entry.tools.iter().any(|t| t.tool.as_ref() == Some(tool)) => {
                    entry.tools.push(ToolUse {
                        tool: Some(tool.clone()),
                        name: tool_name(catalog, tool),
                        free: is_free(catalog, tool, tagged),
                        question: item.question.id.clone(),
                        choice: choice.id.clone(),
                    });
                    entry.trace.add_rule("needs.free-tool");
                }
                None if tagged => {
                    entry.tools.push(ToolUse {
                        tool: None,
                        name: choice.label.clone(),
                        free: Some(true),
                        question: item.question.id.clone(),
                        choice: choice.id.clone(),
                    });
                    entry.trace.add_rule("needs.free-tool");
                }
                _ => {}
            }
        }
    }
    derive_free(catalog, &mut out);
    for need in &mut out {
        settle(read, need);
    }
    out.sort_by_key(|n| {
        (
            catalog
                .needs
                .iter()
                .position(|c| c.id == n.need)
                .unwrap_or(usize::MAX),
            n.need.clone(),
        )
    });
    out
}

fn new_need(catalog: &Catalog, need: &str) -> NeedUse {
    let known = catalog.need(need);
    NeedUse {
        need: need.to_string(),
        label: known.map_or_else(|| Text::new(need, need), |n| n.label.clone()),
        domain: known.map(|n| n.domain.id().to_string()),
        tools: Vec::new(),
        status: NeedStatus::NoTool,
        dependency: Dependency::Unknown,
        lock_in: None,
        trace: Trace::rule("needs.from-choices"),
    }
}

/// A need with no tool named, that free software the association already uses for another
/// need also covers (photo albums in the Nextcloud it uses for files), is met by that software
/// (`needs.already-free`). Not for backups: a synced copy is not a backup.
fn derive_free(catalog: &Catalog, needs: &mut [NeedUse]) {
    let used: Vec<ToolUse> = needs
        .iter()
        .flat_map(|n| n.tools.iter())
        .filter(|t| t.free == Some(true))
        .cloned()
        .collect();
    for need in needs
        .iter_mut()
        .filter(|n| n.tools.is_empty() && n.need != "backups")
    {
        let found = used.iter().find(|t| {
            t.tool
                .as_deref()
                .and_then(|id| catalog.software(id))
                .is_some_and(|s| s.needs.contains(&need.need))
        });
        if let Some(t) = found {
            need.tools.push(t.clone());
            need.trace.add_rule("needs.already-free");
            need.trace
                .add_answer(super::trace::AnswerRead::choice(&t.question, &t.choice));
        }
    }
}

fn settle(read: &Read<'_>, need: &mut NeedUse) {
    let free = need.tools.iter().filter(|t| t.free == Some(true)).count();
    let not_free = need.tools.iter().filter(|t| t.free == Some(false)).count();
    need.status = match (free, not_free) {
        (0, 0) => NeedStatus::NoTool,
        (_, 0) => NeedStatus::Free,
        (0, _) => NeedStatus::NotFree,
        _ => NeedStatus::Mixed,
    };
    let ratings = read.role("lock-in", need.domain.as_deref());
    need.lock_in = mean(&ratings);
    need.dependency = match need.lock_in {
        Some(m) if m >= 4.0 => Dependency::High,
        Some(m) if m >= 3.0 => Dependency::Medium,
        Some(_) => Dependency::Low,
        None if need.status == NeedStatus::Free => Dependency::Low,
        None => Dependency::Unknown,
    };
    if need.lock_in.is_some() {
        need.trace.add_rule("needs.lock-in");
        need.trace
            .add_answers(ratings.into_iter().map(|(_, read)| read));
    }
}
