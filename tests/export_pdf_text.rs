//! The PDF keeps every word a person wrote, in the order they wrote it: a 5,000-character note
//! survives whole (across pages, nothing below the footer lost), and a name mixing Arabic and
//! Latin reads in logical order in the PDF's own text (`pdftotext`, when poppler is installed;
//! the layout data otherwise).

mod export_fixture;

use std::process::Command;

use diagasso::export::{self, Options};

/// Text without its spaces and line breaks (the PDF wraps lines and sets no-break spaces).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The PDF's text as a reader's tool extracts it, `None` without poppler's `pdftotext`.
fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().ok()?;
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, pdf).ok()?;
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_five_thousand_character_note_survives_whole() {
    let mut d = export_fixture::shipped_demo();
    // Numbered words: a lost or reordered piece shows.
    let mut note = String::new();
    let mut i = 0;
    while note.chars().count() < 5_000 {
        i += 1;
        note.push_str(&format!("mot{i:04} "));
    }
    let mut note: String = note.chars().take(5_000).collect();
    if note.ends_with(' ') {
        note.pop();
        note.push('.');
    }
    assert_eq!(note.chars().count(), 5_000);
    d.audit
        .notes
        .insert("files_storage_gb".into(), note.clone());
    let opts = Options::default();
    // The layout's texts, page by page, without each page's footer and number.
    let laid: Vec<String> = export::pdf::pages(&d.input(), &opts)
        .into_iter()
        .flat_map(|p| {
            let n = p.len().saturating_sub(2);
            p.into_iter().take(n)
        })
        .collect();
    let laid = squeeze(&laid.join(""));
    assert!(
        laid.contains(&squeeze(&note)),
        "the note is cut in the layout"
    );
    let pdf = export::pdf::render(&d.input(), &opts).unwrap();
    match pdftotext(&pdf) {
        Some(text) => {
            let text = squeeze(&text);
            let last = note.split(' ').next_back().unwrap();
            assert!(text.contains(&squeeze(&note[..200])), "the note's start");
            assert!(text.contains(last), "the note's last word {last}");
            // Every numbered word once, in order.
            let mut at = 0;
            for w in note.split(' ') {
                let found = text[at..].find(w).unwrap_or_else(|| panic!("{w} lost"));
                at += found + w.len();
            }
        }
        None => eprintln!("pdftotext not installed: checked on the layout data only"),
    }
}

#[test]
fn a_mixed_arabic_and_latin_name_reads_in_logical_order() {
    let mut d = export_fixture::shipped_demo();
    let name = "Cœur & Vélo جمعية الدراجات 2026";
    d.association.name = name.into();
    let opts = Options::default();
    let laid = export::pdf::texts(&d.input(), &opts);
    assert!(
        laid.iter().any(|t| t.contains(name)),
        "logical order in the layout"
    );
    let pdf = export::pdf::render(&d.input(), &opts).unwrap();
    match pdftotext(&pdf) {
        Some(text) => {
            // The Latin part is never mirrored (« eiC & ervuŒ »), and reads before the Arabic.
            assert!(
                text.contains("Cœur & Vélo"),
                "{}",
                &text[..400.min(text.len())]
            );
            assert!(!text.contains("ruœC") && !text.contains("oléV"));
            let latin = text.find("Cœur & Vélo").unwrap();
            let arabic = text.find("جمعية").or_else(|| text.find("ةيعمج"));
            let arabic = arabic.expect("the Arabic words are in the text");
            assert!(latin < arabic, "Latin first, as written");
            // The Arabic words themselves in their logical order (not reversed letters).
            assert!(text.contains("جمعية"), "Arabic in logical order");
        }
        None => eprintln!("pdftotext not installed: checked on the layout data only"),
    }
}
