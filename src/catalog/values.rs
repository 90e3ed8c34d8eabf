//! Reading ChatonsInfos values: loose dates, status levels, organization types, registration
//! lists; and the slugs and domains used to match imported organizations to catalogue hosts.

use chrono::NaiveDate;

use super::date::PartialDate;
use super::host::{OrgType, ServiceRegistration, StatusLevel};

/// Read a date as ChatonsInfos files write them: `2020-07-01`, `2020-07`, `2020`,
/// `01/07/2020`, or a date-time (`2020-07-01T12:00:00+02:00`, only the date is kept).
pub fn loose_date(v: &str) -> Option<PartialDate> {
    let v = v.trim();
    let head = v.split(['T', ' ']).next().unwrap_or(v);
    if let Ok(d) = head.parse::<PartialDate>() {
        return Some(d);
    }
    let parts: Vec<&str> = head.split('/').collect();
    if let [d, m, y] = parts[..] {
        let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
        return NaiveDate::from_ymd_opt(y, m, d).map(PartialDate::day);
    }
    None
}

pub fn level(v: &str) -> Option<StatusLevel> {
    Some(match v.trim().to_ascii_uppercase().as_str() {
        "ACTIVE" => StatusLevel::Active,
        "IDLE" => StatusLevel::Idle,
        "AWAY" => StatusLevel::Away,
        "OK" => StatusLevel::Ok,
        "WARNING" => StatusLevel::Warning,
        "ALERT" => StatusLevel::Alert,
        "ERROR" => StatusLevel::Error,
        "OVER" => StatusLevel::Over,
        "VOID" => StatusLevel::Void,
        "ON" => StatusLevel::On,
        "MAINTENANCE" => StatusLevel::Maintenance,
        "DOWN" => StatusLevel::Down,
        "OFF" => StatusLevel::Off,
        "DRAFT" => StatusLevel::Draft,
        _ => return None,
    })
}

pub fn org_type(v: &str) -> Option<OrgType> {
    Some(match v.trim().to_ascii_uppercase().as_str() {
        "ASSOCIATION" => OrgType::Association,
        "INFORMAL" => OrgType::Collective,
        "COOPERATIVE" => OrgType::Cooperative,
        "MICROCOMPANY" => OrgType::Microcompany,
        "COMPANY" => OrgType::Company,
        "INDIVIDUAL" => OrgType::Individual,
        "OTHER" => OrgType::Other,
        _ => return None,
    })
}

pub fn registrations(v: &str) -> Option<Vec<ServiceRegistration>> {
    let mut out = Vec::new();
    for part in v.split([',', ';', ' ']).filter(|p| !p.trim().is_empty()) {
        let r = match part.trim().to_ascii_lowercase().as_str() {
            "none" => ServiceRegistration::None,
            "free" => ServiceRegistration::Free,
            "member" => ServiceRegistration::Member,
            "client" => ServiceRegistration::Client,
            _ => return None,
        };
        if !out.contains(&r) {
            out.push(r);
        }
    }
    Some(out)
}

/// Lowercase `a-z0-9-` slug of a name (accents dropped), for new host ids.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The bare domain of a web address (`https://www.Example.org/a` → `example.org`).
pub fn domain(url: &str) -> String {
    let rest = url.trim().split("://").nth(1).unwrap_or(url.trim());
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    host.strip_prefix("www.").unwrap_or(&host).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_loose_dates() {
        assert_eq!(
            loose_date("2020-07-01").map(|d| d.to_string()).as_deref(),
            Some("2020-07-01")
        );
        assert_eq!(
            loose_date("01/07/2020").map(|d| d.to_string()).as_deref(),
            Some("2020-07-01")
        );
        assert_eq!(
            loose_date("2024-03-05T10:00:00+01:00")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(loose_date("soon"), None);
    }

    #[test]
    fn slugs_and_domains() {
        assert_eq!(slug("Le Chaton Exemple ! (Lyon)"), "le-chaton-exemple-lyon");
        assert_eq!(slug("Ça été"), "ca-ete");
        assert_eq!(domain("https://www.Example.org/a?b"), "example.org");
        assert_eq!(domain("example.org"), "example.org");
    }
}
