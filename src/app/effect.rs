//! What the front ends and the executor exchange: `Effect`s (plain data a front end asks to
//! have carried out against the store) and `Event`s (what came of them). The TUI's `update` and
//! the line mode produce effects and never touch the store, the clock or the terminal
//! themselves; `effects::Executor` carries them out.

use std::path::PathBuf;
use std::sync::Arc;

use super::plan_data::PlanData;
use crate::audit::{Answer, Association, AuditStatus};
use crate::compare::Comparison;
use crate::export::Format;
use crate::i18n::{Lang, Message};
use crate::store::OpenAudit;
use crate::walk;
pub use crate::walk::previous::PreviousAudit;
use crate::workshop::Workshop;
use crate::workshop::{Dashboard, Pools};

/// One row of the home list, ready to show (times already in local time).
#[derive(Debug, Clone, PartialEq)]
pub struct HomeRow {
    pub audit_id: String,
    pub association_id: String,
    pub association_name: String,
    pub questionnaire: String,
    /// Questions answered, of questions shown (the detail of the progress).
    pub answered: usize,
    pub total: usize,
    /// Sections done, of sections (the headline of the progress).
    pub sections_done: usize,
    pub sections_total: usize,
    pub status: AuditStatus,
    pub updated: String,
    /// On a follow-up: the day the audit it follows was started (local date).
    pub followup_of: Option<String>,
}

/// An association without an audit, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrphanRow {
    pub association_id: String,
    pub name: String,
    /// When its profile last changed, in local time.
    pub updated: String,
}

/// A questionnaire one can start an audit with.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionnaireChoice {
    pub id: String,
    pub title: String,
    pub questions: usize,
}

/// An audit read from the store, ready for the walk: the audit with its association and
/// questionnaire, where the walk resumes, and the audit it follows.
#[derive(Debug, Clone)]
pub struct OpenedAudit {
    pub open: OpenAudit,
    pub cursor: Option<String>,
    /// The audit this one follows, when it is a follow-up and that audit is in this database.
    pub previous: Option<PreviousAudit>,
}

/// A follow-up and the audit it follows, compared, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonView {
    /// The follow-up.
    pub audit_id: String,
    pub association_name: String,
    /// When each audit was started, as local dates.
    pub before_date: String,
    pub after_date: String,
    /// The follow-up's progress (answered, shown questions): a comparison of a follow-up
    /// still under way says so.
    pub progress: (usize, usize),
    pub comparison: Comparison,
}

/// A workshop to create, as typed in its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopForm {
    pub name: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub place: String,
    pub trainer: String,
    pub questionnaire_id: String,
}

/// An export asked for in the dialog: which audit, which formats, how, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub audit_id: String,
    pub formats: Vec<Format>,
    pub anonymise: bool,
    /// Keep free-text notes when anonymising.
    pub with_notes: bool,
    /// The folder as typed: `~/…` is in the home folder, a relative path in the current one.
    pub dir: String,
    /// Replace files that already exist: only after the person said yes.
    pub overwrite: bool,
}

/// What came of an effect.
#[derive(Debug, Clone)]
pub enum Event {
    HomeLoaded {
        rows: Vec<HomeRow>,
        offset: usize,
        total: usize,
        /// All audits, ignoring the filter: zero means first run.
        all: usize,
        /// Associations without an audit (matching the filter).
        orphans: Vec<OrphanRow>,
    },
    AssociationLoaded(Association),
    AssociationSaved {
        association: Association,
        at: String,
    },
    AuditStarted {
        audit_id: String,
    },
    AuditOpened(Box<OpenedAudit>),
    AnswerSaved {
        question_id: String,
        at: String,
    },
    AnswerFailed {
        question_id: String,
        message: Message,
    },
    /// The audit's last answer change, from the trail: its question and the answer it had
    /// before (`None`: no answer).
    UndoFound {
        question_id: String,
        old: Option<crate::audit::Answer>,
    },
    /// The trail holds no change of this audit.
    NothingToUndo,
    /// Another window changed this answer meanwhile: nothing written, `current` is stored.
    AnswerChanged {
        question_id: String,
        current: Option<Answer>,
        message: Message,
    },
    /// Another window changed this note meanwhile: nothing written, `current` is stored.
    NoteChanged {
        question_id: Option<String>,
        current: String,
        message: Message,
    },
    /// Another window changed this profile meanwhile: nothing written, `current` is stored.
    AssociationChanged {
        current: Association,
        message: Message,
    },
    NoteSaved {
        question_id: Option<String>,
        at: String,
    },
    StatusSaved(AuditStatus),
    /// An audit deleted; `last_of`: it was the last of this association (id, name), whose
    /// profile stays until erased.
    AuditDeleted {
        last_of: Option<(String, String)>,
    },
    /// An association erased with everything about it; `scrubbed`: no byte of it is left in
    /// the file (false while another program holds the file open).
    AssociationErased {
        name: String,
        scrubbed: bool,
    },
    DemoCreated {
        audit_id: String,
    },
    /// The plan of an audit, computed on the effective catalogue.
    PlanOpened(Arc<PlanData>),
    /// Some files of an export are already there: nothing was written.
    ExportExists {
        request: ExportRequest,
        dir: PathBuf,
        /// Their names.
        existing: Vec<String>,
    },
    Exported {
        dir: PathBuf,
        paths: Vec<PathBuf>,
    },
    ExportFailed {
        message: Message,
        /// Files written before the failure.
        written: Vec<PathBuf>,
    },
    /// The workshops, the latest first.
    WorkshopsLoaded(Vec<Workshop>),
    WorkshopCreated {
        workshop_id: String,
    },
    /// A workshop's dashboard and pooled needs, computed on the effective catalogue.
    DashboardLoaded(Box<(Workshop, Dashboard, Pools)>),
    /// Files written without a dialog (the dashboard, a comparison).
    FilesWritten {
        paths: Vec<PathBuf>,
    },
    /// A follow-up compared with the audit it follows.
    ComparisonOpened(Box<ComparisonView>),
    /// The language changed: the questionnaires' titles in it.
    LanguageSet {
        questionnaires: Vec<QuestionnaireChoice>,
    },
    /// An effect failed: shown on the message line.
    Failed(Message),
}

// Effects are made and carried out a few at a time, never kept in bulk: their size does not
// matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadHome {
        filter: String,
        offset: usize,
        limit: usize,
    },
    LoadAssociation {
        id: String,
    },
    /// Create (empty id) or update over the profile as the form last read it (`None` when
    /// creating): never over another window's change.
    SaveAssociation(Association, Option<Association>),
    /// Start an audit; inside a workshop when `workshop_id` is given (one transaction).
    StartAudit {
        association_id: String,
        questionnaire_id: String,
        workshop_id: Option<String>,
    },
    /// Start a follow-up of an audit, on the same questionnaire: no answer is copied.
    StartFollowup {
        previous_audit_id: String,
    },
    LoadWorkshops,
    CreateWorkshop(WorkshopForm),
    LoadDashboard {
        workshop_id: String,
    },
    /// Compare a follow-up with the audit it follows.
    OpenComparison {
        audit_id: String,
    },
    /// Write that comparison as Markdown and HTML in `dir` (never over an existing file).
    ExportComparison {
        audit_id: String,
        dir: String,
    },
    /// Write the dashboard as HTML and CSV in `dir` (never over an existing file).
    ExportDashboard {
        workshop_id: String,
        dir: String,
    },
    OpenAudit {
        audit_id: String,
    },
    /// An effect of the walk on the open audit.
    Walk {
        audit_id: String,
        effect: walk::Effect,
    },
    /// Find the audit's last answer change in the trail (`Event::UndoFound`).
    Undo {
        audit_id: String,
    },
    SaveNote {
        audit_id: String,
        question_id: Option<String>,
        text: String,
        /// The note as the window last read it: never saved over another window's change.
        seen: String,
    },
    SetStatus {
        audit_id: String,
        status: AuditStatus,
    },
    DeleteAudit {
        audit_id: String,
    },
    /// Erase an association with its audits, answers, notes and trail, and scrub the file
    /// (GDPR).
    EraseAssociation {
        association_id: String,
    },
    CreateDemo,
    /// Speak this language from now on (dates, titles, messages).
    SetLanguage(Lang),
    /// Compute the plan of an audit (answers as stored now).
    OpenPlan {
        audit_id: String,
    },
    /// Write export files.
    Export(ExportRequest),
    Quit,
}

impl Effect {
    /// Effects that can take a moment (the plan on a large catalogue, a PDF): the run loop
    /// draws the screen, with its "working" notice, before carrying them out.
    pub fn is_slow(&self) -> bool {
        matches!(
            self,
            Effect::OpenPlan { .. }
                | Effect::Export(_)
                | Effect::LoadDashboard { .. }
                | Effect::ExportDashboard { .. }
                | Effect::OpenComparison { .. }
                | Effect::ExportComparison { .. }
                | Effect::EraseAssociation { .. }
        )
    }
}
