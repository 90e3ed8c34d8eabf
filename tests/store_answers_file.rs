//! The answers-file validator: one fixture per kind of error in `tests/fixtures/answers/`, each
//! with its exact message and position; a file with several problems lists them all in file
//! order; a good file is read whole, normalised, and stored in one transaction.

use diagasso::answers_file::{self, AnswersFile};
use diagasso::audit::{Answer, LegalForm, Value};
use diagasso::i18n::Lang;
use diagasso::questionnaire::{self, Questionnaire};
use diagasso::store::Store;

const DIR: &str = "tests/fixtures/answers";

fn available() -> Vec<Questionnaire> {
    let path = format!("{DIR}/questionnaire.toml");
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    vec![questionnaire::load_str(&path, &text).expect("fixture loads")]
}

fn read(name: &str) -> Result<AnswersFile, Vec<String>> {
    let bytes = std::fs::read(format!("{DIR}/{name}")).expect("fixture readable");
    answers_file::parse(name, &bytes, &available()).map_err(|p| {
        for problem in &p.0 {
            // Every problem also reads in French, at the same place.
            let fr = problem.message(Lang::Fr);
            assert!(fr.starts_with(&format!("{name}:{}:{}: ", problem.line, problem.column)));
            assert_ne!(fr, problem.message(Lang::En), "{fr}");
        }
        p.0.iter().map(|p| p.message(Lang::En)).collect()
    })
}

#[test]
fn each_error_kind_has_its_exact_message() {
    let cases: &[(&str, &str)] = &[
        (
            "syntax.toml",
            "syntax.toml:4:16: invalid TOML: invalid basic string, expected `\"`. Fix the syntax at this place.",
        ),
        (
            "invalid-utf8.toml",
            "invalid-utf8.toml:3:12: this file is not valid UTF-8 text at this place: save it again as UTF-8",
        ),
        (
            "unknown-questionnaire.toml",
            "unknown-questionnaire.toml:1:17: questionnaire = \"pratiques\": unknown questionnaire 'pratiques' (available: essai v2)",
        ),
        (
            "wrong-version.toml",
            "wrong-version.toml:2:11: version = 1: this diagasso ships version 2 of 'essai': check the answers against that version, then fix 'version' (answers are never converted between versions)",
        ),
        (
            "unknown-top-key.toml",
            "unknown-top-key.toml:2:1: unknown key 'formateur' (known keys: questionnaire, version, trainer, note, association, answers, notes); answers go under [answers]",
        ),
        (
            "missing-association.toml",
            "missing-association.toml:1:1: the [association] table is missing: add it with at least name = \"…\"",
        ),
        (
            "association-no-name.toml",
            "association-no-name.toml:3:1: [association] needs a name: add name = \"…\"",
        ),
        (
            "association-unknown-key.toml",
            "association-unknown-key.toml:5:1: [association]: unknown key 'ville' (known keys: name, legal_form, country, postcode, activity, members, employees, volunteers, budget_eur, contact_name, contact_email)",
        ),
        (
            "legal-form.toml",
            "legal-form.toml:5:14: legal_form = \"asso\": unknown legal form (possible: association, collectif, fondation, syndicat, entreprise, autre)",
        ),
        (
            "country.toml",
            "country.toml:5:11: country = \"France\": two-letter country code expected (FR, BE, CH…)",
        ),
        (
            "postcode-number.toml",
            "postcode-number.toml:5:12: postcode = 69007: write the postcode in quotes, e.g. postcode = \"01000\"",
        ),
        (
            "negative-count.toml",
            "negative-count.toml:5:11: members = -4: a whole number of people (0 or more) expected, without quotes",
        ),
        (
            "email.toml",
            "email.toml:5:17: contact_email = \"camille at example.org\": invalid e-mail address (expected: name@domain.org)",
        ),
        (
            "unknown-question.toml",
            "unknown-question.toml:7:1: [answers]: no question 'member_count' in essai v2; did you mean 'members_count'?",
        ),
        (
            "kind-mismatch.toml",
            "kind-mismatch.toml:7:14: uses_files = \"oui\": expected true or false (found text)",
        ),
        (
            "unknown-choice.toml",
            "unknown-choice.toml:8:15: files_tools = [\"dropbox\"]: unknown choice 'dropbox' (possible choices: google_drive, nextcloud, usb, none)",
        ),
        (
            "out-of-range.toml",
            "out-of-range.toml:7:17: members_count = -3: -3 is out of range: between 0 and 100000",
        ),
        (
            "not-whole.toml",
            "not-whole.toml:7:17: members_count = 12.5: a whole number is expected (got 12.5)",
        ),
        (
            "exclusive.toml",
            "exclusive.toml:8:15: files_tools = [\"none\", \"usb\"]: 'None' cannot be combined with other choices",
        ),
        (
            "constraint.toml",
            "constraint.toml:8:18: accounts_count = 12: No more accounts than members.",
        ),
        (
            "not-applicable.toml",
            "not-applicable.toml:7:17: members_count = { not_applicable = true }: 'not applicable' is not offered for this question",
        ),
        (
            "bad-special.toml",
            "bad-special.toml:7:14: storage_gb = { dont_know = false }: unexpected table: write { dont_know = true } (don't know) or { not_applicable = true } (not applicable)",
        ),
        (
            "hidden.toml",
            "hidden.toml:8:15: files_tools = [\"usb\"]: this question is not asked given the other answers (condition: ${uses_files} = 'yes'): remove this answer or fix the answers it depends on",
        ),
        (
            "unknown-note.toml",
            "unknown-note.toml:7:1: [notes]: no question 'fichiers' in essai v2",
        ),
        (
            "general-note.toml",
            "general-note.toml:7:1: [notes]: 'general' is not a question; the general note goes at the top of the file: note = \"…\"",
        ),
    ];
    for (file, want) in cases {
        match read(file) {
            Ok(_) => panic!("{file} should be refused"),
            Err(got) => assert_eq!(got, vec![want.to_string()], "{file}"),
        }
    }
    // Every error fixture is covered above.
    let covered: Vec<&str> = cases.iter().map(|(f, _)| *f).collect();
    for entry in std::fs::read_dir(DIR).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let valid = [
            "questionnaire.toml",
            "good.toml",
            "minimal.toml",
            "several.toml",
        ];
        assert!(
            valid.contains(&name.as_str()) || covered.contains(&name.as_str()),
            "fixture {name} has no expected message"
        );
    }
}

#[test]
fn every_problem_is_listed_in_file_order() {
    let got = read("several.toml").expect_err("refused");
    assert_eq!(
        got,
        [
            "several.toml:6:14: legal_form = \"ONG\": unknown legal form (possible: association, collectif, fondation, syndicat, entreprise, autre)",
            "several.toml:7:11: members = \"vingt\": a whole number of people (0 or more) expected, without quotes",
            "several.toml:11:18: accounts_count = 12: No more accounts than members.",
            "several.toml:13:15: files_tools = [\"usb\"]: this question is not asked given the other answers (condition: ${uses_files} = 'yes'): remove this answer or fix the answers it depends on",
            "several.toml:14:22: files_satisfaction = 9: 9 is out of range: between 1 and 5",
            "several.toml:15:14: storage_gb = \"beaucoup\": expected a number (found text)",
        ]
    );
}

#[test]
fn a_good_file_is_read_whole_and_normalised() {
    let f = read("good.toml").expect("good.toml is valid");
    assert_eq!(f.questionnaire.id, "essai");
    assert_eq!(f.questionnaire.version, 2);
    assert_eq!(f.trainer, "Dominique Leroy");
    assert_eq!(f.note, "Visite du 12 mars, au local.");
    let a = &f.association;
    assert_eq!(a.name, "Les Jardins d'Été");
    assert_eq!(a.legal_form, LegalForm::Association);
    assert_eq!(a.country, "FR");
    assert_eq!(a.postcode, "69007");
    assert_eq!(
        (a.members, a.employees, a.volunteers, a.budget_eur),
        (Some(25), Some(0), Some(20), Some(4000))
    );
    assert_eq!(a.contact_email, "camille@example.org");
    assert_eq!(f.answers.len(), 8);
    assert_eq!(
        f.answers["files_tools"],
        Answer::Given(Value::Choices(vec!["google_drive".into(), "usb".into()]))
    );
    assert_eq!(
        f.answers["activity_text"],
        Answer::Given(Value::Text("Jardinage collectif".into()))
    );
    assert_eq!(f.answers["storage_gb"], Answer::DontKnow);
    // A blank note is no note.
    assert_eq!(f.notes.len(), 1);
}

#[test]
fn a_good_file_is_stored_in_one_go() {
    let f = read("good.toml").unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let created = store.create_audit(&f.new_audit()).unwrap();
    let audit = store.audit(&created.audit_id).unwrap().unwrap();
    assert_eq!(audit.association_id, created.association_id);
    assert_eq!(audit.answer_map(), f.answers);
    assert_eq!(audit.notes, f.notes);
    assert_eq!(audit.note, f.note);
    assert_eq!(audit.trainer, "Dominique Leroy");
    assert_eq!(audit.questionnaire.hash, f.questionnaire.hash);
    let trail = store.trail(&created.audit_id).unwrap();
    assert_eq!(trail.len(), f.answers.len());
    assert!(trail.iter().all(|t| t.old.is_none() && t.new.is_some()));
    let mut profile = f.association.clone();
    profile.id = created.association_id.clone();
    assert_eq!(
        store.association(&created.association_id).unwrap(),
        Some(profile)
    );
}

#[test]
fn the_default_questionnaire_is_the_shipped_one() {
    let bytes = std::fs::read(format!("{DIR}/minimal.toml")).unwrap();
    let f = answers_file::parse_shipped("minimal.toml", &bytes).expect("minimal file is valid");
    assert_eq!(f.questionnaire.id, questionnaire::shipped::DEFAULT_ID);
    assert_eq!(f.association.name, "Amicale");
    assert!(f.answers.is_empty());
}

#[test]
fn the_readme_example_is_a_valid_answers_file() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let block = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README has a toml example");
    let f = answers_file::parse_shipped("README.md", block.as_bytes())
        .unwrap_or_else(|p| panic!("README example refused:\n{p}"));
    assert_eq!(f.association.name, "Les Jardins partagés");
    assert_eq!(f.note, "Visite du 12 mars");
    assert_eq!(f.answers["data_retention"], Answer::NotApplicable);
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of answers files, to build mostly-plausible documents.
    fn line() -> impl Strategy<Value = String> {
        let keys = prop_oneof![
            Just("questionnaire"),
            Just("version"),
            Just("name"),
            Just("members"),
            Just("members_count"),
            Just("accounts_count"),
            Just("uses_files"),
            Just("files_tools"),
            Just("files_main"),
            Just("storage_gb"),
            Just("note"),
            Just("général"),
        ];
        let values = prop_oneof![
            Just("\"essai\"".to_string()),
            Just("2".to_string()),
            Just("-1".to_string()),
            Just("1e400".to_string()),
            Just("nan".to_string()),
            Just("0x7fffffffffffffff".to_string()),
            Just("true".to_string()),
            Just("[\"usb\", \"none\", 3]".to_string()),
            Just("{ dont_know = true }".to_string()),
            Just("{ not_applicable = true, dont_know = true }".to_string()),
            Just("1979-05-27".to_string()),
            "\"[^\"\\\\\n]{0,20}\"",
        ];
        prop_oneof![
            Just("[association]".to_string()),
            Just("[answers]".to_string()),
            Just("[notes]".to_string()),
            (keys, values).prop_map(|(k, v)| format!("{k} = {v}")),
            "[^\n]{0,30}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any bytes: an answer or a list of problems, never a panic.
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = answers_file::parse("fuzz.toml", &bytes, &available());
        }

        /// Plausible documents: a refusal always says something, with a position in the file.
        #[test]
        fn plausible_documents_are_answered_or_explained(lines in proptest::collection::vec(line(), 0..12)) {
            let text = lines.join("\n");
            if let Err(p) = answers_file::parse("fuzz.toml", text.as_bytes(), &available()) {
                prop_assert!(!p.0.is_empty());
                let last_line = text.lines().count().max(1);
                for problem in &p.0 {
                    prop_assert!(problem.line >= 1 && problem.line <= last_line + 1, "{problem:?}");
                    prop_assert!(!problem.en.is_empty() && !problem.fr.is_empty());
                }
            }
        }
    }
}
