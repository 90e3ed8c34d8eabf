//! The plan, its « pourquoi ? » and the exports, in the line mode. The plan is the CLI's text
//! (`app::plan_text`), made to be heard: no drawing character (a level bar becomes « niveau 2
//! sur 4 », an arrow a colon), headings as sentences, every item numbered so that `pourquoi N`
//! reads the reasons of item N (the same text rendered with its reasons, item N's block).

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use super::Plain;
use crate::app::effect::{Effect, Event, ExportRequest};
use crate::app::labels::format_label;
use crate::app::plan_data::PlanData;
use crate::app::plan_text;
use crate::export::Format;
use crate::i18n::Lang;
use crate::i18n::is_yes as yes;
use crate::i18n::ui::Ui;

/// Compute the plan of `audit_id` and read it out; the plan is kept for `pourquoi N`.
pub fn show<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    audit_id: &str,
) -> io::Result<Option<Arc<PlanData>>> {
    p.ui(Ui::PlainPlanWorking)?;
    let effect = Effect::OpenPlan {
        audit_id: audit_id.to_string(),
    };
    for event in p.effect(effect)? {
        if let Event::PlanOpened(data) = event {
            let text = plan_text::render(&data.plan, &data.questionnaire, p.lang, false);
            for line in speakable(&text, p.lang) {
                p.say(line)?;
            }
            p.ui(Ui::PlainPlanEnd)?;
            return Ok(Some(data));
        }
    }
    Ok(None)
}

/// The reasons of item `n` (as numbered by [`show`]).
pub fn why<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    data: &PlanData,
    n: usize,
) -> io::Result<()> {
    let lang = p.lang;
    let with = plan_text::render(&data.plan, &data.questionnaire, lang, true);
    match reasons_of(&with, n, lang) {
        None => p.say(Ui::PlainWhyNoItem.fill(lang, &[&n])),
        Some((item, reasons)) if reasons.is_empty() => {
            p.say(Ui::PlainWhyNone.fill(lang, &[&n, &item]))
        }
        Some((item, reasons)) => {
            p.say(Ui::PlainWhyHead.fill(lang, &[&n, &item]))?;
            for r in reasons {
                p.say(format!("- {r}"))?;
            }
            Ok(())
        }
    }
}

/// An item line of the plan text: `- …` at any indent.
fn item_of(line: &str) -> Option<&str> {
    line.trim_start().strip_prefix("- ")
}

/// One line made to be heard: no bar, no arrow, no bullet sign.
fn speak_line(line: &str, lang: Lang) -> String {
    let mut out = line.trim().to_string();
    if out.contains('■') || out.contains('□') {
        let full = out.chars().filter(|c| *c == '■').count();
        let run: String = out.chars().filter(|c| matches!(c, '■' | '□')).collect();
        out = out.replacen(&run, &Ui::PlainLevel.fill(lang, &[&full]), 1);
    }
    out = out.replace("····", Ui::PlainLevelUnknown.get(lang));
    out = out.replace(" → ", " : ").replace('→', ":");
    out = out.replace('·', "-");
    // Spaces used to line up columns mean nothing when heard.
    let mut squeezed = String::with_capacity(out.len());
    for (i, c) in out.chars().enumerate() {
        if c == ' ' && squeezed.ends_with(' ') && i > 0 {
            continue;
        }
        squeezed.push(c);
    }
    squeezed
}

/// The plan text as lines to be heard: headings as sentences, items numbered from 1.
pub fn speakable(text: &str, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut n = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        if let Some(title) = line.strip_prefix("== ").and_then(|l| l.strip_suffix(" ==")) {
            out.push(String::new());
            out.push(format!("{}.", speak_line(title, lang)));
            continue;
        }
        match item_of(line) {
            Some(rest) => {
                n += 1;
                out.push(format!("{n}. {}", speak_line(rest, lang)));
            }
            None => out.push(speak_line(line, lang)),
        }
    }
    out
}

/// Item `n`'s text and its reasons, from the plan rendered with its reasons; `None` when there
/// is no item `n`.
fn reasons_of(with_reasons: &str, n: usize, lang: Lang) -> Option<(String, Vec<String>)> {
    let mut count = 0;
    let mut found: Option<(String, Vec<String>)> = None;
    for line in with_reasons.lines() {
        let is_item = item_of(line).is_some();
        let is_heading = line.starts_with("== ");
        if let Some((_, reasons)) = &mut found {
            if is_item || is_heading {
                break;
            }
            let t = line.trim();
            if let Some(r) = t.strip_prefix("· ") {
                reasons.push(speak_line(r, lang));
            }
            continue;
        }
        if let Some(rest) = item_of(line) {
            count += 1;
            if count == n {
                found = Some((speak_line(rest, lang), Vec::new()));
            }
        }
    }
    found
}

/// Ask what to export and where, then write the files (asking before replacing any).
pub fn export<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, audit_id: &str) -> io::Result<bool> {
    let lang = p.lang;
    p.ui(Ui::ExportFormats)?;
    for (i, f) in Format::ALL.iter().enumerate() {
        p.say(format!("  {}. {}", i + 1, format_label(*f).get(lang)))?;
    }
    let Some(line) = p.ask(Ui::PlainExportFormats.get(lang))? else {
        return Ok(false);
    };
    let formats = match parse_formats(&line) {
        Some(f) => f,
        None => {
            p.ui(Ui::PlainExportBadFormats)?;
            return Ok(true);
        }
    };
    let here = match &p.export_dir {
        Some(d) => d.display().to_string(),
        None => std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_else(|_| ".".into()),
    };
    let Some(line) = p.ask(&Ui::PlainExportFolder.fill(lang, &[&here]))? else {
        return Ok(false);
    };
    let dir = if line.trim().is_empty() {
        here
    } else {
        line.trim().to_string()
    };
    // The `anonymise` setting gives the answer to an empty line (no by default).
    let by_default = p.anonymise.unwrap_or(false);
    let prompt = if by_default {
        Ui::PlainExportAnonymiseYes
    } else {
        Ui::PlainExportAnonymise
    };
    let Some(line) = p.ask(prompt.get(lang))? else {
        return Ok(false);
    };
    let mut request = ExportRequest {
        audit_id: audit_id.to_string(),
        formats,
        anonymise: if line.trim().is_empty() {
            by_default
        } else {
            yes(&line)
        },
        with_notes: false,
        dir,
        overwrite: false,
    };
    let first = p.effect(Effect::Export(request.clone()))?;
    let Some((dir, existing)) = report(p, first)? else {
        return Ok(true);
    };
    p.say(Ui::OverwriteBody.fill(lang, &[&dir, &existing.join(", ")]))?;
    let Some(line) = p.ask(Ui::PlainConfirm.get(lang))? else {
        return Ok(false);
    };
    if !yes(&line) {
        return p.ui(Ui::ExportNothingReplaced).map(|()| true);
    }
    request.overwrite = true;
    let second = p.effect(Effect::Export(request))?;
    report(p, second)?;
    Ok(true)
}

/// Say what an export did; the folder and the names of the files already there when it wrote
/// nothing for that reason.
fn report<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    events: Vec<Event>,
) -> io::Result<Option<(String, Vec<String>)>> {
    let lang = p.lang;
    for event in events {
        match event {
            Event::Exported {
                dir,
                paths,
                warning,
            } => {
                p.say(Ui::ExportDone.fill(lang, &[&paths.len(), &dir.display()]))?;
                if let Some(warning) = warning {
                    p.say(warning.get(lang))?;
                }
                for path in paths {
                    p.say(format!("  {}", path.display()))?;
                }
            }
            Event::ExportExists { existing, dir, .. } => {
                return Ok(Some((dir.display().to_string(), existing)));
            }
            Event::ExportFailed { message, written } => {
                p.say(Ui::ErrorPrefix.fill(lang, &[&message.get(lang)]))?;
                if !written.is_empty() {
                    p.ui(Ui::ExportPartial)?;
                    for path in written {
                        p.say(format!("  {}", path.display()))?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(None)
}

/// "1,2" or "1 2 6" (empty: Markdown and HTML) as formats; `None` when a number fits no format.
fn parse_formats(line: &str) -> Option<Vec<Format>> {
    let line = line.trim();
    if line.is_empty() {
        return Some(vec![Format::Md, Format::Html]);
    }
    let mut out = Vec::new();
    for part in line.split([',', ' ', ';']).filter(|s| !s.is_empty()) {
        let n: usize = part.trim().parse().ok()?;
        let f = *Format::ALL.get(n.checked_sub(1)?)?;
        if !out.contains(&f) {
            out.push(f);
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_is_heard_without_drawing_characters() {
        let text = "Plan\n\n== Synthèse ==\n- Deux besoins.\nNiveaux :\n  Fichiers                     ■■□□ moyen (x)\n  Mail                         ···· inconnu ()\n\n== Recommandations ==\n- Fichiers → Nextcloud (Zaclys)\n    Pourquoi :\n      · règle r1\n";
        let lines = speakable(text, Lang::Fr);
        let all = lines.join("\n");
        for c in ['■', '□', '→', '·', '│', '─', '█', '░'] {
            assert!(!all.contains(c), "{c} in {all}");
        }
        assert!(all.contains("1. Deux besoins."), "{all}");
        assert!(all.contains("niveau 2 sur 4"), "{all}");
        assert!(all.contains("2. Fichiers : Nextcloud (Zaclys)"), "{all}");
        let (item, reasons) = reasons_of(text, 2, Lang::Fr).expect("item 2");
        assert_eq!(item, "Fichiers : Nextcloud (Zaclys)");
        assert_eq!(reasons, vec!["règle r1".to_string()]);
        assert!(reasons_of(text, 3, Lang::Fr).is_none());
    }

    #[test]
    fn formats_by_number() {
        assert_eq!(parse_formats(""), Some(vec![Format::Md, Format::Html]));
        assert_eq!(
            parse_formats("3, 6"),
            Some(vec![Format::Pdf, Format::Annonce])
        );
        assert_eq!(parse_formats("7"), None);
        assert_eq!(parse_formats("x"), None);
    }
}
