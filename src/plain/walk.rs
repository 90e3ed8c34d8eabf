//! The walk as prompts: each question printed once (section title and introduction when a
//! section starts), its options numbered, the answer read from a line, every save announced
//! ("Enregistré 14:03:12."). Commands: `?` help, `nsp` don't know, `nc` not applicable, empty
//! line to confirm and go on, `>` skip, `<` back, `effacer`, `note`, `note g`, `p` progress,
//! `sections`, `relire`, `fin`, `q` back to the menu; on a follow-up, each question also says
//! what the previous audit answered, and `=` gives that answer again.

use std::io::{self, BufRead, Write};

use super::Plain;
use crate::app::effect::{Effect, Event, OpenedAudit};
use crate::audit::AuditStatus;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::questionnaire::{Kind, Question};
use crate::walk::describe::{answer_text, number};
use crate::walk::previous::{PreviousAudit, Standing};
use crate::walk::{self as engine, Input, Walk};

/// Where the walk left off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Menu,
    Eof,
}

struct State {
    audit_id: String,
    walk: Walk,
    /// On a follow-up, the audit it starts from.
    previous: Option<PreviousAudit>,
    shown: Option<usize>,
    section: Option<usize>,
}

pub fn run<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, opened: OpenedAudit) -> io::Result<Flow> {
    let lang = p.lang;
    let OpenedAudit {
        open,
        cursor,
        previous,
    } = opened;
    let (audit, association_name, questionnaire) =
        (open.audit, open.association.name, open.questionnaire);
    let title = questionnaire.title.get(lang).to_string();
    let mut st = State {
        audit_id: audit.id.clone(),
        walk: Walk::new(questionnaire, audit.answer_map(), cursor.as_deref()),
        previous,
        shown: None,
        section: None,
    };
    p.say("")?;
    p.say(Ui::PlainAuditOpened.fill(lang, &[&association_name, &title]))?;
    progress(p, &st.walk)?;
    p.ui(Ui::PlainWalkHelpShort)?;
    loop {
        print_question(p, &mut st)?;
        let Some(line) = p.ask(Ui::PlainAnswerPrompt.get(lang))? else {
            p.say("")?;
            progress(p, &st.walk)?;
            return Ok(Flow::Eof);
        };
        let line = line.trim();
        let inputs = match line.to_lowercase().as_str() {
            "q" | "quitter" | "quit" => {
                progress(p, &st.walk)?;
                return Ok(Flow::Menu);
            }
            "?" | "aide" | "help" => {
                help(p, &st.walk)?;
                continue;
            }
            "p" | "progression" | "progress" => {
                progress(p, &st.walk)?;
                continue;
            }
            "relire" | "review" => {
                review(p, &st.walk)?;
                continue;
            }
            "sections" => {
                let Some(i) = sections(p, &st.walk)? else {
                    continue;
                };
                vec![Input::JumpSection(i)]
            }
            "note" | "note g" => {
                let general = line.ends_with('g');
                if note(p, &st, general)? == Flow::Eof {
                    return Ok(Flow::Eof);
                }
                continue;
            }
            "fin" | "finish" => {
                if finish(p, &st)? == Flow::Eof {
                    return Ok(Flow::Eof);
                }
                continue;
            }
            "nsp" | "dk" => vec![Input::DontKnow, Input::Continue],
            "nc" | "na" => vec![Input::NotApplicable, Input::Continue],
            "effacer" | "clear" => vec![Input::Clear],
            // A follow-up: the previous answer given again, then on.
            "=" => match st
                .walk
                .current()
                .and_then(|(_, q)| st.previous.as_ref()?.answer(q))
            {
                Some(a) => vec![Input::Give(a.clone()), Input::Continue],
                None => {
                    p.ui(Ui::PreviousNone)?;
                    continue;
                }
            },
            ">" | "passer" | "skip" => vec![Input::Next],
            "<" | "retour" | "back" => vec![Input::Previous],
            "" => vec![Input::Continue],
            _ => answer(p, &mut st, line)?,
        };
        if apply(p, &mut st, inputs)? {
            p.ui(Ui::PlainEnd)?;
        }
    }
}

/// The inputs a typed answer stands for: parsed for the current question, then go on.
fn answer<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    st: &mut State,
    line: &str,
) -> io::Result<Vec<Input>> {
    let Some((_, q)) = st.walk.current() else {
        return Ok(Vec::new());
    };
    Ok(match engine::parse::parse_answer(q, line) {
        Ok(a) => vec![Input::Give(a), Input::Continue],
        Err(m) => {
            let text = Ui::ErrorPrefix.fill(p.lang, &[&m.get(p.lang)]);
            p.say(text)?;
            Vec::new()
        }
    })
}

/// Apply inputs (stopping at a problem), carry the effects out, announce saves and problems;
/// true when the walk reached its end.
fn apply<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    st: &mut State,
    inputs: Vec<Input>,
) -> io::Result<bool> {
    let lang = p.lang;
    let mut end = false;
    for input in inputs {
        for e in st.walk.apply(input) {
            if e == engine::Effect::ReachedEnd {
                end = true;
                continue;
            }
            let effect = Effect::Walk {
                audit_id: st.audit_id.clone(),
                effect: e,
            };
            for action in p.effect(effect)? {
                match action {
                    Event::AnswerSaved { question_id, at } => {
                        st.walk.apply(Input::Saved {
                            question_id,
                            at: at.clone(),
                        });
                        p.say(Ui::PlainSaved.fill(lang, &[&at]))?;
                    }
                    Event::AnswerFailed {
                        question_id,
                        message,
                    } => {
                        let text = Ui::PlainNotSaved.fill(lang, &[&message.get(lang)]);
                        st.walk.apply(Input::SaveFailed {
                            question_id,
                            message,
                        });
                        p.say(text)?;
                    }
                    _ => {}
                }
            }
        }
        if let Some(m) = st.walk.problem() {
            let text = Ui::ErrorPrefix.fill(lang, &[&m.get(lang)]);
            p.say(text)?;
            break;
        }
    }
    Ok(end)
}

fn print_question<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, st: &mut State) -> io::Result<()> {
    let lang = p.lang;
    if st.shown == Some(st.walk.cursor()) {
        return Ok(());
    }
    st.shown = Some(st.walk.cursor());
    let Some((section, q)) = st.walk.current() else {
        return p.ui(Ui::NoQuestion);
    };
    let si = st.walk.section_index();
    if st.section != Some(si) {
        st.section = Some(si);
        let n = st.walk.questionnaire().sections.len();
        p.say("")?;
        p.say(Ui::SectionOf.fill(lang, &[&(si + 1), &n, &section.title.get(lang)]))?;
        if !section.intro.get(lang).is_empty() {
            p.say(section.intro.get(lang))?;
        }
    }
    let (i, total) = st.walk.number();
    let mut head = Ui::QuestionOf.fill(lang, &[&i, &total]);
    if q.required {
        head = format!("{head} ({})", Ui::Required.get(lang));
    }
    p.say("")?;
    p.say(format!("{head} — {}", q.label.get(lang)))?;
    for line in options(q, lang) {
        p.say(line)?;
    }
    if let Some(a) = st.walk.current_answer() {
        p.say(Ui::PlainCurrent.fill(lang, &[&answer_text(q, a, lang)]))?;
    }
    if let Some(prev) = &st.previous {
        let line = match prev.standing(q, st.walk.current_answer(), lang) {
            Standing::NoPrevious => Ui::PreviousNone.get(lang).to_string(),
            Standing::ToConfirm(text) => Ui::PlainPrevious.fill(lang, &[&prev.date, &text]),
            Standing::Same => Ui::PreviousSame.fill(lang, &[&prev.date]),
            Standing::Changed(text) => Ui::PreviousChanged.fill(lang, &[&prev.date, &text]),
        };
        p.say(line)?;
    }
    Ok(())
}

/// How to answer, and the numbered options.
fn options(q: &Question, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    match q.kind {
        Kind::Single | Kind::Multiple => {
            let how = if q.kind == Kind::Single {
                Ui::PlainOneChoice
            } else {
                Ui::PlainSeveralChoices
            };
            out.push(how.get(lang).to_string());
            for (i, c) in q.choices.iter().enumerate() {
                out.push(format!("  {}. {}", i + 1, c.label.get(lang)));
            }
        }
        Kind::Scale => {
            let (low, high) = q
                .scale_labels
                .as_ref()
                .map_or((String::new(), String::new()), |l| {
                    (
                        format!(" ({})", l.low.get(lang)),
                        format!(" ({})", l.high.get(lang)),
                    )
                });
            out.push(Ui::PlainScale.fill(lang, &[&low, &high]));
        }
        Kind::Yesno => out.push(Ui::PlainYesNo.get(lang).to_string()),
        Kind::Number => {
            let unit = q
                .unit
                .as_ref()
                .map(|u| format!(" ({})", u.get(lang)))
                .unwrap_or_default();
            let range = match (q.min, q.max) {
                (Some(a), Some(b)) => format!(
                    ", {}",
                    Ui::Range.fill(lang, &[&number(a, lang), &number(b, lang)])
                ),
                _ => String::new(),
            };
            out.push(Ui::PlainNumber.fill(lang, &[&unit, &range]));
        }
        Kind::Text => out.push(Ui::PlainText.get(lang).to_string()),
    }
    let mut extra = vec![Ui::PlainDontKnowHint.get(lang)];
    if q.not_applicable {
        extra.push(Ui::PlainNotApplicableHint.get(lang));
    }
    out.push(extra.join(" "));
    out
}

fn help<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, w: &Walk) -> io::Result<()> {
    if let Some((_, q)) = w.current()
        && !q.help.get(p.lang).is_empty()
    {
        let text = format!("{}{}", Ui::HelpLabel.get(p.lang), q.help.get(p.lang));
        p.say(text)?;
    }
    p.ui(Ui::PlainWalkHelp)
}

fn progress<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, w: &Walk) -> io::Result<()> {
    let a = w.progress();
    p.say(Ui::PlainProgress.fill(p.lang, &[&a.answered, &a.total, &a.percent()]))
}

fn review<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, w: &Walk) -> io::Result<()> {
    let lang = p.lang;
    for (pos, (_, q)) in w.questionnaire().questions().enumerate() {
        if !w.visible()[pos] {
            continue;
        }
        let state = match w.answer(&q.id) {
            Some(a) => answer_text(q, a, lang),
            None if q.required => Ui::ReviewRequiredMissing.get(lang).to_string(),
            None => Ui::ReviewUnanswered.get(lang).to_string(),
        };
        p.say(format!("- {} : {state}", q.label.get(lang)))?;
    }
    progress(p, w)
}

fn sections<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, w: &Walk) -> io::Result<Option<usize>> {
    let lang = p.lang;
    for (i, s) in w.questionnaire().sections.iter().enumerate() {
        let pr = w.section_progress(i);
        p.say(format!(
            "  {}. {} ({}/{})",
            i + 1,
            s.title.get(lang),
            pr.answered,
            pr.total
        ))?;
    }
    let Some(line) = p.ask(Ui::PlainSectionPrompt.get(lang))? else {
        return Ok(None);
    };
    Ok(line
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1)))
}

/// Read a note (lines until one holding only "."), then save it.
fn note<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    st: &State,
    general: bool,
) -> io::Result<Flow> {
    let lang = p.lang;
    let question_id = if general {
        None
    } else {
        st.walk.current_id().map(str::to_string)
    };
    p.ui(Ui::PlainNoteStart)?;
    let mut lines = Vec::new();
    let mut flow = Flow::Menu;
    loop {
        let Some(line) = p.ask("")? else {
            flow = Flow::Eof;
            break;
        };
        if line.trim() == "." {
            break;
        }
        lines.push(line);
    }
    let effect = Effect::SaveNote {
        audit_id: st.audit_id.clone(),
        question_id,
        text: lines.join("\n"),
    };
    for action in p.effect(effect)? {
        if let Event::NoteSaved { at, .. } = action {
            p.say(Ui::PlainSaved.fill(lang, &[&at]))?;
        }
    }
    Ok(flow)
}

fn finish<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, st: &State) -> io::Result<Flow> {
    let lang = p.lang;
    let missing = st
        .walk
        .questionnaire()
        .questions()
        .enumerate()
        .filter(|(pos, (_, q))| {
            st.walk.visible()[*pos] && q.required && st.walk.answer(&q.id).is_none()
        })
        .count();
    if missing > 0 {
        p.say(Ui::FinishMissing.fill(lang, &[&missing]))?;
    } else {
        p.ui(Ui::FinishBody)?;
    }
    let Some(line) = p.ask(Ui::PlainConfirm.get(lang))? else {
        return Ok(Flow::Eof);
    };
    if !matches!(
        line.trim().to_lowercase().as_str(),
        "o" | "oui" | "y" | "yes"
    ) {
        return Ok(Flow::Menu);
    }
    let effect = Effect::SetStatus {
        audit_id: st.audit_id.clone(),
        status: AuditStatus::Finished,
    };
    let done = p.effect(effect)?;
    if done.iter().any(|a| matches!(a, Event::StatusSaved(_))) {
        p.ui(Ui::Finished)?;
    }
    Ok(Flow::Menu)
}
