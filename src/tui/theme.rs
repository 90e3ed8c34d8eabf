//! Colours and emphasis. `dark` uses the 16 ANSI colour names so the terminal's own palette
//! applies (readable on light backgrounds too); `mono` uses no colour at all, only bold,
//! reversed and underlined, and is chosen for `NO_COLOR` or `--theme mono`. No meaning is carried
//! by colour alone: selection also has a `>` marker, errors a `!`, states a text mark.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    pub text: Style,
    pub title: Style,
    pub dim: Style,
    pub selected: Style,
    pub key: Style,
    pub error: Style,
    pub ok: Style,
    pub warn: Style,
    pub border: Style,
    pub gauge: Style,
    pub field: Style,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Mono,
}

impl Theme {
    pub fn dark() -> Theme {
        Theme {
            name: ThemeName::Dark,
            text: Style::new(),
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::Yellow),
            border: Style::new().fg(Color::DarkGray),
            gauge: Style::new().fg(Color::Green),
            field: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    pub fn mono() -> Theme {
        Theme {
            name: ThemeName::Mono,
            text: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().add_modifier(Modifier::BOLD),
            error: Style::new().add_modifier(Modifier::BOLD),
            ok: Style::new(),
            warn: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            gauge: Style::new(),
            field: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The theme for a `--theme` value and the environment: `NO_COLOR` (non-empty) means mono.
    pub fn pick(requested: Option<ThemeName>, no_color: bool) -> Theme {
        match requested {
            Some(ThemeName::Mono) => Theme::mono(),
            Some(ThemeName::Dark) => Theme::dark(),
            None if no_color => Theme::mono(),
            None => Theme::dark(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_has_no_colour() {
        let t = Theme::mono();
        for s in [
            t.text, t.title, t.dim, t.selected, t.key, t.error, t.ok, t.warn, t.border, t.gauge,
            t.field,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert_eq!(Theme::pick(None, true), Theme::mono());
        assert_eq!(Theme::pick(Some(ThemeName::Dark), true), Theme::dark());
    }
}
