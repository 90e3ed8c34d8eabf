//! The Hébergeurs tab of the plan: the chosen hosts, then the alternatives, each with its
//! score, the date its facts were seen and their age in months against the catalogue's date
//! (« ancien » from a year), its CHATONS membership evidence and how many points are to check.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::widgets::{fit, truncate};
use super::plan_labels::basis_label;
use super::plan_tabs::{Item, Out};
use crate::app::plan_data::{OLD_MONTHS, PlanData};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;

/// "note 56 · vu 2025-06, 17 mois [ancien]" for a host.
fn host_facts_line(d: &PlanData, id: &str, score: u32, lang: Lang) -> String {
    let mut s = Ui::HostScore.fill(lang, &[&score]);
    if let Some(f) = d.host(id) {
        s.push_str(" · ");
        s.push_str(&Ui::HostSeen.fill(lang, &[&f.seen, &f.age_months]));
        if f.age_months >= OLD_MONTHS {
            s.push_str(&format!(" [{}]", Ui::HostOld.get(lang)));
        }
    }
    s
}

/// Name on the left, facts flush right (the name cut to leave them room).
fn name_and_facts(o: &Out<'_>, name: &str, facts: &str) -> Line<'static> {
    let fw = facts.width();
    let nw = o.width.saturating_sub(fw + 2).max(8);
    Line::from(vec![
        Span::styled(fit(name, nw), o.theme.title),
        Span::raw("  "),
        Span::styled(facts.to_string(), o.theme.text),
    ])
}

pub(super) fn hosts(o: &mut Out<'_>, d: &PlanData) {
    let (lang, p) = (o.lang, &d.plan);
    o.heading(Ui::HostsChosen.get(lang));
    if p.hosts.is_empty() {
        o.note(Ui::HostsNone.get(lang));
    }
    let need_label = |id: &str| {
        p.needs
            .iter()
            .find(|n| n.need == id)
            .map_or(id.to_string(), |n| n.label.get(lang).to_string())
    };
    let indent = "    ";
    let w = o.width.saturating_sub(indent.len());
    for (i, h) in p.hosts.iter().enumerate() {
        let facts = host_facts_line(d, &h.id, h.score, lang);
        let mut lines = vec![name_and_facts(o, &h.name, &facts)];
        let covers: Vec<String> = h.covers.iter().map(|n| need_label(n)).collect();
        let takes = Ui::HostCovers.fill(lang, &[&covers.join(", ")]);
        lines.push(Line::styled(
            format!("{indent}{}", truncate(&takes, w)),
            o.theme.text,
        ));
        lines.push(evidence_line(o, d, &h.id, h.to_check.len(), indent));
        o.push(lines, Some(Item::Host(i)));
    }
    if d.alternatives.is_empty() {
        return;
    }
    o.blank();
    o.heading(Ui::HostsAlternatives.get(lang));
    for (i, a) in d.alternatives.iter().enumerate() {
        let facts = host_facts_line(d, &a.id, a.score, lang);
        let mut lines = vec![name_and_facts(o, &a.name, &facts)];
        let needs: Vec<&str> = a.needs.iter().map(|n| n.get(lang)).collect();
        let could = Ui::HostCould.fill(lang, &[&needs.join(", ")]);
        lines.push(Line::styled(
            format!("{indent}{}", truncate(&could, w)),
            o.theme.text,
        ));
        lines.push(evidence_line(o, d, &a.id, a.to_check.len(), indent));
        o.push(lines, Some(Item::Alt(i)));
    }
}

/// « CHATONS : membre, dit par le collectif · 2 à vérifier ».
fn evidence_line(
    o: &Out<'_>,
    d: &PlanData,
    id: &str,
    checks: usize,
    indent: &str,
) -> Line<'static> {
    let lang = o.lang;
    let mut spans = vec![Span::raw(indent.to_string())];
    if let Some(f) = d.host(id) {
        spans.push(Span::styled(
            Ui::HostEvidence.fill(lang, &[&basis_label(f.basis).get(lang)]),
            o.theme.dim,
        ));
    }
    if checks > 0 {
        if spans.len() > 1 {
            spans.push(Span::styled(" · ", o.theme.dim));
        }
        spans.push(Span::styled(
            Ui::HostChecks.fill(lang, &[&checks]),
            o.theme.warn,
        ));
    }
    Line::from(spans)
}
