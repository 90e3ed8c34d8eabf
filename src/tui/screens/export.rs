//! Export: the dialog that writes an audit's plan as files. Formats are checkboxes (Markdown and
//! HTML ticked at first), then « anonymiser » and « garder les notes », then the folder (a text
//! field, the current folder as an absolute path at first, the last one used afterwards), then
//! the button. Enter writes through `Effect::Export`; the written paths are listed here. A file
//! already there is never replaced without a yes in the confirmation (No by default); errors
//! are shown here and on the message line. Reached with `e` from the plan and from the review;
//! Esc goes back there.

use std::path::{Path, PathBuf};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::keymap::{Cmd, Mode};
use super::super::state::{Ask, Ctx, Nav, Outcome, View};
use super::super::widgets::{self, Chrome, LineInput, shorten_middle, truncate, wrap_lines};
use crate::app::effect::{Effect, Event, ExportRequest};
use crate::export::Format;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;

/// Rows of the dialog: the six formats, the two options, the folder, the button.
const ANONYMISE: usize = 6;
const NOTES: usize = 7;
const FOLDER: usize = 8;
const BUTTON: usize = 9;

/// What the last export did.
#[derive(Debug, Clone, PartialEq)]
pub enum LastExport {
    Written {
        dir: PathBuf,
        paths: Vec<PathBuf>,
    },
    NotReplaced,
    Failed {
        message: String,
        written: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone)]
pub struct ExportDialog {
    pub audit_id: String,
    pub association_name: String,
    /// Ticked formats, in `Format::ALL` order.
    pub formats: [bool; 6],
    pub anonymise: bool,
    pub with_notes: bool,
    pub dir: LineInput,
    /// The row with the keys: 0–5 formats, 6 anonymise, 7 notes, 8 folder, 9 button.
    pub focus: usize,
    pub outcome: Option<LastExport>,
}

impl ExportDialog {
    pub fn new(audit_id: &str, association_name: &str, dir: &str) -> ExportDialog {
        ExportDialog {
            audit_id: audit_id.to_string(),
            association_name: association_name.to_string(),
            formats: [true, true, false, false, false, false],
            anonymise: false,
            with_notes: false,
            dir: LineInput::new(dir),
            focus: 0,
            outcome: None,
        }
    }

    pub fn mode(&self) -> Mode {
        if self.focus == FOLDER {
            Mode::ExportField
        } else {
            Mode::Export
        }
    }

    /// What to write, or why it cannot be asked yet.
    pub fn request(&self) -> Result<ExportRequest, Ui> {
        let formats: Vec<Format> = Format::ALL
            .iter()
            .zip(self.formats)
            .filter(|(_, on)| *on)
            .map(|(f, _)| *f)
            .collect();
        if formats.is_empty() {
            return Err(Ui::ExportNoFormat);
        }
        if self.dir.value().is_empty() {
            return Err(Ui::ExportNoFolder);
        }
        Ok(ExportRequest {
            audit_id: self.audit_id.clone(),
            formats,
            anonymise: self.anonymise,
            with_notes: self.with_notes,
            dir: self.dir.value(),
            overwrite: false,
        })
    }

    /// A key typed into the folder.
    pub fn key(&mut self, key: KeyEvent) {
        if self.focus == FOLDER {
            self.dir.handle(key);
        }
    }

    /// A paste into the folder field (when it has the focus); returns whether it landed.
    pub fn paste(&mut self, text: &str) -> bool {
        if self.focus == FOLDER {
            self.dir.paste(text);
        }
        self.focus == FOLDER
    }

    fn toggle(&mut self, row: usize) {
        match row {
            0..=5 => self.formats[row] = !self.formats[row],
            ANONYMISE => self.anonymise = !self.anonymise,
            NOTES => self.with_notes = !self.with_notes,
            _ => {}
        }
    }

    pub fn render(&self, v: &View, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (v.lang, v.theme);
        let left = format!(
            "{} · {} · {}",
            Ui::AppName.get(lang),
            self.association_name,
            Ui::ExportTitle.get(lang)
        );
        widgets::title_line(c.title, buf, theme, &left, Line::default());
        let body = c.body;
        let w = usize::from(body.width.saturating_sub(2));
        let x = body.x + 1;
        let mut y = body.y;
        let mut cursor = None;
        let put = |buf: &mut Buffer, y: &mut u16, text: &str, style| {
            if *y < body.bottom() {
                buf.set_stringn(x, *y, truncate(text, w), w, style);
            }
            *y += 1;
        };
        let row =
            |buf: &mut Buffer, y: &mut u16, i: usize, on: bool, label: &str, note: Option<&str>| {
                let focused = self.focus == i;
                let marker = if focused { ">" } else { " " };
                let mark = if on { "[x]" } else { "[ ]" };
                let text = format!("{marker} {mark} {label}");
                let style = if focused { theme.selected } else { theme.text };
                if *y < body.bottom() {
                    buf.set_stringn(x, *y, truncate(&text, w), w, style);
                    let used = text.width() + 2;
                    if let Some(note) = note
                        && used < w
                    {
                        let nx = x + used as u16;
                        buf.set_stringn(nx, *y, truncate(note, w - used), w - used, theme.dim);
                    }
                }
                *y += 1;
            };
        put(buf, &mut y, Ui::ExportHint.get(lang), theme.dim);
        y += 1;
        put(buf, &mut y, Ui::ExportFormats.get(lang), theme.title);
        for (i, f) in Format::ALL.iter().enumerate() {
            let label = format!(
                "{} {}",
                i + 1,
                crate::app::labels::format_label(*f).get(lang)
            );
            row(buf, &mut y, i, self.formats[i], &label, None);
        }
        put(buf, &mut y, Ui::ExportOptions.get(lang), theme.title);
        let anonymise = Ui::ExportAnonymise.get(lang);
        row(buf, &mut y, ANONYMISE, self.anonymise, anonymise, None);
        let note = (!self.anonymise).then(|| Ui::ExportNotesAlways.get(lang));
        let notes = Ui::ExportWithNotes.get(lang);
        row(buf, &mut y, NOTES, self.with_notes, notes, note);
        put(buf, &mut y, Ui::ExportFolder.get(lang), theme.title);
        if y < body.bottom() {
            let focused = self.focus == FOLDER;
            buf.set_string(x, y, if focused { ">" } else { " " }, theme.selected);
            let field = Rect::new(x + 2, y, body.width.saturating_sub(6).min(100), 1);
            if focused {
                cursor = self.dir.render(field, buf, theme.field);
            } else {
                self.dir.render_idle(field, buf, theme.field);
            }
        }
        y += 1;
        if y < body.bottom() {
            let focused = self.focus == BUTTON;
            let label = format!("[ {} ]", Ui::ExportButton.get(lang));
            let line = Line::from(vec![
                Span::styled(if focused { "> " } else { "  " }, theme.selected),
                Span::styled(label, if focused { theme.selected } else { theme.key }),
            ]);
            buf.set_line(x, y, &line, body.width.saturating_sub(2));
        }
        y += 2;
        self.render_outcome(
            v,
            Rect::new(
                x,
                y,
                body.width.saturating_sub(2),
                body.bottom().saturating_sub(y),
            ),
            buf,
        );
        cursor
    }

    fn render_outcome(&self, v: &View, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (v.lang, v.theme);
        let w = usize::from(area.width);
        let mut lines: Vec<(String, ratatui::style::Style)> = Vec::new();
        // One name per line while they fit, else one paragraph.
        let room = usize::from(area.height).saturating_sub(1);
        let names = |paths: &[PathBuf]| -> Vec<String> {
            let names: Vec<String> = paths
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect();
            if names.len() <= room {
                names
                    .iter()
                    .map(|n| shorten_middle(n, w.saturating_sub(2)))
                    .collect()
            } else {
                wrap_lines(&names.join(", "), w.saturating_sub(2))
            }
        };
        match &self.outcome {
            None => return,
            Some(LastExport::Written { dir, paths }) => {
                let head = Ui::ExportWritten.fill(lang, &[&dir.display()]);
                lines.extend(wrap_lines(&head, w).into_iter().map(|l| (l, theme.ok)));
                for l in names(paths) {
                    lines.push((format!("  {l}"), theme.text));
                }
            }
            Some(LastExport::NotReplaced) => {
                lines.push((Ui::ExportNothingReplaced.get(lang).to_string(), theme.text));
            }
            Some(LastExport::Failed { message, written }) => {
                let text = Ui::ErrorPrefix.fill(lang, &[message]);
                lines.extend(wrap_lines(&text, w).into_iter().map(|l| (l, theme.error)));
                if !written.is_empty() {
                    lines.push((Ui::ExportPartial.get(lang).to_string(), theme.text));
                    for l in names(written) {
                        lines.push((format!("  {l}"), theme.text));
                    }
                }
            }
        }
        for (i, (l, style)) in lines.iter().take(area.height.into()).enumerate() {
            buf.set_stringn(area.x, area.y + i as u16, l, w, *style);
        }
    }
}

/// Commands in the export dialog.
pub fn cmd(d: &mut ExportDialog, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    let lang = cx.lang;
    match cmd {
        Cmd::Up => d.focus = d.focus.saturating_sub(1),
        Cmd::Down => d.focus = (d.focus + 1).min(BUTTON),
        Cmd::Top => d.focus = 0,
        Cmd::Bottom => d.focus = BUTTON,
        Cmd::Pick(i) if usize::from(i) < Format::ALL.len() => {
            d.focus = usize::from(i);
            d.toggle(usize::from(i));
        }
        Cmd::Toggle if d.focus != BUTTON => d.toggle(d.focus),
        Cmd::Toggle | Cmd::Enter => match d.request() {
            Ok(request) => {
                return Outcome::from(vec![Effect::Export(request)])
                    .with_notice(Ui::ExportWriting.get(lang));
            }
            Err(why) => {
                d.outcome = Some(LastExport::Failed {
                    message: why.get(lang).to_string(),
                    written: Vec::new(),
                });
                return Outcome::none().with_error(why.get(lang));
            }
        },
        Cmd::Back => return Outcome::go(Nav::Back),
        _ => {}
    }
    Outcome::none()
}

/// Replace the files `existing` (names) of `dir` by a new export? Yes writes again with
/// `overwrite`; no leaves everything as it is.
fn ask_overwrite(request: ExportRequest, dir: &Path, existing: &[String], lang: Lang) -> Ask {
    let shown = 4;
    let mut names = existing
        .iter()
        .take(shown)
        .map(|n| format!("· {}", widgets::shorten_middle(n, 52)))
        .collect::<Vec<_>>()
        .join("\n");
    if existing.len() > shown {
        names.push_str(&format!("\n  (+{})", existing.len() - shown));
    }
    let request = ExportRequest {
        overwrite: true,
        ..request
    };
    Ask {
        title: Ui::OverwriteTitle.get(lang).to_string(),
        body: Ui::OverwriteBody.fill(lang, &[&dir.display(), &names]),
        yes: Outcome::from(vec![Effect::Export(request)]).with_notice(Ui::ExportWriting.get(lang)),
        no: Outcome::none().with_notice(Ui::ExportNothingReplaced.get(lang)),
    }
}

/// Results of `Effect::Export`.
pub fn result(dialog: Option<&mut ExportDialog>, cx: &mut Ctx, event: Event) -> Outcome {
    let lang = cx.lang;
    match event {
        Event::Exported { dir, paths } => {
            let notice = Ui::ExportDone.fill(lang, &[&paths.len(), &dir.display()]);
            *cx.export_dir = dir.display().to_string();
            if let Some(d) = dialog {
                d.outcome = Some(LastExport::Written { dir, paths });
            }
            Outcome::none().with_notice(notice)
        }
        Event::ExportExists {
            request,
            dir,
            existing,
        } => {
            // Nothing written until the person says yes; a no leaves it so.
            if let Some(d) = dialog {
                d.outcome = Some(LastExport::NotReplaced);
            }
            let mut out = Outcome::confirm(ask_overwrite(request, &dir, &existing, lang));
            // The message line is cleared while the question is asked.
            out.notice = Some(super::super::state::Notice {
                text: String::new(),
                error: false,
            });
            out
        }
        Event::ExportFailed { message, written } => {
            let text = message.get(lang).to_string();
            if let Some(d) = dialog {
                d.outcome = Some(LastExport::Failed {
                    message: text.clone(),
                    written,
                });
            }
            Outcome::none().with_error(text)
        }
        _ => Outcome::none(),
    }
}
