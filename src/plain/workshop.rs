//! Workshops in the line mode: the list (numbered), a workshop's dashboard read as sentences
//! (how many associations, the share already on free software, the tools most used, each
//! audit with its progress), then adding an association to it (its audit starts at once on the
//! workshop's questionnaire) or opening one of its audits.

use std::io::{self, BufRead, Write};

use super::Plain;
use super::walk::Flow;
use crate::app::effect::{Effect, Event};
use crate::i18n::ui::Ui;
use crate::workshop::Workshop;

/// `ateliers`: the workshops, one to open by its number.
pub fn run<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>) -> io::Result<Flow> {
    let lang = p.lang;
    let mut list: Vec<Workshop> = Vec::new();
    for event in p.effect(Effect::LoadWorkshops)? {
        if let Event::WorkshopsLoaded(rows) = event {
            list = rows;
        }
    }
    if list.is_empty() {
        p.ui(Ui::PlainNoWorkshop)?;
        return Ok(Flow::Menu);
    }
    for (i, w) in list.iter().enumerate() {
        let audits = Ui::WorkshopAudits.fill(lang, &[&w.audits]);
        p.say(format!(
            "  {}. {} — {} — {} — {audits}",
            i + 1,
            w.name,
            w.date,
            w.place
        ))?;
    }
    let Some(line) = p.ask(Ui::PlainWorkshopPrompt.get(lang))? else {
        return Ok(Flow::Eof);
    };
    match line
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| list.get(i))
    {
        Some(w) => dashboard(p, w.id.clone()),
        None => Ok(Flow::Menu),
    }
}

/// A workshop's dashboard, then what to do in it.
fn dashboard<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    workshop_id: String,
) -> io::Result<Flow> {
    let lang = p.lang;
    let effect = Effect::LoadDashboard {
        workshop_id: workshop_id.clone(),
    };
    let Some(Event::DashboardLoaded(loaded)) = p.effect(effect)?.pop() else {
        return Ok(Flow::Menu);
    };
    let (w, d, _) = *loaded;
    p.say(Ui::PlainWorkshopHead.fill(lang, &[&w.name, &w.date, &d.associations]))?;
    if d.audits > 0 {
        p.say(
            Ui::PlainWorkshopFree.fill(lang, &[&d.free_tools.percent(), &d.free_needs.percent()]),
        )?;
        let tools: Vec<String> = d
            .tools
            .iter()
            .take(5)
            .map(|t| format!("{} ({})", t.name, t.associations))
            .collect();
        if !tools.is_empty() {
            p.say(Ui::PlainWorkshopTools.fill(lang, &[&tools.join(", ")]))?;
        }
    }
    for (i, a) in d.progress.iter().enumerate() {
        p.say(format!(
            "  {}. {} — {}/{} — {}",
            i + 1,
            a.association_name,
            a.answered,
            a.shown,
            a.status.label(lang)
        ))?;
    }
    let Some(line) = p.ask(Ui::PlainDashboardPrompt.get(lang))? else {
        return Ok(Flow::Eof);
    };
    let line = line.trim();
    if line == "a" {
        return super::menu::new_association_in(p, Some(w));
    }
    match line
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| d.progress.get(i))
    {
        Some(a) => super::menu::open(p, a.audit_id.clone()),
        None => Ok(Flow::Menu),
    }
}
