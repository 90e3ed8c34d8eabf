//! Comparing two audits of one association (a follow-up a year later): what changed, question
//! by question (before / after, in words of each audit's own questionnaire copy), the scores per
//! domain before and after, and which steps of the earlier plan are done.
//!
//! A roadmap step of the earlier plan is **done** when the need it served is met with free
//! software only in the later plan (its motivating answers now name free tools), **under way**
//! when free and proprietary tools are mixed, **not yet** when the need is still on
//! proprietary tools or without one, **no longer needed** when the later audit no longer shows
//! the need, and **to check** for a step that serves no single need (asking for the Frama.space
//! space). Pure: both plans are computed here from the audits and the catalogue.

use serde::Serialize;

use crate::audit::{Answer, Association, Audit};
use crate::catalog::Catalog;
use crate::export::Options;
use crate::export::view::answer_text;
use crate::i18n::{Lang, Text};
use crate::plan::{self, NeedStatus, Phase, Plan};
use crate::questionnaire::Questionnaire;

/// One audit with what reads it.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub questionnaire: &'a Questionnaire,
    pub audit: &'a Audit,
    pub association: &'a Association,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Same,
    Changed,
    /// Answered only in the later audit.
    Added,
    /// Answered only in the earlier audit, and no longer asked in the later one (its
    /// questionnaire dropped it, or an answer hides it).
    Removed,
    /// Answered in the earlier audit, still asked in the later one but not yet answered there
    /// (a follow-up under way): not a change.
    NotYetAsked,
}

/// One question across the two audits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub question_id: String,
    pub label: Text,
    pub kind: ChangeKind,
    pub before: Option<Answer>,
    pub after: Option<Answer>,
    /// The answers in words (empty when absent).
    pub before_text: Text,
    pub after_text: Text,
}

/// One score domain before and after (1 dépendant … 4 autonome).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreChange {
    pub domain: String,
    pub label: Text,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Done,
    UnderWay,
    NotYet,
    NoLongerNeeded,
    /// The need is gone from the later plan only because the questions that showed it are
    /// not answered yet in the follow-up.
    NotYetReviewed,
    ToCheck,
}

impl StepState {
    pub fn label(self) -> Text {
        match self {
            StepState::Done => Text::new("fait", "done"),
            StepState::UnderWay => Text::new("en cours", "under way"),
            StepState::NotYet => Text::new("pas encore", "not yet"),
            StepState::NoLongerNeeded => Text::new("plus nécessaire", "no longer needed"),
            StepState::NotYetReviewed => Text::new("pas encore revu", "not reviewed yet"),
            StepState::ToCheck => Text::new("à vérifier", "to check"),
        }
    }
}

/// One step of the earlier plan and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepProgress {
    pub phase: Phase,
    pub title: Text,
    pub need: Option<String>,
    pub state: StepState,
}

/// Everything that changed between two audits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub before_audit: String,
    pub after_audit: String,
    pub before_started: String,
    pub after_started: String,
    /// Every question answered in either audit, in the later questionnaire's order (then the
    /// earlier one's for questions it alone asks).
    pub changes: Vec<Change>,
    pub scores: Vec<ScoreChange>,
    pub steps: Vec<StepProgress>,
}

impl Comparison {
    /// The questions whose answer changed, appeared or disappeared (a question not yet asked
    /// again in a follow-up under way is not a change).
    pub fn changed(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|c| !matches!(c.kind, ChangeKind::Same | ChangeKind::NotYetAsked))
    }

    /// The questions answered before and not yet asked again.
    pub fn not_yet_asked(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| c.kind == ChangeKind::NotYetAsked)
            .count()
    }

    /// How many steps of the earlier plan are done.
    pub fn done(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| s.state == StepState::Done)
            .count()
    }
}

fn words(q: &Questionnaire, id: &str, a: Option<&Answer>) -> Text {
    let (Some(question), Some(a)) = (q.question(id), a) else {
        return Text::default();
    };
    let say = |lang: Lang| {
        answer_text(
            question,
            a,
            &Options {
                lang,
                ..Options::default()
            },
        )
    };
    Text::new(say(Lang::Fr), say(Lang::En))
}

/// Compare an earlier audit with a later one.
pub fn compare(before: Side<'_>, after: Side<'_>, catalog: &Catalog) -> Comparison {
    let mut ids: Vec<(&str, &Questionnaire)> = after
        .questionnaire
        .questions()
        .map(|(_, q)| (q.id.as_str(), after.questionnaire))
        .collect();
    for (_, q) in before.questionnaire.questions() {
        if after.questionnaire.question(&q.id).is_none() {
            ids.push((q.id.as_str(), before.questionnaire));
        }
    }
    let after_answers = after.audit.answer_map();
    // What the later audit will show once finished, as far as one can tell: its answers, the
    // earlier ones standing in for the questions not asked again yet (a follow-up question
    // hidden only because its parent is not answered yet is still to be asked).
    let mut expected = before.audit.answer_map();
    expected.retain(|id, _| after.questionnaire.question(id).is_some());
    expected.extend(after_answers.clone());
    let shown_after = after.questionnaire.visible(&expected);
    // Still asked in the later audit: in its questionnaire and shown by its answers.
    let asked = |id: &str| {
        after
            .questionnaire
            .position(id)
            .is_some_and(|p| shown_after.get(p).copied().unwrap_or(false))
    };
    let mut changes = Vec::new();
    for (id, labels) in ids {
        let b = before.audit.answers.get(id).map(|r| &r.answer);
        let a = after.audit.answers.get(id).map(|r| &r.answer);
        let kind = match (b, a) {
            (None, None) => continue,
            (Some(x), Some(y)) if x == y => ChangeKind::Same,
            (Some(_), Some(_)) => ChangeKind::Changed,
            (None, Some(_)) => ChangeKind::Added,
            (Some(_), None) if asked(id) => ChangeKind::NotYetAsked,
            (Some(_), None) => ChangeKind::Removed,
        };
        let label = labels
            .question(id)
            .map_or_else(|| Text::new(id, id), |q| q.label.clone());
        changes.push(Change {
            question_id: id.to_string(),
            label,
            kind,
            before_text: words(before.questionnaire, id, b),
            after_text: words(after.questionnaire, id, a),
            before: b.cloned(),
            after: a.cloned(),
        });
    }
    let old = plan::plan(
        before.questionnaire,
        before.audit,
        before.association,
        catalog,
    );
    let new = plan::plan(after.questionnaire, after.audit, after.association, catalog);
    Comparison {
        before_audit: before.audit.id.clone(),
        after_audit: after.audit.id.clone(),
        before_started: before.audit.started_at.clone(),
        after_started: after.audit.started_at.clone(),
        changes,
        scores: scores(&old, &new),
        steps: steps(&old, &new, &|q: &str| {
            asked(q) && !after_answers.contains_key(q)
        }),
    }
}

fn scores(old: &Plan, new: &Plan) -> Vec<ScoreChange> {
    let mut out: Vec<ScoreChange> = old
        .scores
        .iter()
        .map(|s| ScoreChange {
            domain: s.domain.clone(),
            label: s.label.clone(),
            before: s.level,
            after: new
                .scores
                .iter()
                .find(|n| n.domain == s.domain)
                .and_then(|n| n.level),
        })
        .collect();
    for s in &new.scores {
        if !out.iter().any(|o| o.domain == s.domain) {
            out.push(ScoreChange {
                domain: s.domain.clone(),
                label: s.label.clone(),
                before: None,
                after: s.level,
            });
        }
    }
    out.retain(|s| s.before.is_some() || s.after.is_some());
    out
}

/// Where each step of the earlier plan stands; `pending(q)`: question `q` is still to be
/// answered in the later audit.
fn steps(old: &Plan, new: &Plan, pending: &dyn Fn(&str) -> bool) -> Vec<StepProgress> {
    let mut out = Vec::new();
    for phase in &old.roadmap {
        for step in &phase.steps {
            let unread = step.trace.answers.iter().any(|a| pending(&a.question));
            let state = match &step.need {
                None => StepState::ToCheck,
                Some(need) => match new.needs.iter().find(|n| &n.need == need) {
                    None if unread => StepState::NotYetReviewed,
                    None => StepState::NoLongerNeeded,
                    Some(n) => match n.status {
                        NeedStatus::Free => StepState::Done,
                        NeedStatus::Mixed => StepState::UnderWay,
                        NeedStatus::NotFree | NeedStatus::NoTool => StepState::NotYet,
                    },
                },
            };
            out.push(StepProgress {
                phase: phase.phase,
                title: step.title.clone(),
                need: step.need.clone(),
                state,
            });
        }
    }
    out
}
