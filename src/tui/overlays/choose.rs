//! Choosing how a new audit starts: a follow-up of the audit under the cursor (its answers
//! shown one by one for confirmation, nothing copied), or a fresh audit on one of the
//! questionnaires (the full "pratiques numériques" or the short "atelier express"), by arrows
//! and Enter or by its number.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::app::App;
use super::super::keymap::Cmd;
use super::super::widgets::{self, truncate};
use super::Overlay;
use crate::app::effect::Effect;
use crate::i18n::ui::Ui;

/// The audit a follow-up would start from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowFrom {
    pub audit_id: String,
    /// Its questionnaire's title and when it was last changed, as the home list shows them.
    pub questionnaire: String,
    pub updated: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choose {
    pub association_id: String,
    pub association_name: String,
    /// Offered first when the association already has an audit.
    pub follow: Option<FollowFrom>,
    /// The workshop the new audit joins.
    pub workshop_id: Option<String>,
    pub selected: usize,
}

impl Choose {
    pub fn new(association_id: String, association_name: String) -> Choose {
        Choose {
            association_id,
            association_name,
            follow: None,
            workshop_id: None,
            selected: 0,
        }
    }

    /// Also offer a follow-up of `from`, first.
    pub fn with_followup(mut self, from: FollowFrom) -> Choose {
        self.follow = Some(from);
        self
    }

    fn lines(&self, app: &App) -> Vec<String> {
        let lang = app.lang;
        let mut lines = Vec::new();
        if let Some(f) = &self.follow {
            lines.push(Ui::ChooseFollowup.fill(lang, &[&f.updated]));
        }
        for q in &app.questionnaires {
            let count = Ui::QuestionCount.fill(lang, &[&q.questions]);
            lines.push(format!("{} ({count})", q.title));
        }
        lines
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (app.lang, &app.theme);
        let lines = self.lines(app);
        let h = lines.len() as u16 + 5;
        let inner = widgets::popup(
            widgets::centered(area, 72, h),
            buf,
            theme,
            Ui::ChooseTitle.get(lang),
        );
        let w = usize::from(inner.width.saturating_sub(2));
        let head = Ui::ChooseFor.fill(lang, &[&self.association_name]);
        buf.set_stringn(inner.x + 1, inner.y + 1, truncate(&head, w), w, theme.text);
        for (i, line) in lines.iter().enumerate() {
            let on = i == self.selected;
            let text = format!("{} {}. {line}", if on { ">" } else { " " }, i + 1);
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
    let offset = usize::from(c.follow.is_some());
    let pick = match cmd {
        Cmd::Up => {
            c.selected = c.selected.saturating_sub(1);
            return Vec::new();
        }
        Cmd::Down => {
            c.selected = (c.selected + 1).min((n + offset).saturating_sub(1));
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
    let effect = match (&c.follow, pick.checked_sub(offset)) {
        (Some(f), None) => Effect::StartFollowup {
            previous_audit_id: f.audit_id.clone(),
        },
        (_, Some(i)) => match app.questionnaires.get(i) {
            Some(q) => Effect::StartAudit {
                association_id: c.association_id.clone(),
                questionnaire_id: q.id.clone(),
                workshop_id: c.workshop_id.clone(),
            },
            None => return Vec::new(),
        },
        (None, None) => return Vec::new(),
    };
    app.overlay = None;
    vec![effect]
}
