//! Choosing the questionnaire of a new audit (the full "pratiques numériques" or the short
//! "atelier express"), by arrows and Enter or by its number.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::action::Effect;
use super::super::app::App;
use super::super::keymap::Cmd;
use super::super::widgets::{self, truncate};
use super::Overlay;
use crate::i18n::ui::Ui;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choose {
    pub association_id: String,
    pub association_name: String,
    pub selected: usize,
}

impl Choose {
    pub fn new(association_id: String, association_name: String) -> Choose {
        Choose {
            association_id,
            association_name,
            selected: 0,
        }
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (app.lang, &app.theme);
        let h = app.questionnaires.len() as u16 + 5;
        let inner = widgets::popup(
            widgets::centered(area, 64, h),
            buf,
            theme,
            Ui::ChooseTitle.get(lang),
        );
        let w = usize::from(inner.width.saturating_sub(2));
        let head = Ui::ChooseFor.fill(lang, &[&self.association_name]);
        buf.set_stringn(inner.x + 1, inner.y + 1, truncate(&head, w), w, theme.text);
        for (i, q) in app.questionnaires.iter().enumerate() {
            let on = i == self.selected;
            let count = Ui::QuestionCount.fill(lang, &[&q.questions]);
            let text = format!(
                "{} {}. {} ({count})",
                if on { ">" } else { " " },
                i + 1,
                q.title
            );
            let style = if on { theme.selected } else { theme.text };
            buf.set_stringn(
                inner.x + 1,
                inner.y + 3 + i as u16,
                truncate(&text, w),
                w,
                style,
            );
        }
    }
}

pub fn cmd(app: &mut App, cmd: Cmd) -> Vec<Effect> {
    let n = app.questionnaires.len();
    let Some(Overlay::Choose(c)) = &mut app.overlay else {
        return Vec::new();
    };
    let pick = match cmd {
        Cmd::Up => {
            c.selected = c.selected.saturating_sub(1);
            return Vec::new();
        }
        Cmd::Down => {
            c.selected = (c.selected + 1).min(n.saturating_sub(1));
            return Vec::new();
        }
        Cmd::Enter => c.selected,
        Cmd::Pick(i) => usize::from(i),
        Cmd::Back => {
            app.overlay = None;
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    let Some(q) = app.questionnaires.get(pick) else {
        return Vec::new();
    };
    let effect = Effect::StartAudit {
        association_id: c.association_id.clone(),
        questionnaire_id: q.id.clone(),
    };
    app.overlay = None;
    vec![effect]
}
