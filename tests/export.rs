//! Export safety: hostile names and notes through every format, anonymisation leaves no
//! personal field anywhere, the HTML references nothing outside itself, file names are tame,
//! JSON parses back.

mod export_fixture;

use diagasso::export::{self, Format, Options, Templates};
use diagasso::i18n::Lang;
use export_fixture::{demo, hostile};

fn all_formats(d: &export_fixture::Demo, opts: &Options) -> Vec<(Format, Vec<u8>)> {
    let templates = Templates::embedded();
    Format::ALL
        .into_iter()
        .map(|f| {
            let bytes = export::render(f, &d.input(), opts, &templates)
                .unwrap_or_else(|e| panic!("{f}: {e}"));
            (f, bytes)
        })
        .collect()
}

/// Every `href`/`src` value in the HTML.
fn addresses(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [
        "href=",
        "src=",
        "action=",
        "srcset=",
        "xlink:href=",
        "data=",
    ] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            // An attribute's value is quoted; `href=&quot;` is escaped text, not markup.
            if !rest.starts_with(['"', '\'']) {
                continue;
            }
            let v: String = rest[1..]
                .chars()
                .take_while(|c| !matches!(c, '"' | '\'' | '>' | ' '))
                .collect();
            out.push(format!("{attr}{}", v.replace("&#x2f;", "/")));
        }
    }
    out
}

#[test]
fn hostile_html_is_inert_and_self_contained() {
    let d = hostile();
    for anonymise in [false, true] {
        let opts = Options {
            anonymise,
            ..Options::default()
        };
        let html = export::html::render(&d.input(), &opts, &Templates::embedded()).unwrap();
        // Hostile text may still be read (escaped); it must never be markup.
        for bad in [
            "<script",
            "<img",
            "<iframe",
            "<style>body",
            "<a href=\"https://evil",
            "\u{202E}",
            "\u{1b}",
            "\u{0}",
        ] {
            assert!(!html.contains(bad), "{bad} in HTML (anonymise={anonymise})");
        }
        for a in addresses(&html) {
            let ok = a.starts_with("href=#")
                || a.starts_with("href=https://www.frama.space")
                || a.starts_with("href=https://chaton.example.org");
            assert!(ok, "outside reference {a}");
        }
        assert!(!html.contains("url("), "CSS url() in HTML");
        assert!(!html.contains("@import"));
        assert!(html.contains("<html lang=\"fr\">"));
    }
}

#[test]
fn html_headings_are_in_order_and_charts_have_a_table() {
    let d = demo();
    let html =
        export::html::render(&d.input(), &Options::default(), &Templates::embedded()).unwrap();
    let mut last = 0;
    for (i, _) in html.match_indices("<h") {
        let level = html[i + 2..].chars().next().and_then(|c| c.to_digit(10));
        if let Some(level) = level {
            assert!(level <= last + 1, "heading h{level} after h{last}");
            last = level;
        }
    }
    assert!(html.contains("<svg class=\"chart radar\""));
    assert!(html.contains("<caption>Les mêmes données en tableau</caption>"));
    assert!(html.contains("@media print"));
}

#[test]
fn hostile_markdown_cannot_open_structure() {
    let d = hostile();
    let md =
        export::markdown::render(&d.input(), &Options::default(), &Templates::embedded()).unwrap();
    for line in md.lines() {
        for bad in [
            "# Titre", "- liste", "> cité", "<script", "<img", "<iframe", "=1+1",
        ] {
            assert!(
                !line.trim_start().starts_with(bad),
                "line opens structure: {line:?}"
            );
        }
        // Escaped markup reads "\<script\>"; unescaped, it would be live HTML.
        let live = line.replace("\\<", "").replace("\\]", "");
        assert!(
            !live.contains("<script") && !live.contains("<img") && !live.contains("<iframe"),
            "{line}"
        );
        assert!(!live.contains("](javascript"), "{line}");
    }
    assert!(md.contains("\\[lien\\]"));
    assert!(md.contains("\\<script\\>"));
}

#[test]
fn hostile_csv_cells_are_neutralised() {
    let d = hostile();
    for opts in [
        Options::default(),
        Options {
            anonymise: true,
            ..Options::default()
        },
    ] {
        let bytes = export::csv::render(&[d.input()], &opts, &Default::default()).unwrap();
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        let headers = r.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].len(), headers.len());
        for cell in rows[0].iter() {
            let t = cell.trim_start();
            // The one formula we write: a code kept as text, `="69"` (digits only).
            let code = t
                .strip_prefix("=\"")
                .and_then(|r| r.strip_suffix('"'))
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
            assert!(
                code || !t.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "live formula {cell:?}"
            );
            assert!(!cell.contains('\u{0}') && !cell.contains('\u{1b}'));
        }
    }
}

#[test]
fn csv_splits_multiple_choices_and_honours_options() {
    let d = demo();
    let bytes = export::csv::render(
        &[d.input(), d.input()],
        &Options::default(),
        &export::csv::CsvOptions {
            semicolon: true,
            bom: true,
        },
    )
    .unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let body = &bytes[3..];
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(body);
    let headers = r.headers().unwrap().clone();
    // Headers are the questions as asked (« question — choix » for a choice).
    let q = &d.questionnaire;
    let label = |id: &str| q.question(id).unwrap().label.fr.clone();
    let choice = |id: &str, c: &str| {
        format!(
            "{} — {}",
            label(id),
            q.question(id).unwrap().choice(c).unwrap().label.fr
        )
    };
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} not in {headers:?}"))
    };
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][col(&choice("files_tools", "google_drive"))], "1");
    assert_eq!(&rows[0][col(&choice("files_tools", "nextcloud"))], "0");
    assert_eq!(&rows[0][col(&label("backups"))], "je ne sais pas");
    // A decimal comma beside `;`.
    assert_eq!(&rows[0][col(&label("storage_gb"))], "12,5");
    assert_eq!(&rows[0][col(&label("mail_tool"))], "Gmail");
    assert_eq!(&rows[0][col("Département")], "=\"69\"");
    assert_eq!(&rows[0][col("Forme")], "Association");
    assert!(!headers.iter().any(|h| h == label("files_tools")));
    let raw = String::from_utf8(bytes).unwrap();
    for token in ["dont_know", "not_applicable", "in_progress", "files_tools:"] {
        assert!(!raw.contains(token), "{token} in the CSV");
    }
}

#[test]
fn file_names_are_tame() {
    let d = hostile();
    for anonymise in [false, true] {
        let opts = Options {
            anonymise,
            ..Options::default()
        };
        for f in Format::ALL {
            let name = export::file_name(f, &d.input(), &opts);
            assert!(
                !name.contains("..") && !name.contains('/') && !name.contains('\\'),
                "{name}"
            );
            assert!(!name.chars().any(char::is_control), "{name}");
            assert!(name.len() < 200, "{name}");
            assert!(name.ends_with(&format!(".{}", f.extension())));
        }
    }
    let plain = export::file_name(Format::Md, &demo().input(), &Options::default());
    assert_eq!(plain, "diagnostic-les-pédales-joyeuses-2026-11-20.md");
}

#[test]
fn canary_is_absent_from_every_anonymised_export() {
    let mut d = hostile();
    let canary = "canari-7f3a@exemple.org";
    d.association.contact_name = "Camille Canari".into();
    d.audit.note = format!("Écrire à {canary}");
    d.audit
        .notes
        .insert("backups".into(), format!("voir {canary}"));
    for lang in [Lang::Fr, Lang::En] {
        let opts = Options {
            anonymise: true,
            lang,
            ..Options::default()
        };
        for (f, bytes) in all_formats(&d, &opts) {
            let s = String::from_utf8_lossy(&bytes);
            for secret in [
                canary,
                "Camille Canari",
                "Dominique",
                "../..",
                "Les Pédales",
            ] {
                assert!(!s.contains(secret), "{secret} in anonymised {f}");
            }
            assert!(!export::file_name(f, &d.input(), &opts).contains("canari"));
        }
        let pdf = export::pdf::texts(&d.input(), &opts).join("\n");
        assert!(
            !pdf.contains(canary) && !pdf.contains("Camille Canari"),
            "canary in PDF text"
        );
    }
    // The annonce is anonymous even without --anonymise.
    let annonce =
        export::annonce::render(&d.input(), &Options::default(), &Templates::embedded()).unwrap();
    assert!(!annonce.contains(canary) && !annonce.contains("Camille"));
    assert!(!annonce.contains("<script"));
}

#[test]
fn with_notes_brings_notes_back_but_never_contacts() {
    let d = demo();
    let opts = Options {
        anonymise: true,
        with_notes: true,
        ..Options::default()
    };
    let md = export::markdown::render(&d.input(), &opts, &Templates::embedded()).unwrap();
    assert!(md.contains("carnet"));
    assert!(!md.contains("camille.martin@exemple.org"));
    let opts = Options {
        anonymise: true,
        ..Options::default()
    };
    let md = export::markdown::render(&d.input(), &opts, &Templates::embedded()).unwrap();
    assert!(!md.contains("carnet"));
    assert!(md.contains("Atelier vélo participatif — département 69"));
}

#[test]
fn annonce_is_short_french_and_anonymous() {
    let d = demo();
    let t = Templates::embedded();
    let a = export::annonce::render(&d.input(), &Options::default(), &t).unwrap();
    assert!(
        a.chars().count() <= export::annonce::MAX_CHARS,
        "{}",
        a.chars().count()
    );
    assert!(
        a.starts_with("Association (département 69) ")
            && a.contains("\nAtelier vélo participatif\u{202f};"),
        "{a}"
    );
    assert!(a.contains("Nos besoins"));
    assert!(!a.contains("Pédales"));
    let mut long = demo();
    let one = long.plan.needs[0].clone();
    long.plan.needs = (0..200)
        .map(|i| {
            let mut n = one.clone();
            n.need = format!("need-{i}");
            n.label = diagasso::i18n::Text::new(
                format!("Besoin numéro {i} avec un libellé assez long"),
                format!("Need number {i} with a rather long label"),
            );
            n
        })
        .collect();
    // Each with its own software at a host, so none shares a line.
    let reco = long.plan.recommendations[0].clone();
    long.plan.recommendations = (0..200)
        .map(|i| {
            let mut r = reco.clone();
            r.need = format!("need-{i}");
            r.label = long.plan.needs[i].label.clone();
            r.action = diagasso::plan::Action::Replace;
            r.software = vec![diagasso::plan::SoftwareRef {
                id: format!("software-{i}"),
                name: format!("Logiciel {i}"),
            }];
            for p in &mut r.providers {
                p.kind = diagasso::plan::ProviderKind::Host;
            }
            r
        })
        .collect();
    let a = export::annonce::render(&long.input(), &Options::default(), &t).unwrap();
    assert!(a.chars().count() <= export::annonce::MAX_CHARS);
    // Whole need lines were left out, and the listing says how many needs there are.
    let shown = a.lines().filter(|l| l.starts_with("- ")).count();
    assert!(
        (export::annonce::MIN_NEEDS..=export::annonce::MAX_NEEDS).contains(&shown),
        "{a}"
    );
    assert!(a.contains("besoins)"), "{a}");
    let en = export::annonce::render(
        &d.input(),
        &Options {
            lang: Lang::En,
            ..Options::default()
        },
        &t,
    )
    .unwrap();
    assert!(en.contains("Our needs"));
}

#[test]
fn hostile_pdf_renders() {
    let d = hostile();
    let pdf = export::pdf::render(&d.input(), &Options::default()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let texts = export::pdf::texts(&d.input(), &Options::default());
    assert!(texts.iter().all(|t| !t.chars().any(char::is_control)));
    assert!(
        texts.iter().any(|t| t.contains("<script>")),
        "hostile text is shown as text"
    );
}

#[test]
fn json_parses_back_and_rejects_garbage() {
    let d = demo();
    let json = export::json::render(&d.input(), &Options::default()).unwrap();
    let (doc, q) = export::json::parse(json.as_bytes()).unwrap();
    assert_eq!(doc.audit, d.audit);
    assert_eq!(doc.association, d.association);
    assert_eq!(q.hash, d.questionnaire.hash);
    for (bad, needle) in [
        ("{", "JSON"),
        ("{\"format\":\"autre\"}", "format"),
        (
            "{\"format\":\"diagasso-audit-export\",\"schema_version\":99}",
            "99",
        ),
    ] {
        let e = export::json::parse(bad.as_bytes()).unwrap_err();
        assert!(e.0.fr.contains(needle), "{}", e.0.fr);
    }
    let tampered = json.replace("\"storage_gb\"", "\"nope\"");
    assert!(export::json::parse(tampered.as_bytes()).is_err());
}

#[test]
fn templates_can_be_overridden_from_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("annonce.txt.j2"),
        "Annonce : {{ r.association.display_name }}\n",
    )
    .unwrap();
    let t = Templates::with_dir(dir.path()).unwrap();
    let a = export::annonce::render(&demo().input(), &Options::default(), &t).unwrap();
    assert_eq!(a, "Annonce : Atelier vélo participatif — département 69\n");
    std::fs::write(dir.path().join("report.md.j2"), "{% if %}").unwrap();
    let e = Templates::with_dir(dir.path()).err().unwrap();
    assert!(e.0.fr.contains("report.md.j2"));
}
