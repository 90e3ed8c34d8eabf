//! A yes/no question before something that cannot be undone or that changes an audit's state:
//! deleting an audit, finishing or reopening it, replacing export files. "Non" is selected at
//! first, so a stray Enter never destroys anything.

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::app::App;
use super::super::keymap::Cmd;
use super::super::widgets;
use super::Overlay;
use crate::app::effect::{Effect, ExportRequest, HomeRow};
use crate::audit::AuditStatus;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmKind {
    DeleteAudit {
        audit_id: String,
    },
    Finish,
    Reopen,
    /// Export again, replacing the files already there.
    Overwrite(ExportRequest),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub kind: ConfirmKind,
    pub title: String,
    pub body: String,
    /// The "Oui" button is selected (never at first).
    pub yes: bool,
}

impl Confirm {
    fn new(kind: ConfirmKind, title: Ui, body: String, lang: Lang) -> Confirm {
        Confirm {
            kind,
            title: title.get(lang).into(),
            body,
            yes: false,
        }
    }

    pub fn delete(row: &HomeRow, lang: Lang) -> Confirm {
        let body = Ui::DeleteBody.fill(lang, &[&row.association_name, &row.questionnaire]);
        let kind = ConfirmKind::DeleteAudit {
            audit_id: row.audit_id.clone(),
        };
        Confirm::new(kind, Ui::DeleteTitle, body, lang)
    }

    pub fn finish(missing: usize, lang: Lang) -> Confirm {
        let body = if missing > 0 {
            Ui::FinishMissing.fill(lang, &[&missing])
        } else {
            Ui::FinishBody.get(lang).into()
        };
        Confirm::new(ConfirmKind::Finish, Ui::FinishTitle, body, lang)
    }

    pub fn reopen(lang: Lang) -> Confirm {
        Confirm::new(
            ConfirmKind::Reopen,
            Ui::ReopenTitle,
            Ui::ReopenBody.get(lang).into(),
            lang,
        )
    }

    /// Replace the files `existing` (names) of `dir` by a new export?
    pub fn overwrite(
        request: ExportRequest,
        dir: &Path,
        existing: &[String],
        lang: Lang,
    ) -> Confirm {
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
        let body = Ui::OverwriteBody.fill(lang, &[&dir.display(), &names]);
        let request = ExportRequest {
            overwrite: true,
            ..request
        };
        Confirm::new(
            ConfirmKind::Overwrite(request),
            Ui::OverwriteTitle,
            body,
            lang,
        )
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (app.lang, &app.theme);
        let lines = widgets::wrap_lines(&self.body, 54).len() as u16;
        let height = (lines + 5).max(10).min(area.height.saturating_sub(2));
        let inner = widgets::popup(widgets::centered(area, 60, height), buf, theme, &self.title);
        let text = Rect::new(
            inner.x + 1,
            inner.y + 1,
            inner.width.saturating_sub(2),
            inner.height.saturating_sub(3),
        );
        widgets::paragraph(text, buf, &self.body, theme.text);
        let button = |label: Ui, on: bool| {
            let text = if on {
                format!("> {} <", label.get(lang))
            } else {
                format!("  {}  ", label.get(lang))
            };
            Span::styled(text, if on { theme.selected } else { theme.text })
        };
        let line = Line::from(vec![
            button(Ui::ButtonYes, self.yes),
            Span::raw("    "),
            button(Ui::ButtonNo, !self.yes),
        ]);
        let w = line.width() as u16;
        let x = inner.x + inner.width.saturating_sub(w) / 2;
        buf.set_line(x, inner.bottom().saturating_sub(1), &line, w);
    }
}

pub fn cmd(app: &mut App, cmd: Cmd) -> Vec<Effect> {
    let Some(Overlay::Confirm(c)) = &mut app.overlay else {
        return Vec::new();
    };
    let yes = match cmd {
        Cmd::Left | Cmd::Right => {
            c.yes = !c.yes;
            return Vec::new();
        }
        Cmd::Enter => c.yes,
        Cmd::Yes => true,
        Cmd::No => false,
        _ => return Vec::new(),
    };
    let kind = c.kind.clone();
    app.overlay = None;
    if !yes {
        if matches!(kind, ConfirmKind::Overwrite(_)) {
            super::super::screens::export::not_replaced(app);
        }
        return Vec::new();
    }
    let audit_id = app
        .session
        .as_ref()
        .map(|s| s.audit_id.clone())
        .unwrap_or_default();
    match kind {
        ConfirmKind::DeleteAudit { audit_id } => vec![Effect::DeleteAudit { audit_id }],
        ConfirmKind::Finish => vec![Effect::SetStatus {
            audit_id,
            status: AuditStatus::Finished,
        }],
        ConfirmKind::Reopen => vec![Effect::SetStatus {
            audit_id,
            status: AuditStatus::InProgress,
        }],
        ConfirmKind::Overwrite(request) => {
            app.notice(Ui::ExportWriting.get(app.lang));
            vec![Effect::Export(request)]
        }
    }
}
