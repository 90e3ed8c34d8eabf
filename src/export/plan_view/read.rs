//! Reading the typed plan into the view, part by part: Frama.space, needs, scores,
//! recommendations with their providers, hosts, roadmap, risks and what to find out; then the
//! summary and the proposal (`brief`) and the annex of what the "Pourquoi ?" blocks leave out.

use super::why::{self, Why, of};
use super::{
    Compared, Ctx, Framaspace, Need, Phase, PlanView, Provider, Reason, Recommendation, Risk,
    Score, Step, ToFind, annex, brief, safe_url,
};
use crate::catalog::Effort;
use crate::export::escape::one_line;
use crate::export::labels::label;
use crate::i18n::{Lang, Text, typo};
use crate::plan::trace::{Trace, explain_rule};
use crate::plan::{self, Action, Plan, ProviderKind, Severity};

fn t(text: &Text, lang: Lang) -> String {
    one_line(text.get(lang))
}

fn some(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn framaspace(fs: &plan::Framaspace, c: Ctx) -> Framaspace {
    Framaspace {
        eligible: fs.offer.as_ref().map(|_| fs.eligible != plan::Eligible::No),
        verdict: t(&fs.eligible_label, c.lang),
        // Each reason on one line; where it comes from goes in its own "Pourquoi ?".
        reasons: fs
            .reasons
            .iter()
            .map(|r| Reason {
                text: t(&r.text, c.lang),
                why: why::why(Vec::new(), Some(r.trace.clone()), None, c),
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
        .map(|s| {
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
                why: why::why(Vec::new(), Some(s.trace.clone()), None, c),
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
fn host(h: &plan::HostPick, c: Ctx) -> Provider {
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
        why: why::why(Vec::new(), Some(h.trace.clone()), None, c),
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

fn steps(
    phase_no: usize,
    phase: &plan::PhasePlan,
    plan: &Plan,
    recos: &[Recommendation],
    c: Ctx,
) -> Vec<Step> {
    let lang = c.lang;
    let reco_of = |need: &str| {
        plan.recommendations
            .iter()
            .zip(recos)
            .find(|(r, _)| r.need == need)
    };
    phase
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            // A step on a need builds on its recommendation; the Frama.space request on the
            // eligibility. Only what the step adds is shown, with where the rest is.
            let raw = s.need.as_deref().and_then(reco_of);
            let mut parent: Option<(Trace, String)> = match raw {
                Some((r, shown)) => Some((
                    r.trace.clone(),
                    label(lang, "see_reco").replace("{}", &shown.need),
                )),
                None => Some(&plan.framaspace.trace)
                    .filter(|f| f.rules.iter().all(|r| s.trace.rules.contains(r)))
                    .map(|f| (f.clone(), label(lang, "see_framaspace").to_string())),
            };
            match &mut parent {
                Some((t, _)) => t.add_rule(PHASE_RULE),
                None => parent = Some((Trace::rule(PHASE_RULE), String::new())),
            }
            let place = raw
                .and_then(|(r, _)| r.chosen())
                .map(|p| place(p, lang))
                .or_else(|| s.provider.as_deref().map(one_line));
            Step {
                number: format!("{phase_no}.{}", i + 1),
                title: t(&s.title, lang),
                who: some(one_line(s.who.get(lang)).trim_end_matches('.').to_string()),
                who_full: some(one_line(s.who.get(lang)).trim_end_matches('.').to_string()),
                when: s.when.map(|w| t(&w.text(), lang)),
                effort: Some(effort(s.effort, lang).to_string()),
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
                    Some(s.trace.clone()),
                    parent
                        .as_ref()
                        .map(|(t, see)| (t, (!see.is_empty()).then(|| see.clone()))),
                    c,
                ),
            }
        })
        .collect()
}

/// What Frama.space's eligibility read: the traces of its reasons, but the one on features
/// (which reads every need's answers).
fn eligibility(plan: &Plan) -> Trace {
    let mut t = Trace::default();
    for r in &plan.framaspace.reasons {
        if !r.trace.rules.iter().any(|x| x == "framaspace.needs") {
            t.merge(&r.trace);
        }
    }
    t
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
    let eligibility = eligibility(plan);
    let mut detailed: Vec<(String, Vec<String>, String)> = Vec::new();
    plan.recommendations
        .iter()
        .map(|r| {
            let need = t(&r.label, lang);
            // Frama.space's eligibility is explained in its own part: refer to it.
            let via_framaspace = r.trace.rules.iter().any(|x| x == "reco.framaspace");
            let parent = via_framaspace.then(|| {
                (
                    &eligibility,
                    Some(label(lang, "see_eligibility").to_string()),
                )
            });
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
                    Some(r.trace.clone()),
                    parent,
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

/// The longest clause ending (after « , » or « ; ») that at least half of the steps' "who"
/// share: said once above the roadmap, marked « * » in the cells, not repeated twenty times.
fn factor_who(roadmap: &mut [Phase]) -> Option<String> {
    let whos: Vec<&str> = roadmap
        .iter()
        .flat_map(|p| &p.steps)
        .filter_map(|s| s.who.as_deref())
        .collect();
    let mut best: Option<(String, usize)> = None;
    for w in &whos {
        for (i, _) in w.match_indices([',', ';']) {
            let tail = &w[i..];
            let n = whos.iter().filter(|o| o.ends_with(tail)).count();
            if n >= 2
                && 2 * n >= whos.len()
                && best.as_ref().is_none_or(|(b, _)| tail.len() > b.len())
            {
                best = Some((tail.to_string(), n));
            }
        }
    }
    let (tail, _) = best?;
    for s in roadmap.iter_mut().flat_map(|p| &mut p.steps) {
        if let Some(w) = &mut s.who
            && let Some(head) = w.strip_suffix(tail.as_str())
        {
            *w = format!("{} *", head.trim_end());
        }
    }
    Some(format!(
        "* {}",
        tail.trim_start_matches([',', ';', ' ', '\u{a0}', '\u{202f}'])
    ))
}

/// Read the typed plan.
pub fn read(plan: &Plan, c: Ctx) -> PlanView {
    let lang = c.lang;
    let needs = plan
        .needs
        .iter()
        .map(|n| Need {
            id: one_line(&n.need),
            label: t(&n.label, lang),
            tools: n.tools.iter().map(|x| one_line(x.name.get(lang))).collect(),
            dependency: Some(t(&n.dependency.label(), lang)),
            why: of(&[], &n.trace, c),
        })
        .collect();
    let recommendations = recommendations(plan, c);
    let mut roadmap: Vec<Phase> = plan
        .roadmap
        .iter()
        .enumerate()
        .map(|(i, p)| Phase {
            number: i + 1,
            title: t(&p.title, lang),
            steps: steps(i + 1, p, plan, &recommendations, c),
        })
        .collect();
    let who_note = factor_who(&mut roadmap);
    let mut risks: Vec<(Severity, Risk)> = plan
        .risks
        .iter()
        .map(|r| {
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
                    why: why::why(Vec::new(), Some(r.trace.clone()), None, c),
                },
            )
        })
        .collect();
    // High first; the plan's order within a severity.
    risks.sort_by_key(|(s, _)| *s);
    let mut view = PlanView {
        summary: Vec::new(),
        proposal: Default::default(),
        hosts: plan.hosts.iter().map(|h| host(h, c)).collect(),
        compared: compared(plan, c),
        framaspace: framaspace(&plan.framaspace, c),
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
