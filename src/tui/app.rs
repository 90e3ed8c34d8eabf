//! The application state and its pure `update`: one `Screen` (an enum, one variant per screen
//! file), at most one `Overlay`, the open audit (`Session`) and a message line. `update` maps an
//! `Action` to the screen (or overlay) that receives it; each screen's key handling lives with
//! its state in `screens/`, each overlay's in `overlays/`, and returns an `Outcome` — effects as
//! data, a navigation request, an overlay to open, a notice. Only `App` applies outcomes: it is
//! the one place that changes screen or overlay, so no screen knows another.

use ratatui::Frame;
use ratatui::layout::Position;

mod route;

use super::input::Action;
use super::keymap::{self, Cmd, Mode};
use super::overlays::Overlay;
use super::screens::dashboard::DashboardState;
use super::screens::{
    compare, dashboard_keys, export, home, notes, plan, profile, review, walk, workshop_form,
    workshops,
};
use super::state::{Ctx, Outcome, View};
pub use super::state::{Notice, Session};
use super::theme::Theme;
use super::widgets::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::app::effect::{Effect, Event, QuestionnaireChoice};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::workshop::Workshop;

/// The screens.
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

#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub screen: Screen,
    /// The screens the plan, the export dialog or a comparison were opened from (Esc goes back).
    pub back: Vec<Screen>,
    pub overlay: Option<Overlay>,
    pub session: Option<Session>,
    pub notice: Option<Notice>,
    pub questionnaires: Vec<QuestionnaireChoice>,
    pub size: (u16, u16),
    pub quitting: bool,
    /// The folder the export dialog offers: the current folder (set by the run loop), then the
    /// last one written to.
    pub export_dir: String,
    /// Whether « anonymiser » starts ticked in the export dialog (the `anonymise` setting;
    /// ticked unless it says otherwise).
    pub anonymise: bool,
    /// The trainer a new workshop's form offers (the settings' trainer).
    pub trainer: String,
    /// The workshop being worked in: new associations join it, and leaving an audit goes back
    /// to its dashboard instead of the home list.
    pub workshop: Option<Workshop>,
}

impl App {
    /// A new app on the home screen; the first effects load the list. The message line names
    /// the line mode, for a screen-reader user who started the full screen by default.
    pub fn new(
        lang: Lang,
        theme: Theme,
        questionnaires: Vec<QuestionnaireChoice>,
    ) -> (App, Vec<Effect>) {
        let mut app = App {
            lang,
            theme,
            screen: Screen::Home(home::Home::default()),
            back: Vec::new(),
            overlay: None,
            session: None,
            notice: None,
            questionnaires,
            size: (MIN_WIDTH, MIN_HEIGHT),
            quitting: false,
            export_dir: ".".to_string(),
            anonymise: true,
            trainer: String::new(),
            workshop: None,
        };
        app.notice(Ui::PlainModeHint.get(lang));
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

    /// The terminal is below the smallest size the screens are drawn for.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
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

    /// What screens may read and change besides their own state (all but the screen and the
    /// overlay, so both can be borrowed beside it).
    fn parts(&mut self) -> (&mut Screen, &mut Option<Overlay>, Ctx<'_>) {
        let cx = Ctx {
            lang: self.lang,
            theme: self.theme,
            size: self.size,
            session: &mut self.session,
            workshop: &mut self.workshop,
            questionnaires: &self.questionnaires,
            export_dir: &mut self.export_dir,
        };
        (&mut self.screen, &mut self.overlay, cx)
    }

    fn view(&self) -> View<'_> {
        View {
            lang: self.lang,
            theme: &self.theme,
            size: self.size,
            session: self.session.as_ref(),
            workshop: self.workshop.as_ref(),
            questionnaires: &self.questionnaires,
        }
    }

    /// The one entry point: apply an action, return the effects to carry out.
    pub fn update(&mut self, action: impl Into<Action>) -> Vec<Effect> {
        let action = action.into();
        // While "terminal trop petit" is shown, nothing the person cannot see may answer or
        // save: only Ctrl-C (quit, everything being saved) and the resize that ends it count.
        if self.too_small() && matches!(action, Action::Cmd(_) | Action::Key(_) | Action::Paste(_))
        {
            return match action {
                Action::Cmd(Cmd::ForceQuit) => self.quit(),
                _ => Vec::new(),
            };
        }
        match action {
            Action::Cmd(Cmd::ForceQuit) => self.quit(),
            Action::Cmd(cmd) => {
                self.notice = None;
                if self.overlay.is_some() {
                    let (_, overlay, mut cx) = self.parts();
                    let out = match overlay {
                        Some(o) => o.cmd(&mut cx, cmd),
                        None => Outcome::none(),
                    };
                    return self.apply(out);
                }
                if cmd == Cmd::Help {
                    self.overlay = Some(Overlay::help(self.mode()));
                    return Vec::new();
                }
                if cmd == Cmd::Language {
                    return self.switch_language();
                }
                let out = self.screen_cmd(cmd);
                self.apply(out)
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
            Action::Paste(text) => self.paste(&text),
            Action::Tick => {
                let (screen, _, mut cx) = self.parts();
                match screen {
                    Screen::Notes(n) => notes::tick(n, &mut cx),
                    _ => Vec::new(),
                }
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                Vec::new()
            }
            Action::Event(Event::Failed(message)) => {
                self.error(message.get(self.lang));
                Vec::new()
            }
            Action::Event(event) => {
                let out = self.result(event);
                self.apply(out)
            }
        }
    }

    /// French ↔ English, for everything shown from now on (the executor is told, so lists
    /// and dates follow).
    fn switch_language(&mut self) -> Vec<Effect> {
        self.lang = match self.lang {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        };
        self.notice(Ui::LanguageSwitched.get(self.lang));
        let mut effects = vec![Effect::SetLanguage(self.lang)];
        if let Screen::Home(h) = &self.screen {
            effects.push(h.load(h.offset));
        }
        effects
    }

    /// A paste goes whole into the field with the focus; where there is none, it is dropped
    /// with a notice (never read as keys).
    fn paste(&mut self, text: &str) -> Vec<Effect> {
        if self.overlay.is_some() {
            return Vec::new();
        }
        let landed = match &mut self.screen {
            Screen::Home(h) => return h.paste(text),
            Screen::Profile(p) => p.paste(text),
            Screen::Walk(w) => w.paste(self.session.as_ref(), text),
            Screen::Notes(n) => {
                n.paste(text);
                true
            }
            Screen::Export(d) => d.paste(text),
            Screen::WorkshopForm(f) => f.paste(text),
            _ => false,
        };
        if !landed {
            self.notice(Ui::PasteNoField.get(self.lang));
        }
        Vec::new()
    }

    fn screen_cmd(&mut self, cmd: Cmd) -> Outcome {
        let (screen, _, mut cx) = self.parts();
        let cx = &mut cx;
        match screen {
            Screen::Home(h) => home::cmd(h, cx, cmd),
            Screen::Profile(p) => profile::cmd(p, cx, cmd),
            Screen::Walk(w) => walk::cmd(w, cx, cmd),
            Screen::Notes(n) => notes::cmd(n, cx, cmd),
            Screen::Review(r) => review::cmd(r, cx, cmd),
            Screen::Plan(p) => plan::cmd(p, cx, cmd),
            Screen::Export(d) => export::cmd(d, cx, cmd),
            Screen::Workshops(w) => workshops::cmd(w, cx, cmd),
            Screen::WorkshopForm(f) => workshop_form::cmd(f, cx, cmd),
            Screen::Dashboard(d) => dashboard_keys::cmd(d, cx, cmd),
            Screen::Compare(c) => compare::cmd(c, cx, cmd),
        }
    }

    /// Leave: save whatever is being typed, then quit.
    pub fn quit(&mut self) -> Vec<Effect> {
        let (screen, _, mut cx) = self.parts();
        let mut effects = match screen {
            Screen::Walk(w) => walk::flush(w, &mut cx),
            Screen::Notes(n) => notes::flush(n, &mut cx),
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
        self.back.clear();
        if let Some(w) = &self.workshop {
            return vec![Effect::LoadDashboard {
                workshop_id: w.id.clone(),
            }];
        }
        let home = home::Home::default();
        let effect = home.load(0);
        self.screen = Screen::Home(home);
        vec![effect]
    }

    /// Draw everything; a terminal below the smallest size gets a notice instead.
    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        let buf = frame.buffer_mut();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            widgets::too_small(area, buf, &self.theme, self.lang);
            return;
        }
        let v = self.view();
        let c = widgets::chrome(area);
        let cursor: Option<Position> = match &self.screen {
            Screen::Home(h) => h.render(&v, &c, buf),
            Screen::Profile(p) => p.render(&v, &c, buf),
            Screen::Walk(w) => w.render(&v, &c, buf),
            Screen::Notes(n) => n.render(&v, &c, buf),
            Screen::Review(r) => r.render(&v, &c, buf),
            Screen::Plan(p) => p.render(&v, &c, buf),
            Screen::Export(d) => d.render(&v, &c, buf),
            Screen::Workshops(w) => w.render(&v, &c, buf),
            Screen::WorkshopForm(f) => f.render(&v, &c, buf),
            Screen::Dashboard(d) => {
                ratatui::widgets::Widget::render(&**d, area, buf);
                None
            }
            Screen::Compare(s) => s.render(&v, &c, buf),
        };
        if let Some(n) = &self.notice {
            widgets::message_line(c.message, buf, &self.theme, &n.text, n.error);
        }
        let omit: &[Cmd] = match &self.screen {
            Screen::Compare(s) if !s.overflows(self.lang, c.body) => &[Cmd::Down, Cmd::Up],
            _ => &[],
        };
        widgets::hint_bar(c.hints, buf, &self.theme, (self.mode(), omit), self.lang);
        match &self.overlay {
            Some(o) => o.render(&v, area, buf),
            None => {
                if let Some(p) = cursor {
                    frame.set_cursor_position(p);
                }
            }
        }
    }
}
