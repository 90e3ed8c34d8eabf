//! A comparison of two audits as files: Markdown (`compare.md.j2`) and self-contained HTML
//! (`compare.html.j2`, with an inline SVG chart of the scores before and after, the same
//! figures in a table). The association is named as the reports name it (`view::public_name`
//! rules: activity and département when anonymised).

use std::fmt::Write;

use serde::Serialize;

use super::escape::{html as esc, one_line};
use super::{ExportError, Templates};
use crate::compare::{ChangeKind, Comparison};
use crate::i18n::{Lang, typo};

/// Paired bars per domain, before (grey) and after (purple), on the 1–4 scale.
pub fn score_chart(c: &Comparison, lang: Lang) -> String {
    let rows: Vec<_> = c.scores.iter().collect();
    let (label_w, bar_w, row) = (230.0, 360.0, 40.0);
    let h = row * rows.len() as f64 + 40.0;
    let title = lang.pick("Scores avant et après", "Scores before and after");
    let (before, after) = (lang.pick("avant", "before"), lang.pick("après", "after"));
    let level = |l: Option<u8>| l.map_or_else(|| "?".to_string(), |l| format!("{l}/4"));
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart bars" viewBox="0 0 680 {h}" role="img" aria-labelledby="cmp-title cmp-desc">"#
    );
    let desc: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} : {before} {}, {after} {}",
                r.label.get(lang),
                level(r.before),
                level(r.after)
            )
        })
        .collect();
    let _ = write!(
        s,
        r#"<title id="cmp-title">{}</title><desc id="cmp-desc">{}</desc>"#,
        esc(title),
        esc(&desc.join(" ; "))
    );
    let _ = write!(
        s,
        r##"<rect x="{label_w}" y="6" width="12" height="12" fill="#9aa3b2"/><text x="{}" y="16" font-size="12" fill="#1d2433">{}</text><rect x="{}" y="6" width="12" height="12" fill="#6a3d9a"/><text x="{}" y="16" font-size="12" fill="#1d2433">{}</text>"##,
        label_w + 16.0,
        esc(before),
        label_w + 90.0,
        label_w + 106.0,
        esc(after)
    );
    for (i, r) in rows.iter().enumerate() {
        let y = 30.0 + row * i as f64;
        let label = one_line(r.label.get(lang));
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" text-anchor="end" font-size="13" fill="#1d2433">{}</text>"##,
            label_w - 8.0,
            y + 17.0,
            esc(&label)
        );
        for (k, (v, fill)) in [(r.before, "#9aa3b2"), (r.after, "#6a3d9a")]
            .into_iter()
            .enumerate()
        {
            let yy = y + 2.0 + 17.0 * k as f64;
            let w = bar_w * f64::from(v.unwrap_or(0)) / 4.0;
            let _ = write!(
                s,
                r##"<rect x="{label_w}" y="{yy}" width="{w:.1}" height="14" rx="2" fill="{fill}"/><text x="{:.1}" y="{}" font-size="11" fill="#1d2433">{}</text>"##,
                label_w + w + 5.0,
                yy + 11.0,
                level(v)
            );
        }
    }
    s.push_str("</svg>");
    s
}

#[derive(Serialize)]
struct Row {
    label: String,
    before: String,
    after: String,
    kind: &'static str,
}

#[derive(Serialize)]
struct ScoreRow {
    label: String,
    before: String,
    after: String,
}

#[derive(Serialize)]
struct StepRow {
    title: String,
    state: String,
    done: bool,
}

#[derive(Serialize)]
struct Ctx {
    lang: &'static str,
    name: String,
    before_date: String,
    after_date: String,
    changes: Vec<Row>,
    unchanged: usize,
    /// « 3 réponses inchangées », "1 answer unchanged".
    unchanged_line: String,
    scores: Vec<ScoreRow>,
    steps: Vec<StepRow>,
    done: usize,
    /// « 1 étape faite sur 21 », "2 steps done of 21".
    done_line: String,
    chart: String,
    t: Labels,
}

#[derive(Serialize)]
struct Labels {
    kicker: &'static str,
    changes: &'static str,
    question: &'static str,
    before: &'static str,
    after: &'static str,
    scores: &'static str,
    domain: &'static str,
    steps: &'static str,
    step: &'static str,
    state: &'static str,
    none: &'static str,
    footer: &'static str,
}

fn labels(lang: Lang) -> Labels {
    let p = |fr, en| lang.pick(fr, en);
    Labels {
        kicker: p("Suivi : ce qui a changé", "Follow-up: what changed"),
        changes: p("Réponses modifiées", "Changed answers"),
        question: p("Question", "Question"),
        before: p("Avant", "Before"),
        after: p("Après", "After"),
        scores: p("Scores par domaine", "Scores per domain"),
        domain: p("Domaine", "Domain"),
        steps: p("Feuille de route précédente", "Previous roadmap"),
        step: p("Étape", "Step"),
        state: p("Où en est-on", "Where it stands"),
        none: p("(aucune)", "(none)"),
        footer: p(
            "Produit par diagasso. Une étape est « faite » quand le besoin qu'elle servait est couvert par du logiciel libre seulement.",
            "Made by diagasso. A step is 'done' when the need it served is met with free software only.",
        ),
    }
}

fn ctx(c: &Comparison, name: &str, lang: Lang) -> Ctx {
    let dash = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            one_line(s)
        }
    };
    let kind = |k: ChangeKind| match k {
        ChangeKind::Same => "same",
        ChangeKind::Changed => "changed",
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::NotYetAsked => "not_yet_asked",
    };
    let level = |l: Option<u8>| l.map_or_else(|| "?".to_string(), |l| format!("{l}/4"));
    let unchanged = c.changes.len() - c.changed().count() - c.not_yet_asked();
    Ctx {
        lang: lang.code(),
        name: one_line(name),
        before_date: c.before_started.chars().take(10).collect(),
        after_date: c.after_started.chars().take(10).collect(),
        changes: c
            .changed()
            .map(|ch| Row {
                label: one_line(ch.label.get(lang)),
                before: dash(ch.before_text.get(lang)),
                after: dash(ch.after_text.get(lang)),
                kind: kind(ch.kind),
            })
            .collect(),
        unchanged,
        unchanged_line: typo::count(
            lang,
            unchanged,
            lang.pick("réponse inchangée", "answer unchanged"),
            lang.pick("réponses inchangées", "answers unchanged"),
        ),
        scores: c
            .scores
            .iter()
            .map(|s| ScoreRow {
                label: one_line(s.label.get(lang)),
                before: level(s.before),
                after: level(s.after),
            })
            .collect(),
        steps: c
            .steps
            .iter()
            .map(|s| StepRow {
                title: one_line(s.title.get(lang)),
                state: s.state.label().get(lang).to_string(),
                done: s.state == crate::compare::StepState::Done,
            })
            .collect(),
        done: c.done(),
        done_line: match lang {
            Lang::Fr => format!(
                "{} sur {}",
                typo::count(lang, c.done(), "étape faite", "étapes faites"),
                c.steps.len()
            ),
            Lang::En => format!(
                "{} done of {}",
                typo::count(lang, c.done(), "step", "steps"),
                c.steps.len()
            ),
        },
        chart: score_chart(c, lang),
        t: labels(lang),
    }
}

/// The comparison as Markdown.
pub fn markdown(
    c: &Comparison,
    name: &str,
    lang: Lang,
    templates: &Templates,
) -> Result<String, ExportError> {
    templates.render("compare.md.j2", ctx(c, name, lang))
}

/// The comparison as one self-contained HTML file.
pub fn html(
    c: &Comparison,
    name: &str,
    lang: Lang,
    templates: &Templates,
) -> Result<String, ExportError> {
    templates.render("compare.html.j2", ctx(c, name, lang))
}
