//! How to move the data of one step (`roadmap.notes`): for each tool the step leaves, the
//! catalogue's migration note from that tool **to the step's own software** (or an app or the
//! parent of it — Nextcloud Talk for Nextcloud), and only a note about this need's data (a
//! note scoped to other needs, Microsoft 365's files to Nextcloud, is not shown under its mail).
//! A note written for another software proposed for the need is never borrowed.
//!
//! Without a note: a practice (paper) is copied as it is used, originals kept; a need with no
//! data to carry (video calls, polls) says so; a chat says its history stays behind; otherwise
//! "no guide in the catalogue": export, then import.

use crate::catalog::{Catalog, Effort, Software, ToolKind};
use crate::i18n::Text;

use super::super::needs::ToolUse;

/// Needs whose current tool holds nothing to carry over: the next meetings or polls simply
/// happen on the new tool.
const NO_DATA: &[&str] = &["visio", "polls"];

/// The notes of a step, the hardest effort among them, and whether a tool had no guide.
pub(crate) struct Notes {
    pub lines: Vec<Text>,
    pub effort: Option<Effort>,
    pub missing_guide: bool,
}

/// The software and its family (its apps, its parent): where a migration note may be written.
fn family<'c>(catalog: &'c Catalog, sw: &'c Software) -> Vec<&'c Software> {
    let mut out = vec![sw];
    out.extend(catalog.software.iter().filter(|s| {
        s.part_of.as_deref() == Some(sw.id.as_str()) || sw.part_of.as_deref() == Some(s.id.as_str())
    }));
    out
}

/// The notes for moving `tools` (the tools this step leaves) to `sw` for `need`.
pub(crate) fn notes(
    catalog: &Catalog,
    need: &str,
    sw: Option<&Software>,
    tools: &[&ToolUse],
) -> Notes {
    let mut out = Notes {
        lines: Vec::new(),
        effort: None,
        missing_guide: false,
    };
    let fam = sw.map(|s| family(catalog, s)).unwrap_or_default();
    let target = sw.map_or_else(
        || Text::new("le nouvel outil", "the new tool"),
        |s| Text::new(s.name.clone(), s.name.clone()),
    );
    for tool in tools {
        let Some(id) = tool.tool.as_deref() else {
            continue;
        };
        let found = fam.iter().find_map(|s| {
            s.migration_from(id)
                .filter(|m| m.moves(need))
                .map(|m| (*s, m))
        });
        let name = &tool.name;
        if let Some((s, m)) = found {
            out.effort = out.effort.max(Some(m.effort));
            let via = match sw {
                Some(sw) if s.id != sw.id => format!(" ({})", s.name),
                _ => String::new(),
            };
            out.lines.push(Text::new(
                format!("Depuis {}{via} : {}", name.fr, m.how.fr),
                format!("From {}{via}: {}", name.en, m.how.en),
            ));
            continue;
        }
        let practice = catalog
            .tool(id)
            .is_some_and(|t| t.kind == ToolKind::Practice);
        let line = if NO_DATA.contains(&need) {
            out.effort = out.effort.max(Some(Effort::Low));
            let (fr, en) = if need == "visio" {
                ("les prochaines réunions", "the next meetings")
            } else {
                ("les prochains sondages", "the next polls")
            };
            Text::new(
                format!(
                    "Depuis {} : rien à transférer — {fr} se font sur {}, dont le lien remplace l'ancien dans les invitations.",
                    name.fr, target.fr
                ),
                format!(
                    "From {}: nothing to move — {en} happen on {}, whose link replaces the old one in invitations.",
                    name.en, target.en
                ),
            )
        } else if need == "email" {
            // Every mail service speaks IMAP: the copy is the same whatever the software.
            out.effort = out.effort.max(Some(Effort::Medium));
            Text::new(
                format!(
                    "Depuis {} : copier le courrier par IMAP vers la nouvelle boîte (imapsync, ou Thunderbird avec les deux comptes), puis faire suivre l'ancienne adresse et prévenir les correspondants.",
                    name.fr
                ),
                format!(
                    "From {}: copy the mail over IMAP to the new mailbox (imapsync, or Thunderbird with both accounts), then forward the old address and tell correspondents.",
                    name.en
                ),
            )
        } else if need == "team-chat" {
            out.effort = out.effort.max(Some(Effort::Medium));
            Text::new(
                format!(
                    "Depuis {} : l'historique ne suit pas — ouvrir les groupes sur {}, y inviter chacun et fixer une date de bascule.",
                    name.fr, target.fr
                ),
                format!(
                    "From {}: the history stays behind — open the groups on {}, invite everyone and set a switch-over date.",
                    name.en, target.en
                ),
            )
        } else if practice {
            out.effort = out.effort.max(Some(Effort::Low));
            Text::new(
                format!(
                    "Depuis {} : reprendre dans {} ce qui sert encore, au fil de l'eau ; garder les originaux.",
                    name.fr, target.fr
                ),
                format!(
                    "From {}: copy into {} what is still in use, as you go; keep the originals.",
                    name.en, target.en
                ),
            )
        } else {
            out.missing_guide = true;
            Text::new(
                format!(
                    "Depuis {} : pas de guide au catalogue — exporter les données (fichiers, CSV) puis les importer dans {}.",
                    name.fr, target.fr
                ),
                format!(
                    "From {}: no guide in the catalogue — export the data (files, CSV) then import it into {}.",
                    name.en, target.en
                ),
            )
        };
        out.lines.push(line);
    }
    out
}
