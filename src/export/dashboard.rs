//! The workshop dashboard as files: self-contained HTML (`workshop.html.j2`, the report's
//! stylesheet, inline SVG bars, every count also in a table) and CSV (one table in long form:
//! a `section` column — `summary`, `tool`, `need`, `progress` — so a spreadsheet filter gives
//! each part). Anonymised: each association is « Association N » in the progress list.

use std::fmt::Write;

use serde::Serialize;

use super::csv::CsvOptions;
use super::escape::{csv_cell, html as esc, one_line};
use super::{ExportError, Templates};
use crate::audit::AuditStatus;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::workshop::Dashboard;
use crate::workshop::Workshop;

/// Horizontal bars of counts, inlined in HTML: a `<title>`, a `<desc>` with every figure, no
/// script, labels escaped.
pub fn count_bars(items: &[(String, usize)], title: &str, id: &str) -> String {
    let max = items.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let (label_w, bar_w, row) = (230.0, 380.0, 24.0);
    let h = row * items.len() as f64 + 10.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart bars" viewBox="0 0 680 {h}" role="img" aria-labelledby="{id}-title {id}-desc">"#
    );
    let desc: Vec<String> = items.iter().map(|(l, n)| format!("{l} {n}")).collect();
    let _ = write!(
        s,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        esc(title),
        esc(&desc.join(", "))
    );
    for (i, (label, n)) in items.iter().enumerate() {
        let y = 5.0 + row * i as f64;
        let w = bar_w * *n as f64 / max as f64;
        let short: String = if label.chars().count() > 30 {
            format!("{}…", label.chars().take(29).collect::<String>().trim_end())
        } else {
            label.clone()
        };
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" text-anchor="end" font-size="13" fill="#1d2433">{}</text><rect x="{label_w}" y="{}" width="{w:.1}" height="16" rx="3" fill="#6a3d9a"/><text x="{:.1}" y="{}" font-size="13" fill="#1d2433">{n}</text>"##,
            label_w - 8.0,
            y + 13.0,
            esc(&short),
            y + 1.0,
            label_w + w + 6.0,
            y + 13.0,
        );
    }
    s.push_str("</svg>");
    s
}

#[derive(Serialize)]
struct Row {
    name: String,
    count: usize,
    free: String,
    extra: String,
}

#[derive(Serialize)]
struct ProgressRow {
    name: String,
    answered: usize,
    shown: usize,
    percent: usize,
    status: String,
}

#[derive(Serialize)]
struct Ctx<'a> {
    lang: &'static str,
    w: &'a Workshop,
    d: &'a Dashboard,
    anonymised: bool,
    tools: Vec<Row>,
    needs: Vec<Row>,
    progress: Vec<ProgressRow>,
    tools_svg: String,
    needs_svg: String,
    free_tools: usize,
    free_needs: usize,
    t: Labels,
}

#[derive(Serialize)]
struct Labels {
    kicker: &'static str,
    associations: &'static str,
    audits: &'static str,
    free_share: &'static str,
    tools: &'static str,
    needs: &'static str,
    progress: &'static str,
    tool: &'static str,
    need: &'static str,
    count: &'static str,
    free: &'static str,
    answered: &'static str,
    status: &'static str,
    anonymised_note: &'static str,
    footer: &'static str,
}

fn labels(lang: Lang) -> Labels {
    let p = |fr, en| lang.pick(fr, en);
    Labels {
        kicker: p("Tableau de bord d'atelier", "Workshop dashboard"),
        associations: p("associations", "associations"),
        audits: p("audits", "audits"),
        free_share: p("Déjà sur logiciel libre", "Already on free software"),
        tools: p("Outils utilisés", "Tools in use"),
        needs: p("Besoins", "Needs"),
        progress: p("Avancement des audits", "Progress of the audits"),
        tool: p("Outil", "Tool"),
        need: p("Besoin", "Need"),
        count: p("Associations", "Associations"),
        free: p("Libre", "Free"),
        answered: p("Réponses", "Answers"),
        status: p("État", "Status"),
        anonymised_note: p(
            "Version anonymisée : les associations sont numérotées.",
            "Anonymised version: associations are numbered.",
        ),
        footer: p(
            "Produit par diagasso. Décomptes par association (son audit le plus récent de l'atelier).",
            "Made by diagasso. Counts per association (its latest audit in the workshop).",
        ),
    }
}

fn free_word(free: Option<bool>, lang: Lang) -> String {
    match free {
        Some(true) => lang.pick("oui", "yes"),
        Some(false) => lang.pick("non", "no"),
        None => lang.pick("?", "?"),
    }
    .to_string()
}

fn status_text(s: AuditStatus, lang: Lang) -> &'static str {
    match s {
        AuditStatus::InProgress => Ui::StatusInProgress.get(lang),
        AuditStatus::Finished => Ui::StatusFinished.get(lang),
    }
}

fn progress_name(i: usize, name: &str, anonymise: bool, lang: Lang) -> String {
    if anonymise {
        format!("{} {}", lang.pick("Association", "Association"), i + 1)
    } else {
        one_line(name)
    }
}

/// The dashboard as one self-contained HTML file.
pub fn html(
    w: &Workshop,
    d: &Dashboard,
    lang: Lang,
    anonymise: bool,
    templates: &Templates,
) -> Result<String, ExportError> {
    let t = labels(lang);
    let w = &Workshop {
        name: one_line(&w.name),
        place: one_line(&w.place),
        trainer: one_line(&w.trainer),
        ..w.clone()
    };
    let tools: Vec<Row> = d
        .tools
        .iter()
        .map(|x| Row {
            name: one_line(&x.name),
            count: x.associations,
            free: free_word(x.free, lang),
            extra: String::new(),
        })
        .collect();
    let needs: Vec<Row> = d
        .needs
        .iter()
        .map(|x| Row {
            name: one_line(x.label.get(lang)),
            count: x.associations,
            free: x.free.to_string(),
            extra: x.unmet.to_string(),
        })
        .collect();
    let bars = |rows: &[Row], title: &str, id: &str| {
        let items: Vec<(String, usize)> = rows.iter().map(|r| (r.name.clone(), r.count)).collect();
        count_bars(&items, title, id)
    };
    let ctx = Ctx {
        lang: lang.code(),
        w,
        d,
        anonymised: anonymise,
        tools_svg: bars(&tools, t.tools, "tools"),
        needs_svg: bars(&needs, t.needs, "needs"),
        tools,
        needs,
        progress: d
            .progress
            .iter()
            .enumerate()
            .map(|(i, p)| ProgressRow {
                name: progress_name(i, &p.association_name, anonymise, lang),
                answered: p.answered,
                shown: p.shown,
                percent: p.share().percent(),
                status: status_text(p.status, lang).to_string(),
            })
            .collect(),
        free_tools: d.free_tools.percent(),
        free_needs: d.free_needs.percent(),
        t,
    };
    templates.render("workshop.html.j2", &ctx)
}

/// The dashboard as CSV (long form, one `section` column).
pub fn csv(
    w: &Workshop,
    d: &Dashboard,
    lang: Lang,
    anonymise: bool,
    opts: CsvOptions,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    if opts.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut wr = ::csv::WriterBuilder::new()
        .delimiter(if opts.semicolon { b';' } else { b',' })
        .from_writer(&mut out);
    let fail = |e: ::csv::Error| ExportError::msg(format!("CSV : {e}"), format!("CSV: {e}"));
    let head = [
        "section",
        "id",
        "label",
        "associations",
        "free",
        "unmet",
        "answered",
        "shown",
        "status",
    ];
    wr.write_record(head).map_err(fail)?;
    let mut row = |cells: [String; 9]| -> Result<(), ExportError> {
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        wr.write_record(&cells).map_err(fail)
    };
    let e = String::new;
    row([
        "summary".into(),
        w.id.clone(),
        one_line(&w.name),
        d.associations.to_string(),
        d.free_needs.part.to_string(),
        (d.free_needs.whole - d.free_needs.part).to_string(),
        e(),
        e(),
        e(),
    ])?;
    for t in &d.tools {
        row([
            "tool".into(),
            t.tool.clone(),
            one_line(&t.name),
            t.associations.to_string(),
            free_word(t.free, lang),
            e(),
            e(),
            e(),
            e(),
        ])?;
    }
    for n in &d.needs {
        row([
            "need".into(),
            n.need.clone(),
            one_line(n.label.get(lang)),
            n.associations.to_string(),
            n.free.to_string(),
            n.unmet.to_string(),
            e(),
            e(),
            e(),
        ])?;
    }
    for (i, p) in d.progress.iter().enumerate() {
        row([
            "progress".into(),
            p.audit_id.clone(),
            progress_name(i, &p.association_name, anonymise, lang),
            e(),
            e(),
            e(),
            p.answered.to_string(),
            p.shown.to_string(),
            p.status.as_str().to_string(),
        ])?;
    }
    wr.flush()
        .map_err(|e| ExportError::msg(format!("CSV : {e}"), format!("CSV: {e}")))?;
    drop(wr);
    Ok(out)
}
