//! The path given to `--db`, taken as a plain path and named for what it is when it cannot lead
//! to a database file (issue 12, points 10 and 16): a loop of symbolic links, a file used as a
//! folder, a link to nothing, a device or a pipe each get their own message, in French and
//! English, instead of a disk error.

use std::io;
use std::path::{Path, PathBuf};

use crate::i18n::Message;

use super::StoreError;

/// Why a path cannot lead to a database file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathProblem {
    /// Symbolic links that lead back to themselves.
    LinkLoop,
    /// A component of the path is a file, not a folder.
    ThroughFile(PathBuf),
    /// A symbolic link to something that does not exist.
    Dangling(PathBuf),
    /// Not a regular file: (French, English) of what it is.
    Special(&'static str, &'static str),
}

impl PathProblem {
    pub(super) fn message(&self, path: &Path) -> Message {
        let p = path.display();
        match self {
            PathProblem::LinkLoop => Message::new(
                format!(
                    "{p} : boucle de liens symboliques (un lien mène, de lien en lien, à lui-même). Corrigez le lien, ou donnez le chemin du fichier lui-même avec --db ; rien n'a été créé."
                ),
                format!(
                    "{p}: a loop of symbolic links (a link leads, link after link, back to itself). Fix the link, or give the file's own path with --db; nothing was created."
                ),
            ),
            PathProblem::ThroughFile(file) => {
                let f = file.display();
                Message::new(
                    format!(
                        "{p} : {f} est un fichier, pas un dossier ; il ne peut rien contenir. Vérifiez le chemin donné à --db ; rien n'a été créé."
                    ),
                    format!(
                        "{p}: {f} is a file, not a folder, so it cannot hold anything. Check the path given to --db; nothing was created."
                    ),
                )
            }
            PathProblem::Dangling(target) => {
                let t = target.display();
                Message::new(
                    format!(
                        "{p} : lien symbolique vers {t}, qui n'existe pas. diagasso ne crée rien au bout d'un lien : donnez le chemin du fichier lui-même avec --db."
                    ),
                    format!(
                        "{p}: a symbolic link to {t}, which does not exist. diagasso creates nothing at the end of a link: give the file's own path with --db."
                    ),
                )
            }
            PathProblem::Special(fr, en) => Message::new(
                format!(
                    "{p} : ce n'est pas un fichier ordinaire mais {fr}. Donnez le chemin d'un fichier .db avec --db."
                ),
                format!(
                    "{p}: this is not a regular file but {en}. Give the path of a .db file with --db."
                ),
            ),
        }
    }
}

/// What a path that is not a regular file or a folder is, in words.
pub(super) fn special(meta: &std::fs::Metadata) -> Option<(&'static str, &'static str)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some(("un tube nommé (FIFO)", "a named pipe (FIFO)"));
        }
        if t.is_char_device() || t.is_block_device() {
            return Some(("un périphérique", "a device"));
        }
        if t.is_socket() {
            return Some(("une socket", "a socket"));
        }
    }
    (!meta.is_file() && !meta.is_dir()).then_some(("autre chose", "something else"))
}

/// The store error for a path whose `stat` failed with `e`, named for what the path is when
/// that can be told; `None` when it is an ordinary missing file (to be created).
pub(super) fn diagnose(path: &Path, e: &io::Error) -> Option<StoreError> {
    let bad = |problem| {
        Some(StoreError::BadPath {
            path: path.to_path_buf(),
            problem,
        })
    };
    #[cfg(unix)]
    match e.raw_os_error() {
        Some(libc::ELOOP) => return bad(PathProblem::LinkLoop),
        Some(libc::ENOTDIR) => {
            let file = path
                .ancestors()
                .skip(1)
                .find(|a| !a.as_os_str().is_empty() && a.is_file())
                .unwrap_or(path);
            return bad(PathProblem::ThroughFile(file.to_path_buf()));
        }
        _ => {}
    }
    if e.kind() == io::ErrorKind::NotFound
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    {
        let target = std::fs::read_link(path).unwrap_or_default();
        return bad(PathProblem::Dangling(target));
    }
    None
}

/// The name to hand SQLite for `path`: a relative path is given as `./path`, so that a name
/// such as `file:x.db` is the file of that name, never an SQLite URI (the bundled SQLite reads
/// URIs; `file:x.db?mode=memory` would open no file at all).
pub(super) fn for_sqlite(path: &Path) -> PathBuf {
    if path.is_relative() {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_never_uris() {
        assert_eq!(for_sqlite(Path::new("file:x.db")), Path::new("./file:x.db"));
        assert_eq!(
            for_sqlite(Path::new("/tmp/file:x.db")),
            Path::new("/tmp/file:x.db")
        );
    }
}
