//! The transition plan: from an audit's answers and the catalogue, what the association needs,
//! how autonomous it is, whether Frama.space fits, which CHATONS hosts to use for the rest, in
//! what order to move, and what could go wrong — every item with its `Trace` ("Pourquoi ?").
//!
//! `plan()` is a pure function: no I/O, no clock (the age of a fact is measured against the
//! catalogue's date), no terminal. It reads tags, never wording (`questionnaires/README.md`).
//!
//! | module | job | rule ids |
//! |---|---|---|
//! | `read` | one pass over the visible answers | — |
//! | `needs` | needs, tools, free or not, dependency | `needs.*` |
//! | `scores` | level 1–4 per domain | `scores.*` |
//! | `framaspace` | eligibility with every reason | `framaspace.*` |
//! | `fit` | Frama.space quotas and features against the needs | `framaspace.*` |
//! | `language` | Frama.space's languages against the working languages, else the country | `framaspace.language` |
//! | `route` | software ranked per need, and where each need goes | `reco.*` |
//! | `recommend` | per need: keep, Frama.space, local, service or host | `reco.*` |
//! | `hosts` | filters, candidates, chosen hosts | `hosts.*` |
//! | `host_score` | the score of a host and its reasons | `hosts.score` |
//! | `cover` | the smallest set of hosts | `hosts.set-cover` |
//! | `geo` | départements and regions for nearness | — |
//! | `decide` | one decision per tool: kept tools, co-editing, tools in use, platforms | `decide.*` |
//! | `sensitive` | where health and sensitive data live | — |
//! | `roadmap` | phases of steps sized to the team | `roadmap.*` |
//! | `why` | the one « Pourquoi ? » of any item (`Plan::why`) | — |
//! | `risks` | risks and « à trouver » | `risks.*` |
//! | `trace` | traces and the explanation of every rule id | — |
//!
//! A screen can show the tabs Synthèse (`summary`, `scores`, `framaspace`), Recommandations
//! (`recommendations`), Hébergeurs (`hosts`) and Feuille de route (`roadmap`), and a
//! "Pourquoi ?" panel from any item's `trace` with `Trace::explain`.

mod candidate;
mod cover;
mod decide;
mod fit;
pub mod framaspace;
pub(crate) mod geo;
mod host_context;
mod host_notes;
mod host_price;
mod host_score;
pub mod hosts;
mod language;
pub mod needs;
mod pick;
mod read;
pub mod recommend;
pub mod risks;
pub mod roadmap;
mod route;
pub mod scores;
pub mod sensitive;
mod target;
pub mod trace;
pub mod why;

use serde::{Deserialize, Serialize};

use crate::audit::{Association, Audit};
use crate::catalog::Catalog;
use crate::i18n::{Lang, Text, typo};
use crate::questionnaire::Questionnaire;

pub use framaspace::{Eligible, Framaspace};
pub use hosts::{
    Blocking, HeldBack, HeldWhy, HostChoice, HostPick, Nearness, PickService, PriceFor, Provider,
    ProviderKind,
};
pub use needs::{Dependency, NeedStatus, NeedUse, ToolUse};
pub use recommend::{Action, Recommendation, SoftwareRef};
pub use risks::{Risk, Severity, ToFind, Topic};
pub use roadmap::{Caveat, DataMove, KeptTool, Phase, PhasePlan, Role, Step, StepKind, When, Who};
pub use scores::DomainScore;
pub use sensitive::SpecialData;
pub use target::Target;
pub use trace::{AnswerRead, Trace};

/// The version of the plan's JSON shape (`exports/schema/plan.schema.json`).
pub const PLAN_VERSION: u32 = 2;

/// Which questionnaire the plan was computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireInfo {
    pub id: String,
    pub version: u32,
}

/// A transition plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub version: u32,
    pub questionnaire: QuestionnaireInfo,
    /// The catalogue's date: every fact is at least this fresh.
    pub catalog_as_of: String,
    /// A few sentences for the Synthèse tab.
    pub summary: Vec<Text>,
    pub needs: Vec<NeedUse>,
    pub scores: Vec<DomainScore>,
    pub framaspace: Framaspace,
    pub recommendations: Vec<Recommendation>,
    /// The hosts chosen to cover what Frama.space does not.
    pub hosts: Vec<HostPick>,
    /// The host choice as a whole: provisional or not, what to find out first, whether a host
    /// near the association is known.
    #[serde(default)]
    pub host_choice: HostChoice,
    pub roadmap: Vec<PhasePlan>,
    pub risks: Vec<Risk>,
    /// "Je ne sais pas" answers the plan needs.
    pub to_find: Vec<ToFind>,
}

/// Compute the plan of one audit.
pub fn plan(
    q: &Questionnaire,
    audit: &Audit,
    association: &Association,
    catalog: &Catalog,
) -> Plan {
    let read = read::Read::new(q, audit);
    let needs = needs::needs(&read, catalog);
    let scores = scores::scores(&read, catalog);
    let framaspace = framaspace::framaspace(&read, association, catalog, &needs);

    // How many hosts run each software (counted once per host), for ranking.
    let mut running: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for h in &catalog.hosts {
        for id in h.software_ids() {
            *running.entry(id).or_default() += 1;
        }
    }
    let hosts_running = |id: &str| running.get(id).copied().unwrap_or(0);
    let ranked: Vec<_> = needs
        .iter()
        .map(|n| route::rank_software(catalog, n, &framaspace, &hosts_running))
        .collect();
    let routes: Vec<_> = needs
        .iter()
        .zip(&ranked)
        .map(|(n, r)| route::route(catalog, n, &framaspace, r))
        .collect();
    let ctx = hosts::Context::new(&read, association, catalog);
    let recommend_all = |held: &[String]| {
        let host_needs = route::host_needs(&needs, &routes, &ranked, held);
        let mut matching = hosts::matching(&ctx, &host_needs.1);
        let recommendations: Vec<Recommendation> = needs
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let alts = route::alternatives(i, &host_needs.0, &mut matching);
                let mut reco =
                    recommend::recommend(catalog, n, &framaspace, &ranked[i], &routes[i], alts);
                if matches!(routes[i], route::Route::Host) {
                    reco.trace.merge(&ctx.trace);
                }
                reco
            })
            .collect::<Vec<_>>();
        (matching, recommendations)
    };
    let (mut matching, mut recommendations) = recommend_all(&[]);
    let mut kept = decide::decide(&read, catalog, &needs, &framaspace, &mut recommendations);
    // A need the decisions keep as it is (its only tool stays for another need) is taken by no
    // host: the hosts are matched again without it, so the hosts section, its count and its
    // reasons say what the recommendations say. The kept need's recommendation stands.
    let held = held_back(&matching.picks, &recommendations);
    if !held.is_empty() {
        let decided = std::mem::take(&mut recommendations);
        (matching, recommendations) = recommend_all(&held);
        for (r, before) in recommendations.iter_mut().zip(decided) {
            if held.contains(&r.need) {
                *r = before;
            }
        }
        kept = decide::decide(&read, catalog, &needs, &framaspace, &mut recommendations);
    }
    let skills = scores
        .iter()
        .find(|s| s.domain == "skills")
        .and_then(|s| s.level);
    let to_find = risks::to_find(&read);
    let risks = risks::risks(&read, &needs, &to_find);
    let (roadmap, roadmap_notes) = roadmap::roadmap(&roadmap::Input {
        read: &read,
        catalog,
        needs: &needs,
        recos: &recommendations,
        kept: &kept,
        fs: &framaspace,
        picks: &matching.picks,
        risks: &risks,
        to_find: &to_find,
        skills,
    });
    let mut summary = summary(
        &needs,
        &framaspace,
        &recommendations,
        &matching.picks,
        &matching.choice,
        &risks,
        &to_find,
    );
    summary.extend(roadmap_notes);
    Plan {
        version: PLAN_VERSION,
        questionnaire: QuestionnaireInfo {
            id: q.id.clone(),
            version: q.version,
        },
        catalog_as_of: catalog.as_of.to_string(),
        summary,
        needs,
        scores,
        framaspace,
        recommendations,
        hosts: matching.picks,
        host_choice: matching.choice,
        roadmap,
        risks,
        to_find,
    }
}

/// The needs a retained host is said to take while their recommendation chose another
/// provider (the decisions kept them as they are).
fn held_back(picks: &[HostPick], recos: &[Recommendation]) -> Vec<String> {
    picks
        .iter()
        .flat_map(|p| p.covers.iter().map(move |need| (p, need)))
        .filter(|(p, need)| {
            recos
                .iter()
                .find(|r| &r.need == *need)
                .and_then(Recommendation::chosen)
                .is_none_or(|c| c.id != p.id)
        })
        .map(|(_, need)| need.clone())
        .collect()
}

fn summary(
    needs: &[NeedUse],
    fs: &Framaspace,
    recos: &[Recommendation],
    picks: &[HostPick],
    host_choice: &HostChoice,
    risks: &[Risk],
    to_find: &[ToFind],
) -> Vec<Text> {
    let mut out = Vec::new();
    let free = needs
        .iter()
        .filter(|n| n.status == NeedStatus::Free)
        .count();
    let n = needs.len();
    let needs_fr = typo::count(Lang::Fr, n, "besoin relevé", "besoins relevés");
    let needs_en = typo::count(Lang::En, n, "need", "needs");
    out.push(if free == 0 {
        Text::new(
            format!("{needs_fr}, aucun encore couvert par du logiciel libre."),
            format!("{needs_en} found, none met by free software yet."),
        )
    } else {
        Text::new(
            format!(
                "{needs_fr}, dont {} par du logiciel libre.",
                typo::count(Lang::Fr, free, "déjà couvert", "déjà couverts")
            ),
            format!("{needs_en} found, {free} of them already met by free software."),
        )
    });
    let tools_unknown = to_find.iter().any(|f| f.about == risks::Topic::Tools);
    if fs.eligible != Eligible::No && !fs.recommended && tools_unknown {
        out.push(Text::new(
            format!(
                "Frama.space : {} ; à reconsidérer quand les outils utilisés seront connus.",
                fs.eligible_label.fr
            ),
            format!(
                "Frama.space: {}; to consider again once the tools in use are known.",
                fs.eligible_label.en
            ),
        ));
    } else if fs.eligible != Eligible::No && !fs.recommended {
        out.push(Text::new(
            format!(
                "Frama.space : {}, mais pas nécessaire pour les besoins relevés.",
                fs.eligible_label.fr
            ),
            format!(
                "Frama.space: {}, but not needed for the needs found.",
                fs.eligible_label.en
            ),
        ));
    } else {
        out.push(Text::new(
            format!("Frama.space : {}.", fs.eligible_label.fr),
            format!("Frama.space: {}.", fs.eligible_label.en),
        ));
    }
    out.extend(host_notes::summary(picks, host_choice, fs.recommended));
    let find: Vec<&str> = recos
        .iter()
        .filter(|r| r.action == Action::Find)
        .map(|r| r.label.fr.as_str())
        .collect();
    if !find.is_empty() {
        let en: Vec<&str> = recos
            .iter()
            .filter(|r| r.action == Action::Find)
            .map(|r| r.label.en.as_str())
            .collect();
        out.push(Text::new(
            format!(
                "Sans solution au catalogue, à chercher : {}.",
                find.join(", ")
            ),
            format!(
                "No answer in the catalogue, to be found: {}.",
                en.join(", ")
            ),
        ));
    }
    let high = risks
        .iter()
        .filter(|r| r.severity == Severity::High)
        .count();
    if high > 0 {
        out.push(Text::new(
            format!(
                "{} à traiter en priorité.",
                typo::count(Lang::Fr, high, "risque important", "risques importants")
            ),
            format!(
                "{} to deal with first.",
                typo::count(Lang::En, high, "serious risk", "serious risks")
            ),
        ));
    }
    if !to_find.is_empty() {
        let n = to_find.len();
        out.push(Text::new(
            format!(
                "{} « je ne sais pas » à trouver avant de décider.",
                typo::count(Lang::Fr, n, "réponse", "réponses")
            ),
            format!(
                "{} to find out before deciding.",
                typo::count(Lang::En, n, "'don't know' answer", "'don't know' answers")
            ),
        ));
    }
    out
}
