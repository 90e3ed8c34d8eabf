//! The `[answers]` and `[notes]` tables of an answers file: each answer read by its
//! question's kind, then checked with the rules that read other answers (constraints), then
//! with relevance (an answer to a question the other answers hide is refused). Notes must name
//! a question of the questionnaire.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use toml::de::DeValue;

use super::{Report, Spanned, values};
use crate::audit::Answer;
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
        let mut broken: HashSet<String> = HashSet::new();
        for (key, value) in entries.iter() {
            let id = key.get_ref().as_ref();
            let Some(question) = self.question(q, key, "answers") else {
                continue;
            };
            match values::answer(question, value.get_ref()) {
                Ok(a) => converted.push((id, value.span(), answer::normalise(question, a))),
                Err((fr, en)) => {
                    broken.insert(id.to_string());
                    self.push(value.span().start, Some(id), Some(value.span()), fr, en);
                }
            }
        }
        // Pass 2: the rules that read other answers (constraints).
        let all: BTreeMap<String, Answer> = converted
            .iter()
            .map(|(id, _, a)| (id.to_string(), a.clone()))
            .collect();
        let mut valid = BTreeMap::new();
        for (id, span, a) in converted {
            let Some(question) = q.question(id) else {
                continue;
            };
            let mut others = all.clone();
            others.remove(id);
            match answer::check(question, &a, &others) {
                Ok(()) => {
                    valid.insert(id.to_string(), (a, span));
                }
                Err(p) => {
                    broken.insert(id.to_string());
                    self.push(span.start, Some(id), Some(span), p.fr, p.en);
                }
            }
        }
        // Pass 3: relevance given the valid answers.
        let answers: BTreeMap<String, Answer> = valid
            .iter()
            .map(|(k, (a, _))| (k.clone(), a.clone()))
            .collect();
        let visible = q.visible(&answers);
        for (id, (_, span)) in &valid {
            let (Some(pos), Some(section)) = (q.position(id), q.section_of(id)) else {
                continue;
            };
            if visible.get(pos).copied().unwrap_or(true) {
                continue;
            }
            let Some(question) = q.question(id) else {
                continue;
            };
            let conditions: Vec<_> = [section.relevant.as_ref(), question.relevant.as_ref()]
                .into_iter()
                .flatten()
                .collect();
            // Hidden because an answer it depends on was refused: that problem is reported.
            if conditions
                .iter()
                .any(|e| e.references().iter().any(|r| broken.contains(*r)))
            {
                continue;
            }
            let shown: Vec<&str> = conditions.iter().map(|e| e.source.as_str()).collect();
            let shown = shown.join(" and ");
            self.push(
                span.start,
                Some(id),
                Some(span.clone()),
                format!("cette question n'est pas posée avec les autres réponses (condition : {shown}) : retirez cette réponse ou corrigez celles dont elle dépend"),
                format!("this question is not asked given the other answers (condition: {shown}): remove this answer or fix the answers it depends on"),
            );
        }
        answers
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
