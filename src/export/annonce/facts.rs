//! What the listing says about the association beyond the plan, read from the audit's answers
//! the way the plan reads them (visible questions only, tags rather than wording): quantities
//! by their `quantity` tag (`accounts`, `storage_gb`, `hosting_budget_eur`) and the
//! `wants-training` signal; the pace, the people who will learn first, the support wanted and
//! the readiness to join a host's association or to pool a need, which no tag names yet, by the
//! question ids both shipped questionnaires share ([`PACE`], [`REFERENTS`], [`SUPPORT`],
//! [`JOIN_HOST`], [`POOL`]; `tests/export_annonce.rs` checks they still exist). A question a
//! questionnaire lacks, left unanswered or answered « je ne sais pas » leaves its line out.
//!
//! Sizes that could single out a small association (members, volunteers, employees, annual
//! budget) are given as ranges ([`people`], [`budget`]).

use crate::audit::{Answer, Association, Audit, Value};
use crate::i18n::{Lang, typo};
use crate::questionnaire::{Choice, Question, Questionnaire};

/// The pace the association chose (single choice).
pub const PACE: &str = "change_pace";
/// How many people could help the others during the change (number).
pub const REFERENTS: &str = "change_referents";
/// The support wanted from here (single choice; `alone` means none).
pub const SUPPORT: &str = "skills_support";
/// Ready to join the association that would host it (yes/no).
pub const JOIN_HOST: &str = "skills_membership_ok";
/// Ready to pool a need with other associations (yes/no).
pub const POOL: &str = "skills_pooling";
/// The training topics wanted (multiple choice).
pub const TRAINING: &str = "skills_training";

/// The answers the listing reads.
#[derive(Debug, Default)]
pub struct Facts<'a> {
    pub accounts: Option<f64>,
    pub storage_gb: Option<f64>,
    pub hosting_budget: Option<f64>,
    pub referents: Option<f64>,
    pub pace: Option<&'a Choice>,
    pub support: Option<&'a Choice>,
    pub join_host: Option<bool>,
    pub pool: Option<bool>,
    /// The training topics chosen (a choice tagged `wants-training`).
    pub training: Vec<&'a Choice>,
}

impl<'a> Facts<'a> {
    pub fn read(q: &'a Questionnaire, audit: &Audit) -> Facts<'a> {
        let mut f = Facts::default();
        for ((_, question), shown) in q.questions().zip(q.visible(audit)) {
            let Some(Answer::Given(value)) = shown
                .then(|| audit.answers.get(&question.id))
                .flatten()
                .map(|r| &r.answer)
            else {
                continue;
            };
            read_one(&mut f, question, value);
        }
        f
    }
}

fn read_one<'a>(f: &mut Facts<'a>, question: &'a Question, value: &Value) {
    let chosen = |id: &String| question.choice(id);
    match (question.quantity.as_deref(), value) {
        (Some("accounts"), Value::Number(n)) if f.accounts.is_none() => f.accounts = Some(*n),
        (Some("storage_gb"), Value::Number(n)) if f.storage_gb.is_none() => f.storage_gb = Some(*n),
        (Some("hosting_budget_eur"), Value::Number(n)) if f.hosting_budget.is_none() => {
            f.hosting_budget = Some(*n)
        }
        _ => {}
    }
    match (question.id.as_str(), value) {
        (PACE, Value::Choice(c)) => f.pace = chosen(c),
        (SUPPORT, Value::Choice(c)) => f.support = chosen(c),
        (REFERENTS, Value::Number(n)) => f.referents = Some(*n),
        (JOIN_HOST, Value::Bool(b)) => f.join_host = Some(*b),
        (POOL, Value::Bool(b)) => f.pool = Some(*b),
        (TRAINING, Value::Choices(cs)) => {
            f.training = cs
                .iter()
                .filter_map(chosen)
                .filter(|c| c.signals.iter().any(|s| s == "wants-training"))
                .collect();
        }
        _ => {}
    }
}

/// Lower bounds of the headcount ranges: « 1 ou 2 », « 3 à 5 »… « 50 à 99 »… « 10 000 ou
/// plus ». The small ones follow INSEE's bands of employees (SIRENE `trancheEffectifs`).
const PEOPLE: &[u32] = &[
    1, 3, 6, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000,
];

/// Lower bounds of the annual budget ranges, in euros. 1 000, 10 000, 200 000 and 500 000 € are
/// the thresholds of Tchernonog & Prouteau, « Le paysage associatif français » (3rd ed., 2019);
/// 50 000 € splits the wide band in between.
const BUDGET: &[u32] = &[1_000, 10_000, 50_000, 200_000, 500_000];

/// The range `n` falls in, from `bounds` (increasing): `(low, Some(high))` inclusive, or
/// `(low, None)` for the open top band; `None` below the first bound.
fn band(bounds: &[u32], n: f64) -> Option<(f64, Option<f64>)> {
    let i = bounds.iter().rposition(|b| f64::from(*b) <= n)?;
    let low = f64::from(bounds[i]);
    Some((low, bounds.get(i + 1).map(|h| f64::from(*h) - 1.0)))
}

/// A headcount as a range with its noun: « 50 à 99 adhérents », « 1 ou 2 salariés », "20–49
/// volunteers"; `None` for zero or less.
pub fn people(lang: Lang, n: f64, one: &str, other: &str) -> Option<String> {
    let (low, high) = band(PEOPLE, n.round())?;
    let nb = typo::NBSP;
    Some(match high {
        Some(h) if h == low => typo::count(lang, h, one, other),
        Some(h) if h == low + 1.0 => format!(
            "{} {} {}{nb}{}",
            typo::number(lang, low),
            lang.pick("ou", "or"),
            typo::number(lang, h),
            typo::plural(lang, h, one, other)
        ),
        Some(h) => format!(
            "{}{nb}{}",
            typo::range(lang, low, h),
            typo::plural(lang, h, one, other)
        ),
        None => format!(
            "{}{nb}{other} {}",
            typo::number(lang, low),
            lang.pick("ou plus", "or more")
        ),
    })
}

/// An annual budget as a range: « de 10 000 à 50 000 € », « moins de 1 000 € », « 500 000 € ou
/// plus ».
pub fn budget(lang: Lang, eur: f64) -> String {
    match band(BUDGET, eur) {
        None => format!(
            "{} {}",
            lang.pick("moins de", "under"),
            typo::eur(lang, BUDGET[0])
        ),
        Some((low, Some(high))) => match lang {
            Lang::Fr => format!(
                "de {} à {}",
                typo::number(lang, low),
                typo::eur(lang, high + 1.0)
            ),
            Lang::En => format!("{}–{}", typo::eur(lang, low), typo::eur(lang, high + 1.0)),
        },
        Some((low, None)) => format!(
            "{} {}",
            typo::eur(lang, low),
            lang.pick("ou plus", "or more")
        ),
    }
}

/// « 50 à 99 adhérents, 20 à 49 bénévoles, 1 ou 2 salariés »: the headcounts given, as ranges.
pub fn headcounts(lang: Lang, a: &Association) -> Vec<String> {
    [
        (a.members, ("adhérent", "adhérents"), ("member", "members")),
        (
            a.volunteers,
            ("bénévole", "bénévoles"),
            ("volunteer", "volunteers"),
        ),
        (
            a.employees,
            ("salarié", "salariés"),
            ("employee", "employees"),
        ),
    ]
    .into_iter()
    .filter_map(|(n, fr, en)| {
        let (one, other) = match lang {
            Lang::Fr => fr,
            Lang::En => en,
        };
        people(lang, f64::from(n?), one, other)
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_hide_the_exact_figure() {
        let fr = Lang::Fr;
        let p = |n| people(fr, n, "adhérent", "adhérents");
        assert_eq!(p(85.0).unwrap(), "50\u{a0}à 99\u{a0}adhérents");
        assert_eq!(p(1.0).unwrap(), "1 ou 2\u{a0}adhérents");
        assert_eq!(p(50.0).unwrap(), "50\u{a0}à 99\u{a0}adhérents");
        assert_eq!(p(49.0).unwrap(), "20\u{a0}à 49\u{a0}adhérents");
        assert_eq!(p(0.0), None);
        assert_eq!(p(25_000.0).unwrap(), "10\u{202f}000\u{a0}adhérents ou plus");
        assert_eq!(
            people(Lang::En, 1.0, "employee", "employees").unwrap(),
            "1 or 2\u{a0}employees"
        );
        assert_eq!(
            budget(fr, 18_000.0),
            "de 10\u{202f}000 à 50\u{202f}000\u{a0}€"
        );
        assert_eq!(budget(fr, 500.0), "moins de 1\u{202f}000\u{a0}€");
        assert_eq!(budget(fr, 900_000.0), "500\u{202f}000\u{a0}€ ou plus");
        assert_eq!(budget(Lang::En, 18_000.0), "€10,000–€50,000");
    }
}
