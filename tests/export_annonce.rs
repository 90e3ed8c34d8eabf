//! The listing (`annonce`) as a host reads it, on the shipped demo: a title, no `(s)`, no
//! software named twice, no contact, exact budget or postcode, about 800 characters, whole
//! lines cut and said so; over thousands of altered plans, the same invariants; and the
//! question ids it reads still exist in the shipped questionnaires.

mod export_fixture;

use diagasso::export::{self, Options, Templates, annonce};
use diagasso::i18n::Lang;
use diagasso::plan::{Action, ProviderKind, SoftwareRef};
use diagasso::questionnaire::{Kind, shipped};
use proptest::prelude::*;

/// The shipped demo with its plan, computed once.
fn demo() -> export_fixture::Demo {
    static DEMO: std::sync::OnceLock<export_fixture::Demo> = std::sync::OnceLock::new();
    DEMO.get_or_init(export_fixture::shipped_demo).clone()
}

fn listing(d: &export_fixture::Demo, lang: Lang) -> String {
    export::annonce::render(
        &d.input(),
        &Options {
            lang,
            ..Options::default()
        },
        &Templates::embedded(),
    )
    .unwrap()
}

fn need_lines(a: &str) -> Vec<&str> {
    a.lines().filter(|l| l.starts_with("- ")).collect()
}

/// How often `name` is written as a whole name in `text` (« Nextcloud » does not count inside
/// « Nextcloud Talk »).
fn mentions(text: &str, name: &str) -> usize {
    text.match_indices(name)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = &text[i + name.len()..];
            let mut next = after.chars();
            let whole_start = before.is_none_or(|c| !c.is_alphanumeric());
            let whole_end = match next.next() {
                None => true,
                Some(c) if c.is_alphanumeric() => false,
                // A longer name going on: « Nextcloud Talk », « Nextcloud Forms ».
                Some(' ') => !next.next().is_some_and(char::is_uppercase),
                Some(_) => true,
            };
            whole_start && whole_end
        })
        .count()
}

/// Every software name the plan proposes, named more than once in the listing.
fn repeated(d: &export_fixture::Demo, a: &str) -> Vec<String> {
    let mut names: Vec<&str> = d
        .plan
        .recommendations
        .iter()
        .flat_map(|r| r.software.iter().map(|s| s.name.as_str()))
        .collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|n| mentions(a, n) > 1)
        .map(str::to_string)
        .collect()
}

/// What a listing must never show of the demo association.
fn leaks(d: &export_fixture::Demo, a: &str) -> Vec<String> {
    let assoc = &d.association;
    let mut bad: Vec<String> = vec![
        assoc.name.clone(),
        assoc.contact_name.clone(),
        assoc.contact_email.clone(),
        assoc.postcode.clone(),
        d.audit.trainer.clone(),
    ];
    if let Some(b) = assoc.budget_eur {
        // Every way the exact budget could be written.
        for s in [
            b.to_string(),
            diagasso::i18n::typo::number(Lang::Fr, b as f64),
            diagasso::i18n::typo::number(Lang::En, b as f64),
            format!("{} {:03}", b / 1000, b % 1000),
        ] {
            bad.push(s);
        }
    }
    for n in [assoc.members, assoc.volunteers].into_iter().flatten() {
        bad.push(format!(" {n} "));
        bad.push(format!(" {n}\u{a0}"));
    }
    bad.into_iter()
        .filter(|s| s.trim().chars().count() >= 2 && a.contains(s.as_str()))
        .collect()
}

/// How many needs the listing asks help for: all but those kept as they are.
fn asked(d: &export_fixture::Demo) -> usize {
    d.plan
        .recommendations
        .iter()
        .filter(|r| r.action != Action::Keep)
        .filter(|r| r.chosen().is_none_or(|p| p.kind != ProviderKind::Keep))
        .count()
}

#[test]
fn the_demo_listing_reads_like_a_listing() {
    let d = demo();
    for lang in [Lang::Fr, Lang::En] {
        let a = listing(&d, lang);
        let chars = a.chars().count();
        assert!(
            (600..=annonce::TARGET_CHARS).contains(&chars),
            "{chars} characters:\n{a}"
        );
        let title = a.lines().next().unwrap();
        assert!(
            title.starts_with("Association (département 69)") && title.contains("libre")
                || title.contains("free"),
            "{title}"
        );
        assert_eq!(a.lines().nth(1), Some(""), "a blank line after the title");
        let needs = need_lines(&a);
        assert!(
            (annonce::MIN_NEEDS..=annonce::MAX_NEEDS).contains(&needs.len()),
            "{a}"
        );
        assert!(repeated(&d, &a).is_empty(), "{:?}\n{a}", repeated(&d, &a));
        assert!(leaks(&d, &a).is_empty(), "{:?}\n{a}", leaks(&d, &a));
        for bad in ["(s)", "·", "CHATONS", "formateur", "  ", " :", " ;"] {
            assert!(!a.contains(bad), "{bad:?} in\n{a}");
        }
        // The figures a host needs, and the ranges instead of exact sizes.
        let want: &[&str] = match lang {
            Lang::Fr => &[
                "50\u{a0}à 99\u{a0}adhérents",
                "de 10\u{202f}000 à 50\u{202f}000\u{a0}€",
                "18\u{a0}comptes",
                "12\u{a0}Go",
                "150\u{a0}€ par an",
                "pas à pas",
                "pendant la migration",
                "adhérer",
                "mutualiser",
                "Frama.space",
                "Gmail",
                "24\u{a0}novembre 2026",
            ],
            Lang::En => &[
                "50–99\u{a0}members",
                "€10,000–€50,000",
                "18\u{a0}accounts",
                "€150 a year",
                "step by step",
                "24\u{a0}November 2026",
            ],
        };
        for w in want {
            assert!(a.contains(w), "{w:?} missing from\n{a}");
        }
        // Whole lines were left out: the count of every need asked for is given.
        let all = format!("({}\u{a0}{})", asked(&d), lang.pick("besoins", "needs"));
        assert!(a.contains(&all), "{all:?} missing from\n{a}");
    }
}

#[test]
fn the_duplicate_check_can_fail() {
    let d = demo();
    let a = listing(&d, Lang::Fr);
    // A software the listing names, named again.
    let named = d
        .plan
        .recommendations
        .iter()
        .flat_map(|r| &r.software)
        .map(|s| s.name.clone())
        .find(|n| mentions(&a, n) > 0)
        .expect("the demo listing names a software");
    let doubled = format!("{a}- Autre chose : {named}\n");
    assert_eq!(repeated(&d, &doubled), vec![named]);
    assert_eq!(mentions("Nextcloud Talk, Nextcloud.", "Nextcloud"), 1);
    let leaked = format!("{a}Budget : 18000 €\n");
    assert!(!leaks(&d, &leaked).is_empty());
}

#[test]
fn a_software_shared_by_many_needs_is_named_once() {
    let mut d = demo();
    for r in &mut d.plan.recommendations {
        r.software.insert(
            0,
            SoftwareRef {
                id: "nextcloud".into(),
                name: "Nextcloud".into(),
            },
        );
        if let Some(p) = r.providers.iter_mut().find(|p| p.chosen) {
            p.kind = ProviderKind::Host;
        }
    }
    let a = listing(&d, Lang::Fr);
    assert_eq!(mentions(&a, "Nextcloud"), 1, "{a}");
    assert!(repeated(&d, &a).is_empty(), "{a}");
}

#[test]
fn the_question_ids_it_reads_exist_in_the_shipped_questionnaires() {
    let main = shipped::by_id("pratiques-numeriques").unwrap().unwrap();
    for (id, kind) in [
        (annonce::PACE, Kind::Single),
        (annonce::SUPPORT, Kind::Single),
        (annonce::REFERENTS, Kind::Number),
        (annonce::JOIN_HOST, Kind::Yesno),
        (annonce::POOL, Kind::Yesno),
        (annonce::TRAINING, Kind::Multiple),
    ] {
        let q = main
            .question(id)
            .unwrap_or_else(|| panic!("{id} is gone from pratiques-numeriques"));
        assert_eq!(q.kind, kind, "{id}");
    }
    let alone = main.question(annonce::SUPPORT).unwrap().choice("alone");
    assert!(
        alone.is_some(),
        "the support question lost its 'alone' choice"
    );
    // The workshop questionnaire shares the ids it has.
    let express = shipped::by_id("atelier-express").unwrap().unwrap();
    assert_eq!(
        express.question(annonce::SUPPORT).map(|q| q.kind),
        Some(Kind::Single)
    );
}

/// A plan changed at random: some recommendations gone, software and providers shuffled,
/// actions changed, an activity of any length.
fn altered(
    keep: &[bool],
    soft: &[u8],
    kinds: &[u8],
    actions: &[u8],
    activity: &str,
) -> export_fixture::Demo {
    let mut d = demo();
    let pool: Vec<SoftwareRef> = d
        .plan
        .recommendations
        .iter()
        .flat_map(|r| r.software.clone())
        .collect();
    let mut i = 0;
    d.plan.recommendations.retain(|_| {
        i += 1;
        keep.get(i - 1).copied().unwrap_or(true)
    });
    for (j, r) in d.plan.recommendations.iter_mut().enumerate() {
        let pick = |v: &[u8]| v.get(j).copied().unwrap_or(0) as usize;
        if !pool.is_empty() {
            r.software.insert(0, pool[pick(soft) % pool.len()].clone());
        }
        if let Some(p) = r.providers.iter_mut().find(|p| p.chosen) {
            p.kind = [
                ProviderKind::Host,
                ProviderKind::Framaspace,
                ProviderKind::Local,
                ProviderKind::Service,
                ProviderKind::Keep,
            ][pick(kinds) % 5];
        }
        r.action = [
            Action::Replace,
            Action::Adopt,
            Action::AddAlongside,
            Action::Find,
            Action::Consolidate,
            Action::Keep,
        ][pick(actions) % 6];
    }
    d.association.activity = activity.to_string();
    d
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever the plan: under the hard limit, no software twice, nothing personal, no
    /// `(s)`, a title line, at most [`annonce::MAX_NEEDS`] need lines and, when some were
    /// left out, the count of all of them.
    #[test]
    fn every_listing_keeps_its_promises(
        keep in proptest::collection::vec(any::<bool>(), 21),
        soft in proptest::collection::vec(any::<u8>(), 21),
        kinds in proptest::collection::vec(any::<u8>(), 21),
        actions in proptest::collection::vec(any::<u8>(), 21),
        activity in "[a-zé ]{0,300}",
        en in any::<bool>(),
    ) {
        let d = altered(&keep, &soft, &kinds, &actions, &activity);
        let lang = if en { Lang::En } else { Lang::Fr };
        let a = listing(&d, lang);
        prop_assert!(a.chars().count() <= annonce::MAX_CHARS);
        prop_assert!(repeated(&d, &a).is_empty(), "{:?}\n{}", repeated(&d, &a), a);
        prop_assert!(leaks(&d, &a).is_empty(), "{:?}\n{}", leaks(&d, &a), a);
        prop_assert!(!a.contains("(s)"));
        prop_assert!(!a.lines().next().unwrap_or("").is_empty());
        let needs = need_lines(&a);
        prop_assert!(needs.len() <= annonce::MAX_NEEDS);
        // Whole lines: a need line is never cut short.
        prop_assert!(needs.iter().all(|l| !l.ends_with('…')));
    }
}
