//! The « Pourquoi ? » of one item of the plan, built once for every front end (CLI, TUI,
//! exports): the few answers, rules and dated facts that decided **this** item, never the
//! general rules and answers it inherits from an earlier step of the plan — those are named
//! once, as a pointer ("voir Frama.space", "voir la recommandation « Fichiers »").
//!
//! - A recommendation keeps its need's answers (the choices ticked, the lock-in rating) and the
//!   rule that routed it (keep, Frama.space, installed, service, hosts, a decision of
//!   `decide`); Frama.space's eligibility and the host matching are pointed to.
//! - A step keeps what it adds to its recommendation (the pace, special data, a kept tool, the
//!   team's skills or volume); its recommendation is pointed to.
//! - Every other item keeps its own trace.
//!
//! General rules that explain how every item of a kind is built (`needs.from-choices`,
//! `needs.free-tool`, `reco.software`, `hosts.filter`, `hosts.score`, `roadmap.phase`) are said
//! once, above their section, by the front ends — not under each item.

use crate::i18n::{Lang, Text};
use crate::questionnaire::Questionnaire;

use super::Plan;
use super::hosts::ProviderKind;
use super::trace::{Summary, Trace};

/// Rules that describe how every item of a kind is built: never repeated under an item.
pub const GENERAL_RULES: &[&str] = &[
    "needs.from-choices",
    "needs.free-tool",
    "reco.software",
    "hosts.filter",
    "hosts.score",
    "roadmap.phase",
];

/// An item of the plan, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemRef {
    Need(usize),
    Score(usize),
    /// The Frama.space verdict as a whole.
    Framaspace,
    FramaspaceReason(usize),
    Recommendation(usize),
    Host(usize),
    Step {
        phase: usize,
        step: usize,
    },
    Risk(usize),
}

/// Where the part of a « Pourquoi ? » an item inherits is explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum See {
    Framaspace,
    Hosts,
    /// The recommendation of a need (its id).
    Recommendation(String),
}

impl See {
    /// "voir Frama.space", "see the recommendation 'Files'".
    pub fn text(&self, plan: &Plan) -> Text {
        match self {
            See::Framaspace => Text::new(
                "Éligibilité : voir Frama.space.",
                "Eligibility: see Frama.space.",
            ),
            See::Hosts => Text::new(
                "Choix de l'hébergeur : voir les hébergeurs retenus.",
                "Choice of host: see the hosts chosen.",
            ),
            See::Recommendation(need) => {
                let label = plan
                    .recommendations
                    .iter()
                    .find(|r| &r.need == need)
                    .map_or_else(
                        || Text::new(need.clone(), need.clone()),
                        |r| r.label.clone(),
                    );
                Text::new(
                    format!("Le reste : voir la recommandation « {} ».", label.fr),
                    format!("The rest: see the recommendation '{}'.", label.en),
                )
            }
        }
    }
}

/// The « Pourquoi ? » of one item: what decided it, and where the rest is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Why {
    /// The deciding rules, answers, profile fields and dated facts of this item alone.
    pub trace: Trace,
    pub see: Vec<See>,
}

impl Why {
    /// The short form in words (`Trace::summary`), and the pointers.
    pub fn summary(&self, plan: &Plan, q: &Questionnaire, lang: Lang) -> (Summary, Vec<String>) {
        (
            self.trace.summary(q, lang),
            self.see
                .iter()
                .map(|s| s.text(plan).get(lang).to_string())
                .collect(),
        )
    }
}

fn strip_general(mut t: Trace) -> Trace {
    t.rules.retain(|r| !GENERAL_RULES.contains(&r.as_ref()));
    t
}

impl Plan {
    /// The « Pourquoi ? » of `item`: the one function every front end calls. Empty when the
    /// item does not exist.
    pub fn why(&self, item: ItemRef) -> Why {
        let fs = || {
            // Eligibility, without the coverage reason (it reads every need's answers).
            let mut t = Trace::default();
            for r in &self.framaspace.reasons {
                if !r.trace.rules.iter().any(|x| x == "framaspace.needs") {
                    t.merge(&r.trace);
                }
            }
            t
        };
        match item {
            ItemRef::Need(i) => Why {
                trace: self
                    .needs
                    .get(i)
                    .map(|n| strip_general(n.trace.clone()))
                    .unwrap_or_default(),
                see: Vec::new(),
            },
            ItemRef::Score(i) => Why {
                trace: self
                    .scores
                    .get(i)
                    .map(|s| s.trace.clone())
                    .unwrap_or_default(),
                see: Vec::new(),
            },
            ItemRef::Framaspace => Why {
                trace: self.framaspace.trace.clone(),
                see: Vec::new(),
            },
            ItemRef::FramaspaceReason(i) => {
                let Some(r) = self.framaspace.reasons.get(i) else {
                    return Why::default();
                };
                let mut trace = r.trace.clone();
                // The coverage reads every need's answers: each recommendation shows its own.
                let coverage = trace.rules.iter().any(|x| x == "framaspace.needs");
                if coverage {
                    trace.answers.clear();
                }
                Why {
                    trace,
                    see: Vec::new(),
                }
            }
            ItemRef::Recommendation(i) => {
                let Some(r) = self.recommendations.get(i) else {
                    return Why::default();
                };
                let mut see = Vec::new();
                let mut trace = r.trace.clone();
                match r.chosen().map(|p| p.kind) {
                    Some(ProviderKind::Framaspace) => {
                        trace = trace.without(&fs());
                        see.push(See::Framaspace);
                    }
                    Some(ProviderKind::Host) => {
                        // Where the association is and its budget decided the host: that is
                        // the host's « Pourquoi ? ».
                        trace.profile.clear();
                        trace.facts.clear();
                        see.push(See::Hosts);
                    }
                    _ => {}
                }
                Why {
                    trace: strip_general(trace),
                    see,
                }
            }
            ItemRef::Host(i) => Why {
                trace: self
                    .hosts
                    .get(i)
                    .map(|h| strip_general(h.trace.clone()))
                    .unwrap_or_default(),
                see: Vec::new(),
            },
            ItemRef::Step { phase, step } => {
                let Some(s) = self.roadmap.get(phase).and_then(|p| p.steps.get(step)) else {
                    return Why::default();
                };
                let parent = s
                    .need
                    .as_deref()
                    .and_then(|n| self.recommendations.iter().find(|r| r.need == n));
                match parent {
                    Some(r) => Why {
                        trace: strip_general(s.trace.without(&r.trace)),
                        see: vec![See::Recommendation(r.need.clone())],
                    },
                    None if s.trace.rules.iter().any(|r| r.starts_with("framaspace.")) => Why {
                        trace: strip_general(s.trace.without(&self.framaspace.trace)),
                        see: vec![See::Framaspace],
                    },
                    None => Why {
                        trace: strip_general(s.trace.clone()),
                        see: Vec::new(),
                    },
                }
            }
            ItemRef::Risk(i) => Why {
                trace: self
                    .risks
                    .get(i)
                    .map(|r| r.trace.clone())
                    .unwrap_or_default(),
                see: Vec::new(),
            },
        }
    }
}
