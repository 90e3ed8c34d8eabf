//! PDF: the same content as the HTML report, made offline with krilla (pure Rust, fonts
//! embedded and subset: DejaVu Sans, licence in `exports/fonts/`). The report becomes a list of
//! blocks here; `pdf_layout` breaks lines, paginates and draws. The output is deterministic
//! (no creation date), so the example file can be checked for drift.

use super::labels::label;
use super::pdf_layout::{self, ACCENT_INK, Block, INK, MUTED, NO, OK, SOFT, WARN};
use super::view::{self, Report};
use super::{ExportError, Input, Options};
use crate::i18n::Lang;

fn para(text: impl Into<String>) -> Block {
    Block::Para {
        text: text.into(),
        size: 9.5,
        color: INK,
        bold: false,
    }
}

fn muted(text: impl Into<String>) -> Block {
    Block::Para {
        text: text.into(),
        size: 8.5,
        color: MUTED,
        bold: false,
    }
}

fn bullet(text: impl Into<String>, level: u8) -> Block {
    Block::Bullet {
        text: text.into(),
        level,
        color: if level == 0 { INK } else { MUTED },
    }
}

/// The report as blocks, in reading order.
pub fn blocks(r: &Report, lang: Lang) -> Vec<Block> {
    let t = |k: &'static str| label(lang, k);
    let a = &r.association;
    let mut b = vec![Block::Cover {
        kicker: t("report_title").to_string(),
        title: a.display_name.clone(),
        sub: format!(
            "{} · {} {} · {} {}",
            r.audit.questionnaire_title,
            t("version"),
            r.audit.questionnaire_version,
            t("updated").to_lowercase(),
            r.audit.updated
        ),
    }];
    if r.anonymised {
        b.push(Block::Callout {
            text: t("anonymised_note").into(),
            color: MUTED,
            fill: SOFT,
        });
    }

    if !r.plan.summary.is_empty() {
        b.push(Block::H2(t("summary").into()));
        b.extend(r.plan.summary.iter().map(|x| bullet(x.clone(), 0)));
    }

    b.push(Block::H2(t("profile").into()));
    let mut rows = vec![vec![t("name").to_string(), a.display_name.clone()]];
    rows.push(vec![t("legal_form").into(), a.legal_form.clone()]);
    let optional = [
        (
            "activity",
            if r.anonymised {
                None
            } else {
                a.activity.clone()
            },
        ),
        ("place", a.place.clone()),
        ("members", a.members.clone()),
        ("employees", a.employees.clone()),
        ("volunteers", a.volunteers.clone()),
        ("budget", a.budget.clone()),
        ("contact", a.contact.clone()),
        ("trainer", a.trainer.clone()),
    ];
    for (k, v) in optional {
        if let Some(v) = v {
            rows.push(vec![t(k).to_string(), v]);
        }
    }
    let mut audit = format!(
        "{} · {} {}",
        r.audit.status,
        t("started").to_lowercase(),
        r.audit.started
    );
    if let Some(f) = &r.audit.finished {
        audit.push_str(&format!(" · {} {f}", t("finished").to_lowercase()));
    }
    rows.push(vec![t("audit").into(), audit]);
    rows.push(vec![
        t("answered").into(),
        format!("{} / {}", r.audit.answered, r.audit.total),
    ]);
    b.push(Block::Table {
        widths: vec![0.3, 0.7],
        rows,
        header: false,
    });

    let p = &r.plan;
    b.push(Block::H2(t("scores").into()));
    b.push(muted(t("scores_intro")));
    if p.scores.is_empty() {
        b.push(para(format!("{}.", t("none"))));
    } else {
        b.push(Block::Space(4.0));
        b.push(Block::Bars(
            p.scores
                .iter()
                .map(|s| {
                    (
                        s.label.clone(),
                        s.level,
                        s.max,
                        format!("{} / {}", s.shown, s.max_shown),
                    )
                })
                .collect(),
        ));
    }

    b.push(Block::H2(t("framaspace").into()));
    b.push(match p.framaspace.eligible {
        Some(true) => Block::Callout {
            text: t("fs_eligible").into(),
            color: OK,
            fill: (0xea, 0xf6, 0xef),
        },
        Some(false) => Block::Callout {
            text: t("fs_not_eligible").into(),
            color: NO,
            fill: (0xfb, 0xee, 0xed),
        },
        None => Block::Callout {
            text: t("fs_unknown").into(),
            color: MUTED,
            fill: SOFT,
        },
    });
    b.extend(p.framaspace.reasons.iter().map(|x| bullet(x.clone(), 0)));

    b.push(Block::H2(t("needs").into()));
    if p.needs.is_empty() {
        b.push(para(format!("{}.", t("none"))));
    } else {
        let mut rows = vec![vec![
            t("need").to_string(),
            t("current_tools").into(),
            t("dependency").into(),
        ]];
        rows.extend(p.needs.iter().map(|n| {
            vec![
                n.label.clone(),
                n.tools.join(", "),
                n.dependency.clone().unwrap_or_default(),
            ]
        }));
        b.push(Block::Table {
            widths: vec![0.34, 0.44, 0.22],
            rows,
            header: true,
        });
    }

    b.push(Block::H2(t("recommendations").into()));
    if p.recommendations.is_empty() {
        b.push(para(format!("{}.", t("none"))));
    }
    for rec in &p.recommendations {
        b.push(Block::H3(match &rec.action {
            Some(a) => format!("{} → {} ({a})", rec.need, rec.software),
            None => format!("{} → {}", rec.need, rec.software),
        }));
        for pr in &rec.providers {
            let mut line = pr.name.clone();
            if let Some(s) = &pr.score {
                line.push_str(&format!(" ({} {s})", t("score")));
            }
            if let Some(u) = &pr.url {
                line.push_str(&format!(" — {u}"));
            }
            b.push(Block::Bullet {
                text: line,
                level: 0,
                color: ACCENT_INK,
            });
            b.extend(pr.reasons.iter().map(|x| bullet(x.clone(), 1)));
        }
        for w in &rec.why {
            b.push(muted(format!("{} : {w}", t("why"))));
        }
    }

    if !p.hosts.is_empty() {
        b.push(Block::H2(t("hosts").into()));
        for h in &p.hosts {
            let mut line = h.name.clone();
            if let Some(s) = &h.score {
                line.push_str(&format!(" ({} {s})", t("score")));
            }
            if let Some(u) = &h.url {
                line.push_str(&format!(" — {u}"));
            }
            b.push(Block::Bullet {
                text: line,
                level: 0,
                color: ACCENT_INK,
            });
            b.extend(h.reasons.iter().map(|x| bullet(x.clone(), 1)));
        }
    }

    b.push(Block::H2(t("roadmap").into()));
    if p.roadmap.is_empty() {
        b.push(para(format!("{}.", t("none"))));
    }
    for (i, phase) in p.roadmap.iter().enumerate() {
        b.push(Block::H3(format!("{}. {}", i + 1, phase.title)));
        for s in &phase.steps {
            let mut line = s.title.clone();
            for (k, v) in [("effort", &s.effort), ("cost", &s.cost)] {
                if let Some(v) = v {
                    line.push_str(&format!(" — {} : {v}", t(k)));
                }
            }
            b.push(bullet(line, 0));
            if let Some(h) = &s.howto {
                b.push(bullet(format!("{} : {h}", t("howto")), 1));
            }
            b.extend(
                s.why
                    .iter()
                    .map(|w| bullet(format!("{} : {w}", t("why")), 1)),
            );
        }
    }

    b.push(Block::H2(t("risks").into()));
    if p.risks.is_empty() {
        b.push(para(format!("{}.", t("none"))));
    }
    for risk in &p.risks {
        b.push(Block::Bullet {
            text: risk.title.clone(),
            level: 0,
            color: WARN,
        });
        if let Some(d) = &risk.detail {
            b.push(bullet(d.clone(), 1));
        }
        if let Some(a) = &risk.action {
            b.push(bullet(format!("{} : {a}", t("what_to_do")), 1));
        }
        b.extend(
            risk.why
                .iter()
                .map(|w| bullet(format!("{} : {w}", t("why")), 1)),
        );
    }

    b.push(Block::H2(t("answers").into()));
    for s in &r.sections {
        b.push(Block::H3(s.title.clone()));
        let mut rows = vec![vec![t("question").to_string(), t("answer").into()]];
        for item in &s.items {
            let mut ans = item.answer.clone();
            if let Some(n) = &item.note {
                ans.push_str(&format!(" — {} : {n}", t("note")));
            }
            rows.push(vec![item.question.clone(), ans]);
        }
        b.push(Block::Table {
            widths: vec![0.55, 0.45],
            rows,
            header: true,
        });
    }
    if let Some(n) = &r.general_note {
        b.push(Block::H3(t("general_note").into()));
        b.extend(n.lines().filter(|l| !l.trim().is_empty()).map(para));
    }
    if !p.traces.is_empty() {
        b.push(Block::H2(t("traces").into()));
        b.push(muted(t("traces_intro")));
        for tr in &p.traces {
            let mut line = format!("{} {}", t("rule"), tr.rule);
            if !tr.answers.is_empty() {
                line.push_str(&format!(" — {}", tr.answers.join(" ; ")));
            }
            b.push(bullet(line, 0));
        }
    }
    b.push(Block::Space(10.0));
    b.push(muted(match &p.catalog_as_of {
        Some(d) => format!("{} {d}.", t("catalog_as_of")),
        None => format!("{}.", t("catalog_unknown")),
    }));
    b.push(muted(format!(
        "{} « {} ».",
        t("generated_by"),
        r.audit.questionnaire_title
    )));
    b
}

/// Every text the PDF draws, in order (tests use it: the PDF's own text is compressed).
pub fn texts(input: &Input, opts: &Options) -> Vec<String> {
    let report = view::build(input, opts);
    let footer = footer(&report, opts.lang);
    pdf_layout::lay_out(
        &blocks(&report, opts.lang),
        &footer,
        (label(opts.lang, "page"), label(opts.lang, "of")),
    )
    .map(|l| {
        l.pages
            .iter()
            .flatten()
            .filter_map(|o| o.text().map(str::to_string))
            .collect()
    })
    .unwrap_or_default()
}

fn footer(r: &Report, lang: Lang) -> String {
    format!(
        "{} — {}",
        label(lang, "report_title"),
        r.association.display_name
    )
}

/// Render the PDF.
pub fn render(input: &Input, opts: &Options) -> Result<Vec<u8>, ExportError> {
    let report = view::build(input, opts);
    let lang = opts.lang;
    let fail = |e: String| {
        ExportError::msg(
            format!("création du PDF impossible : {e}"),
            format!("cannot create the PDF: {e}"),
        )
    };
    let laid = pdf_layout::lay_out(
        &blocks(&report, lang),
        &footer(&report, lang),
        (label(lang, "page"), label(lang, "of")),
    )
    .ok_or_else(|| fail("police".into()))?;
    let title = format!(
        "{} — {}",
        label(lang, "report_title"),
        report.association.display_name
    );
    pdf_layout::draw(&laid, &title, lang.code()).map_err(fail)
}
