//! What the TUI's screens and overlays share without knowing one another: the open audit
//! (`Session`), a message line (`Notice`), what a screen may read and change besides its own
//! state (`Ctx` for commands, `View` for drawing), and what a screen asks for in return
//! (`Outcome`: effects to carry out, a navigation request, an overlay to open, a notice). Only
//! `App` applies an outcome, so no screen constructs another: the screens and overlays import
//! this module, and `App` imports them.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::keymap::Mode;
use super::theme::Theme;
use crate::app::effect::{ComparisonView, Effect, QuestionnaireChoice};
use crate::app::plan_data::PlanData;
use crate::audit::{Association, AuditStatus};
use crate::i18n::Lang;
use crate::walk::previous::PreviousAudit;
use crate::walk::{self as engine, Input, Walk};
use crate::workshop::{Dashboard, Pools, Workshop};

/// The audit being walked.
#[derive(Debug, Clone)]
pub struct Session {
    pub audit_id: String,
    pub association_id: String,
    pub association_name: String,
    pub walk: Walk,
    /// Notes by question id.
    pub notes: BTreeMap<String, String>,
    pub note: String,
    pub status: AuditStatus,
    /// The audit this one follows: its answers are offered for confirmation.
    pub previous: Option<PreviousAudit>,
}

impl Session {
    /// Apply walk inputs in order, stopping at the first problem; the walk's effects as the
    /// application's, and whether the walk reached its end.
    pub fn drive(&mut self, inputs: Vec<Input>) -> (Vec<Effect>, bool) {
        let mut out = Vec::new();
        let mut end = false;
        for input in inputs {
            for e in self.walk.apply(input) {
                match e {
                    engine::Effect::ReachedEnd => end = true,
                    e => out.push(Effect::Walk {
                        audit_id: self.audit_id.clone(),
                        effect: e,
                    }),
                }
            }
            if self.walk.problem().is_some() {
                break;
            }
        }
        (out, end)
    }
}

/// A line under the screen: a notice, or an error (drawn with its "Erreur :" prefix).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// What a screen's commands may read and change besides the screen's own state.
pub struct Ctx<'a> {
    pub lang: Lang,
    /// For measuring what is drawn (a plan's lines).
    pub theme: Theme,
    /// The terminal's size (pages scroll by what fits).
    pub size: (u16, u16),
    pub session: &'a mut Option<Session>,
    /// The workshop being worked in.
    pub workshop: &'a mut Option<Workshop>,
    pub questionnaires: &'a [QuestionnaireChoice],
    /// The folder exports go to.
    pub export_dir: &'a mut String,
}

/// What drawing a screen may read besides the screen's own state.
pub struct View<'a> {
    pub lang: Lang,
    pub theme: &'a Theme,
    pub size: (u16, u16),
    pub session: Option<&'a Session>,
    pub workshop: Option<&'a Workshop>,
    pub questionnaires: &'a [QuestionnaireChoice],
}

/// Where to go next; `App` builds the screen.
#[derive(Debug, Clone)]
pub enum Nav {
    /// The home list (reloaded), or the workshop's dashboard inside a workshop.
    Home,
    /// The profile form: of this association, or a new one.
    Profile(Option<Association>),
    /// The walk of the open audit; `editing`: its number or text field entered at once.
    Walk { editing: bool },
    /// The review of the open audit, on its current question.
    Review,
    /// The notes of the open audit.
    Notes,
    /// The plan, over the current screen (Esc comes back).
    Plan(Arc<PlanData>),
    /// The export dialog of an audit, over the current screen.
    Export {
        audit_id: String,
        association_name: String,
    },
    /// A follow-up compared with the audit it follows, over the current screen.
    Compare(Box<ComparisonView>),
    /// Back to the screen the plan, export dialog or comparison was opened from.
    Back,
    /// The workshops (leaving any workshop).
    Workshops,
    /// The form of a new workshop.
    WorkshopForm,
    /// A workshop's dashboard, computed.
    Dashboard(Box<(Workshop, Dashboard, Pools)>),
    /// Save what is being typed, then quit.
    Quit,
}

/// An audit a follow-up would start from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowFrom {
    pub audit_id: String,
    /// Its questionnaire's title and when it was last changed, as the home list shows them.
    pub questionnaire: String,
    pub updated: String,
}

/// A question with two answers; each carries what happens when it is given. "Non" is selected
/// at first.
#[derive(Debug, Clone)]
pub struct Ask {
    pub title: String,
    pub body: String,
    pub yes: Outcome,
    pub no: Outcome,
}

/// An overlay to open.
#[derive(Debug, Clone)]
pub enum Open {
    Help(Mode),
    Confirm(Box<Ask>),
    /// How a new audit of this association starts.
    Choose {
        association_id: String,
        association_name: String,
        follow: Option<FollowFrom>,
        workshop_id: Option<String>,
    },
    /// The sections of the open audit, the current one selected.
    Sections(usize),
}

/// What a command or a result asks of `App`.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub effects: Vec<Effect>,
    pub nav: Option<Nav>,
    pub open: Option<Box<Open>>,
    /// Close the overlay this came from.
    pub close: bool,
    pub notice: Option<Notice>,
}

impl Outcome {
    pub fn none() -> Outcome {
        Outcome::default()
    }

    pub fn go(nav: Nav) -> Outcome {
        Outcome {
            nav: Some(nav),
            ..Outcome::default()
        }
    }

    pub fn open(open: Open) -> Outcome {
        Outcome {
            open: Some(Box::new(open)),
            ..Outcome::default()
        }
    }

    /// Ask a yes/no question (the confirm overlay).
    pub fn confirm(ask: Ask) -> Outcome {
        Outcome::open(Open::Confirm(Box::new(ask)))
    }

    /// Close the overlay, nothing else.
    pub fn close() -> Outcome {
        Outcome {
            close: true,
            ..Outcome::default()
        }
    }

    pub fn and_go(mut self, nav: Nav) -> Outcome {
        self.nav = Some(nav);
        self
    }

    pub fn and_close(mut self) -> Outcome {
        self.close = true;
        self
    }

    pub fn and_effects(mut self, effects: Vec<Effect>) -> Outcome {
        self.effects.extend(effects);
        self
    }

    pub fn with_notice(mut self, text: impl Into<String>) -> Outcome {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
        self
    }

    /// An error on the message line (`App` adds the "Erreur :" prefix).
    pub fn with_error(mut self, text: impl Into<String>) -> Outcome {
        self.notice = Some(Notice {
            text: text.into(),
            error: true,
        });
        self
    }
}

impl From<Vec<Effect>> for Outcome {
    fn from(effects: Vec<Effect>) -> Outcome {
        Outcome {
            effects,
            ..Outcome::default()
        }
    }
}
