//! The « Pourquoi ? » of one item of the plan, in plain words and summarised: first what the
//! item says in detail (current tools, proposed software, host facts, migration steps…), then
//! the answers read grouped by question (« question » → answer, answer), the rules applied
//! (explained by `plan::trace::RULES`), the profile fields and the dated sources grouped by
//! source.
//! Long lists are cut to their first lines with a count of the rest unless `all` is asked.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::theme::Theme;
use super::super::widgets::wrap_lines;
use super::plan_labels::{
    basis_label, effort_label, profile_field, provider_place, severity_label, short_source,
    status_tag, verdict,
};
use super::plan_tabs::Item;
use crate::app::plan_data::PlanData;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::plan::framaspace::Status;
use crate::plan::trace::{AnswerRead, explain_rule};
use crate::plan::why::ItemRef;
use crate::plan::{ProviderKind, Trace};

/// Answers (grouped by question) and sources shown before "… et N de plus".
const SHORT_ANSWERS: usize = 6;
const SHORT_RULES: usize = 4;
const SHORT_SOURCES: usize = 3;
const SHORT_FACTS: usize = 3;

struct Out<'a> {
    lines: Vec<Line<'static>>,
    width: usize,
    lang: Lang,
    theme: &'a Theme,
}

impl Out<'_> {
    fn text(&mut self, first: &str, text: &str, indent: usize, style: Style) {
        let w = self.width.saturating_sub(indent).max(10);
        for (i, l) in wrap_lines(&format!("{first}{text}"), w)
            .into_iter()
            .enumerate()
        {
            let pad = if i == 0 { 0 } else { indent };
            self.lines
                .push(Line::from(Span::styled(format!("{:pad$}{l}", ""), style)));
        }
    }

    fn para(&mut self, text: &str) {
        self.text("", text, 0, self.theme.text);
    }

    fn bullet(&mut self, text: &str) {
        self.text("· ", text, 2, self.theme.text);
    }

    fn heading(&mut self, text: &str) {
        self.lines.push(Line::default());
        self.text("", text, 0, self.theme.title);
    }

    fn more(&mut self, n: usize) {
        if n > 0 {
            let t = Ui::WhyMore.fill(self.lang, &[&n]);
            self.text("", &t, 0, self.theme.dim);
        }
    }
}

/// The title of the panel for `item` (what is being explained).
pub fn title(d: &PlanData, item: Item, lang: Lang) -> String {
    let p = &d.plan;
    let t = match item {
        Item::Score(i) => p.scores.get(i).map(|s| s.label.get(lang).to_string()),
        Item::Verdict | Item::Reason(_) => Some("Frama.space".to_string()),
        Item::Reco(i) => p
            .recommendations
            .get(i)
            .map(|r| r.label.get(lang).to_string()),
        Item::Host(i) => p.hosts.get(i).map(|h| h.name.clone()),
        Item::Alt(i) => d.alternatives.get(i).map(|a| a.name.clone()),
        Item::Step(a, b) => p
            .roadmap
            .get(a)
            .and_then(|ph| ph.steps.get(b))
            .map(|s| s.title.get(lang).to_string()),
        Item::Risk(i) => p.risks.get(i).map(|r| r.title.get(lang).to_string()),
        Item::ToFind(i) => p.to_find.get(i).map(|f| f.label.get(lang).to_string()),
    };
    t.unwrap_or_default()
}

/// The lines of the « Pourquoi ? » of `item`, wrapped to `width`.
pub fn lines(
    d: &PlanData,
    item: Item,
    lang: Lang,
    theme: &Theme,
    width: usize,
    all: bool,
) -> Vec<Line<'static>> {
    let mut o = Out {
        lines: Vec::new(),
        width,
        lang,
        theme,
    };
    let trace = detail(&mut o, d, item);
    // The deciding part, from `Plan::why` (the one « Pourquoi ? » every front end shows), and
    // where the inherited part is explained.
    let shared = match item {
        Item::Score(i) => Some(ItemRef::Score(i)),
        Item::Verdict => Some(ItemRef::Framaspace),
        Item::Reason(i) => Some(ItemRef::FramaspaceReason(i)),
        Item::Reco(i) => Some(ItemRef::Recommendation(i)),
        Item::Host(i) => Some(ItemRef::Host(i)),
        Item::Step(a, b) => Some(ItemRef::Step { phase: a, step: b }),
        Item::Risk(i) => Some(ItemRef::Risk(i)),
        Item::Alt(_) | Item::ToFind(_) => None,
    };
    match (trace, shared.map(|r| d.plan.why(r))) {
        (Some(_), Some(w)) => {
            explain(&mut o, d, &w.trace, all);
            for s in &w.see {
                o.para(s.text(&d.plan).get(lang));
            }
        }
        (Some(t), None) => explain(&mut o, d, &t, all),
        (None, _) => o.para(Ui::WhyNothing.get(lang)),
    }
    while o.lines.first().is_some_and(|l| l.width() == 0) {
        o.lines.remove(0);
    }
    o.lines
}

/// What the item says in detail; returns its trace.
fn detail(o: &mut Out<'_>, d: &PlanData, item: Item) -> Option<Trace> {
    let (lang, p) = (o.lang, &d.plan);
    match item {
        Item::Score(i) => {
            let s = p.scores.get(i)?;
            let level = s.level.map_or("?".to_string(), |l| l.to_string());
            o.para(&format!("{level}/4 : {}", s.level_label.get(lang)));
            for r in &s.reasons {
                o.bullet(r.get(lang));
            }
            Some(s.trace.clone())
        }
        Item::Verdict => {
            let fs = &p.framaspace;
            o.para(&format!(
                "{} — {}",
                verdict(fs.eligible).get(lang),
                fs.eligible_label.get(lang)
            ));
            if let Some(url) = &fs.apply_url {
                o.para(url);
            }
            // The reasons are the next lines of the list, each with its own « Pourquoi ? »:
            // count them here rather than repeat them.
            let mut counts: Vec<(Status, usize)> = Vec::new();
            for r in &fs.reasons {
                match counts.iter_mut().find(|(s, _)| *s == r.status) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((r.status, 1)),
                }
            }
            counts.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
            let counts = counts
                .iter()
                .map(|(s, n)| format!("{n} {}", status_tag(*s).get(lang)))
                .collect::<Vec<_>>()
                .join(", ");
            o.para(&Ui::WhyReasons.fill(lang, &[&counts]));
            Some(fs.trace.clone())
        }
        Item::Reason(i) => {
            let r = p.framaspace.reasons.get(i)?;
            let tag = format!("[{}] ", status_tag(r.status).get(lang));
            o.text(&tag, r.text.get(lang), 2, o.theme.text);
            Some(r.trace.clone())
        }
        Item::Reco(i) => {
            let r = p.recommendations.get(i)?;
            if !r.from.is_empty() {
                o.para(&Ui::WhyToday.fill(lang, &[&crate::i18n::Text::list(&r.from).get(lang)]));
            }
            let sw: Vec<&str> = r.software.iter().map(|s| s.name.as_str()).collect();
            if !sw.is_empty() {
                o.para(&Ui::WhyProposed.fill(lang, &[&sw.join(", ")]));
            }
            let place = r.chosen().map_or_else(
                || Ui::ActFind.get(lang).to_string(),
                |c| provider_place(c, lang),
            );
            o.para(&Ui::WhyWhere.fill(lang, &[&place]));
            for reason in &r.reasons {
                o.bullet(reason.get(lang));
            }
            if let Some(c) = r.chosen() {
                for t in c.to_check.iter() {
                    o.bullet(&Ui::HostToCheck.fill(lang, &[&t.get(lang)]));
                }
            }
            let others: Vec<String> = r
                .providers
                .iter()
                .filter(|p| !p.chosen)
                .map(|p| match (p.kind, p.score) {
                    (ProviderKind::Host, Some(s)) => {
                        format!("{} ({})", p.name, Ui::HostScore.fill(lang, &[&s]))
                    }
                    _ => provider_place(p, lang),
                })
                .collect();
            if !others.is_empty() {
                o.para(&Ui::WhyOthers.fill(lang, &[&others.join(", ")]));
            }
            Some(r.trace.clone())
        }
        Item::Host(i) => {
            let h = p.hosts.get(i)?;
            o.para(h.why.get(lang));
            host_facts(o, d, &h.id, h.place.as_deref(), h.website.as_deref());
            for r in &h.reasons {
                o.bullet(r.get(lang));
            }
            for t in &h.to_check {
                o.bullet(&Ui::HostToCheck.fill(lang, &[&t.get(lang)]));
            }
            Some(h.trace.clone())
        }
        Item::Alt(i) => {
            let a = d.alternatives.get(i)?;
            let needs: Vec<&str> = a.needs.iter().map(|n| n.get(lang)).collect();
            o.para(&Ui::HostCould.fill(lang, &[&needs.join(", ")]));
            host_facts(o, d, &a.id, None, None);
            for r in &a.reasons {
                o.bullet(r.get(lang));
            }
            for t in &a.to_check {
                o.bullet(&Ui::HostToCheck.fill(lang, &[&t.get(lang)]));
            }
            Some(a.trace.clone())
        }
        Item::Step(a, b) => {
            let s = p.roadmap.get(a)?.steps.get(b)?;
            o.bullet(effort_label(s.effort).get(lang));
            o.bullet(&Ui::WhyCost.fill(lang, &[&s.cost.text.get(lang)]));
            o.bullet(&Ui::WhyWho.fill(lang, &[&s.who.get(lang)]));
            if !s.migration.is_empty() {
                o.heading(Ui::WhyMove.get(lang));
                for m in &s.migration {
                    o.bullet(m.get(lang));
                }
            }
            Some(s.trace.clone())
        }
        Item::Risk(i) => {
            let r = p.risks.get(i)?;
            o.para(&format!(
                "[{}] {}",
                severity_label(r.severity).get(lang),
                r.detail.get(lang)
            ));
            o.para(&Ui::RiskTodo.fill(lang, &[&r.action.get(lang)]));
            Some(r.trace.clone())
        }
        Item::ToFind(i) => {
            let f = p.to_find.get(i)?;
            o.para(&Ui::WhyNeeded.fill(lang, &[&f.why.get(lang)]));
            if f.blocking {
                o.para(Ui::WhyDecisive.get(lang));
            }
            let mut t = Trace::rule("risks.unknown");
            t.add_answer(AnswerRead::choice(&f.question, "dont_know"));
            Some(t)
        }
    }
}

/// Place, website, membership evidence and the age of the facts of a host.
fn host_facts(o: &mut Out<'_>, d: &PlanData, id: &str, place: Option<&str>, site: Option<&str>) {
    let lang = o.lang;
    if let Some(place) = place {
        o.bullet(place);
    }
    if let Some(site) = site {
        o.bullet(site);
    }
    if let Some(f) = d.host(id) {
        o.bullet(&format!(
            "{} — {}",
            Ui::HostEvidence.fill(lang, &[&basis_label(f.basis).get(lang)]),
            f.evidence.get(lang)
        ));
        o.bullet(&Ui::HostSeen.fill(lang, &[&f.seen, &f.age_months]));
    }
}

/// Rules, answers (grouped by question), profile and sources of a trace.
fn explain(o: &mut Out<'_>, d: &PlanData, t: &Trace, all: bool) {
    let lang = o.lang;
    // Answers, one line per question.
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for a in &t.answers {
        match groups.iter_mut().find(|(q, _)| *q == a.question.as_ref()) {
            Some((_, values)) => values.push(&a.value),
            None => groups.push((&a.question, vec![&a.value])),
        }
    }
    if !groups.is_empty() {
        if groups.len() == 1 {
            o.heading(Ui::WhyAnswersOne.get(lang));
        } else {
            o.heading(&Ui::WhyAnswers.fill(lang, &[&groups.len()]));
        }
        let shown = if all { groups.len() } else { SHORT_ANSWERS };
        for (q, values) in groups.iter().take(shown) {
            let one = Trace {
                answers: vec![AnswerRead {
                    question: (*q).into(),
                    value: values.join(",").into(),
                }],
                ..Trace::default()
            };
            for line in one.explain(&d.questionnaire, lang) {
                o.bullet(&line);
            }
        }
        o.more(groups.len().saturating_sub(shown));
    }
    if !t.rules.is_empty() {
        o.heading(Ui::WhyRules.get(lang));
        let shown = if all { t.rules.len() } else { SHORT_RULES };
        for r in t.rules.iter().take(shown) {
            match explain_rule(r) {
                Some(text) => o.bullet(text.get(lang)),
                None => o.bullet(r),
            }
        }
        o.more(t.rules.len().saturating_sub(shown));
    }
    if !t.profile.is_empty() {
        o.heading(Ui::WhyProfile.get(lang));
        for p in &t.profile {
            o.bullet(&format!("{} : {}", profile_field(&p.field, lang), p.value));
        }
    }
    // Sources, one line per (source, date).
    let mut sources: Vec<(String, &str, Vec<&str>)> = Vec::new();
    for f in &t.facts {
        let name = if all {
            f.source.clone()
        } else {
            short_source(&f.source)
        };
        match sources
            .iter_mut()
            .find(|(s, d, _)| *s == name && *d == f.as_of)
        {
            Some((_, _, facts)) => facts.push(f.text(lang)),
            None => sources.push((name, &f.as_of, vec![f.text(lang)])),
        }
    }
    if !sources.is_empty() {
        o.heading(Ui::WhySources.get(lang));
        let shown = if all { sources.len() } else { SHORT_SOURCES };
        let mut hidden = 0;
        for (name, date, facts) in sources.iter().take(shown) {
            let keep = if all { facts.len() } else { SHORT_FACTS };
            let mut text = facts
                .iter()
                .take(keep)
                .map(|f| f.trim_end_matches('.'))
                .collect::<Vec<_>>()
                .join(" ; ");
            if facts.len() > keep {
                text.push_str(" ; …");
                hidden += facts.len() - keep;
            }
            o.bullet(&format!("{name}, {date} : {text}"));
        }
        hidden += sources
            .iter()
            .skip(shown)
            .map(|(_, _, f)| f.len())
            .sum::<usize>();
        o.more(hidden);
    }
}
