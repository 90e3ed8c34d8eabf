//! The application state and its pure `update`: one `Screen` (an enum, one variant per screen
//! file), at most one `Overlay`, the open audit (`Session`) and a message line. `update` maps an
//! `Action` to state changes and returns `Effect`s as data; each screen's key handling lives
//! with its state in `screens/`, each overlay's in `overlays/`.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::Position;

use super::input::Action;
use super::keymap::{self, Cmd, Mode};
use super::overlays::{self, Overlay};
use super::screens::dashboard::DashboardState;
use super::screens::{
    compare, export, home, notes, plan, profile, review, walk, workshop_form, workshops,
};
use super::theme::Theme;
use super::widgets::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::app::effect::{Effect, Event, PreviousAudit, QuestionnaireChoice};
use crate::audit::AuditStatus;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::store::Workshop;
use crate::walk::Walk;

/// The screens. The plan and the export dialog keep the screen they were opened from, to go
/// back to it with Esc.
#[derive(Debug, Clone)]
pub enum Screen {
    Home(home::Home),
    Profile(Box<profile::Profile>),
    Walk(walk::WalkView),
    Notes(Box<notes::Notes>),
    Review(review::Review),
    Plan(Box<plan::PlanScreen>),
    Export(Box<export::ExportDialog>),
    /// The workshops, and the form of a new one.
    Workshops(workshops::Workshops),
    WorkshopForm(Box<workshop_form::WorkshopFormScreen>),
    Dashboard(Box<DashboardState>),
    /// A follow-up compared with the audit it follows.
    Compare(Box<compare::CompareScreen>),
}

/// The audit being walked.
#[derive(Debug, Clone)]
pub struct Session {
    pub audit_id: String,
    pub association_id: String,
    pub association_name: String,
    pub walk: Walk,
    /// Notes by question id.
    pub notes: BTreeMap<String, String>,
    pub note: String,
    pub status: AuditStatus,
    /// The audit this one follows: its answers are offered for confirmation.
    pub previous: Option<PreviousAudit>,
}

/// A line under the screen: a notice, or an error (drawn with its "Erreur :" prefix).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub session: Option<Session>,
    pub notice: Option<Notice>,
    pub questionnaires: Vec<QuestionnaireChoice>,
    pub size: (u16, u16),
    pub quitting: bool,
    /// The folder the export dialog offers: the current folder (set by the run loop), then the
    /// last one written to.
    pub export_dir: String,
    /// The workshop being worked in: new associations join it, and leaving an audit goes back
    /// to its dashboard instead of the home list.
    pub workshop: Option<Workshop>,
}

impl App {
    /// A new app on the home screen; the first effects load the list.
    pub fn new(
        lang: Lang,
        theme: Theme,
        questionnaires: Vec<QuestionnaireChoice>,
    ) -> (App, Vec<Effect>) {
        let app = App {
            lang,
            theme,
            screen: Screen::Home(home::Home::default()),
            overlay: None,
            session: None,
            notice: None,
            questionnaires,
            size: (MIN_WIDTH, MIN_HEIGHT),
            quitting: false,
            export_dir: ".".to_string(),
            workshop: None,
        };
        let effects = vec![home::Home::default().load(0)];
        (app, effects)
    }

    /// Where keys are read now.
    pub fn mode(&self) -> Mode {
        if let Some(o) = &self.overlay {
            return o.mode();
        }
        match &self.screen {
            Screen::Home(h) => h.mode(),
            Screen::Profile(p) => p.mode(),
            Screen::Walk(w) => w.mode(self.session.as_ref()),
            Screen::Notes(_) => Mode::Notes,
            Screen::Review(_) => Mode::Review,
            Screen::Plan(p) => p.mode(),
            Screen::Export(d) => d.mode(),
            Screen::Workshops(_) => Mode::Workshops,
            Screen::WorkshopForm(f) => f.mode(),
            Screen::Dashboard(_) => Mode::Dashboard,
            Screen::Compare(_) => Mode::Compare,
        }
    }

    /// Turn a key press into an action through the keymap: bound keys become commands; in a
    /// text mode, the others go to the field.
    ///
    /// Only presses count (Windows also reports releases), and AltGr characters (reported as
    /// Ctrl+Alt on Windows, e.g. "@" on a French keyboard) are plain characters.
    pub fn key_action(&self, mut key: ratatui::crossterm::event::KeyEvent) -> Option<Action> {
        use ratatui::crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
        if matches!(key.code, KeyCode::Char(_)) && key.modifiers.contains(altgr) {
            key.modifiers.remove(altgr);
        }
        let mode = self.mode();
        match keymap::lookup(mode, key) {
            Some(cmd) => Some(Action::Cmd(cmd)),
            None if mode.types_text() => Some(Action::Key(key)),
            None => None,
        }
    }

    pub fn notice(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: &str) {
        self.notice = Some(Notice {
            text: Ui::ErrorPrefix.fill(self.lang, &[&text]),
            error: true,
        });
    }

    /// The one entry point: apply an action, return the effects to carry out.
    pub fn update(&mut self, action: impl Into<Action>) -> Vec<Effect> {
        match action.into() {
            Action::Cmd(Cmd::ForceQuit) => self.quit(),
            Action::Cmd(cmd) => {
                self.notice = None;
                if self.overlay.is_some() {
                    return overlays::handle(self, cmd);
                }
                if cmd == Cmd::Help {
                    self.overlay = Some(Overlay::help(self.mode()));
                    return Vec::new();
                }
                self.screen_cmd(cmd)
            }
            Action::Key(key) => match &mut self.screen {
                Screen::Home(h) => h.key(key),
                Screen::Profile(p) => {
                    p.key(key);
                    Vec::new()
                }
                Screen::Walk(w) => {
                    w.key(key);
                    Vec::new()
                }
                Screen::Notes(n) => {
                    n.key(key);
                    Vec::new()
                }
                Screen::Export(d) => {
                    d.key(key);
                    Vec::new()
                }
                Screen::WorkshopForm(f) => {
                    f.key(key);
                    Vec::new()
                }
                Screen::Review(_)
                | Screen::Plan(_)
                | Screen::Workshops(_)
                | Screen::Dashboard(_)
                | Screen::Compare(_) => Vec::new(),
            },
            Action::Tick => notes::tick(self),
            Action::Resize(w, h) => {
                self.size = (w, h);
                Vec::new()
            }
            Action::Event(Event::Failed(message)) => {
                self.error(message.get(self.lang));
                Vec::new()
            }
            Action::Event(event) => self.result(event),
        }
    }

    fn screen_cmd(&mut self, cmd: Cmd) -> Vec<Effect> {
        match &self.screen {
            Screen::Home(_) => home::cmd(self, cmd),
            Screen::Profile(_) => profile::cmd(self, cmd),
            Screen::Walk(_) => walk::cmd(self, cmd),
            Screen::Notes(_) => notes::cmd(self, cmd),
            Screen::Review(_) => review::cmd(self, cmd),
            Screen::Plan(_) => plan::cmd(self, cmd),
            Screen::Export(_) => export::cmd(self, cmd),
            Screen::Workshops(_) => workshops::cmd(self, cmd),
            Screen::WorkshopForm(_) => workshop_form::cmd(self, cmd),
            Screen::Dashboard(_) => workshops::dashboard_cmd(self, cmd),
            Screen::Compare(_) => compare::cmd(self, cmd),
        }
    }

    /// Results of effects, routed to whoever waits for them.
    fn result(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::HomeLoaded { .. } | Event::AuditDeleted | Event::DemoCreated { .. } => {
                home::result(self, event)
            }
            Event::AssociationLoaded(_) | Event::AssociationSaved { .. } => {
                profile::result(self, event)
            }
            Event::AuditStarted { audit_id } => vec![Effect::OpenAudit { audit_id }],
            Event::AuditOpened(opened) => walk::open(self, *opened),
            Event::AnswerSaved { .. } | Event::AnswerFailed { .. } => walk::result(self, event),
            Event::NoteSaved { .. } => notes::result(self, event),
            Event::StatusSaved(_) => review::result(self, event),
            Event::PlanOpened(data) => plan::opened(self, data),
            Event::Exported { .. } | Event::ExportExists { .. } | Event::ExportFailed { .. } => {
                export::result(self, event)
            }
            Event::WorkshopsLoaded(_) | Event::WorkshopCreated { .. } => {
                workshops::result(self, event)
            }
            Event::DashboardLoaded(_) => workshops::dashboard_result(self, event),
            Event::ComparisonOpened(_) => compare::result(self, event),
            Event::FilesWritten { paths } => {
                let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                self.notice(Ui::FilesWritten.fill(self.lang, &[&names.join(", ")]));
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Leave: save whatever is being typed, then quit.
    pub fn quit(&mut self) -> Vec<Effect> {
        let mut effects = match &mut self.screen {
            Screen::Walk(_) => walk::flush(self),
            Screen::Notes(_) => notes::flush(self),
            Screen::Profile(p) => p.commit(),
            _ => Vec::new(),
        };
        self.quitting = true;
        effects.push(Effect::Quit);
        effects
    }

    /// Go to the home screen and reload its list; inside a workshop, back to its dashboard.
    pub fn go_home(&mut self) -> Vec<Effect> {
        self.overlay = None;
        if let Some(w) = &self.workshop {
            return vec![Effect::LoadDashboard {
                workshop_id: w.id.clone(),
            }];
        }
        let home = home::Home::default();
        let effect = home.load(0);
        self.screen = Screen::Home(home);
        self.overlay = None;
        vec![effect]
    }

    /// Draw everything; a terminal below 80×24 gets a notice instead.
    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        let buf = frame.buffer_mut();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            widgets::too_small(area, buf, &self.theme, self.lang);
            return;
        }
        let c = widgets::chrome(area);
        let cursor: Option<Position> = match &self.screen {
            Screen::Home(h) => h.render(self, &c, buf),
            Screen::Profile(p) => p.render(self, &c, buf),
            Screen::Walk(w) => w.render(self, &c, buf),
            Screen::Notes(n) => n.render(self, &c, buf),
            Screen::Review(r) => r.render(self, &c, buf),
            Screen::Plan(p) => p.render(self, &c, buf),
            Screen::Export(d) => d.render(self, &c, buf),
            Screen::Workshops(w) => w.render(self, &c, buf),
            Screen::WorkshopForm(f) => f.render(self, &c, buf),
            Screen::Dashboard(d) => {
                ratatui::widgets::Widget::render(&**d, area, buf);
                None
            }
            Screen::Compare(s) => s.render(self, &c, buf),
        };
        if let Some(n) = &self.notice {
            widgets::message_line(c.message, buf, &self.theme, &n.text, n.error);
        }
        widgets::hint_bar(c.hints, buf, &self.theme, self.mode(), self.lang);
        match &self.overlay {
            Some(o) => o.render(self, area, buf),
            None => {
                if let Some(p) = cursor {
                    frame.set_cursor_position(p);
                }
            }
        }
    }
}
