//! The comparison of a follow-up with the audit it follows: both read from the store, both
//! plans computed on the effective catalogue (`crate::compare`), and written as Markdown and
//! HTML (a name already taken gets `-2`, `-3`…: nothing is replaced).

use std::path::PathBuf;

use super::Executor;
use super::day;
use super::plan::{io_message, resolve_dir, write_file};
use super::workshop::free_name;
use crate::app::effect::{ComparisonView, Event};
use crate::compare::{Comparison, Side, compare};
use crate::export::Templates;
use crate::export::compare as render;
use crate::export::escape::file_stem;
use crate::i18n::Message;
use crate::store::OpenAudit;

fn side(l: &OpenAudit) -> Side<'_> {
    Side {
        questionnaire: &l.questionnaire,
        audit: &l.audit,
        association: &l.association,
    }
}

impl Executor<'_> {
    fn comparison(&mut self, audit_id: &str) -> Result<ComparisonView, Message> {
        let previous = self
            .store
            .previous_audit_id(audit_id)
            .map_err(|e| e.message())?
            .ok_or_else(|| {
                Message::new(
                    "ce diagnostic n'est pas un suivi : commencez-en un avec n sur le diagnostic précédent",
                    "this audit is not a follow-up: start one with n on the earlier audit",
                )
            })?;
        let missing = || {
            Message::new(
                "le diagnostic précédent n'est pas dans cette base (importez le paquet qui le contient)",
                "the earlier audit is not in this database (import the bundle that holds it)",
            )
        };
        let before = match self.store.open_audit(&previous) {
            Err(crate::store::StoreError::UnknownAudit(_)) => return Err(missing()),
            other => other.map_err(|e| e.message())?,
        };
        let catalog = self.catalog()?;
        let after = self.load(audit_id)?;
        let comparison: Comparison = compare(side(&before), side(&after), &catalog);
        let q = &after.questionnaire;
        let answers = after.audit.answer_map();
        let ids: Vec<String> = q.questions().map(|(_, q)| q.id.clone()).collect();
        let p = crate::walk::Progress::count(&ids, &q.visible(&answers), &answers, 0..ids.len());
        Ok(ComparisonView {
            progress: (p.answered, p.total),
            audit_id: audit_id.to_string(),
            association_name: after.association.name.clone(),
            before_date: day(&comparison.before_started, self.lang),
            after_date: day(&comparison.after_started, self.lang),
            comparison,
        })
    }

    /// `Effect::OpenComparison`.
    pub(super) fn open_comparison(&mut self, audit_id: &str) -> Event {
        match self.comparison(audit_id) {
            Ok(view) => Event::ComparisonOpened(Box::new(view)),
            Err(m) => Event::Failed(m),
        }
    }

    /// `Effect::ExportComparison`: `suivi-NAME-DATE.md` and `.html` in `dir`.
    pub(super) fn export_comparison(&mut self, audit_id: &str, dir: &str) -> Event {
        let go = |exec: &mut Self| -> Result<Vec<PathBuf>, Message> {
            let view = exec.comparison(audit_id)?;
            let dir = resolve_dir(dir)?;
            std::fs::create_dir_all(&dir)
                .map_err(|e| io_message("création du dossier", "create folder", &dir, &e))?;
            let (c, name, lang) = (&view.comparison, &view.association_name, exec.lang);
            let templates = Templates::embedded();
            let md = render::markdown(c, name, lang, &templates).map_err(|e| e.0)?;
            let html = render::html(c, name, lang, &templates).map_err(|e| e.0)?;
            let stem = format!(
                "suivi-{}-{}",
                file_stem(name, "association"),
                c.after_started.get(..10).unwrap_or_default()
            );
            let mut paths = Vec::new();
            for (ext, body) in [("md", md), ("html", html)] {
                let file = free_name(&dir, &stem, ext);
                paths.push(write_file(&dir, &file, body.as_bytes(), false)?);
            }
            Ok(paths)
        };
        match go(self) {
            Ok(paths) => Event::FilesWritten { paths },
            Err(m) => Event::Failed(m),
        }
    }
}
