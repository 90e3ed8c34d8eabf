//! The plan as the exports show it: read from the plan's serialised form (`serde_json::Value`)
//! into plain, localised, cleaned strings. Reading the serialised form keeps the exports
//! independent of the plan's Rust types and tolerant of fields it does not know; a text is
//! either a string or a `{fr, en}` pair, wherever it sits.

use serde::Serialize;
use serde_json::Value;

use super::Options;
use super::escape::one_line;
use crate::i18n::Lang;
use crate::questionnaire::{Kind, Questionnaire};

/// How the plan is read: language, questionnaire (for labels), privacy options.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub lang: Lang,
    pub q: &'a Questionnaire,
    pub opts: &'a Options,
}

/// An enum value of the plan (`"High"`, `"add_alongside"`...) in words.
fn word(v: &Value, lang: Lang) -> Option<String> {
    let raw = v.as_str()?;
    let key: String = raw
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    const WORDS: &[(&str, &str, &str)] = &[
        ("low", "faible", "low"),
        ("medium", "moyenne", "medium"),
        ("high", "forte", "high"),
        ("unknown", "inconnue", "unknown"),
        ("keep", "garder", "keep"),
        ("consolidate", "regrouper", "consolidate"),
        ("replace", "remplacer", "replace"),
        ("adopt", "adopter", "adopt"),
        ("addalongside", "ajouter en parallèle", "add alongside"),
        ("find", "à trouver", "to find"),
    ];
    Some(
        WORDS
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, fr, en)| lang.pick(fr, en).to_string())
            .unwrap_or_else(|| one_line(raw)),
    )
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

/// A localised, one-line, cleaned text from a plan value: a string, a `{fr, en}` pair, a
/// number, or an object carrying one of the usual text fields.
pub fn text(v: &Value, lang: Lang) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(items) => items
            .iter()
            .filter_map(|i| text(i, lang))
            .collect::<Vec<_>>()
            .join(", "),
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
fn why(v: &Value, c: Ctx) -> Vec<String> {
    let mut out = texts(v, &["why", "reasons", "because"], c.lang);
    if let Some(trace) = v.get("trace") {
        out.extend(trace_line(trace, c));
    }
    out
}

fn trace_line(trace: &Value, c: Ctx) -> Option<String> {
    let t = read_trace(trace, c)?;
    let rule_word = c.lang.pick("règle", "rule");
    let mut s = if t.rule.is_empty() {
        String::new()
    } else {
        format!("{rule_word} {}", t.rule)
    };
    if !t.answers.is_empty() {
        if !s.is_empty() {
            s.push_str(" — ");
        }
        s.push_str(&t.answers.join(" ; "));
    }
    Some(s)
}

/// One answer a rule read, in words: the question's label and the answer as the report shows
/// it (choice labels, Oui/Non); a free-text value only when notes are shown.
fn answer_read(a: &Value, c: Ctx) -> Option<String> {
    let id = a
        .as_str()
        .or_else(|| a.get("question").and_then(Value::as_str))?;
    let question = c.q.question(id);
    let label = question
        .map(|qq| one_line(qq.label.get(c.lang)))
        .unwrap_or_else(|| one_line(id));
    let value = a.get("value");
    let shown = match (question, value) {
        (_, None) => None,
        (Some(qq), Some(_)) if qq.kind == Kind::Text && !c.opts.shows_notes() => None,
        (Some(qq), Some(Value::String(raw))) if qq.kind.has_choices() => Some(
            raw.split(',')
                .map(|id| {
                    qq.choice(id.trim())
                        .map(|ch| one_line(ch.label.get(c.lang)))
                        .unwrap_or_else(|| one_line(id))
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (_, Some(v)) => match v.as_str() {
            Some("true") => Some(c.lang.pick("Oui", "Yes").to_string()),
            Some("false") => Some(c.lang.pick("Non", "No").to_string()),
            Some("dont_know") => Some(c.lang.pick("Je ne sais pas", "Don't know").to_string()),
            Some("not_applicable") => {
                Some(c.lang.pick("Non concerné", "Not applicable").to_string())
            }
            _ => text(v, c.lang),
        },
    };
    Some(match shown {
        Some(val) => format!("{label} : {val}"),
        None => label,
    })
}

/// The personal profile fields a trace may quote.
const PERSONAL_FIELDS: [&str; 4] = ["postcode", "name", "contact_name", "contact_email"];

fn read_trace(trace: &Value, c: Ctx) -> Option<Trace> {
    let lang = c.lang;
    let rules: Vec<String> = match trace {
        Value::String(s) => vec![one_line(s)],
        _ => {
            let mut r = texts(trace, &["rules"], lang);
            r.extend(field(trace, &["rule", "id"], lang));
            r
        }
    };
    let mut answers = list(trace, &["answers", "questions", "read"])
        .iter()
        .filter_map(|a| answer_read(a, c))
        .collect::<Vec<_>>();
    for p in list(trace, &["profile"]) {
        let Some(field) = p.get("field").and_then(Value::as_str) else {
            continue;
        };
        let private = c.opts.anonymise && PERSONAL_FIELDS.contains(&field);
        match p.get("value").and_then(|v| text(v, lang)) {
            Some(v) if !private => answers.push(format!("{} : {v}", one_line(field))),
            _ => answers.push(one_line(field)),
        }
    }
    for f in list(trace, &["facts"]) {
        let fact = field(f, &["fact"], lang);
        let source = field(f, &["source"], lang);
        let date = field(f, &["as_of"], lang);
        let mut s = lang.pick("source", "source").to_string();
        if let Some(fact) = fact {
            s = format!("{fact} — {s}");
        }
        match (source, date) {
            (Some(src), Some(d)) => answers.push(format!("{s} : {src} ({d})")),
            (Some(src), None) => answers.push(format!("{s} : {src}")),
            (None, Some(d)) => answers.push(format!("{s} : {d}")),
            (None, None) => {}
        }
    }
    if rules.is_empty() && answers.is_empty() {
        return None;
    }
    Some(Trace {
        rule: rules.join(", "),
        answers,
    })
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
