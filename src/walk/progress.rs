//! How far along an audit or a section is: shown questions that have an answer (any of a value,
//! "je ne sais pas" or "non concerné") out of shown questions. Never more than 100 %.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::audit::Answer;
use crate::questionnaire::Questionnaire;

/// Progress told one way everywhere (the walk, the home list, the line mode, `diagasso list`,
/// the exports, a workshop's dashboard): sections done out of sections (the headline: it does
/// not drop when an answer reveals more questions in the section under way), and questions
/// answered out of questions shown (the detail). A section counts when it shows at least one
/// question, and is done when every question it shows has an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overview {
    pub sections_done: usize,
    pub sections_total: usize,
    pub answered: usize,
    pub shown: usize,
}

impl Overview {
    /// The overview of `answers` on `q`.
    pub fn of(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> Overview {
        Overview::with_visible(q, &q.visible(answers), answers)
    }

    /// The same, with the visible set already computed (one flag per question, in order).
    pub fn with_visible(
        q: &Questionnaire,
        visible: &[bool],
        answers: &BTreeMap<String, Answer>,
    ) -> Overview {
        let mut o = Overview::default();
        let mut pos = 0;
        for section in &q.sections {
            let (mut shown, mut answered) = (0, 0);
            for question in &section.questions {
                if visible.get(pos).copied().unwrap_or(false) {
                    shown += 1;
                    answered += usize::from(answers.contains_key(&question.id));
                }
                pos += 1;
            }
            if shown > 0 {
                o.sections_total += 1;
                o.sections_done += usize::from(answered == shown);
            }
            o.shown += shown;
            o.answered += answered;
        }
        o
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    /// Count over the positions in `range` (clamped to the questionnaire).
    pub fn count(
        ids: &[String],
        visible: &[bool],
        answers: &BTreeMap<String, Answer>,
        range: Range<usize>,
    ) -> Progress {
        let end = range.end.min(ids.len()).min(visible.len());
        let mut p = Progress::default();
        for pos in range.start.min(end)..end {
            if visible[pos] {
                p.total += 1;
                if answers.contains_key(&ids[pos]) {
                    p.answered += 1;
                }
            }
        }
        p
    }

    /// Whole percent, 0 to 100; a part with nothing to ask counts as complete.
    pub fn percent(self) -> u16 {
        if self.total == 0 {
            return 100;
        }
        ((self.answered.min(self.total) * 100) / self.total) as u16
    }

    /// The same as a ratio in 0.0..=1.0, for gauges.
    pub fn ratio(self) -> f64 {
        f64::from(self.percent()) / 100.0
    }

    pub fn is_complete(self) -> bool {
        self.answered >= self.total
    }
}
