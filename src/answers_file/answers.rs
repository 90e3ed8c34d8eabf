//! The `[answers]` and `[notes]` tables of an answers file: each answer read by its
//! question's kind, then the whole set checked as every import is (`answer_set`: each value,
//! constraints, relevance — an answer to a question the other answers hide is refused). Notes
//! must name a question of the questionnaire.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use toml::de::DeValue;

use super::{Report, Spanned, values};
use crate::audit::Answer;
use crate::questionnaire::answer_set::{self, Given};
use crate::questionnaire::{Question, Questionnaire, answer};

impl Report<'_> {
    pub(super) fn answers(
        &mut self,
        q: &Questionnaire,
        table: Option<&Spanned<DeValue<'_>>>,
    ) -> BTreeMap<String, Answer> {
        let Some(entries) = self.table("answers", table) else {
            return BTreeMap::new();
        };
        // Pass 1: each value against its question's kind.
        // (question id, where its value is written, the answer read from it)
        let mut converted: Vec<(&str, Range<usize>, Answer)> = Vec::new();
        let mut unreadable: HashSet<&str> = HashSet::new();
        for (key, value) in entries.iter() {
            let id = key.get_ref().as_ref();
            let Some(question) = self.question(q, key, "answers") else {
                continue;
            };
            match values::answer(question, value.get_ref()) {
                Ok(a) => converted.push((id, value.span(), answer::normalise(question, a))),
                Err((fr, en)) => {
                    unreadable.insert(id);
                    self.push(value.span().start, Some(id), Some(value.span()), fr, en);
                }
            }
        }
        // Pass 2: the rules that read other answers (constraints, relevance): the check every
        // way in shares (`answer_set`), here without times, so as written.
        let given: Vec<Given<'_>> = converted
            .iter()
            .map(|(id, _, a)| Given {
                question: id,
                answer: a,
                at: None,
            })
            .collect();
        let refused = answer_set::check_besides(q, &given, &unreadable);
        let spans: HashMap<&str, &Range<usize>> =
            converted.iter().map(|(id, span, _)| (*id, span)).collect();
        for r in &refused {
            let span = spans.get(r.question.as_str()).map(|s| (*s).clone());
            self.push(
                span.as_ref().map_or(0, |s| s.start),
                Some(&r.question),
                span,
                r.problem.fr.clone(),
                r.problem.en.clone(),
            );
        }
        let refused: HashSet<&str> = refused.iter().map(|r| r.question.as_str()).collect();
        converted
            .iter()
            .filter(|(id, _, _)| !refused.contains(id))
            .map(|(id, _, a)| (id.to_string(), a.clone()))
            .collect()
    }

    pub(super) fn notes(
        &mut self,
        q: &Questionnaire,
        table: Option<&Spanned<DeValue<'_>>>,
    ) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let Some(entries) = self.table("notes", table) else {
            return out;
        };
        for (key, value) in entries.iter() {
            let id = key.get_ref().as_ref();
            if id == "general" && q.question(id).is_none() {
                self.push(
                    key.span().start,
                    None,
                    None,
                    "[notes] : « general » n'est pas une question ; la note générale s'écrit en haut du fichier : note = \"…\"".into(),
                    "[notes]: 'general' is not a question; the general note goes at the top of the file: note = \"…\"".into(),
                );
                continue;
            }
            if self.question(q, key, "notes").is_none() {
                continue;
            }
            let Some(text) = self.text(id, value) else {
                continue;
            };
            if text.chars().count() > answer::MAX_TEXT_CHARS {
                self.push(
                    value.span().start,
                    Some(id),
                    None,
                    format!(
                        "note trop longue ({} caractères au plus)",
                        answer::MAX_TEXT_CHARS
                    ),
                    format!(
                        "note too long (at most {} characters)",
                        answer::MAX_TEXT_CHARS
                    ),
                );
            } else if !text.is_empty() {
                out.insert(id.to_string(), text);
            }
        }
        out
    }

    /// The question named by a key of `[answers]` or `[notes]`, or a problem.
    fn question<'q>(
        &mut self,
        q: &'q Questionnaire,
        key: &Spanned<Cow<'_, str>>,
        table: &str,
    ) -> Option<&'q Question> {
        let id = key.get_ref().as_ref();
        if let Some(question) = q.question(id) {
            return Some(question);
        }
        let near = values::nearest(id, q.questions().map(|(_, question)| question.id.as_str()));
        let (hint_fr, hint_en) = match near {
            Some(n) => (
                format!(" ; vouliez-vous dire « {n} » ?"),
                format!("; did you mean '{n}'?"),
            ),
            None => (String::new(), String::new()),
        };
        self.push(
            key.span().start,
            None,
            None,
            format!(
                "[{table}] : pas de question « {id} » dans {} v{}{hint_fr}",
                q.id, q.version
            ),
            format!(
                "[{table}]: no question '{id}' in {} v{}{hint_en}",
                q.id, q.version
            ),
        );
        None
    }
}
