//! A follow-up compared with the audit it follows, in three tabs: the scores per domain before
//! and after (two bars each, the level also in words), the answers that changed (before →
//! after), and the steps of the earlier roadmap with where each stands (done, under way, not
//! yet…). `e` writes the comparison as Markdown and HTML (with its chart); Esc goes back where
//! it was opened from. Colour carries no meaning: levels are numbers, states are words.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::super::keymap::Cmd;
use super::super::state::{Ctx, Nav, Outcome, View};
use super::super::widgets::{self, Chrome, fit, truncate};
use crate::app::effect::{ComparisonView, Effect};
use crate::compare::StepState;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;

/// The three views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Scores,
    Changes,
    Steps,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Scores, Tab::Changes, Tab::Steps];

    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone)]
pub struct CompareScreen {
    pub view: ComparisonView,
    pub tab: Tab,
    pub scroll: usize,
}

impl CompareScreen {
    /// The lines of the current tab (already in words), each with whether it is a heading.
    fn lines(&self, lang: Lang, width: usize) -> Vec<(String, bool)> {
        let c = &self.view.comparison;
        let mut out = Vec::new();
        match self.tab {
            Tab::Scores => {
                let label_w = (width / 3).clamp(16, 30);
                for s in &c.scores {
                    let bar = |v: Option<u8>| match v {
                        Some(v) => format!(
                            "{}{} {v}/4",
                            "█".repeat(v.into()),
                            "░".repeat(4 - usize::from(v.min(4)))
                        ),
                        None => format!("···· {}", Ui::CompareNoScore.get(lang)),
                    };
                    let delta = match (s.before, s.after) {
                        (Some(b), Some(a)) if a > b => format!("  +{}", a - b),
                        (Some(b), Some(a)) if a < b => format!("  −{}", b - a),
                        (Some(_), Some(_)) => "  =".to_string(),
                        _ => String::new(),
                    };
                    out.push((
                        format!(
                            "{} {} → {}{delta}",
                            fit(s.label.get(lang), label_w),
                            bar(s.before),
                            bar(s.after)
                        ),
                        false,
                    ));
                }
            }
            Tab::Changes => {
                for ch in c.changed() {
                    out.push((ch.label.get(lang).to_string(), true));
                    let none = Ui::CompareNoAnswer.get(lang);
                    let text = |t: &crate::i18n::Text| {
                        let s = t.get(lang);
                        if s.is_empty() {
                            none.to_string()
                        } else {
                            s.to_string()
                        }
                    };
                    let line = format!("  {} → {}", text(&ch.before_text), text(&ch.after_text));
                    for l in widgets::wrap_lines(line.trim_end(), width.saturating_sub(4)) {
                        out.push((format!("  {}", l.trim_start()), false));
                    }
                }
                if out.is_empty() {
                    out.push((Ui::CompareNoChange.get(lang).to_string(), false));
                }
            }
            Tab::Steps => {
                for s in &c.steps {
                    let state = s.state.label();
                    let mark = if s.state == StepState::Done {
                        "✓"
                    } else {
                        " "
                    };
                    out.push((
                        format!("{mark} {:<16} {}", state.get(lang), s.title.get(lang)),
                        false,
                    ));
                }
                if out.is_empty() {
                    out.push((Ui::CompareNoSteps.get(lang).to_string(), false));
                }
            }
        }
        out
    }

    /// The comparison just computed, on its first tab.
    pub fn new(view: ComparisonView) -> CompareScreen {
        CompareScreen {
            view,
            tab: Tab::default(),
            scroll: 0,
        }
    }

    /// Whether the current tab has more lines than `body` shows (else the hint bar does not
    /// offer to scroll).
    pub fn overflows(&self, lang: Lang, body: Rect) -> bool {
        let w = usize::from(body.width.saturating_sub(2));
        self.lines(lang, w).len() > usize::from(body.height.saturating_sub(4))
    }

    pub fn render(&self, v: &View, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (v.lang, v.theme);
        let v = &self.view;
        let title = Ui::CompareTitle.fill(lang, &[&v.association_name]);
        let dates = format!("{} → {}", v.before_date, v.after_date);
        widgets::title_line(c.title, buf, theme, &title, Line::from(dates));
        let body = c.body;
        let (x, w) = (body.x + 1, usize::from(body.width.saturating_sub(2)));
        let cmp = &v.comparison;
        let summary = Ui::CompareSummary.fill(
            lang,
            &[&cmp.changed().count(), &cmp.done(), &cmp.steps.len()],
        );
        buf.set_stringn(x, body.y, truncate(&summary, w), w, theme.title);
        let (answered, total) = v.progress;
        if answered < total {
            let partial = Ui::ComparePartial.fill(lang, &[&answered, &total, &cmp.not_yet_asked()]);
            buf.set_stringn(x, body.y + 1, truncate(&partial, w), w, theme.warn);
        }
        let mut spans = Vec::new();
        for (i, name) in Ui::CompareTabs.get(lang).split('|').enumerate() {
            let current = i == self.tab.index();
            let label = if current {
                format!("[{name}]")
            } else {
                format!(" {name} ")
            };
            let style = if current { theme.selected } else { theme.dim };
            spans.push(Span::styled(label, style));
            spans.push(Span::raw("  "));
        }
        buf.set_line(
            x,
            body.y + 2,
            &Line::from(spans),
            body.width.saturating_sub(2),
        );
        let list = Rect::new(
            x,
            body.y + 4,
            body.width.saturating_sub(2),
            body.height.saturating_sub(4),
        );
        let lines = self.lines(lang, w);
        let h = usize::from(list.height);
        let first = self.scroll.min(lines.len().saturating_sub(h));
        // The last row says how many lines follow, when some do.
        let shown = if lines.len() > first + h {
            h.saturating_sub(1)
        } else {
            h
        };
        for (row, (text, heading)) in lines.iter().skip(first).take(shown).enumerate() {
            let style = if *heading { theme.title } else { theme.text };
            buf.set_stringn(list.x, list.y + row as u16, truncate(text, w), w, style);
        }
        if lines.len() > first + shown && h > 0 {
            let more = Ui::DashMore.fill(lang, &[&(lines.len() - first - shown)]);
            buf.set_stringn(list.x, list.bottom() - 1, more, w, theme.dim);
        }
        None
    }
}

/// Commands on the comparison.
pub fn cmd(s: &mut CompareScreen, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    let page = usize::from(cx.size.1.saturating_sub(9)).max(1);
    let turn = |tab: Tab, by: isize| {
        let i = (tab.index() as isize + by).rem_euclid(Tab::ALL.len() as isize);
        Tab::ALL[i as usize]
    };
    match cmd {
        Cmd::NextTab | Cmd::Right => (s.tab, s.scroll) = (turn(s.tab, 1), 0),
        Cmd::PrevTab | Cmd::Left => (s.tab, s.scroll) = (turn(s.tab, -1), 0),
        Cmd::Pick(i) if usize::from(i) < Tab::ALL.len() => {
            (s.tab, s.scroll) = (Tab::ALL[usize::from(i)], 0);
        }
        Cmd::Down => s.scroll += 1,
        Cmd::Up => s.scroll = s.scroll.saturating_sub(1),
        Cmd::PageDown => s.scroll += page,
        Cmd::PageUp => s.scroll = s.scroll.saturating_sub(page),
        Cmd::Top => s.scroll = 0,
        Cmd::Bottom => s.scroll = usize::MAX / 2,
        Cmd::Export => {
            let audit_id = s.view.audit_id.clone();
            return Outcome::from(vec![Effect::ExportComparison {
                audit_id,
                dir: cx.export_dir.clone(),
            }])
            .with_notice(Ui::ExportWriting.get(cx.lang));
        }
        Cmd::Back => return Outcome::go(Nav::Back),
        Cmd::Quit => return Outcome::go(Nav::Quit),
        _ => {}
    }
    Outcome::none()
}
