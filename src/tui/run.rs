//! The run loop: owns the terminal (alternate screen, raw mode), reads keys, feeds actions to
//! `App::update`, carries the effects out through the `Executor`, feeds the results back, and
//! draws. The terminal is restored on every way out: quit, error, Ctrl-C (a key in raw mode)
//! and panic (`ratatui::try_init` installs a hook that restores before the panic message).
//! Bracketed paste is on (a paste is one event, put whole into the field with the focus) and
//! turned off on every way out, panic included; mouse capture is never enabled.

use std::collections::VecDeque;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event;

use super::app::App;
use super::input::Action;
use super::theme::Theme;
use crate::app::Effect;
use crate::app::effects::{self, Executor};
use crate::i18n::{Lang, Message};
use crate::store::Store;

/// How long without input makes a tick (the notes' autosave counts them).
const TICK: Duration = Duration::from_millis(500);

pub struct Options {
    pub lang: Lang,
    pub theme: Theme,
    pub trainer: String,
    /// The export dialog's folder at first (the `export_folder` setting), else the current one.
    pub export_dir: Option<std::path::PathBuf>,
    /// Whether the export dialog's « anonymiser » starts ticked (the `anonymise` setting).
    pub anonymise: Option<bool>,
    /// Shown on the message line at the start (a settings file that was ignored).
    pub warning: Option<String>,
}

/// Run the interface on `store` until the person quits.
pub fn run(store: &mut Store, options: Options) -> Result<(), Message> {
    let io = |e: std::io::Error| {
        Message::new(
            format!("terminal inutilisable : {e}"),
            format!("unusable terminal: {e}"),
        )
    };
    let mut terminal = ratatui::try_init().map_err(|e| {
        restore();
        io(e)
    })?;
    paste_on();
    let result = run_loop(&mut terminal, store, options).map_err(io);
    restore();
    result
}

/// Bracketed paste on: a paste arrives as one `Paste` event, never as keys. A panic turns it
/// off again before ratatui's own hook restores the rest.
fn paste_on() {
    use ratatui::crossterm::{event::EnableBracketedPaste, execute};
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        paste_off();
        previous(info);
    }));
}

fn paste_off() {
    use ratatui::crossterm::{event::DisableBracketedPaste, execute};
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
}

/// Give the terminal back as it was: paste mode, raw mode, alternate screen.
fn restore() {
    paste_off();
    ratatui::restore();
}

fn run_loop(
    terminal: &mut DefaultTerminal,
    store: &mut Store,
    options: Options,
) -> std::io::Result<()> {
    let questionnaires = effects::shipped_questionnaires();
    let choices = effects::choices(&questionnaires, options.lang);
    let mut exec = Executor::new(store, options.lang, options.trainer.clone(), questionnaires);
    let (mut app, first) = App::new(options.lang, options.theme, choices);
    app.trainer = options.trainer.clone();
    if let Some(dir) = &options.export_dir {
        app.export_dir = dir.display().to_string();
    } else if let Ok(cwd) = std::env::current_dir() {
        app.export_dir = cwd.display().to_string();
    }
    if let Some(a) = options.anonymise {
        app.anonymise = a;
    }
    if let Some(w) = &options.warning {
        app.error(w);
    }
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    if settle(terminal, &mut app, &mut exec, first)? {
        return Ok(());
    }
    loop {
        terminal.draw(|f| app.draw(f))?;
        let action = if event::poll(TICK)? {
            match event::read()? {
                event::Event::Key(key) => match app.key_action(key) {
                    Some(a) => a,
                    None => continue,
                },
                event::Event::Resize(w, h) => Action::Resize(w, h),
                event::Event::Paste(text) => Action::Paste(text),
                _ => continue,
            }
        } else {
            Action::Tick
        };
        let effects = app.update(action);
        if settle(terminal, &mut app, &mut exec, effects)? {
            return Ok(());
        }
    }
}

/// Carry out effects and feed their results back until nothing is left; true when quitting.
/// Before an effect that can take a moment (computing a plan, writing a PDF) the screen is
/// drawn, so the notice that says so shows while it runs.
fn settle(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    exec: &mut Executor<'_>,
    effects: Vec<Effect>,
) -> std::io::Result<bool> {
    let mut queue: VecDeque<Effect> = effects.into();
    let mut quit = false;
    while let Some(effect) = queue.pop_front() {
        if effect == Effect::Quit {
            quit = true;
            continue;
        }
        if effect.is_slow() {
            terminal.draw(|f| app.draw(f))?;
        }
        for action in exec.execute(effect) {
            queue.extend(app.update(action));
        }
    }
    Ok(quit)
}
