//! The examples at the end of each subcommand's long help (`--help`, the man page): real
//! command lines a trainer types, each with what it does in both languages. The tests
//! (tests/cli_help.rs) parse every one with the real parser and run, in a temporary database
//! and folder, every one that needs no files of its own.

use crate::i18n::Lang;

/// What an example needs to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Runs as is, in an empty database and folder.
    Nothing,
    /// Runs after `diagasso demo` (one audit, number 1).
    Demo,
    /// Runs after `diagasso demo` then `diagasso followup start 1` (the demonstration audit is
    /// number 1, its follow-up number 2).
    Followup,
    /// Needs files of its own (an answers file, a form export, a workshop) or a terminal (the
    /// interactive front ends, a confirmation): parsed only.
    ParseOnly,
}

/// One example: the command line (a `> file` at the end is the shell's), what it does.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    pub line: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
    pub needs: Needs,
}

const fn ex(line: &'static str, fr: &'static str, en: &'static str, needs: Needs) -> Example {
    Example {
        line,
        fr,
        en,
        needs,
    }
}

use Needs::{Demo, Followup, Nothing, ParseOnly};

/// Each subcommand's path (its words after `diagasso`; empty for `diagasso` itself) and its
/// examples.
pub const EXAMPLES: &[(&str, &[Example])] = &[
    (
        "",
        &[
            ex(
                "diagasso",
                "ouvre l'interface plein écran",
                "opens the full-screen interface",
                ParseOnly,
            ),
            ex(
                "diagasso --plain",
                "ouvre le mode ligne (lecteurs d'écran)",
                "opens the line mode (screen readers)",
                ParseOnly,
            ),
            ex(
                "diagasso --lang en list",
                "la liste des audits, en anglais",
                "the list of audits, in English",
                Demo,
            ),
        ],
    ),
    (
        "check",
        &[
            ex(
                "diagasso check",
                "valide les questionnaires livrés et le catalogue",
                "validates the shipped questionnaires and the catalogue",
                Nothing,
            ),
            ex(
                "diagasso check mon-questionnaire.toml",
                "valide un questionnaire écrit à la main",
                "validates a hand-written questionnaire",
                ParseOnly,
            ),
        ],
    ),
    (
        "questionnaire",
        &[
            ex(
                "diagasso questionnaire list",
                "les questionnaires livrés",
                "the shipped questionnaires",
                Nothing,
            ),
            ex(
                "diagasso questionnaire print atelier-express --format pdf",
                "le questionnaire express à imprimer",
                "the express questionnaire, to print",
                Nothing,
            ),
        ],
    ),
    (
        "questionnaire list",
        &[
            ex(
                "diagasso questionnaire list",
                "identifiant, version, nombre de questions, titre",
                "id, version, number of questions, title",
                Nothing,
            ),
            ex(
                "diagasso questionnaire list --json",
                "la même liste pour un script",
                "the same list for a script",
                Nothing,
            ),
        ],
    ),
    (
        "questionnaire show",
        &[ex(
            "diagasso questionnaire show atelier-express",
            "chaque question, avec son identifiant",
            "every question, with its id",
            Nothing,
        )],
    ),
    (
        "questionnaire export",
        &[
            ex(
                "diagasso questionnaire export atelier-express --out formulaires/",
                "l'XLSForm à importer dans KoboToolbox ou ODK",
                "the XLSForm to import into KoboToolbox or ODK",
                Nothing,
            ),
            ex(
                "diagasso questionnaire export atelier-express --out - > express.xlsx",
                "le même classeur sur la sortie standard",
                "the same workbook on standard output",
                Nothing,
            ),
        ],
    ),
    (
        "questionnaire print",
        &[
            ex(
                "diagasso questionnaire print atelier-express",
                "HTML et PDF vierges dans le dossier courant",
                "blank HTML and PDF in the current folder",
                Nothing,
            ),
            ex(
                "diagasso questionnaire print pratiques-numeriques --format html --out - > vierge.html",
                "un seul format, sur la sortie standard",
                "one format, on standard output",
                Nothing,
            ),
        ],
    ),
    (
        "questionnaire template",
        &[ex(
            "diagasso questionnaire template atelier-express > reponses.toml",
            "un fichier de réponses à remplir, puis diagasso new --answers reponses.toml",
            "an answers file to fill in, then diagasso new --answers reponses.toml",
            Nothing,
        )],
    ),
    (
        "new",
        &[
            ex(
                "diagasso new --answers reponses.toml",
                "crée l'association et son audit depuis le fichier rempli",
                "creates the association and its audit from the filled-in file",
                ParseOnly,
            ),
            ex(
                "diagasso new --answers reponses.toml --json",
                "la même chose, le résultat en JSON",
                "the same, the result as JSON",
                ParseOnly,
            ),
        ],
    ),
    (
        "list",
        &[
            ex(
                "diagasso list",
                "tous les audits, numérotés",
                "every audit, numbered",
                Demo,
            ),
            ex(
                "diagasso list --filter jardins",
                "seulement les associations dont le nom contient « jardins »",
                "only associations whose name contains \"jardins\"",
                Demo,
            ),
            ex(
                "diagasso list --json",
                "pour un script",
                "for a script",
                Demo,
            ),
        ],
    ),
    (
        "show",
        &[
            ex(
                "diagasso show 1",
                "l'audit numéro 1 de diagasso list",
                "audit number 1 of diagasso list",
                Demo,
            ),
            ex(
                "diagasso show \"Les Jardins Partagés de la Croix-Rousse\" --json",
                "le dernier audit d'une association, nommée, en JSON",
                "an association's latest audit, by name, as JSON",
                Demo,
            ),
        ],
    ),
    (
        "erase",
        &[
            ex(
                "diagasso erase \"Les Jardins Partagés de la Croix-Rousse\" --yes",
                "efface l'association et tous ses audits, sans demander",
                "erases the association and all its audits, without asking",
                Demo,
            ),
            ex(
                "diagasso erase 1",
                "demande confirmation avant d'effacer",
                "asks for confirmation before erasing",
                ParseOnly,
            ),
        ],
    ),
    (
        "demo",
        &[ex(
            "diagasso demo",
            "ajoute un audit complet pour essayer les commandes",
            "adds a complete audit to try the commands on",
            Nothing,
        )],
    ),
    (
        "catalog",
        &[
            ex(
                "diagasso catalog list",
                "les hébergeurs et l'âge de leurs informations",
                "the hosts and the age of their facts",
                Nothing,
            ),
            ex(
                "diagasso catalog stale",
                "ce qu'il faut revérifier avant un atelier",
                "what to re-check before a workshop",
                Nothing,
            ),
        ],
    ),
    (
        "catalog list",
        &[
            ex(
                "diagasso catalog list",
                "chaque hébergeur, sa source et sa date",
                "each host, its source and its date",
                Nothing,
            ),
            ex(
                "diagasso catalog list --json",
                "pour un script",
                "for a script",
                Nothing,
            ),
        ],
    ),
    (
        "catalog show",
        &[ex(
            "diagasso catalog show zaclys",
            "services, offres, inscription et preuves d'un hébergeur",
            "a host's services, offers, registration and evidence",
            Nothing,
        )],
    ),
    (
        "catalog stale",
        &[
            ex(
                "diagasso catalog stale",
                "les informations de plus de 36 mois",
                "facts older than 36 months",
                Nothing,
            ),
            ex(
                "diagasso catalog stale --months 12 --json",
                "plus de 12 mois, pour un script",
                "older than 12 months, for a script",
                Nothing,
            ),
        ],
    ),
    (
        "catalog import",
        &[ex(
            "diagasso catalog import chatonsinfos/ --yes",
            "ajoute au catalogue les fichiers .properties d'un dossier",
            "adds a folder's .properties files to the catalogue",
            ParseOnly,
        )],
    ),
    (
        "plan",
        &[
            ex(
                "diagasso plan 1 --why",
                "le plan de l'audit 1, chaque étape avec son pourquoi",
                "the plan of audit 1, each step with its why",
                Demo,
            ),
            ex(
                "diagasso plan --answers reponses.toml",
                "le plan d'un fichier de réponses, sans base",
                "the plan of an answers file, with no database",
                ParseOnly,
            ),
        ],
    ),
    (
        "export",
        &[
            ex(
                "diagasso export 1 --format pdf,html",
                "le rapport de l'audit 1 en PDF et en HTML",
                "the report of audit 1 as PDF and HTML",
                Demo,
            ),
            ex(
                "diagasso export 1 --format annonce --anonymise --out -",
                "la petite annonce anonymisée, sur la sortie standard",
                "the anonymised listing, on standard output",
                Demo,
            ),
            ex(
                "diagasso export --all --format csv --anonymise",
                "tous les audits dans un tableau, sans données personnelles",
                "every audit in one table, without personal data",
                Demo,
            ),
        ],
    ),
    (
        "import",
        &[ex(
            "diagasso import jardins.json",
            "reprend un audit exporté avec --format json",
            "takes back an audit exported with --format json",
            ParseOnly,
        )],
    ),
    (
        "workshop",
        &[
            ex(
                "diagasso workshop new --name \"Atelier numérique du 14 mars\" --date 2027-03-14",
                "crée un atelier",
                "creates a workshop",
                Nothing,
            ),
            ex(
                "diagasso workshop list",
                "les ateliers enregistrés",
                "the stored workshops",
                Demo,
            ),
        ],
    ),
    (
        "workshop new",
        &[ex(
            "diagasso workshop new --name \"Atelier numérique du 14 mars\" --date 2027-03-14 --place \"Maison des associations\"",
            "un atelier, son lieu, le questionnaire express",
            "a workshop, its place, the express questionnaire",
            Nothing,
        )],
    ),
    (
        "workshop add",
        &[
            ex(
                "diagasso workshop add --answers reponses.toml \"Atelier numérique du 14 mars\"",
                "une association de plus, depuis son fichier de réponses",
                "one more association, from its answers file",
                ParseOnly,
            ),
            ex(
                "diagasso workshop add --audit 1 \"Atelier numérique du 14 mars\"",
                "un audit déjà enregistré",
                "an audit already stored",
                ParseOnly,
            ),
        ],
    ),
    (
        "workshop list",
        &[ex(
            "diagasso workshop list",
            "chaque atelier, sa date et ses associations",
            "each workshop, its date and its associations",
            Demo,
        )],
    ),
    (
        "workshop show",
        &[ex(
            "diagasso workshop show \"Atelier numérique du 14 mars\"",
            "le tableau de bord de l'atelier",
            "the workshop's dashboard",
            ParseOnly,
        )],
    ),
    (
        "workshop export",
        &[ex(
            "diagasso workshop export \"Atelier numérique du 14 mars\" --format html,csv --anonymise",
            "le tableau de bord à partager, associations numérotées",
            "the dashboard to share, associations numbered",
            ParseOnly,
        )],
    ),
    (
        "workshop pool",
        &[
            ex(
                "diagasso workshop pool --all",
                "les besoins que plusieurs associations d'une zone partagent",
                "needs that several associations of an area share",
                Demo,
            ),
            ex(
                "diagasso workshop pool \"Atelier numérique du 14 mars\" --json",
                "ceux d'un atelier, pour un script",
                "those of one workshop, for a script",
                ParseOnly,
            ),
        ],
    ),
    (
        "workshop annonce",
        &[ex(
            "diagasso workshop annonce email@dep-35",
            "la petite annonce commune d'un groupe nommé par workshop pool",
            "the joint listing of a group named by workshop pool",
            ParseOnly,
        )],
    ),
    (
        "bundle",
        &[
            ex(
                "diagasso bundle export --all tout.diagasso.json",
                "toute la base dans un paquet",
                "the whole database in one bundle",
                Demo,
            ),
            ex(
                "diagasso bundle import paquets/",
                "fusionne les paquets reçus d'autres formateurs",
                "merges the bundles received from other trainers",
                ParseOnly,
            ),
        ],
    ),
    (
        "bundle export",
        &[
            ex(
                "diagasso bundle export --association 1 jardins.diagasso.json",
                "les audits d'une association, pour un autre formateur",
                "an association's audits, for another trainer",
                Demo,
            ),
            ex(
                "diagasso bundle export --workshop \"Atelier numérique du 14 mars\" atelier.diagasso.json",
                "les audits d'un atelier",
                "a workshop's audits",
                ParseOnly,
            ),
        ],
    ),
    (
        "bundle import",
        &[
            ex(
                "diagasso bundle import jardins.diagasso.json",
                "fusionne un paquet dans la base",
                "merges one bundle into the database",
                ParseOnly,
            ),
            ex(
                "diagasso bundle import paquets/ --json",
                "tous les paquets d'un dossier, le bilan en JSON",
                "every bundle of a folder, the summary as JSON",
                ParseOnly,
            ),
        ],
    ),
    (
        "followup",
        &[
            ex(
                "diagasso followup start 1",
                "un an après, un audit de suivi de l'audit 1",
                "a year later, a follow-up audit of audit 1",
                Demo,
            ),
            ex(
                "diagasso followup show 2",
                "ce qui reste à confirmer dans le suivi",
                "what is left to confirm in the follow-up",
                Followup,
            ),
        ],
    ),
    (
        "followup start",
        &[ex(
            "diagasso followup start 1",
            "repart de l'audit 1, rien n'est recopié",
            "starts from audit 1, nothing is copied",
            Demo,
        )],
    ),
    (
        "followup show",
        &[ex(
            "diagasso followup show 2",
            "les réponses précédentes et où elles en sont",
            "the previous answers and where they stand",
            Followup,
        )],
    ),
    (
        "followup confirm",
        &[
            ex(
                "diagasso followup confirm 2 --question assoc_accounts",
                "une réponse précédente reste vraie",
                "one previous answer still holds",
                ParseOnly,
            ),
            ex(
                "diagasso followup confirm 2 --all-unchanged",
                "toutes les réponses encore à confirmer restent vraies",
                "every answer still to confirm still holds",
                Followup,
            ),
        ],
    ),
    (
        "compare",
        &[
            ex(
                "diagasso compare 1 2",
                "ce qui a changé entre l'audit 1 et son suivi, l'audit 2",
                "what changed between audit 1 and its follow-up, audit 2",
                Followup,
            ),
            ex(
                "diagasso compare 1 2 --format md,html --out comparaison/",
                "la même chose, dans des fichiers",
                "the same, in files",
                Followup,
            ),
        ],
    ),
    (
        "import-submissions",
        &[
            ex(
                "diagasso import-submissions reponses.csv --dry-run",
                "vérifie un export KoboToolbox, ODK ou Nextcloud Forms sans rien enregistrer",
                "checks a KoboToolbox, ODK or Nextcloud Forms export, storing nothing",
                ParseOnly,
            ),
            ex(
                "diagasso import-submissions reponses.xlsx --questionnaire atelier-express",
                "un audit par ligne",
                "one audit per row",
                ParseOnly,
            ),
        ],
    ),
    (
        "completions",
        &[
            ex(
                "diagasso completions bash > ~/.local/share/bash-completion/completions/diagasso",
                "la complétion pour bash",
                "completion for bash",
                Nothing,
            ),
            ex(
                "diagasso completions fish > ~/.config/fish/completions/diagasso.fish",
                "pour fish",
                "for fish",
                Nothing,
            ),
        ],
    ),
    (
        "config",
        &[
            ex(
                "diagasso config show",
                "chaque réglage et d'où il vient",
                "each setting and where it comes from",
                Nothing,
            ),
            ex(
                "diagasso config set trainer.name \"Dominique Martin\"",
                "le nom inscrit sur les nouveaux audits",
                "the name recorded on new audits",
                Nothing,
            ),
        ],
    ),
    (
        "config show",
        &[
            ex(
                "diagasso config show",
                "valeur et source de chaque réglage",
                "value and source of each setting",
                Nothing,
            ),
            ex(
                "diagasso config show --json",
                "pour un script",
                "for a script",
                Nothing,
            ),
        ],
    ),
    (
        "config path",
        &[ex(
            "diagasso config path",
            "où est le fichier de réglages",
            "where the settings file is",
            Nothing,
        )],
    ),
    (
        "config set",
        &[
            ex(
                "diagasso config set theme light",
                "le thème clair",
                "the light theme",
                Nothing,
            ),
            ex(
                "diagasso config set export_folder ~/diagnostics",
                "où vont les exports",
                "where exports go",
                Nothing,
            ),
            ex(
                "diagasso config set language en",
                "l'anglais, quelle que soit la locale",
                "English, whatever the locale",
                Nothing,
            ),
        ],
    ),
    (
        "config unset",
        &[ex(
            "diagasso config unset theme",
            "le thème redevient celui par défaut",
            "the theme goes back to its default",
            Nothing,
        )],
    ),
    (
        "manpage",
        &[ex(
            "diagasso manpage > diagasso.1",
            "la page de manuel, à lire avec man ./diagasso.1",
            "the manual page, to read with man ./diagasso.1",
            Nothing,
        )],
    ),
];

/// The examples of the subcommand at `path`.
pub fn of(path: &str) -> &'static [Example] {
    EXAMPLES
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(&[], |(_, e)| e)
}

/// The examples section of a long help in `lang`; `None` for a path without examples.
pub fn after_long_help(path: &str, lang: Lang) -> Option<String> {
    let list = of(path);
    if list.is_empty() {
        return None;
    }
    let w = super::words(lang);
    let mut out = String::from(w.examples);
    for e in list {
        let what = super::sentence(lang.pick(e.fr, e.en), false);
        let what = crate::i18n::typo::punct(lang, &what);
        out.push_str(&format!("\n  {}\n      {what}", e.line));
    }
    Some(out)
}
