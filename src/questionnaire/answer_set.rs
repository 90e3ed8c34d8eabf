//! The check of a whole set of answers at once: the one check every way in that brings many
//! answers goes through — an answers file (`new --answers`, `workshop add`, `plan --answers`),
//! a JSON export brought back (`import`), a bundle (`bundle import`). It is built on the rules
//! the walk applies to each answer it is given (`answer::check`), so nothing enters the store
//! by a side door that the walk would have refused.
//!
//! Every answer is checked, and every refusal is returned (question, the value as it reads,
//! why), in questionnaire order:
//!
//! 1. it names a question of the questionnaire, once;
//! 2. its value fits the question (`answer::check_value`: kind, known choices, each once, an
//!    exclusive choice alone, range, whole numbers, text length, « non concerné » only where
//!    offered) — always;
//! 3. its question's `constraint` holds given the other answers, and 4. its question is shown
//!    given the other answers (relevance) — unless the answers it depends on changed after it
//!    was given.
//!
//! The exception in 3 and 4 is the walk's own behaviour: it checks an answer when it is given,
//! and keeps it when a later change of another answer hides its question or breaks its
//! constraint (« relais » then « comptes » lowered). Such an audit, exported and brought back,
//! must come back whole. So when the set says when each answer was given (`at`, the store's
//! sortable times), an answer is refused on 3 or 4 only when every answer its rule reads is
//! there and was given no later than it: then it was already hidden, or already broke the rule,
//! when it was given — which the walk never allows. Without times (an answers file), the rules
//! hold as written.

use std::collections::{HashMap, HashSet};

use super::answer::{self, Problem};
use super::{Expr, Questionnaire};
use crate::audit::{Answer, Answers, Value, format_number};

/// One answer of the set.
#[derive(Debug, Clone, Copy)]
pub struct Given<'a> {
    pub question: &'a str,
    pub answer: &'a Answer,
    /// When it was given (`2026-03-14T17:02:11.123456Z`), when known.
    pub at: Option<&'a str>,
}

/// One answer refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub question: String,
    /// The value as it reads (one line, at most 60 characters).
    pub value: String,
    pub problem: Problem,
}

/// The answers of the set, by question, as the expressions read them.
struct Set<'a>(HashMap<&'a str, &'a Answer>);

impl Answers for Set<'_> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.0.get(question).copied()
    }
}

/// Every answer of `given` that the walk would not have let into an audit on `q`, each with
/// its reason, in questionnaire order (unknown questions last, in the order given).
pub fn check(q: &Questionnaire, given: &[Given<'_>]) -> Vec<Refusal> {
    check_besides(q, given, &HashSet::new())
}

/// [`check`], when the answers to `refused_before` were already refused by the caller (a value
/// that could not even be read): a question hidden because of them is not reported again.
pub fn check_besides(
    q: &Questionnaire,
    given: &[Given<'_>],
    refused_before: &HashSet<&str>,
) -> Vec<Refusal> {
    let mut out: Vec<(usize, Refusal)> = Vec::new();
    let refuse = |g: &Given<'_>, problem: Problem| Refusal {
        question: g.question.to_string(),
        value: shown(g.answer),
        problem,
    };
    // 1 and 2: known question, once; the value alone.
    let mut seen: HashSet<&str> = HashSet::new();
    let mut fit: Vec<&Given<'_>> = Vec::new();
    for g in given {
        let Some((pos, question)) = q.position(g.question).zip(q.question(g.question)) else {
            out.push((
                usize::MAX,
                refuse(
                    g,
                    Problem {
                        fr: format!(
                            "pas de question « {} » dans {} v{}",
                            g.question, q.id, q.version
                        ),
                        en: format!("no question '{}' in {} v{}", g.question, q.id, q.version),
                    },
                ),
            ));
            continue;
        };
        if !seen.insert(g.question) {
            out.push((
                pos,
                refuse(
                    g,
                    Problem {
                        fr: "deux réponses à cette question".into(),
                        en: "two answers to this question".into(),
                    },
                ),
            ));
            continue;
        }
        match answer::check_value(question, g.answer) {
            Ok(()) => fit.push(g),
            Err(p) => out.push((pos, refuse(g, p))),
        }
    }
    let times: HashMap<&str, Option<&str>> = fit.iter().map(|g| (g.question, g.at)).collect();
    let set = Set(fit.iter().map(|g| (g.question, g.answer)).collect());
    // 3: constraints, given the other answers that fit.
    let mut broken: HashSet<&str> = given
        .iter()
        .map(|g| g.question)
        .filter(|id| !set.0.contains_key(id))
        .chain(refused_before.iter().copied())
        .collect();
    let mut valid: Vec<&Given<'_>> = Vec::new();
    for g in fit {
        let (Some(pos), Some(question)) = (q.position(g.question), q.question(g.question)) else {
            continue;
        };
        match answer::check_constraint(question, g.answer, &set) {
            Err(p) if !changed_after(q, g, question.constraint.iter(), &times) => {
                broken.insert(g.question);
                out.push((pos, refuse(g, p)));
            }
            _ => valid.push(g),
        }
    }
    // 4: relevance, given the answers that passed.
    let kept = Set(valid.iter().map(|g| (g.question, g.answer)).collect());
    let visible = q.visible(&kept);
    for g in valid {
        let (Some(pos), Some(section), Some(question)) = (
            q.position(g.question),
            q.section_of(g.question),
            q.question(g.question),
        ) else {
            continue;
        };
        if visible.get(pos).copied().unwrap_or(true) {
            continue;
        }
        let conditions: Vec<&Expr> = [section.relevant.as_ref(), question.relevant.as_ref()]
            .into_iter()
            .flatten()
            .collect();
        // Hidden because an answer it depends on was refused: that refusal says it.
        if conditions
            .iter()
            .any(|e| e.references().iter().any(|r| broken.contains(*r)))
        {
            continue;
        }
        if changed_after(q, g, conditions.iter().copied(), &times) {
            continue;
        }
        let shown: Vec<&str> = conditions.iter().map(|e| e.source.as_str()).collect();
        let shown = shown.join(" and ");
        out.push((
            pos,
            refuse(
                g,
                Problem {
                    fr: format!("cette question n'est pas posée avec les autres réponses (condition : {shown}) : retirez cette réponse ou corrigez celles dont elle dépend"),
                    en: format!("this question is not asked given the other answers (condition: {shown}): remove this answer or fix the answers it depends on"),
                },
            ),
        ));
    }
    out.sort_by_key(|(pos, _)| *pos);
    out.into_iter().map(|(_, r)| r).collect()
}

/// Where an answer stands in time, for [`changed_after`]: the order is the order below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stamp<'a> {
    /// Given, at no known time.
    Untimed,
    /// Given at this time.
    At(&'a str),
    /// Not (or no longer) there: it may have been cleared at any time.
    Gone,
}

/// Whether an answer the `rules` read — or one that decides whether those are shown, and so
/// on — changed after `g` was given, or is no longer there: then the walk may have kept `g` as
/// it is. Never without times.
fn changed_after<'e>(
    q: &Questionnaire,
    g: &Given<'_>,
    rules: impl Iterator<Item = &'e Expr>,
    times: &HashMap<&str, Option<&str>>,
) -> bool {
    let Some(at) = g.at else {
        return false;
    };
    let mut todo: Vec<&str> = rules
        .flat_map(|e| e.references())
        .filter(|r| *r != g.question)
        .collect();
    let mut seen: HashSet<&str> = todo.iter().copied().collect();
    while let Some(r) = todo.pop() {
        let stamp = match times.get(r) {
            None => Stamp::Gone,
            Some(None) => Stamp::Untimed,
            Some(Some(t)) => Stamp::At(t),
        };
        if stamp > Stamp::At(at) {
            return true;
        }
        // What decides whether `r` is shown, in turn.
        let (Some(section), Some(question)) = (q.section_of(r), q.question(r)) else {
            continue;
        };
        for e in [section.relevant.as_ref(), question.relevant.as_ref()]
            .into_iter()
            .flatten()
        {
            for d in e.references() {
                if d != g.question && seen.insert(d) {
                    todo.push(d);
                }
            }
        }
    }
    false
}

/// An answer as it reads in a refusal: one line, at most 60 characters.
pub fn shown(a: &Answer) -> String {
    let text = match a {
        Answer::DontKnow => "dont_know".to_string(),
        Answer::NotApplicable => "not_applicable".to_string(),
        Answer::Given(Value::Choice(c)) => format!("\"{c}\""),
        Answer::Given(Value::Choices(cs)) => {
            let list: Vec<String> = cs.iter().map(|c| format!("\"{c}\"")).collect();
            format!("[{}]", list.join(", "))
        }
        Answer::Given(Value::Number(n)) => format_number(*n),
        Answer::Given(Value::Text(t)) => format!("\"{t}\""),
        Answer::Given(Value::Bool(b)) => b.to_string(),
    };
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 60 {
        format!("{}…", one_line.chars().take(59).collect::<String>())
    } else {
        one_line
    }
}

#[cfg(test)]
mod tests;
