//! Validation of a parsed questionnaire file: ids (well-formed, unique), translations, kinds and
//! choices, ranges, expressions (syntax, references to known questions and choices, `.` only in
//! constraints) and acyclic relevance. Builds the `Questionnaire` while it checks.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::expr::{Expr, is_question_id};
use super::load::{LoadError, Positions, RawQuestion, RawQuestionnaire, default_value, sha256_hex};
use super::{Choice, Kind, Question, Questionnaire, Section};
use crate::i18n::Text;

pub(super) struct Validator<'a> {
    pos: &'a Positions<'a>,
    pub(super) errors: Vec<LoadError>,
}

impl<'a> Validator<'a> {
    pub(super) fn new(pos: &'a Positions<'a>) -> Validator<'a> {
        Validator {
            pos,
            errors: Vec::new(),
        }
    }

    fn push(&mut self, offset: usize, fr: String, en: String) {
        self.errors.push(self.pos.error(offset, fr, en));
    }

    fn text(&mut self, t: &Spanned<Text>, what_fr: &str, what_en: &str) -> Text {
        let text = t.get_ref();
        for (lang, value) in [("fr", &text.fr), ("en", &text.en)] {
            if value.trim().is_empty() {
                self.push(
                    t.span().start,
                    format!("{what_fr} sans texte « {lang} » : ajoutez {lang} = \"…\""),
                    format!("{what_en} has no '{lang}' text: add {lang} = \"…\""),
                );
            }
        }
        text.clone()
    }

    fn opt_text(&mut self, t: &Option<Spanned<Text>>, fr: &str, en: &str) -> Option<Text> {
        t.as_ref().map(|t| self.text(t, fr, en))
    }

    fn expr(&mut self, s: &Option<Spanned<String>>, field: &str) -> Option<Expr> {
        let s = s.as_ref()?;
        match Expr::parse(s.get_ref()) {
            Ok(e) => Some(e),
            Err(e) => {
                // +1 for the opening quote of the TOML string.
                let offset = s.span().start
                    + 1
                    + s.get_ref()
                        .chars()
                        .take(e.offset)
                        .map(char::len_utf8)
                        .sum::<usize>();
                self.push(
                    offset,
                    format!("expression « {field} » invalide : {}", e.message_fr),
                    format!("invalid '{field}' expression: {}", e.message_en),
                );
                None
            }
        }
    }

    pub(super) fn build(&mut self, raw: RawQuestionnaire, src: &str) -> Questionnaire {
        if !raw
            .id
            .get_ref()
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            || raw.id.get_ref().is_empty()
        {
            self.push(
                raw.id.span().start,
                format!("identifiant de questionnaire invalide « {} » : minuscules, chiffres et « - » seulement", raw.id.get_ref()),
                format!("invalid questionnaire id '{}': lowercase letters, digits and '-' only", raw.id.get_ref()),
            );
        }
        let version = *raw.version.get_ref();
        if !(1..=i64::from(u32::MAX)).contains(&version) {
            self.push(
                raw.version.span().start,
                "la version doit être un entier positif".into(),
                "the version must be a positive integer".into(),
            );
        }
        let title = self.text(&raw.title, "Le titre", "The title");
        let description = self
            .opt_text(&raw.description, "La description", "The description")
            .unwrap_or_default();
        if raw.section.is_empty() {
            self.push(
                0,
                "aucune section : ajoutez au moins un [[section]]".into(),
                "no section: add at least one [[section]]".into(),
            );
        }

        let mut section_ids: HashMap<String, usize> = HashMap::new();
        let mut question_ids: HashMap<String, usize> = HashMap::new();
        let mut sections = Vec::new();
        // (question id, expression, span offset) for reference checks after every id is known.
        let mut deferred: Vec<(String, Expr, usize, bool)> = Vec::new();

        for raw_section in &raw.section {
            let offset = raw_section.span().start;
            let rs = raw_section.get_ref();
            self.unique_id(&rs.id, &mut section_ids, "section", "section");
            let relevant = self.expr(&rs.relevant, "relevant");
            if rs.question.is_empty() {
                self.push(
                    offset,
                    format!("la section « {} » est vide : ajoutez des [[section.question]] ou retirez-la", rs.id.get_ref()),
                    format!("section '{}' is empty: add [[section.question]] entries or remove it", rs.id.get_ref()),
                );
            }
            let mut questions = Vec::new();
            for raw_q in &rs.question {
                let q = self.question(raw_q, &mut question_ids);
                if let (Some(e), Some(span)) = (&relevant, &rs.relevant) {
                    deferred.push((q.id.clone(), e.clone(), span.span().start, false));
                }
                if let (Some(e), Some(span)) = (&q.relevant, &raw_q.get_ref().relevant) {
                    deferred.push((q.id.clone(), e.clone(), span.span().start, false));
                }
                if let (Some(e), Some(span)) = (&q.constraint, &raw_q.get_ref().constraint) {
                    deferred.push((q.id.clone(), e.clone(), span.span().start, true));
                }
                questions.push(q);
            }
            sections.push(Section {
                id: rs.id.get_ref().clone(),
                title: self.text(&rs.title, "Le titre de section", "The section title"),
                intro: self
                    .opt_text(&rs.intro, "L'introduction de section", "The section intro")
                    .unwrap_or_default(),
                domain: rs.domain.clone(),
                relevant,
                questions,
            });
        }

        let mut q = Questionnaire {
            id: raw.id.get_ref().clone(),
            version: u32::try_from(version).unwrap_or(0),
            title,
            description,
            sections,
            hash: sha256_hex(src.as_bytes()),
            source: src.to_string(),
            index: HashMap::new(),
            layout: Vec::new(),
        };
        q.build_index();
        self.check_references(&q, &deferred);
        if self.errors.is_empty() {
            self.check_cycles(&q, &deferred);
        }
        q
    }

    fn unique_id(
        &mut self,
        id: &Spanned<String>,
        seen: &mut HashMap<String, usize>,
        fr: &str,
        en: &str,
    ) {
        let (offset, value) = (id.span().start, id.get_ref());
        if !is_question_id(value) {
            self.push(
                offset,
                format!("identifiant de {fr} invalide « {value} » : minuscules, chiffres et « _ », en commençant par une lettre"),
                format!("invalid {en} id '{value}': lowercase letters, digits and '_', starting with a letter"),
            );
        }
        if let Some(&first) = seen.get(value) {
            let (line, _) = self.pos.at(first);
            self.push(
                offset,
                format!("identifiant de {fr} en double « {value} » (déjà utilisé ligne {line}) : choisissez un autre identifiant"),
                format!("duplicate {en} id '{value}' (already used on line {line}): choose another id"),
            );
        } else {
            seen.insert(value.clone(), offset);
        }
    }

    fn question(
        &mut self,
        raw: &Spanned<RawQuestion>,
        ids: &mut HashMap<String, usize>,
    ) -> Question {
        let offset = raw.span().start;
        let rq = raw.get_ref();
        let id = rq.id.get_ref().clone();
        self.unique_id(&rq.id, ids, "question", "question");
        let kind = *rq.kind.get_ref();
        let label = self.text(
            &rq.label,
            &format!("Le libellé de « {id} »"),
            &format!("The label of '{id}'"),
        );
        let help = match &rq.help {
            Some(h) => self.text(
                h,
                &format!("L'aide de « {id} »"),
                &format!("The help of '{id}'"),
            ),
            None => {
                self.push(
                    offset,
                    format!("la question « {id} » n'a pas d'aide : ajoutez help = {{ fr = \"…\", en = \"…\" }}"),
                    format!("question '{id}' has no help text: add help = {{ fr = \"…\", en = \"…\" }}"),
                );
                Text::default()
            }
        };
        let mut choice_ids = HashMap::new();
        let mut choices = Vec::new();
        for rc in &rq.choices {
            let c = rc.get_ref();
            self.unique_id(&c.id, &mut choice_ids, "choix", "choice");
            choices.push(Choice {
                id: c.id.get_ref().clone(),
                label: self.text(
                    &c.label,
                    &format!("Le choix « {} »", c.id.get_ref()),
                    &format!("Choice '{}'", c.id.get_ref()),
                ),
                tool: c.tool.clone(),
                needs: c.needs.clone(),
                signals: c.signals.clone(),
                exclusive: c.exclusive,
            });
        }
        if kind.has_choices() && choices.is_empty() {
            self.push(
                rq.kind.span().start,
                format!(
                    "la question « {id} » ({}) n'a aucun choix : ajoutez choices = [ … ]",
                    kind.as_str()
                ),
                format!(
                    "question '{id}' ({}) has no choices: add choices = [ … ]",
                    kind.as_str()
                ),
            );
        }
        if !kind.has_choices() && !choices.is_empty() {
            self.push(
                rq.kind.span().start,
                format!("la question « {id} » ({}) ne prend pas de choix : retirez choices ou changez kind", kind.as_str()),
                format!("question '{id}' ({}) takes no choices: remove choices or change kind", kind.as_str()),
            );
        }
        if let (Some(min), Some(max)) = (rq.min, rq.max)
            && min > max
        {
            self.push(
                offset,
                format!("« {id} » : min ({min}) est plus grand que max ({max})"),
                format!("'{id}': min ({min}) is greater than max ({max})"),
            );
        }
        let constraint = self.expr(&rq.constraint, "constraint");
        let constraint_message = self.opt_text(
            &rq.constraint_message,
            "Le message de contrainte",
            "The constraint message",
        );
        if rq.constraint.is_some() && rq.constraint_message.is_none() {
            self.push(
                offset,
                format!("« {id} » a une contrainte sans constraint_message : dites en fr et en en ce qui est attendu"),
                format!("'{id}' has a constraint without constraint_message: say in fr and en what is expected"),
            );
        }
        let mut question = Question {
            id: id.clone(),
            kind,
            label,
            help,
            required: rq.required,
            required_message: self.opt_text(
                &rq.required_message,
                "Le message d'obligation",
                "The required message",
            ),
            relevant: self.expr(&rq.relevant, "relevant"),
            constraint,
            constraint_message,
            not_applicable: rq.not_applicable,
            domain: rq.domain.clone(),
            role: rq.role.clone(),
            default: None,
            choices,
            min: if kind == Kind::Scale {
                Some(1.0)
            } else {
                rq.min
            },
            max: if kind == Kind::Scale {
                Some(5.0)
            } else {
                rq.max
            },
            integer: rq.integer.unwrap_or(true),
            unit: self.opt_text(&rq.unit, "L'unité", "The unit"),
            quantity: rq.quantity.clone(),
            scale_labels: rq.scale_labels.clone(),
            tags: rq.tags.clone(),
        };
        if let Some(d) = &rq.default {
            match default_value(&question, d.get_ref()) {
                Some(v) => question.default = Some(v),
                None => self.push(
                    d.span().start,
                    format!(
                        "valeur par défaut de « {id} » incompatible avec le type {}",
                        kind.as_str()
                    ),
                    format!("default of '{id}' does not fit kind {}", kind.as_str()),
                ),
            }
        }
        question
    }

    fn check_references(&mut self, q: &Questionnaire, deferred: &[(String, Expr, usize, bool)]) {
        for (owner, expr, offset, is_constraint) in deferred {
            for r in expr.references() {
                if q.question(r).is_none() {
                    self.push(
                        *offset,
                        format!("« {owner} » fait référence à une question inconnue ${{{r}}} : corrigez l'identifiant"),
                        format!("'{owner}' refers to an unknown question ${{{r}}}: fix the id"),
                    );
                }
            }
            for (r, choice) in expr.selections() {
                if let Some(target) = q.question(r)
                    && target.choice(choice).is_none()
                {
                    self.push(
                        *offset,
                        format!("« {owner} » : la question « {r} » n'a pas de choix « {choice} »"),
                        format!("'{owner}': question '{r}' has no choice '{choice}'"),
                    );
                }
            }
            if expr.uses_current() && !is_constraint {
                self.push(
                    *offset,
                    format!(
                        "« {owner} » : « . » (la réponse en cours) n'a de sens que dans constraint"
                    ),
                    format!("'{owner}': '.' (the current answer) only makes sense in constraint"),
                );
            }
        }
    }

    /// Relevance must be acyclic: depth-first search over "is shown depending on".
    fn check_cycles(&mut self, q: &Questionnaire, deferred: &[(String, Expr, usize, bool)]) {
        let mut deps: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut offsets: HashMap<&str, usize> = HashMap::new();
        for (owner, expr, offset, is_constraint) in deferred {
            if !is_constraint {
                deps.entry(owner.as_str())
                    .or_default()
                    .extend(expr.references());
                offsets.entry(owner.as_str()).or_insert(*offset);
            }
        }
        let mut done: HashSet<&str> = HashSet::new();
        let mut reported: HashSet<&str> = HashSet::new();
        for (_, start) in q.questions() {
            let mut stack: Vec<(&str, usize)> = vec![(start.id.as_str(), 0)];
            let mut path: Vec<&str> = vec![start.id.as_str()];
            if done.contains(start.id.as_str()) {
                continue;
            }
            while let Some((node, next)) = stack.last().copied() {
                let children = deps.get(node).map(Vec::as_slice).unwrap_or(&[]);
                if let Some(&child) = children.get(next) {
                    if let Some(top) = stack.last_mut() {
                        top.1 += 1;
                    }
                    if let Some(at) = path.iter().position(|p| *p == child) {
                        let cycle: Vec<&str> = path[at..].iter().copied().chain([child]).collect();
                        if reported.insert(child) {
                            let chain = cycle.join(" → ");
                            self.push(
                                offsets.get(child).copied().unwrap_or(0),
                                format!("cycle de relevant : {chain} ; une question ne peut pas dépendre d'elle-même"),
                                format!("relevant cycle: {chain}; a question cannot depend on itself"),
                            );
                        }
                    } else if !done.contains(child) {
                        stack.push((child, 0));
                        path.push(child);
                    }
                } else {
                    done.insert(node);
                    stack.pop();
                    path.pop();
                }
            }
        }
    }
}
