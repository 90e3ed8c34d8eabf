//! `config set KEY VALUE` and `config unset KEY`: change or remove one line of the settings
//! file, keeping every other line (comments, unknown keys, order) as it was, then check the
//! whole file reads back as intended before writing it through `safe_file` (a temporary, then
//! a rename). A file that does not read as TOML is left alone: the message says where to fix it.

use std::path::Path;

use super::keys::{self, Key, Value};
use crate::i18n::Message;

/// Set `key` to the `typed` value in the file at `path` (created, with its folder, if missing).
pub fn set(path: &Path, key: Key, typed: &str) -> Result<Value, Message> {
    let value = key.parse(typed)?;
    let text = read_toml(path)?.unwrap_or_default();
    let new = with_value(&text, key, &value);
    // The result must read back with this value, whatever the rest of the file holds.
    let back: toml::Table = toml::from_str(&new).map_err(|_| cannot_edit(path, key))?;
    let leaf = lookup(&back, key.name());
    if leaf.map(|v| v.to_string()) != Some(value.to_toml()) {
        return Err(cannot_edit(path, key));
    }
    write_back(path, &new)?;
    Ok(value)
}

/// Remove `key` from the file at `path`, keeping every other line: `true` when it was there,
/// `false` when the file or the key is missing (nothing written then).
pub fn unset(path: &Path, key: Key) -> Result<bool, Message> {
    let Some(text) = read_toml(path)? else {
        return Ok(false);
    };
    let before: toml::Table = toml::from_str(&text).map_err(|_| cannot_edit(path, key))?;
    let Some(i) = keys::locate(&text, key.name()) else {
        // Written in a way the line search does not see (a quoted key, an inline table).
        return match lookup(&before, key.name()) {
            Some(_) => Err(cannot_edit(path, key)),
            None => Ok(false),
        };
    };
    let mut new: String = text
        .lines()
        .enumerate()
        .filter(|&(n, _)| n != i)
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    if !text.ends_with('\n') && new.ends_with('\n') {
        new.pop();
    }
    // The result must read back without the key and with every other value as it was.
    let mut expected = before;
    remove(&mut expected, key.name());
    let back: Result<toml::Table, _> = toml::from_str(&new);
    if back.ok() != Some(expected) {
        return Err(cannot_edit(path, key));
    }
    write_back(path, &new)?;
    Ok(true)
}

/// The text of the settings file, `None` when it does not exist; refused when it is not UTF-8,
/// too large or not TOML (nothing is changed then).
fn read_toml(path: &Path) -> Result<Option<String>, Message> {
    let text = match crate::bounded::read(path, 1 << 20) {
        Ok(b) => String::from_utf8(b).map_err(|_| {
            Message::new(
                format!(
                    "{} n'est pas en UTF-8 : rien n'a été changé",
                    path.display()
                ),
                format!("{} is not UTF-8: nothing was changed", path.display()),
            )
        })?,
        Err(crate::bounded::ReadFail::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(crate::bounded::ReadFail::Io(e)) => {
            return Err(Message::new(
                format!("lecture impossible de {} ({e})", path.display()),
                format!("cannot read {} ({e})", path.display()),
            ));
        }
        Err(_) => {
            return Err(Message::new(
                format!("{} dépasse 1 Mo : rien n'a été changé", path.display()),
                format!(
                    "{} is larger than 1 MB: nothing was changed",
                    path.display()
                ),
            ));
        }
    };
    if let Err(e) = toml::from_str::<toml::Table>(&text) {
        let line = e.span().map_or(0, |s| keys::line_of(&text, s.start));
        return Err(Message::new(
            format!(
                "{}:{line} n'est pas du TOML valable : corrigez-le d'abord (rien n'a été changé)",
                path.display()
            ),
            format!(
                "{}:{line} is not valid TOML: fix it first (nothing was changed)",
                path.display()
            ),
        ));
    }
    Ok(Some(text))
}

/// Write the new text of the file (its folder created when missing) through `safe_file`.
fn write_back(path: &Path, new: &str) -> Result<(), Message> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            Message::new(
                format!("impossible de créer le dossier {} ({e})", dir.display()),
                format!("cannot create the folder {} ({e})", dir.display()),
            )
        })?;
    }
    let opts = crate::safe_file::Options {
        replace: true,
        private: false,
    };
    crate::safe_file::write(path, new.as_bytes(), opts).map_err(|e| e.message())
}

/// Remove the dotted key from a table (an emptied table stays, as in the file).
fn remove(table: &mut toml::Table, dotted: &str) {
    match dotted.split_once('.') {
        Some((head, rest)) => {
            if let Some(toml::Value::Table(inner)) = table.get_mut(head) {
                remove(inner, rest);
            }
        }
        None => {
            table.remove(dotted);
        }
    }
}

fn lookup<'a>(table: &'a toml::Table, dotted: &str) -> Option<&'a toml::Value> {
    let mut parts = dotted.split('.');
    let mut v = table.get(parts.next()?)?;
    for p in parts {
        v = v.as_table()?.get(p)?;
    }
    Some(v)
}

fn cannot_edit(path: &Path, key: Key) -> Message {
    Message::new(
        format!(
            "{} : la ligne de {} n'a pas pu être remplacée sans toucher au reste ; modifiez le fichier à la main (rien n'a été changé)",
            path.display(),
            key.name()
        ),
        format!(
            "{}: the line of {} could not be replaced without touching the rest; edit the file by hand (nothing was changed)",
            path.display(),
            key.name()
        ),
    )
}

/// `text` with `key = value`: its line replaced if there is one, else a line added (under
/// `[trainer]` when that table exists, else before the first table).
pub(super) fn with_value(text: &str, key: Key, value: &Value) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let leaf = key.name().rsplit('.').next().unwrap_or(key.name());
    if let Some(i) = keys::locate(text, key.name()) {
        let indent: String = lines[i].chars().take_while(|c| c.is_whitespace()).collect();
        let written = lines[i]
            .trim_start()
            .split('=')
            .next()
            .unwrap_or(leaf)
            .trim_end();
        lines[i] = format!("{indent}{written} = {}", value.to_toml());
    } else {
        let header = key.name().split_once('.').and_then(|(table, _)| {
            lines.iter().position(|l| {
                l.trim()
                    .trim_end_matches(']')
                    .trim_start_matches('[')
                    .trim()
                    == table
                    && l.trim().starts_with('[')
            })
        });
        match header {
            Some(h) => lines.insert(h + 1, format!("{leaf} = {}", value.to_toml())),
            None => {
                let first_table = lines
                    .iter()
                    .position(|l| l.trim_start().starts_with('['))
                    .unwrap_or(lines.len());
                lines.insert(first_table, format!("{} = {}", key.name(), value.to_toml()));
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
