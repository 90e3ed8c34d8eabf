//! The "petite annonce": a short plain text for the Emancip'Asso needs listing, read by any
//! « structure d'accompagnement » (a CHATONS host or another), so worded for all of them. Always
//! anonymised — activity and département, sizes as ranges, never a contact, a postcode or the
//! exact budget — since it is posted publicly and the site puts people in touch; the name only
//! with `keep_name`.
//!
//! Its parts, in order: a title line; who we are (form, activity, place, headcounts and annual
//! budget as ranges); 3 to 5 lines of needs in priority order (`needs`); the size (accounts,
//! storage, people who learn first), the hosting budget and the pace, the support wanted and
//! whether the association would join its host's association or pool a need (`facts`); the
//! date of the diagnostic and where to answer. Composed here with `i18n::typo`, laid out by
//! `exports/templates/annonce.txt.j2`. When the text runs past [`TARGET_CHARS`], whole lines go,
//! never words: the training topics first, then need lines from the last (never fewer than
//! [`MIN_NEEDS`]), and the closing says the full list is in the attached diagnostic.

mod facts;
mod needs;

pub use facts::{JOIN_HOST, PACE, POOL, REFERENTS, SUPPORT, TRAINING};

use serde::Serialize;

use super::view;
use super::{ExportError, Input, Options, Templates};
use crate::i18n::{Lang, typo};
use facts::Facts;

/// The listing's hard limit, in characters (the pooled listing of `workshop` shares it).
pub const MAX_CHARS: usize = 1500;
/// The length the listing aims at: lines are dropped, whole, until it fits.
pub const TARGET_CHARS: usize = 900;
/// Need lines shown at most, and kept at least when the text must shrink.
pub const MAX_NEEDS: usize = 5;
pub const MIN_NEEDS: usize = 3;
/// Longest activity shown, in characters (a person typed it).
const ACTIVITY: usize = 80;

/// What a template may read besides the composed lines (`r.association.display_name`,
/// `r.audit.updated`): the anonymised name and the date, never more.
#[derive(Serialize)]
struct Brief {
    lang: &'static str,
    association: BriefAssociation,
    audit: BriefAudit,
}

#[derive(Serialize)]
struct BriefAssociation {
    display_name: String,
    legal_form: String,
    place: Option<String>,
}

#[derive(Serialize)]
struct BriefAudit {
    updated: String,
}

#[derive(Serialize)]
struct Ctx<'a> {
    r: &'a Brief,
    title: String,
    who: String,
    needs_intro: String,
    needs: Vec<String>,
    details: Vec<String>,
    closing: String,
}

/// Render the listing. `opts.keep_name` keeps the association's name; contact details,
/// postcode, notes and exact figures are never included.
pub fn render(input: &Input, opts: &Options, templates: &Templates) -> Result<String, ExportError> {
    let opts = Options {
        anonymise: true,
        with_notes: false,
        ..*opts
    };
    let lang = opts.lang;
    let brief = Brief {
        lang: lang.code(),
        association: BriefAssociation {
            display_name: view::public_name(input.association, &opts),
            legal_form: input.association.legal_form.label(lang).to_string(),
            place: view::place(input.association, &opts),
        },
        audit: BriefAudit {
            updated: view::date(&input.audit.updated_at, lang),
        },
    };
    let facts = Facts::read(input.questionnaire, input.audit);
    let (all_needs, total) = needs::lines(&view::scrub_plan(input, &opts), lang);
    let mut shown = all_needs.len().min(MAX_NEEDS);
    let mut training = true;
    loop {
        let cut = shown < all_needs.len();
        let ctx = Ctx {
            r: &brief,
            title: title(input, &opts),
            who: who(input, &opts),
            needs_intro: punct(
                lang,
                lang.pick("Nos besoins, par priorité :", "Our needs, by priority:"),
            ),
            needs: all_needs[..shown].to_vec(),
            details: details(&facts, lang, training),
            closing: closing(&brief, lang, cut.then_some(total)),
        };
        let text = tidy(&templates.render("annonce.txt.j2", &ctx)?);
        let over = text.chars().count() > TARGET_CHARS;
        if over && training && !facts.training.is_empty() {
            training = false;
        } else if (over && shown > MIN_NEEDS) || (text.chars().count() > MAX_CHARS && shown > 1) {
            shown -= 1;
        } else {
            return Ok(limit(text));
        }
    }
}

/// French spacing for the texts we write (never for what a person typed).
fn punct(lang: Lang, s: &str) -> String {
    typo::punct(lang, s)
}

/// The one-line title: « Association (département 69) cherche un accompagnement vers des
/// outils libres ».
fn title(input: &Input, opts: &Options) -> String {
    let lang = opts.lang;
    let who = if opts.hides_name() {
        input.association.legal_form.label(lang).to_string()
    } else {
        view::public_name(input.association, opts)
    };
    let place = view::place(input.association, opts)
        .map(|p| format!(" ({p})"))
        .unwrap_or_default();
    format!(
        "{who}{place} {}",
        lang.pick(
            "cherche un accompagnement vers des outils libres",
            "looking for support towards free digital tools"
        )
    )
}

/// Who we are, after the title's form and place: « Jardinage collectif… ; 50 à 99 adhérents,
/// 20 à 49 bénévoles, 1 ou 2 salariés ; budget annuel de 10 000 à 50 000 €. »
fn who(input: &Input, opts: &Options) -> String {
    let lang = opts.lang;
    let a = input.association;
    let mut parts: Vec<String> = Vec::new();
    if opts.hides_name()
        && let Some(act) = view::public_activity(input.association, opts)
    {
        parts.push(cut(&act, ACTIVITY));
    }
    let heads = facts::headcounts(lang, a);
    if !heads.is_empty() {
        parts.push(heads.join(", "));
    }
    if let Some(b) = a.budget_eur {
        parts.push(format!(
            "{} {}",
            lang.pick("budget annuel", "annual budget"),
            facts::budget(lang, b as f64)
        ));
    }
    if parts.is_empty() {
        return String::new();
    }
    capitalise(&format!("{}.", parts.join(lang.pick("\u{202f}; ", "; "))))
}

/// A choice's label to follow a colon: first letter lowered (« Pas à pas… » → « pas à pas… »).
fn lowered(lang: Lang, label: &str) -> String {
    let label = crate::export::escape::one_line(label);
    let mut c = label.chars();
    match c.next() {
        Some(f) if c.clone().next().is_some_and(char::is_lowercase) => {
            punct(lang, &f.to_lowercase().chain(c).collect::<String>())
        }
        _ => punct(lang, &label),
    }
}

/// Size, budget and pace, support, readiness; the training topics when `training`.
fn details(f: &Facts, lang: Lang, training: bool) -> Vec<String> {
    let colon = lang.pick("\u{a0}:", ":");
    let semi = lang.pick("\u{202f}; ", "; ");
    let mut out = Vec::new();
    let mut size: Vec<String> = Vec::new();
    if let Some(n) = f.accounts {
        size.push(typo::count(
            lang,
            n,
            lang.pick("compte", "account"),
            lang.pick("comptes", "accounts"),
        ));
    }
    if let Some(gb) = f.storage_gb {
        size.push(format!(
            "{}{}{}",
            typo::number(lang, gb),
            typo::NBSP,
            lang.pick("Go de fichiers", "GB of files")
        ));
    }
    if let Some(n) = f.referents.filter(|n| *n > 0.0) {
        size.push(format!(
            "{} {}",
            typo::count(
                lang,
                n,
                lang.pick("relais", "champion"),
                lang.pick("relais", "champions")
            ),
            lang.pick("à former en premier", "to train first")
        ));
    }
    if !size.is_empty() {
        out.push(format!(
            "{}{colon} {}.",
            lang.pick("Taille", "Size"),
            size.join(", ")
        ));
    }
    let mut money: Vec<String> = Vec::new();
    match f.hosting_budget {
        Some(b) if b > 0.0 => money.push(format!(
            "{}{colon} {}",
            lang.pick("budget d'hébergement", "hosting budget"),
            typo::eur_per_year(lang, b)
        )),
        Some(_) => money.push(format!(
            "{}{colon} {}",
            lang.pick("budget d'hébergement", "hosting budget"),
            lang.pick("aucun pour l'instant", "none for now")
        )),
        None => {}
    }
    if let Some(p) = f.pace {
        money.push(format!(
            "{}{colon} {}",
            lang.pick("rythme", "pace"),
            lowered(lang, p.label.get(lang))
        ));
    }
    if !money.is_empty() {
        out.push(capitalise(&format!("{}.", money.join(semi))));
    }
    let mut want: Vec<String> = Vec::new();
    if let Some(s) = f.support.filter(|s| s.id != "alone") {
        want.push(format!(
            "{} {}",
            lang.pick("Nous souhaitons", "We would like"),
            lowered(lang, s.label.get(lang))
        ));
    }
    let ready: Vec<&str> = [
        (
            f.join_host,
            lang.pick(
                "adhérer à l'association qui nous hébergerait",
                "join the association hosting us",
            ),
        ),
        (
            f.pool,
            lang.pick("à mutualiser avec d'autres", "to pool with others"),
        ),
    ]
    .into_iter()
    .filter_map(|(yes, what)| (yes == Some(true)).then_some(what))
    .collect();
    if !ready.is_empty() {
        want.push(format!(
            "{} {}",
            lang.pick("prêts à", "ready to"),
            typo::list(lang, &ready)
        ));
    }
    if !want.is_empty() {
        out.push(capitalise(&format!("{}.", want.join(semi))));
    }
    if training && !f.training.is_empty() {
        let topics: Vec<String> = f
            .training
            .iter()
            .map(|c| lowered(lang, strip_brackets(c.label.get(lang))))
            .collect();
        out.push(format!(
            "{}{colon} {}.",
            lang.pick("Formations souhaitées", "Training wanted"),
            typo::list(lang, &topics)
        ));
    }
    out
}

/// « Utiliser un espace collaboratif (fichiers, agenda, documents) » → « Utiliser un espace
/// collaboratif »: the listing keeps labels short.
fn strip_brackets(s: &str) -> &str {
    match s.find(" (") {
        Some(i) if s.ends_with(')') => &s[..i],
        _ => s,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Where the full list is, the date, where to answer.
fn closing(r: &Brief, lang: Lang, cut_from: Option<usize>) -> String {
    let full = cut_from
        .map(|n| {
            format!(
                " ({})",
                typo::count(
                    lang,
                    n,
                    lang.pick("besoin", "need"),
                    lang.pick("besoins", "needs")
                )
            )
        })
        .unwrap_or_default();
    punct(
        lang,
        &match lang {
            Lang::Fr => format!(
                "Diagnostic complet joint{full}, du {}. Contact via Emancip'Asso.",
                r.audit.updated
            ),
            Lang::En => format!(
                "Full diagnostic attached{full}, of {}. Contact through Emancip'Asso.",
                r.audit.updated
            ),
        },
    )
}

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let c: String = s.chars().take(max.saturating_sub(1)).collect();
    // Between words when there is one to cut at.
    let c = match c.rfind(' ') {
        Some(i) if i > max / 2 => c[..i].to_string(),
        _ => c,
    };
    format!("{}…", c.trim_end())
}

/// Never past [`MAX_CHARS`], whatever a template or a text does: cut between lines.
fn limit(text: String) -> String {
    if text.chars().count() <= MAX_CHARS {
        return text;
    }
    let mut out = String::new();
    for line in text.lines() {
        if out.chars().count() + line.chars().count() + 2 > MAX_CHARS {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    if out.is_empty() {
        out = format!("{}\n", cut(&text, MAX_CHARS - 1));
    } else {
        out.push('…');
        out.push('\n');
    }
    out
}

/// Collapse runs of blank lines the template leaves and end with one newline.
fn tidy(s: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in s.lines().map(str::trim_end) {
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
