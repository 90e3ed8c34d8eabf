//! Workshop and follow-up effects: list and create workshops, compute a workshop's dashboard
//! on the effective catalogue, write it as HTML and CSV (under a new name when one is taken:
//! nothing is ever replaced), start an audit inside a workshop and start a follow-up.

use std::path::PathBuf;
use std::sync::Arc;

use super::Executor;
use super::plan::{io_message, resolve_dir, write_file};
use crate::app::effect::{Event, WorkshopForm};
use crate::catalog::Catalog;
use crate::export::csv::CsvOptions;
use crate::export::escape::file_stem;
use crate::export::{Templates, dashboard};
use crate::i18n::{Lang, Message};
use crate::store::{NewWorkshop, Scope, StoreError, Workshop};
use crate::workshop::Facts;

/// A workshop, its facts and the effective catalogue they are read against.
type Read = (Workshop, Facts, Arc<Catalog>);

fn unknown_workshop() -> Event {
    Event::Failed(Message::new(
        "cet atelier n'existe plus",
        "this workshop no longer exists",
    ))
}

impl Executor<'_> {
    pub(super) fn create_workshop(&mut self, f: &WorkshopForm) -> Result<Event, StoreError> {
        let workshop_id = self.store.create_workshop(&NewWorkshop {
            name: &f.name,
            date: &f.date,
            place: &f.place,
            trainer: &f.trainer,
            questionnaire_id: &f.questionnaire_id,
        })?;
        Ok(Event::WorkshopCreated { workshop_id })
    }

    /// A workshop with its facts and the effective catalogue; the action reporting why not
    /// when the workshop is gone or the catalogue unreadable.
    fn workshop_facts(&mut self, workshop_id: &str) -> Result<Result<Read, Event>, StoreError> {
        let Some(w) = self.store.find_workshop(workshop_id)? else {
            return Ok(Err(unknown_workshop()));
        };
        let catalog = match self.catalog() {
            Ok(c) => c,
            Err(m) => return Ok(Err(Event::Failed(m))),
        };
        let facts = self.store.audit_facts(Scope::Workshop(&w.id))?;
        Ok(Ok((w, facts, catalog)))
    }

    pub(super) fn load_dashboard(&mut self, workshop_id: &str) -> Result<Event, StoreError> {
        Ok(match self.workshop_facts(workshop_id)? {
            Ok((w, facts, catalog)) => {
                let d = crate::workshop::dashboard(&facts, &catalog);
                let pools = crate::workshop::pools(&facts, &catalog);
                Event::DashboardLoaded(Box::new((w, d, pools)))
            }
            Err(action) => action,
        })
    }

    /// The dashboard as `atelier-DATE-NAME.html` and `.csv` in `dir`; a name already taken
    /// gets `-2`, `-3`… so that nothing is replaced.
    pub(super) fn export_dashboard(
        &mut self,
        workshop_id: &str,
        dir: &str,
    ) -> Result<Event, StoreError> {
        let (w, d) = match self.workshop_facts(workshop_id)? {
            Ok((w, facts, catalog)) => (w, crate::workshop::dashboard(&facts, &catalog)),
            Err(action) => return Ok(action),
        };
        let written = (|| -> Result<Vec<PathBuf>, Message> {
            let dir = resolve_dir(dir)?;
            std::fs::create_dir_all(&dir)
                .map_err(|e| io_message("création du dossier", "create folder", &dir, &e))?;
            let html = dashboard::html(&w, &d, self.lang, false, &Templates::embedded())
                .map_err(|e| e.0)?;
            // French spreadsheets (Excel) expect `;` and a byte-order mark to read accents.
            let french = self.lang == Lang::Fr;
            let opts = CsvOptions {
                semicolon: french,
                bom: french,
            };
            let csv = dashboard::csv(&w, &d, self.lang, false, opts).map_err(|e| e.0)?;
            let stem = format!("atelier-{}-{}", w.date, file_stem(&w.name, "atelier"));
            let mut paths = Vec::new();
            for (ext, bytes) in [("html", html.into_bytes()), ("csv", csv)] {
                let name = free_name(&dir, &stem, ext);
                paths.push(write_file(&dir, &name, &bytes, false)?);
            }
            Ok(paths)
        })();
        Ok(match written {
            Ok(paths) => Event::FilesWritten { paths },
            Err(m) => Event::Failed(m),
        })
    }

    /// A follow-up of `previous_audit_id` on the questionnaire of the same id as it was started
    /// with (the shipped version when there is one, else the stored copy).
    pub(super) fn start_followup(&mut self, previous_audit_id: &str) -> Result<Event, StoreError> {
        let previous = self.store.open_audit(previous_audit_id)?;
        let shipped = self
            .questionnaires
            .iter()
            .find(|q| q.id == previous.questionnaire.id)
            .cloned();
        let q = shipped.unwrap_or(previous.questionnaire);
        let audit_id = self
            .store
            .start_followup(previous_audit_id, &self.trainer, &q)?;
        Ok(Event::AuditStarted { audit_id })
    }
}

/// `stem.ext`, or `stem-2.ext`, `stem-3.ext`… the first name not taken in `dir`.
pub(super) fn free_name(dir: &std::path::Path, stem: &str, ext: &str) -> String {
    let taken = |name: &str| std::fs::symlink_metadata(dir.join(name)).is_ok();
    let first = format!("{stem}.{ext}");
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| format!("{stem}-{n}.{ext}"))
        .find(|name| !taken(name))
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_name_gets_the_next_number() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(free_name(dir.path(), "atelier", "csv"), "atelier.csv");
        std::fs::write(dir.path().join("atelier.csv"), "x").expect("write");
        std::fs::write(dir.path().join("atelier-2.csv"), "x").expect("write");
        assert_eq!(free_name(dir.path(), "atelier", "csv"), "atelier-3.csv");
        assert_eq!(free_name(dir.path(), "atelier", "html"), "atelier.html");
    }
}
