use proptest::prelude::*;

use super::*;
use crate::i18n::Lang::{En, Fr};

#[test]
fn plurals_follow_cldr() {
    assert_eq!(count(Fr, 0, "compte", "comptes"), "0\u{a0}compte");
    assert_eq!(count(Fr, 1, "salarié", "salariés"), "1\u{a0}salarié");
    assert_eq!(count(Fr, 1.5, "jour", "jours"), "1,5\u{a0}jour");
    assert_eq!(count(Fr, 2, "salarié", "salariés"), "2\u{a0}salariés");
    assert_eq!(count(En, 0, "account", "accounts"), "0\u{a0}accounts");
    assert_eq!(count(En, 1, "employee", "employees"), "1\u{a0}employee");
    assert_eq!(count(En, 1.5, "day", "days"), "1.5\u{a0}days");
    assert_eq!(
        count(Fr, 18000usize, "compte", "comptes"),
        "18\u{202f}000\u{a0}comptes"
    );
    // Read as shown: 1.001 shows as « 1 » and agrees with it.
    assert_eq!(plural(Fr, 1.001, "an", "ans"), "an");
    assert_eq!(plural(En, 1.001, "year", "years"), "year");
}

#[test]
fn numbers_and_euros() {
    assert_eq!(number(Fr, 18000), "18\u{202f}000");
    assert_eq!(number(En, 18000), "18,000");
    assert_eq!(number(Fr, 1500), "1\u{202f}500");
    assert_eq!(number(Fr, 999), "999");
    assert_eq!(number(Fr, 1234567.891), "1\u{202f}234\u{202f}567,89");
    assert_eq!(number(En, -2.5), "-2.5");
    assert_eq!(number(Fr, -0.001), "0");
    assert_eq!(number(Fr, f64::NAN), "?");
    assert_eq!(eur(Fr, 18000), "18\u{202f}000\u{a0}€");
    assert_eq!(eur(Fr, 16.5), "16,50\u{a0}€");
    assert_eq!(eur(Fr, 16.666), "16,67\u{a0}€");
    assert_eq!(eur(En, 18000), "€18,000");
    assert_eq!(eur(En, 16.5), "€16.50");
    assert_eq!(eur(En, -3), "-€3");
    assert_eq!(eur_per_year(Fr, 240), "240\u{a0}€ par an");
    assert_eq!(eur_per_year(En, 240), "€240 a year");
    assert_eq!(range(Fr, 50, 100), "50\u{a0}à 100");
    assert_eq!(range(En, 1000, 5000), "1,000–5,000");
}

#[test]
fn months_lists_dates() {
    assert_eq!(months(Fr, 1, 1), "mois\u{a0}1");
    assert_eq!(months(Fr, 4, 2), "mois\u{a0}2 à 4");
    assert_eq!(months(En, 2, 4), "months\u{a0}2–4");
    assert_eq!(list::<&str>(Fr, &[]), "");
    assert_eq!(list(Fr, &["A"]), "A");
    assert_eq!(list(Fr, &["A", "B", "C"]), "A, B et C");
    assert_eq!(list(En, &["A", "B"]), "A and B");
    assert_eq!(date(Fr, "2026-11-24T10:00:00Z"), "24\u{a0}novembre 2026");
    assert_eq!(date(Fr, "2027-03-01"), "1er\u{a0}mars 2027");
    assert_eq!(date(En, "2026-11-24"), "24\u{a0}November 2026");
    assert_eq!(date(Fr, " hier "), "hier");
    assert_eq!(date(Fr, "2026-13-01"), "2026-13-01");
    assert_eq!(date(Fr, "2026/11/24"), "2026/11/24");
    assert_eq!(date(Fr, "é"), "é");
}

#[test]
fn french_spacing() {
    assert_eq!(punct(Fr, "Pourquoi ?"), "Pourquoi\u{202f}?");
    assert_eq!(punct(Fr, "Pourquoi?"), "Pourquoi\u{202f}?");
    assert_eq!(
        punct(Fr, "Note : ceci ; cela !"),
        "Note\u{a0}: ceci\u{202f}; cela\u{202f}!"
    );
    assert_eq!(punct(Fr, "« Frama.space »"), "«\u{a0}Frama.space\u{a0}»");
    assert_eq!(punct(Fr, "«Frama.space»"), "«\u{a0}Frama.space\u{a0}»");
    assert_eq!(punct(Fr, "Vraiment ?!"), "Vraiment\u{202f}?!");
    // Addresses, times and query strings are left alone.
    for s in [
        "https://example.org/?a=1",
        "à 10:30",
        "index.php?id=2",
        "a:b",
    ] {
        assert_eq!(punct(Fr, s), s);
    }
    // Idempotent.
    let once = punct(Fr, "Voir « la charte » : oui ; non ? oui !");
    assert_eq!(punct(Fr, &once), once);
    assert_eq!(
        punct(En, "Why ? « Frama.space » : yes"),
        "Why? “Frama.space”: yes"
    );
    assert_eq!(punct(En, "Why?"), "Why?");
}

#[test]
fn elision_and_contraction() {
    assert_eq!(de("le plan"), "du plan");
    assert_eq!(de("les outils"), "des outils");
    assert_eq!(de("la charte"), "de la charte");
    assert_eq!(de("l'hébergeur"), "de l'hébergeur");
    assert_eq!(de("Emancip'Asso"), "d'Emancip'Asso");
    assert_eq!(de("hébergeur"), "d'hébergeur");
    assert_eq!(de("haut débit"), "de haut débit");
    assert_eq!(de("hauts débits"), "de hauts débits");
    assert_eq!(de("Frama.space"), "de Frama.space");
    assert_eq!(de("12 comptes"), "de 12 comptes");
    assert_eq!(de("Leboncoin"), "de Leboncoin");
    assert_eq!(a("le bureau"), "au bureau");
    assert_eq!(a("les membres"), "aux membres");
    assert_eq!(a("l'équipe"), "à l'équipe");
    assert_eq!(a("Frama.space"), "à Frama.space");
    assert_eq!(elide("que", "il"), "qu'il");
    assert_eq!(elide("la", "association"), "l'association");
    assert_eq!(elide("le", "hameau"), "le hameau");
}

/// What the questionnaire's number parser reads back.
fn read_back(s: &str) -> Option<f64> {
    let cleaned: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{a0}' | '\u{202f}'))
        .collect();
    cleaned.replace(',', ".").parse().ok()
}

proptest! {
    /// A French number reads back as the value shown (two decimals), and never holds a plain
    /// space a line could break on.
    #[test]
    fn french_numbers_read_back(x in -1e12f64..1e12) {
        let shown = number(Fr, x);
        prop_assert!(!shown.contains(' '));
        let back = read_back(&shown).expect("a number");
        prop_assert!((back - (x * 100.0).round() / 100.0).abs() < 1e-6 * x.abs().max(1.0));
    }

    /// English groups with commas only in the whole part, every three digits.
    #[test]
    fn english_groups_by_three(n in 0u64..1_000_000_000_000) {
        let shown = number(En, n);
        prop_assert_eq!(shown.replace(',', ""), n.to_string());
        for group in shown.split(',').skip(1) {
            prop_assert_eq!(group.len(), 3);
        }
    }

    /// Whole counts: singular exactly for 0 and 1 in French, exactly for 1 in English.
    #[test]
    fn whole_counts_agree(n in 0u64..100_000) {
        prop_assert_eq!(is_singular(Fr, n), n <= 1);
        prop_assert_eq!(is_singular(En, n), n == 1);
        let c = count(Fr, n, "compte", "comptes");
        prop_assert!(!c.contains("(s)"));
    }

    /// French spacing is idempotent and never leaves a plain space before « ; ? ! : ».
    #[test]
    fn french_spacing_is_stable(s in "[a-zé «»:;?!,.]{0,40}") {
        let once = punct(Fr, &s);
        prop_assert_eq!(punct(Fr, &once), once.clone());
        for mark in [" ;", " ?", " !"] {
            let bad = once.match_indices(mark).any(|(i, _)| {
                once[i + mark.len()..].chars().next().is_none_or(|n| n.is_whitespace() || n == '»')
            });
            prop_assert!(!bad, "{:?} -> {:?}", s, once);
        }
    }
}
