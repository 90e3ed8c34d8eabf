//! Colours and emphasis. `dark` uses the 16 ANSI colour names so the terminal's own palette
//! applies; `light` fixed dark tones for a white background (yellow keys vanish there); `mono` uses no colour at all, only bold,
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
    Light,
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

    /// For a light terminal background: fixed dark tones of the 256-colour palette, each with
    /// a contrast ratio of at least 5.7 to 1 on white (WCAG AA asks 4.5): dark blue #000087
    /// (15.6), dark magenta #870087 (8.6), dark red #af0000 (7.3), dark green #005f00 (8.0),
    /// brown #875f00 (5.7), grey #585858 (7.0). Text keeps the terminal's own colour.
    pub fn light() -> Theme {
        let blue = Color::Indexed(18);
        let magenta = Color::Indexed(90);
        let red = Color::Indexed(124);
        let green = Color::Indexed(22);
        let brown = Color::Indexed(94);
        let grey = Color::Indexed(240);
        Theme {
            name: ThemeName::Light,
            text: Style::new(),
            title: Style::new().fg(blue).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(grey),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().fg(magenta).add_modifier(Modifier::BOLD),
            error: Style::new().fg(red).add_modifier(Modifier::BOLD),
            ok: Style::new().fg(green),
            warn: Style::new().fg(brown).add_modifier(Modifier::BOLD),
            border: Style::new().fg(grey),
            gauge: Style::new().fg(green),
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
            Some(ThemeName::Light) => Theme::light(),
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
