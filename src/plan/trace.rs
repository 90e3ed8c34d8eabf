//! Traces: why the plan says what it says. Every item of a plan carries a `Trace` — the ids of
//! the rules that produced it, the answers (question id + value) and profile fields it read, and
//! the dated catalogue facts it relied on — and `RULES` explains each rule id in plain words, so
//! a "Pourquoi ?" panel can be built from a trace alone: in full with `Trace::explain`, or short
//! with `Trace::summary` (`summary`: deciding rules in words, inherited ones folded, answers
//! once per question, sources once with their date once).

mod fact;
mod summary;

pub use fact::FactRead;
pub use summary::{Said, Source, Summary, sources};

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::audit::{Answer, Value, format_number};
use crate::i18n::{Lang, Text};
use crate::questionnaire::Questionnaire;

/// One answer a rule read: the question id and the value, written as in an answers file
/// (a choice id, a number, `true`/`false`, `dont_know`, `not_applicable`). Shared strings: the
/// same answer appears in many traces, and cloning one must not allocate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRead {
    pub question: Arc<str>,
    pub value: Arc<str>,
}

impl AnswerRead {
    /// One choice of an answer (a `multiple` answer is read choice by choice).
    pub fn choice(question: &str, choice: &str) -> AnswerRead {
        AnswerRead {
            question: Arc::from(question),
            value: Arc::from(choice),
        }
    }

    /// The whole answer.
    pub fn of(question: &str, answer: &Answer) -> AnswerRead {
        let value = match answer {
            Answer::Given(Value::Choice(c)) => c.clone(),
            Answer::Given(Value::Choices(cs)) => cs.join(","),
            Answer::Given(Value::Number(n)) => format_number(*n),
            Answer::Given(Value::Text(t)) => t.chars().take(80).collect(),
            Answer::Given(Value::Bool(b)) => b.to_string(),
            Answer::DontKnow => "dont_know".to_string(),
            Answer::NotApplicable => "not_applicable".to_string(),
        };
        AnswerRead {
            question: Arc::from(question),
            value: Arc::from(value),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct AnswerReadRepr<'a> {
    #[serde(borrow)]
    question: Cow<'a, str>,
    #[serde(borrow)]
    value: Cow<'a, str>,
}

impl Serialize for AnswerRead {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        AnswerReadRepr {
            question: Cow::Borrowed(&self.question),
            value: Cow::Borrowed(&self.value),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for AnswerRead {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AnswerRead, D::Error> {
        let r = AnswerReadRepr::deserialize(d)?;
        Ok(AnswerRead {
            question: Arc::from(r.question.as_ref()),
            value: Arc::from(r.value.as_ref()),
        })
    }
}

/// A value shared by several items of the plan (a host's reasons appear under every need it
/// could take): cloning it does not copy; it serialises as the value itself.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Shared<T> {
        Shared::new(value)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shared<T>, D::Error> {
        T::deserialize(d).map(Shared::new)
    }
}

/// One field of the association's profile a rule read (`legal_form`, `country`, `postcode`,
/// `members`, `employees`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRead {
    pub field: Cow<'static, str>,
    pub value: String,
}

/// The rules and inputs behind one item of the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trace {
    pub rules: Vec<Cow<'static, str>>,
    pub answers: Vec<AnswerRead>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<ProfileRead>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactRead>,
}

impl Trace {
    pub fn rule(rule: &'static str) -> Trace {
        Trace {
            rules: vec![Cow::Borrowed(rule)],
            ..Trace::default()
        }
    }

    pub fn with_rule(mut self, rule: &'static str) -> Trace {
        self.add_rule(rule);
        self
    }

    pub fn add_rule(&mut self, rule: &'static str) {
        if !self.rules.iter().any(|r| r == rule) {
            self.rules.push(Cow::Borrowed(rule));
        }
    }

    pub fn add_answer(&mut self, read: AnswerRead) {
        if !self.answers.contains(&read) {
            self.answers.push(read);
        }
    }

    pub fn add_answers<I: IntoIterator<Item = AnswerRead>>(&mut self, reads: I) {
        for r in reads {
            self.add_answer(r);
        }
    }

    pub fn add_profile(&mut self, field: &'static str, value: impl Into<String>) {
        let read = ProfileRead {
            field: Cow::Borrowed(field),
            value: value.into(),
        };
        if !self.profile.contains(&read) {
            self.profile.push(read);
        }
    }

    /// Everything of `other` added to this trace.
    pub fn merge(&mut self, other: &Trace) {
        for r in &other.rules {
            if !self.rules.contains(r) {
                self.rules.push(r.clone());
            }
        }
        self.add_answers(other.answers.iter().cloned());
        for p in &other.profile {
            if !self.profile.contains(p) {
                self.profile.push(p.clone());
            }
        }
        for f in &other.facts {
            if !self.facts.contains(f) {
                self.facts.push(f.clone());
            }
        }
    }

    /// The "Pourquoi ?" of an item in plain lines: each rule explained, then each answer read
    /// with the question's label and the choice's label, then profile fields and dated facts.
    pub fn explain(&self, q: &Questionnaire, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        for rule in &self.rules {
            match explain_rule(rule) {
                Some(t) => lines.push(t.get(lang).to_string()),
                None => lines.push(rule.to_string()),
            }
        }
        for read in &self.answers {
            lines.push(answer_line(q, read, lang));
        }
        for p in &self.profile {
            lines.push(format!(
                "{} {} : {}",
                lang.pick("Profil —", "Profile —"),
                p.field,
                p.value
            ));
        }
        for f in &self.facts {
            lines.push(format!("{} ({}, {})", f.text(lang), f.source, f.as_of));
        }
        lines
    }
}

fn answer_line(q: &Questionnaire, read: &AnswerRead, lang: Lang) -> String {
    let Some(question) = q.question(&read.question) else {
        return format!("{} = {}", read.question, read.value);
    };
    let value = match read.value.as_ref() {
        "dont_know" => lang.pick("je ne sais pas", "don't know").to_string(),
        "not_applicable" => lang.pick("non concerné", "not applicable").to_string(),
        "true" => lang.pick("oui", "yes").to_string(),
        "false" => lang.pick("non", "no").to_string(),
        v => v
            .split(',')
            .map(|id| question.choice(id).map_or(id, |c| c.label.get(lang)))
            .collect::<Vec<_>>()
            .join(", "),
    };
    format!("« {} » → {}", question.label.get(lang), value)
}

/// The plain-words explanation of a rule id.
pub fn explain_rule(id: &str) -> Option<Text> {
    RULES
        .iter()
        .find(|(r, _, _)| *r == id)
        .map(|(_, fr, en)| Text::new(*fr, *en))
}

/// Every rule id the plan uses, with what it means.
pub const RULES: &[(&str, &str, &str)] = &[
    (
        "needs.from-choices",
        "Un besoin vient d'un choix coché dans une question affichée.",
        "A need comes from a ticked choice in a shown question.",
    ),
    (
        "needs.free-tool",
        "Un outil est libre s'il figure parmi les logiciels libres du catalogue.",
        "A tool is free software when the catalogue lists it among free software.",
    ),
    (
        "needs.already-free",
        "Un logiciel libre déjà utilisé pour autre chose couvre aussi ce besoin.",
        "Free software already used for something else also covers this need.",
    ),
    (
        "needs.lock-in",
        "La dépendance vient de la note « partir serait difficile » du domaine (1 à 5).",
        "Dependency comes from the domain's 'leaving would be hard' rating (1 to 5).",
    ),
    (
        "scores.tools",
        "Niveau d'un domaine : part d'outils libres, ajustée par la difficulté à partir et la satisfaction.",
        "A domain's level: share of free tools, adjusted by how hard leaving is and satisfaction.",
    ),
    (
        "scores.signals",
        "Sécurité et données : bonnes pratiques moins mauvaises pratiques relevées dans les réponses.",
        "Security and data: good practices minus bad practices found in the answers.",
    ),
    (
        "scores.skills",
        "Compétences : la note d'autonomie donnée par l'association.",
        "Skills: the autonomy rating the association gave.",
    ),
    (
        "framaspace.legal-form",
        "Frama.space est fait pour les associations et collectifs ; les autres formes sont à vérifier, les entreprises exclues.",
        "Frama.space is for associations and collectives; other forms must be checked, companies are excluded.",
    ),
    (
        "framaspace.language",
        "Frama.space est réservé aux structures francophones : jugé sur les langues de travail de l'association, sinon sur son pays.",
        "Frama.space is for French-speaking organisations: judged on the association's working languages, else on its country.",
    ),
    (
        "framaspace.accounts",
        "Le nombre de comptes nécessaires est comparé au quota du catalogue.",
        "The number of accounts needed is compared with the catalogue's quota.",
    ),
    (
        "framaspace.storage",
        "Le volume de fichiers est comparé au quota de stockage du catalogue.",
        "The volume of files is compared with the catalogue's storage quota.",
    ),
    (
        "framaspace.needs",
        "Les besoins sont comparés aux fonctionnalités de Frama.space listées au catalogue.",
        "Needs are compared with the Frama.space features listed in the catalogue.",
    ),
    (
        "framaspace.health-data",
        "Des données de santé demandent un hébergeur certifié (HDS) : pas sur Frama.space.",
        "Health data needs a certified host (HDS): not on Frama.space.",
    ),
    (
        "framaspace.sensitive-data",
        "Des données sensibles demandent des précautions : Frama.space n'a pas de chiffrement de bout en bout.",
        "Sensitive data needs care: Frama.space has no end-to-end encryption.",
    ),
    (
        "framaspace.reviewed",
        "Framasoft examine chaque demande : l'outil ne peut pas promettre une acceptation.",
        "Framasoft reviews each request: the tool cannot promise acceptance.",
    ),
    (
        "reco.keep",
        "Les outils actuels sont déjà libres : rien à changer.",
        "The current tools are already free software: nothing to change.",
    ),
    (
        "reco.software",
        "Le logiciel proposé est celui vers lequel le catalogue décrit une migration depuis vos outils, sinon celui qui couvre le besoin.",
        "The software proposed is the one the catalogue describes a migration to from your tools, else one that covers the need.",
    ),
    (
        "reco.framaspace",
        "Frama.space couvre ce besoin et l'association y semble éligible.",
        "Frama.space covers this need and the association seems eligible.",
    ),
    (
        "reco.local",
        "Ce logiciel s'installe sur les ordinateurs ou téléphones : pas besoin d'hébergeur.",
        "This software is installed on computers or phones: no host needed.",
    ),
    (
        "reco.service",
        "Un service en ligne libre et gratuit, tenu par son éditeur : pas d'hébergeur à choisir.",
        "A free online service run by its publisher: no host to choose.",
    ),
    (
        "hosts.filter",
        "Un hébergeur n'est proposé pour un besoin que si l'un de ses services ouverts le liste, s'il accepte ce type de structure et ce lieu, et si ses offres déclarées ne sont pas toutes trop petites pour vos comptes et vos fichiers ; sinon « possible si l'offre s'agrandit ».",
        "A host is proposed for a need only if one of its open services lists it, it accepts this kind of organisation and this place, and its stated offers are not all too small for your accounts and files; otherwise 'possible if the offer grows'.",
    ),
    (
        "hosts.score",
        "Note d'un hébergeur sur 100 : proximité 30, offre adaptée à votre structure et à votre taille 25, prix selon votre budget 15, appartenance aux CHATONS attestée 15, fraîcheur des informations 15.",
        "A host's score out of 100: nearness 30, offer fitting your organisation and size 25, price against your budget 15, evidenced CHATONS membership 15, age of the facts 15.",
    ),
    (
        "hosts.set-cover",
        "Les hébergeurs proches (même département ou voisin) d'abord pour ce qu'ils proposent, puis le moins d'hébergeurs possible pour le reste ; jamais un hébergeur aux informations de plus de trois ans quand un autre couvre le besoin ; un hébergeur qui sert d'abord sa région, hors de celle-ci, seulement quand aucun autre ne le couvre.",
        "Near hosts (same or neighbouring département) first for what they offer, then as few hosts as possible for the rest; never a host whose facts are over three years old when another covers the need; a host serving its own area first, outside it, only when no other covers the need.",
    ),
    (
        "hosts.none",
        "Aucun hébergeur du catalogue ne couvre ce besoin : à chercher.",
        "No host in the catalogue covers this need: to be found.",
    ),
    (
        "roadmap.phase",
        "Étapes : d'abord ce qui ne peut pas attendre (les risques importants), puis ce qui ne demande pas d'hébergeur, les fichiers et agendas, la communication, enfin les réseaux publics ; ce qui dépasse le temps déclaré attend « plus tard ».",
        "Steps: first what cannot wait (the high risks), then what needs no host, files and calendars, communication, finally public networks; what goes beyond the time stated waits for 'later'.",
    ),
    (
        "roadmap.alongside",
        "Les réseaux libres s'ajoutent aux réseaux actuels : on ne ferme pas une page suivie.",
        "Free networks come alongside current ones: a followed page is not closed.",
    ),
    (
        "decide.kept",
        "Un outil gardé pour un besoin (paiements, réseaux suivis) n'est déplacé par aucune autre étape.",
        "A tool kept for one need (payments, followed networks) is moved by no other step.",
    ),
    (
        "decide.kept-apart",
        "Un logiciel installé ou une pratique (un classeur Excel, le papier) gardés pour un besoin ne retiennent pas les données des autres : elles le quittent quand même.",
        "Installed software or a practice (an Excel workbook, paper) kept for one need does not hold the other needs' data: it leaves all the same.",
    ),
    (
        "decide.co-editing",
        "L'équipe rédige à plusieurs : les documents partagés restent sur un service qui le permet.",
        "The team writes together: shared documents stay on a service that allows it.",
    ),
    (
        "decide.in-use",
        "Un logiciel libre déjà utilisé sert aussi à ce besoin : on l'étend, on ne le « commence » pas.",
        "Free software already in use serves this need too: it is extended, not 'started'.",
    ),
    (
        "decide.platforms",
        "Un logiciel à installer n'est proposé que s'il s'installe sur les ordinateurs de l'équipe.",
        "Software to install is proposed only if it installs on the team's computers.",
    ),
    (
        "roadmap.find-out",
        "Des réponses qui changent une décision manquent : les trouver d'abord, les déménagements attendent.",
        "Answers that change a decision are missing: find them first, moves wait.",
    ),
    (
        "roadmap.special-data",
        "Des données de santé ou sensibles sont mises à part d'abord, et chaque étape qui déplace leurs outils dit quoi laisser de côté.",
        "Health or sensitive data is set apart first, and each step moving their tools says what to leave out.",
    ),
    (
        "roadmap.risk-first",
        "Une étape qui répond à un risque important passe en premier.",
        "A step answering a serious risk comes first.",
    ),
    (
        "roadmap.capacity",
        "Les premières phases tiennent dans le temps par mois et le rythme choisis ; le reste attend « plus tard ».",
        "The first phases fit the time per month and the pace chosen; the rest waits 'later'.",
    ),
    (
        "roadmap.priority",
        "Après l'urgent, le temps disponible va d'abord aux besoins de l'usage que l'association veut améliorer en premier.",
        "After what is urgent, the time available goes first to the needs of the use the association wants to improve first.",
    ),
    (
        "roadmap.effort",
        "L'effort tient compte du volume de fichiers, du nombre de comptes ou d'appareils, et de l'aisance de l'équipe.",
        "Effort accounts for the volume of files, the number of accounts or devices, and the team's ease with computers.",
    ),
    (
        "roadmap.backup",
        "Une sauvegarde est une copie régulière gardée hors du local, avec un outil qui s'installe sur les ordinateurs de l'équipe.",
        "A backup is a regular copy kept off site, with a tool that installs on the team's computers.",
    ),
    (
        "risks.signal",
        "Un risque est relevé d'après une réponse qui le signale.",
        "A risk is raised from an answer that signals it.",
    ),
    (
        "risks.unknown",
        "« Je ne sais pas » à une question dont le plan a besoin : à trouver avant de décider.",
        "'Don't know' to a question the plan needs: to be found before deciding.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_bilingual_and_unique() {
        for (i, (id, fr, en)) in RULES.iter().enumerate() {
            assert!(!fr.is_empty() && !en.is_empty(), "{id}");
            assert!(RULES[i + 1..].iter().all(|(o, _, _)| o != id), "{id}");
        }
    }

    #[test]
    fn merge_keeps_one_of_each() {
        let mut a = Trace::rule("needs.from-choices");
        a.add_answer(AnswerRead::choice("q", "a"));
        let mut b = Trace::rule("needs.from-choices").with_rule("needs.lock-in");
        b.add_answer(AnswerRead::choice("q", "a"));
        a.merge(&b);
        assert_eq!(a.rules.len(), 2);
        assert_eq!(a.answers.len(), 1);
    }
}
