//! The plan and export effects: read the audit from the store, compute its plan on the
//! effective catalogue (shipped + the user's, loaded once and kept), and write export files.
//! A file that exists is never replaced unless the request says `overwrite` (the person said
//! yes in the confirmation); every file is rendered before any is written, so a failing format
//! writes nothing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Executor;
use crate::app::effect::{Event, ExportRequest};
use crate::app::plan_data::PlanData;
use crate::catalog::Catalog;
use crate::export::{self, Input, Options, Templates};
use crate::i18n::{Lang, Message};
use crate::store::OpenAudit;

pub(super) fn io_message(what_fr: &str, what_en: &str, path: &Path, e: &std::io::Error) -> Message {
    Message::new(
        format!("{what_fr} {} impossible : {e}", path.display()),
        format!("cannot {what_en} {}: {e}", path.display()),
    )
}

/// The folder typed in the dialog as a path: `~` is the home folder, a relative path starts
/// from the current folder.
pub fn resolve_dir(typed: &str) -> Result<PathBuf, Message> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(Message::new("indiquez un dossier", "give a folder"));
    }
    let home = || {
        ["HOME", "USERPROFILE"]
            .iter()
            .find_map(|v| std::env::var_os(v).filter(|s| !s.is_empty()))
            .map(PathBuf::from)
    };
    let path = match typed.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => match home() {
            Some(h) => h.join(rest.trim_start_matches('/')),
            None => PathBuf::from(typed),
        },
        _ => PathBuf::from(typed),
    };
    if path.is_absolute() {
        return Ok(path);
    }
    let cwd = std::env::current_dir().map_err(|e| {
        Message::new(
            format!("dossier courant illisible : {e}"),
            format!("cannot read the current folder: {e}"),
        )
    })?;
    Ok(cwd.join(path))
}

impl Executor<'_> {
    /// The effective catalogue, loaded on first use; a broken user catalogue is reported (and
    /// tried again next time, once fixed).
    pub(super) fn catalog(&mut self) -> Result<Arc<Catalog>, Message> {
        if let Some(c) = &self.catalog {
            return Ok(Arc::clone(c));
        }
        let user = crate::app::paths::user_catalog_path();
        let catalog = crate::catalog::load_effective(user.as_deref()).map_err(|e| {
            Message::new(
                format!("catalogue illisible : {}", e.message(Lang::Fr)),
                format!("unreadable catalogue: {}", e.message(Lang::En)),
            )
        })?;
        let catalog = Arc::new(catalog);
        self.catalog = Some(Arc::clone(&catalog));
        Ok(catalog)
    }

    /// The audit with its association and questionnaire (`Store::open_audit`).
    pub(super) fn load(&mut self, audit_id: &str) -> Result<OpenAudit, Message> {
        self.store.open_audit(audit_id).map_err(|e| e.message())
    }

    /// `Effect::OpenPlan`.
    pub(super) fn open_plan(&mut self, audit_id: &str) -> Event {
        let go = |exec: &mut Self| -> Result<Event, Message> {
            let catalog = exec.catalog()?;
            let l = exec.load(audit_id)?;
            let data = PlanData::build(
                audit_id,
                &l.association.name,
                Arc::clone(&l.questionnaire),
                &l.audit,
                &l.association,
                &catalog,
            );
            Ok(Event::PlanOpened(Arc::new(data)))
        };
        go(self).unwrap_or_else(Event::Failed)
    }

    /// `Effect::Export`.
    pub(super) fn export(&mut self, request: ExportRequest) -> Event {
        let mut written = Vec::new();
        match self.try_export(request, &mut written) {
            Ok(action) => action,
            Err(message) => Event::ExportFailed { message, written },
        }
    }

    fn try_export(
        &mut self,
        request: ExportRequest,
        written: &mut Vec<PathBuf>,
    ) -> Result<Event, Message> {
        if request.formats.is_empty() {
            return Err(Message::new(
                "cochez au moins un format",
                "tick at least one format",
            ));
        }
        let dir = resolve_dir(&request.dir)?;
        let catalog = self.catalog()?;
        let l = self.load(&request.audit_id)?;
        let plan = crate::plan::plan(&l.questionnaire, &l.audit, &l.association, &catalog);
        let plan = serde_json::to_value(&plan).map_err(|e| {
            Message::new(
                format!("plan impossible à sérialiser : {e}"),
                format!("cannot serialise the plan: {e}"),
            )
        })?;
        let input = Input {
            questionnaire: &l.questionnaire,
            audit: &l.audit,
            association: &l.association,
            plan: &plan,
        };
        let opts = Options {
            lang: self.lang,
            anonymise: request.anonymise,
            with_notes: request.with_notes,
            keep_name: false,
        };
        let templates = Templates::embedded();
        let mut files = Vec::new();
        for f in &request.formats {
            let bytes = export::render(*f, &input, &opts, &templates).map_err(|e| e.0)?;
            files.push((export::file_name(*f, &input, &opts), bytes));
        }
        if dir.exists() && !dir.is_dir() {
            return Err(Message::new(
                format!("{} n'est pas un dossier", dir.display()),
                format!("{} is not a folder", dir.display()),
            ));
        }
        std::fs::create_dir_all(&dir)
            .map_err(|e| io_message("création du dossier", "create folder", &dir, &e))?;
        let dir = dir.canonicalize().unwrap_or(dir);
        let existing: Vec<String> = files
            .iter()
            .filter(|(name, _)| std::fs::symlink_metadata(dir.join(name)).is_ok())
            .map(|(name, _)| name.clone())
            .collect();
        if !existing.is_empty() && !request.overwrite {
            return Ok(Event::ExportExists {
                request,
                dir,
                existing,
            });
        }
        for (name, bytes) in &files {
            written.push(write_file(&dir, name, bytes, request.overwrite)?);
        }
        Ok(Event::Exported {
            dir,
            paths: std::mem::take(written),
        })
    }
}

/// Write `bytes` to `dir/name`. The file is created with `create_new`, so nothing planted there
/// (a file, a symlink) is ever followed or replaced; with `replace`, a file or link already
/// there is removed first (never a folder).
pub(super) fn write_file(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    replace: bool,
) -> Result<PathBuf, Message> {
    let path = dir.join(name);
    if replace && let Ok(meta) = std::fs::symlink_metadata(&path) {
        if meta.is_dir() {
            return Err(Message::new(
                format!("{} est un dossier", path.display()),
                format!("{} is a folder", path.display()),
            ));
        }
        std::fs::remove_file(&path)
            .map_err(|e| io_message("remplacement de", "replace", &path, &e))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Message::new(
                    format!("{} existe déjà ; rien n'a été remplacé", path.display()),
                    format!("{} already exists; nothing was replaced", path.display()),
                )
            } else {
                io_message("écriture de", "write", &path, &e)
            }
        })?;
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .map_err(|e| io_message("écriture de", "write", &path, &e))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_resolve_from_home_and_the_current_folder() {
        assert!(resolve_dir("  ").is_err());
        assert_eq!(
            resolve_dir("/tmp/exports").ok(),
            Some(PathBuf::from("/tmp/exports"))
        );
        let rel = resolve_dir("exports").expect("relative");
        assert!(rel.is_absolute() && rel.ends_with("exports"));
        if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            assert_eq!(
                resolve_dir("~/Documents").ok(),
                Some(PathBuf::from(home).join("Documents"))
            );
        }
    }

    #[test]
    fn a_file_is_replaced_only_when_asked() {
        let dir = tempfile::tempdir().expect("temp dir");
        write_file(dir.path(), "a.md", b"one", false).expect("first write");
        assert!(write_file(dir.path(), "a.md", b"two", false).is_err());
        assert_eq!(
            std::fs::read(dir.path().join("a.md")).ok(),
            Some(b"one".to_vec())
        );
        write_file(dir.path(), "a.md", b"two", true).expect("replaced");
        assert_eq!(
            std::fs::read(dir.path().join("a.md")).ok(),
            Some(b"two".to_vec())
        );
    }
}
