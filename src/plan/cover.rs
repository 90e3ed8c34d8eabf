//! The hosts the plan proposes (`hosts.set-cover`), in this order of concern:
//!
//! 1. For each need, a host that serves its own area first and is outside it steps aside when
//!    another host covers the need; so does a host whose facts are over three years old (or
//!    whose membership is to re-check) when a fresher one does. They stay listed, held back.
//! 2. Needs a host near the association can take go to near hosts (same or neighbouring
//!    département; the same country for an association outside France): the smallest set of
//!    near hosts covering them. Nearness comes before breadth: a distant host covering one more
//!    need does not displace a near one.
//! 3. The other needs: the smallest set of hosts covering them.
//!
//! Within each step, among sets of the smallest size, the best total score wins. Hosts whose
//! coverage is contained in another's (and score no better) are dropped first; the exact search
//! then runs over at most 20 hosts, else the greedy answer is kept (most needs still uncovered,
//! then score, then id). Each need then goes to the chosen host that names software for it,
//! then the best score. Needs are bits of a `u128`.

use super::candidate::Candidate;
use super::hosts::{Context, HeldBack, HeldWhy, HostNeed, t};

pub(super) struct Chosen {
    /// The hosts chosen (indices into the candidates), each with the needs it is given: near
    /// hosts first, then the one with the most needs.
    pub set: Vec<(usize, Vec<usize>)>,
    /// Per need, (candidate, why): able to take the need but set aside for it.
    pub held: Vec<Vec<(usize, HeldWhy)>>,
}

pub(super) fn choose(
    ctx: &Context<'_>,
    candidates: &[Candidate<'_>],
    needs: &[HostNeed],
) -> Chosen {
    let mut held: Vec<Vec<(usize, HeldWhy)>> = vec![Vec::new(); needs.len()];
    let mut eligible: Vec<Vec<usize>> = vec![Vec::new(); needs.len()];
    for (i, c) in candidates.iter().enumerate() {
        for cover in &c.covers {
            if needs[cover.need].cover {
                eligible[cover.need].push(i);
            }
        }
    }
    for (n, list) in eligible.iter_mut().enumerate() {
        if list.iter().any(|&i| !candidates[i].outside_first) {
            for &i in list.iter().filter(|&&i| candidates[i].outside_first) {
                held[n].push((i, HeldWhy::ServesItsAreaFirst));
            }
            list.retain(|&i| !candidates[i].outside_first);
        }
        if list.iter().any(|&i| !candidates[i].stale) {
            for &i in list.iter().filter(|&&i| candidates[i].stale) {
                held[n].push((i, HeldWhy::ToRecheck));
            }
            list.retain(|&i| !candidates[i].stale);
        }
    }
    let near = |i: usize| ctx.is_near(candidates[i].near);
    let near_needs: Vec<usize> = (0..needs.len())
        .filter(|&n| eligible[n].iter().any(|&i| near(i)))
        .collect();
    let far_needs: Vec<usize> = (0..needs.len())
        .filter(|&n| !eligible[n].is_empty() && !near_needs.contains(&n))
        .collect();
    let near_set = phase(candidates, &eligible, &near_needs, &|i| near(i));
    let far_set = phase(candidates, &eligible, &far_needs, &|_| true);
    let mut set: Vec<(usize, Vec<usize>)> = near_set
        .iter()
        .chain(far_set.iter())
        .map(|&i| (i, Vec::new()))
        .collect();
    for (phase_needs, phase_set) in [(&near_needs, &near_set), (&far_needs, &far_set)] {
        for &n in phase_needs {
            let owner = phase_set
                .iter()
                .filter(|&&i| eligible[n].contains(&i))
                .max_by_key(|&&i| {
                    let named = candidates[i]
                        .cover(n)
                        .is_some_and(|c| !c.software.is_empty());
                    (named, candidates[i].score, std::cmp::Reverse(i))
                });
            if let Some(&i) = owner
                && let Some(slot) = set.iter_mut().find(|(c, _)| *c == i)
            {
                slot.1.push(n);
            }
        }
    }
    set.retain(|(_, given)| !given.is_empty());
    set.sort_by(|a, b| {
        near(b.0)
            .cmp(&near(a.0))
            .then(b.1.len().cmp(&a.1.len()))
            .then(candidates[b.0].score.cmp(&candidates[a.0].score))
            .then(candidates[a.0].host.id.cmp(&candidates[b.0].host.id))
    });
    Chosen { set, held }
}

pub(super) fn area_first(c: &Candidate<'_>) -> HeldBack {
    let s = super::candidate::serves_first(c.host);
    HeldBack {
        why: HeldWhy::ServesItsAreaFirst,
        text: t(
            format!("{} ; d'autres hébergeurs proposent ce service", s.fr),
            format!("{}; other hosts offer this service", s.en),
        ),
    }
}

pub(super) fn to_recheck(ctx: &Context<'_>, c: &Candidate<'_>) -> HeldBack {
    let (fr, en) = if c.host.membership_evidence.recheck.is_some() {
        (
            "appartenance aux CHATONS à revérifier".to_string(),
            "CHATONS membership to re-check".to_string(),
        )
    } else {
        let seen = super::host_score::newest_fact(c.host);
        (
            format!(
                "informations vues {}, il y a plus de trois ans",
                ctx.seen_on(seen, true)
            ),
            format!(
                "facts seen {}, over three years ago",
                ctx.seen_on(seen, false)
            ),
        )
    };
    HeldBack {
        why: HeldWhy::ToRecheck,
        text: t(
            format!(
                "à revérifier avant de recommander ({fr}) ; un hébergeur aux informations plus récentes couvre ce besoin"
            ),
            format!(
                "to re-check before recommending ({en}); a host with fresher facts covers this need"
            ),
        ),
    }
}

/// The smallest set of candidates (allowed by `allowed`) covering `universe_needs`, best total
/// score among sets of that size.
fn phase(
    candidates: &[Candidate<'_>],
    eligible: &[Vec<usize>],
    universe_needs: &[usize],
    allowed: &dyn Fn(usize) -> bool,
) -> Vec<usize> {
    if universe_needs.is_empty() {
        return Vec::new();
    }
    let bits = universe_needs.len().min(128);
    let mut masks = vec![0u128; candidates.len()];
    for (bit, &n) in universe_needs.iter().take(bits).enumerate() {
        for &i in &eligible[n] {
            if allowed(i) {
                masks[i] |= 1u128 << bit;
            }
        }
    }
    let universe = masks.iter().fold(0u128, |a, m| a | m);
    if universe == 0 {
        return Vec::new();
    }
    let greedy = greedy(candidates, &masks, universe);
    // Drop dominated candidates: coverage contained in another's, with no better score.
    let better = |j: usize, i: usize| {
        let (a, b) = (&candidates[j], &candidates[i]);
        (a.score, std::cmp::Reverse(&a.host.id)) > (b.score, std::cmp::Reverse(&b.host.id))
    };
    // One candidate per distinct coverage first (the best), then drop those whose coverage is
    // contained in another's: linear in the candidates, quadratic only in distinct coverages.
    let mut best_of: std::collections::HashMap<u128, usize> = std::collections::HashMap::new();
    for i in (0..candidates.len()).filter(|&i| masks[i] != 0) {
        best_of
            .entry(masks[i])
            .and_modify(|b| {
                if better(i, *b) {
                    *b = i;
                }
            })
            .or_insert(i);
    }
    let live: Vec<usize> = best_of.into_values().collect();
    let mut keep: Vec<usize> = live
        .iter()
        .copied()
        .filter(|&i| {
            !live
                .iter()
                .any(|&j| j != i && masks[i] & !masks[j] == 0 && masks[i] != masks[j])
        })
        .collect();
    keep.sort_unstable();
    let mut best: Option<(Vec<usize>, i64)> = None;
    if keep.len() <= 20 {
        for size in 1..greedy.len() {
            let mut pickset = Vec::with_capacity(size);
            let mut s = Search {
                candidates,
                masks: &masks,
                keep: &keep,
                universe,
                size,
                best: &mut best,
            };
            s.run(0, 0, &mut pickset);
            if best.is_some() {
                break;
            }
        }
    }
    best.map_or(greedy, |(set, _)| set)
}

fn greedy(candidates: &[Candidate<'_>], masks: &[u128], universe: u128) -> Vec<usize> {
    let mut left = universe;
    let mut set = Vec::new();
    while left != 0 {
        let best = (0..candidates.len())
            .filter(|i| masks[*i] & left != 0)
            .max_by(|&a, &b| {
                ((masks[a] & left).count_ones(), candidates[a].score)
                    .cmp(&((masks[b] & left).count_ones(), candidates[b].score))
                    .then_with(|| candidates[b].host.id.cmp(&candidates[a].host.id))
            });
        let Some(i) = best else { break };
        left &= !masks[i];
        set.push(i);
    }
    set
}

/// Depth-first search of the sets of exactly `size` hosts among `keep` covering `universe`,
/// keeping the best total score (ties: the first found, in id order).
struct Search<'s, 'c> {
    candidates: &'s [Candidate<'c>],
    masks: &'s [u128],
    keep: &'s [usize],
    universe: u128,
    size: usize,
    best: &'s mut Option<(Vec<usize>, i64)>,
}

impl Search<'_, '_> {
    fn run(&mut self, from: usize, covered: u128, pickset: &mut Vec<usize>) {
        if pickset.len() == self.size {
            if covered == self.universe {
                let total: i64 = pickset
                    .iter()
                    .map(|&i| i64::from(self.candidates[i].score))
                    .sum();
                if self.best.as_ref().is_none_or(|(_, t)| total > *t) {
                    *self.best = Some((pickset.clone(), total));
                }
            }
            return;
        }
        let rest = self.keep[from..]
            .iter()
            .fold(0u128, |m, &i| m | self.masks[i]);
        if (covered | rest) != self.universe {
            return;
        }
        for k in from..self.keep.len() {
            let i = self.keep[k];
            pickset.push(i);
            self.run(k + 1, covered | self.masks[i], pickset);
            pickset.pop();
        }
    }
}
