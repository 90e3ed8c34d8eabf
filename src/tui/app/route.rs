//! How `App` applies what screens ask for: results of effects routed to the screen that waits
//! for them, outcomes applied (overlay closed or opened, notice), and navigation — the one
//! place screens are built.

use std::sync::Arc;

use super::super::overlays::Overlay;
use super::super::screens::{
    compare, dashboard_keys, export, home, notes, plan, profile, review, walk, workshop_form,
    workshops,
};
use super::super::state::{Nav, Outcome, Session};
use super::{App, Screen};
use crate::app::effect::{Effect, Event};
use crate::app::plan_data::PlanData;
use crate::i18n::ui::Ui;

impl App {
    /// Results of effects, routed to whoever waits for them.
    pub(super) fn result(&mut self, event: Event) -> Outcome {
        let (screen, _, mut cx) = self.parts();
        let cx = &mut cx;
        match event {
            Event::HomeLoaded { .. }
            | Event::AuditDeleted { .. }
            | Event::AssociationErased { .. }
            | Event::DemoCreated { .. } => {
                let h = match screen {
                    Screen::Home(h) => Some(h),
                    _ => None,
                };
                home::result(h, cx, event)
            }
            Event::AssociationLoaded(_)
            | Event::AssociationSaved { .. }
            | Event::AssociationChanged { .. } => {
                let p = match screen {
                    Screen::Profile(p) => Some(&mut **p),
                    _ => None,
                };
                profile::result(p, cx, event)
            }
            Event::AuditStarted { audit_id } => Outcome::from(vec![Effect::OpenAudit { audit_id }]),
            Event::AuditOpened(opened) => {
                let (session, view) = walk::open(*opened);
                self.session = Some(session);
                self.screen = Screen::Walk(view);
                self.overlay = None;
                Outcome::none()
            }
            Event::AnswerSaved { .. }
            | Event::AnswerFailed { .. }
            | Event::AnswerChanged { .. }
            | Event::UndoFound { .. }
            | Event::NothingToUndo => match screen {
                Screen::Walk(w) => walk::result(w, cx, event),
                // A save confirmed after leaving the walk: the session still learns it.
                _ => {
                    let mut view = walk::WalkView::default();
                    walk::result(&mut view, cx, event)
                }
            },
            Event::NoteSaved { .. } | Event::NoteChanged { .. } => {
                let n = match screen {
                    Screen::Notes(n) => Some(&mut **n),
                    _ => None,
                };
                notes::result(n, cx, event)
            }
            Event::StatusSaved(_) => review::result(cx, event),
            Event::PlanOpened(data) => Outcome::go(Nav::Plan(data)),
            Event::Exported { .. } | Event::ExportExists { .. } | Event::ExportFailed { .. } => {
                let d = match screen {
                    Screen::Export(d) => Some(&mut **d),
                    _ => None,
                };
                export::result(d, cx, event)
            }
            Event::WorkshopsLoaded(_) | Event::WorkshopCreated { .. } => {
                let w = match screen {
                    Screen::Workshops(w) => Some(w),
                    _ => None,
                };
                workshops::result(w, cx, event)
            }
            Event::DashboardLoaded(loaded) => Outcome::go(Nav::Dashboard(loaded)),
            Event::ComparisonOpened(view) => Outcome::go(Nav::Compare(view)),
            Event::FilesWritten { paths } => {
                let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                Outcome::none().with_notice(Ui::FilesWritten.fill(self.lang, &[&names.join(", ")]))
            }
            Event::LanguageSet { questionnaires } => {
                self.questionnaires = questionnaires;
                Outcome::none()
            }
            Event::Failed(m) => Outcome::none().with_error(m.get(self.lang)),
        }
    }

    /// Carry out what a screen, an overlay or a result asked for: close the overlay, change
    /// screen, open an overlay, say something; return the effects for the run loop.
    pub(super) fn apply(&mut self, out: Outcome) -> Vec<Effect> {
        let Outcome {
            mut effects,
            nav,
            open,
            close,
            notice,
        } = out;
        if close {
            self.overlay = None;
        }
        if let Some(nav) = nav {
            effects.extend(self.go(nav));
        }
        if let Some(open) = open {
            self.overlay = Some(Overlay::from_open(*open));
        }
        match notice {
            Some(n) if n.text.is_empty() => self.notice = None,
            Some(n) if n.error => self.error(&n.text),
            Some(n) => self.notice = Some(n),
            None => {}
        }
        effects
    }

    /// Show another screen; the only place screens are built.
    fn go(&mut self, nav: Nav) -> Vec<Effect> {
        let lang = self.lang;
        let resumed = |s: &Session, editing| Screen::Walk(walk::WalkView::resumed(s, editing));
        match nav {
            Nav::Home => return self.go_home(),
            Nav::Quit => return self.quit(),
            Nav::Profile(a) => self.screen = Screen::Profile(Box::new(profile::Profile::new(a))),
            Nav::Walk { editing } => match &self.session {
                Some(s) => self.screen = resumed(s, editing),
                None => return self.go_home(),
            },
            Nav::Review => match &self.session {
                Some(s) => self.screen = Screen::Review(review::Review::at(&s.walk)),
                None => return self.go_home(),
            },
            Nav::Notes => match &self.session {
                Some(s) => self.screen = Screen::Notes(Box::new(notes::Notes::new(s, lang))),
                None => return self.go_home(),
            },
            Nav::Plan(data) => self.open_over(Screen::Plan(Box::new(plan_screen(data)))),
            Nav::Export {
                audit_id,
                association_name,
            } => {
                let mut dialog =
                    export::ExportDialog::new(&audit_id, &association_name, &self.export_dir);
                dialog.anonymise = self.anonymise;
                self.open_over(Screen::Export(Box::new(dialog)));
            }
            Nav::Compare(view) => self.open_over(Screen::Compare(Box::new(
                compare::CompareScreen::new(*view),
            ))),
            Nav::Back => match self.back.pop() {
                Some(s) => self.screen = s,
                None => return self.go_home(),
            },
            Nav::Workshops => {
                self.workshop = None;
                self.back.clear();
                self.screen = Screen::Workshops(workshops::Workshops::default());
                return vec![Effect::LoadWorkshops];
            }
            Nav::WorkshopForm => {
                let form =
                    workshop_form::WorkshopFormScreen::new(&self.questionnaires, &self.trainer);
                self.screen = Screen::WorkshopForm(Box::new(form));
            }
            Nav::Dashboard(loaded) => {
                let old = match &self.screen {
                    Screen::Dashboard(d) => Some(&**d),
                    _ => None,
                };
                let state =
                    dashboard_keys::opened(old, self.session.take(), lang, self.theme, *loaded);
                self.workshop = Some(state.workshop.clone());
                self.back.clear();
                self.screen = Screen::Dashboard(Box::new(state));
            }
        }
        Vec::new()
    }

    /// Show `screen` over the current one, which Esc comes back to. Opened again over itself
    /// (a plan over a plan), the first way back is kept.
    fn open_over(&mut self, screen: Screen) {
        let same = std::mem::discriminant(&self.screen) == std::mem::discriminant(&screen);
        let previous = std::mem::replace(&mut self.screen, screen);
        if !same {
            self.back.push(previous);
        }
        self.overlay = None;
        self.notice = None;
    }
}

fn plan_screen(data: Arc<PlanData>) -> plan::PlanScreen {
    plan::PlanScreen::new(data)
}
