//! Clap's parse errors in French: clap writes them in English only, so under `--lang fr` (or a
//! French setting or locale) they go through [`French`], a formatter over the error's kind and
//! context — the same facts clap's own formatter gives (the argument, the value refused, the
//! values allowed, the nearest argument, the usage), in French words with French typography.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, Error, ErrorFormatter, ErrorKind};

use crate::i18n::typo::NBSP;

/// The formatter for French errors (`clap::Error::apply::<French>()`).
pub struct French;

fn text(v: &ContextValue) -> String {
    match v {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(list) => list.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(list) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn quoted(s: &str) -> String {
    format!("«{NBSP}{s}{NBSP}»")
}

/// What went wrong, in one sentence (and a list where clap gives one).
fn what(error: &Error<French>) -> String {
    let get = |k: ContextKind| error.get(k).map(text).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    match error.kind() {
        ErrorKind::UnknownArgument => format!("argument inattendu {}", quoted(&arg)),
        ErrorKind::InvalidSubcommand => format!(
            "sous-commande inconnue {}",
            quoted(&get(ContextKind::InvalidSubcommand))
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("une valeur est attendue après {}", quoted(&arg))
        }
        ErrorKind::InvalidValue => {
            let mut s = format!("valeur {} refusée pour {}", quoted(&value), quoted(&arg));
            if let Some(v) = error.get(ContextKind::ValidValue) {
                s.push_str(&format!("\n  [valeurs possibles{NBSP}: {}]", text(v)));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(|e| format!("{NBSP}: {e}"))
                .unwrap_or_default();
            format!(
                "valeur {} refusée pour {}{why}",
                quoted(&value),
                quoted(&arg)
            )
        }
        ErrorKind::MissingRequiredArgument => match error.get(ContextKind::InvalidArg) {
            Some(ContextValue::Strings(list)) => {
                let mut s = format!("il manque{NBSP}:");
                for a in list {
                    s.push_str(&format!("\n  {a}"));
                }
                s
            }
            _ => "il manque un argument obligatoire".to_string(),
        },
        ErrorKind::MissingSubcommand => {
            let mut s = format!(
                "{} demande une sous-commande",
                quoted(&get(ContextKind::InvalidSubcommand))
            );
            if let Some(v) = error.get(ContextKind::ValidSubcommand) {
                s.push_str(&format!("\n  [sous-commandes{NBSP}: {}]", text(v)));
            }
            s
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg);
            if prior.is_empty() || prior == arg {
                format!("{} ne peut être donné qu'une fois", quoted(&arg))
            } else {
                format!("{} ne va pas avec {}", quoted(&arg), quoted(&prior))
            }
        }
        ErrorKind::NoEquals => format!("{} s'écrit avec un signe =", quoted(&arg)),
        ErrorKind::TooManyValues => {
            format!("valeur {} en trop pour {}", quoted(&value), quoted(&arg))
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("nombre de valeurs incorrect pour {}", quoted(&arg))
        }
        ErrorKind::InvalidUtf8 => "un argument n'est pas de l'UTF-8 valide".to_string(),
        _ => std::error::Error::source(error)
            .map(|e| e.to_string())
            .unwrap_or_else(|| "ligne de commande refusée".to_string()),
    }
}

impl ErrorFormatter for French {
    fn format_error(error: &Error<Self>) -> StyledStr {
        let mut s = format!("erreur{NBSP}: {}", what(error));
        let near = [
            (ContextKind::SuggestedArg, "un argument proche existe"),
            (
                ContextKind::SuggestedSubcommand,
                "une sous-commande proche existe",
            ),
            (ContextKind::SuggestedValue, "une valeur proche existe"),
        ];
        for (kind, words) in near {
            if let Some(v) = error.get(kind) {
                s.push_str(&format!(
                    "\n\n  astuce{NBSP}: {words}{NBSP}: {}",
                    quoted(&text(v))
                ));
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage
                .strip_prefix("Usage:")
                .map_or(usage.clone(), |rest| format!("Utilisation{NBSP}:{rest}"));
            s.push_str(&format!("\n\n{usage}"));
        }
        s.push_str(&format!(
            "\n\nPour en savoir plus{NBSP}: {}\n",
            quoted("--help")
        ));
        StyledStr::from(s)
    }
}
