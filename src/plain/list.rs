//! The line mode's list of audits and associations without one: loaded a page at a time,
//! each line with a number given when first listed and kept for the whole session (an audit
//! keeps its number when another one is changed).

use std::io::{self, BufRead, Write};

use super::Plain;
use crate::app::effect::{Effect, Event, HomeRow};
use crate::i18n::ui::Ui;

/// Lines asked of the store at once.
pub const PAGE: usize = 20;

/// What a number of the menu stands for. Numbers are given when a line is first listed and
/// kept for the whole session, so an audit keeps its number when another one is changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Audit {
        audit_id: String,
        association_id: String,
        name: String,
    },
    /// An association without an audit.
    Association { id: String, name: String },
}

impl Item {
    fn key(&self) -> &str {
        match self {
            Item::Audit { audit_id, .. } => audit_id,
            Item::Association { id, .. } => id,
        }
    }

    pub fn association(&self) -> (&str, &str) {
        match self {
            Item::Audit {
                association_id,
                name,
                ..
            } => (association_id, name),
            Item::Association { id, name } => (id, name),
        }
    }
}

/// The session's numbering.
#[derive(Default)]
pub struct Numbers(Vec<Item>);

impl Numbers {
    /// The number of `item` (1-based), given now if it had none.
    pub fn of(&mut self, item: &Item) -> usize {
        match self.0.iter().position(|i| i.key() == item.key()) {
            Some(i) => {
                self.0[i] = item.clone();
                i + 1
            }
            None => {
                self.0.push(item.clone());
                self.0.len()
            }
        }
    }

    pub fn get(&self, n: usize) -> Option<&Item> {
        self.0.get(n.checked_sub(1)?)
    }
}

/// One page of the list, as loaded.
pub struct Page {
    pub rows: Vec<HomeRow>,
    pub orphans: Vec<crate::app::effect::OrphanRow>,
    pub total: usize,
    pub all: usize,
}

pub fn load<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    filter: &str,
    offset: usize,
) -> io::Result<Option<Page>> {
    let effect = Effect::LoadHome {
        filter: filter.to_string(),
        offset,
        limit: PAGE,
    };
    for event in p.effect(effect)? {
        if let Event::HomeLoaded {
            rows,
            total,
            all,
            orphans,
            ..
        } = event
        {
            return Ok(Some(Page {
                rows,
                orphans,
                total,
                all,
            }));
        }
    }
    Ok(None)
}

/// The audits of the page, then the associations without an audit, each with its number
/// (in number order, so a line keeps its place).
pub fn list<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    page: &Page,
    offset: usize,
    filter: &str,
    numbers: &mut Numbers,
) -> io::Result<()> {
    let lang = p.lang;
    if page.all == 0 && page.orphans.is_empty() && filter.is_empty() {
        p.say("")?;
        p.ui(Ui::WelcomeTitle)?;
        return p.ui(Ui::PlainWelcome);
    }
    p.say("")?;
    let head = if filter.is_empty() {
        Ui::HomeCount.fill(lang, &[&page.total])
    } else {
        Ui::HomeFiltered.fill(lang, &[&page.total, &page.all, &filter])
    };
    p.say(Ui::PlainListHead.fill(lang, &[&Ui::HomeTitle.get(lang), &head]))?;
    let mut lines: Vec<(usize, String)> = Vec::new();
    for r in &page.rows {
        let n = numbers.of(&Item::Audit {
            audit_id: r.audit_id.clone(),
            association_id: r.association_id.clone(),
            name: r.association_name.clone(),
        });
        let questionnaire = match &r.followup_of {
            Some(d) => format!("{} ({})", r.questionnaire, Ui::FollowupOf.fill(lang, &[d])),
            None => r.questionnaire.clone(),
        };
        let progress = Ui::ProgressLine.fill(
            lang,
            &[&r.sections_done, &r.sections_total, &r.answered, &r.total],
        );
        lines.push((
            n,
            format!(
                "{} — {questionnaire} — {progress} — {} — {}",
                r.association_name,
                r.status.label(lang),
                r.updated
            ),
        ));
    }
    for o in &page.orphans {
        let n = numbers.of(&Item::Association {
            id: o.association_id.clone(),
            name: o.name.clone(),
        });
        lines.push((n, format!("{} — {}", o.name, Ui::PlainNoAudit.get(lang))));
    }
    lines.sort_by_key(|(n, _)| *n);
    for (n, text) in lines {
        p.say(format!("  {n}. {text}"))?;
    }
    if page.total > offset + page.rows.len() {
        let text = Ui::PlainMore.fill(lang, &[&(offset + page.rows.len()), &page.total]);
        p.say(text)?;
    }
    Ok(())
}
