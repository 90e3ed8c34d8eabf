//! Pooled needs (mutualisation, as Emancip'Asso's listings allow): groups of associations that
//! share an **unmet** need (not met with free software only: proprietary tools, mixed, or no
//! tool yet) in the same area, that a CHATONS host of the catalogue could serve together.
//!
//! Rules:
//! 1. Each association counts once, through its latest audit in the scope.
//! 2. Per need, French associations are grouped by département; those left alone in their
//!    département are grouped by region; associations elsewhere by country (Belgium as one
//!    area). An association whose place is unknown joins no group. A group has two members or
//!    more.
//! 3. The hosts are those the plan's host matching accepts for the need (it runs the software
//!    or answers the need, registration open to an association — members-only when it could
//!    join —, not full, not ended, still in the collective), best first with nearness to the
//!    group's first member; Framasoft is represented by Frama.space and not listed. A group no
//!    host could serve is reported apart.
//! 4. What pooling would change: one shared space and one accompanied migration for the
//!    group, and the cost split by the stated price of the best host (per space: divided; per
//!    account: summed over the accounts stated; membership: per association, a common one « à
//!    vérifier »); no stated price: « à vérifier ». When Frama.space covers the need, it is said
//!    that each association could have its own free space.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::area::{Area, Place};
use super::facts::{Facts, Reader};
use super::price::{self, PriceNote};
use crate::audit::{Association, LegalForm};
use crate::catalog::{Catalog, SoftwareKind};
use crate::i18n::Text;
use crate::plan::NeedStatus;
use crate::plan::hosts::{self, HostNeed};

/// One association in a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    pub audit_id: String,
    pub association_id: String,
    /// For the trainer's eyes; never in an annonce.
    pub name: String,
    pub activity: String,
    pub legal_form: LegalForm,
    /// What it uses for the need today (catalogue names).
    pub tools: Vec<String>,
    pub status: NeedStatus,
    pub accounts: Option<f64>,
    pub budget_eur: Option<f64>,
    /// Asked for support or training (signals `wants-support`, `wants-training`).
    pub wants_support: bool,
}

/// A host that could serve a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HostOption {
    pub id: String,
    pub name: String,
    pub place: Option<String>,
    pub website: Option<String>,
    pub score: u32,
    pub reasons: Vec<Text>,
    pub to_check: Vec<Text>,
    pub price: PriceNote,
}

/// A group of associations that could pool one need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// `need@area`, e.g. `email@dep-35`: what `workshop annonce` takes.
    pub id: String,
    pub need: String,
    pub need_label: Text,
    pub area: Area,
    pub members: Vec<Member>,
    pub hosts: Vec<HostOption>,
    /// Frama.space covers this need (one free space per association).
    pub framaspace: bool,
    /// What pooling would change, sentence by sentence.
    pub changes: Vec<Text>,
}

/// A group no host of the catalogue could serve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unserved {
    pub id: String,
    pub need: String,
    pub need_label: Text,
    pub area: Area,
    pub members: usize,
}

/// Every group of a scope.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Pools {
    /// Largest first, then by need and area.
    pub groups: Vec<Group>,
    pub unserved: Vec<Unserved>,
}

impl Pools {
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
}

/// Find the groups among the facts of a scope.
pub fn pools(facts: &Facts, catalog: &Catalog) -> Pools {
    let mut reader = Reader::new(catalog);
    // (need, area) → (area, members, first member's association); départements and countries.
    type Bucket = (Area, Vec<Member>, Association);
    let mut first: BTreeMap<(String, String), Bucket> = BTreeMap::new();
    for f in facts.latest_per_association() {
        let Some(q) = facts.questionnaires.get(&f.questionnaire_hash) else {
            continue;
        };
        let r = reader.read(q, &f.answers);
        let place = Place::of(&f.association);
        let Some(area) = place.departement.clone().or(place.country.clone()) else {
            continue;
        };
        let wants_support = r
            .signals
            .iter()
            .any(|s| *s == "wants-support" || *s == "wants-training");
        for n in r.needs.iter().filter(|n| n.unmet()) {
            let member = Member {
                audit_id: f.audit_id.clone(),
                association_id: f.association.id.clone(),
                name: f.association.name.clone(),
                activity: f.association.activity.clone(),
                legal_form: f.association.legal_form,
                tools: n.tools.iter().map(|t| t.to_string()).collect(),
                status: n.status,
                accounts: r.accounts,
                budget_eur: r.budget_eur,
                wants_support,
            };
            first
                .entry((n.need.to_string(), area.id.clone()))
                .or_insert_with(|| (area.clone(), Vec::new(), f.association.clone()))
                .1
                .push(member);
        }
    }
    // Départements with a single member hand it on to their region.
    let mut second: BTreeMap<(String, String), Bucket> = BTreeMap::new();
    let mut buckets: Vec<(String, Bucket)> = Vec::new();
    for ((need, _), (area, members, rep)) in first {
        if members.len() >= 2 {
            buckets.push((need, (area, members, rep)));
            continue;
        }
        let region = Place::of(&rep).region;
        if let (Some(region), Some(m)) = (region, members.into_iter().next()) {
            second
                .entry((need.clone(), region.id.clone()))
                .or_insert_with(|| (region, Vec::new(), rep))
                .1
                .push(m);
        }
    }
    buckets.extend(
        second
            .into_iter()
            .filter(|(_, (_, m, _))| m.len() >= 2)
            .map(|((need, _), b)| (need, b)),
    );
    let mut out = Pools::default();
    let mut memo: HashMap<(String, String, String), Vec<HostOption>> = HashMap::new();
    for (need, (area, members, rep)) in buckets {
        let key = (need.clone(), rep.country.clone(), rep.postcode.clone());
        let hosts = memo
            .entry(key)
            .or_insert_with(|| hosts_for(catalog, &need, &rep))
            .clone();
        let need_label = catalog
            .need(&need)
            .map_or_else(|| Text::new(&need, &need), |n| n.label.clone());
        let id = format!("{need}@{}", area.id);
        if hosts.is_empty() {
            out.unserved.push(Unserved {
                id,
                need,
                need_label,
                area,
                members: members.len(),
            });
            continue;
        }
        let framaspace = catalog
            .frama_space()
            .is_some_and(|o| o.covered_needs().contains(&need.as_str()));
        let changes = changes(&members, &hosts[0], framaspace);
        out.groups.push(Group {
            id,
            need,
            need_label,
            area,
            members,
            hosts,
            framaspace,
            changes,
        });
    }
    let order = |need: &str| {
        catalog
            .needs
            .iter()
            .position(|n| n.id == need)
            .unwrap_or(usize::MAX)
    };
    out.groups.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then_with(|| order(&a.need).cmp(&order(&b.need)))
            .then_with(|| a.id.cmp(&b.id))
    });
    out.unserved
        .sort_by(|a, b| b.members.cmp(&a.members).then_with(|| a.id.cmp(&b.id)));
    out
}

/// The hosts the plan's matching accepts for one need, near `rep` first.
fn hosts_for(catalog: &Catalog, need: &str, rep: &Association) -> Vec<HostOption> {
    let software: Vec<String> = catalog
        .software_for_need(need)
        .into_iter()
        .filter(|s| s.kind == SoftwareKind::Hosted)
        .map(|s| s.id.clone())
        .collect();
    let label = catalog
        .need(need)
        .map_or_else(|| Text::new(need, need), |n| n.label.clone());
    let wanted = [HostNeed {
        need: need.to_string(),
        label,
        software,
        cover: true,
    }];
    let rep = Association {
        legal_form: LegalForm::Association,
        ..rep.clone()
    };
    let ctx = hosts::Context::profile_only(&rep, catalog);
    let matching = hosts::matching(&ctx, &wanted);
    let Some(candidates) = matching.per_need.into_iter().next() else {
        return Vec::new();
    };
    candidates
        .into_iter()
        .filter(|p| p.held_back.is_none())
        .filter_map(|p| {
            let host = catalog.host(&p.id)?;
            let place = [
                host.place.city.as_deref(),
                host.place.area.as_deref(),
                host.place.country.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            Some(HostOption {
                id: p.id,
                name: p.name,
                place: (!place.is_empty()).then_some(place),
                website: p.url,
                score: p.score.unwrap_or(0),
                reasons: p.reasons.to_vec(),
                to_check: p.to_check.to_vec(),
                price: price::note(host),
            })
        })
        .collect()
}

/// What pooling would change for a group, with its best host.
fn changes(members: &[Member], host: &HostOption, framaspace: bool) -> Vec<Text> {
    let n = members.len();
    let mut out = vec![Text::new(
        format!(
            "Un seul espace partagé chez {} pour les {n} associations (un groupe par association), au lieu de {n} démarches séparées.",
            host.name
        ),
        format!(
            "One shared space at {} for the {n} associations (a group each), instead of {n} separate sign-ups.",
            host.name
        ),
    )];
    let accounts: Option<f64> = members.iter().map(|m| m.accounts).sum();
    out.push(price::split(&host.price, n, accounts));
    out.push(Text::new(
        format!(
            "Une seule migration accompagnée et une formation commune pour les {n} associations."
        ),
        format!("One accompanied migration and one shared training for the {n} associations."),
    ));
    if framaspace {
        out.push(Text::new(
            "À noter : Frama.space couvre aussi ce besoin, gratuitement, avec un espace par association ; la mise en commun chez un hébergeur vaut surtout pour l'accompagnement et l'entraide locale.",
            "Note: Frama.space also covers this need, free of charge, with one space per association; pooling at a host is mostly worth it for support and local mutual help.",
        ));
    }
    out
}
