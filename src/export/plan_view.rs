//! The plan as the exports show it: read from the plan's serialised form (`serde_json::Value`)
//! into plain, localised, cleaned strings. Reading the serialised form keeps the exports
//! independent of the plan's Rust types and tolerant of fields it does not know; a text is
//! either a string or a `{fr, en}` pair, wherever it sits.

use serde::Serialize;
use serde_json::Value;

use super::escape::one_line;
use crate::i18n::Lang;
use crate::questionnaire::Questionnaire;

#[derive(Debug, Clone, Default, Serialize)]
pub struct PlanView {
    pub framaspace: Framaspace,
    pub needs: Vec<Need>,
    pub scores: Vec<Score>,
    pub recommendations: Vec<Recommendation>,
    pub roadmap: Vec<Phase>,
    pub risks: Vec<Risk>,
    pub catalog_as_of: Option<String>,
    pub traces: Vec<Trace>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Framaspace {
    /// `None` when the plan says nothing.
    pub eligible: Option<bool>,
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
    pub why: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Trace {
    pub rule: String,
    pub answers: Vec<String>,
}

/// A localised, one-line, cleaned text from a plan value: a string, a `{fr, en}` pair, a
/// number, or an object carrying one of the usual text fields.
pub fn text(v: &Value, lang: Lang) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Object(m) => {
            if m.contains_key("fr") || m.contains_key("en") {
                let pick = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or("").trim();
                let (a, b) = match lang {
                    Lang::Fr => (pick("fr"), pick("en")),
                    Lang::En => (pick("en"), pick("fr")),
                };
                if a.is_empty() { b } else { a }.to_string()
            } else {
                return [
                    "text", "label", "title", "name", "message", "reason", "summary",
                ]
                .iter()
                .find_map(|k| m.get(*k).and_then(|v| text(v, lang)));
            }
        }
        _ => return None,
    };
    let s = one_line(&s);
    (!s.is_empty()).then_some(s)
}

fn field(v: &Value, keys: &[&str], lang: Lang) -> Option<String> {
    keys.iter()
        .find_map(|k| v.get(*k).and_then(|x| text(x, lang)))
}

fn list<'a>(v: &'a Value, keys: &[&str]) -> &'a [Value] {
    keys.iter()
        .find_map(|k| v.get(*k).and_then(Value::as_array))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn texts(v: &Value, keys: &[&str], lang: Lang) -> Vec<String> {
    list(v, keys).iter().filter_map(|x| text(x, lang)).collect()
}

/// Only a plain `http://` or `https://` address with no space, quote or angle bracket; brackets
/// and parentheses are percent-encoded so the address cannot close a Markdown link.
pub fn safe_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) || s.len() > 2000 {
        return None;
    }
    if s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>\"'`\\{}|^".contains(c))
    {
        return None;
    }
    Some(
        s.replace('(', "%28")
            .replace(')', "%29")
            .replace('[', "%5B")
            .replace(']', "%5D"),
    )
}

/// Why an item is there: its reasons, and its trace (rule ids and the answers read), written
/// with the questions' labels so a reader sees which answer led where.
fn why(v: &Value, lang: Lang, q: &Questionnaire) -> Vec<String> {
    let mut out = texts(v, &["why", "reasons", "because"], lang);
    if let Some(trace) = v.get("trace") {
        out.extend(trace_line(trace, lang, q));
    }
    out
}

fn trace_line(trace: &Value, lang: Lang, q: &Questionnaire) -> Option<String> {
    let t = read_trace(trace, lang, q)?;
    let rule_word = lang.pick("règle", "rule");
    let mut s = format!("{rule_word} {}", t.rule);
    if !t.answers.is_empty() {
        s.push_str(" — ");
        s.push_str(&t.answers.join(" ; "));
    }
    Some(s)
}

fn read_trace(trace: &Value, lang: Lang, q: &Questionnaire) -> Option<Trace> {
    let rules: Vec<String> = match trace {
        Value::String(s) => vec![one_line(s)],
        _ => {
            let mut r = texts(trace, &["rules"], lang);
            r.extend(field(trace, &["rule", "id"], lang));
            r
        }
    };
    let answers = list(trace, &["answers", "questions", "read"])
        .iter()
        .filter_map(|a| {
            let id = a
                .as_str()
                .or_else(|| a.get("question").and_then(Value::as_str))?;
            let label = q
                .question(id)
                .map(|qq| one_line(qq.label.get(lang)))
                .unwrap_or_else(|| one_line(id));
            Some(match a.get("value").and_then(|v| text(v, lang)) {
                Some(val) => format!("{label} : {val}"),
                None => label,
            })
        })
        .collect::<Vec<_>>();
    if rules.is_empty() && answers.is_empty() {
        return None;
    }
    Some(Trace {
        rule: rules.join(", "),
        answers,
    })
}

/// Read the plan's serialised form.
pub fn read(plan: &Value, lang: Lang, q: &Questionnaire) -> PlanView {
    let fs = plan.get("framaspace").unwrap_or(&Value::Null);
    let framaspace = Framaspace {
        eligible: fs.get("eligible").and_then(Value::as_bool),
        reasons: texts(fs, &["reasons"], lang),
    };
    let needs = list(plan, &["needs"])
        .iter()
        .map(|n| Need {
            id: field(n, &["id", "need"], lang).unwrap_or_default(),
            label: field(n, &["label", "name", "title", "need", "id"], lang).unwrap_or_default(),
            tools: texts(n, &["tools", "current_tools", "current"], lang),
            dependency: field(n, &["dependency", "dependence"], lang),
            why: why(n, lang, q),
        })
        .collect();
    let raw_scores: Vec<(&Value, f64)> = list(plan, &["scores"])
        .iter()
        .map(|s| {
            let level = s.get("level").and_then(Value::as_f64).unwrap_or(0.0);
            (s, level)
        })
        .collect();
    let top = raw_scores.iter().map(|(_, l)| *l).fold(0.0, f64::max);
    let default_max = [4.0, 5.0, 10.0, 100.0]
        .into_iter()
        .find(|m| top <= *m)
        .unwrap_or(top);
    let scores = raw_scores
        .iter()
        .map(|(s, level)| {
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
                shown: crate::audit::format_number((level * 10.0).round() / 10.0),
                max_shown: crate::audit::format_number(max),
                text_bar: {
                    let filled = ((level / max) * 10.0).round().clamp(0.0, 10.0) as usize;
                    format!("{}{}", "█".repeat(filled), "·".repeat(10 - filled))
                },
                why: why(s, lang, q),
            }
        })
        .collect();
    let recommendations = list(plan, &["recommendations"])
        .iter()
        .map(|r| Recommendation {
            need: field(r, &["need_label", "need"], lang).unwrap_or_default(),
            software: field(r, &["software_name", "software"], lang).unwrap_or_default(),
            providers: list(r, &["providers", "hosts"])
                .iter()
                .map(|p| Provider {
                    id: field(p, &["id"], lang).unwrap_or_default(),
                    name: field(p, &["name", "id"], lang).unwrap_or_default(),
                    score: p.get("score").and_then(|s| text(s, lang)),
                    reasons: texts(p, &["reasons", "why"], lang),
                    url: ["url", "website"]
                        .iter()
                        .find_map(|k| p.get(*k).and_then(Value::as_str).and_then(safe_url)),
                })
                .collect(),
            why: why(r, lang, q),
        })
        .collect();
    let roadmap = list(plan, &["roadmap"])
        .iter()
        .map(|p| Phase {
            title: field(p, &["phase", "title", "name"], lang).unwrap_or_default(),
            steps: list(p, &["steps"])
                .iter()
                .map(|s| Step {
                    title: field(s, &["title", "label", "text", "step"], lang).unwrap_or_default(),
                    effort: field(s, &["effort"], lang),
                    cost: field(s, &["cost"], lang),
                    howto: field(s, &["howto", "how_to", "how"], lang),
                    why: why(s, lang, q),
                })
                .collect(),
        })
        .collect();
    let risks = list(plan, &["risks"])
        .iter()
        .map(|r| Risk {
            title: field(r, &["title", "label", "text", "risk", "id"], lang).unwrap_or_default(),
            detail: field(r, &["detail", "details", "advice", "description"], lang),
            why: why(r, lang, q),
        })
        .collect();
    let traces = list(plan, &["traces"])
        .iter()
        .filter_map(|t| read_trace(t, lang, q))
        .collect();
    PlanView {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_plain_web_addresses() {
        assert_eq!(safe_url("https://a.org/x"), Some("https://a.org/x".into()));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("https://a.org/\"onload"), None);
        assert_eq!(
            safe_url("https://a.org/(x)"),
            Some("https://a.org/%28x%29".into())
        );
    }

    #[test]
    fn texts_pick_the_language() {
        let v = serde_json::json!({"fr": "Bonjour", "en": ""});
        assert_eq!(text(&v, Lang::En).as_deref(), Some("Bonjour"));
        let v = serde_json::json!({"label": {"fr": "Fichiers", "en": "Files"}});
        assert_eq!(text(&v, Lang::En).as_deref(), Some("Files"));
    }
}
