//! Words for the values of a plan on the plan screen: the level bar, the Frama.space verdict
//! and reason tags, actions, efforts, severities, membership evidence, where a provider puts a
//! need, profile field names, short source names, and sentences made into inline phrases.

use crate::catalog::{Effort, MembershipBasis};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::plan::framaspace::Status;
use crate::plan::{Action, Eligible, Provider, ProviderKind, Severity};

/// A level as a bar of four steps, two cells each: `████░░░░`.
pub fn bar(level: Option<u8>) -> String {
    match level {
        Some(l) => {
            let l = usize::from(l.min(4));
            format!("{}{}", "██".repeat(l), "░░".repeat(4 - l))
        }
        None => "········".to_string(),
    }
}

pub fn verdict(e: Eligible) -> Ui {
    match e {
        Eligible::Yes => Ui::VerdictYes,
        Eligible::Probably => Ui::VerdictProbably,
        Eligible::No => Ui::VerdictNo,
    }
}

/// The verdict in a few words after « oui / probablement / non ».
pub fn verdict_why(e: Eligible) -> Ui {
    match e {
        Eligible::Yes => Ui::VerdictYesWhy,
        Eligible::Probably => Ui::VerdictProbablyWhy,
        Eligible::No => Ui::VerdictNoWhy,
    }
}

pub fn status_tag(s: Status) -> Ui {
    match s {
        Status::Info => Ui::TagInfo,
        Status::Ok => Ui::TagOk,
        Status::Warn => Ui::TagWarn,
        Status::Check => Ui::TagCheck,
        Status::Blocks => Ui::TagBlocks,
    }
}

pub fn action_label(a: Action) -> Ui {
    match a {
        Action::Keep => Ui::ActKeep,
        Action::Consolidate => Ui::ActConsolidate,
        Action::Replace => Ui::ActReplace,
        Action::Adopt => Ui::ActAdopt,
        Action::AddAlongside => Ui::ActAlongside,
        Action::Find => Ui::ActFind,
    }
}

/// Where a provider puts the need, in a few words.
pub fn provider_place(p: &Provider, lang: Lang) -> String {
    match p.kind {
        ProviderKind::Keep => Ui::WhereKeep.get(lang).to_string(),
        ProviderKind::Local => Ui::WhereLocal.get(lang).to_string(),
        _ => p.name.clone(),
    }
}

pub fn effort_label(e: Effort) -> Ui {
    match e {
        Effort::Low => Ui::EffortLow,
        Effort::Medium => Ui::EffortMedium,
        Effort::High => Ui::EffortHigh,
    }
}

pub fn severity_label(s: Severity) -> Ui {
    match s {
        Severity::High => Ui::SevHigh,
        Severity::Medium => Ui::SevMedium,
        Severity::Low => Ui::SevLow,
    }
}

pub fn basis_label(b: MembershipBasis) -> Ui {
    match b {
        MembershipBasis::StatedByHost => Ui::BasisHost,
        MembershipBasis::StatedByCollective => Ui::BasisCollective,
        MembershipBasis::StatedByThirdParty => Ui::BasisThird,
        MembershipBasis::Implied => Ui::BasisImplied,
    }
}

/// A sentence made a phrase to sit between " · " in a line: no final full stop.
pub fn inline(s: &str) -> &str {
    s.trim().trim_end_matches('.')
}

/// The name of a profile field a trace read.
pub fn profile_field(field: &str, lang: Lang) -> String {
    let ui = match field {
        "legal_form" => Ui::FieldLegalForm,
        "country" => Ui::FieldCountry,
        "postcode" => Ui::FieldPostcode,
        "members" => Ui::FieldMembers,
        "employees" => Ui::FieldEmployees,
        "departement" => return lang.pick("Département", "Département").to_string(),
        other => return other.to_string(),
    };
    ui.get(lang).to_string()
}

/// A source in a few words: the site of a link, else the text before its first comma or
/// parenthesis ("Framablog, 'Déjà 2 500…'" → "Framablog").
pub fn short_source(s: &str) -> String {
    let s = s.trim();
    if let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    {
        let host = rest.split(['/', ' ', ')', ';']).next().unwrap_or(rest);
        return host.trim_start_matches("www.").to_string();
    }
    let cut = s.find([',', '(', ';']).unwrap_or(s.len());
    let head = s[..cut].trim();
    if head.is_empty() {
        s.to_string()
    } else {
        head.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_shortened_to_their_name() {
        assert_eq!(
            short_source("https://next.ink/1532/framasoft-lance (2022-11-15); shared/DOMAIN.md"),
            "next.ink"
        );
        assert_eq!(
            short_source("Framablog, 'Déjà 2 500 Framaspaces…' (2025-12-04)"),
            "Framablog"
        );
        assert_eq!(
            short_source("shared/DOMAIN.md (feature lists)"),
            "shared/DOMAIN.md"
        );
        assert_eq!(short_source("https://www.chatons.org"), "chatons.org");
    }
}
