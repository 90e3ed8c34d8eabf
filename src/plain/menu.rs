//! The line mode's menu: the audits as a numbered list (twenty a page, filtered with
//! `/ texte`), resuming one by its number, creating an association from prompts (then choosing
//! its questionnaire), or the demo association.

use std::io::{self, BufRead, Write};

use super::Plain;
use super::list::{Item, Numbers, PAGE, list, load};
use super::walk::{self, Flow};
use crate::app::effect::{Effect, Event};
use crate::app::effects::choices;
use crate::audit::profile::{self, Field};
use crate::audit::{Association, LegalForm};
use crate::i18n::ui::Ui;
use crate::workshop::Workshop;

pub fn run<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>) -> io::Result<()> {
    p.ui(Ui::PlainIntro)?;
    let mut filter = String::new();
    let mut offset = 0;
    let mut numbers = Numbers::default();
    // The list is printed again only when it may have changed: after a help text or an input
    // that was not understood, only the prompt is repeated (a screen reader reads everything).
    let mut relist = true;
    let mut total = 0;
    loop {
        if relist {
            let Some(page) = load(p, &filter, offset)? else {
                return Ok(());
            };
            total = page.total;
            list(p, &page, offset, &filter, &mut numbers)?;
        }
        relist = true;
        let Some(line) = p.ask(Ui::PlainMenuPrompt.get(p.lang))? else {
            return bye(p);
        };
        let line = line.trim();
        let lower = line.to_lowercase();
        let (word, rest) = match lower.split_once(' ') {
            Some((w, r)) => (w, r.trim()),
            None => (lower.as_str(), ""),
        };
        let numbered = rest
            .parse::<usize>()
            .ok()
            .and_then(|n| numbers.get(n).cloned());
        let flow = match (word, rest) {
            ("q" | "quitter" | "quit", "") => return bye(p),
            ("?" | "aide" | "help", "") => {
                p.ui(Ui::PlainMenuHelp)?;
                relist = false;
                continue;
            }
            ("n" | "a" | "nouvelle" | "new", "") => new_association_in(p, None)?,
            ("d" | "demo" | "démo", "") => match p.effect(Effect::CreateDemo)?.pop() {
                Some(Event::DemoCreated { audit_id }) => {
                    p.ui(Ui::DemoCreated)?;
                    open(p, audit_id)?
                }
                _ => Flow::Menu,
            },
            ("ateliers" | "workshops", "") => super::workshop::run(p)?,
            ("langue" | "language", "") => {
                p.switch_language()?;
                Flow::Menu
            }
            ("+" | "s", "") => {
                if offset + PAGE < total {
                    offset += PAGE;
                }
                continue;
            }
            ("-" | "p", "") => {
                offset = offset.saturating_sub(PAGE);
                continue;
            }
            // "suivi 3": a follow-up of audit 3, its answers offered one by one.
            ("suivi" | "followup", _) => match numbered {
                Some(Item::Audit { audit_id, .. }) => {
                    let effect = Effect::StartFollowup {
                        previous_audit_id: audit_id,
                    };
                    match p.effect(effect)?.pop() {
                        Some(Event::AuditStarted { audit_id }) => open(p, audit_id)?,
                        _ => Flow::Menu,
                    }
                }
                _ => {
                    p.ui(Ui::PlainMenuUnknown)?;
                    relist = false;
                    continue;
                }
            },
            // "effacer 3": the association of line 3, erased (GDPR) after a yes.
            ("effacer" | "erase", _) => match numbered {
                Some(item) => erase(p, &item)?,
                None => {
                    p.ui(Ui::PlainMenuUnknown)?;
                    relist = false;
                    continue;
                }
            },
            _ if line.starts_with('/') => {
                filter = line[1..].trim().to_string();
                offset = 0;
                continue;
            }
            _ => match line
                .parse::<usize>()
                .ok()
                .and_then(|n| numbers.get(n).cloned())
            {
                Some(Item::Audit { audit_id, .. }) => open(p, audit_id)?,
                Some(Item::Association { id, .. }) => choose_and_start(p, id, None)?,
                None => {
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

/// Erase the association of `item` with everything about it, after a yes.
fn erase<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, item: &Item) -> io::Result<Flow> {
    let lang = p.lang;
    let (id, name) = item.association();
    p.say(Ui::PlainEraseAsk.fill(lang, &[&name]))?;
    let Some(line) = p.ask(Ui::PlainConfirm.get(lang))? else {
        return Ok(Flow::Eof);
    };
    if !crate::i18n::is_yes(&line) {
        return Ok(Flow::Menu);
    }
    let effect = Effect::EraseAssociation {
        association_id: id.to_string(),
    };
    for event in p.effect(effect)? {
        if let Event::AssociationErased { name, scrubbed } = event {
            let text = if scrubbed {
                Ui::Erased.fill(lang, &[&name])
            } else {
                Ui::ErasedNotScrubbed.fill(lang, &[&name])
            };
            p.say(text)?;
        }
    }
    Ok(Flow::Menu)
}

fn bye<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>) -> io::Result<()> {
    p.ui(Ui::PlainBye)
}

/// Ask for each profile field (re-asking a refused one), create the association, then choose
/// its questionnaire and start the walk; in a workshop, its audit starts at once on the
/// workshop's questionnaire.
pub fn new_association_in<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    workshop: Option<Workshop>,
) -> io::Result<Flow> {
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
        p.effect(Effect::SaveAssociation(a, None))?.pop()
    else {
        return Ok(Flow::Menu);
    };
    p.say(Ui::PlainAssociationCreated.fill(lang, &[&association.name]))?;
    choose_and_start(p, association.id, workshop)
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
    workshop: Option<Workshop>,
) -> io::Result<Flow> {
    let lang = p.lang;
    if let Some(w) = workshop {
        let effect = Effect::StartAudit {
            association_id,
            questionnaire_id: w.questionnaire_id.clone(),
            workshop_id: Some(w.id),
        };
        return match p.effect(effect)?.pop() {
            Some(Event::AuditStarted { audit_id }) => open(p, audit_id),
            _ => Ok(Flow::Menu),
        };
    }
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

pub fn open<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, audit_id: String) -> io::Result<Flow> {
    match p.effect(Effect::OpenAudit { audit_id })?.pop() {
        Some(Event::AuditOpened(opened)) => walk::run(p, *opened),
        _ => Ok(Flow::Menu),
    }
}
