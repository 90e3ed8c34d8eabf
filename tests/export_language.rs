//! Each export speaks its reader's language: the English outputs (Markdown, HTML, listing,
//! both CSVs) carry no French-only word and the French ones no English-only word, once what a
//! person typed (names, activity, notes, free answers), proper names (hosts, software,
//! sources) and the HTML's markup and style sheet are set aside; « » only in French. Every
//! questionnaire and catalogue label an export can show has its English. The word check is shown
//! to catch a word planted on purpose.

mod export_fixture;

use diagasso::catalog;
use diagasso::export::{self, Format, Options, Templates, csv::CsvOptions};
use diagasso::i18n::Lang;
use diagasso::questionnaire::shipped;

/// Words that exist in one language only (short, common: the ones a left-over sentence has).
const FRENCH_ONLY: &[&str] = &[
    "le", "la", "les", "des", "du", "une", "est", "sont", "avec", "pour", "sans", "chez", "dans",
    "sur", "aux", "où", "déjà", "été", "mais", "donc", "très", "cette", "ces", "vous", "nous",
    "votre", "notre", "leur", "être", "aucun", "aucune", "à", "ou", "et", "réponse", "étape",
];
const ENGLISH_ONLY: &[&str] = &[
    "the", "and", "with", "for", "without", "which", "you", "your", "our", "their", "is", "are",
    "been", "already", "this", "these", "its", "to", "of", "from", "step", "answer", "none",
];

/// The texts a reader sees, with what is not ours to translate taken out.
fn ours(d: &export_fixture::Demo, text: &str) -> String {
    let mut t = text.to_string();
    // HTML: the style sheet, then the tags; entities back to characters.
    while let (Some(a), Some(b)) = (t.find("<style"), t.find("</style>")) {
        t.replace_range(a..b + 8, " ");
    }
    let mut plain = String::new();
    let mut in_tag = false;
    for c in t.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let mut t = plain
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    // What a person typed.
    let a = &d.association;
    let mut theirs: Vec<String> = vec![
        a.name.clone(),
        a.activity.clone(),
        a.contact_name.clone(),
        a.contact_email.clone(),
        d.audit.trainer.clone(),
        d.audit.note.clone(),
    ];
    theirs.extend(d.audit.notes.values().cloned());
    for r in d.audit.answers.values() {
        if let diagasso::audit::Answer::Given(diagasso::audit::Value::Text(x)) = &r.answer {
            theirs.push(x.clone());
        }
    }
    // Proper names: providers and software.
    for r in &d.plan.recommendations {
        theirs.extend(r.providers.iter().map(|p| p.name.clone()));
        theirs.extend(r.software.iter().map(|s| s.name.clone()));
    }
    theirs.extend(d.plan.hosts.iter().map(|h| h.name.clone()));
    theirs.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for s in theirs.iter().filter(|s| s.trim().chars().count() >= 2) {
        t = t.replace(s.as_str(), " ");
    }
    // Sources are citations, kept as they were written (see exports/examples/README.md); a
    // line holding one is set aside.
    t.lines()
        .filter(|l| !l.contains("Source") && !l.contains("http") && !l.contains("github.com"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The words of `text` that are in `list` (lowercase words only: « BE », "La Contre-Voie" are
/// codes and names).
fn foreign(text: &str, list: &[&str]) -> Vec<String> {
    // A word runs through « - » and « . » (« sans-nuage.fr » is a name, not « sans »).
    let mut out: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || "'-.".contains(c)))
        .map(|w| w.trim_matches(|c: char| "'-.".contains(c)))
        .filter(|w| list.contains(w))
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

fn outputs(d: &export_fixture::Demo, lang: Lang) -> Vec<(String, String)> {
    let opts = Options {
        lang,
        ..Options::default()
    };
    let t = Templates::embedded();
    let mut out = Vec::new();
    for f in [Format::Md, Format::Html, Format::Annonce, Format::Csv] {
        let files = export::files(f, &d.input(), &opts, &t, &CsvOptions::for_lang(lang)).unwrap();
        for (name, bytes) in files {
            out.push((name, String::from_utf8(bytes).unwrap()));
        }
    }
    out
}

#[test]
fn every_export_speaks_its_readers_language() {
    let d = export_fixture::shipped_demo();
    for (lang, wrong) in [(Lang::En, FRENCH_ONLY), (Lang::Fr, ENGLISH_ONLY)] {
        for (name, text) in outputs(&d, lang) {
            let text = ours(&d, &text);
            let found = foreign(&text, wrong);
            let context: Vec<&str> = text
                .lines()
                .filter(|l| !foreign(l, wrong).is_empty())
                .take(3)
                .collect();
            assert!(found.is_empty(), "{name}: {found:?} in\n{context:#?}");
            if lang == Lang::En {
                assert!(!text.contains('«'), "{name}: French quotes");
            }
        }
    }
}

#[test]
fn the_check_catches_a_planted_word() {
    let d = export_fixture::shipped_demo();
    let (_, md) = outputs(&d, Lang::En).remove(0);
    let planted = format!("{md}\n- Needs found: 3, dont 1 déjà couvert.\n");
    assert_eq!(
        foreign(&ours(&d, &planted), FRENCH_ONLY),
        vec!["déjà".to_string()]
    );
    assert_eq!(foreign("Deux étapes, the end", ENGLISH_ONLY), vec!["the"]);
    // A name or a note is not ours to translate.
    let with_note = format!("{md}\n{}\n", d.audit.notes.values().next().unwrap());
    assert!(foreign(&ours(&d, &with_note), FRENCH_ONLY).is_empty());
}

#[test]
fn every_label_an_export_shows_has_its_english() {
    let mut missing = Vec::new();
    for q in shipped::all().unwrap() {
        for s in &q.sections {
            if s.title.en.trim().is_empty() {
                missing.push(format!("{} section {}", q.id, s.id));
            }
            for qq in &s.questions {
                if qq.label.en.trim().is_empty() {
                    missing.push(format!("{} {}", q.id, qq.id));
                }
                for c in &qq.choices {
                    if c.label.en.trim().is_empty() {
                        missing.push(format!("{} {}:{}", q.id, qq.id, c.id));
                    }
                }
                if let Some(u) = &qq.unit
                    && u.en.trim().is_empty()
                {
                    missing.push(format!("{} {} unit", q.id, qq.id));
                }
            }
        }
    }
    let c = catalog::shipped().unwrap();
    for n in &c.needs {
        if n.label.en.trim().is_empty() || n.label.en == n.label.fr {
            missing.push(format!("need {}", n.id));
        }
    }
    // A tool's English name: its own when the French one is a phrase (« le papier »), the
    // brand otherwise.
    for t in &c.tools {
        let l = t.label();
        let phrase =
            l.fr.contains(' ') && (l.fr.starts_with(char::is_lowercase) || l.fr.contains(" de "));
        if l.en.trim().is_empty() || (phrase && l.en == l.fr) {
            missing.push(format!("tool {}", t.id));
        }
    }
    assert!(missing.is_empty(), "labels without English: {missing:#?}");
}
