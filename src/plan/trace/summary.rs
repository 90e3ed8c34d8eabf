//! A "Pourquoi ?" short enough to read at a board meeting, for every front end (exports, TUI,
//! plain text): the rules that decided the item in plain words, the rules it only inherits
//! (the need itself, Frama.space eligibility, host filtering) folded into one sentence each,
//! the answers read once per question (the choices of a question together), and each dated
//! source once, its date once.
//!
//! The full trace stays in the plan (JSON export, `Trace::explain`); this is only a way of
//! showing it.

use crate::audit::{LegalForm, format_number};
use crate::i18n::Lang;
use crate::questionnaire::{Kind, Questionnaire};

use super::{FactRead, Trace, explain_rule};

/// One thing the plan read: a question and the answer given, or a profile field and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// The question id, or `profile:<field>` for a profile field.
    pub key: String,
    /// The question's label (or the field's name).
    pub label: String,
    /// The answer in words: choice labels joined by ", ", a number with its unit or scale.
    pub value: String,
}

/// One source the plan relied on, once, with the facts it was read for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The source with its date, the date written once ("next.ink/… (2022-11-15)").
    pub line: String,
    pub facts: Vec<String>,
}

/// The short "Pourquoi ?" of one item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Plain-words sentences: the deciding rules first, then one per group of inherited rules.
    pub rules: Vec<String>,
    /// What was read, once per question, questions first (in reading order), profile after.
    pub answers: Vec<Said>,
    pub sources: Vec<Source>,
}

/// Rules that an item inherits from an earlier step of the plan, folded into one sentence when
/// the item has other rules too: (rule ids, words for each in French and English, sentence).
struct Group {
    rules: &'static [(&'static str, &'static str, &'static str)],
    fr: &'static str,
    en: &'static str,
}

const GROUPS: &[Group] = &[
    Group {
        rules: &[
            ("framaspace.legal-form", "forme", "kind of organisation"),
            ("framaspace.language", "langue", "language"),
            ("framaspace.accounts", "comptes", "accounts"),
            ("framaspace.storage", "stockage", "storage"),
            ("framaspace.needs", "fonctionnalités", "features"),
            ("framaspace.health-data", "données de santé", "health data"),
            (
                "framaspace.sensitive-data",
                "données sensibles",
                "sensitive data",
            ),
            (
                "framaspace.reviewed",
                "examen par Framasoft",
                "Framasoft's review",
            ),
        ],
        fr: "Éligibilité à Frama.space vérifiée : {}.",
        en: "Frama.space eligibility checked: {}.",
    },
    Group {
        rules: &[
            (
                "hosts.filter",
                "service listé pour le besoin, structure et lieu acceptés, offre à votre taille",
                "service listed for the need, organisation and place accepted, offer at your size",
            ),
            (
                "hosts.score",
                "note sur 100 (proximité, offre, prix, CHATONS, fraîcheur)",
                "score out of 100 (nearness, offer, price, CHATONS, freshness)",
            ),
        ],
        fr: "Hébergeurs retenus selon : {}.",
        en: "Hosts kept on: {}.",
    },
    Group {
        rules: &[
            ("needs.from-choices", "choix cochés", "ticked choices"),
            (
                "needs.free-tool",
                "outils libres ou non",
                "free tools or not",
            ),
            (
                "needs.already-free",
                "logiciel libre déjà utilisé",
                "free software already used",
            ),
            (
                "needs.lock-in",
                "difficulté à partir",
                "how hard leaving is",
            ),
        ],
        fr: "Besoin tiré de vos réponses ({}).",
        en: "Need drawn from your answers ({}).",
    },
];

/// The deciding rules, most telling first; rules not listed keep their order, after these.
const FIRST: &[&str] = &[
    "risks.signal",
    "risks.unknown",
    "reco.keep",
    "reco.framaspace",
    "reco.local",
    "reco.service",
    "hosts.none",
    "hosts.set-cover",
    "roadmap.alongside",
    "reco.software",
    "roadmap.phase",
];

impl Trace {
    /// What this trace adds to `other`: the rules, answers, profile fields and facts that
    /// `other` does not have (to show an item's own reasons under one it builds on).
    pub fn without(&self, other: &Trace) -> Trace {
        Trace {
            rules: self
                .rules
                .iter()
                .filter(|r| !other.rules.contains(r))
                .cloned()
                .collect(),
            answers: self
                .answers
                .iter()
                .filter(|a| !other.answers.contains(a))
                .cloned()
                .collect(),
            profile: self
                .profile
                .iter()
                .filter(|p| !other.profile.contains(p))
                .cloned()
                .collect(),
            facts: self
                .facts
                .iter()
                .filter(|f| !other.facts.contains(f))
                .cloned()
                .collect(),
        }
    }

    /// The short "Pourquoi ?" of this trace (see the module's doc).
    pub fn summary(&self, q: &Questionnaire, lang: Lang) -> Summary {
        Summary {
            rules: rule_sentences(self, lang),
            answers: said(self, q, lang),
            sources: sources(&self.facts, lang),
        }
    }
}

fn rule_sentences(t: &Trace, lang: Lang) -> Vec<String> {
    let in_group = |r: &str| GROUPS.iter().position(|g| g.rules.iter().any(|x| x.0 == r));
    // A group folds only when the item has rules of its own besides.
    let folds = |g: usize| t.rules.iter().any(|r| in_group(r) != Some(g));
    let mut own: Vec<&str> = t
        .rules
        .iter()
        .map(|r| r.as_ref())
        .filter(|r| in_group(r).is_none_or(|g| !folds(g)))
        .collect();
    own.sort_by_key(|r| FIRST.iter().position(|f| f == r).unwrap_or(FIRST.len()));
    let mut out: Vec<String> = own
        .into_iter()
        .map(|r| explain_rule(r).map_or_else(|| r.to_string(), |t| t.get(lang).to_string()))
        .collect();
    for (i, g) in GROUPS.iter().enumerate() {
        if !folds(i) {
            continue;
        }
        let words: Vec<&str> = g
            .rules
            .iter()
            .filter(|(id, _, _)| t.rules.iter().any(|r| r == id))
            .map(|(_, fr, en)| lang.pick(fr, en))
            .collect();
        if !words.is_empty() {
            out.push(lang.pick(g.fr, g.en).replace("{}", &words.join(", ")));
        }
    }
    out.dedup();
    out
}

/// An answer's value in words, as the questionnaire shows it.
fn value_words(q: &Questionnaire, question: &str, raw: &str, lang: Lang) -> String {
    match raw {
        "dont_know" => return lang.pick("je ne sais pas", "don't know").to_string(),
        "not_applicable" => return lang.pick("non concerné", "not applicable").to_string(),
        _ => {}
    }
    let Some(qq) = q.question(question) else {
        return raw.to_string();
    };
    match qq.kind {
        Kind::Yesno => match raw {
            "true" => lang.pick("oui", "yes").to_string(),
            "false" => lang.pick("non", "no").to_string(),
            other => other.to_string(),
        },
        Kind::Number | Kind::Scale => {
            let Ok(n) = raw.trim().parse::<f64>() else {
                return raw.to_string();
            };
            let mut s = format_number(n);
            if qq.kind == Kind::Scale
                && let Some(max) = qq.max
            {
                s = format!("{s} / {}", format_number(max));
            }
            if let Some(u) = &qq.unit {
                s = format!("{s} {}", u.get(lang));
            }
            s
        }
        Kind::Text => raw.to_string(),
        Kind::Single | Kind::Multiple => raw
            .split(',')
            .map(|id| {
                qq.choice(id.trim())
                    .map_or(id.trim(), |c| c.label.get(lang))
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn profile_label(field: &str, lang: Lang) -> String {
    let (fr, en) = match field {
        "legal_form" => ("Forme de la structure", "Kind of organisation"),
        "country" => ("Pays", "Country"),
        "departement" => ("Département", "Département"),
        "postcode" => ("Code postal", "Postcode"),
        "members" => ("Adhérents", "Members"),
        "employees" => ("Salariés", "Employees"),
        "volunteers" => ("Bénévoles", "Volunteers"),
        other => (other, other),
    };
    lang.pick(fr, en).to_string()
}

fn said(t: &Trace, q: &Questionnaire, lang: Lang) -> Vec<Said> {
    let mut out: Vec<Said> = Vec::new();
    let mut values: Vec<Vec<String>> = Vec::new();
    for a in &t.answers {
        let v = value_words(q, &a.question, &a.value, lang);
        match out.iter().position(|s| s.key == *a.question) {
            Some(i) => {
                if !values[i].contains(&v) {
                    values[i].push(v);
                }
            }
            None => {
                out.push(Said {
                    key: a.question.to_string(),
                    label: q
                        .question(&a.question)
                        .map_or_else(|| a.question.to_string(), |qq| qq.label.get(lang).into()),
                    value: String::new(),
                });
                values.push(vec![v]);
            }
        }
    }
    for (s, v) in out.iter_mut().zip(values) {
        s.value = v.join(", ");
    }
    for p in &t.profile {
        let key = format!("profile:{}", p.field);
        if out.iter().any(|s| s.key == key) {
            continue;
        }
        let value = match p.field.as_ref() {
            "legal_form" => LegalForm::parse(&p.value)
                .map_or_else(|| p.value.clone(), |f| f.label(lang).to_lowercase()),
            _ => p.value.clone(),
        };
        out.push(Said {
            key,
            label: profile_label(&p.field, lang),
            value,
        });
    }
    out
}

/// The sources of some facts, each once, each with its date once: a source that already names
/// its date (`… (2022-11-15)`) is not given it a second time. A source made of several, joined
/// by "; ", counts as several.
pub fn sources(facts: &[FactRead], lang: Lang) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    for f in facts {
        let (source, date) = (f.source.trim(), f.as_of.trim());
        let dated = date.is_empty() || source.contains(date);
        for part in source.split("; ").map(str::trim).filter(|p| !p.is_empty()) {
            let line = if dated {
                part.to_string()
            } else {
                format!("{part} ({date})")
            };
            let fact = f.text(lang).trim().to_string();
            match out.iter_mut().find(|s| s.line == line) {
                Some(s) => {
                    if !fact.is_empty() && !s.facts.contains(&fact) {
                        s.facts.push(fact);
                    }
                }
                None => out.push(Source {
                    line,
                    facts: if fact.is_empty() { vec![] } else { vec![fact] },
                }),
            }
        }
        if source.is_empty() && !date.is_empty() {
            let line = date.to_string();
            if !out.iter().any(|s| s.line == line) {
                let fact = f.text(lang).trim().to_string();
                out.push(Source {
                    line,
                    facts: if fact.is_empty() { vec![] } else { vec![fact] },
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::trace::AnswerRead;

    fn fact(source: &str, as_of: &str) -> FactRead {
        FactRead {
            fact: "quota".into(),
            fact_en: "quota (en)".into(),
            source: source.into(),
            as_of: as_of.into(),
        }
    }

    #[test]
    fn a_date_is_written_once() {
        let facts = [
            fact("https://next.ink/x (2022-11-15)", "2022-11-15"),
            fact("https://next.ink/x (2022-11-15); DOMAIN.md", "2022-11-15"),
            fact("Framablog", "2025-12-04"),
            fact("Framablog", "2025-12-04"),
        ];
        let s = sources(&facts, Lang::Fr);
        let lines: Vec<&str> = s.iter().map(|s| s.line.as_str()).collect();
        assert_eq!(
            lines,
            [
                "https://next.ink/x (2022-11-15)",
                "DOMAIN.md",
                "Framablog (2025-12-04)"
            ]
        );
        assert_eq!(s[0].facts, ["quota"]);
        assert_eq!(sources(&facts, Lang::En)[0].facts, ["quota (en)"]);
    }

    #[test]
    fn inherited_rules_fold_into_one_sentence_each() {
        let mut t = Trace::rule("needs.from-choices")
            .with_rule("needs.free-tool")
            .with_rule("reco.software")
            .with_rule("reco.framaspace")
            .with_rule("framaspace.legal-form")
            .with_rule("framaspace.accounts");
        t.add_answer(AnswerRead::choice("q", "a"));
        let s = rule_sentences(&t, Lang::Fr);
        assert_eq!(s.len(), 4, "{s:?}");
        assert!(s[0].starts_with("Frama.space couvre ce besoin"), "{s:?}");
        assert!(s[1].starts_with("Le logiciel proposé"), "{s:?}");
        assert_eq!(s[2], "Éligibilité à Frama.space vérifiée : forme, comptes.");
        assert!(s[3].starts_with("Besoin tiré de vos réponses"));
        // Alone, a group is the item's own reason: every rule in full.
        let alone = Trace::rule("framaspace.accounts").with_rule("framaspace.storage");
        assert_eq!(rule_sentences(&alone, Lang::Fr).len(), 2);
    }

    #[test]
    fn without_keeps_what_is_new() {
        let mut a = Trace::rule("reco.software");
        a.add_answer(AnswerRead::choice("q", "a"));
        let mut b = a.clone().with_rule("roadmap.phase");
        b.add_answer(AnswerRead::choice("q", "b"));
        let d = b.without(&a);
        assert_eq!(d.rules, ["roadmap.phase"]);
        assert_eq!(d.answers, [AnswerRead::choice("q", "b")]);
    }
}
