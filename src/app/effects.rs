//! Carrying effects out against the store: the only part of the TUI and of the line mode that
//! calls `Store`. Each effect gives back the events that report its result; times from the
//! store (UTC) are shown in local time here, where reading the clock and the time zone is
//! allowed. The plan and the export files are in `effects/plan.rs`.

mod compare;
mod plan;
mod workshop;

use std::sync::Arc;

use chrono::{DateTime, Local};

use super::demo;
use super::effect::{Effect, Event, HomeRow, OpenedAudit, PreviousAudit, QuestionnaireChoice};
use crate::catalog::Catalog;
use crate::i18n::{Lang, Message};
use crate::questionnaire::{Questionnaire, shipped};
use crate::store::{AuditSummary, Store, StoreError};
use crate::walk;

/// The store and what the effects need besides it.
pub struct Executor<'a> {
    pub store: &'a mut Store,
    pub lang: Lang,
    /// Recorded with each new audit.
    pub trainer: String,
    pub questionnaires: Vec<Arc<Questionnaire>>,
    /// The effective catalogue (shipped + the user's), loaded by the first plan; tests may set
    /// it.
    pub catalog: Option<Arc<Catalog>>,
}

/// "14:03:12" in local time, from an RFC 3339 time.
pub fn clock_time(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.with_timezone(&Local).format("%H:%M:%S").to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}

/// When something last changed, in local time and few columns: "03/11 14:03" this year,
/// "03/11/2025" before.
pub fn stamp(rfc3339: &str, lang: Lang) -> String {
    use chrono::Datelike;
    let Ok(t) = DateTime::parse_from_rfc3339(rfc3339) else {
        return rfc3339.to_string();
    };
    let t = t.with_timezone(&Local);
    let this_year = t.year() == Local::now().year();
    let format = match (lang, this_year) {
        (Lang::Fr, true) => "%d/%m %H:%M",
        (Lang::Fr, false) => "%d/%m/%Y",
        (Lang::En, true) => "%m-%d %H:%M",
        (Lang::En, false) => "%Y-%m-%d",
    };
    t.format(format).to_string()
}

/// A day in local time: "12/03/2025" in French, "2025-03-12" in English.
pub fn day(rfc3339: &str, lang: Lang) -> String {
    let Ok(t) = DateTime::parse_from_rfc3339(rfc3339) else {
        return rfc3339.to_string();
    };
    let format = match lang {
        Lang::Fr => "%d/%m/%Y",
        Lang::En => "%Y-%m-%d",
    };
    t.with_timezone(&Local).format(format).to_string()
}

/// The shipped questionnaires, for the choice of a new audit. A shipped file that fails to load
/// is a bug caught by the tests; it is left out here rather than stopping the interface.
pub fn shipped_questionnaires() -> Vec<Arc<Questionnaire>> {
    shipped::FILES
        .iter()
        .filter_map(|(name, src)| crate::questionnaire::load_str(name, src).ok())
        .map(Arc::new)
        .collect()
}

pub fn choices(qs: &[Arc<Questionnaire>], lang: Lang) -> Vec<QuestionnaireChoice> {
    qs.iter()
        .map(|q| QuestionnaireChoice {
            id: q.id.clone(),
            title: q.title.get(lang).to_string(),
            questions: q.question_count(),
        })
        .collect()
}

fn failed(e: StoreError) -> Event {
    Event::Failed(e.message())
}

impl<'a> Executor<'a> {
    pub fn new(
        store: &'a mut Store,
        lang: Lang,
        trainer: String,
        questionnaires: Vec<Arc<Questionnaire>>,
    ) -> Executor<'a> {
        Executor {
            store,
            lang,
            trainer,
            questionnaires,
            catalog: None,
        }
    }

    fn title_of(&self, id: &str) -> String {
        self.questionnaires
            .iter()
            .find(|q| q.id == id)
            .map_or_else(|| id.to_string(), |q| q.title.get(self.lang).to_string())
    }

    /// Progress as the walk counts it (shown questions only), so the list and the walk never
    /// disagree; the store's raw counts when the audit cannot be read.
    fn progress(&mut self, s: &AuditSummary) -> (usize, usize) {
        let mut read = || -> Result<(usize, usize), StoreError> {
            let Some(audit) = self.store.audit(&s.id)? else {
                return Ok((s.answered, s.total));
            };
            let q = self.store.questionnaire(&s.id)?;
            let answers = audit.answer_map();
            let p = walk::Progress::count(
                &q.questions().map(|(_, q)| q.id.clone()).collect::<Vec<_>>(),
                &q.visible(&answers),
                &answers,
                0..q.question_count(),
            );
            Ok((p.answered, p.total))
        };
        read().unwrap_or((s.answered, s.total))
    }

    fn row(&mut self, s: AuditSummary) -> HomeRow {
        let (answered, total) = self.progress(&s);
        HomeRow {
            questionnaire: self.title_of(&s.questionnaire_id),
            updated: stamp(&s.updated_at, self.lang),
            audit_id: s.id,
            association_id: s.association_id,
            association_name: s.association_name,
            answered,
            total,
            status: s.status,
        }
    }

    /// Carry out one effect; return the events reporting its result.
    pub fn execute(&mut self, effect: Effect) -> Vec<Event> {
        match self.try_execute(effect) {
            Ok(actions) => actions,
            Err(e) => vec![failed(e)],
        }
    }

    fn try_execute(&mut self, effect: Effect) -> Result<Vec<Event>, StoreError> {
        let action = match effect {
            Effect::LoadHome {
                filter,
                offset,
                limit,
            } => {
                let summaries = self.store.list_audits(&filter, offset, limit)?;
                let total = self.store.count_audits(&filter)?;
                let all = if filter.trim().is_empty() {
                    total
                } else {
                    self.store.count_audits("")?
                };
                let rows = summaries.into_iter().map(|s| self.row(s)).collect();
                Event::HomeLoaded {
                    rows,
                    offset,
                    total,
                    all,
                }
            }
            Effect::LoadAssociation { id } => match self.store.association(&id)? {
                Some(a) => Event::AssociationLoaded(a),
                None => Event::Failed(Message::new(
                    "cette association n'existe plus",
                    "this association no longer exists",
                )),
            },
            Effect::SaveAssociation(mut association) => {
                if association.id.is_empty() {
                    association.id = self.store.create_association(&association)?;
                } else {
                    self.store.update_association(&association)?;
                }
                let at = Local::now().format("%H:%M:%S").to_string();
                Event::AssociationSaved { association, at }
            }
            Effect::StartAudit {
                association_id,
                questionnaire_id,
                workshop_id,
            } => {
                let Some(q) = self
                    .questionnaires
                    .iter()
                    .find(|q| q.id == questionnaire_id)
                    .cloned()
                else {
                    return Ok(vec![Event::Failed(Message::new(
                        format!("questionnaire inconnu : {questionnaire_id}"),
                        format!("unknown questionnaire: {questionnaire_id}"),
                    ))]);
                };
                let audit_id = match workshop_id {
                    Some(w) => self.store.start_audit_in_workshop(
                        &w,
                        &association_id,
                        &self.trainer,
                        &q,
                    )?,
                    None => self.store.start_audit(&association_id, &self.trainer, &q)?,
                };
                Event::AuditStarted { audit_id }
            }
            Effect::StartFollowup { previous_audit_id } => {
                self.start_followup(&previous_audit_id)?
            }
            Effect::LoadWorkshops => Event::WorkshopsLoaded(self.store.workshops()?),
            Effect::CreateWorkshop(form) => self.create_workshop(&form)?,
            Effect::LoadDashboard { workshop_id } => self.load_dashboard(&workshop_id)?,
            Effect::ExportDashboard { workshop_id, dir } => {
                self.export_dashboard(&workshop_id, &dir)?
            }
            Effect::OpenComparison { audit_id } => self.open_comparison(&audit_id),
            Effect::ExportComparison { audit_id, dir } => self.export_comparison(&audit_id, &dir),
            Effect::OpenAudit { audit_id } => return self.open(&audit_id),
            Effect::Walk { audit_id, effect } => match effect {
                walk::Effect::Save {
                    question_id,
                    answer,
                } => match self
                    .store
                    .save_answer(&audit_id, &question_id, answer.as_ref())
                {
                    Ok(at) => Event::AnswerSaved {
                        question_id,
                        at: clock_time(&at),
                    },
                    Err(e) => Event::AnswerFailed {
                        question_id,
                        message: e.message(),
                    },
                },
                walk::Effect::Cursor { question_id } => {
                    self.store.set_cursor(&audit_id, &question_id)?;
                    return Ok(Vec::new());
                }
                walk::Effect::ReachedEnd => return Ok(Vec::new()),
            },
            Effect::SaveNote {
                audit_id,
                question_id,
                text,
            } => {
                let at = self
                    .store
                    .save_note(&audit_id, question_id.as_deref(), &text)?;
                Event::NoteSaved {
                    question_id,
                    at: clock_time(&at),
                }
            }
            Effect::SetStatus { audit_id, status } => {
                self.store.set_status(&audit_id, status)?;
                Event::StatusSaved(status)
            }
            Effect::DeleteAudit { audit_id } => {
                self.store.delete_audit(&audit_id)?;
                Event::AuditDeleted
            }
            Effect::CreateDemo => {
                let audit_id = demo::create(self.store)?;
                Event::DemoCreated { audit_id }
            }
            Effect::OpenPlan { audit_id } => self.open_plan(&audit_id),
            Effect::Export(request) => self.export(request),
            Effect::Quit => return Ok(Vec::new()),
        };
        Ok(vec![action])
    }

    fn open(&mut self, audit_id: &str) -> Result<Vec<Event>, StoreError> {
        let open = self.store.open_audit(audit_id)?;
        let cursor = self.store.cursor(audit_id)?;
        let previous = match self.store.previous_audit_id(audit_id)? {
            Some(id) => self.store.audit(&id)?.map(|p| PreviousAudit {
                date: day(&p.started_at, self.lang),
                answers: p.answer_map(),
                audit_id: id,
            }),
            None => None,
        };
        Ok(vec![Event::AuditOpened(Box::new(OpenedAudit {
            open,
            cursor,
            previous,
        }))])
    }
}
