//! The content of the plan's five tabs as blocks of lines, some of them items one can select
//! (and ask « Pourquoi ? » about): Synthèse (summary sentences, a bar per domain with its level
//! written out, the Frama.space verdict and its reasons), Recommandations (one row per need),
//! Hébergeurs (chosen hosts, then alternatives, with score, membership evidence and the age of
//! the facts), Feuille de route (phases and their steps) and Risques (risks, then the « je ne
//! sais pas » to find out). Pure: the plan data in, lines out, wrapped to the given width.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::theme::Theme;
use super::super::widgets::{fit, truncate, wrap_lines};
use super::plan_labels::{
    action_label, bar, effort_label, inline, provider_place, severity_label, status_tag, verdict,
    verdict_why,
};
use crate::app::plan_data::PlanData;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::plan::framaspace::Status;
use crate::plan::{Action, Severity};

/// The tabs, in order (keys 1 to 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Summary,
    Recos,
    Hosts,
    Roadmap,
    Risks,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Summary,
        Tab::Recos,
        Tab::Hosts,
        Tab::Roadmap,
        Tab::Risks,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn title(self) -> Ui {
        match self {
            Tab::Summary => Ui::TabSummary,
            Tab::Recos => Ui::TabRecos,
            Tab::Hosts => Ui::TabHosts,
            Tab::Roadmap => Ui::TabRoadmap,
            Tab::Risks => Ui::TabRisks,
        }
    }
}

/// Something of the plan one can select and ask « Pourquoi ? » about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Score(usize),
    Verdict,
    Reason(usize),
    Reco(usize),
    Host(usize),
    Alt(usize),
    /// Phase index in `plan.roadmap`, step index in it.
    Step(usize, usize),
    Risk(usize),
    ToFind(usize),
}

/// Lines drawn together; an item when `item` is set.
#[derive(Debug, Clone)]
pub struct Block {
    pub lines: Vec<Line<'static>>,
    pub item: Option<Item>,
}

/// The selectable items of a tab, in order (the same as the items of `blocks`).
pub fn items(d: &PlanData, tab: Tab) -> Vec<Item> {
    let p = &d.plan;
    match tab {
        Tab::Summary => (0..p.scores.len())
            .map(Item::Score)
            .chain(std::iter::once(Item::Verdict))
            .chain((0..p.framaspace.reasons.len()).map(Item::Reason))
            .collect(),
        Tab::Recos => (0..p.recommendations.len()).map(Item::Reco).collect(),
        Tab::Hosts => (0..p.hosts.len())
            .map(Item::Host)
            .chain((0..d.alternatives.len()).map(Item::Alt))
            .collect(),
        Tab::Roadmap => p
            .roadmap
            .iter()
            .enumerate()
            .flat_map(|(i, ph)| (0..ph.steps.len()).map(move |s| Item::Step(i, s)))
            .collect(),
        Tab::Risks => (0..p.risks.len())
            .map(Item::Risk)
            .chain((0..p.to_find.len()).map(Item::ToFind))
            .collect(),
    }
}

/// Builds blocks at a width.
pub(super) struct Out<'a> {
    pub blocks: Vec<Block>,
    pub width: usize,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Out<'_> {
    /// `text` wrapped after `first` (the later lines indented by `indent` columns).
    pub(super) fn wrapped(
        &self,
        first: &str,
        text: &str,
        indent: usize,
        style: Style,
    ) -> Vec<Line<'static>> {
        let w = self.width.saturating_sub(indent).max(10);
        let full = format!("{first}{text}");
        wrap_lines(&full, w)
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let pad = if i == 0 { 0 } else { indent };
                Line::from(Span::styled(format!("{:pad$}{l}", ""), style))
            })
            .collect()
    }

    pub(super) fn push(&mut self, lines: Vec<Line<'static>>, item: Option<Item>) {
        self.blocks.push(Block { lines, item });
    }

    pub(super) fn blank(&mut self) {
        self.push(vec![Line::default()], None);
    }

    pub(super) fn heading(&mut self, text: &str) {
        let lines = self.wrapped("", text, 0, self.theme.title);
        self.push(lines, None);
    }

    pub(super) fn note(&mut self, text: &str) {
        let lines = self.wrapped("", text, 0, self.theme.dim);
        self.push(lines, None);
    }
}

/// The blocks of `tab` for a list `width` columns wide (the selection marker not included).
pub fn blocks(d: &PlanData, tab: Tab, lang: Lang, theme: &Theme, width: usize) -> Vec<Block> {
    let mut o = Out {
        blocks: Vec::new(),
        width,
        lang,
        theme,
    };
    match tab {
        Tab::Summary => summary(&mut o, d),
        Tab::Recos => recos(&mut o, d),
        Tab::Hosts => super::plan_hosts::hosts(&mut o, d),
        Tab::Roadmap => roadmap(&mut o, d),
        Tab::Risks => risks(&mut o, d),
    }
    o.blocks
}

fn summary(o: &mut Out<'_>, d: &PlanData) {
    let (lang, p) = (o.lang, &d.plan);
    for t in &p.summary {
        let lines = o.wrapped("· ", t.get(lang), 2, o.theme.text);
        o.push(lines, None);
    }
    o.blank();
    o.heading(Ui::PlanLevels.get(lang));
    let label_w = p
        .scores
        .iter()
        .map(|s| s.label.get(lang).width())
        .max()
        .unwrap_or(10)
        .min(o.width.saturating_sub(30).max(8));
    for (i, s) in p.scores.iter().enumerate() {
        let level = s.level.map_or("?".to_string(), |l| l.to_string());
        let line = Line::from(vec![
            Span::styled(fit(s.label.get(lang), label_w), o.theme.text),
            Span::raw(" "),
            Span::styled(bar(s.level), o.theme.gauge),
            Span::styled(
                format!(" {level}/4 {}", s.level_label.get(lang)),
                o.theme.text,
            ),
        ]);
        o.push(vec![line], Some(Item::Score(i)));
    }
    o.blank();
    let fs = &p.framaspace;
    let head = Ui::PlanFramaspace.fill(
        lang,
        &[&format!(
            "{} — {}",
            verdict(fs.eligible).get(lang).to_uppercase(),
            verdict_why(fs.eligible).get(lang)
        )],
    );
    let lines = o.wrapped("", &head, 2, o.theme.title);
    o.push(lines, Some(Item::Verdict));
    for (i, r) in fs.reasons.iter().enumerate() {
        let tag = format!("[{}] ", status_tag(r.status).get(lang));
        let style = match r.status {
            Status::Check | Status::Blocks => o.theme.warn,
            _ => o.theme.text,
        };
        let lines = o.wrapped(&tag, r.text.get(lang), 2, style);
        o.push(lines, Some(Item::Reason(i)));
    }
    let reviewed = fs
        .reasons
        .iter()
        .any(|r| r.trace.rules.iter().any(|id| id == "framaspace.reviewed"));
    if !reviewed {
        o.note(Ui::FramasoftReviews.get(lang));
    }
}

/// The four columns of the Recommandations tab, `width` wide in all.
fn reco_cells(c: [&str; 4], width: usize) -> String {
    let (aw, sw, ww) = (11, 14, 18);
    let nw = width.saturating_sub(aw + sw + ww + 3).max(8);
    c.iter()
        .zip([nw, aw, sw, ww])
        .map(|(s, w)| fit(s, w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The line that stays above the list of a tab while it scrolls: the columns of the
/// Recommandations, what the age of host facts is counted against.
pub fn header(tab: Tab, lang: Lang, width: usize) -> Option<String> {
    match tab {
        Tab::Recos => {
            let head: Vec<&str> = Ui::RecoColumns.get(lang).split('|').collect();
            let head = [0, 1, 2, 3].map(|i| head.get(i).copied().unwrap_or(""));
            Some(reco_cells(head, width))
        }
        Tab::Hosts => Some(truncate(Ui::HostsAge.get(lang), width)),
        _ => None,
    }
}

fn recos(o: &mut Out<'_>, d: &PlanData) {
    let lang = o.lang;
    let width = o.width;
    let cells = |c: [&str; 4]| reco_cells(c, width);
    if d.plan.recommendations.is_empty() {
        o.note(Ui::RecosNone.get(lang));
    }
    for (i, r) in d.plan.recommendations.iter().enumerate() {
        // A host that names no software for the need: say so rather than a dash.
        let ask = crate::i18n::Text::new("à demander", "to ask");
        let software = match (r.software.first(), r.chosen()) {
            (Some(s), _) => s.name.as_str(),
            (None, Some(p)) if p.kind == crate::plan::ProviderKind::Host => ask.get(lang),
            (None, _) => "—",
        };
        let place = r.chosen().map_or_else(
            || Ui::ActFind.get(lang).to_string(),
            |p| provider_place(p, lang),
        );
        let text = cells([
            r.label.get(lang),
            action_label(r.action).get(lang),
            software,
            &place,
        ]);
        let style = if r.action == Action::Find {
            o.theme.warn
        } else {
            o.theme.text
        };
        o.push(
            vec![Line::from(Span::styled(text, style))],
            Some(Item::Reco(i)),
        );
    }
}

fn roadmap(o: &mut Out<'_>, d: &PlanData) {
    let lang = o.lang;
    if d.plan.roadmap.iter().all(|p| p.steps.is_empty()) {
        o.note(Ui::RoadmapEmpty.get(lang));
        return;
    }
    let mut n = 0;
    for (pi, phase) in d.plan.roadmap.iter().enumerate() {
        if phase.steps.is_empty() {
            continue;
        }
        n += 1;
        if n > 1 {
            o.blank();
        }
        o.heading(&format!("{n}. {}", phase.title.get(lang)));
        for (si, step) in phase.steps.iter().enumerate() {
            let mut lines = o.wrapped("", step.title.get(lang), 2, o.theme.text);
            // The months near the start: at 80 columns the end of the line may be cut.
            let when = step
                .when
                .map(|w| format!(" · {}", w.text().get(lang)))
                .unwrap_or_default();
            let detail = format!(
                "  {}{when} · {} · {}",
                effort_label(step.effort).get(lang),
                inline(step.cost.text.get(lang)),
                Ui::StepWho.fill(lang, &[&inline(step.who.get(lang))])
            );
            lines.push(Line::styled(truncate(&detail, o.width), o.theme.dim));
            o.push(lines, Some(Item::Step(pi, si)));
        }
    }
}

fn risks(o: &mut Out<'_>, d: &PlanData) {
    let (lang, p) = (o.lang, &d.plan);
    o.heading(Ui::TabRisks.get(lang));
    if p.risks.is_empty() {
        o.note(Ui::RisksNone.get(lang));
    }
    for (i, r) in p.risks.iter().enumerate() {
        let tag = format!("[{}] ", severity_label(r.severity).get(lang));
        let style = if r.severity == Severity::High {
            o.theme.warn
        } else {
            o.theme.text
        };
        let mut lines = o.wrapped(&tag, r.title.get(lang), 2, style);
        let todo = Ui::RiskTodo.fill(lang, &[&r.action.get(lang)]);
        lines.extend(o.wrapped("  ", &todo, 4, o.theme.dim));
        o.push(lines, Some(Item::Risk(i)));
    }
    o.blank();
    o.heading(Ui::ToFindTitle.get(lang));
    if p.to_find.is_empty() {
        o.note(Ui::ToFindNone.get(lang));
    }
    for (i, f) in p.to_find.iter().enumerate() {
        let tag = if f.blocking {
            format!("[{}] ", Ui::ToFindDecisive.get(lang))
        } else {
            String::new()
        };
        let text = format!("{} — {}", f.label.get(lang), f.why.get(lang));
        let style = if f.blocking {
            o.theme.warn
        } else {
            o.theme.text
        };
        let lines = o.wrapped(&tag, &text, 2, style);
        o.push(lines, Some(Item::ToFind(i)));
    }
}
