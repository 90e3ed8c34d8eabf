//! The home screen's commands and results: moving in the list, filtering, opening or starting
//! an audit, the profile, deleting an audit (then offering to erase its association when it was
//! the last), erasing an association (GDPR), the demo, the workshops, the plan, a comparison.

use super::super::keymap::Cmd;
use super::super::state::{Ask, Ctx, FollowFrom, Nav, Open, Outcome};
use super::super::widgets::LineInput;
use super::home::{Home, LIMIT, Selected};
use crate::app::effect::{Effect, Event};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;

/// Erasing an association (GDPR), asked first: every audit, answer and note about it goes.
pub fn ask_erase(association_id: &str, name: &str, audits: Option<usize>, lang: Lang) -> Ask {
    let body = match audits {
        Some(0) | None => Ui::EraseBodyNoAudit.fill(lang, &[&name]),
        Some(n) => Ui::EraseBody.fill(lang, &[&name, &n]),
    };
    Ask {
        title: Ui::EraseTitle.get(lang).to_string(),
        body,
        yes: Outcome::from(vec![Effect::EraseAssociation {
            association_id: association_id.to_string(),
        }])
        .with_notice(Ui::Erasing.get(lang)),
        no: Outcome::none(),
    }
}

/// Commands on the home screen (and the welcome screen and the filter).
pub fn cmd(home: &mut Home, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    let lang = cx.lang;
    let page = (usize::from(cx.size.1).saturating_sub(8)).max(1) as isize;
    let sel = home.selected as isize;
    let effects = match cmd {
        Cmd::Up => home.select(sel - 1),
        Cmd::Down => home.select(sel + 1),
        Cmd::PageUp => home.select(sel - page),
        Cmd::PageDown => home.select(sel + page),
        Cmd::Top => home.select(0),
        Cmd::Bottom => home.select(isize::MAX / 2),
        Cmd::Filter => {
            home.filtering = true;
            Vec::new()
        }
        Cmd::Enter if home.filtering => {
            home.filtering = false;
            Vec::new()
        }
        Cmd::Back => {
            home.filtering = false;
            if home.filter.raw().is_empty() {
                return Outcome::none();
            }
            home.filter = LineInput::default();
            home.selected = 0;
            vec![home.load(0)]
        }
        Cmd::Enter | Cmd::NewAudit => return start(home, cmd),
        Cmd::NewAssociation => return Outcome::go(Nav::Profile(None)),
        Cmd::EditProfile => match home.selection() {
            Some(Selected::Audit(r)) => vec![Effect::LoadAssociation {
                id: r.association_id.clone(),
            }],
            Some(Selected::Orphan(o)) => vec![Effect::LoadAssociation {
                id: o.association_id.clone(),
            }],
            None => Vec::new(),
        },
        Cmd::Delete => match home.selection() {
            Some(Selected::Audit(row)) => {
                let ask = Ask {
                    title: Ui::DeleteTitle.get(lang).to_string(),
                    body: Ui::DeleteBody.fill(lang, &[&row.association_name, &row.questionnaire]),
                    yes: Outcome::from(vec![Effect::DeleteAudit {
                        audit_id: row.audit_id.clone(),
                    }]),
                    no: Outcome::none(),
                };
                return Outcome::confirm(ask);
            }
            // An association without an audit: deleting it is erasing it.
            Some(Selected::Orphan(o)) => {
                let ask = ask_erase(&o.association_id, &o.name, None, lang);
                return Outcome::confirm(ask);
            }
            None => Vec::new(),
        },
        Cmd::EraseAssociation => match home.selection() {
            Some(Selected::Audit(r)) => {
                let ask = ask_erase(&r.association_id, &r.association_name, Some(1), lang);
                let ask = Ask {
                    body: Ui::EraseBodyAudits.fill(lang, &[&r.association_name]),
                    ..ask
                };
                return Outcome::confirm(ask);
            }
            Some(Selected::Orphan(o)) => {
                let ask = ask_erase(&o.association_id, &o.name, None, lang);
                return Outcome::confirm(ask);
            }
            None => Vec::new(),
        },
        Cmd::Demo => vec![Effect::CreateDemo],
        Cmd::Workshops => return Outcome::go(Nav::Workshops),
        Cmd::Plan => match home.selected_row() {
            Some(row) => {
                let audit_id = row.audit_id.clone();
                return Outcome::from(vec![Effect::OpenPlan { audit_id }])
                    .with_notice(Ui::PlanComputing.get(lang));
            }
            None => Vec::new(),
        },
        Cmd::Compare => match home.selected_row() {
            Some(row) => {
                let audit_id = row.audit_id.clone();
                return Outcome::from(vec![Effect::OpenComparison { audit_id }])
                    .with_notice(Ui::PlanComputing.get(lang));
            }
            None => Vec::new(),
        },
        Cmd::Quit => return Outcome::go(Nav::Quit),
        _ => Vec::new(),
    };
    Outcome::from(effects)
}

/// Enter: open the selected audit, or (on an association without one, or with `n`) choose how
/// its new audit starts — a follow-up of the selected audit offered first when it has answers.
fn start(home: &Home, cmd: Cmd) -> Outcome {
    match (home.selection(), cmd) {
        (Some(Selected::Audit(row)), Cmd::Enter) => Outcome::from(vec![Effect::OpenAudit {
            audit_id: row.audit_id.clone(),
        }]),
        (Some(Selected::Audit(row)), _) => Outcome::open(Open::Choose {
            association_id: row.association_id.clone(),
            association_name: row.association_name.clone(),
            follow: (row.answered > 0).then(|| FollowFrom {
                audit_id: row.audit_id.clone(),
                questionnaire: row.questionnaire.clone(),
                updated: row.updated.clone(),
            }),
            workshop_id: None,
        }),
        (Some(Selected::Orphan(o)), _) => Outcome::open(Open::Choose {
            association_id: o.association_id.clone(),
            association_name: o.name.clone(),
            follow: None,
            workshop_id: None,
        }),
        (None, _) => Outcome::none(),
    }
}

/// Results for the home screen.
pub fn result(home: Option<&mut Home>, cx: &mut Ctx, event: Event) -> Outcome {
    let lang = cx.lang;
    match event {
        Event::HomeLoaded {
            rows,
            offset,
            total,
            all,
            orphans,
        } => {
            if let Some(home) = home {
                home.rows = rows;
                home.offset = offset;
                home.total = total;
                home.all = Some(all);
                home.orphans = orphans;
                home.selected = home.selected.min(home.lines().saturating_sub(1));
            }
            Outcome::none()
        }
        Event::AuditDeleted { last_of } => {
            let reload: Vec<Effect> = home
                .map(|h| h.load(h.selected.saturating_sub(LIMIT / 2)))
                .into_iter()
                .collect();
            let out = Outcome::from(reload).with_notice(Ui::Deleted.get(lang));
            match last_of {
                // Its last audit gone, the association's contact details would stay behind:
                // offer to erase it.
                Some((id, name)) => {
                    let ask = Ask {
                        title: Ui::EraseTitle.get(lang).to_string(),
                        body: Ui::EraseAfterLastAudit.fill(lang, &[&name]),
                        ..ask_erase(&id, &name, None, lang)
                    };
                    Outcome {
                        open: Some(Box::new(Open::Confirm(Box::new(ask)))),
                        ..out
                    }
                }
                None => out,
            }
        }
        Event::AssociationErased { name, scrubbed } => {
            let text = if scrubbed {
                Ui::Erased.fill(lang, &[&name])
            } else {
                Ui::ErasedNotScrubbed.fill(lang, &[&name])
            };
            Outcome::go(Nav::Home).with_notice(text)
        }
        Event::DemoCreated { audit_id } => Outcome::from(vec![Effect::OpenAudit { audit_id }])
            .with_notice(Ui::DemoCreated.get(lang)),
        _ => Outcome::none(),
    }
}
