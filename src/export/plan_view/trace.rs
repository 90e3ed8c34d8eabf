//! The "pourquoi ?" of plan items: a trace (rule ids, answers read, profile fields, dated facts)
//! written in words, with the questions' labels.

use serde_json::Value;

use super::text::{field, list, text, texts};
use super::{Ctx, Trace};
use crate::export::escape::one_line;
use crate::questionnaire::Kind;

/// Why an item is there: its reasons, and its trace (rule ids and the answers read), written
/// with the questions' labels so a reader sees which answer led where.
pub(crate) fn why(v: &Value, c: Ctx) -> Vec<String> {
    let mut out = texts(v, &["why", "reasons", "because"], c.lang);
    if let Some(trace) = v.get("trace") {
        out.extend(trace_line(trace, c));
    }
    out
}

pub(crate) fn trace_line(trace: &Value, c: Ctx) -> Option<String> {
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

pub(crate) fn read_trace(trace: &Value, c: Ctx) -> Option<Trace> {
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
