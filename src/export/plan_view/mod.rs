//! The plan as the exports show it: read from the plan's serialised form (`serde_json::Value`)
//! into plain, localised, cleaned strings. Reading the serialised form keeps the exports
//! independent of the plan's Rust types and tolerant of fields it does not know; a text is
//! either a string or a `{fr, en}` pair, wherever it sits.

mod text;
mod trace;

pub use text::{safe_url, text};

use serde::Serialize;
use serde_json::Value;

use super::Options;
use crate::i18n::Lang;
use crate::questionnaire::Questionnaire;
use text::{field, list, texts, word};
use trace::{read_trace, trace_line, why};

/// How the plan is read: language, questionnaire (for labels), privacy options.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub lang: Lang,
    pub q: &'a Questionnaire,
    pub opts: &'a Options,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PlanView {
    /// A few sentences that sum the plan up.
    pub summary: Vec<String>,
    pub framaspace: Framaspace,
    pub needs: Vec<Need>,
    pub scores: Vec<Score>,
    pub recommendations: Vec<Recommendation>,
    pub roadmap: Vec<Phase>,
    pub risks: Vec<Risk>,
    /// The hosts picked to cover what Frama.space does not.
    pub hosts: Vec<Provider>,
    pub catalog_as_of: Option<String>,
    pub traces: Vec<Trace>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Framaspace {
    /// `None` when the plan says nothing.
    pub eligible: Option<bool>,
    /// The plan's own wording of the verdict, when it gives one.
    pub verdict: Option<String>,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Need {
    pub id: String,
    pub label: String,
    pub tools: Vec<String>,
    pub dependency: Option<String>,
    pub why: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    pub domain: String,
    pub label: String,
    pub level: f64,
    pub max: f64,
    /// The level as people write it ("2", "2.5").
    pub shown: String,
    pub max_shown: String,
    /// The level as a ten-cell text bar, for plain text ("██████····").
    pub text_bar: String,
    pub why: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Recommendation {
    pub need: String,
    /// What to do: keep, replace, adopt...
    pub action: Option<String>,
    pub software: String,
    pub providers: Vec<Provider>,
    pub why: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub score: Option<String>,
    pub reasons: Vec<String>,
    /// An `http(s)` address, already checked by [`safe_url`].
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Phase {
    pub title: String,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Step {
    pub title: String,
    pub effort: Option<String>,
    pub cost: Option<String>,
    pub howto: Option<String>,
    pub why: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Risk {
    pub title: String,
    pub detail: Option<String>,
    pub action: Option<String>,
    pub why: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Trace {
    pub rule: String,
    pub answers: Vec<String>,
}

/// Read the plan's serialised form.
pub fn read(plan: &Value, c: Ctx) -> PlanView {
    let lang = c.lang;
    let fs = plan.get("framaspace").unwrap_or(&Value::Null);
    let eligible = match fs.get("eligible") {
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::String(s)) => match s.to_lowercase().as_str() {
            "yes" | "probably" | "true" => Some(true),
            "no" | "false" => Some(false),
            _ => None,
        },
        _ => None,
    };
    let framaspace = Framaspace {
        eligible,
        verdict: field(fs, &["eligible_label", "verdict"], lang),
        // Each reason with where it comes from (rule, answers, dated sources).
        reasons: list(fs, &["reasons"])
            .iter()
            .filter_map(|r| {
                let t = text(r, lang)?;
                Some(match r.get("trace").and_then(|tr| trace_line(tr, c)) {
                    Some(w) if !w.is_empty() => format!("{t} ({w})"),
                    _ => t,
                })
            })
            .collect(),
    };
    let needs = list(plan, &["needs"])
        .iter()
        .map(|n| Need {
            id: field(n, &["id", "need"], lang).unwrap_or_default(),
            label: field(n, &["label", "name", "title", "need", "id"], lang).unwrap_or_default(),
            tools: texts(n, &["tools", "current_tools", "current"], lang),
            dependency: n
                .get("dependency")
                .and_then(|d| word(d, lang).or_else(|| text(d, lang))),
            why: why(n, c),
        })
        .collect();
    let raw_scores: Vec<(&Value, Option<f64>)> = list(plan, &["scores"])
        .iter()
        .map(|s| {
            let level = s.get("level").and_then(Value::as_f64);
            (s, level)
        })
        .collect();
    let top = raw_scores
        .iter()
        .filter_map(|(_, l)| *l)
        .fold(0.0, f64::max);
    let default_max = [4.0, 5.0, 10.0, 100.0]
        .into_iter()
        .find(|m| top <= *m)
        .unwrap_or(top);
    let scores = raw_scores
        .iter()
        .map(|(s, raw)| {
            let level = raw.unwrap_or(0.0);
            let max = s
                .get("max")
                .and_then(Value::as_f64)
                .filter(|m| *m > 0.0)
                .unwrap_or(default_max);
            let level = level.clamp(0.0, max);
            Score {
                domain: field(s, &["domain", "id"], lang).unwrap_or_default(),
                label: field(s, &["label", "name", "domain"], lang).unwrap_or_default(),
                level,
                max,
                // A domain the answers could not score reads "?" (its bar stays empty).
                shown: match raw {
                    Some(_) => crate::audit::format_number((level * 10.0).round() / 10.0),
                    None => "?".to_string(),
                },
                max_shown: crate::audit::format_number(max),
                text_bar: {
                    let filled = ((level / max) * 10.0).round().clamp(0.0, 10.0) as usize;
                    format!("{}{}", "█".repeat(filled), "·".repeat(10 - filled))
                },
                why: why(s, c),
            }
        })
        .collect();
    let provider = |p: &Value| {
        let mut reasons = texts(p, &["reasons"], lang);
        reasons.extend(field(p, &["why"], lang));
        if let Some(place) = field(p, &["place"], lang) {
            reasons.push(place);
        }
        let check = c.lang.pick("à vérifier", "to check");
        reasons.extend(
            texts(p, &["to_check"], lang)
                .into_iter()
                .map(|t| format!("{check} : {t}")),
        );
        Provider {
            id: field(p, &["id"], lang).unwrap_or_default(),
            name: field(p, &["name", "id"], lang).unwrap_or_default(),
            score: p.get("score").and_then(|s| text(s, lang)),
            reasons,
            url: ["url", "website"]
                .iter()
                .find_map(|k| p.get(*k).and_then(Value::as_str).and_then(safe_url)),
        }
    };
    let recommendations = list(plan, &["recommendations"])
        .iter()
        .map(|r| Recommendation {
            need: field(r, &["label", "need_label", "need"], lang).unwrap_or_default(),
            action: r.get("action").and_then(|a| word(a, lang)),
            software: field(r, &["software_name", "software"], lang).unwrap_or_default(),
            providers: list(r, &["providers"]).iter().map(provider).collect(),
            why: why(r, c),
        })
        .collect();
    let roadmap = list(plan, &["roadmap"])
        .iter()
        .map(|p| Phase {
            title: field(p, &["title", "name", "phase"], lang).unwrap_or_default(),
            steps: list(p, &["steps"])
                .iter()
                .map(|s| Step {
                    title: field(s, &["title", "label", "text", "step"], lang).unwrap_or_default(),
                    effort: s.get("effort").and_then(|e| match e.as_str() {
                        Some("low") => Some(lang.pick("faible", "low").to_string()),
                        Some("medium") => Some(lang.pick("moyen", "medium").to_string()),
                        Some("high") => Some(lang.pick("important", "high").to_string()),
                        _ => text(e, lang),
                    }),
                    cost: field(s, &["cost"], lang),
                    howto: field(s, &["howto", "how_to", "how", "migration"], lang)
                        .map(|h| h.replace(", ", " ")),
                    why: why(s, c),
                })
                .collect(),
        })
        .collect();
    let mut risks: Vec<Risk> = list(plan, &["risks"])
        .iter()
        .map(|r| Risk {
            title: field(r, &["title", "label", "text", "risk", "id"], lang).unwrap_or_default(),
            detail: field(r, &["detail", "details", "description"], lang),
            action: field(r, &["action", "advice"], lang),
            why: why(r, c),
        })
        .collect();
    // What the answers left open ("je ne sais pas") that the plan needs.
    let find = lang.pick("À trouver", "To find out");
    risks.extend(list(plan, &["to_find"]).iter().map(|f| Risk {
        title: format!(
            "{find} : {}",
            field(f, &["label", "question"], lang).unwrap_or_default()
        ),
        detail: field(f, &["why"], lang),
        action: None,
        why: Vec::new(),
    }));
    let traces = list(plan, &["traces"])
        .iter()
        .filter_map(|t| read_trace(t, c))
        .collect();
    PlanView {
        summary: texts(plan, &["summary"], lang),
        hosts: list(plan, &["hosts"]).iter().map(provider).collect(),
        framaspace,
        needs,
        scores,
        recommendations,
        roadmap,
        risks,
        catalog_as_of: field(plan, &["catalog_as_of"], lang),
        traces,
    }
}
