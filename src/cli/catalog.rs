//! `diagasso catalog list|import`: show the effective catalogue (each host with its source and
//! the age of its facts) and refresh hosts from ChatonsInfos `.properties` files into the user
//! catalogue, after showing what would change.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use super::Context;
use crate::catalog::{self, Catalog, MembershipBasis, import};
use crate::i18n::Lang;

#[derive(Debug, clap::Subcommand)]
pub enum CatalogCommand {
    /// Le catalogue effectif, chaque hébergeur avec sa source et l'âge de ses informations /
    /// the effective catalogue, each host with its source and the age of its facts.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Importe des fichiers ChatonsInfos (.properties, ou dossiers) dans le catalogue
    /// utilisateur / import ChatonsInfos files (.properties, or folders) into the user catalogue.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Écrire sans demander / write without asking.
        #[arg(long)]
        yes: bool,
    },
}

/// Where the user catalogue lives: `DIAGASSO_CATALOG`, else `<data dir>/diagasso/catalogue.toml`.
pub fn user_catalog_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DIAGASSO_CATALOG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.data_dir().join("diagasso").join("catalogue.toml"))
}

/// The effective catalogue, or a message saying which file is wrong.
pub fn effective(ctx: &Context) -> Result<Catalog, ExitCode> {
    let path = user_catalog_path();
    catalog::load_effective(path.as_deref()).map_err(|e| {
        let m = e.message(ctx.lang);
        ctx.fail(&m, &m)
    })
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn basis_label(b: MembershipBasis, lang: Lang) -> &'static str {
    match b {
        MembershipBasis::StatedByHost => lang.pick("déclaré par l'hébergeur", "stated by the host"),
        MembershipBasis::StatedByCollective => {
            lang.pick("déclaré par le collectif", "stated by the collective")
        }
        MembershipBasis::StatedByThirdParty => {
            lang.pick("selon un tiers", "stated by a third party")
        }
        MembershipBasis::Implied => lang.pick("implicite (à vérifier)", "implied (to check)"),
    }
}

pub fn run(ctx: &Context, cmd: &CatalogCommand) -> ExitCode {
    match cmd {
        CatalogCommand::List { json } => list(ctx, *json),
        CatalogCommand::Import { paths, yes } => import_files(ctx, paths, *yes),
    }
}

fn list(ctx: &Context, json: bool) -> ExitCode {
    let cat = match effective(ctx) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let today = today();
    if json {
        let hosts: Vec<_> = cat
            .hosts
            .iter()
            .map(|h| {
                let mut v = serde_json::to_value(h).unwrap_or_default();
                let origin = if cat.user_host_ids.contains(&h.id) {
                    "user"
                } else {
                    "shipped"
                };
                if let Some(o) = v.as_object_mut() {
                    o.insert("origin".into(), json!(origin));
                    o.insert("age_months".into(), json!(h.seen.age_in_months(today)));
                }
                v
            })
            .collect();
        let out = json!({
            "as_of": cat.as_of.to_string(),
            "user_file": cat.user_file,
            "counts": {
                "needs": cat.needs.len(), "tools": cat.tools.len(), "software": cat.software.len(),
                "offers": cat.offers.len(), "hosts": cat.hosts.len(),
            },
            "offers": cat.offers,
            "hosts": hosts,
        });
        outln!("{out}");
        return ExitCode::SUCCESS;
    }
    let l = ctx.lang;
    outln!(
        "{}",
        l.pick(
            &format!(
                "Catalogue au {} : {} besoins, {} outils, {} logiciels libres, {} offres, {} hébergeurs",
                cat.as_of, cat.needs.len(), cat.tools.len(), cat.software.len(), cat.offers.len(), cat.hosts.len()
            ),
            &format!(
                "Catalogue as of {}: {} needs, {} tools, {} free software, {} offers, {} hosts",
                cat.as_of, cat.needs.len(), cat.tools.len(), cat.software.len(), cat.offers.len(), cat.hosts.len()
            ),
        )
    );
    if let Some(f) = &cat.user_file {
        outln!(
            "{} {f}",
            l.pick("Catalogue utilisateur :", "User catalogue:")
        );
    }
    outln!();
    for h in &cat.hosts {
        let origin = if cat.user_host_ids.contains(&h.id) {
            l.pick("import", "import")
        } else {
            l.pick("livré", "shipped")
        };
        let age = h.seen.age_in_months(today);
        let source = h.sources.first().map(String::as_str).unwrap_or("—");
        outln!(
            "{:<22} {:<28} {} ({} {}) · {} · {} · {}",
            h.id,
            h.name,
            h.seen,
            age,
            l.pick("mois", "months"),
            basis_label(h.membership_evidence.basis, l),
            origin,
            source
        );
    }
    ExitCode::SUCCESS
}

fn import_files(ctx: &Context, paths: &[PathBuf], yes: bool) -> ExitCode {
    let l = ctx.lang;
    let Some(user) = user_catalog_path() else {
        return ctx.fail(
            "dossier de données introuvable : indiquez DIAGASSO_CATALOG=CHEMIN",
            "no data folder found: set DIAGASSO_CATALOG=PATH",
        );
    };
    let plan = match import::prepare_paths(paths, &user, today()) {
        Ok(p) => p,
        Err(e) => {
            let m = e.message(l);
            errln!("{m}");
            errln!(
                "{}",
                l.pick("Rien n'a été importé.", "Nothing was imported.")
            );
            return ExitCode::FAILURE;
        }
    };
    for n in &plan.notices {
        errln!("{}", n.message(l));
    }
    for h in &plan.added {
        outln!("+ {} ({})", h.name, h.id);
    }
    for c in &plan.changed {
        let fields: Vec<&str> = c.fields.iter().map(|f| f.field.as_str()).collect();
        outln!("~ {} ({}) : {}", c.name, c.id, fields.join(", "));
    }
    for a in &plan.absent {
        let note = l.pick("absent des fichiers, conservé", "not in the files, kept");
        outln!("  {} ({}) — {note}", a.name, a.id);
    }
    outln!(
        "{}",
        l.pick(
            &format!(
                "{} ajouté(s), {} modifié(s), {} inchangé(s), {} absent(s)",
                plan.added.len(),
                plan.changed.len(),
                plan.unchanged.len(),
                plan.absent.len()
            ),
            &format!(
                "{} added, {} changed, {} unchanged, {} absent",
                plan.added.len(),
                plan.changed.len(),
                plan.unchanged.len(),
                plan.absent.len()
            ),
        )
    );
    if plan.is_empty() {
        outln!("{}", l.pick("Rien à écrire.", "Nothing to write."));
        return ExitCode::SUCCESS;
    }
    if !yes && !confirm(l, &user) {
        outln!(
            "{}",
            l.pick(
                "Import annulé : rien n'a été écrit.",
                "Import cancelled: nothing was written."
            )
        );
        return ExitCode::FAILURE;
    }
    match import::write_user_catalog(&user, &plan.user_file) {
        Ok(()) => {
            outln!(
                "{} {}",
                l.pick("Catalogue utilisateur écrit :", "User catalogue written:"),
                user.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            let m = e.message(l);
            ctx.fail(&m, &m)
        }
    }
}

/// Ask on standard input; No unless the answer is yes. A non-interactive input never confirms.
fn confirm(lang: Lang, path: &Path) -> bool {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        errln!(
            "{}",
            lang.pick(
                "Entrée non interactive : relancez avec --yes pour écrire.",
                "Non-interactive input: run again with --yes to write."
            )
        );
        return false;
    }
    out!(
        "{} ",
        lang.pick(
            &format!("Écrire ces changements dans {} ? [o/N]", path.display()),
            &format!("Write these changes to {}? [y/N]", path.display())
        )
    );
    let _ = std::io::stdout().flush();
    let mut line = Vec::new();
    if !matches!(
        crate::bounded::read_line(&mut stdin.lock(), 1024, &mut line),
        Ok(crate::bounded::Line::Read)
    ) {
        return false;
    }
    matches!(
        String::from_utf8_lossy(&line)
            .trim()
            .to_lowercase()
            .as_str(),
        "o" | "oui" | "y" | "yes"
    )
}
