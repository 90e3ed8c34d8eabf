//! The detailed "Pourquoi ?" of the annex "Pour le formateur": one entry per item that has one
//! (Frama.space's reasons, recommendations, hosts, roadmap steps, risks, domain levels), in the
//! report's order, each with the answers read and every source. A sentence or an answer already
//! given by an earlier entry is not repeated (a rule that explains twenty items is said once);
//! the entry counts the answers it leaves out ("et 3 réponses déjà citées plus haut").

use serde::Serialize;

use super::why::Why;
use super::{Ctx, PlanView};
use crate::export::labels::label;
use crate::i18n::typo;

#[derive(Debug, Clone, Default, Serialize)]
pub struct AnnexEntry {
    pub id: String,
    /// "Section — item".
    pub titles: Vec<String>,
    /// « P3. Section — item. », one full stop even after a title cut with « … ».
    pub head: String,
    /// The item's reasons and rules in words, without what an earlier entry said.
    pub text: String,
    pub answers: Vec<String>,
    /// The question ids of `answers`, in the same order (`profile:<field>` for a profile
    /// field): the PDF does not list these answers a second time.
    #[serde(skip)]
    pub keys: Vec<String>,
    pub sources: Vec<String>,
    /// How many of the item's answers an earlier entry already quoted, in words.
    pub same_answers: Option<String>,
}

/// Cut a title to about 70 characters, at a word.
fn short(s: &str) -> String {
    const MAX: usize = 70;
    if s.chars().count() <= MAX {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > MAX / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ', '\u{a0}']))
}

/// Sentences, split after « . » followed by a space (abbreviations may split early: harmless,
/// the pieces are only compared with one another).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        cur.push(c);
        if matches!(c, '.' | '!' | '?') && chars.peek().is_some_and(|n| *n == ' ') {
            out.push(cur.trim().to_string());
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

struct Gather<'a> {
    entries: Vec<AnnexEntry>,
    said: Vec<String>,
    quoted: Vec<String>,
    c: Ctx<'a>,
}

impl Gather<'_> {
    fn add(&mut self, w: &mut Why, title: String) {
        let fresh: Vec<String> = sentences(&w.text)
            .into_iter()
            .filter(|s| !self.said.contains(s))
            .collect();
        let (answers, keys): (Vec<String>, Vec<String>) = w
            .full
            .answers
            .iter()
            .zip(w.full.keys.iter().map(Some).chain(std::iter::repeat(None)))
            .filter(|(a, _)| !self.quoted.contains(a))
            .map(|(a, k)| (a.clone(), k.cloned().unwrap_or_default()))
            .unzip();
        let repeated = w.full.answers.len() - answers.len();
        // An item that only points elsewhere ("see the recommendation") adds nothing here.
        if answers.is_empty() && w.full.sources.is_empty() && fresh.len() <= 1 {
            return;
        }
        self.said.extend(fresh.iter().cloned());
        self.quoted.extend(answers.iter().cloned());
        let id = format!("P{}", self.entries.len() + 1);
        let lang = self.c.lang;
        let titles = vec![short(&title)];
        let joined = titles.join(" ; ");
        let stop = if joined.ends_with(['…', '.', '?', '!']) {
            ""
        } else {
            "."
        };
        self.entries.push(AnnexEntry {
            head: format!("{id}. {joined}{stop}"),
            id: id.clone(),
            titles,
            text: fresh.join(" "),
            answers,
            keys,
            sources: w.full.sources.clone(),
            same_answers: (repeated > 0).then(|| {
                typo::count(
                    lang,
                    repeated,
                    label(lang, "answer_quoted"),
                    label(lang, "answers_quoted"),
                )
            }),
        });
        w.annex = Some(id);
    }
}

pub(super) fn gather(view: &mut PlanView, c: Ctx) {
    let lang = c.lang;
    let mut g = Gather {
        entries: Vec::new(),
        said: Vec::new(),
        quoted: Vec::new(),
        c,
    };
    let dash = |section: &str, item: &str| format!("{section} — {item}");
    for p in &mut view.roadmap {
        for s in &mut p.steps {
            let title = dash(label(lang, "roadmap"), &format!("{} {}", s.number, s.title));
            g.add(&mut s.why, title);
        }
    }
    for r in &mut view.risks {
        let title = dash(label(lang, "risks"), &r.title);
        g.add(&mut r.why, title);
    }
    for s in &mut view.scores {
        let title = dash(label(lang, "scores_short"), &s.label);
        g.add(&mut s.why, title);
    }
    for r in &mut view.recommendations {
        let title = dash(label(lang, "recommendations"), &r.need);
        g.add(&mut r.why, title);
    }
    for r in &mut view.framaspace.reasons {
        let title = dash(label(lang, "framaspace"), &r.text);
        g.add(&mut r.why, title);
    }
    for h in &mut view.hosts {
        let title = dash(label(lang, "hosts"), &h.name);
        g.add(&mut h.why, title);
    }
    view.annex = g.entries;
}

#[cfg(test)]
mod tests {
    use super::{sentences, short};

    #[test]
    fn titles_are_cut_at_a_word() {
        assert_eq!(short("Court"), "Court");
        let long =
            "Couvre : Partage et synchronisation de fichiers, Agendas partagés, Carnet d'adresses";
        let s = short(long);
        assert!(s.ends_with('…') && s.chars().count() <= 71, "{s}");
        assert!(long.starts_with(s.trim_end_matches('…')), "{s}");
    }

    #[test]
    fn sentences_split_after_a_full_stop() {
        assert_eq!(
            sentences("Un. Deux ? Trois (v. 2)."),
            ["Un.", "Deux ?", "Trois (v.", "2)."]
        );
    }
}
