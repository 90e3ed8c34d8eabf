//! The joint « petite annonce » of a pooled group, for the Emancip'Asso needs listing: in French,
//! under [`MAX_CHARS`] characters, anonymised — the associations' activities and their area,
//! never a name or a contact (the listing site puts people in touch). An activity that contains
//! its association's name is replaced by « activité non précisée ». When the text runs long,
//! the lists (activities, tools, hosts) are shortened until it fits.

use super::pool::Group;
use crate::audit::codec::fold;
use crate::audit::format_number;
use crate::export::annonce::MAX_CHARS;
use crate::export::escape::one_line;

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
    let shown: Vec<&str> = items.iter().take(keep).map(String::as_str).collect();
    let rest = items.len().saturating_sub(shown.len());
    match (shown.as_slice(), rest) {
        ([], _) => String::new(),
        ([one], 0) => (*one).to_string(),
        (many, 0) => format!(
            "{} et {}",
            many[..many.len() - 1].join(", "),
            many[many.len() - 1]
        ),
        (many, n) => format!("{} et {n} autre(s)", many.join(", ")),
    }
}

/// The activities of the members, anonymised and without repeats.
fn activities(g: &Group) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in &g.members {
        let text = one_line(&m.activity);
        let name = fold(m.name.trim());
        let a = if text.is_empty() || (!name.is_empty() && fold(&text).contains(&name)) {
            "activité non précisée".to_string()
        } else {
            cut(&text, ACTIVITY)
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
    let n = g.members.len();
    let need = one_line(&g.need_label.fr).to_lowercase();
    let area = &g.area.label.fr;
    let mut s = format!(
        "Besoin partagé : {need} — {n} associations, {area}\n\nNous sommes {n} associations du même territoire ({area}) : {}.\n",
        listing(acts, keep.0)
    );
    if tools.is_empty() {
        s.push_str(&format!(
            "Pour ce besoin ({need}), nous n'avons pas encore d'outil satisfaisant.\n"
        ));
    } else {
        s.push_str(&format!(
            "Pour ce besoin ({need}), nous utilisons aujourd'hui {}.\n",
            listing(tools, keep.1)
        ));
    }
    s.push_str(
        "Nous cherchons ensemble un service libre et éthique chez un hébergeur membre des CHATONS : un espace partagé, un groupe par association",
    );
    let accounts: Vec<f64> = g.members.iter().filter_map(|m| m.accounts).collect();
    if accounts.len() == n {
        s.push_str(&format!(
            ", environ {} comptes en tout",
            format_number(accounts.iter().sum())
        ));
    }
    s.push_str(".\n");
    let budgets: Vec<f64> = g.members.iter().filter_map(|m| m.budget_eur).collect();
    if budgets.is_empty() {
        s.push_str("Budget : à discuter ; nous sommes prêts à partager le coût.\n");
    } else {
        s.push_str(&format!(
            "Budget hébergement indiqué : {} € par an en tout ({} associations sur {n} l'ont précisé), à partager.\n",
            format_number(budgets.iter().sum::<f64>().round()),
            budgets.len()
        ));
    }
    let support = g.members.iter().filter(|m| m.wants_support).count();
    if support > 0 {
        s.push_str(&format!(
            "{support} d'entre nous souhaitent un accompagnement (prise en main, migration).\n"
        ));
    }
    if !hosts.is_empty() {
        s.push_str(&format!(
            "Hébergeurs envisagés : {}.\n",
            listing(hosts, keep.2)
        ));
    }
    s.push_str(
        "\nAnnonce commune préparée en atelier avec un formateur ou une formatrice CHATONS (diagasso). Contact par Emancip'Asso.\n",
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_like_french() {
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(listing(&items, 3), "a, b et c");
        assert_eq!(listing(&items, 1), "a et 2 autre(s)");
        assert_eq!(listing(&items[..1], 3), "a");
    }
}
