//! Reading the paths a trainer names for `diagasso catalog import`: a file is read as given; a
//! folder stands for every `.properties` file in it and in its sub-folders (a USB key with one
//! folder per host), in name order. While walking a folder, hidden entries (a name starting with
//! `.`: `.git`, macOS `._organization.properties` copies on FAT keys) are skipped and symbolic
//! links to folders are not followed (no loop, no escape from the folder named). A file larger
//! than [`MAX_FILE_BYTES`] is refused: no ChatonsInfos file comes near it.

use std::path::{Path, PathBuf};

use super::properties::{InputError, InputErrors};

/// The largest input file read: the limit of every outside file read whole
/// ([`crate::bounded::MAX_FILE`], 32 MiB; real ChatonsInfos files are a few kilobytes).
pub const MAX_FILE_BYTES: u64 = crate::bounded::MAX_FILE;

/// How deep sub-folders are walked.
const MAX_DEPTH: usize = 16;

fn io_error(p: &Path, e: &std::io::Error) -> InputError {
    InputError::new(
        &p.display().to_string(),
        0,
        format!("lecture impossible ({e}) ; vérifiez le chemin et les droits"),
        format!("cannot read ({e}); check the path and permissions"),
    )
}

/// Read the given paths (see the module documentation). All problems are returned together.
pub fn read_paths(paths: &[PathBuf]) -> Result<Vec<(String, Vec<u8>)>, InputErrors> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, 0, &mut found, &mut errors);
            found.sort();
            if found.is_empty() {
                errors.push(InputError::new(
                    &path.display().to_string(),
                    0,
                    "aucun fichier .properties dans ce dossier ni dans ses sous-dossiers",
                    "no .properties file in this folder or its sub-folders",
                ));
            }
            for p in found {
                read_one(&p, &mut out, &mut errors);
            }
        } else {
            read_one(path, &mut out, &mut errors);
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(InputErrors(errors))
    }
}

fn walk(dir: &Path, depth: usize, found: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(io_error(dir, &e));
            return;
        }
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth < MAX_DEPTH {
                walk(&path, depth + 1, found, errors);
            }
        } else if path.extension().is_some_and(|x| x == "properties") && path.is_file() {
            found.push(path);
        }
    }
}

fn read_one(path: &Path, out: &mut Vec<(String, Vec<u8>)>, errors: &mut Vec<InputError>) {
    let shown = path.display().to_string();
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            errors.push(InputError::new(
                &shown,
                0,
                format!(
                    "fichier trop gros ({} octets, au plus {MAX_FILE_BYTES}) : ce n'est pas un fichier ChatonsInfos",
                    m.len()
                ),
                format!(
                    "file too large ({} bytes, at most {MAX_FILE_BYTES}): not a ChatonsInfos file",
                    m.len()
                ),
            ));
            return;
        }
        Ok(_) => {}
        Err(e) => {
            errors.push(io_error(path, &e));
            return;
        }
    }
    // Bounded as every outside file is read (`crate::bounded`): a file that grew since is
    // refused, not read whole.
    match crate::bounded::read(path, MAX_FILE_BYTES) {
        Ok(b) => out.push((shown, b)),
        Err(e) => errors.push(InputError::new(
            &shown,
            0,
            format!(
                "lecture impossible ({}) ; vérifiez le chemin et les droits",
                e.fr()
            ),
            format!("cannot read ({}); check the path and permissions", e.en()),
        )),
    }
}
