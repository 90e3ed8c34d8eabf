//! How far along an audit or a section is: shown questions that have an answer (any of a value,
//! "je ne sais pas" or "non concerné") out of shown questions. Never more than 100 %.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::audit::Answer;

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
