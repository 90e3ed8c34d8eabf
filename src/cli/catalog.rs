//! `diagasso catalog list|show|stale|import`: show the effective catalogue (each host with its
//! source and the age of its facts), one host entirely (`show`), what to re-check before a
//! workshop (`stale`), and refresh hosts from ChatonsInfos `.properties` files into the user
//! catalogue, after showing what would change. Text read from catalogue or ChatonsInfos files
//! reaches the terminal on one line, without control characters.

mod labels;
mod show;
mod stale;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use super::Context;
use crate::catalog::{self, Catalog, MembershipBasis, import};
use crate::export::escape;
use crate::i18n::{Lang, typo};

#[derive(Debug, clap::Subcommand)]
pub enum CatalogCommand {
    /// Le catalogue effectif, chaque hébergeur avec sa source et l'âge de ses informations /
    /// the effective catalogue, each host with its source and the age of its facts.
    List {
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Un hébergeur en entier : services, offres, inscription, preuves, âge de chaque
    /// information / one host entirely: services, offers, registration, evidence, age of each fact.
    Show {
        /// Identifiant de l'hébergeur (voir `diagasso catalog list`) / host id (see `diagasso
        /// catalog list`).
        host: String,
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Ce qu'il faut revérifier avant un atelier : informations plus vieilles que N mois, avec
    /// la source à consulter / what to re-check before a workshop: facts older than N months,
    /// with the source to look at.
    Stale {
        /// Âge en mois au-delà duquel revérifier / age in months past which to re-check.
        #[arg(long, default_value_t = 36)]
        months: i64,
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Importe des fichiers ChatonsInfos (.properties, ou dossiers lus avec leurs
    /// sous-dossiers) dans le catalogue utilisateur / import ChatonsInfos files (.properties, or
    /// folders with their sub-folders) into the user catalogue.
    Import {
        /// Fichiers .properties ou dossiers / .properties files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Écrire sans demander / write without asking.
        #[arg(long)]
        yes: bool,
    },
}

pub use crate::app::paths::user_catalog_path;

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
        CatalogCommand::Show { host, json } => show::run(ctx, host, *json),
        CatalogCommand::Stale { months, json } => stale::run(ctx, *months, *json),
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
            .map(|h| show::json_value(&cat, h, today))
            .collect();
        let day = catalog::PartialDate::day(today);
        let offers: Vec<_> = cat
            .offers
            .iter()
            .map(|o| {
                let mut v = serde_json::to_value(o).unwrap_or_default();
                let passed = o.status.as_ref().is_some_and(|s| s.closure_passed(&day));
                let open = o
                    .status
                    .as_ref()
                    .is_none_or(|s| s.state.recommendable() && !passed);
                if let Some(m) = v.as_object_mut() {
                    m.insert("open".into(), json!(open));
                    m.insert("closure_passed".into(), json!(passed));
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
            "offers": offers,
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
        let newest = h.newest_evidence();
        let source = h.sources.first().map(String::as_str).unwrap_or("—");
        let mut flags: Vec<&str> = Vec::new();
        if h.membership_evidence.has_left() {
            flags.push(l.pick("A QUITTÉ LE COLLECTIF", "LEFT THE COLLECTIVE"));
        }
        if h.membership_evidence.recheck.is_some() {
            flags.push(l.pick(
                "absent du fichier de fédération : appartenance à revérifier",
                "absent from the federation file: membership to re-check",
            ));
        }
        if h.is_stale(today) {
            flags.push(l.pick(
                "à revérifier avant de recommander",
                "to re-check before recommending",
            ));
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!(" · {}", flags.join(" · "))
        };
        outln!(
            "{:<22} {:<28} {} ({}) · {} · {} · {}{flags}",
            h.id,
            escape::one_line(&h.name),
            newest,
            typo::count(
                l,
                newest.age_in_months(today),
                "mois",
                l.pick("mois", "months")
            ),
            basis_label(h.membership_evidence.basis, l),
            origin,
            escape::one_line(source)
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
        errln!("{}", escape::one_line(&n.message(l)));
    }
    for h in &plan.added {
        outln!("+ {} ({})", escape::one_line(&h.name), h.id);
    }
    for c in &plan.changed {
        let fields: Vec<&str> = c.fields.iter().map(|f| f.field.as_str()).collect();
        outln!(
            "~ {} ({}) : {}",
            escape::one_line(&c.name),
            c.id,
            fields.join(", ")
        );
    }
    for a in &plan.absent {
        let note = l.pick("absent des fichiers, conservé", "not in the files, kept");
        outln!("  {} ({}) — {note}", escape::one_line(&a.name), a.id);
    }
    if let Some(fed) = &plan.federation {
        for a in &plan.not_in_federation {
            let note = l.pick(
                "absent du fichier de fédération : appartenance à revérifier",
                "absent from the federation file: membership to re-check",
            );
            outln!("? {} ({}) — {note}", escape::one_line(&a.name), a.id);
        }
        for id in &plan.listed_again {
            let note = l.pick(
                "de nouveau listé par le fichier de fédération",
                "listed again by the federation file",
            );
            outln!("  {id} — {note}");
        }
        outln!(
            "{} {}",
            l.pick("Fichier de fédération lu :", "Federation file read:"),
            escape::one_line(fed)
        );
    }
    let n = |k: usize, fr: (&str, &str), en: &str| match l {
        Lang::Fr => typo::count(l, k, fr.0, fr.1),
        Lang::En => format!("{k} {en}"),
    };
    outln!(
        "{}",
        [
            n(plan.added.len(), ("ajout", "ajouts"), "added"),
            n(
                plan.changed.len(),
                ("modification", "modifications"),
                "changed"
            ),
            n(plan.unchanged.len(), ("inchangé", "inchangés"), "unchanged"),
            n(
                plan.absent.len(),
                ("absent des fichiers", "absents des fichiers"),
                "absent"
            ),
            n(
                plan.not_in_federation.len(),
                (
                    "à revérifier (absent de la fédération)",
                    "à revérifier (absents de la fédération)"
                ),
                "to re-check (not in the federation)"
            ),
        ]
        .join(", ")
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
    crate::i18n::is_yes(&String::from_utf8_lossy(&line))
}
