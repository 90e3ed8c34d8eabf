//! Every counted message rendered with 0, 1 and 2 in both languages: no « (s) », and the
//! forms agree (French 0 and 1 singular, English only 1).

use super::*;
use crate::i18n::Message;

/// A plural in brackets after a letter: « réponse(s) », « changée(s) », "entr(ies)".
fn bracketed(s: &str) -> bool {
    ["(s)", "(e)", "(es)", "(x)", "(ies)"].iter().any(|b| {
        s.match_indices(b)
            .any(|(at, _)| s[..at].chars().next_back().is_some_and(char::is_alphabetic))
    })
}

/// Every message of this module with every count set to `n`.
fn all(n: usize) -> Vec<Message> {
    let report = MergeReport {
        associations_added: n,
        associations_updated: n,
        audits_added: n,
        audits_updated: n,
        answers_taken: n,
        trail_added: n,
        workshops_added: n,
        ..MergeReport::default()
    };
    vec![
        nothing_saved("f.toml", n),
        file_errors("q.toml", n),
        answers_refused(|_| String::new(), "e.json", n),
        erase_prompt("A", n),
        erased("A", n, n, n, n),
        followup_started("q v1", n),
        followup_state("a", "2026-01-01", [n; 4]),
        nothing_to_confirm("q", "a", n),
        confirmed(n),
        bundle_written(n, n, n),
        bundle_merged("p", &report),
        Message::new(unchanged(Lang::Fr, n), unchanged(Lang::En, n)),
        Message::new(not_asked_yet(Lang::Fr, n), not_asked_yet(Lang::En, n)),
    ]
}

#[test]
fn no_message_writes_a_plural_in_brackets() {
    for n in [0, 1, 2, 1000] {
        for m in all(n) {
            assert!(!bracketed(&m.fr) && !bracketed(&m.en), "{n}: {m:?}");
        }
    }
}

/// The words that must change between singular and plural do, in each message.
#[test]
fn counts_agree_with_their_words() {
    let s = |m: Message| (m.fr.replace('\u{a0}', " "), m.en.replace('\u{a0}', " "));
    assert_eq!(
        s(confirmed(1)),
        (
            "1 réponse confirmée telle quelle.".into(),
            "1 answer confirmed as it was.".into()
        )
    );
    assert_eq!(
        s(confirmed(0)),
        (
            "0 réponse confirmée telle quelle.".into(),
            "0 answers confirmed as they were.".into()
        )
    );
    assert_eq!(s(confirmed(2)).0, "2 réponses confirmées telles quelles.");
    assert_eq!(
        s(erased("A", 1, 3, 0, 2)),
        (
            "Effacé : « A » avec 1 audit, 3 réponses, 0 note et 2 entrées d'historique.".into(),
            "Erased: 'A' with 1 audit, 3 answers, 0 notes and 2 history entries.".into()
        )
    );
    assert_eq!(
        s(nothing_saved("f.toml", 1)),
        (
            "f.toml : 1 problème, rien n'a été enregistré.".into(),
            "f.toml: 1 problem, nothing was saved.".into()
        )
    );
    assert_eq!(s(file_errors("q.toml", 2)).1, "q.toml: 2 errors");
    let report = MergeReport {
        audits_added: 1,
        associations_added: 2,
        associations_updated: 1,
        trail_added: 3,
        ..MergeReport::default()
    };
    assert_eq!(
        s(bundle_merged("p", &report)),
        (
            "p : 1 audit ajouté, 0 mis à jour ; 2 associations ajoutées, 1 mise à jour ; 0 réponse reprise du paquet ; 3 entrées d'historique ajoutées ; 0 atelier ajouté ; 0 conflit.\n".into(),
            "p: 1 audit added, 0 updated; 2 associations added, 1 updated; 0 answers taken from the bundle; 3 trail entries added; 0 workshops added; 0 conflicts.\n".into()
        )
    );
    assert_eq!(
        s(followup_state("a", "2026-01-01", [3, 1, 2, 0])).0,
        "Suivi de l'audit a (commencé le 2026-01-01) : 3 à confirmer, 1 confirmée, 2 changées, 0 à reprendre."
    );
    assert_eq!(
        s(bundle_written(1, 1, 0)).0,
        "1 audit, 1 association et 0 atelier écrits dans le paquet :"
    );
    assert_eq!(
        not_asked_yet(Lang::Fr, 92).replace('\u{a0}', " "),
        "92 questions pas encore reposées dans le suivi"
    );
    assert_eq!(
        unchanged(Lang::En, 1).replace('\u{a0}', " "),
        "1 answer unchanged"
    );
}
