//! The report as PDF blocks, in reading order: the same parts as the HTML and Markdown reports
//! — what a board reads first (En bref, the proposal page, the roadmap as tables, risks by
//! severity, levels as one bar chart, what to do per need, Frama.space, the profile), then, on
//! a new page, the annex for the trainer (hosts compared, how to move, needs, each "Pourquoi ?"
//! in full, the answers).

use crate::export::labels::label;
use crate::export::pdf_layout::{ACCENT_INK, Block, INK, MUTED, NO, OK, SOFT, WARN};
use crate::export::plan_view::PlanView;
use crate::export::view::Report;
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
    let colon = t("colon");
    let a = &r.association;
    let p = &r.plan;
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
    if let Some(banner) = &r.banner {
        b.push(Block::Callout {
            text: banner.clone(),
            color: MUTED,
            fill: SOFT,
        });
    }

    b.push(Block::H2(t("summary").into()));
    b.extend(p.summary.iter().map(|x| bullet(x.clone(), 0)));

    b.push(Block::H2(t("proposal").into()));
    b.push(muted(t("proposal_intro")));
    for (i, s) in p.proposal.actions.iter().enumerate() {
        b.push(Block::Para {
            text: format!("{}. {}", i + 1, s.title),
            size: 10.0,
            color: INK,
            bold: true,
        });
        let mut meta = format!("{}{colon} {}", t("who"), s.who.as_deref().unwrap_or("—"));
        if let Some(w) = &s.when {
            meta.push_str(&format!(" · {}{colon} {w}", t("when")));
        }
        if let Some(c) = &s.cost {
            meta.push_str(&format!(" · {}{colon} {c}", t("cost_h")));
        }
        b.push(bullet(meta, 1));
    }
    if let Some(more) = &p.proposal.more {
        b.push(muted(format!("… {more}.")));
    }
    let mut key = vec![vec![
        t("yearly_cost").to_string(),
        p.proposal.yearly_cost.clone(),
    ]];
    if let Some(c) = &p.proposal.contact {
        let mut line = format!("{} — {}", c.name, c.what);
        if let Some(u) = &c.url {
            line.push_str(&format!(" — {u}"));
        }
        key.push(vec![t("contact_first").to_string(), line]);
    }
    b.push(Block::Table {
        widths: vec![0.3, 0.7],
        rows: key,
        header: false,
    });

    roadmap(&mut b, p, lang);
    risks(&mut b, p, lang);

    b.push(Block::H2(t("scores").into()));
    b.push(muted(t("scores_intro")));
    if p.scores.is_empty() {
        b.push(para(format!("{}.", t("none"))));
    } else {
        b.push(Block::Space(4.0));
        b.push(Block::Bars {
            bars: p
                .scores
                .iter()
                .map(|s| (s.label.clone(), s.known.then_some(s.level), s.shown.clone()))
                .collect(),
            ends: (t("scale_low").to_string(), t("scale_high").to_string()),
        });
        let mut rows = vec![vec![
            t("domain").to_string(),
            t("level").into(),
            t("reasons").into(),
        ]];
        rows.extend(p.scores.iter().map(|s| {
            vec![
                s.label.clone(),
                match &s.word {
                    Some(w) => format!("{} / {} · {w}", s.shown, s.max_shown),
                    None => format!("{} / {}", s.shown, s.max_shown),
                },
                s.reason.clone().unwrap_or_default(),
            ]
        }));
        b.push(Block::Table {
            widths: vec![0.28, 0.2, 0.52],
            rows,
            header: true,
        });
    }

    b.push(Block::H2(t("recos_short").into()));
    let mut rows = vec![vec![
        t("need").to_string(),
        t("what_to_do").into(),
        t("software").into(),
        t("place_h").into(),
    ]];
    rows.extend(p.recommendations.iter().map(|rec| {
        vec![
            rec.need.clone(),
            rec.action.clone().unwrap_or_default(),
            rec.software.clone(),
            rec.place.clone().unwrap_or_default(),
        ]
    }));
    b.push(Block::Table {
        widths: vec![0.3, 0.16, 0.27, 0.27],
        rows,
        header: true,
    });

    b.push(Block::H2(t("framaspace").into()));
    b.push(match p.framaspace.eligible {
        Some(true) => Block::Callout {
            text: p.framaspace.verdict.clone(),
            color: OK,
            fill: (0xea, 0xf6, 0xef),
        },
        Some(false) => Block::Callout {
            text: p.framaspace.verdict.clone(),
            color: NO,
            fill: (0xfb, 0xee, 0xed),
        },
        None => Block::Callout {
            text: t("fs_unknown").into(),
            color: MUTED,
            fill: SOFT,
        },
    });
    b.extend(
        p.framaspace
            .reasons
            .iter()
            .map(|x| bullet(x.text.clone(), 0)),
    );

    profile(&mut b, r, lang);
    annex(&mut b, r, lang);
    b
}

fn roadmap(b: &mut Vec<Block>, p: &PlanView, lang: Lang) {
    let t = |k: &'static str| label(lang, k);
    b.push(Block::H2(t("roadmap").into()));
    if let Some(rule) = &p.roadmap_rule {
        b.push(muted(rule.clone()));
    }
    if let Some(note) = &p.who_note {
        b.push(muted(note.clone()));
    }
    for phase in p.roadmap.iter().filter(|ph| !ph.steps.is_empty()) {
        b.push(Block::H3(format!("{}. {}", phase.number, phase.title)));
        let mut rows = vec![vec![
            "#".to_string(),
            t("action").into(),
            t("who").into(),
            t("when").into(),
            t("effort_h").into(),
            t("cost_h").into(),
            t("place_h").into(),
        ]];
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
        rows.extend(phase.steps.iter().map(|s| {
            // What must not travel, what stays: with the step, after its title.
            let title = std::iter::once(s.title.clone())
                .chain(s.notes.iter().cloned())
                .collect::<Vec<_>>()
                .join(" — ");
            vec![
                s.number.clone(),
                title,
                dash(&s.who),
                dash(&s.when),
                dash(&s.effort),
                dash(&s.cost),
                dash(&s.place),
            ]
        }));
        b.push(Block::Table {
            widths: vec![0.05, 0.30, 0.18, 0.09, 0.11, 0.12, 0.15],
            rows,
            header: true,
        });
    }
}

fn risks(b: &mut Vec<Block>, p: &PlanView, lang: Lang) {
    let t = |k: &'static str| label(lang, k);
    let colon = t("colon");
    b.push(Block::H2(t("risks").into()));
    if p.risks.is_empty() {
        b.push(para(format!("{}.", t("none"))));
    }
    for risk in &p.risks {
        b.push(Block::Para {
            text: format!("[{}] {}", risk.severity_label.to_uppercase(), risk.title),
            size: 9.5,
            color: match risk.severity {
                "high" => NO,
                "medium" => WARN,
                _ => MUTED,
            },
            bold: true,
        });
        let mut line = risk.detail.clone().unwrap_or_default();
        if let Some(a) = &risk.action {
            line.push_str(&format!(" {}{colon} {a}", t("what_to_do")));
        }
        if !line.trim().is_empty() {
            b.push(bullet(line.trim().to_string(), 1));
        }
    }
    if !p.to_find.is_empty() {
        b.push(Block::H3(t("to_find_title").into()));
        b.extend(p.to_find.iter().map(|f| {
            bullet(
                match &f.why {
                    Some(w) => format!("{} — {w}", f.question),
                    None => f.question.clone(),
                },
                0,
            )
        }));
    }
}

fn profile(b: &mut Vec<Block>, r: &Report, lang: Lang) {
    let t = |k: &'static str| label(lang, k);
    let a = &r.association;
    b.push(Block::H2(t("profile").into()));
    let mut rows = vec![vec![t("name").to_string(), a.display_name.clone()]];
    rows.push(vec![t("legal_form").into(), a.legal_form.clone()]);
    let optional = [
        ("activity", a.activity.clone()),
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
    audit.push_str(&format!(
        " · {}{} {} / {}",
        t("answered").to_lowercase(),
        t("colon"),
        r.audit.answered,
        r.audit.total
    ));
    rows.push(vec![t("audit").into(), audit]);
    b.push(Block::Table {
        widths: vec![0.3, 0.7],
        rows,
        header: false,
    });
}

fn annex(b: &mut Vec<Block>, r: &Report, lang: Lang) {
    let t = |k: &'static str| label(lang, k);
    let colon = t("colon");
    let p = &r.plan;
    b.push(Block::PageBreak);
    b.push(Block::H2(t("trainer_annex").into()));
    b.push(muted(t("trainer_annex_intro")));
    if !p.compared.is_empty() {
        b.push(Block::H3(t("hosts_compared").into()));
        b.push(muted(t("score_scale")));
        for h in &p.compared {
            let mut line = h.name.clone();
            if h.picked {
                line.push_str(&format!(" ({})", t("picked")));
            }
            if let Some(s) = &h.score {
                line.push_str(&format!(" — {s}"));
            }
            if let Some(u) = &h.url {
                line.push_str(&format!(" — {u}"));
            }
            b.push(Block::Bullet {
                text: line,
                level: 0,
                color: ACCENT_INK,
            });
            b.push(Block::Small(format!(
                "{}{colon} {}. {}",
                t("candidate_for"),
                h.needs.join(", "),
                h.reasons.join(" · ")
            )));
        }
    }
    b.push(Block::H3(t("howto_title").into()));
    for phase in &p.roadmap {
        for s in phase.steps.iter() {
            if let Some(h) = &s.howto {
                b.push(Block::Small(format!("{} {}{colon} {h}", s.number, s.title)));
            }
        }
    }
    b.push(Block::H3(t("needs").into()));
    for n in &p.needs {
        let mut line = n.label.clone();
        if !n.tools.is_empty() {
            line.push_str(&format!(
                " — {}{colon} {}",
                t("current_tools").to_lowercase(),
                n.tools.join(", ")
            ));
        }
        if let Some(d) = &n.dependency {
            line.push_str(&format!(" — {}{colon} {d}", t("dependency").to_lowercase()));
        }
        b.push(Block::Small(line));
    }
    b.push(Block::H3(t("why_detail").into()));
    b.push(muted(t("why_detail_intro")));
    // One paragraph per entry, its answers and sources run in: dense enough for the annex to
    // stay a few pages. A list ends with one full stop, even when its last item has its own.
    let stop = |s: String| {
        if s.ends_with(['.', '…', '?', '!']) {
            s
        } else {
            format!("{s}.")
        }
    };
    for e in &p.annex {
        let mut text = format!("{} {}", e.head, e.text);
        let mut said = e.answers.clone();
        if let Some(n) = &e.same_answers {
            said.push(format!("{} {n}", t("and_more")));
        }
        if !said.is_empty() {
            text.push_str(&stop(format!(
                " {}{colon} {}",
                t("answers_read_h"),
                said.join(" · ")
            )));
        }
        if !e.sources.is_empty() {
            text.push_str(&stop(format!(
                " {}{colon} {}",
                t("sources"),
                e.sources.join(" · ")
            )));
        }
        b.push(Block::Small(text.trim_end().to_string()));
    }
    // The answers, section by section, run in; those a « Pourquoi ? » above already quotes
    // are not listed again (unless a note goes with them), so each answer is printed once.
    let quoted: Vec<&str> = p
        .annex
        .iter()
        .flat_map(|e| e.keys.iter().map(String::as_str))
        .collect();
    b.push(Block::H3(t("answers").into()));
    b.push(muted(t("answers_not_repeated")));
    for s in &r.sections {
        let items: Vec<String> = s
            .items
            .iter()
            .filter(|i| i.note.is_some() || !quoted.contains(&i.id.as_str()))
            .map(|item| {
                let mut line = format!("{} → {}", item.question, item.answer);
                if let Some(n) = &item.note {
                    line.push_str(&format!(" ({}{colon} {n})", t("note").to_lowercase()));
                }
                line
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        b.push(Block::Small(format!(
            "{}{colon} {}",
            s.title.to_uppercase(),
            items.join(" · ")
        )));
    }
    if let Some(n) = &r.general_note {
        b.push(Block::H3(t("general_note").into()));
        b.extend(n.lines().filter(|l| !l.trim().is_empty()).map(para));
    }
    b.push(Block::Space(10.0));
    b.push(muted(match &p.catalog_as_of {
        Some(d) => format!("{} {d}.", t("catalog_as_of")),
        None => format!("{}.", t("catalog_unknown")),
    }));
    b.push(muted(format!(
        "{} {}{}{}.",
        t("generated_by"),
        t("quote_open"),
        r.audit.questionnaire_title,
        t("quote_close")
    )));
}
