//! The team as the roadmap sees it, read once from tags: the time it can give each month
//! (`time-*` signals), the pace it chose (`pace-*`), its skills (the `skills` rating), its
//! computers and phones (the `tool` tags of the operating systems), the volume of files and the
//! number of accounts (quantities), who holds the accesses, and the missing answers that block a
//! decision.
//!
//! Hours per month and months per pace are the plan's own assumptions, from the answer's words:
//! "moins de 2 heures" counts as 2 hours, "de 2 à 10 heures" as 4, "plus de 10 heures" as 12,
//! "pratiquement pas de temps" as half an hour; "en quelques semaines" as 2 months, "sur six mois
//! environ" as 6, "sur un an ou plus" as 12, "pas tout de suite" as 12 starting in the third
//! month. Unknown time counts as 2 hours and unknown pace as 6 months, said in the plan.

use crate::i18n::Text;

use super::super::read::Quantity;
use super::super::risks::ToFind;
use super::super::trace::Trace;
use super::Input;

/// What the roadmap knows of the team.
pub(crate) struct Team {
    pub hours_per_month: f64,
    /// Months the first phases may take (the pace chosen).
    pub horizon: u32,
    /// Months before the first non-urgent step (`pace-not-now`).
    pub delay: u32,
    /// What the schedule assumed, in words, when an answer is missing.
    pub assumptions: Vec<Text>,
    pub skills: Option<u8>,
    pub single_admin: bool,
    pub wants_support: bool,
    pub storage_gb: Option<f64>,
    pub accounts: Option<f64>,
    /// Operating systems of the team's computers (`windows`, `macos`, `linux`, `chromeos`).
    pub computers: Vec<String>,
    pub phones: bool,
    /// Missing answers that change a decision (accounts, storage, budget).
    pub blocking: Vec<ToFind>,
    /// Missing answers about the tools in use.
    pub tools_unknown: usize,
    /// The answers read for the pace (time, pace chosen).
    pub pace_trace: Trace,
    /// The needs of the use the association would improve first (`priority-*`).
    pub priority: &'static [&'static str],
    pub priority_trace: Trace,
}

/// The needs each use of `uses_top_priority` stands for.
const PRIORITY: &[(&str, &[&str])] = &[
    (
        "priority-known",
        &["website", "social-network", "events", "video", "photos"],
    ),
    (
        "priority-network",
        &["mailing-list", "newsletter", "team-chat", "email"],
    ),
    (
        "priority-manage",
        &[
            "members-accounting",
            "online-payments",
            "forms",
            "polls",
            "calendar",
        ],
    ),
    (
        "priority-collaborate",
        &[
            "file-sharing",
            "office-docs",
            "visio",
            "calendar",
            "contacts",
            "kanban",
            "wiki",
        ],
    ),
];

const TIME: &[(&str, f64)] = &[
    ("time-none", 0.5),
    ("time-little", 2.0),
    ("time-some", 4.0),
    ("time-regular", 12.0),
];

const PACE: &[(&str, u32, u32)] = &[
    ("pace-fast", 2, 0),
    ("pace-steps", 6, 0),
    ("pace-slow", 12, 0),
    ("pace-not-now", 12, 2),
];

impl Team {
    pub fn read(input: &Input<'_>) -> Team {
        let read = input.read;
        let mut pace_trace = Trace::rule("roadmap.capacity");
        let mut assumptions = Vec::new();
        let hours = TIME.iter().find_map(|(signal, h)| {
            let reads = read.signal(signal);
            (!reads.is_empty()).then(|| {
                pace_trace.add_answers(reads);
                *h
            })
        });
        let hours_per_month = hours.unwrap_or_else(|| {
            assumptions.push(Text::new(
                "temps disponible inconnu : le plan compte 2 heures par mois",
                "time available unknown: the plan counts 2 hours a month",
            ));
            2.0
        });
        let pace = PACE.iter().find_map(|(signal, months, delay)| {
            let reads = read.signal(signal);
            (!reads.is_empty()).then(|| {
                pace_trace.add_answers(reads);
                (*months, *delay)
            })
        });
        let (horizon, delay) = pace.unwrap_or_else(|| {
            assumptions.push(Text::new(
                "rythme non choisi : le plan compte six mois",
                "pace not chosen: the plan counts six months",
            ));
            (6, 0)
        });
        let mut priority_trace = Trace::rule("roadmap.priority");
        let priority = PRIORITY
            .iter()
            .find_map(|(signal, needs)| {
                let reads = read.signal(signal);
                (!reads.is_empty()).then(|| {
                    priority_trace.add_answers(reads);
                    *needs
                })
            })
            .unwrap_or(&[]);
        let number = |q: &str| match read.quantity(q) {
            Quantity::Given(n, _) => Some(n),
            _ => None,
        };
        let mut computers = Vec::new();
        let mut phones = false;
        for (_, choice) in read.choices() {
            match choice.tool.as_deref() {
                Some(os @ ("windows" | "macos" | "linux" | "chromeos"))
                    if !computers.iter().any(|c| c == os) =>
                {
                    computers.push(os.to_string());
                }
                Some("android" | "ios") => phones = true,
                _ => {}
            }
        }
        Team {
            hours_per_month,
            horizon,
            delay,
            assumptions,
            skills: input.skills,
            single_admin: read.has_signal("single-admin"),
            wants_support: read.has_signal("wants-support"),
            storage_gb: number("storage_gb"),
            accounts: number("accounts"),
            computers,
            phones,
            blocking: input
                .to_find
                .iter()
                .filter(|f| f.blocking)
                .cloned()
                .collect(),
            tools_unknown: input
                .to_find
                .iter()
                .filter(|f| f.about == super::super::risks::Topic::Tools)
                .count(),
            pace_trace,
            priority,
            priority_trace,
        }
    }

    /// A team that says it is not at ease with computers (skills rated 1 or 2 out of 5).
    pub fn beginners(&self) -> bool {
        self.skills.is_some_and(|s| s <= 2)
    }

    /// Hours the first phases may take: the time per month over the pace's months.
    pub fn budget(&self) -> f64 {
        self.hours_per_month * f64::from(self.horizon)
    }

    /// Whether software that runs on `platforms` (operating system ids) suits the team's
    /// computers: at least one of them, or the computers are unknown.
    pub fn can_install(&self, platforms: &[String]) -> bool {
        platforms.is_empty()
            || self.computers.is_empty()
            || self.computers.iter().any(|c| platforms.contains(c))
    }
}
