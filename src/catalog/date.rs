//! `PartialDate`: the date of a catalogue fact, as precise as its source — a year (`2017`), a
//! month (`2023-06`) or a day (`2025-12-04`). Written as a string in the files, compared and
//! aged without a clock (the caller passes "today").

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A year, a year and month, or a full date. Orders by year, then month, then day, a missing
/// part sorting first (`2023` < `2023-01` < `2023-01-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// Why a date text was refused (English; see `error.rs` for the bilingual message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub reason_fr: &'static str,
    pub reason_en: &'static str,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.reason_en)
    }
}

const FORMAT_FR: &str = "attendu AAAA, AAAA-MM ou AAAA-MM-JJ";
const FORMAT_EN: &str = "expected YYYY, YYYY-MM or YYYY-MM-DD";

impl PartialDate {
    pub fn year(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u32) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    pub fn day(date: NaiveDate) -> PartialDate {
        PartialDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// The first day this date can mean (`2023` → 2023-01-01).
    pub fn first_day(&self) -> NaiveDate {
        let month = self.month.unwrap_or(1);
        let day = self.day.unwrap_or(1);
        NaiveDate::from_ymd_opt(self.year, month, day)
            .or_else(|| NaiveDate::from_ymd_opt(self.year, 1, 1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// Whole months from this date to `today` (0 when in the future or the same month). A
    /// year-only date counts from its January, so the age is never under-stated by more than the
    /// precision of the source.
    pub fn age_in_months(&self, today: NaiveDate) -> i64 {
        let start = self.first_day();
        let months = (i64::from(today.year()) - i64::from(start.year())) * 12
            + i64::from(today.month())
            - i64::from(start.month());
        months.max(0)
    }

    /// Whether this date may lie after `other` (compares the first day of each).
    pub fn is_after(&self, other: &PartialDate) -> bool {
        self.first_day() > other.first_day()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

fn digits(part: &str, len: usize) -> Option<u32> {
    if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<PartialDate, DateError> {
        let format = DateError {
            reason_fr: FORMAT_FR,
            reason_en: FORMAT_EN,
        };
        let parts: Vec<&str> = text.trim().split('-').collect();
        let year = parts
            .first()
            .and_then(|p| digits(p, 4))
            .ok_or(format.clone())?;
        if !(1900..=2199).contains(&year) {
            return Err(DateError {
                reason_fr: "année hors de 1900–2199",
                reason_en: "year outside 1900–2199",
            });
        }
        let year = year as i32;
        let month = match parts.get(1) {
            None => return Ok(PartialDate::year(year)),
            Some(p) => digits(p, 2).ok_or(format.clone())?,
        };
        if !(1..=12).contains(&month) {
            return Err(DateError {
                reason_fr: "mois hors de 01–12",
                reason_en: "month outside 01–12",
            });
        }
        let day = match parts.get(2) {
            None => return Ok(PartialDate::month(year, month)),
            Some(p) => digits(p, 2).ok_or(format.clone())?,
        };
        if parts.len() > 3 {
            return Err(format);
        }
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(d) => Ok(PartialDate::day(d)),
            None => Err(DateError {
                reason_fr: "ce jour n'existe pas dans ce mois",
                reason_en: "no such day in that month",
            }),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = PartialDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date written \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<PartialDate, E> {
        v.parse()
            .map_err(|e: DateError| E::custom(format!("invalid date `{v}`: {e}")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<PartialDate, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<PartialDate, E> {
        self.visit_str(&v.to_string())
    }

    // An unquoted TOML date (`as_of = 2025-12-04`) arrives as a one-entry map.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PartialDate, A::Error> {
        match map.next_entry::<String, String>()? {
            Some((_, v)) => self.visit_str(&v),
            None => Err(de::Error::custom("empty date")),
        }
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PartialDate, D::Error> {
        deserializer.deserialize_any(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_each_precision() {
        for s in ["2017", "2023-06", "2025-12-04"] {
            assert_eq!(d(s).to_string(), s);
        }
        assert!(d("2023") < d("2023-01"));
        assert!(d("2023-01") < d("2023-01-01"));
    }

    #[test]
    fn refuses_bad_dates() {
        for s in [
            "",
            "23",
            "2023-13",
            "2023-02-30",
            "2023/01",
            "2023-1",
            "1850",
            "2023-01-01-01",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s}");
        }
    }

    #[test]
    fn ages_in_months() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(d("2025-12").age_in_months(today), 11);
        assert_eq!(d("2017").age_in_months(today), 118);
        assert_eq!(d("2027-01").age_in_months(today), 0);
    }

    #[test]
    fn reads_toml_dates_quoted_or_not() {
        #[derive(Deserialize)]
        struct T {
            a: PartialDate,
            b: PartialDate,
        }
        let t: T = toml::from_str("a = \"2023-06\"\nb = 2025-12-04\n").unwrap();
        assert_eq!(t.a, d("2023-06"));
        assert_eq!(t.b, d("2025-12-04"));
    }
}
