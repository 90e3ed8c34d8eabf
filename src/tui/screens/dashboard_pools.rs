//! The pooled-needs tab of the workshop dashboard, as lines: for each group (one need, one
//! area), its associations and their tools, the hosts that could serve them together with
//! their published price, and what pooling would change; then the shared needs no catalogue
//! host serves. The full text and the joint listing are `diagasso workshop pool|annonce`.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::theme::Theme;
use super::super::widgets::truncate;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::workshop::Pools;

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading,
    Text,
    Dim,
}

/// Every line of the tab, in order.
pub fn lines(p: &Pools, lang: Lang) -> Vec<(String, Kind)> {
    let mut out = Vec::new();
    if p.groups.is_empty() {
        out.push((Ui::DashNoPool.get(lang).to_string(), Kind::Dim));
    }
    for g in &p.groups {
        out.push((
            Ui::DashPoolGroup.fill(
                lang,
                &[
                    &g.need_label.get(lang),
                    &g.area.label.get(lang),
                    &g.members.len(),
                ],
            ),
            Kind::Heading,
        ));
        for m in &g.members {
            let tools = if m.tools.is_empty() {
                Ui::DashNoTool.get(lang).to_string()
            } else {
                m.tools.join(", ")
            };
            out.push((format!("  · {} — {tools}", m.name), Kind::Text));
        }
        if g.framaspace {
            out.push((Ui::DashPoolFramaspace.get(lang).to_string(), Kind::Text));
        }
        for h in &g.hosts {
            let place = h
                .place
                .as_deref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            let price = h.price.stated.as_ref().map_or_else(
                || Ui::DashPriceToCheck.get(lang).to_string(),
                |t| t.get(lang).to_string(),
            );
            out.push((
                Ui::DashPoolHost.fill(lang, &[&format!("{}{place}", h.name), &price]),
                Kind::Text,
            ));
        }
        for c in &g.changes {
            out.push((format!("  → {}", c.get(lang)), Kind::Dim));
        }
        out.push((String::new(), Kind::Text));
    }
    if !p.unserved.is_empty() {
        out.push((Ui::DashUnserved.get(lang).to_string(), Kind::Heading));
        for u in &p.unserved {
            out.push((
                format!(
                    "  · {} — {} ({})",
                    u.need_label.get(lang),
                    u.area.label.get(lang),
                    u.members
                ),
                Kind::Text,
            ));
        }
    }
    out
}

/// One line, styled by its kind, cut to `width` with "…".
pub fn line(text: &str, kind: Kind, theme: &Theme, width: usize) -> Line<'static> {
    let style: Style = match kind {
        Kind::Heading => theme.title,
        Kind::Text => theme.text,
        Kind::Dim => theme.dim,
    };
    Line::from(Span::styled(truncate(text, width), style))
}
