//! The annex of the Markdown and PDF reports: for every "Pourquoi ?" that was cut short (more
//! than a few answers or sources) and every reason whose trace is shown apart (Frama.space
//! reasons, picked hosts), the full list of answers read and sources relied on. Entries are
//! numbered A1, A2… in reading order, and items with the very same list share one entry.

use serde::Serialize;

use super::why::{Why, set_annex};
use super::{Ctx, PlanView};
use crate::export::labels::label;

/// One entry of the annex.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AnnexEntry {
    /// "A1".
    pub id: String,
    /// The items it explains, in reading order.
    pub titles: Vec<String>,
    /// "Question → answer", every one the trace read.
    pub answers: Vec<String>,
    /// Each source once, with its date and the facts read from it.
    pub sources: Vec<String>,
    /// An earlier entry with the very same answers ("A5"), named instead of listing them again.
    pub same_answers: Option<String>,
}

/// A title short enough for the annex: cut at a word, with "…".
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

struct Gather<'a> {
    entries: Vec<AnnexEntry>,
    c: Ctx<'a>,
}

impl Gather<'_> {
    /// Give `w` an entry when it needs one: always when `apart`, else when it was cut short.
    fn add(&mut self, w: &mut Why, title: String, apart: bool) {
        let needed = if apart {
            !w.full.answers.is_empty() || !w.full.sources.is_empty()
        } else {
            w.is_cut()
        };
        if !needed {
            return;
        }
        let title = short(&title);
        let same = self
            .entries
            .iter_mut()
            .find(|e| e.answers == w.full.answers && e.sources == w.full.sources);
        let id = match same {
            Some(e) => {
                if !e.titles.contains(&title) {
                    e.titles.push(title);
                }
                e.id.clone()
            }
            None => {
                let id = format!("A{}", self.entries.len() + 1);
                let same_answers = self
                    .entries
                    .iter()
                    .find(|e| e.same_answers.is_none() && e.answers == w.full.answers)
                    .filter(|_| w.full.answers.len() > 1)
                    .map(|e| e.id.clone());
                self.entries.push(AnnexEntry {
                    id: id.clone(),
                    titles: vec![title],
                    answers: w.full.answers.clone(),
                    sources: w.full.sources.clone(),
                    same_answers,
                });
                id
            }
        };
        set_annex(w, &id, self.c);
    }
}

/// Number the annex entries in the order the report reads, and tell each block its entry.
pub(super) fn gather(view: &mut PlanView, c: Ctx) {
    let lang = c.lang;
    let mut g = Gather {
        entries: Vec::new(),
        c,
    };
    let dash = |section: &str, item: &str| format!("{section} — {item}");
    for r in &mut view.framaspace.reasons {
        let title = dash(label(lang, "framaspace"), &r.text);
        g.add(&mut r.why, title, true);
    }
    for r in &mut view.recommendations {
        let title = dash(label(lang, "recommendations"), &r.need);
        g.add(&mut r.why, title, false);
    }
    for h in &mut view.hosts {
        let title = dash(label(lang, "hosts"), &h.name);
        g.add(&mut h.why, title, true);
    }
    for p in &mut view.roadmap {
        for s in &mut p.steps {
            let title = dash(label(lang, "roadmap"), &s.title);
            g.add(&mut s.why, title, false);
        }
    }
    for r in &mut view.risks {
        let title = dash(label(lang, "risks"), &r.title);
        g.add(&mut r.why, title, false);
    }
    view.annex = g.entries;
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn titles_are_cut_at_a_word() {
        assert_eq!(short("Court"), "Court");
        let long =
            "Couvre : Partage et synchronisation de fichiers, Agendas partagés, Carnet d'adresses";
        let s = short(long);
        assert!(s.ends_with('…') && s.chars().count() <= 71, "{s}");
        assert!(long.starts_with(s.trim_end_matches('…')), "{s}");
    }
}
