//! The plan and export effects: read the audit from the store, compute its plan on the
//! effective catalogue (shipped + the user's, loaded once and kept), and write export files.
//! A file that exists is never replaced unless the request says `overwrite` (the person said
//! yes in the confirmation); every file is rendered before any is written, so a failing format
//! writes nothing.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Executor;
use crate::app::effect::{Event, ExportRequest};
use crate::app::failure::{Failure, Io};
use crate::app::plan_data::PlanData;
use crate::catalog::Catalog;
use crate::export::{self, Input, Options, Templates};
use crate::i18n::{Lang, Message};
use crate::store::OpenAudit;

/// A folder that cannot be created.
pub(super) fn folder_failure(path: &Path, e: &std::io::Error) -> Message {
    Failure::Io {
        what: Io::CreateFolder,
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
    .into()
}

/// The folder typed in the dialog as a path: `~` is the home folder, a relative path starts
/// from the current folder.
pub fn resolve_dir(typed: &str) -> Result<PathBuf, Message> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(Failure::NoFolder.into());
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
    let cwd = std::env::current_dir().map_err(|e| Failure::CurrentFolder(e.to_string()))?;
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
        let catalog =
            crate::catalog::load_effective(user.as_deref()).map_err(|e| Failure::Catalogue {
                fr: e.message(Lang::Fr),
                en: e.message(Lang::En),
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
            return Err(Failure::NoFormat.into());
        }
        let dir = resolve_dir(&request.dir)?;
        let catalog = self.catalog()?;
        let l = self.load(&request.audit_id)?;
        let plan = crate::plan::plan(&l.questionnaire, &l.audit, &l.association, &catalog);
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
        let csv = export::csv::CsvOptions::for_lang(self.lang);
        for f in &request.formats {
            files.extend(export::files(*f, &input, &opts, &templates, &csv).map_err(|e| e.0)?);
        }
        if dir.exists() && !dir.is_dir() {
            return Err(Failure::NotAFolder(dir).into());
        }
        std::fs::create_dir_all(&dir).map_err(|e| folder_failure(&dir, &e))?;
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
            written.push(write_file(
                &dir,
                name,
                bytes,
                request.overwrite,
                !request.anonymise,
            )?);
        }
        Ok(Event::Exported {
            dir,
            paths: std::mem::take(written),
            warning: export::privacy::warning(&input, &opts),
        })
    }
}

/// Write `bytes` to `dir/name` (`safe_file`: a temporary beside it, then a rename, so a full
/// disk leaves nothing under the name); with `replace`, a file or link already there is
/// replaced (never followed), never a folder. Exports are private (0600) unless anonymised.
pub(super) fn write_file(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    replace: bool,
    private: bool,
) -> Result<PathBuf, Message> {
    let path = dir.join(name);
    let opts = crate::safe_file::Options { replace, private };
    crate::safe_file::write(&path, bytes, opts).map_err(|e| e.message())?;
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
        write_file(dir.path(), "a.md", b"one", false, true).expect("first write");
        assert!(write_file(dir.path(), "a.md", b"two", false, true).is_err());
        assert_eq!(
            std::fs::read(dir.path().join("a.md")).ok(),
            Some(b"one".to_vec())
        );
        write_file(dir.path(), "a.md", b"two", true, true).expect("replaced");
        assert_eq!(
            std::fs::read(dir.path().join("a.md")).ok(),
            Some(b"two".to_vec())
        );
    }
}
