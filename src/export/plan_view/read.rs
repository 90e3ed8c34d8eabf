//! Reading the plan's JSON into the view, part by part: Frama.space, needs, scores,
//! recommendations with their providers, hosts, roadmap, risks and what to find out; then the
//! annex of what the "Pourquoi ?" blocks leave out.

use serde_json::Value;

use super::text::{field, list, text, texts, word};
use super::why::{self, Why, of_item, trace_of};
use super::{
    Ctx, Framaspace, Need, Phase, PlanView, Provider, Reason, Recommendation, Risk, Score, Step,
    annex, safe_url,
};
use crate::export::labels::label;
use crate::plan::trace::{Trace, explain_rule};

fn framaspace(fs: &Value, c: Ctx) -> Framaspace {
    let eligible = match fs.get("eligible") {
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::String(s)) => match s.to_lowercase().as_str() {
            "yes" | "probably" | "true" => Some(true),
            "no" | "false" => Some(false),
            _ => None,
        },
        _ => None,
    };
    Framaspace {
        eligible,
        verdict: field(fs, &["eligible_label", "verdict"], c.lang),
        // Each reason on one line; where it comes from goes in its own "Pourquoi ?".
        reasons: list(fs, &["reasons"])
            .iter()
            .filter_map(|r| {
                Some(Reason {
                    text: text(r, c.lang)?,
                    why: why::why(Vec::new(), trace_of(r), None, c),
                })
            })
            .collect(),
    }
}

fn scores(plan: &Value, c: Ctx) -> Vec<Score> {
    let raw_scores: Vec<(&Value, Option<f64>)> = list(plan, &["scores"])
        .iter()
        .map(|s| (s, s.get("level").and_then(Value::as_f64)))
        .collect();
    let top = raw_scores
        .iter()
        .filter_map(|(_, l)| *l)
        .fold(0.0, f64::max);
    let default_max = [4.0, 5.0, 10.0, 100.0]
        .into_iter()
        .find(|m| top <= *m)
        .unwrap_or(top);
    raw_scores
        .iter()
        .map(|(s, raw)| {
            let max = s
                .get("max")
                .and_then(Value::as_f64)
                .filter(|m| *m > 0.0)
                .unwrap_or(default_max);
            let level = raw.unwrap_or(0.0).clamp(0.0, max);
            Score {
                domain: field(s, &["domain", "id"], c.lang).unwrap_or_default(),
                label: field(s, &["label", "name", "domain"], c.lang).unwrap_or_default(),
                level,
                max,
                // A domain the answers could not score reads "?" (its bar stays empty).
                shown: match raw {
                    Some(_) => crate::audit::format_number((level * 10.0).round() / 10.0),
                    None => "?".to_string(),
                },
                max_shown: crate::audit::format_number(max),
                word: field(s, &["level_label"], c.lang),
                text_bar: {
                    let filled = ((level / max) * 10.0).round().clamp(0.0, 10.0) as usize;
                    format!("{}{}", "█".repeat(filled), "·".repeat(10 - filled))
                },
                why: of_item(s, c),
            }
        })
        .collect()
}

/// A provider under a recommendation or in the hosts list: its score's reasons one line each,
/// what to check, and (hosts list) why it was picked.
fn provider(p: &Value, c: Ctx) -> Provider {
    let lang = c.lang;
    let mut reasons = texts(p, &["reasons"], lang);
    reasons.extend(field(p, &["why"], lang));
    if let Some(place) = field(p, &["place"], lang) {
        reasons.push(place);
    }
    let check = label(lang, "to_check");
    let colon = label(lang, "colon");
    reasons.extend(
        texts(p, &["to_check"], lang)
            .into_iter()
            .map(|t| format!("{check}{colon} {t}")),
    );
    Provider {
        id: field(p, &["id"], lang).unwrap_or_default(),
        name: field(p, &["name", "id"], lang).unwrap_or_default(),
        score: p.get("score").and_then(|s| text(s, lang)),
        reasons,
        url: ["url", "website"]
            .iter()
            .find_map(|k| p.get(*k).and_then(Value::as_str).and_then(safe_url)),
        why: why::why(Vec::new(), trace_of(p), None, c),
    }
}

/// "How": each migration note as written (a list is one sentence after another).
fn howto(s: &Value, c: Ctx) -> Option<String> {
    let keys = ["howto", "how_to", "how", "migration"];
    let v = keys.iter().find_map(|k| s.get(*k))?;
    let joined = match v {
        Value::Array(items) => items
            .iter()
            .filter_map(|i| text(i, c.lang))
            .collect::<Vec<_>>()
            .join(" "),
        other => text(other, c.lang)?,
    };
    (!joined.is_empty()).then_some(joined)
}

/// The rule every step follows, said once above the roadmap rather than under each step.
const PHASE_RULE: &str = "roadmap.phase";

fn steps(phase: &Value, plan: &Value, recos: &[Recommendation], c: Ctx) -> Vec<Step> {
    let lang = c.lang;
    let fs_trace = plan.get("framaspace").and_then(trace_of);
    let reco_of = |need: &str| {
        list(plan, &["recommendations"])
            .iter()
            .zip(recos)
            .find(|(r, _)| r.get("need").and_then(Value::as_str) == Some(need))
    };
    list(phase, &["steps"])
        .iter()
        .map(|s| {
            let trace = trace_of(s);
            // A step on a need builds on its recommendation; the Frama.space request on the
            // eligibility. Only what the step adds is shown, with where the rest is.
            let need = s.get("need").and_then(Value::as_str);
            let mut parent: Option<(Trace, String)> = match need.and_then(reco_of) {
                Some((raw, shown)) => trace_of(raw).map(|t| {
                    let see = label(lang, "see_reco").replace("{}", &shown.need);
                    (t, see)
                }),
                None => fs_trace
                    .clone()
                    .filter(|f| {
                        trace
                            .as_ref()
                            .is_some_and(|t| f.rules.iter().all(|r| t.rules.contains(r)))
                    })
                    .map(|f| (f, label(lang, "see_framaspace").to_string())),
            };
            match &mut parent {
                Some((t, _)) => t.add_rule(PHASE_RULE),
                None => parent = Some((Trace::rule(PHASE_RULE), String::new())),
            }
            Step {
                title: field(s, &["title", "label", "text", "step"], lang).unwrap_or_default(),
                effort: s.get("effort").and_then(|e| match e.as_str() {
                    Some("low") => Some(lang.pick("faible", "low").to_string()),
                    Some("medium") => Some(lang.pick("moyen", "medium").to_string()),
                    Some("high") => Some(lang.pick("important", "high").to_string()),
                    _ => text(e, lang),
                }),
                cost: field(s, &["cost"], lang),
                howto: howto(s, c),
                why: why::why(
                    Vec::new(),
                    trace,
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
fn eligibility(plan: &Value) -> Trace {
    let mut t = Trace::default();
    let fs = plan.get("framaspace").unwrap_or(&Value::Null);
    for r in list(fs, &["reasons"]) {
        if let Some(rt) = trace_of(r)
            && !rt.rules.iter().any(|x| x == "framaspace.needs")
        {
            t.merge(&rt);
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

/// Read the plan's serialised form.
pub fn read(plan: &Value, c: Ctx) -> PlanView {
    let lang = c.lang;
    let needs = list(plan, &["needs"])
        .iter()
        .map(|n| Need {
            id: field(n, &["id", "need"], lang).unwrap_or_default(),
            label: field(n, &["label", "name", "title", "need", "id"], lang).unwrap_or_default(),
            tools: texts(n, &["tools", "current_tools", "current"], lang),
            dependency: n
                .get("dependency")
                .and_then(|d| word(d, lang).or_else(|| text(d, lang))),
            why: of_item(n, c),
        })
        .collect();
    let eligibility = eligibility(plan);
    let mut detailed: Vec<(String, Vec<String>, String)> = Vec::new();
    let recommendations: Vec<Recommendation> = list(plan, &["recommendations"])
        .iter()
        .map(|r| {
            let need = field(r, &["label", "need_label", "need"], lang).unwrap_or_default();
            let trace = trace_of(r);
            // Frama.space's eligibility is explained in its own part: refer to it.
            let via_framaspace = trace
                .as_ref()
                .is_some_and(|t| t.rules.iter().any(|x| x == "reco.framaspace"));
            let parent = via_framaspace.then(|| {
                (
                    &eligibility,
                    Some(label(lang, "see_eligibility").to_string()),
                )
            });
            Recommendation {
                action: r.get("action").and_then(|a| word(a, lang)),
                software: field(r, &["software_name", "software"], lang).unwrap_or_default(),
                providers: list(r, &["providers"])
                    .iter()
                    .map(|p| once(provider(p, c), &need, &mut detailed, c))
                    .collect(),
                why: why::why(texts(r, &["reasons", "why"], lang), trace, parent, c),
                need,
            }
        })
        .collect();
    let roadmap = list(plan, &["roadmap"])
        .iter()
        .map(|p| Phase {
            title: field(p, &["title", "name", "phase"], lang).unwrap_or_default(),
            steps: steps(p, plan, &recommendations, c),
        })
        .collect();
    let mut risks: Vec<Risk> = list(plan, &["risks"])
        .iter()
        .map(|r| Risk {
            title: field(r, &["title", "label", "text", "risk", "id"], lang).unwrap_or_default(),
            detail: field(r, &["detail", "details", "description"], lang),
            action: field(r, &["action", "advice"], lang),
            why: why::why(Vec::new(), trace_of(r), None, c),
        })
        .collect();
    // What the answers left open ("je ne sais pas") that the plan needs.
    let find = label(lang, "to_find");
    let colon = label(lang, "colon");
    risks.extend(list(plan, &["to_find"]).iter().map(|f| Risk {
        title: format!(
            "{find}{colon} {}",
            field(f, &["label", "question"], lang).unwrap_or_default()
        ),
        detail: field(f, &["why"], lang),
        action: None,
        why: Why::default(),
    }));
    let mut view = PlanView {
        summary: texts(plan, &["summary"], lang),
        hosts: list(plan, &["hosts"])
            .iter()
            .map(|p| provider(p, c))
            .collect(),
        framaspace: framaspace(plan.get("framaspace").unwrap_or(&Value::Null), c),
        needs,
        scores: scores(plan, c),
        recommendations,
        roadmap_rule: list(plan, &["roadmap"])
            .iter()
            .flat_map(|p| list(p, &["steps"]))
            .filter_map(trace_of)
            .any(|t| t.rules.iter().any(|r| r == PHASE_RULE))
            .then(|| explain_rule(PHASE_RULE).map(|t| t.get(lang).to_string()))
            .flatten(),
        roadmap,
        risks,
        catalog_as_of: field(plan, &["catalog_as_of"], lang),
        annex: Vec::new(),
    };
    annex::gather(&mut view, c);
    view
}
