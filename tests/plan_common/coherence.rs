//! The coherence properties every plan keeps (issue 13), written as checks on a finished plan
//! and the audit it came from, independent of the plan's own code where they can be: what holds
//! special data, the team's time and the tools in use are read again here from the answers'
//! tags. Each check returns every breach found, so a failing property says where.

use std::collections::BTreeMap;

use diagasso::audit::{Answer, Audit, Value};
use diagasso::catalog::{Catalog, ToolKind};
use diagasso::plan::{Action, Phase, Plan, ProviderKind, SpecialData, StepKind};
use diagasso::questionnaire::Questionnaire;

/// The visible answers' selected choices, with their question's domain.
fn selected<'q>(
    q: &'q Questionnaire,
    audit: &Audit,
) -> Vec<(Option<&'q str>, &'q diagasso::questionnaire::Choice)> {
    let answers: BTreeMap<String, Answer> = audit
        .answers
        .iter()
        .map(|(k, r)| (k.clone(), r.answer.clone()))
        .collect();
    let visible = q.visible(&answers);
    let mut out = Vec::new();
    for ((section, question), shown) in q.questions().zip(visible) {
        if !shown {
            continue;
        }
        let ids: Vec<&String> = match answers.get(&question.id) {
            Some(Answer::Given(Value::Choice(c))) => vec![c],
            Some(Answer::Given(Value::Choices(cs))) => cs.iter().collect(),
            _ => continue,
        };
        let domain = question.domain.as_deref().or(section.domain.as_deref());
        for id in ids {
            if let Some(c) = question.choice(id) {
                out.push((domain, c));
            }
        }
    }
    out
}

fn signals(q: &Questionnaire, audit: &Audit) -> Vec<String> {
    selected(q, audit)
        .into_iter()
        .flat_map(|(_, c)| c.signals.iter().cloned())
        .collect()
}

/// Every need goes to one place: the steps moving a need's data all send it to the provider its
/// recommendation chose, and a need has at most one step.
pub fn one_place_per_need(p: &Plan) -> Result<(), String> {
    let mut errs = Vec::new();
    let steps: Vec<_> = p.roadmap.iter().flat_map(|ph| &ph.steps).collect();
    for r in &p.recommendations {
        let chosen = r.chosen().map(|c| c.id.as_str());
        let n = steps
            .iter()
            .filter(|s| s.need.as_deref() == Some(r.need.as_str()))
            .count();
        if n > 1 {
            errs.push(format!("{}: {n} steps", r.need));
        }
        for s in &steps {
            for m in s.moves.iter().filter(|m| m.need == r.need) {
                if Some(m.to.as_str()) != chosen {
                    errs.push(format!(
                        "{}: step {} moves {} to {} but the recommendation chose {chosen:?}",
                        r.need, s.id, m.name.fr, m.to
                    ));
                }
            }
        }
    }
    errs.is_empty().then_some(()).ok_or(errs.join("\n"))
}

/// No tool is both kept and moved: a tool a step keeps, or a need the catalogue cannot answer
/// keeps, or that stays alongside, is in no step's moves and no recommendation's `from` of a
/// move. Software on a computer and practices (`kind = "software"`, `"practice"` in the
/// catalogue) are kept per need: the Excel workbook of the tasks stays while the contacts'
/// workbook moves, so only a step's own keeps count for them.
pub fn no_keep_and_move(p: &Plan, catalog: &Catalog) -> Result<(), String> {
    let per_need = |id: &str| {
        catalog
            .tool(id)
            .is_some_and(|t| matches!(t.kind, ToolKind::Software | ToolKind::Practice))
    };
    let mut kept: Vec<(String, String)> = Vec::new();
    let steps: Vec<_> = p.roadmap.iter().flat_map(|ph| &ph.steps).collect();
    for s in &steps {
        for k in &s.keeps {
            kept.push((k.tool.clone(), format!("step {}", s.id)));
        }
    }
    for r in &p.recommendations {
        if matches!(r.action, Action::Find | Action::AddAlongside | Action::Keep) {
            let need = p.needs.iter().find(|n| n.need == r.need);
            for t in need.into_iter().flat_map(|n| n.tools.iter()) {
                if let (Some(id), true) = (&t.tool, r.from.contains(&t.name))
                    && !per_need(id)
                {
                    kept.push((id.clone(), format!("recommendation {}", r.need)));
                }
            }
        }
    }
    let mut errs = Vec::new();
    for s in &steps {
        for m in &s.moves {
            if let Some(id) = &m.tool
                && let Some((_, by)) = kept.iter().find(|(k, _)| k == id)
            {
                errs.push(format!("{id}: moved by step {} and kept by {by}", s.id));
            }
        }
    }
    for r in p
        .recommendations
        .iter()
        .filter(|r| matches!(r.action, Action::Replace | Action::Consolidate))
    {
        let need = p.needs.iter().find(|n| n.need == r.need);
        for t in need.into_iter().flat_map(|n| n.tools.iter()) {
            if let (Some(id), true) = (&t.tool, r.from.contains(&t.name))
                && let Some((_, by)) = kept.iter().find(|(k, _)| k == id)
            {
                errs.push(format!(
                    "{id}: moved by recommendation {} and kept by {by}",
                    r.need
                ));
            }
        }
    }
    errs.is_empty().then_some(()).ok_or(errs.join("\n"))
}

/// The domains whose tools the answers say hold special data: a choice with the signal locates
/// it in its question's domain (`files`, which holds the office documents too; `forms`);
/// elsewhere it only says the association holds such data.
fn holders(q: &Questionnaire, audit: &Audit, signal: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (d, c) in selected(q, audit) {
        if !c.signals.iter().any(|s| s == signal) {
            continue;
        }
        match d {
            Some("files") => out.extend(["files", "office"]),
            Some("forms") => out.push("forms"),
            _ => {}
        }
    }
    out
}

/// No step moves the data of a tool the answers say holds health (or sensitive) data without a
/// caveat on that tool saying what to leave out and where it goes; and with health data, a step
/// setting it apart comes first and the summary says so.
pub fn special_data_never_travels_bare(
    p: &Plan,
    q: &Questionnaire,
    audit: &Audit,
) -> Result<(), String> {
    let mut errs = Vec::new();
    let all = signals(q, audit);
    for (signal, data) in [
        ("health-data", SpecialData::Health),
        ("sensitive-data", SpecialData::Sensitive),
    ] {
        let domains = holders(q, audit, signal);
        for s in p.roadmap.iter().flat_map(|ph| &ph.steps) {
            for m in &s.moves {
                let Some(id) = &m.tool else { continue };
                let domain = p
                    .needs
                    .iter()
                    .find(|n| n.need == m.need)
                    .and_then(|n| n.domain.as_deref());
                if !domain.is_some_and(|d| domains.contains(&d))
                    || matches!(m.need.as_str(), "visio" | "polls" | "team-chat")
                {
                    continue;
                }
                let ok = s.caveats.iter().any(|c| {
                    c.data == data
                        && c.tool.as_deref() == Some(id.as_str())
                        && !c.leave_out.fr.is_empty()
                        && !c.goes_to.fr.is_empty()
                        && !c.leave_out.en.is_empty()
                        && !c.goes_to.en.is_empty()
                });
                if !ok {
                    errs.push(format!(
                        "step {} moves {id} ({signal}) without a caveat",
                        s.id
                    ));
                }
            }
        }
        if data == SpecialData::Health && all.iter().any(|s| s == signal) {
            let first = p
                .roadmap
                .iter()
                .flat_map(|ph| &ph.steps)
                .find(|s| s.kind != StepKind::FindOut);
            if first.is_none_or(|s| s.id != "special-data:health") {
                errs.push(format!(
                    "health data: the first step is {:?}, not the one setting it apart",
                    first.map(|s| &s.id)
                ));
            }
            if !p
                .summary
                .iter()
                .any(|t| t.fr.contains("HDS") && t.en.contains("HDS"))
            {
                errs.push("health data: the summary does not say HDS".into());
            }
        }
    }
    errs.is_empty().then_some(()).ok_or(errs.join("\n"))
}

/// French words and signs that have no place in an English sentence.
/// (A product name may carry an accent, « Numéricloud »: accents count only at a word's end,
/// where French puts them — « créé », « accès ».)
const FRENCH: &[&str] = &[
    " le ", " la ", " les ", " des ", " du ", " de ", " et ", " pour ", " avec ", " sans ",
    " une ", " est ", " sont ", " pas ", " à ", " aux ", " au ", " ou ", " que ", " vous ", " à",
    "é ", "ée ", "és ", "ées ", "è ", "ès ", "ère ", "ç", "«", "»", "(s)", "'s)",
];

/// Every `{fr, en}` text of the plan, its English side, minus the proper names of the
/// catalogue (hosts, offers, software, tools without an English name), holds no French.
pub fn no_french_in_english(p: &Plan, catalog: &Catalog) -> Result<(), String> {
    let json = serde_json::to_value(p).map_err(|e| e.to_string())?;
    let mut names: Vec<String> = catalog.hosts.iter().map(|h| h.name.clone()).collect();
    names.extend(catalog.offers.iter().map(|o| o.name.clone()));
    names.extend(catalog.software.iter().map(|s| s.name.clone()));
    names.extend(
        catalog
            .tools
            .iter()
            .filter(|t| t.name_en.is_none())
            .map(|t| t.name.clone()),
    );
    names.extend(p.hosts.iter().filter_map(|h| h.place.clone()));
    // French words English keeps for French things.
    names.extend(["département".to_string(), "départements".to_string()]);
    let mut names: Vec<String> = names.into_iter().map(|n| n.to_lowercase()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    // The catalogue's own French words: a need's label, a tool's French name.
    let mut french: Vec<String> = catalog
        .needs
        .iter()
        .filter(|n| n.label.fr != n.label.en)
        .map(|n| n.label.fr.to_lowercase())
        .collect();
    french.extend(
        catalog
            .tools
            .iter()
            .filter(|t| t.name_en.as_ref().is_some_and(|en| en != &t.name))
            .map(|t| t.name.to_lowercase()),
    );
    let mut errs = Vec::new();
    english(&json, "$", &names, &french, &mut errs);
    errs.is_empty().then_some(()).ok_or(errs.join("\n"))
}

fn english(
    v: &serde_json::Value,
    at: &str,
    names: &[String],
    french: &[String],
    errs: &mut Vec<String>,
) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(fr), Some(serde_json::Value::String(en))) = (m.get("fr"), m.get("en"))
                && fr.is_string()
            {
                let raw = format!(" {} ", en.to_lowercase());
                let suspect = |t: &str| {
                    FRENCH.iter().any(|w| t.contains(w))
                        || french.iter().any(|f| t.contains(f.as_str()))
                };
                if !suspect(&raw) {
                    return;
                }
                // Only then take the proper names out (slow, rarely needed).
                let mut text = raw;
                for n in names {
                    text = text.replace(n.as_str(), " ");
                }
                let found = FRENCH
                    .iter()
                    .map(|w| w.trim().to_string())
                    .zip(FRENCH.iter())
                    .find(|(_, w)| text.contains(**w))
                    .map(|(w, _)| w)
                    .or_else(|| french.iter().find(|f| text.contains(f.as_str())).cloned());
                if let Some(w) = found {
                    errs.push(format!("{at}: '{en}' has '{w}'"));
                }
                return;
            }
            // A fact's own text is the catalogue's French, its English beside it.
            for (k, x) in m {
                if k == "fact" || k == "trace" {
                    continue;
                }
                english(x, &format!("{at}.{k}"), names, french, errs);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                english(x, &format!("{at}[{i}]"), names, french, errs);
            }
        }
        _ => {}
    }
}

/// The hours a month and the months of the pace the answers give (the plan's stated
/// assumptions, README « Le plan de transition »).
fn budget(q: &Questionnaire, audit: &Audit) -> f64 {
    let s = signals(q, audit);
    let has = |x: &str| s.iter().any(|y| y == x);
    let hours = [
        ("time-none", 0.5),
        ("time-little", 2.0),
        ("time-some", 4.0),
        ("time-regular", 12.0),
    ]
    .iter()
    .find(|(k, _)| has(k))
    .map_or(2.0, |(_, h)| *h);
    let months = [
        ("pace-fast", 2.0),
        ("pace-steps", 6.0),
        ("pace-slow", 12.0),
        ("pace-not-now", 12.0),
    ]
    .iter()
    .find(|(k, _)| has(k))
    .map_or(6.0, |(_, m)| *m);
    hours * months
}

/// The first phases fit the time the team declared: beyond the urgent steps, the hours of every
/// step not left for later stay within the hours a month times the months of the pace chosen;
/// every such step has its months, the later ones none.
pub fn first_phases_fit_the_time(p: &Plan, q: &Questionnaire, audit: &Audit) -> Result<(), String> {
    let budget = budget(q, audit);
    let mut errs = Vec::new();
    let urgent: f64 = p
        .roadmap
        .iter()
        .filter(|ph| ph.phase == Phase::Urgent)
        .flat_map(|ph| &ph.steps)
        .map(|s| s.hours)
        .sum();
    let others: f64 = p
        .roadmap
        .iter()
        .filter(|ph| !matches!(ph.phase, Phase::Urgent | Phase::Later))
        .flat_map(|ph| &ph.steps)
        .map(|s| s.hours)
        .sum();
    if others > 0.0 && urgent + others > budget + 1e-6 {
        errs.push(format!(
            "first phases take {} h (urgent {urgent}) for a budget of {budget} h",
            urgent + others
        ));
    }
    for ph in &p.roadmap {
        for s in &ph.steps {
            match (ph.phase == Phase::Later, s.when) {
                (true, Some(_)) => errs.push(format!("{}: later yet dated", s.id)),
                (false, None) => errs.push(format!("{}: no months", s.id)),
                (false, Some(w)) if w.start == 0 || w.end < w.start => {
                    errs.push(format!("{}: months {w:?}", s.id))
                }
                _ => {}
            }
        }
    }
    errs.is_empty().then_some(()).ok_or(errs.join("\n"))
}

/// A free tool already in use is never "started": no `start` step names a software the
/// association uses, and no step title says to start with it.
pub fn free_tool_never_started(p: &Plan, catalog: &Catalog) -> Result<(), String> {
    let used: Vec<String> = p
        .needs
        .iter()
        .flat_map(|n| n.tools.iter())
        .filter(|t| t.free == Some(true))
        .filter_map(|t| t.tool.as_deref())
        .filter_map(|id| catalog.software(id))
        .map(|s| s.name.clone())
        .collect();
    let mut errs = Vec::new();
    for s in p.roadmap.iter().flat_map(|ph| &ph.steps) {
        let Some(sw) = &s.software else { continue };
        if used.contains(sw) && s.kind == StepKind::Start {
            errs.push(format!("{}: starts {sw}, already in use", s.id));
        }
    }
    for r in &p.recommendations {
        if r.action == Action::Adopt && r.software.first().is_some_and(|s| used.contains(&s.name)) {
            errs.push(format!(
                "{}: adopts {}, already in use",
                r.need, r.software[0].name
            ));
        }
    }
    errs.is_empty().then_some(()).ok_or(errs.join("\n"))
}

/// The first step answers what cannot wait when something cannot: a missing answer that blocks,
/// special data, or a serious risk a step answers — never a comfort move (WhatsApp → Signal)
/// before them.
pub fn urgent_first(p: &Plan) -> Result<(), String> {
    let steps: Vec<_> = p.roadmap.iter().flat_map(|ph| &ph.steps).collect();
    let serious: Vec<&str> = p
        .risks
        .iter()
        .filter(|r| r.severity == diagasso::plan::Severity::High)
        .map(|r| r.id.as_str())
        .collect();
    let answering = |s: &&diagasso::plan::Step| {
        matches!(s.kind, StepKind::FindOut | StepKind::SpecialData)
            || s.answers_risks
                .iter()
                .any(|r| serious.contains(&r.as_str()))
    };
    let Some(last) = steps.iter().rposition(answering) else {
        return Ok(());
    };
    match steps[..last].iter().find(|s| !answering(s)) {
        Some(s) => Err(format!(
            "{} comes before a step answering a serious risk",
            s.id
        )),
        None => Ok(()),
    }
}

/// A backup step says the copy lives off site.
pub fn backups_off_site(p: &Plan) -> Result<(), String> {
    for s in p.roadmap.iter().flat_map(|ph| &ph.steps) {
        if s.kind == StepKind::Backup
            && !s
                .migration
                .iter()
                .any(|m| m.fr.contains("hors du local") && m.en.contains("off site"))
        {
            return Err(format!("{}: no off-site copy", s.id));
        }
    }
    Ok(())
}

/// A step on a need names the provider its recommendation chose (or none for a keep).
pub fn steps_follow_their_recommendation(p: &Plan) -> Result<(), String> {
    let mut errs = Vec::new();
    for s in p.roadmap.iter().flat_map(|ph| &ph.steps) {
        let Some(need) = &s.need else { continue };
        let Some(r) = p.recommendations.iter().find(|r| &r.need == need) else {
            errs.push(format!("{}: no recommendation", s.id));
            continue;
        };
        if r.action == Action::Keep {
            errs.push(format!("{}: a step for a need kept as it is", s.id));
        }
        let chosen = r
            .chosen()
            .filter(|c| c.kind != ProviderKind::Keep)
            .map(|c| c.name.clone());
        if s.kind != StepKind::Backup
            && s.kind != StepKind::Alongside
            && s.provider != chosen
            && chosen.is_some()
        {
            errs.push(format!(
                "{}: provider {:?} but the recommendation chose {chosen:?}",
                s.id, s.provider
            ));
        }
    }
    errs.is_empty().then_some(()).ok_or(errs.join("\n"))
}

/// The hosts section says what the recommendations say: every need a retained host « takes »
/// has that host as its recommendation's choice (a need kept as it is, or given to another
/// provider, is taken by no host), and every retained host takes at least one need.
pub fn hosts_take_what_they_are_chosen_for(p: &Plan) -> Result<(), String> {
    let mut errs = Vec::new();
    for h in &p.hosts {
        if h.covers.is_empty() {
            errs.push(format!("{}: retained but takes no need", h.id));
        }
        for need in &h.covers {
            let chosen = p
                .recommendations
                .iter()
                .find(|r| &r.need == need)
                .and_then(|r| r.chosen())
                .map(|c| c.id.as_str());
            if chosen != Some(h.id.as_str()) {
                errs.push(format!(
                    "{}: said to take {need}, whose recommendation chose {chosen:?}",
                    h.id
                ));
            }
        }
    }
    errs.is_empty().then_some(()).ok_or(errs.join("\n"))
}

/// Every property at once, named.
pub fn all(p: &Plan, q: &Questionnaire, audit: &Audit, catalog: &Catalog) -> Result<(), String> {
    let checks: [(&str, Result<(), String>); 10] = [
        (
            "hosts take what they are chosen for",
            hosts_take_what_they_are_chosen_for(p),
        ),
        ("one place per need", one_place_per_need(p)),
        ("no keep and move", no_keep_and_move(p, catalog)),
        ("special data", special_data_never_travels_bare(p, q, audit)),
        ("no French in English", no_french_in_english(p, catalog)),
        ("first phases fit", first_phases_fit_the_time(p, q, audit)),
        (
            "free tool never started",
            free_tool_never_started(p, catalog),
        ),
        ("urgent first", urgent_first(p)),
        ("backups off site", backups_off_site(p)),
        ("steps follow", steps_follow_their_recommendation(p)),
    ];
    let errs: Vec<String> = checks
        .into_iter()
        .filter_map(|(name, r)| r.err().map(|e| format!("[{name}] {e}")))
        .collect();
    errs.is_empty().then_some(()).ok_or(errs.join("\n"))
}
