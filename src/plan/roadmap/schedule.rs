//! Who does each step, in what order, and when (`roadmap.capacity`).
//!
//! Order: the urgent steps first (what to find out, special data set apart, then the steps
//! answering the most serious risks), then quick wins, the core, communication and outreach,
//! each phase keeping its steps that answer a risk first. A step comes after the steps it
//! names in `after`.
//!
//! Time: the team's hours per month and the months of the pace it chose give the hours the
//! first phases may take (`Team::budget`). Urgent steps always stay first; every other step
//! that does not fit what is left goes to « plus tard », with the steps that wait for it. Each
//! kept step gets its months from now, counted from the hours before it at the team's pace.

use crate::i18n::Text;

use super::super::hosts::ProviderKind;
use super::team::Team;
use super::{Phase, Role, Step, StepKind, When};

/// The role that suits a step: anyone for a public service; for software to install, the
/// person in charge of digital tools (or a volunteer with help) who then shows the others; the
/// person running the social accounts for outreach; otherwise by skills.
pub(super) fn role(
    team: &Team,
    phase: Phase,
    kind: StepKind,
    installed: bool,
    provider: Option<ProviderKind>,
) -> Role {
    let referent = team.skills.is_some_and(|s| s >= 3);
    if matches!(
        kind,
        StepKind::FindOut | StepKind::SpecialData | StepKind::Access | StepKind::OpenSpace
    ) {
        return Role::Board;
    }
    if phase == Phase::Outreach || kind == StepKind::Alongside {
        return Role::SocialMedia;
    }
    if provider == Some(ProviderKind::Service) && !installed && kind != StepKind::Backup {
        return Role::Anyone;
    }
    if referent {
        Role::Referent
    } else {
        Role::Volunteer
    }
}

/// Who does a step, in words: the role, in pairs when one person holds every access, with the
/// host's support when it was wished for and the step is at a host or on Frama.space.
pub(super) fn who(team: &Team, role: Role, host_step: bool) -> super::Who {
    let (fr, en) = match role {
        Role::Anyone => ("N'importe qui dans l'équipe", "Anyone in the team"),
        Role::Referent => (
            "La personne référente numérique",
            "The person in charge of digital tools",
        ),
        Role::Volunteer => (
            "Un ou une bénévole à l'aise avec le numérique, avec l'aide du formateur",
            "A volunteer at ease with computers, helped by the trainer",
        ),
        Role::SocialMedia => (
            "La personne qui anime vos réseaux",
            "The person who runs your social accounts",
        ),
        Role::Board => ("Le bureau", "The board"),
    };
    let (mut fr, mut en) = (fr.to_string(), en.to_string());
    let in_pairs = team.single_admin && role != Role::Anyone;
    if in_pairs {
        fr.push_str(", à deux pour que les accès ne reposent plus sur une seule personne");
        en.push_str(", in pairs so access no longer rests on one person");
    }
    let host_support = team.wants_support && host_step && role != Role::Anyone;
    if host_support {
        fr.push_str(" ; l'accompagnement souhaité peut être demandé à l'hébergeur");
        en.push_str("; the support wished for can be asked of the host");
    }
    fr.push('.');
    en.push('.');
    super::Who {
        role,
        in_pairs,
        host_support,
        text: Text::new(fr, en),
    }
}

/// Put the steps in order, give each its months, and move what does not fit to « plus tard ».
pub(super) fn schedule(team: &Team, steps: &mut [(Phase, Step)]) {
    let urgent_deps: Vec<String> = steps
        .iter()
        .filter(|(p, _)| *p == Phase::Urgent)
        .flat_map(|(_, s)| s.after.iter().cloned())
        .collect();
    for (phase, s) in steps.iter_mut() {
        if urgent_deps.contains(&s.id) && *phase != Phase::Later {
            *phase = Phase::Urgent;
        }
    }
    // Within a phase: what the others wait for first, then a second person for the accesses
    // (without it nothing else can be handed over), then what answers a risk; a step made
    // urgent because an urgent one waits for it comes right after those.
    let rank = |s: &Step| match s.kind {
        StepKind::FindOut => 0,
        StepKind::SpecialData => 2,
        _ if urgent_deps.contains(&s.id) => 9,
        StepKind::OpenSpace => 4,
        StepKind::Access => 6,
        _ if !s.answers_risks.is_empty() => 8,
        _ => 10,
    };
    steps.sort_by_key(|(phase, s)| (*phase, rank(s)));
    let keep = select(team, steps);
    let per_month = team.hours_per_month.max(0.1);
    let mut used = 0.0;
    for ((phase, step), keep) in steps.iter_mut().zip(keep) {
        let urgent = *phase == Phase::Urgent;
        if !keep {
            if *phase != Phase::Later {
                step.trace.add_rule("roadmap.capacity");
                step.trace.merge(&team.pace_trace);
            }
            *phase = Phase::Later;
            step.when = None;
            continue;
        }
        let delay = if urgent { 0 } else { team.delay };
        let start = (used / per_month).floor() as u32 + 1 + delay;
        used += step.hours;
        let end = ((used / per_month).ceil() as u32).max(1) + delay;
        step.when = Some(When {
            start,
            end: end.max(start),
        });
    }
    // Later steps keep their order of phases.
    steps.sort_by_key(|(phase, _)| *phase == Phase::Later);
}

/// Which steps fit the first phases: every urgent one; then, within the hours left, the steps
/// serving the use the association put first (with the steps they wait for), then the others
/// in order. A step waiting for one left out is left out too; the request for a Frama.space
/// space comes only with a move that needs it.
fn select(team: &Team, steps: &mut [(Phase, Step)]) -> Vec<bool> {
    let budget = team.budget();
    let mut keep: Vec<bool> = steps.iter().map(|(p, _)| *p == Phase::Urgent).collect();
    let mut used: f64 = steps
        .iter()
        .filter(|(p, _)| *p == Phase::Urgent)
        .map(|(_, s)| s.hours)
        .sum();
    let ids: Vec<String> = steps.iter().map(|(_, s)| s.id.clone()).collect();
    let first = |s: &Step| {
        s.need
            .as_deref()
            .is_some_and(|n| team.priority.contains(&n))
    };
    for pass in [true, false] {
        for i in 0..steps.len() {
            let (phase, step) = &steps[i];
            // Asking for the space is worth it only for a move that follows within the time:
            // it comes in with the first step that waits for it.
            if keep[i]
                || *phase == Phase::Later
                || first(step) != pass
                || step.kind == StepKind::OpenSpace
            {
                continue;
            }
            // The steps it waits for, not yet kept.
            let deps: Vec<usize> = step
                .after
                .iter()
                .filter_map(|a| ids.iter().position(|x| x == a))
                .filter(|&j| !keep[j])
                .collect();
            if deps.iter().any(|&j| steps[j].0 == Phase::Later) {
                continue;
            }
            let cost = step.hours + deps.iter().map(|&j| steps[j].1.hours).sum::<f64>();
            if used + cost <= budget + 1e-9 {
                used += cost;
                keep[i] = true;
                for j in deps {
                    keep[j] = true;
                }
                if pass {
                    steps[i].1.trace.merge(&team.priority_trace);
                }
            }
        }
    }
    keep
}
