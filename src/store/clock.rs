//! The store's clock and ids: timestamps as RFC 3339 UTC with microseconds, ids as UUID v7.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, SecondsFormat, Utc};

/// The last time handed out by [`now`], in microseconds since the epoch.
static LAST: AtomicI64 = AtomicI64::new(i64::MIN);

/// The current time as stored: RFC 3339, UTC, microseconds (`2025-03-14T09:26:53.589793Z`).
/// The fixed width makes text order the time order, and within one process every call returns
/// a later time than the one before (by a microsecond if the clock has not moved), so "the
/// last change" is never a tie. The store is the only library module that reads the clock.
pub fn now() -> String {
    let clock = Utc::now().timestamp_micros();
    let mut last = LAST.load(Ordering::Relaxed);
    let micros = loop {
        let next = clock.max(last.saturating_add(1));
        match LAST.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => break next,
            Err(seen) => last = seen,
        }
    };
    DateTime::<Utc>::from_timestamp_micros(micros)
        .unwrap_or_else(Utc::now)
        .to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A new id: UUID v7, so ids sort by creation time and audits from several laptops never
/// collide.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_fixed_width_utc() {
        let t = now();
        assert_eq!(t.len(), 27, "{t}");
        assert!(t.ends_with('Z'));
        let times: Vec<String> = (0..1000).map(|_| now()).collect();
        assert!(times.windows(2).all(|w| w[0] < w[1]), "strictly increasing");
    }
}
