//! The catalogue facts a trace cites: what the fact says (in French, and in English when the
//! catalogue gives it), its source and its date.

use serde::{Deserialize, Serialize};

use super::Trace;
use crate::i18n::{Lang, Text};

/// One catalogue fact a rule relied on, with its source and date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactRead {
    /// The fact in French (the catalogue's first language).
    pub fact: String,
    /// The fact in English, when the catalogue gives it; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fact_en: String,
    pub source: String,
    pub as_of: String,
}

impl FactRead {
    /// The fact in `lang`: English falls back to the French when there is no English.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.fact_en.trim().is_empty() => &self.fact_en,
            _ => &self.fact,
        }
    }
}

impl Trace {
    /// Cite a fact written in French only (a figure, a name).
    pub fn add_fact(&mut self, fact: impl Into<String>, source: &str, as_of: impl ToString) {
        self.push_fact(FactRead {
            fact: fact.into(),
            fact_en: String::new(),
            source: source.to_string(),
            as_of: as_of.to_string(),
        });
    }

    /// Cite a bilingual catalogue fact, so a plan read in English shows its English.
    pub fn add_text_fact(&mut self, fact: &Text, source: &str, as_of: impl ToString) {
        self.push_fact(FactRead {
            fact: fact.fr.clone(),
            fact_en: fact.en.clone(),
            source: source.to_string(),
            as_of: as_of.to_string(),
        });
    }

    fn push_fact(&mut self, read: FactRead) {
        if !self.facts.contains(&read) {
            self.facts.push(read);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_reads_in_each_language_and_falls_back_to_french() {
        let mut t = Trace::default();
        t.add_text_fact(&Text::new("Agendas", "Calendars"), "src", "2022");
        t.add_fact("quota 50", "src", "2022");
        t.add_text_fact(&Text::new("Agendas", "Calendars"), "src", "2022");
        assert_eq!(t.facts.len(), 2);
        assert_eq!(t.facts[0].text(Lang::Fr), "Agendas");
        assert_eq!(t.facts[0].text(Lang::En), "Calendars");
        assert_eq!(t.facts[1].text(Lang::En), "quota 50");
        // The English is left out of the JSON when there is none.
        let json = serde_json::to_value(&t.facts[1]).unwrap_or_default();
        assert!(json.get("fact_en").is_none(), "{json}");
    }
}
