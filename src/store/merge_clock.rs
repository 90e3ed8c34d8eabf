//! Dates a bundle gives, against this machine's clock (issue 12, point 3). A laptop whose clock
//! is ahead dates its changes in the future; believed, such a date would win every comparison
//! by time for ever. So a date later than now plus [`SKEW`] is brought back to the time of the
//! import (and counted, for the import's report), and a record dated in the future never
//! replaces one here by its date. Answers are merged by what each side changed since they last
//! exchanged (`merge_answers`), where a date only breaks the tie of a true conflict.

use chrono::{Duration, Utc};

use super::codec;
use super::merge::MergeReport;

/// How far ahead of this machine's clock a date may be before it is not believed: clocks
/// drift by seconds to minutes; an hour also covers a time zone set wrong by one.
pub const SKEW: Duration = Duration::hours(1);

/// The import's time and the latest date believed.
pub(super) struct Clock {
    pub now: String,
    limit: String,
}

impl Clock {
    pub(super) fn new() -> Clock {
        let now = codec::now();
        let limit = (Utc::now() + SKEW).to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
        Clock { now, limit }
    }

    /// Whether `at` lies beyond the skew allowed (times in the store's fixed-width form
    /// compare as text).
    pub(super) fn future(&self, at: &str) -> bool {
        at > self.limit.as_str()
    }

    /// `at`, or the import's time when `at` lies in the future (counted in `r`).
    pub(super) fn clamp(&self, at: &str, r: &mut MergeReport) -> String {
        if self.future(at) {
            r.future_dates += 1;
            if r.latest_future.as_deref().is_none_or(|l| at > l) {
                r.latest_future = Some(at.to_string());
            }
            self.now.clone()
        } else {
            at.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_beyond_the_skew_is_brought_back_and_counted() {
        let c = Clock::new();
        let mut r = MergeReport::default();
        assert_eq!(
            c.clamp("2026-01-01T00:00:00.000000Z", &mut r),
            "2026-01-01T00:00:00.000000Z"
        );
        assert_eq!(c.clamp(&c.now, &mut r), c.now, "now is no future");
        assert_eq!(r.future_dates, 0);
        for at in ["2099-01-01T00:00:00.000000Z", "9999-12-31T23:59:59.999999Z"] {
            assert_eq!(c.clamp(at, &mut r), c.now);
        }
        assert_eq!(r.future_dates, 2);
        assert_eq!(
            r.latest_future.as_deref(),
            Some("9999-12-31T23:59:59.999999Z")
        );
    }
}
