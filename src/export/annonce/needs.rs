//! The listing's needs: one line per place a need goes, in the roadmap's order, each software
//! named once and at most one per line.
//!
//! Rules:
//! 1. Needs come in the order of their first roadmap step (the plan's priority), then those the
//!    roadmap does not reach, in the plan's order. A need already met by free software that
//!    stays (`keep`) is not asked for.
//! 2. Needs that a structure can take on come first (hosted at a host, on Frama.space, or with
//!    nothing found yet); what the association does alone (software on its own devices, a
//!    public service without account) comes after: a host reading the listing sees first what
//!    it could provide. The full order is the roadmap's, in the attached diagnostic.
//! 3. Every need going to Frama.space shares one line (« un espace Frama.space »), its first
//!    three needs named and the others counted. Elsewhere, needs proposed the same software
//!    (same id) share one line; a software already named is not named again.
//! 4. Each line but Frama.space's says what its needs use today (tool names once per line,
//!    the first two named and the others counted).

use crate::export::escape::one_line;
use crate::i18n::{Lang, typo};
use crate::plan::{Action, Plan, ProviderKind, Recommendation};

/// Needs named on the Frama.space line before the rest are counted.
const FRAMASPACE_NAMED: usize = 2;
/// Tools named on one line before the rest are counted.
const TOOLS_NAMED: usize = 2;

/// Where a line's needs go.
#[derive(Debug, Clone, PartialEq)]
enum Goes {
    Framaspace,
    /// A host, or nothing found yet: what a structure can take on.
    Structure,
    /// The association's own devices or a public service.
    Alone,
}

#[derive(Debug)]
struct Line<'a> {
    goes: Goes,
    needs: Vec<&'a Recommendation>,
    software: Option<(&'a str, String)>,
}

/// The need lines, in order, and how many needs they stand for.
pub fn lines(plan: &Plan, lang: Lang) -> (Vec<String>, usize) {
    let mut order: Vec<&str> = Vec::new();
    for step in plan.roadmap.iter().flat_map(|p| &p.steps) {
        if let Some(n) = step.need.as_deref()
            && !order.contains(&n)
        {
            order.push(n);
        }
    }
    for r in &plan.recommendations {
        if !order.contains(&r.need.as_str()) {
            order.push(&r.need);
        }
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut named: Vec<&str> = Vec::new();
    for need in order {
        let Some(r) = plan.recommendations.iter().find(|r| r.need == need) else {
            continue;
        };
        if r.action == Action::Keep {
            continue;
        }
        let goes = match r.chosen().map(|p| p.kind) {
            Some(ProviderKind::Framaspace) => Goes::Framaspace,
            Some(ProviderKind::Local | ProviderKind::Service) => Goes::Alone,
            Some(ProviderKind::Keep) => continue,
            Some(ProviderKind::Host) | None => Goes::Structure,
        };
        // The software the chosen provider runs for the need, never one it does not list.
        let software = r
            .target()
            .software
            .map(|s| (s.id.as_str(), one_line(&s.name)));
        let joins = lines.iter_mut().find(|l| {
            l.goes == goes
                && (goes == Goes::Framaspace
                    || (software.is_some()
                        && l.software.as_ref().map(|s| s.0) == software.as_ref().map(|s| s.0)))
        });
        if let Some(line) = joins {
            line.needs.push(r);
            continue;
        }
        // A software already named on another line is not named again.
        let software = software.filter(|(id, _)| !named.contains(id));
        if let Some((id, _)) = &software {
            named.push(id);
        }
        lines.push(Line {
            goes,
            needs: vec![r],
            software,
        });
    }
    lines.sort_by_key(|l| l.goes == Goes::Alone);
    let total = lines.iter().map(|l| l.needs.len()).sum();
    (lines.iter().map(|l| write(l, plan, lang)).collect(), total)
}

/// A need's label as the start of a line or inside it.
fn need_label(r: &Recommendation, lang: Lang, first: bool) -> String {
    let label = one_line(r.label.get(lang));
    if first {
        return label;
    }
    let mut c = label.chars();
    match c.next() {
        // Keep « Frama.space », acronyms and names as they are.
        Some(f) if c.clone().next().is_some_and(char::is_lowercase) => {
            f.to_lowercase().chain(c).collect()
        }
        _ => label,
    }
}

fn write(line: &Line, plan: &Plan, lang: Lang) -> String {
    let shown = match line.goes {
        Goes::Framaspace => FRAMASPACE_NAMED,
        _ => usize::MAX,
    };
    let mut labels: Vec<String> = line
        .needs
        .iter()
        .take(shown)
        .enumerate()
        .map(|(i, r)| need_label(r, lang, i == 0))
        .collect();
    let more = line.needs.len().saturating_sub(shown);
    if more > 0 {
        labels.push(typo::count(
            lang,
            more,
            lang.pick("autre", "other"),
            lang.pick("autres", "others"),
        ));
    }
    let mut tools: Vec<String> = Vec::new();
    for r in &line.needs {
        let Some(n) = plan.needs.iter().find(|n| n.need == r.need) else {
            continue;
        };
        for t in &n.tools {
            let name = short(&one_line(t.name.get(lang)));
            if !name.is_empty() && !tools.contains(&name) {
                tools.push(name);
            }
        }
    }
    let mut s = typo::list(lang, &labels);
    // Frama.space is asked for by the association itself: its line names needs, not tools.
    if !tools.is_empty() && line.goes != Goes::Framaspace {
        let rest = tools.len().saturating_sub(TOOLS_NAMED);
        tools.truncate(TOOLS_NAMED);
        if rest > 0 {
            tools.push(typo::count(
                lang,
                rest,
                lang.pick("autre", "other"),
                lang.pick("autres", "others"),
            ));
        }
        s.push_str(&format!(
            " ({} {})",
            lang.pick("aujourd'hui", "today"),
            typo::list(lang, &tools)
        ));
    }
    let software = line.software.as_ref().map(|(_, name)| name.as_str());
    let alongside = line.needs.iter().all(|r| r.action == Action::AddAlongside);
    let target = match (&line.goes, software) {
        (Goes::Framaspace, Some(sw)) => format!("Frama.space ({sw})"),
        (Goes::Framaspace, None) => "Frama.space".into(),
        (_, None) if line.needs.iter().all(|r| r.action == Action::Find) => {
            lang.pick("solution à trouver", "still to be found").into()
        }
        (_, None) if line.needs.iter().all(|r| r.action == Action::Adopt) => {
            lang.pick("à mettre en place", "to set up").into()
        }
        (_, None) => String::new(),
        (_, Some(sw)) if alongside => format!(
            "{sw}, {}",
            lang.pick("en plus de l'existant", "alongside what we have")
        ),
        (_, Some(sw)) => sw.to_string(),
    };
    if target.is_empty() {
        format!("- {s}")
    } else {
        format!("- {s}{} {target}", lang.pick("\u{a0}:", ":"))
    }
}

/// A tool's name without its bracketed detail: « Papier (registres, cahiers, affichage) » →
/// « Papier ».
fn short(name: &str) -> String {
    match name.find(" (") {
        Some(i) if i > 0 && name.ends_with(')') => name[..i].to_string(),
        _ => name.to_string(),
    }
}
