//! The user catalogue on disk: reading it as a hosts file, and writing it atomically (a
//! temporary file in the same folder, flushed with fsync, then renamed over the old one) after
//! checking that it loads over the shipped catalogue.

use std::path::Path;

use super::error::CatalogErrors;
use super::files::HostsFile;
use super::import::ImportError;
use super::load::{Texts, load_texts};
use super::properties::{InputError, InputErrors};

/// The user catalogue as a file (not merged with the shipped one). `None` if it does not exist.
pub fn read_user_file(path: &Path) -> Result<Option<HostsFile>, CatalogErrors> {
    let name = path.display().to_string();
    let Some(text) = super::load::read_text(path).map_err(|e| CatalogErrors(vec![e]))? else {
        return Ok(None);
    };
    // Validate with the shipped catalogue first, so errors carry positions.
    load_texts(&Texts {
        user: Some((&name, &text)),
        ..Texts::shipped()
    })?;
    toml::from_str(&text).map(Some).map_err(|e| {
        let (src, _) = super::span::Source::parse(&name, &text);
        CatalogErrors(vec![src.toml_error(&e)])
    })
}

/// Serialise `file`, check it loads over the shipped catalogue, and write it atomically.
pub fn write_user_catalog(path: &Path, file: &HostsFile) -> Result<(), ImportError> {
    let name = path.display().to_string();
    let body = toml::to_string_pretty(file).map_err(|e| {
        InputErrors(vec![InputError::new(
            &name,
            0,
            format!("écriture impossible : {e}"),
            format!("cannot serialise: {e}"),
        )])
    })?;
    let text = format!(
        "# Catalogue utilisateur écrit par `diagasso catalog import` : ses hébergeurs remplacent\n\
         # ceux du catalogue livré qui ont le même id. / User catalogue written by `diagasso\n\
         # catalog import`: its hosts override the shipped hosts with the same id.\n\n{body}"
    );
    load_texts(&Texts {
        user: Some((&name, &text)),
        ..Texts::shipped()
    })?;
    write_atomic(path, text.as_bytes()).map_err(|e| {
        let m = e.message();
        InputErrors(vec![InputError::new(
            &name,
            0,
            format!("{} ; rien n'a été modifié", m.fr),
            format!("{}; nothing was changed", m.en),
        )])
    })?;
    Ok(())
}

/// Write `bytes` to `path` so that a reader sees the old file or the new one, never a part
/// (`safe_file`: a temporary file in the same folder, flushed to disk, then renamed over
/// `path`). A missing folder is made 0700: it is the data folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), crate::safe_file::WriteFail> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::safe_file::private_dir(dir)
            .map_err(|e| crate::safe_file::WriteFail::Io(dir.to_path_buf(), e))?;
    }
    let opts = crate::safe_file::Options {
        replace: true,
        private: false,
    };
    crate::safe_file::write(path, bytes, opts)
}
