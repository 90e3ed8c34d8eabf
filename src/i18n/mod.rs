//! Languages and bilingual text: the `Lang` a user chose (or the locale gave) and the `Text`
//! pairs that every questionnaire, catalogue entry and message carries.

pub mod typo;
pub mod ui;

use serde::{Deserialize, Serialize};

/// A yes to a confirmation, in either language: « o », « oui », "y", "yes", in any case and
/// spacing; anything else, an empty line included, is a no. The CLI's and the line mode's
/// prompts all read it.
pub fn is_yes(reply: &str) -> bool {
    matches!(
        reply.trim().to_lowercase().as_str(),
        "o" | "oui" | "y" | "yes"
    )
}

/// A language of the interface and of the content. French first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// The language of the locale: `LANGUAGE` (a `:`-separated list of preferences, GNU
    /// gettext's; its first French or English entry wins, other languages are passed over),
    /// then `LC_ALL`, `LC_MESSAGES`, `LANG`, in that order: French when the first one set says
    /// French (or none is set), English otherwise (`C.UTF-8` included).
    pub fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        Lang::from_locale_vars_named(get).0
    }

    /// [`Lang::from_locale_vars`], with the variable that decided (`None`: none was set).
    pub fn from_locale_vars_named(
        get: impl Fn(&str) -> Option<String>,
    ) -> (Lang, Option<&'static str>) {
        let of = |v: &str| {
            if v.starts_with("fr") {
                Lang::Fr
            } else {
                Lang::En
            }
        };
        if let Some(list) = get("LANGUAGE") {
            let known = list
                .split(':')
                .map(str::trim)
                .find(|e| e.starts_with("fr") || e.starts_with("en"));
            if let Some(entry) = known {
                return (of(entry), Some("LANGUAGE"));
            }
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = get(var).filter(|v| !v.is_empty()) {
                return (of(&value), Some(var));
            }
        }
        (Lang::Fr, None)
    }

    /// The language from the process environment.
    pub fn from_env() -> Lang {
        Lang::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// Pick the French or the English of a pair of static strings.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// A text in French and English, as written in questionnaire and catalogue files.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    #[serde(default)]
    pub fr: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// Several texts as one list in each language ("A, B et C" / "A, B and C").
    pub fn list(items: &[Text]) -> Text {
        let fr: Vec<&str> = items.iter().map(|t| t.fr.as_str()).collect();
        let en: Vec<&str> = items.iter().map(|t| t.en.as_str()).collect();
        Text::new(typo::list(Lang::Fr, &fr), typo::list(Lang::En, &en))
    }

    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to the other language when empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Fr => (&self.fr, &self.en),
            Lang::En => (&self.en, &self.fr),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// Both languages are present (non-blank).
    pub fn is_complete(&self) -> bool {
        !self.fr.trim().is_empty() && !self.en.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn confirmation_replies() {
        use super::is_yes;
        assert!(is_yes("Oui\n") && is_yes(" y") && is_yes("O"));
        assert!(!is_yes("") && !is_yes("non") && !is_yes("n"));
    }

    use super::*;

    #[test]
    fn locale_detection() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale_vars(env(&[])), Lang::Fr);
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "fr_FR.UTF-8")])),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "en_GB.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "C.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "fr_BE.UTF-8"), ("LANG", "en_US.UTF-8")])),
            Lang::Fr
        );
        // LANGUAGE first, its first French or English entry; then LC_ALL, LC_MESSAGES, LANG.
        const ALL: &[(&str, &str)] = &[
            ("LANGUAGE", "de:en_GB:fr"),
            ("LC_ALL", "fr_FR.UTF-8"),
            ("LC_MESSAGES", "fr_FR.UTF-8"),
            ("LANG", "fr_FR.UTF-8"),
        ];
        assert_eq!(
            Lang::from_locale_vars_named(env(ALL)),
            (Lang::En, Some("LANGUAGE"))
        );
        assert_eq!(
            Lang::from_locale_vars_named(env(&[("LANGUAGE", "de"), ("LC_ALL", "en_US.UTF-8")])),
            (Lang::En, Some("LC_ALL"))
        );
        assert_eq!(
            Lang::from_locale_vars_named(env(&[
                ("LC_MESSAGES", "en_US.UTF-8"),
                ("LANG", "fr_FR.UTF-8")
            ])),
            (Lang::En, Some("LC_MESSAGES"))
        );
        assert_eq!(
            Lang::from_locale_vars_named(env(&[("LANGUAGE", "fr"), ("LANG", "C.UTF-8")])),
            (Lang::Fr, Some("LANGUAGE"))
        );
    }

    #[test]
    fn text_falls_back() {
        let t = Text::new("Bonjour", "");
        assert_eq!(t.get(Lang::En), "Bonjour");
        assert!(!t.is_complete());
    }
}

/// A message for a person, in both languages: what went wrong and what to do. Library errors
/// carry these so the front ends can show them in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{en}")]
pub struct Message {
    pub fr: String,
    pub en: String,
}

impl Message {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Message {
        Message {
            fr: fr.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.fr, &self.en)
    }
}
