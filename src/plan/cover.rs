//! The smallest set of hosts that covers every need a host can take (`hosts.set-cover`), and
//! among sets of that size the best total score. Hosts whose coverage is contained in another's
//! (with no better score) are dropped first; an exact search then runs over what is left when it
//! is at most 20 hosts (far fewer with the shipped catalogue), else the greedy answer is kept
//! (most needs still uncovered, then score, then id). Needs are bits of a `u128`.

use super::hosts::{Candidate, HostNeed};

/// The hosts of the smallest covering set (indices into `candidates`), each with the needs it
/// is given, the host with the most needs first.
pub(super) fn choose(candidates: &[Candidate<'_>], needs: &[HostNeed]) -> Vec<(usize, Vec<usize>)> {
    let cover: Vec<usize> = (0..needs.len()).filter(|n| needs[*n].cover).collect();
    let mask_of = |c: &Candidate<'_>| -> u128 {
        c.covers
            .iter()
            .filter_map(|(n, _)| cover.iter().position(|x| x == n))
            .fold(0u128, |m, bit| m | (1u128 << bit.min(127)))
    };
    let masks: Vec<u128> = candidates.iter().map(mask_of).collect();
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
    let keep: Vec<usize> = (0..candidates.len())
        .filter(|&i| masks[i] != 0)
        .filter(|&i| {
            !(0..candidates.len()).any(|j| {
                j != i && masks[i] & !masks[j] == 0 && (masks[i] != masks[j] || better(j, i))
            })
        })
        .collect();
    let mut best: Option<(Vec<usize>, i64)> = None;
    if keep.len() <= 20 && cover.len() <= 128 {
        for size in 1..greedy.len() {
            let mut pickset = Vec::with_capacity(size);
            search(
                candidates,
                &masks,
                &keep,
                universe,
                size,
                0,
                0,
                &mut pickset,
                &mut best,
            );
            if best.is_some() {
                break;
            }
        }
    }
    let set = best.map_or(greedy, |(set, _)| set);
    // Give each need to the chosen host that names the software, then the best score.
    let mut out: Vec<(usize, Vec<usize>)> = set.iter().map(|&i| (i, Vec::new())).collect();
    for &n in &cover {
        let owner = out
            .iter()
            .enumerate()
            .filter_map(|(k, (i, _))| {
                candidates[*i]
                    .covers
                    .iter()
                    .find(|(m, _)| *m == n)
                    .map(|(_, by)| (k, by.is_some(), candidates[*i].score))
            })
            .max_by_key(|(k, exact, score)| (*exact, *score, std::cmp::Reverse(*k)));
        if let Some((k, _, _)) = owner {
            out[k].1.push(n);
        }
    }
    out.retain(|(_, given)| !given.is_empty());
    out.sort_by(|a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then(candidates[b.0].score.cmp(&candidates[a.0].score))
            .then(candidates[a.0].host.id.cmp(&candidates[b.0].host.id))
    });
    out
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

/// Depth-first search of the sets of exactly `size` hosts among `keep[from..]` covering
/// `universe`, keeping the best total score (ties: the first found, in id order).
#[allow(clippy::too_many_arguments)]
fn search(
    candidates: &[Candidate<'_>],
    masks: &[u128],
    keep: &[usize],
    universe: u128,
    size: usize,
    from: usize,
    covered: u128,
    pickset: &mut Vec<usize>,
    best: &mut Option<(Vec<usize>, i64)>,
) {
    if pickset.len() == size {
        if covered == universe {
            let total: i64 = pickset
                .iter()
                .map(|&i| i64::from(candidates[i].score))
                .sum();
            if best.as_ref().is_none_or(|(_, t)| total > *t) {
                *best = Some((pickset.clone(), total));
            }
        }
        return;
    }
    let rest = keep[from..].iter().fold(0u128, |m, &i| m | masks[i]);
    if (covered | rest) != universe {
        return;
    }
    for k in from..keep.len() {
        pickset.push(keep[k]);
        search(
            candidates,
            masks,
            keep,
            universe,
            size,
            k + 1,
            covered | masks[keep[k]],
            pickset,
            best,
        );
        pickset.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Host;
    use crate::i18n::Text;

    fn host(id: &str) -> Host {
        toml::from_str(&format!(
            r#"id = "{id}"
name = "{id}"
seen = "2026-01"
seen_basis = {{ fr = "x", en = "x" }}
sources = []
membership_evidence = {{ basis = "stated_by_host", evidence = {{ fr = "x", en = "x" }} }}
association_offer = {{ offered = "not_stated" }}
"#
        ))
        .expect("host")
    }

    fn cand<'a>(host: &'a Host, covers: &[usize], score: i32) -> Candidate<'a> {
        Candidate {
            host,
            covers: covers.iter().map(|&n| (n, None)).collect(),
            score,
            reasons: Vec::new().into(),
            to_check: Vec::new().into(),
        }
    }

    fn need(id: &str) -> HostNeed {
        HostNeed {
            need: id.to_string(),
            label: Text::new(id, id),
            software: Vec::new(),
            cover: true,
        }
    }

    #[test]
    fn finds_the_minimum_where_greedy_would_take_three() {
        // a covers 4 needs, so greedy takes it first and then needs b and c; b + c alone cover
        // all six.
        let hosts = [host("a"), host("b"), host("c")];
        let needs: Vec<HostNeed> = (0..6).map(|i| need(&format!("n{i}"))).collect();
        let candidates = vec![
            cand(&hosts[0], &[0, 1, 2, 3], 50),
            cand(&hosts[1], &[0, 1, 4], 10),
            cand(&hosts[2], &[2, 3, 5], 10),
        ];
        let masks: Vec<u128> = vec![0b001111, 0b010011, 0b101100];
        assert_eq!(greedy(&candidates, &masks, 0b111111).len(), 3);
        let chosen = choose(&candidates, &needs);
        let ids: Vec<&str> = chosen
            .iter()
            .map(|(i, _)| candidates[*i].host.id.as_str())
            .collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
        assert!(ids.contains(&"b") && ids.contains(&"c"));
        let given: usize = chosen.iter().map(|(_, g)| g.len()).sum();
        assert_eq!(given, 6, "each need given once");
    }

    #[test]
    fn nothing_to_cover_chooses_nobody() {
        let needs = vec![HostNeed {
            cover: false,
            ..need("n0")
        }];
        assert!(choose(&[], &needs).is_empty());
    }
}
