//! Risks: what could hurt the association during or after the move, each raised by a signal in
//! the answers (`risks.signal`) with what to do about it, and the "je ne sais pas" on questions
//! the plan needs, listed as « à trouver » (`risks.unknown`).
//!
//! | signal | risk |
//! |---|---|
//! | `health-data` | health data needs a certified host (HDS in France): not Frama.space |
//! | `sensitive-data` | special-category data (GDPR art. 9): restricted access, care with hosts |
//! | `minors-data` | minors' data: parental consent under 15 in France |
//! | `single-admin` | one person holds every access |
//! | `shared-passwords` | passwords shared in clear |
//! | `no-backups` | no backup |
//! | `accounting-records` (or a membership/accounting tool in use) | accounting documents are kept 10 years (France) |
//! | `no-gdpr-register` | no GDPR record of processing |
//! | `personal-accounts` | association data in volunteers' personal accounts |
//!
//! A question "the plan needs" has a `quantity`, a `role`, or choices with `tool`, `needs` or
//! `signals` tags.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Text, typo};

use super::needs::NeedUse;
use super::read::Read;
use super::trace::{AnswerRead, Trace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    High,
    Medium,
    Low,
}

/// One risk and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Risk {
    pub id: String,
    pub severity: Severity,
    pub title: Text,
    pub detail: Text,
    pub action: Text,
    pub trace: Trace,
}

/// A "je ne sais pas" the plan needs answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToFind {
    pub question: String,
    pub label: Text,
    /// Why the plan needs it.
    pub why: Text,
    /// It changes a decision (Frama.space quotas, hosting budget), not only a detail.
    pub blocking: bool,
    /// What the answer would tell.
    pub about: Topic,
}

/// What a missing answer would tell the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// A number (accounts, storage, budget…).
    Quantity,
    /// The tools used and the needs.
    Tools,
    /// Risks (security, data).
    Risks,
    /// A rating (dependency, skills…).
    Rating,
}

type Entry = (
    &'static str,
    Severity,
    [&'static str; 2],
    [&'static str; 2],
    [&'static str; 2],
);

const SIGNALS: &[Entry] = &[
    (
        "health-data",
        Severity::High,
        ["Données de santé", "Health data"],
        [
            "Des données de santé doivent être hébergées chez un hébergeur certifié HDS (Code de la santé publique, art. L1111-8). Frama.space n'est pas fait pour elles, et la plupart des hébergeurs CHATONS ne sont pas certifiés.",
            "Health data must be hosted by a certified HDS host (French public health code, art. L1111-8). Frama.space is not meant for it, and most CHATONS hosts are not certified.",
        ],
        [
            "Garder ces données hors des outils partagés, ou chez un hébergeur certifié HDS ; ne mettre sur Frama.space ou chez un CHATONS que le reste.",
            "Keep this data out of shared tools, or with a certified HDS host; put only the rest on Frama.space or with a CHATONS host.",
        ],
    ),
    (
        "sensitive-data",
        Severity::High,
        ["Données sensibles", "Sensitive data"],
        [
            "Opinions politiques ou religieuses, appartenance syndicale, origine, vie sexuelle, condamnations : ces données sont protégées (RGPD, art. 9).",
            "Political or religious opinions, union membership, origin, sex life, convictions: this data is protected (GDPR art. 9).",
        ],
        [
            "Limiter qui y accède, ne garder que le nécessaire, choisir un hébergeur en Europe et le dire dans le registre.",
            "Limit who can reach it, keep only what is needed, choose a host in Europe and record it in the register.",
        ],
    ),
    (
        "minors-data",
        Severity::Medium,
        ["Données de mineurs", "Minors' data"],
        [
            "En France, un mineur de moins de 15 ans a besoin de l'accord de ses parents pour ses données en ligne.",
            "In France, a minor under 15 needs parental consent for their data online.",
        ],
        [
            "Recueillir l'accord des parents et limiter les données gardées.",
            "Collect parental consent and limit the data kept.",
        ],
    ),
    (
        "single-admin",
        Severity::High,
        [
            "Une seule personne détient tous les accès",
            "One person holds every access",
        ],
        [
            "Si elle part, tombe malade ou se fâche, l'association perd ses comptes et ses données.",
            "If they leave, fall ill or fall out, the association loses its accounts and data.",
        ],
        [
            "Partager les accès avec une deuxième personne, dans un gestionnaire de mots de passe (KeePassXC, Vaultwarden).",
            "Share access with a second person, in a password manager (KeePassXC, Vaultwarden).",
        ],
    ),
    (
        "shared-passwords",
        Severity::High,
        [
            "Mots de passe partagés en clair",
            "Passwords shared in clear",
        ],
        [
            "Un tableur, un message ou un papier avec les mots de passe peut être perdu, lu ou transféré.",
            "A spreadsheet, message or paper with the passwords can be lost, read or forwarded.",
        ],
        [
            "Passer à un gestionnaire de mots de passe partagé et changer les mots de passe ensuite.",
            "Move to a shared password manager, then change the passwords.",
        ],
    ),
    (
        "no-backups",
        Severity::High,
        ["Pas de sauvegarde", "No backups"],
        [
            "Une panne, un vol ou une erreur et les fichiers de l'association sont perdus — y compris pendant la migration.",
            "One failure, theft or mistake and the association's files are gone — during the move too.",
        ],
        [
            "Avant toute migration, faire une copie complète ; ensuite, une sauvegarde régulière gardée hors des locaux.",
            "Before any move, make a full copy; then a regular backup kept off site.",
        ],
    ),
    (
        "accounting-records",
        Severity::Medium,
        [
            "Pièces comptables à conserver",
            "Accounting records to keep",
        ],
        [
            "En France, les documents comptables et pièces justificatives se gardent 10 ans (Code de commerce, art. L123-22).",
            "In France, accounting documents and vouchers are kept for 10 years (Commercial code, art. L123-22).",
        ],
        [
            "Avant de changer d'outil de comptabilité, exporter et archiver les exercices passés (PDF, CSV) en deux endroits.",
            "Before changing the accounting tool, export and archive past years (PDF, CSV) in two places.",
        ],
    ),
    (
        "no-gdpr-register",
        Severity::Medium,
        ["Pas de registre RGPD", "No GDPR register"],
        [
            "Toute association qui garde des données personnelles (adhérents, bénévoles) doit tenir un registre des traitements.",
            "Any association keeping personal data (members, volunteers) must keep a record of processing.",
        ],
        [
            "Remplir le modèle de registre simplifié de la CNIL ; y noter les nouveaux outils et hébergeurs.",
            "Fill in the CNIL's simplified register template; record the new tools and hosts there.",
        ],
    ),
    (
        "personal-accounts",
        Severity::Medium,
        [
            "Données dans des comptes personnels",
            "Data in personal accounts",
        ],
        [
            "Quand un ou une bénévole part, ses comptes personnels partent avec les données de l'association.",
            "When a volunteer leaves, their personal accounts leave with the association's data.",
        ],
        [
            "Ouvrir des comptes au nom de l'association et y rapatrier les données.",
            "Open accounts in the association's name and bring the data back there.",
        ],
    ),
];

fn text(p: [&str; 2]) -> Text {
    Text::new(p[0], p[1])
}

pub(crate) fn risks(read: &Read<'_>, needs: &[NeedUse], to_find: &[ToFind]) -> Vec<Risk> {
    let mut out = Vec::new();
    for (signal, severity, title, detail, action) in SIGNALS {
        let mut reads: Vec<AnswerRead> = read.signal(signal);
        if *signal == "accounting-records" {
            // Keeping accounts in any tool means records to retain, even without the tag.
            if let Some(n) = needs
                .iter()
                .find(|n| n.need == "members-accounting" && !n.tools.is_empty())
            {
                reads.extend(n.trace.answers.iter().cloned());
            }
        }
        if reads.is_empty() {
            continue;
        }
        let mut trace = Trace::rule("risks.signal");
        trace.add_answers(reads);
        out.push(Risk {
            id: signal.to_string(),
            severity: *severity,
            title: text(*title),
            detail: text(*detail),
            action: text(*action),
            trace,
        });
    }
    if !to_find.is_empty() {
        let mut trace = Trace::rule("risks.unknown");
        trace.add_answers(
            to_find
                .iter()
                .map(|f| AnswerRead::choice(&f.question, "dont_know")),
        );
        let blocking = to_find.iter().filter(|f| f.blocking).count();
        out.push(Risk {
            id: "unknowns".into(),
            severity: if blocking > 0 { Severity::Medium } else { Severity::Low },
            title: Text::new(
                format!("{} à trouver", typo::count(Lang::Fr, to_find.len(), "réponse", "réponses")),
                format!("{} to find out", typo::count(Lang::En, to_find.len(), "answer", "answers")),
            ),
            detail: Text::new(
                format!("« Je ne sais pas » à des questions dont le plan a besoin, dont {blocking} qui {} changer une décision : le plan fait des hypothèses prudentes en attendant.", typo::plural(Lang::Fr, blocking, "peut", "peuvent")),
                format!("'Don't know' to questions the plan needs, {blocking} of which can change a decision: the plan makes careful assumptions meanwhile."),
            ),
            action: Text::new("Trouver ces réponses (voir la liste « à trouver ») puis recalculer le plan.", "Find these answers (see the 'to find out' list), then compute the plan again."),
            trace,
        });
    }
    out.sort_by_key(|r| r.severity);
    out
}

/// The "je ne sais pas" answers to questions the plan reads, those that change a decision
/// first, then in questionnaire order.
pub(crate) fn to_find(read: &Read<'_>) -> Vec<ToFind> {
    const NOT_RISKS: &[&str] = &[
        "free-software",
        "wants-training",
        "wants-support",
        "own-domain",
        "can-self-host",
        "co-editing",
    ];
    let mut out: Vec<ToFind> = read
        .dont_know()
        .filter_map(|item| {
            let q = item.question;
            let tools = q
                .choices
                .iter()
                .any(|c| c.tool.is_some() || !c.needs.is_empty());
            let pace = q
                .choices
                .iter()
                .flat_map(|c| c.signals.iter())
                .any(|s| s.starts_with("time-") || s.starts_with("pace-"));
            let risks = !pace
                && q.choices
                    .iter()
                    .flat_map(|c| c.signals.iter())
                    .any(|s| !NOT_RISKS.contains(&s.as_str()));
            let (fr, en, blocking, about) = match (q.quantity.as_deref(), q.role.as_deref()) {
                (Some("accounts" | "storage_gb"), _) => (
                    "pour savoir si Frama.space suffit (comptes, stockage)",
                    "to know whether Frama.space is enough (accounts, storage)",
                    true,
                    Topic::Quantity,
                ),
                (Some("hosting_budget_eur"), _) => (
                    "pour comparer les prix des hébergeurs au budget",
                    "to compare hosts' prices with the budget",
                    true,
                    Topic::Quantity,
                ),
                (Some("members" | "employees" | "volunteers"), _) => (
                    "pour estimer le nombre de comptes",
                    "to estimate the number of accounts",
                    false,
                    Topic::Quantity,
                ),
                (Some("visio_participants"), _) => (
                    "pour savoir si la visio de Frama.space suffit",
                    "to know whether Frama.space's video calls are enough",
                    false,
                    Topic::Quantity,
                ),
                (Some(_), _) => (
                    "pour dimensionner l'hébergement",
                    "to size the hosting",
                    false,
                    Topic::Quantity,
                ),
                (None, Some("lock-in")) => (
                    "pour mesurer la dépendance aux outils actuels",
                    "to measure dependency on current tools",
                    false,
                    Topic::Rating,
                ),
                (None, Some("skills")) => (
                    "pour savoir qui peut mener les étapes",
                    "to know who can carry out the steps",
                    false,
                    Topic::Rating,
                ),
                (None, Some(_)) => (
                    "pour régler le rythme du plan",
                    "to set the pace of the plan",
                    false,
                    Topic::Rating,
                ),
                (None, None) if pace => (
                    "pour régler le rythme du plan",
                    "to set the pace of the plan",
                    false,
                    Topic::Rating,
                ),
                (None, None) if tools && risks => (
                    "pour connaître les outils et repérer les risques",
                    "to know the tools and spot risks",
                    false,
                    Topic::Tools,
                ),
                (None, None) if tools => (
                    "pour connaître les outils et les besoins",
                    "to know the tools and needs",
                    false,
                    Topic::Tools,
                ),
                (None, None) if risks => (
                    "pour repérer les risques (sécurité, données)",
                    "to spot risks (security, data)",
                    false,
                    Topic::Risks,
                ),
                (None, None) => return None,
            };
            Some(ToFind {
                question: q.id.clone(),
                label: q.label.clone(),
                why: Text::new(fr, en),
                blocking,
                about,
            })
        })
        .collect();
    out.sort_by_key(|f| !f.blocking);
    out
}
