//! The line mode (`--plain`, `--screen-reader`, `DIAGASSO_PLAIN=1`, `plain = true` in the
//! settings, or automatic when the
//! terminal cannot hold a full-screen interface): the same audits, the same walk, the plan, its
//! « pourquoi ? », the exports and the workshops as numbered prompts on the normal screen. No alternate screen, no box drawing, no colour, no spinner: lines written to standard
//! output, answers read from standard input, every save announced as a line. It works fed from
//! a file; the end of the input saves (everything already is) and quits cleanly. A line that is
//! not valid UTF-8 is refused with a bilingual message and its prompt asked again.
//!
//! It drives the same `walk::Walk` as the TUI and reaches the store through the same
//! `app::Executor`, so it holds no SQL and cannot disagree with the TUI.

mod command;
mod list;
mod menu;
mod plan;
mod walk;
mod walk_read;
mod workshop;

use std::io::{self, BufRead, Write};

use crate::app::effect::{Effect, Event};
use crate::app::effects::{self, Executor};
use crate::app::settings::Settings;
use crate::bounded::Line;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::store::Store;

/// The longest line read (8 MiB: a megabyte of note is taken whole); a longer one is skipped to
/// its end and refused, so an endless input (`/dev/zero`) never fills the memory.
const MAX_LINE: usize = 8 << 20;

/// The line mode's input, output and store.
pub struct Plain<'a, R: BufRead, W: Write> {
    exec: Executor<'a>,
    input: R,
    out: W,
    lang: Lang,
    /// Write each line read after its prompt (input from a file: the transcript reads well).
    echo: bool,
    /// The folder exports go to when the person just presses Enter (the `export_folder`
    /// setting), else the current one.
    export_dir: Option<std::path::PathBuf>,
    /// The answer to « anonymiser ? » when the person just presses Enter (`anonymise` setting).
    anonymise: Option<bool>,
}

/// Run the line mode until `q` or the end of the input.
pub fn run<R: BufRead, W: Write>(
    store: &mut Store,
    lang: Lang,
    settings: &Settings,
    input: R,
    out: W,
    echo: bool,
) -> io::Result<()> {
    let questionnaires = effects::shipped_questionnaires();
    let mut p = Plain {
        exec: Executor::new(store, lang, settings.trainer(), questionnaires),
        input,
        out,
        lang,
        echo,
        export_dir: settings.export_folder.value.clone(),
        anonymise: settings.anonymise.value,
    };
    if let Some(w) = &settings.warning {
        p.say(w.get(lang))?;
    }
    menu::run(&mut p)
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    fn say(&mut self, text: impl AsRef<str>) -> io::Result<()> {
        writeln!(self.out, "{}", text.as_ref())?;
        self.out.flush()
    }

    /// Switch between French and English, for what is said from now on and what the store
    /// reports.
    fn switch_language(&mut self) -> io::Result<()> {
        self.lang = match self.lang {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        };
        self.exec.lang = self.lang;
        self.ui(Ui::PlainLanguage)
    }

    fn ui(&mut self, ui: Ui) -> io::Result<()> {
        let text = ui.get(self.lang);
        self.say(text)
    }

    /// Print `prompt` and read one line (trimmed of its line break); `None` at the end of the
    /// input. A line that is not valid UTF-8 (a Latin-1 terminal or file) is refused with a
    /// message and the prompt is asked again: what is already saved stays, the session goes on.
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        loop {
            write!(self.out, "{prompt} > ")?;
            self.out.flush()?;
            let mut bytes = Vec::new();
            match crate::bounded::read_line(&mut self.input, MAX_LINE, &mut bytes)? {
                Line::End => {
                    writeln!(self.out)?;
                    return Ok(None);
                }
                Line::TooLong => {
                    let text = Ui::PlainTooLong.fill(self.lang, &[&(MAX_LINE >> 20)]);
                    self.say(text)?;
                    continue;
                }
                Line::Read => {}
            }
            let (line, bad_at) = match String::from_utf8(bytes) {
                Ok(line) => (line, None),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to() + 1;
                    (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
                }
            };
            let line = line.trim_end_matches(['\n', '\r']).to_string();
            if self.echo {
                writeln!(self.out, "{line}")?;
            }
            match bad_at {
                None => return Ok(Some(line)),
                Some(at) => {
                    let text = Ui::PlainNotUtf8.fill(self.lang, &[&at]);
                    self.say(text)?;
                }
            }
        }
    }

    /// Carry out an effect; report failures as lines and return the other results.
    fn effect(&mut self, effect: Effect) -> io::Result<Vec<Event>> {
        let mut out = Vec::new();
        for action in self.exec.execute(effect) {
            match action {
                Event::Failed(m) => {
                    let text = Ui::ErrorPrefix.fill(self.lang, &[&m.get(self.lang)]);
                    self.say(text)?;
                }
                other => out.push(other),
            }
        }
        Ok(out)
    }
}
