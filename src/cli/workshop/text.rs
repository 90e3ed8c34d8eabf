//! The workshop list and dashboard as text for a terminal: bars of `█` scaled to the largest
//! count, every count also written as a number (screen readers read the numbers, not the bars).

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::cli::audits::status_label;
use crate::i18n::{Lang, typo};
use crate::store::Workshop;
use crate::workshop::Dashboard;

/// Longest bar, in cells.
const BAR: usize = 30;
/// Width of the name column.
const NAME: usize = 28;

fn pad(s: &str, width: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() > width.saturating_sub(1) && s.width() > width {
            out.push('…');
            break;
        }
        out.push(c);
    }
    let w = out.width();
    format!("{out}{}", " ".repeat(width.saturating_sub(w)))
}

/// A bar of `n` out of `max`, at least one cell when `n > 0`.
pub fn bar(n: usize, max: usize, width: usize) -> String {
    if n == 0 || max == 0 {
        return String::new();
    }
    let cells = ((n * width) as f64 / max as f64).round().max(1.0) as usize;
    "█".repeat(cells.min(width))
}

/// One line a workshop, led by its number and reference (`app::reference`; `numbered`: every
/// workshop id in number order).
pub fn list(all: &[Workshop], numbered: &[String], lang: Lang) -> String {
    let mut s = String::new();
    if all.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            lang.pick(
                "Aucun atelier. Créez-en un : diagasso workshop new --name NOM --date AAAA-MM-JJ",
                "No workshop. Create one: diagasso workshop new --name NAME --date YYYY-MM-DD",
            )
        );
        return s;
    }
    let shorts = crate::app::reference::short_forms(numbered);
    for w in all {
        let (number, short) = numbered
            .iter()
            .position(|id| *id == w.id)
            .map_or((0, w.id.as_str()), |i| (i + 1, shorts[i].as_str()));
        let _ = writeln!(
            s,
            "{number:>3}  {short}  {}  {}  {} · {} · {}",
            w.date,
            pad(&w.name, NAME),
            w.place,
            w.trainer,
            typo::count(lang, w.audits, "audit", "audits")
        );
    }
    s
}

pub fn dashboard(w: &Workshop, d: &Dashboard, lang: Lang) -> String {
    let mut s = String::new();
    let title = match lang {
        Lang::Fr => format!("Atelier « {} » — {}", w.name, w.date),
        Lang::En => format!("Workshop '{}' — {}", w.name, w.date),
    };
    let _ = writeln!(s, "{title}");
    let who: Vec<&str> = [w.place.as_str(), w.trainer.as_str()]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect();
    if !who.is_empty() {
        let _ = writeln!(s, "{}", who.join(" · "));
    }
    let _ = writeln!(
        s,
        "{} · {} · {}",
        typo::count(lang, d.associations, "association", "associations"),
        typo::count(lang, d.audits, "audit", "audits"),
        w.questionnaire_id
    );
    if d.audits == 0 {
        let _ = writeln!(
            s,
            "\n{}",
            lang.pick(
                "Aucun audit encore : diagasso workshop add ATELIER --answers FICHIER",
                "No audit yet: diagasso workshop add WORKSHOP --answers FILE",
            )
        );
        return s;
    }
    let _ = writeln!(
        s,
        "\n{} {} % ({}/{}) · {} {} % ({}/{})",
        lang.pick(
            "Déjà sur logiciel libre : outils",
            "Already on free software: tools"
        ),
        d.free_tools.percent(),
        d.free_tools.part,
        d.free_tools.whole,
        lang.pick("besoins", "needs"),
        d.free_needs.percent(),
        d.free_needs.part,
        d.free_needs.whole,
    );
    let _ = writeln!(
        s,
        "\n{}",
        lang.pick(
            "Outils utilisés (nombre d'associations)",
            "Tools in use (number of associations)"
        )
    );
    let max = d.tools.first().map_or(0, |t| t.associations);
    for t in &d.tools {
        let mark = match t.free {
            Some(true) => lang.pick(" libre", " free"),
            _ => "",
        };
        let _ = writeln!(
            s,
            "  {} {:>4} {}{mark}",
            pad(&t.name, NAME),
            t.associations,
            bar(t.associations, max, BAR)
        );
    }
    let _ = writeln!(
        s,
        "\n{}",
        lang.pick(
            "Besoins (associations ; dont sur logiciel libre)",
            "Needs (associations; of which on free software)"
        )
    );
    let max = d.needs.first().map_or(0, |n| n.associations);
    for n in &d.needs {
        let _ = writeln!(
            s,
            "  {} {:>4} {} ({})",
            pad(n.label.get(lang), NAME),
            n.associations,
            bar(n.associations, max, BAR),
            match lang {
                Lang::Fr => typo::count(lang, n.free, "libre", "libres"),
                Lang::En => format!("{} free", n.free),
            },
        );
    }
    let _ = writeln!(s, "\n{}", lang.pick("Avancement", "Progress"));
    for p in &d.progress {
        let share = p.share();
        let _ = writeln!(
            s,
            "  {} {:>3}/{:<3} {:>3} %  {}  {}",
            pad(&p.association_name, NAME),
            p.answered,
            p.shown,
            share.percent(),
            status_label(p.status, lang),
            p.audit_id
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_and_never_vanish() {
        assert_eq!(bar(10, 10, 30).chars().count(), 30);
        assert_eq!(bar(1, 100, 30).chars().count(), 1);
        assert_eq!(bar(0, 10, 30), "");
    }

    #[test]
    fn names_are_padded_or_cut() {
        assert_eq!(pad("Abc", 5), "Abc  ");
        let cut = pad("Une association au nom très long", 10);
        assert_eq!(cut.width(), 10);
        assert!(cut.contains('…'));
    }
}
