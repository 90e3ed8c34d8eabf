//! Roadmap: the recommendations put in order and sized to the team (`roadmap.phase`).
//!
//! 0. **D'abord** (`Urgent`): what to find out before moving anything when a blocking answer is
//!    missing (`roadmap.find-out`); health or sensitive data set apart before any move
//!    (`roadmap.special-data`); the steps that answer a high risk — passwords and access,
//!    backups kept off site, a tool that no longer exists (`roadmap.risk-first`).
//! 1. **Premiers pas** (quick wins): no host to choose — public services (Framadate…) and
//!    software installed on devices.
//! 2. **Le cœur** (core move): files, calendars, contacts, documents, projects, membership — on
//!    Frama.space (first ask for the space) or a host.
//! 3. **Communication**: e-mail, domain name, lists, newsletter, website.
//! 4. **Rayonnement** (outreach): free networks **alongside** the current ones
//!    (`roadmap.alongside`) — never "close your Facebook page".
//! 5. **Plus tard** (`Later`): what does not fit the time the team declared
//!    (`roadmap.capacity`), and moves that wait for a missing answer.
//!
//! Each step is typed data: what it moves (`moves`, tool → provider) and what stays (`keeps`),
//! the caveats on special-category data it must carry (`caveats`), the risks it answers, its
//! effort with the reasons (volume, devices, skills), an estimate in hours, who does it and when
//! (months from now, from the hours per month and the pace the association chose), an
//! indicative cost, how to move the data, and the answers behind it.

mod backup;
mod build;
mod caveat;
mod effort;
mod notes;
mod schedule;
mod special;
mod team;
mod words;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Effort};
use crate::i18n::{Lang, Text, typo};

use super::decide::Kept;
use super::framaspace::Framaspace;
use super::hosts::HostPick;
use super::needs::NeedUse;
use super::read::Read;
use super::recommend::Recommendation;
use super::risks::{Risk, ToFind};
use super::sensitive::SpecialData;
use super::trace::Trace;

use team::Team;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Urgent,
    QuickWins,
    Core,
    Communication,
    Outreach,
    Later,
}

impl Phase {
    pub const ALL: [Phase; 6] = [
        Phase::Urgent,
        Phase::QuickWins,
        Phase::Core,
        Phase::Communication,
        Phase::Outreach,
        Phase::Later,
    ];

    pub fn title(self) -> Text {
        match self {
            Phase::Urgent => Text::new(
                "D'abord : ce qui ne peut pas attendre",
                "First: what cannot wait",
            ),
            Phase::QuickWins => Text::new(
                "Premiers pas, sans hébergeur à choisir",
                "First steps, no host to choose",
            ),
            Phase::Core => Text::new(
                "Le cœur : fichiers, agendas, documents",
                "The core: files, calendars, documents",
            ),
            Phase::Communication => {
                Text::new("Courriel, listes et site web", "E-mail, lists and website")
            }
            Phase::Outreach => Text::new(
                "Réseaux libres, en plus des réseaux actuels",
                "Free networks, alongside current ones",
            ),
            Phase::Later => Text::new(
                "Plus tard, quand le temps ou les réponses le permettront",
                "Later, when time or answers allow",
            ),
        }
    }
}

/// Indicative cost of a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    /// Euros per year when known (0 for free).
    pub eur_per_year: Option<f64>,
    pub text: Text,
}

/// What a step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Find out the answers a decision waits for.
    FindOut,
    /// Set health or sensitive data apart before any move.
    SpecialData,
    /// Give a second person the accesses one person holds.
    Access,
    /// A regular copy kept off site.
    Backup,
    /// Ask for the Frama.space space.
    OpenSpace,
    /// Move from the current tools to another.
    Move,
    /// Use more widely a free tool already in use.
    Extend,
    /// Start a new use, with a tool not used today.
    Start,
    /// Open a free presence alongside the current networks, closing nothing.
    Alongside,
    /// Nothing in the catalogue answers it: find a provider.
    Find,
}

/// Who carries out a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Anyone in the team.
    Anyone,
    /// The person in charge of digital tools.
    Referent,
    /// A volunteer at ease with computers, helped by the trainer (a host's help is the separate `host_support` mark).
    Volunteer,
    /// The person who runs the social accounts.
    SocialMedia,
    /// The board.
    Board,
}

/// Who carries out a step, as data and in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Who {
    pub role: Role,
    /// Two people, so access no longer rests on one.
    pub in_pairs: bool,
    /// The support the association wished for can be asked of the host.
    pub host_support: bool,
    pub text: Text,
}

impl Who {
    pub fn get(&self, lang: Lang) -> &str {
        self.text.get(lang)
    }
}

/// When a step happens, in months from now (1 = the coming month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    pub start: u32,
    pub end: u32,
}

impl When {
    pub fn text(&self) -> Text {
        Text::new(
            typo::months(Lang::Fr, self.start, self.end),
            typo::months(Lang::En, self.start, self.end),
        )
    }
}

/// Data a step moves: from a tool in use to the provider chosen for the need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataMove {
    /// The catalogue id of the tool left (`None` for a choice that names no tool).
    pub tool: Option<String>,
    pub name: Text,
    pub need: String,
    /// The provider id the data goes to (the recommendation's chosen provider).
    pub to: String,
}

/// A tool that stays, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptTool {
    pub tool: String,
    pub name: Text,
    pub why: Text,
}

/// What must not travel with a step's data, and where it goes instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Caveat {
    pub data: SpecialData,
    /// The answers say this tool holds it (`true`), or only that the association holds such
    /// data somewhere (`false`: to check before the move).
    pub located: bool,
    pub tool: Option<String>,
    pub tool_name: Text,
    pub leave_out: Text,
    pub goes_to: Text,
}

/// One step of the roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Stable within a plan: `need:<id>`, `framaspace`, `find-out`, `special-data:<kind>`,
    /// `access`.
    pub id: String,
    pub kind: StepKind,
    /// The need it serves (`None` for the steps that are not about one need).
    pub need: Option<String>,
    pub title: Text,
    pub software: Option<String>,
    pub provider: Option<String>,
    pub effort: Effort,
    /// Why the effort is what it is (volume, devices, skills), when not the catalogue's alone.
    pub effort_reasons: Vec<Text>,
    /// The plan's estimate of the work, in hours (an assumption, see `effort`).
    pub hours: f64,
    pub cost: Cost,
    /// How to move the data, one line per tool left.
    pub migration: Vec<Text>,
    pub moves: Vec<DataMove>,
    pub keeps: Vec<KeptTool>,
    pub caveats: Vec<Caveat>,
    /// Ids of the plan's risks this step answers.
    pub answers_risks: Vec<String>,
    /// Ids of the steps that must come first.
    pub after: Vec<String>,
    pub who: Who,
    /// Months from now; `None` for the steps left for later.
    pub when: Option<When>,
    pub trace: Trace,
}

/// One phase and its steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhasePlan {
    pub phase: Phase,
    pub title: Text,
    pub steps: Vec<Step>,
}

/// Everything the roadmap reads.
pub(crate) struct Input<'a> {
    pub read: &'a Read<'a>,
    pub catalog: &'a Catalog,
    pub needs: &'a [NeedUse],
    pub recos: &'a [Recommendation],
    pub kept: &'a [Kept],
    pub fs: &'a Framaspace,
    pub picks: &'a [HostPick],
    pub risks: &'a [Risk],
    pub to_find: &'a [ToFind],
    pub skills: Option<u8>,
}

/// The roadmap, and the sentences the synthèse owes the reader about it (the pace, what waits,
/// data set apart).
pub(crate) fn roadmap(input: &Input<'_>) -> (Vec<PhasePlan>, Vec<Text>) {
    let team = Team::read(input);
    let mut steps: Vec<(Phase, Step)> = Vec::new();
    steps.extend(special::find_out(input, &team));
    steps.extend(special::special_data(input, &team));
    steps.extend(build::framaspace(input, &team));
    for reco in input.recos {
        if let Some(step) = build::step(input, &team, reco) {
            steps.push(step);
        }
    }
    steps.extend(special::access(input, &team, &steps));
    for (_, step) in &mut steps {
        caveat::caveats(input, &team, step);
        effort::size(input, &team, step);
    }
    schedule::schedule(&team, &mut steps);
    let mut phases: Vec<PhasePlan> = Phase::ALL
        .iter()
        .map(|&phase| PhasePlan {
            phase,
            title: phase.title(),
            steps: Vec::new(),
        })
        .collect();
    for (phase, step) in steps {
        phases[phase as usize].steps.push(step);
    }
    let notes = summary(&team, &phases);
    (phases, notes)
}

/// What the synthèse says about the roadmap.
fn summary(team: &Team, phases: &[PhasePlan]) -> Vec<Text> {
    let mut out = Vec::new();
    let steps = || phases.iter().flat_map(|p| p.steps.iter());
    for s in steps().filter(|s| s.kind == StepKind::SpecialData) {
        out.push(if s.id.ends_with("health") {
            Text::new(
                "Données de santé : à mettre à part chez un hébergeur certifié HDS avant tout déménagement ; aucune étape ne les emporte vers Frama.space ou un hébergeur non certifié.",
                "Health data: to be set apart with a certified HDS host before any move; no step carries it to Frama.space or an uncertified host.",
            )
        } else {
            Text::new(
                "Données sensibles : à mettre à part dans un espace à accès restreint avant tout déménagement ; chaque étape dit ce qu'elle laisse de côté.",
                "Sensitive data: to be set apart in a restricted space before any move; each step says what it leaves out.",
            )
        });
    }
    if steps().any(|s| s.kind == StepKind::FindOut) {
        out.push(Text::new(
            "Des réponses qui changent les choix manquent : les trouver d'abord ; les déménagements vers un espace partagé attendent.",
            "Answers that change the choices are missing: find them first; moves to a shared space wait.",
        ));
    }
    let now = phases
        .iter()
        .filter(|p| p.phase != Phase::Later)
        .map(|p| p.steps.len())
        .sum::<usize>();
    let later = phases
        .iter()
        .filter(|p| p.phase == Phase::Later)
        .map(|p| p.steps.len())
        .sum::<usize>();
    if now + later > 0 {
        let h = |l| typo::number(l, team.hours_per_month);
        let m = |l| {
            typo::count(
                l,
                team.horizon,
                if l == Lang::Fr { "mois" } else { "month" },
                if l == Lang::Fr { "mois" } else { "months" },
            )
        };
        let mut fr = format!(
            "Rythme : environ {} h par mois sur {} : {} dans ce temps",
            h(Lang::Fr),
            m(Lang::Fr),
            typo::count(Lang::Fr, now, "étape", "étapes")
        );
        let mut en = format!(
            "Pace: about {} h a month over {}: {} within that time",
            h(Lang::En),
            m(Lang::En),
            typo::count(Lang::En, now, "step", "steps")
        );
        if later > 0 {
            fr.push_str(&format!(
                ", {} pour plus tard",
                typo::count(Lang::Fr, later, "autre", "autres")
            ));
            en.push_str(&format!(
                ", {} for later",
                typo::count(Lang::En, later, "other", "others")
            ));
        }
        if !team.assumptions.is_empty() {
            // One parenthesis for every assumption: « (temps … ; rythme …) ».
            let fr_parts: Vec<&str> = team.assumptions.iter().map(|a| a.fr.as_str()).collect();
            let en_parts: Vec<&str> = team.assumptions.iter().map(|a| a.en.as_str()).collect();
            fr.push_str(&format!(" ({})", fr_parts.join(" ; ")));
            en.push_str(&format!(" ({})", en_parts.join("; ")));
        }
        fr.push('.');
        en.push('.');
        out.push(Text::new(fr, en));
    }
    out
}
