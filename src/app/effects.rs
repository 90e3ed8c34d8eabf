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
use super::effect::{
    Effect, Event, HomeRow, OpenedAudit, OrphanRow, PreviousAudit, QuestionnaireChoice,
};
use crate::catalog::Catalog;
use crate::i18n::ui::Ui;
use crate::i18n::{Lang, Message};
use crate::questionnaire::{Questionnaire, shipped};
use crate::store::{AuditSummary, Current, Store, StoreError};
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

/// What to say when another window changed a value: « modifié dans une autre fenêtre à 14:03
/// — réponse mise à jour », in local time.
fn changed_message(at: &str, what: Ui) -> Message {
    let hm = DateTime::parse_from_rfc3339(at)
        .map(|t| t.with_timezone(&Local).format("%H:%M").to_string())
        .unwrap_or_else(|_| "?".into());
    Message::new(what.fill(Lang::Fr, &[&hm]), what.fill(Lang::En, &[&hm]))
}

/// The current value and the message, when `saved` was refused as changed elsewhere.
fn changed<T>(saved: &Result<T, StoreError>, _lang: Lang, what: Ui) -> Option<(Current, Message)> {
    match saved {
        Err(StoreError::ChangedElsewhere(c)) => {
            Some((c.current.clone(), changed_message(&c.at, what)))
        }
        _ => None,
    }
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

    /// Progress counted one way everywhere (`walk::Overview`: sections done of sections,
    /// questions answered of questions shown); the store's raw counts when the audit cannot be
    /// read.
    fn progress(&mut self, s: &AuditSummary) -> walk::Overview {
        let mut read = || -> Result<Option<walk::Overview>, StoreError> {
            let Some(audit) = self.store.audit(&s.id)? else {
                return Ok(None);
            };
            let q = self.store.questionnaire(&s.id)?;
            Ok(Some(walk::Overview::of(&q, &audit.answer_map())))
        };
        read().ok().flatten().unwrap_or(walk::Overview {
            sections_done: 0,
            sections_total: 0,
            answered: s.answered,
            shown: s.total,
        })
    }

    fn row(&mut self, s: AuditSummary) -> HomeRow {
        let p = self.progress(&s);
        // A follow-up says so, with the day the audit it follows was started.
        let followup_of = self
            .store
            .previous_audit_id(&s.id)
            .ok()
            .flatten()
            .and_then(|prev| self.store.audit_started(&prev).ok().flatten())
            .map(|started| day(&started, self.lang));
        HomeRow {
            questionnaire: self.title_of(&s.questionnaire_id),
            updated: stamp(&s.updated_at, self.lang),
            audit_id: s.id,
            association_id: s.association_id,
            association_name: s.association_name,
            answered: p.answered,
            total: p.shown,
            sections_done: p.sections_done,
            sections_total: p.sections_total,
            status: s.status,
            followup_of,
        }
    }

    /// Associations without an audit whose name matches `filter` (folded, as the store
    /// matches audits).
    fn orphans(&self, filter: &str) -> Result<Vec<OrphanRow>, StoreError> {
        let wanted = crate::audit::codec::fold(filter.trim());
        Ok(self
            .store
            .associations_without_audits()?
            .into_iter()
            .filter(|o| crate::audit::codec::fold(&o.association.name).contains(&wanted))
            .map(|o| OrphanRow {
                updated: stamp(&o.updated_at, self.lang),
                association_id: o.association.id,
                name: o.association.name,
            })
            .collect())
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
                    orphans: self.orphans(&filter)?,
                }
            }
            Effect::LoadAssociation { id } => match self.store.association(&id)? {
                Some(a) => Event::AssociationLoaded(a),
                None => Event::Failed(Message::new(
                    "cette association n'existe plus",
                    "this association no longer exists",
                )),
            },
            Effect::SaveAssociation(mut association, seen) => {
                if association.id.is_empty() {
                    association.id = self.store.create_association(&association)?;
                } else {
                    let saved = match &seen {
                        Some(seen) => self.store.update_association_over(seen, &association),
                        None => self.store.update_association(&association),
                    };
                    if let Some((Current::Association(current), message)) =
                        changed(&saved, self.lang, Ui::ChangedProfile)
                    {
                        return Ok(vec![Event::AssociationChanged {
                            current: *current,
                            message,
                        }]);
                    }
                    saved?;
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
                    seen,
                } => match self.store.save_answer_over(
                    &audit_id,
                    &question_id,
                    seen.as_ref(),
                    answer.as_ref(),
                ) {
                    Ok(at) => Event::AnswerSaved {
                        question_id,
                        at: clock_time(&at),
                    },
                    Err(StoreError::ChangedElsewhere(c)) => {
                        let message = changed_message(&c.at, Ui::ChangedAnswer);
                        let Current::Answer(current) = c.current else {
                            return Ok(Vec::new());
                        };
                        Event::AnswerChanged {
                            question_id,
                            current,
                            message,
                        }
                    }
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
            Effect::Undo { audit_id } => match self.store.trail(&audit_id)?.pop() {
                Some(last) => Event::UndoFound {
                    question_id: last.question_id,
                    old: last.old,
                },
                None => Event::NothingToUndo,
            },
            Effect::SaveNote {
                audit_id,
                question_id,
                text,
                seen,
            } => {
                let saved =
                    self.store
                        .save_note_over(&audit_id, question_id.as_deref(), &seen, &text);
                if let Some((Current::Note(current), message)) =
                    changed(&saved, self.lang, Ui::ChangedNote)
                {
                    return Ok(vec![Event::NoteChanged {
                        question_id,
                        current,
                        message,
                    }]);
                }
                let at = saved?;
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
                let association = self
                    .store
                    .audit(&audit_id)?
                    .map(|a| a.association_id)
                    .and_then(|id| self.store.association(&id).ok().flatten());
                self.store.delete_audit(&audit_id)?;
                let last_of = match association {
                    Some(a) if self.store.count_audits_of(&a.id)? == 0 => Some((a.id, a.name)),
                    _ => None,
                };
                Event::AuditDeleted { last_of }
            }
            Effect::EraseAssociation { association_id } => {
                let report = self.store.erase_association(&association_id)?;
                Event::AssociationErased {
                    name: report.association_name,
                    scrubbed: report.scrubbed,
                }
            }
            Effect::SetLanguage(lang) => {
                self.lang = lang;
                Event::LanguageSet {
                    questionnaires: choices(&self.questionnaires, lang),
                }
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
