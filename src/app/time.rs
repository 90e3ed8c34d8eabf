//! Times from the store (RFC 3339, UTC) as people read them, in local time: the application
//! layer is where reading the clock and the time zone is allowed.

use chrono::{DateTime, Local};

use crate::i18n::Lang;

/// "14:03:12" in local time, from an RFC 3339 time.
pub fn clock_time(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.with_timezone(&Local).format("%H:%M:%S").to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}

/// When something last changed, in local time and few columns: "03/11 14:03" this year,
/// "03/11/2025" before.
pub fn stamp(rfc3339: &str, lang: Lang) -> String {
    use chrono::Datelike;
    let Ok(t) = DateTime::parse_from_rfc3339(rfc3339) else {
        return rfc3339.to_string();
    };
    let t = t.with_timezone(&Local);
    let this_year = t.year() == Local::now().year();
    let format = match (lang, this_year) {
        (Lang::Fr, true) => "%d/%m %H:%M",
        (Lang::Fr, false) => "%d/%m/%Y",
        (Lang::En, true) => "%m-%d %H:%M",
        (Lang::En, false) => "%Y-%m-%d",
    };
    t.format(format).to_string()
}

/// A day in local time: "12/03/2025" in French, "2025-03-12" in English.
pub fn day(rfc3339: &str, lang: Lang) -> String {
    let Ok(t) = DateTime::parse_from_rfc3339(rfc3339) else {
        return rfc3339.to_string();
    };
    let format = match lang {
        Lang::Fr => "%d/%m/%Y",
        Lang::En => "%Y-%m-%d",
    };
    t.with_timezone(&Local).format(format).to_string()
}
