//! The user catalogue on disk: reading it as a hosts file, and writing it atomically (a
//! temporary file in the same folder, flushed with fsync, then renamed over the old one) after
//! checking that it loads over the shipped catalogue.

use std::io::Write;
use std::path::{Path, PathBuf};

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
        InputErrors(vec![InputError::new(
            &name,
            0,
            format!("écriture impossible ({e}) ; rien n'a été modifié"),
            format!("cannot write ({e}); nothing was changed"),
        )])
    })?;
    Ok(())
}

/// Write `bytes` to `path` so that a reader sees the old file or the new one, never a part:
/// a temporary file in the same folder, flushed to disk, then renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let base = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "catalog.toml".into());
    let mut attempt = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{base}.{}.{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 1000 => {
                attempt += 1
            }
            Err(e) => return Err(e),
        }
    };
    let result = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // Make the rename itself durable (not possible, nor needed, everywhere).
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
