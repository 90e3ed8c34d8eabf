//! The walk's commands in the line mode, read from a line: French and English words, so a
//! person can type what the help says in either language. Anything else is an answer.

/// A command typed during the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Quit,
    Help,
    Progress,
    /// Read the answers back, numbered.
    Review,
    /// Go to question N of the review's numbering.
    GoTo(usize),
    /// The next required question still unanswered.
    NextRequired,
    /// Say the current question again.
    Repeat,
    Sections,
    Note {
        general: bool,
    },
    Finish,
    DontKnow,
    NotApplicable,
    Clear,
    TakePrevious,
    Skip,
    Back,
    /// Empty line: confirm and go on.
    Continue,
    Plan,
    /// The reasons of plan item N.
    Why(usize),
    Export,
    /// Switch between French and English.
    Language,
}

/// The command a line stands for, or `None` when it is an answer.
pub fn parse(line: &str) -> Option<Command> {
    let line = line.trim();
    let lower = line.to_lowercase();
    let (word, rest) = match lower.split_once(char::is_whitespace) {
        Some((w, r)) => (w, r.trim()),
        None => (lower.as_str(), ""),
    };
    let number = || rest.parse::<usize>().ok();
    Some(match (word, rest) {
        ("q" | "quitter" | "quit", "") => Command::Quit,
        ("?" | "aide" | "help", "") => Command::Help,
        ("p" | "progression" | "progress", "") => Command::Progress,
        ("relire" | "review", "") => Command::Review,
        ("aller" | "go" | "goto", _) => Command::GoTo(number()?),
        ("obligatoire" | "required", "") => Command::NextRequired,
        ("répéter" | "repeter" | "question" | "repeat", "") => Command::Repeat,
        ("sections", "") => Command::Sections,
        ("note", "") => Command::Note { general: false },
        ("note", "g") => Command::Note { general: true },
        ("fin" | "finish", "") => Command::Finish,
        ("nsp" | "dk", "") => Command::DontKnow,
        ("nc" | "na", "") => Command::NotApplicable,
        ("effacer" | "clear", "") => Command::Clear,
        ("=", "") => Command::TakePrevious,
        (">" | "passer" | "skip", "") => Command::Skip,
        ("<" | "retour" | "back", "") => Command::Back,
        ("", "") => Command::Continue,
        ("plan", "") => Command::Plan,
        ("pourquoi" | "why", _) => Command::Why(number()?),
        ("exporter" | "export", "") => Command::Export,
        ("langue" | "language" | "english" | "français" | "francais", "") => Command::Language,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_in_both_languages_and_answers_left_alone() {
        assert_eq!(parse("aller 12"), Some(Command::GoTo(12)));
        assert_eq!(parse("go 3"), Some(Command::GoTo(3)));
        assert_eq!(parse("Pourquoi 4"), Some(Command::Why(4)));
        assert_eq!(parse("note g"), Some(Command::Note { general: true }));
        assert_eq!(parse(""), Some(Command::Continue));
        assert_eq!(parse("plan"), Some(Command::Plan));
        // Answers: a number, a list, a text that starts like a command.
        assert_eq!(parse("12"), None);
        assert_eq!(parse("1,2"), None);
        assert_eq!(parse("aller au marché"), None);
        assert_eq!(parse("planning familial"), None);
    }
}
