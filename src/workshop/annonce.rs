//! The joint « petite annonce » of a pooled group, for the Emancip'Asso needs listing: in French,
//! under [`MAX_CHARS`] characters, anonymised — the associations' activities and their area,
//! never a name or a contact (the listing site puts people in touch) — and worded for any
//! « structure d'accompagnement », CHATONS member or not. An activity that contains its
//! association's name is replaced by « activité non précisée ». When the text runs long, the
//! lists (activities, tools, hosts) are shortened until it fits, the rest counted (« et 3
//! autres »). Typography through `i18n::typo`.

use super::pool::Group;
use crate::export::annonce::MAX_CHARS;
use crate::export::escape::one_line;
use crate::i18n::{Lang, typo};
use crate::safe_text::unless_named;

/// Longest activity kept, in characters.
const ACTIVITY: usize = 70;

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let c: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", c.trim_end())
    }
}

/// A list written « a, b et c », at most `keep` items then « et N autres ».
fn listing(items: &[String], keep: usize) -> String {
    let mut shown: Vec<String> = items.iter().take(keep).cloned().collect();
    let rest = items.len().saturating_sub(shown.len());
    if rest > 0 {
        shown.push(typo::count(Lang::Fr, rest, "autre", "autres"));
    }
    typo::list(Lang::Fr, &shown)
}

/// The activities of the members, anonymised and without repeats.
fn activities(g: &Group) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in &g.members {
        let text = one_line(&m.activity);
        let a = match unless_named(&text, &m.name) {
            Some(t) => cut(t, ACTIVITY),
            None => "activité non précisée".to_string(),
        };
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

/// The annonce of one group.
pub fn render(g: &Group) -> String {
    let acts = activities(g);
    let mut tools: Vec<String> = Vec::new();
    for t in g.members.iter().flat_map(|m| m.tools.iter()) {
        let t = one_line(t);
        if !tools.contains(&t) {
            tools.push(t);
        }
    }
    let hosts: Vec<String> = g.hosts.iter().map(|h| one_line(&h.name)).collect();
    let mut keep = (acts.len(), tools.len(), hosts.len().min(3));
    loop {
        let text = compose(g, &acts, &tools, &hosts, keep);
        if text.chars().count() <= MAX_CHARS {
            return text;
        }
        match keep {
            (a, t, h) if a >= t && a >= h && a > 1 => keep.0 -= 1,
            (_, t, h) if t >= h && t > 1 => keep.1 -= 1,
            (_, _, h) if h > 1 => keep.2 -= 1,
            (a, _, _) if a > 1 => keep.0 -= 1,
            _ => {
                let c: String = text.chars().take(MAX_CHARS - 2).collect();
                return format!("{}…\n", c.trim_end());
            }
        }
    }
}

fn compose(
    g: &Group,
    acts: &[String],
    tools: &[String],
    hosts: &[String],
    keep: (usize, usize, usize),
) -> String {
    let fr = Lang::Fr;
    let n = g.members.len();
    let assocs = typo::count(fr, n, "association", "associations");
    let need = one_line(&g.need_label.fr).to_lowercase();
    let area = &g.area.label.fr;
    // Our own sentences get French spacing; what people typed (activities) is left as it is.
    let mut s = typo::punct(
        fr,
        &format!("Besoin partagé : {need} — {assocs}, {area}\n\n"),
    );
    s.push_str(&typo::punct(
        fr,
        &format!("Nous sommes {assocs} du même territoire ({area}) : "),
    ));
    s.push_str(&listing(acts, keep.0));
    s.push_str(".\n");
    let mut ours = String::new();
    if tools.is_empty() {
        ours.push_str(&format!(
            "Pour ce besoin ({need}), nous n'avons pas encore d'outil satisfaisant.\n"
        ));
    } else {
        ours.push_str(&format!(
            "Pour ce besoin ({need}), nous utilisons aujourd'hui {}.\n",
            listing(tools, keep.1)
        ));
    }
    ours.push_str(
        "Nous cherchons ensemble une structure d'accompagnement qui nous propose un service libre et éthique : un espace partagé, un groupe par association",
    );
    let accounts: Vec<f64> = g.members.iter().filter_map(|m| m.accounts).collect();
    if accounts.len() == n {
        ours.push_str(&format!(
            ", environ {} en tout",
            typo::count(fr, accounts.iter().sum::<f64>(), "compte", "comptes")
        ));
    }
    ours.push_str(".\n");
    let budgets: Vec<f64> = g.members.iter().filter_map(|m| m.budget_eur).collect();
    if budgets.is_empty() {
        ours.push_str(
            "Budget d'hébergement : à discuter ; nous sommes prêts à partager le coût.\n",
        );
    } else {
        ours.push_str(&format!(
            "Budget d'hébergement indiqué : {} en tout ({} sur {n} l'ont précisé), à partager.\n",
            typo::eur_per_year(fr, budgets.iter().sum::<f64>().round()),
            typo::count(fr, budgets.len(), "association", "associations"),
        ));
    }
    let support = g.members.iter().filter(|m| m.wants_support).count();
    if support > 0 {
        ours.push_str(&format!(
            "{support} d'entre nous {} un accompagnement (prise en main, migration).\n",
            typo::plural(fr, support, "souhaite", "souhaitent")
        ));
    }
    if !hosts.is_empty() {
        ours.push_str(&format!(
            "{} : {}.\n",
            typo::plural(
                fr,
                hosts.len(),
                "Hébergeur envisagé",
                "Hébergeurs envisagés"
            ),
            listing(hosts, keep.2)
        ));
    }
    ours.push_str(
        "\nAnnonce commune préparée en atelier avec une structure d'accompagnement (diagasso). Contact via Emancip'Asso.\n",
    );
    // Tool and host names come from the catalogue, not from a person: spacing applies.
    s.push_str(&typo::punct(fr, &ours));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_like_french() {
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(listing(&items, 3), "a, b et c");
        assert_eq!(listing(&items, 1), "a et 2\u{a0}autres");
        assert_eq!(listing(&items[..2], 1), "a et 1\u{a0}autre");
        assert_eq!(listing(&items[..1], 3), "a");
    }
}
