//! `diagasso workshop pool [WORKSHOP|--all] [--json]` and `diagasso workshop annonce GROUP...
//! [--workshop W]`: the pooled needs of a workshop or of the whole database, and the joint,
//! anonymised listing of chosen groups (group ids as `pool` prints them, `need@area`).

use std::fmt::Write;
use std::process::ExitCode;

use serde_json::json;

use super::find;
use crate::cli::Context;
use crate::cli::audits::{fail, say};
use crate::i18n::{Lang, Message};
use crate::store::Scope;
use crate::workshop::{Pools, PoolsBuilder, annonce};

#[derive(Debug, clap::Args)]
pub struct PoolArgs {
    /// Atelier (sinon toute la base) / workshop (else the whole database).
    #[arg(conflicts_with = "all")]
    pub workshop: Option<String>,
    /// Toute la base / the whole database.
    #[arg(long)]
    pub all: bool,
    /// Sortie JSON / JSON output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct AnnonceArgs {
    /// Groupes, comme `workshop pool` les nomme (besoin@zone) / groups as `workshop pool`
    /// names them (need@area).
    #[arg(required = true)]
    pub groups: Vec<String>,
    /// Chercher les groupes dans cet atelier (sinon toute la base) / look for the groups in
    /// this workshop (else the whole database).
    #[arg(long)]
    pub workshop: Option<String>,
}

/// The pools of a workshop (`Some`) or of the database, with the workshop's id.
fn compute(ctx: &Context, workshop: Option<&str>) -> Result<(Pools, Option<String>), ExitCode> {
    let mut store = crate::cli::audits::open_existing(ctx)?;
    let id = match workshop {
        Some(key) => Some(find(ctx, &store, key)?.id),
        None => None,
    };
    let catalog = crate::cli::catalog::effective(ctx)?;
    let scope = id.as_deref().map_or(Scope::All, Scope::Workshop);
    // One audit at a time (the latest of each association), dropped once its members are
    // taken: memory is the groups', not the answers of every audit.
    let mut builder = PoolsBuilder::new(&catalog);
    store
        .each_latest_facts(scope, |f, q| builder.add(f, q))
        .map_err(|e| fail(ctx, &e))?;
    Ok((builder.finish(), id))
}

pub fn pool(ctx: &Context, a: &PoolArgs) -> ExitCode {
    let (p, id) = match compute(ctx, a.workshop.as_deref()) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if a.json {
        outln!(
            "{}",
            json!({ "workshop": id, "groups": p.groups, "unserved": p.unserved })
        );
    } else {
        out!("{}", text(&p, id.as_deref(), ctx.lang));
    }
    ExitCode::SUCCESS
}

pub fn annonce(ctx: &Context, a: &AnnonceArgs) -> ExitCode {
    let (p, _) = match compute(ctx, a.workshop.as_deref()) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let mut out = Vec::new();
    for g in &a.groups {
        match p.group(g.trim()) {
            Some(group) => out.push(annonce::render(group)),
            None => {
                return say(
                    ctx.lang,
                    &Message::new(
                        format!(
                            "groupe inconnu « {g} » : voyez `diagasso workshop pool` (avec le même atelier) pour les groupes."
                        ),
                        format!(
                            "unknown group '{g}': see `diagasso workshop pool` (with the same workshop) for the groups."
                        ),
                    ),
                );
            }
        }
    }
    out!("{}", out.join("\n-----\n\n"));
    ExitCode::SUCCESS
}

fn text(p: &Pools, workshop: Option<&str>, lang: Lang) -> String {
    let mut s = String::new();
    if p.groups.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            lang.pick(
                "Aucun groupe : pas deux associations d'une même zone avec un même besoin non couvert par du logiciel libre qu'un hébergeur du catalogue pourrait servir.",
                "No group: no two associations of one area with the same need not met by free software that a catalogue host could serve.",
            )
        );
    }
    for g in &p.groups {
        let _ = writeln!(
            s,
            "{}  {} — {} ({} associations)",
            g.id,
            g.need_label.get(lang),
            g.area.label.get(lang),
            g.members.len()
        );
        for m in &g.members {
            let tools = if m.tools.is_empty() {
                lang.pick("pas d'outil", "no tool").to_string()
            } else {
                m.tools.join(", ")
            };
            let _ = writeln!(s, "    - {} ({tools})", m.name);
        }
        let _ = writeln!(
            s,
            "  {}",
            lang.pick("Hébergeurs possibles :", "Possible hosts:")
        );
        for h in &g.hosts {
            let place = h.place.as_deref().unwrap_or("");
            let price = h.price.stated.as_ref().map_or_else(
                || lang.pick("tarif à vérifier", "price to check").to_string(),
                |t| t.get(lang).to_string(),
            );
            let _ = writeln!(s, "    - {} [{place}] — {price}", h.name);
        }
        let _ = writeln!(
            s,
            "  {}",
            lang.pick(
                "Ce que la mise en commun changerait :",
                "What pooling would change:"
            )
        );
        for c in &g.changes {
            let _ = writeln!(s, "    · {}", c.get(lang));
        }
        let scope = workshop.map_or_else(String::new, |w| format!(" --workshop {w}"));
        let _ = writeln!(
            s,
            "  {} diagasso workshop annonce{scope} {}\n",
            lang.pick("Annonce commune :", "Joint listing:"),
            g.id
        );
    }
    if !p.unserved.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            lang.pick(
                "Besoins partagés sans hébergeur au catalogue :",
                "Shared needs with no host in the catalogue:"
            )
        );
        for u in &p.unserved {
            let _ = writeln!(
                s,
                "  {}  {} — {} ({} associations)",
                u.id,
                u.need_label.get(lang),
                u.area.label.get(lang),
                u.members
            );
        }
    }
    s
}
