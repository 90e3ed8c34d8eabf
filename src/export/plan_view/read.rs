//! Reading the typed plan into the view, part by part: Frama.space, needs, scores,
//! recommendations with their providers, hosts, roadmap, risks and what to find out; then the
//! summary and the proposal (`brief`) and the annex of what the "Pourquoi ?" blocks leave out.

use super::why::{self, Why};
use super::{
    Compared, Ctx, Framaspace, Need, Phase, PlanView, Provider, Reason, Recommendation, Risk,
    Score, Step, ToFind, annex, brief, safe_url,
};
use crate::catalog::Effort;
use crate::export::escape::one_line;
use crate::export::labels::label;
use crate::i18n::{Lang, Text, typo};
use crate::plan::trace::explain_rule;
use crate::plan::why::ItemRef;
use crate::plan::{self, Action, Plan, ProviderKind, Role, Severity};

/// A text of the plan or the catalogue (ours, never what a person typed) in the reader's
/// language and typography.
fn t(text: &Text, lang: Lang) -> String {
    typo::punct(lang, &one_line(text.get(lang)))
}

fn some(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn framaspace(plan: &Plan, c: Ctx) -> Framaspace {
    let fs = &plan.framaspace;
    Framaspace {
        eligible: fs.offer.as_ref().map(|_| fs.eligible != plan::Eligible::No),
        verdict: t(&fs.eligible_label, c.lang),
        // Each reason on one line; where it comes from goes in its own "Pourquoi ?".
        reasons: fs
            .reasons
            .iter()
            .enumerate()
            .map(|(i, r)| Reason {
                text: t(&r.text, c.lang),
                why: why::why(Vec::new(), plan.why(ItemRef::FramaspaceReason(i)), plan, c),
            })
            .collect(),
    }
}

/// One line of reasons: « 0 outil libre sur 2 ; partir serait difficile ».
fn one_reason(reasons: &[Text], lang: Lang) -> Option<String> {
    let parts: Vec<String> = reasons.iter().map(|r| t(r, lang)).collect();
    some(parts.join(lang.pick(" ; ", "; ")))
}

/// The domain levels, lowest first, unknown last (the order of the bar chart).
fn scores(plan: &Plan, c: Ctx) -> Vec<Score> {
    const MAX: f64 = 4.0;
    let mut out: Vec<Score> = plan
        .scores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let level = s.level.map(|l| f64::from(l).clamp(1.0, MAX));
            Score {
                domain: one_line(&s.domain),
                label: t(&s.label, c.lang),
                level: level.unwrap_or(0.0),
                max: MAX,
                known: level.is_some(),
                // A domain the answers could not score reads "?" (its bar stays empty).
                shown: level.map_or_else(|| "?".to_string(), |l| typo::number(c.lang, l)),
                max_shown: typo::number(c.lang, MAX),
                word: some(t(&s.level_label, c.lang)),
                reason: one_reason(&s.reasons, c.lang),
                text_bar: {
                    let filled = level.map_or(0, |l| l as usize);
                    format!("{}{}", "█".repeat(filled), "·".repeat(4 - filled))
                },
                why: why::why(Vec::new(), plan.why(ItemRef::Score(i)), plan, c),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (!a.known, a.level)
            .partial_cmp(&(!b.known, b.level))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    out
}

/// A provider's name as a place: the catalogue's name, but « ce que vous utilisez déjà » and
/// « sur vos appareils » in the reader's language.
fn place(p: &plan::Provider, lang: Lang) -> String {
    match p.kind {
        ProviderKind::Keep => label(lang, "place_keep").to_string(),
        ProviderKind::Local => label(lang, "place_local").to_string(),
        _ => one_line(&p.name),
    }
}

/// A provider under a recommendation: its score's reasons one line each, and what to check.
fn provider(p: &plan::Provider, c: Ctx) -> Provider {
    let lang = c.lang;
    let mut reasons: Vec<String> = p.reasons.iter().map(|r| t(r, lang)).collect();
    let check = label(lang, "to_check");
    let colon = label(lang, "colon");
    reasons.extend(
        p.to_check
            .iter()
            .map(|x| format!("{check}{colon} {}", t(x, lang))),
    );
    Provider {
        id: one_line(&p.id),
        name: place(p, lang),
        score: p.score.map(|s| points(s, lang)),
        reasons,
        url: p.url.as_deref().and_then(safe_url),
        why: Why::default(),
    }
}

fn points(n: u32, lang: Lang) -> String {
    typo::count(lang, n, "point", "points")
}

/// A host of the chosen set: its reasons, why it was picked, where it is, what to check.
fn host(i: usize, plan: &Plan, c: Ctx) -> Provider {
    let h = &plan.hosts[i];
    let lang = c.lang;
    let mut reasons: Vec<String> = h.reasons.iter().map(|r| t(r, lang)).collect();
    reasons.extend(some(t(&h.why, lang)));
    reasons.extend(h.place.as_deref().map(one_line).and_then(some));
    let check = label(lang, "to_check");
    let colon = label(lang, "colon");
    reasons.extend(
        h.to_check
            .iter()
            .map(|x| format!("{check}{colon} {}", t(x, lang))),
    );
    Provider {
        id: one_line(&h.id),
        name: one_line(&h.name),
        score: Some(points(h.score, lang)),
        reasons,
        url: h.website.as_deref().and_then(safe_url),
        why: why::why(Vec::new(), plan.why(ItemRef::Host(i)), plan, c),
    }
}

fn action(a: Action, lang: Lang) -> &'static str {
    match a {
        Action::Keep => lang.pick("garder", "keep"),
        Action::Consolidate => lang.pick("regrouper", "consolidate"),
        Action::Replace => lang.pick("remplacer", "replace"),
        Action::Adopt => lang.pick("adopter", "adopt"),
        Action::AddAlongside => lang.pick("ajouter en parallèle", "add alongside"),
        Action::Find => lang.pick("à trouver", "to find"),
    }
}

fn effort(e: Effort, lang: Lang) -> &'static str {
    match e {
        Effort::Low => lang.pick("faible", "low"),
        Effort::Medium => lang.pick("moyen", "medium"),
        Effort::High => lang.pick("important", "high"),
    }
}

/// A step's cost, short: « gratuit », « 50 € par an », else the plan's words.
fn cost(c: &plan::roadmap::Cost, lang: Lang) -> Option<String> {
    match c.eur_per_year {
        Some(0.0) => Some(lang.pick("gratuit", "free").to_string()),
        Some(x) => Some(typo::eur_per_year(lang, x)),
        None => some(t(&c.text, lang)),
    }
}

/// The rule every step follows, said once above the roadmap rather than under each step.
const PHASE_RULE: &str = "roadmap.phase";

/// The steps of the phase at `index` in the plan's roadmap, numbered `number.1`, `number.2`…
/// (`number` counts the phases shown: empty ones are not).
fn steps(
    index: usize,
    number: usize,
    plan: &Plan,
    kept: &mut Vec<(String, String, String)>,
    c: Ctx,
) -> Vec<Step> {
    let lang = c.lang;
    let colon = label(lang, "colon");
    plan.roadmap[index]
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let reco = s
                .need
                .as_deref()
                .and_then(|n| plan.recommendations.iter().find(|r| r.need == n));
            let place = reco
                .and_then(|r| r.chosen())
                .map(|p| place(p, lang))
                .or_else(|| s.provider.as_deref().map(one_line));
            // Said with the step, never dropped: what must not travel, what stays.
            let mut notes: Vec<String> = s
                .caveats
                .iter()
                .map(|k| {
                    format!(
                        "{}{colon} {} → {}",
                        label(lang, "leave_out"),
                        t(&k.leave_out, lang),
                        t(&k.goes_to, lang)
                    )
                })
                .collect();
            // A kept tool is explained once; later steps point to where.
            for k in &s.keeps {
                let name = t(&k.name, lang);
                let why = t(&k.why, lang);
                let stays = label(lang, "stays");
                let here = format!("{number}.{}", i + 1);
                let said = kept.iter().find(|(n, w, _)| *n == name && *w == why);
                notes.push(match said {
                    Some((_, _, at)) => format!(
                        "{stays}{colon} {name} ({})",
                        label(lang, "see_step").replace("{}", at)
                    ),
                    None => format!("{stays}{colon} {name} ({why})"),
                });
                if said.is_none() {
                    kept.push((name, why, here));
                }
            }
            // The level goes in its narrow column; why it is that level, under the step.
            let level = effort(s.effort, lang).to_string();
            let reasons: Vec<String> = s.effort_reasons.iter().map(|r| t(r, lang)).collect();
            if !reasons.is_empty() {
                notes.push(format!(
                    "{} {level}{colon} {}",
                    label(lang, "effort_h"),
                    reasons.join(", ")
                ));
            }
            let effort = level;
            Step {
                number: format!("{number}.{}", i + 1),
                title: t(&s.title, lang),
                notes,
                who_full: some(one_line(s.who.get(lang)).trim_end_matches('.').to_string()),
                who: Some(who_short(&s.who, lang)),
                when: s.when.map(|w| t(&w.text(), lang)),
                effort: Some(effort),
                cost: cost(&s.cost, lang),
                cost_eur: s.cost.eur_per_year,
                place: place.and_then(some),
                howto: some(
                    s.migration
                        .iter()
                        .map(|m| t(m, lang))
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                why: why::why(
                    Vec::new(),
                    plan.why(ItemRef::Step {
                        phase: index,
                        step: i,
                    }),
                    plan,
                    c,
                ),
            }
        })
        .collect()
}

/// A provider's reasons in full the first time; after that, where they were given.
fn once(
    mut p: Provider,
    need: &str,
    detailed: &mut Vec<(String, Vec<String>, String)>,
    c: Ctx,
) -> Provider {
    let seen = detailed
        .iter()
        .find(|(id, reasons, _)| *id == p.id && *reasons == p.reasons);
    match seen {
        Some((_, _, first)) => {
            p.reasons = vec![label(c.lang, "same_detail").replace("{}", first)];
        }
        None if !p.reasons.is_empty() => {
            detailed.push((p.id.clone(), p.reasons.clone(), need.to_string()));
        }
        None => {}
    }
    p
}

fn severity(s: Severity, lang: Lang) -> (&'static str, &'static str) {
    match s {
        Severity::High => ("high", lang.pick("important", "high")),
        Severity::Medium => ("medium", lang.pick("moyen", "medium")),
        Severity::Low => ("low", lang.pick("faible", "low")),
    }
}

fn recommendations(plan: &Plan, c: Ctx) -> Vec<Recommendation> {
    let lang = c.lang;
    let mut detailed: Vec<(String, Vec<String>, String)> = Vec::new();
    plan.recommendations
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let need = t(&r.label, lang);
            let names: Vec<String> = r.software.iter().map(|s| one_line(&s.name)).collect();
            Recommendation {
                action: Some(action(r.action, lang).to_string()),
                software: names.join(", "),
                place: r.chosen().map(|p| place(p, lang)),
                providers: r
                    .providers
                    .iter()
                    .map(|p| once(provider(p, c), &need, &mut detailed, c))
                    .collect(),
                why: why::why(
                    r.reasons.iter().map(|x| t(x, lang)).collect(),
                    plan.why(ItemRef::Recommendation(i)),
                    plan,
                    c,
                ),
                need,
            }
        })
        .collect()
}

/// Every host weighed under a recommendation, once, with the needs it was weighed for; the
/// picked ones first, then by points.
fn compared(plan: &Plan, c: Ctx) -> Vec<Compared> {
    let lang = c.lang;
    let mut out: Vec<(u32, String, Compared)> = Vec::new();
    for r in &plan.recommendations {
        for p in r.providers.iter().filter(|p| p.kind == ProviderKind::Host) {
            let need = t(&r.label, lang);
            match out.iter_mut().find(|(_, id, _)| *id == p.id) {
                Some((_, _, e)) => {
                    if !e.needs.contains(&need) {
                        e.needs.push(need);
                    }
                }
                None => {
                    let shown = provider(p, c);
                    out.push((
                        p.score.unwrap_or(0),
                        p.id.clone(),
                        Compared {
                            name: shown.name,
                            score: shown.score,
                            url: shown.url,
                            picked: plan.hosts.iter().any(|h| h.id == p.id),
                            needs: vec![need],
                            reasons: shown.reasons,
                        },
                    ));
                }
            }
        }
    }
    out.sort_by_key(|(score, _, e)| std::cmp::Reverse((e.picked, *score)));
    out.into_iter().map(|(_, _, e)| e).collect()
}

/// Who does a step, short: the role, « à deux » when two people should hold the accesses,
/// « * » when the support wished for can be asked of the host; what both mean is said once
/// above the roadmap ([`who_note`]).
fn who_short(w: &plan::Who, lang: Lang) -> String {
    let role = match w.role {
        Role::Anyone => label(lang, "role_anyone"),
        Role::Referent => label(lang, "role_referent"),
        Role::Volunteer => label(lang, "role_volunteer"),
        Role::SocialMedia => label(lang, "role_social_media"),
        Role::Board => label(lang, "role_board"),
    };
    let mut s = role.to_string();
    if w.in_pairs {
        s.push_str(lang.pick(", à deux", ", in pairs"));
    }
    if w.host_support {
        s.push_str(" *");
    }
    s
}

/// What « à deux » and « * » mean, said once, for those the steps use.
fn who_note(plan: &Plan, lang: Lang) -> Option<String> {
    let steps = || plan.roadmap.iter().flat_map(|p| &p.steps);
    let mut parts: Vec<&str> = Vec::new();
    if steps().any(|s| s.who.in_pairs) {
        parts.push(label(lang, "who_in_pairs"));
    }
    if steps().any(|s| s.who.host_support) {
        parts.push(label(lang, "who_host_support"));
    }
    some(parts.join(" "))
}

/// Read the typed plan.
pub fn read(plan: &Plan, c: Ctx) -> PlanView {
    let lang = c.lang;
    let needs = plan
        .needs
        .iter()
        .enumerate()
        .map(|(i, n)| Need {
            id: one_line(&n.need),
            label: t(&n.label, lang),
            tools: n.tools.iter().map(|x| one_line(x.name.get(lang))).collect(),
            dependency: Some(t(&n.dependency.label(), lang)),
            why: why::why(Vec::new(), plan.why(ItemRef::Need(i)), plan, c),
        })
        .collect();
    let recommendations = recommendations(plan, c);
    // Only the phases with steps, numbered as shown.
    let mut kept = Vec::new();
    let roadmap: Vec<Phase> = plan
        .roadmap
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.steps.is_empty())
        .enumerate()
        .map(|(n, (i, p))| Phase {
            number: n + 1,
            title: t(&p.title, lang),
            steps: steps(i, n + 1, plan, &mut kept, c),
        })
        .collect();
    let who_note = who_note(plan, lang);
    let mut risks: Vec<(Severity, Risk)> = plan
        .risks
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (key, word) = severity(r.severity, lang);
            (
                r.severity,
                Risk {
                    severity: key,
                    severity_label: word.to_string(),
                    // The plan counts « N réponse(s) »: say it agreeing, from the list itself.
                    title: if r.id == "unknowns" {
                        typo::count(
                            lang,
                            plan.to_find.len(),
                            lang.pick("réponse à trouver", "answer to find out"),
                            lang.pick("réponses à trouver", "answers to find out"),
                        )
                    } else {
                        t(&r.title, lang)
                    },
                    detail: some(t(&r.detail, lang)),
                    action: some(t(&r.action, lang)),
                    why: why::why(Vec::new(), plan.why(ItemRef::Risk(i)), plan, c),
                },
            )
        })
        .collect();
    // High first; the plan's order within a severity.
    risks.sort_by_key(|(s, _)| *s);
    let mut view = PlanView {
        summary: Vec::new(),
        proposal: Default::default(),
        hosts: (0..plan.hosts.len()).map(|i| host(i, plan, c)).collect(),
        compared: compared(plan, c),
        framaspace: framaspace(plan, c),
        needs,
        scores: scores(plan, c),
        recommendations,
        roadmap_rule: plan
            .roadmap
            .iter()
            .flat_map(|p| &p.steps)
            .any(|s| s.trace.rules.iter().any(|r| r == PHASE_RULE))
            .then(|| explain_rule(PHASE_RULE).map(|t| t.get(lang).to_string()))
            .flatten(),
        who_note,
        roadmap,
        risks: risks.into_iter().map(|(_, r)| r).collect(),
        to_find: plan
            .to_find
            .iter()
            .map(|f| ToFind {
                question: t(&f.label, lang),
                why: some(t(&f.why, lang)),
                blocking: f.blocking,
            })
            .collect(),
        catalog_as_of: some(typo::date(lang, &one_line(&plan.catalog_as_of))),
        annex: Vec::new(),
    };
    brief::compose(&mut view, plan, c);
    annex::gather(&mut view, c);
    view
}
