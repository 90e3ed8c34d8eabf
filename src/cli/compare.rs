//! `diagasso compare OLD NEW [--json] [--format md,html --out DIR --force]`: what changed
//! between two audits of an association (`crate::compare`), as text, JSON, or files
//! (`export::compare`, never replacing a file without `--force`).

use std::path::PathBuf;
use std::process::ExitCode;

use super::Context;
use super::audits::{fail, open_existing, say};
use super::export::{is_stdout, out_dir, write_files};
use crate::audit::{Association, Audit};
use crate::compare::{ChangeKind, Comparison, Side, compare};
use crate::export::escape::file_stem;
use crate::export::{Templates, compare as render};
use crate::i18n::{Lang, Message};
use crate::questionnaire::Questionnaire;
use crate::store::{Store, StoreError};

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// L'audit le plus ancien / the earlier audit.
    pub old: String,
    /// L'audit le plus récent / the later audit.
    pub new: String,
    /// Sortie JSON / JSON output.
    #[arg(long)]
    pub json: bool,
    /// Écrire des fichiers : md, html (séparés par des virgules) / write files: md, html
    /// (comma-separated).
    #[arg(long, short, value_delimiter = ',')]
    pub format: Vec<String>,
    /// Dossier de sortie, ou - pour la sortie standard (avec un seul format) / output folder, or
    /// - for standard output (with one format only).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    /// Remplacer les fichiers existants / overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

type Loaded = (std::sync::Arc<Questionnaire>, Audit, Association);

fn load(store: &mut Store, id: &str) -> Result<Loaded, StoreError> {
    let id = crate::app::reference::resolve(store, crate::store::RefKind::Audit, id)?;
    let o = store.open_audit(&id)?;
    Ok((o.questionnaire, o.audit, o.association))
}

pub fn run(ctx: &Context, a: &CompareArgs) -> ExitCode {
    let lang = ctx.lang;
    for f in &a.format {
        if !matches!(f.trim(), "md" | "html") {
            return say(
                lang,
                &Message::new(
                    format!("format inconnu « {f} » (md, html)"),
                    format!("unknown format '{f}' (md, html)"),
                ),
            );
        }
    }
    let mut store = match open_existing(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let (old, new) = match (
        load(&mut store, a.old.trim()),
        load(&mut store, a.new.trim()),
    ) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => return fail(ctx, &e),
    };
    if old.2.id != new.2.id {
        errln!(
            "{}",
            lang.pick(
                "Attention : ces deux audits ne sont pas de la même association.",
                "Note: these two audits are not of the same association.",
            )
        );
    }
    let catalog = match super::catalog::effective(ctx) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let c = compare(
        Side {
            questionnaire: &old.0,
            audit: &old.1,
            association: &old.2,
        },
        Side {
            questionnaire: &new.0,
            audit: &new.1,
            association: &new.2,
        },
        &catalog,
    );
    let name = new.2.name.clone();
    if a.json {
        outln!("{}", serde_json::json!(c));
    } else if a.format.is_empty() {
        out!("{}", text(&c, &name, lang));
    }
    let templates = Templates::embedded();
    let stem = format!(
        "suivi-{}-{}",
        file_stem(&name, "association"),
        c.after_started.get(..10).unwrap_or_default()
    );
    let mut files = Vec::new();
    for f in a.format.iter().map(|f| f.trim()) {
        let out = if f == "md" {
            render::markdown(&c, &name, lang, &templates)
        } else {
            render::html(&c, &name, lang, &templates)
        };
        match out {
            Ok(s) => files.push((format!("{stem}.{f}"), s.into_bytes())),
            Err(e) => return say(lang, &e.0),
        }
    }
    if files.is_empty() {
        return ExitCode::SUCCESS;
    }
    if !is_stdout(&a.out)
        && let Err(m) = out_dir(&a.out)
    {
        return say(lang, &m);
    }
    // A comparison names the association and its answers: private.
    match write_files(&a.out, &files, a.force, true) {
        Ok(paths) => {
            for p in paths {
                outln!("{}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(m) => say(lang, &m),
    }
}

fn text(c: &Comparison, name: &str, lang: Lang) -> String {
    let mut s = String::new();
    let date = |t: &str| t.get(..10).unwrap_or(t).to_string();
    s.push_str(&match lang {
        Lang::Fr => format!(
            "Suivi de « {name} » : {} → {}\n",
            date(&c.before_started),
            date(&c.after_started)
        ),
        Lang::En => format!(
            "Follow-up of '{name}': {} → {}\n",
            date(&c.before_started),
            date(&c.after_started)
        ),
    });
    let changed: Vec<_> = c.changed().collect();
    s.push_str(&format!(
        "\n{} ({})\n",
        lang.pick("Réponses modifiées", "Changed answers"),
        changed.len()
    ));
    let dash = |t: &str| {
        if t.is_empty() {
            "—".to_string()
        } else {
            t.to_string()
        }
    };
    for ch in &changed {
        let kind = match ch.kind {
            ChangeKind::Added => lang.pick(" (nouvelle)", " (new)"),
            ChangeKind::Removed => lang.pick(" (retirée)", " (removed)"),
            _ => "",
        };
        s.push_str(&format!(
            "  - {}{kind}\n      {} : {}\n      {} : {}\n",
            ch.label.get(lang),
            lang.pick("avant", "before"),
            dash(ch.before_text.get(lang)),
            lang.pick("après", "after"),
            dash(ch.after_text.get(lang)),
        ));
    }
    let unchanged = c.changes.len() - changed.len() - c.not_yet_asked();
    s.push_str(&format!(
        "  {}\n",
        super::counted::unchanged(lang, unchanged)
    ));
    if c.not_yet_asked() > 0 {
        let n = super::counted::not_asked_yet(lang, c.not_yet_asked());
        s.push_str(&format!("  {n}\n"));
    }
    s.push_str(&format!(
        "\n{}\n",
        lang.pick(
            "Scores (1 dépendant … 4 autonome)",
            "Scores (1 dependent … 4 autonomous)"
        )
    ));
    let level = |l: Option<u8>| l.map_or_else(|| "?".to_string(), |l| l.to_string());
    for sc in &c.scores {
        let arrow = match (sc.before, sc.after) {
            (Some(b), Some(a)) if a > b => "▲",
            (Some(b), Some(a)) if a < b => "▼",
            _ => "",
        };
        s.push_str(&format!(
            "  {:<32} {} → {} {arrow}\n",
            sc.label.get(lang),
            level(sc.before),
            level(sc.after)
        ));
    }
    s.push_str(&format!(
        "\n{} : {} / {}\n",
        lang.pick(
            "Étapes faites de la feuille de route précédente",
            "Steps done of the previous roadmap"
        ),
        c.done(),
        c.steps.len()
    ));
    for st in &c.steps {
        let mark = if st.state == crate::compare::StepState::Done {
            "[x]"
        } else {
            "[ ]"
        };
        s.push_str(&format!(
            "  {mark} {} — {}\n",
            st.title.get(lang),
            st.state.label().get(lang)
        ));
    }
    s
}
