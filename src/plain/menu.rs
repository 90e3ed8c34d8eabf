//! The line mode's menu: the audits as a numbered list (twenty a page, filtered with
//! `/ texte`), resuming one by its number, creating an association from prompts (then choosing
//! its questionnaire), or the demo association.

use std::io::{self, BufRead, Write};

use super::Plain;
use super::walk::{self, Flow};
use crate::app::effect::{Effect, Event, HomeRow};
use crate::app::effects::choices;
use crate::audit::profile::{self, Field};
use crate::audit::{Association, LegalForm};
use crate::i18n::ui::Ui;

const PAGE: usize = 20;

pub fn run<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>) -> io::Result<()> {
    p.ui(Ui::PlainIntro)?;
    let mut filter = String::new();
    let mut offset = 0;
    // The list is printed again only when it may have changed: after a help text or an input
    // that was not understood, only the prompt is repeated (a screen reader reads everything).
    let mut relist = true;
    let (mut rows, mut total) = (Vec::new(), 0);
    loop {
        if relist {
            let Some((page, count, all)) = load(p, &filter, offset)? else {
                return Ok(());
            };
            list(p, &page, offset, count, all, &filter)?;
            (rows, total) = (page, count);
        }
        relist = true;
        let Some(line) = p.ask(Ui::PlainMenuPrompt.get(p.lang))? else {
            return bye(p);
        };
        let line = line.trim();
        let flow = match line {
            "q" | "quitter" | "quit" => return bye(p),
            "?" | "aide" | "help" => {
                p.ui(Ui::PlainMenuHelp)?;
                relist = false;
                continue;
            }
            "n" | "a" | "nouvelle" | "new" => new_association(p)?,
            "d" | "demo" | "démo" => match p.effect(Effect::CreateDemo)?.pop() {
                Some(Event::DemoCreated { audit_id }) => {
                    p.ui(Ui::DemoCreated)?;
                    open(p, audit_id)?
                }
                _ => Flow::Menu,
            },
            "+" | "s" => {
                if offset + PAGE < total {
                    offset += PAGE;
                }
                continue;
            }
            "-" | "p" => {
                offset = offset.saturating_sub(PAGE);
                continue;
            }
            // "suivi 3": a follow-up of audit 3, its answers offered one by one.
            _ if followup_of(line).is_some() => {
                let n = followup_of(line).and_then(|n| n.checked_sub(1));
                match n.filter(|i| (offset..offset + rows.len()).contains(i)) {
                    Some(i) => {
                        let previous_audit_id = rows[i - offset].audit_id.clone();
                        match p.effect(Effect::StartFollowup { previous_audit_id })?.pop() {
                            Some(Event::AuditStarted { audit_id }) => open(p, audit_id)?,
                            _ => Flow::Menu,
                        }
                    }
                    None => {
                        p.ui(Ui::PlainMenuUnknown)?;
                        relist = false;
                        continue;
                    }
                }
            }
            _ if line.starts_with('/') => {
                filter = line[1..].trim().to_string();
                offset = 0;
                continue;
            }
            _ => match line.parse::<usize>().ok().and_then(|n| n.checked_sub(1)) {
                Some(i) if (offset..offset + rows.len()).contains(&i) => {
                    open(p, rows[i - offset].audit_id.clone())?
                }
                _ => {
                    p.ui(Ui::PlainMenuUnknown)?;
                    relist = false;
                    continue;
                }
            },
        };
        if flow == Flow::Eof {
            return bye(p);
        }
    }
}

/// The number in "suivi N" / "followup N".
fn followup_of(line: &str) -> Option<usize> {
    let (word, n) = line.split_once(' ')?;
    matches!(word.to_lowercase().as_str(), "suivi" | "followup")
        .then(|| n.trim().parse().ok())
        .flatten()
}

fn bye<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>) -> io::Result<()> {
    p.ui(Ui::PlainBye)
}

type Page = (Vec<HomeRow>, usize, usize);

fn load<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    filter: &str,
    offset: usize,
) -> io::Result<Option<Page>> {
    let effect = Effect::LoadHome {
        filter: filter.to_string(),
        offset,
        limit: PAGE,
    };
    for action in p.effect(effect)? {
        if let Event::HomeLoaded {
            rows, total, all, ..
        } = action
        {
            return Ok(Some((rows, total, all)));
        }
    }
    Ok(None)
}

fn list<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    rows: &[HomeRow],
    offset: usize,
    total: usize,
    all: usize,
    filter: &str,
) -> io::Result<()> {
    let lang = p.lang;
    if all == 0 {
        p.say("")?;
        p.ui(Ui::WelcomeTitle)?;
        return p.ui(Ui::PlainWelcome);
    }
    p.say("")?;
    let head = if filter.is_empty() {
        Ui::HomeCount.fill(lang, &[&total])
    } else {
        Ui::HomeFiltered.fill(lang, &[&total, &all, &filter])
    };
    p.say(Ui::PlainListHead.fill(lang, &[&Ui::HomeTitle.get(lang), &head]))?;
    for (i, r) in rows.iter().enumerate() {
        let line = format!(
            "  {}. {} — {} — {}/{} — {} — {}",
            offset + i + 1,
            r.association_name,
            r.questionnaire,
            r.answered,
            r.total,
            r.status.label(lang),
            r.updated
        );
        p.say(line)?;
    }
    if total > offset + rows.len() {
        let text = Ui::PlainMore.fill(lang, &[&(offset + rows.len()), &total]);
        p.say(text)?;
    }
    Ok(())
}

/// Ask for each profile field (re-asking a refused one), create the association, then choose
/// its questionnaire and start the walk.
fn new_association<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>) -> io::Result<Flow> {
    let lang = p.lang;
    p.ui(Ui::PlainNewAssociation)?;
    let mut a = profile::blank();
    let mut texts: Vec<String> = Field::ALL.iter().map(|f| f.text(&a)).collect();
    for (i, field) in Field::ALL.iter().enumerate() {
        if field.is_choice() {
            a.legal_form = ask_legal_form(p)?.unwrap_or_default();
            continue;
        }
        loop {
            let mut prompt = field.label().get(lang).to_string();
            if field.is_personal() {
                prompt = format!("{prompt} ({})", Ui::PersonalData.get(lang));
            }
            if !texts[i].is_empty() {
                prompt = format!("{prompt} [{}]", texts[i]);
            }
            let Some(line) = p.ask(&prompt)? else {
                return Ok(Flow::Eof);
            };
            if !line.trim().is_empty() {
                texts[i] = line.trim().to_string();
            }
            let (checked, errors) = profile::read(&texts, &a);
            match errors[i] {
                Some(e) => {
                    let what = format!("{} : {}", field.label().get(lang), e.get(lang));
                    p.say(Ui::ErrorPrefix.fill(lang, &[&what]))?;
                    texts[i].clear();
                }
                None => {
                    a = Association {
                        legal_form: a.legal_form,
                        ..checked
                    };
                    break;
                }
            }
        }
    }
    let Some(Event::AssociationSaved { association, .. }) =
        p.effect(Effect::SaveAssociation(a))?.pop()
    else {
        return Ok(Flow::Menu);
    };
    p.say(Ui::PlainAssociationCreated.fill(lang, &[&association.name]))?;
    choose_and_start(p, association.id)
}

fn ask_legal_form<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>) -> io::Result<Option<LegalForm>> {
    let lang = p.lang;
    let options: Vec<String> = LegalForm::ALL
        .iter()
        .enumerate()
        .map(|(i, f)| format!("{} {}", i + 1, f.label(lang)))
        .collect();
    let prompt = format!(
        "{} ({}) [1]",
        Ui::FieldLegalForm.get(lang),
        options.join(", ")
    );
    loop {
        let Some(line) = p.ask(&prompt)? else {
            return Ok(None);
        };
        let line = line.trim();
        if line.is_empty() {
            return Ok(Some(LegalForm::Association));
        }
        if let Some(f) = line
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| LegalForm::ALL.get(i))
        {
            return Ok(Some(*f));
        }
        p.ui(Ui::PlainMenuUnknown)?;
    }
}

fn choose_and_start<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    association_id: String,
) -> io::Result<Flow> {
    let lang = p.lang;
    let options = choices(&p.exec.questionnaires, lang);
    p.ui(Ui::ChooseTitle)?;
    for (i, q) in options.iter().enumerate() {
        let count = Ui::QuestionCount.fill(lang, &[&q.questions]);
        p.say(format!("  {}. {} ({count})", i + 1, q.title))?;
    }
    let chosen = loop {
        let Some(line) = p.ask("[1]")? else {
            return Ok(Flow::Eof);
        };
        let n = if line.trim().is_empty() {
            Some(0)
        } else {
            line.trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
        };
        match n.and_then(|i| options.get(i)) {
            Some(q) => break q.id.clone(),
            None => p.ui(Ui::PlainMenuUnknown)?,
        }
    };
    let effect = Effect::StartAudit {
        association_id,
        questionnaire_id: chosen,
        workshop_id: None,
    };
    match p.effect(effect)?.pop() {
        Some(Event::AuditStarted { audit_id }) => open(p, audit_id),
        _ => Ok(Flow::Menu),
    }
}

fn open<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, audit_id: String) -> io::Result<Flow> {
    match p.effect(Effect::OpenAudit { audit_id })?.pop() {
        Some(Event::AuditOpened(opened)) => walk::run(p, *opened),
        _ => Ok(Flow::Menu),
    }
}
