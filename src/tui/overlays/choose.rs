//! Choosing how a new audit starts: a follow-up of the audit under the cursor (its answers
//! shown one by one for confirmation, nothing copied), or a fresh audit on one of the
//! questionnaires (the full "pratiques numériques" or the short "atelier express"), by arrows
//! and Enter or by its number.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::keymap::Cmd;
pub use super::super::state::FollowFrom;
use super::super::state::{Ctx, Outcome, View};
use super::super::widgets::{self, truncate};
use crate::app::effect::{Effect, QuestionnaireChoice};
use crate::i18n::ui::Ui;

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

    fn lines(&self, v: &View) -> Vec<String> {
        let lang = v.lang;
        let mut lines = Vec::new();
        if let Some(f) = &self.follow {
            lines.push(Ui::ChooseFollowup.fill(lang, &[&f.updated]));
        }
        for q in v.questionnaires {
            let count = Ui::QuestionCount.fill(lang, &[&q.questions]);
            lines.push(format!("{} ({count})", q.title));
        }
        lines
    }

    pub fn render(&self, v: &View, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (v.lang, v.theme);
        let lines = self.lines(v);
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

impl Choose {
    /// Keys on the list; Enter or a number starts the audit (the overlay closes).
    pub fn cmd(&mut self, cx: &mut Ctx, cmd: Cmd) -> Outcome {
        let qs: &[QuestionnaireChoice] = cx.questionnaires;
        let offset = usize::from(self.follow.is_some());
        let pick = match cmd {
            Cmd::Up => {
                self.selected = self.selected.saturating_sub(1);
                return Outcome::none();
            }
            Cmd::Down => {
                self.selected = (self.selected + 1).min((qs.len() + offset).saturating_sub(1));
                return Outcome::none();
            }
            Cmd::Enter => self.selected,
            Cmd::Pick(i) => usize::from(i),
            Cmd::Back => return Outcome::close(),
            _ => return Outcome::none(),
        };
        let effect = match (&self.follow, pick.checked_sub(offset)) {
            (Some(f), None) => Effect::StartFollowup {
                previous_audit_id: f.audit_id.clone(),
            },
            (_, Some(i)) => match qs.get(i) {
                Some(q) => Effect::StartAudit {
                    association_id: self.association_id.clone(),
                    questionnaire_id: q.id.clone(),
                    workshop_id: self.workshop_id.clone(),
                },
                None => return Outcome::none(),
            },
            (None, None) => return Outcome::none(),
        };
        Outcome::from(vec![effect]).and_close()
    }
}
