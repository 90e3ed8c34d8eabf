//! The walk as prompts: each question printed once (section title and introduction when a
//! section starts), its options numbered, the answer read from a line, every save announced
//! with its value ("Enregistré : Français, Anglais (14:03:12)."). Commands (`command.rs`, in
//! French or English): `?` help, `nsp` don't know, `nc` not applicable, empty line to confirm
//! and go on, `>` skip, `<` back, `question` again, `effacer`, `note`, `note g`, `p` progress,
//! `sections`, `relire` (numbered), `aller N`, `obligatoire`, `fin`, `plan`, `pourquoi N`,
//! `exporter`, `langue`, `q` back to the menu; on a follow-up, each question also says what the
//! previous audit answered, and `=` gives that answer again.

use std::io::{self, BufRead, Write};

use super::Plain;
use super::command::{self, Command};
use super::plan;
use super::walk_read::{finish, goto, help, next_required, note, progress, review, sections};
use crate::app::effect::{Effect, Event, OpenedAudit};
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
    /// The notes as last read or saved: a note is saved over these, never over another
    /// window's change.
    notes: std::collections::BTreeMap<String, String>,
    note: String,
    shown: Option<usize>,
    section: Option<usize>,
    /// The plan last heard, for `pourquoi N`.
    plan: Option<std::sync::Arc<crate::app::plan_data::PlanData>>,
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
        notes: audit.notes.clone(),
        note: audit.note.clone(),
        shown: None,
        section: None,
        plan: None,
    };
    p.say("")?;
    p.say(Ui::PlainAuditOpened.fill(lang, &[&association_name, &title]))?;
    progress(p, &st.walk)?;
    p.ui(Ui::PlainWalkHelpShort)?;
    loop {
        print_question(p, &mut st)?;
        let Some(line) = p.ask(Ui::PlainAnswerPrompt.get(p.lang))? else {
            p.say("")?;
            progress(p, &st.walk)?;
            return Ok(Flow::Eof);
        };
        let lang = p.lang;
        let line = line.trim();
        let Some(command) = command::parse(line) else {
            let inputs = answer(p, &mut st, line)?;
            if apply(p, &mut st, inputs)? {
                p.ui(Ui::PlainEnd)?;
            }
            continue;
        };
        let inputs = match command {
            Command::Quit => {
                progress(p, &st.walk)?;
                return Ok(Flow::Menu);
            }
            Command::Help => {
                help(p, &st.walk)?;
                continue;
            }
            Command::Progress => {
                progress(p, &st.walk)?;
                continue;
            }
            Command::Review => {
                review(p, &st.walk)?;
                continue;
            }
            Command::GoTo(n) => match goto(&st.walk, n) {
                Some(id) => vec![Input::JumpTo(id)],
                None => {
                    p.say(Ui::PlainNoSuchQuestion.fill(lang, &[&n]))?;
                    continue;
                }
            },
            Command::NextRequired => match next_required(&st.walk) {
                Some(id) => vec![Input::JumpTo(id)],
                None => {
                    p.ui(Ui::PlainNoRequiredLeft)?;
                    continue;
                }
            },
            Command::Repeat => {
                st.shown = None;
                st.section = None;
                continue;
            }
            Command::Sections => {
                let Some(i) = sections(p, &st.walk)? else {
                    continue;
                };
                vec![Input::JumpSection(i)]
            }
            Command::Note { general } => {
                if note(
                    p,
                    &mut st.notes,
                    &mut st.note,
                    &st.audit_id,
                    &st.walk,
                    general,
                )? == Flow::Eof
                {
                    return Ok(Flow::Eof);
                }
                continue;
            }
            Command::Finish => {
                if finish(p, &st.audit_id, &st.walk)? == Flow::Eof {
                    return Ok(Flow::Eof);
                }
                continue;
            }
            Command::Plan => {
                st.plan = plan::show(p, &st.audit_id)?;
                continue;
            }
            Command::Why(n) => {
                match &st.plan {
                    Some(data) => {
                        let data = std::sync::Arc::clone(data);
                        plan::why(p, &data, n)?;
                    }
                    None => p.ui(Ui::PlainWhyFirst)?,
                }
                continue;
            }
            Command::Export => {
                if !plan::export(p, &st.audit_id)? {
                    return Ok(Flow::Eof);
                }
                continue;
            }
            Command::Language => {
                p.switch_language()?;
                st.shown = None;
                st.section = None;
                continue;
            }
            Command::DontKnow => vec![Input::DontKnow, Input::Continue],
            Command::NotApplicable => vec![Input::NotApplicable, Input::Continue],
            Command::Clear => vec![Input::Clear],
            // A follow-up: the previous answer given again, then on.
            Command::TakePrevious => match st
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
            Command::Skip => vec![Input::Next],
            Command::Back => vec![Input::Previous],
            Command::Continue => vec![Input::Continue],
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
    let mut changed = false;
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
                        let value = saved_value(&st.walk, &question_id, lang);
                        st.walk.apply(Input::Saved {
                            question_id,
                            at: at.clone(),
                        });
                        p.say(Ui::PlainSaved.fill(lang, &[&value, &at]))?;
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
                    Event::AnswerChanged {
                        question_id,
                        current,
                        message,
                    } => {
                        // Nothing written; the walk takes the stored answer, and the question
                        // is asked again.
                        let text = Ui::PlainNotSaved.fill(lang, &[&message.get(lang)]);
                        st.walk.apply(Input::ChangedElsewhere {
                            question_id,
                            current,
                            message,
                        });
                        p.say(text)?;
                        changed = true;
                    }
                    _ => {}
                }
            }
        }
        if changed {
            // The rest of the line (moving on) waits: the question is asked again, with the
            // answer now stored.
            st.shown = None;
            break;
        }
        if let Some(m) = st.walk.problem() {
            let text = Ui::ErrorPrefix.fill(lang, &[&m.get(lang)]);
            p.say(text)?;
            break;
        }
    }
    Ok(end)
}

/// What was just saved, in words (« Français, Anglais », « aucune réponse »).
fn saved_value(w: &Walk, question_id: &str, lang: Lang) -> String {
    let Some(q) = w.questionnaire().question(question_id) else {
        return String::new();
    };
    match w.answer(question_id) {
        Some(a) => answer_text(q, a, lang),
        None => Ui::NoAnswerYet.get(lang).to_string(),
    }
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
