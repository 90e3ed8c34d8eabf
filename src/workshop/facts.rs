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

use crate::audit::{Answer, Answers, Association, AuditStatus, Value};
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
    /// By position in the audit's questionnaire copy.
    pub answers: AnswerSlots,
}

/// An audit's answers, each at the position of its question in the audit's questionnaire copy
/// (document order): ten thousand audits' answers are read in order, with no map per audit and
/// no search per question. Answers to questions the copy does not have are not kept: nothing
/// could read them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnswerSlots(Vec<Option<Answer>>);

impl AnswerSlots {
    /// No answer yet, for a questionnaire of `questions` questions.
    pub fn new(questions: usize) -> AnswerSlots {
        AnswerSlots(vec![None; questions])
    }

    /// Answers by question id, placed by `q`.
    pub fn placed(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> AnswerSlots {
        let mut out = AnswerSlots::new(q.question_count());
        for (id, answer) in answers {
            if let Some(position) = q.position(id) {
                out.set(position, answer.clone());
            }
        }
        out
    }

    /// Put the answer at `position` (beyond the questionnaire: ignored).
    pub fn set(&mut self, position: usize, answer: Answer) {
        if let Some(slot) = self.0.get_mut(position) {
            *slot = Some(answer);
        }
    }

    /// The answer at `position`, if any.
    pub fn at(&self, position: usize) -> Option<&Answer> {
        self.0.get(position).and_then(Option::as_ref)
    }

    /// How many answers there are.
    pub fn count(&self) -> usize {
        self.0.iter().filter(|a| a.is_some()).count()
    }
}

/// Answers a [`Reader`] reads: by question id, or already placed by position.
pub trait AnswerSource {
    /// One entry per question of `q`, in document order.
    fn by_position<'a>(&'a self, q: &Questionnaire) -> Vec<Option<&'a Answer>>;
}

impl AnswerSource for AnswerSlots {
    fn by_position<'a>(&'a self, q: &Questionnaire) -> Vec<Option<&'a Answer>> {
        (0..q.question_count()).map(|p| self.at(p)).collect()
    }
}

impl AnswerSource for BTreeMap<String, Answer> {
    fn by_position<'a>(&'a self, q: &Questionnaire) -> Vec<Option<&'a Answer>> {
        let mut at = vec![None; q.question_count()];
        for (id, answer) in self {
            // An answer to a question the questionnaire does not have is never read.
            if let Some(slot) = q.position(id).and_then(|p| at.get_mut(p)) {
                *slot = Some(answer);
            }
        }
        at
    }
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

/// Read every audit of `facts` against its questionnaire copy (`None` when the copy is
/// missing), in the facts' order. Past a few thousand audits the work is shared among the
/// machine's cores (at most four threads, each with its own [`Reader`]): every audit is read
/// on its own, so the readings are the same however they are shared.
pub fn read_all<'q>(facts: &'q Facts, catalog: &Catalog) -> Vec<Option<Reading<'q>>> {
    let read = |audits: &'q [AuditFacts]| -> Vec<Option<Reading<'q>>> {
        let mut reader = Reader::new(catalog);
        audits
            .iter()
            .map(|f| {
                facts
                    .questionnaires
                    .get(&f.questionnaire_hash)
                    .map(|q| reader.read(q, &f.answers))
            })
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || facts.audits.len() < 2_000 {
        return read(&facts.audits);
    }
    let chunk = facts.audits.len().div_ceil(threads);
    std::thread::scope(|s| {
        let parts: Vec<_> = facts
            .audits
            .chunks(chunk)
            .map(|audits| {
                let spawned = std::thread::Builder::new().spawn_scoped(s, move || read(audits));
                // No thread to be had: read this share here.
                spawned.map_err(|_| audits)
            })
            .collect();
        let mut out = Vec::with_capacity(facts.audits.len());
        for part in parts {
            match part {
                Ok(handle) => match handle.join() {
                    Ok(readings) => out.extend(readings),
                    Err(panic) => std::panic::resume_unwind(panic),
                },
                Err(audits) => out.extend(read(audits)),
            }
        }
        out
    })
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
        let name: Arc<str> = tool_name(self.catalog, id).fr.into();
        let free = is_free(self.catalog, id, tagged);
        memo.insert(id.to_string(), (Arc::clone(&name), free));
        (name, free)
    }

    /// Read one audit's answers against its questionnaire.
    pub fn read<'q, S: AnswerSource + ?Sized>(
        &mut self,
        q: &'q Questionnaire,
        answers: &S,
    ) -> Reading<'q> {
        let mut out = Reading::default();
        // (need, tools for it) in first-met order.
        let mut needs: Vec<(&'q str, Vec<ToolUse<'q>>)> = Vec::new();
        let answers = ByPosition {
            q,
            at: answers.by_position(q),
        };
        let shown = q.visible(&answers);
        for (((_, question), visible), answer) in q.questions().zip(shown).zip(&answers.at) {
            if !visible {
                continue;
            }
            out.shown += 1;
            let Some(answer) = answer else {
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

/// An audit's answers by question position, looked up by id through the questionnaire's
/// index for the expressions that name them.
struct ByPosition<'a> {
    q: &'a Questionnaire,
    at: Vec<Option<&'a Answer>>,
}

impl Answers for ByPosition<'_> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.at.get(self.q.position(question)?).copied().flatten()
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
