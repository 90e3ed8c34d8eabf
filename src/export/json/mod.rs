//! JSON: the whole audit (association profile, answers with their times, notes), the exact
//! questionnaire it was answered on, and the plan, versioned by `schema_version` and described
//! by `exports/schema/audit-export.schema.json`. It is what `diagasso import` reads back:
//! export → import → export gives the same bytes.
//!
//! Schema 2 (written since the compact format) says each thing once: the providers, traces,
//! answers and facts the plan cites sit in top-level maps keyed by id and the plan refers to
//! them (`pack`), the questionnaire's TOML is gzip + base64, and the layout is compact
//! (`layout`). Schema 1 files (the plan whole, the TOML as text) are still read (`wire`); both
//! give the same [`AuditExport`].
//!
//! Anonymised, it leaves out the contact, the trainer, the postcode (the département stays),
//! notes and text answers (unless `with_notes`), the ids of the audit and the association
//! (empty), an activity that names the association, and the name is replaced by activity +
//! département (unless `keep_name`).

mod layout;
pub mod pack;
mod shared;
mod unpack;
mod wire;

use serde::{Deserialize, Serialize};

use super::escape::one_line;
use super::view::{public_activity, public_name};
use super::{ExportError, Input, Options};
use crate::audit::{Answer, Association, Audit, Value};
use crate::i18n::Lang;
use crate::questionnaire::{self, Questionnaire};

pub use wire::{gunzip_base64, gzip_base64};

/// The `format` field: what kind of file this is.
pub const FORMAT: &str = "diagasso-audit-export";
/// The version of the schema this build writes.
pub const SCHEMA_VERSION: u32 = 2;
/// The largest file `parse` accepts, and the largest questionnaire it decompresses (a real
/// export is about a hundred kilobytes).
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// The questionnaire exactly as the audit was answered on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireCopy {
    pub id: String,
    pub version: u32,
    /// SHA-256 of `source`, hex.
    pub hash: String,
    /// The questionnaire file's text (TOML).
    pub source: String,
}

/// A JSON export in memory, whatever the version of its file: the plan whole, the
/// questionnaire's TOML as text.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditExport {
    /// The version written (`SCHEMA_VERSION`), or the one read.
    pub schema_version: u32,
    pub lang: Lang,
    pub anonymised: bool,
    /// The département, kept when the postcode is left out.
    pub departement: Option<String>,
    pub association: Association,
    pub audit: Audit,
    pub questionnaire: QuestionnaireCopy,
    /// The plan as `plan::plan` computed it at export time (informative: an import recomputes).
    pub plan: serde_json::Value,
}

/// Build the export document.
pub fn document(input: &Input, opts: &Options) -> AuditExport {
    let mut association = input.association.clone();
    let mut audit = input.audit.clone();
    if opts.anonymise {
        association.name = public_name(input.association, opts);
        association.activity = public_activity(input.association, opts).unwrap_or_default();
        association.contact_name.clear();
        association.contact_email.clear();
        association.postcode.clear();
        audit.trainer.clear();
        // No ids: a UUID v7 tells when the record was made and leads back to it.
        association.id.clear();
        audit.id.clear();
        audit.association_id.clear();
    }
    if !opts.shows_notes() {
        audit.notes.clear();
        audit.note.clear();
        audit
            .answers
            .retain(|_, r| !matches!(r.answer, Answer::Given(Value::Text(_))));
    }
    AuditExport {
        schema_version: SCHEMA_VERSION,
        lang: opts.lang,
        anonymised: opts.anonymise,
        departement: input.association.departement(),
        association,
        audit,
        questionnaire: QuestionnaireCopy {
            id: input.questionnaire.id.clone(),
            version: input.questionnaire.version,
            hash: input.questionnaire.hash.clone(),
            source: input.questionnaire.source.clone(),
        },
        plan: super::view::scrub_plan_value(input, opts),
    }
}

/// Render the JSON export (schema 2, with a final newline).
pub fn render(input: &Input, opts: &Options) -> Result<String, ExportError> {
    write_owned(document(input, opts))
}

/// The top-level fields broken into lines one level further down: an answer, a plan item, a
/// map entry each on its own line.
fn depth_of(top: &str) -> usize {
    match top {
        "audit" | "plan" => 3,
        _ => 2,
    }
}

/// Write `doc` in schema 2, whatever the version it was read from.
pub fn write(doc: &AuditExport) -> Result<String, ExportError> {
    write_owned(doc.clone())
}

fn write_owned(doc: AuditExport) -> Result<String, ExportError> {
    let mut s = layout::to_string(&wire::to_v2(doc)?, depth_of).map_err(|e| {
        ExportError::msg(
            format!("écriture JSON impossible : {e}"),
            format!("cannot write JSON: {e}"),
        )
    })?;
    s.push('\n');
    Ok(s)
}

fn bad(fr: impl Into<String>, en: impl Into<String>) -> ExportError {
    ExportError::msg(fr, en)
}

/// Decode a JSON export of schema 1 or 2 (the right format, a version this build reads), with
/// no check of what it holds: what [`parse`] starts from, and how a reader looks at an
/// anonymised export, which cannot be imported.
pub fn decode(bytes: &[u8]) -> Result<AuditExport, ExportError> {
    if bytes.len() > MAX_BYTES {
        return Err(bad(
            "fichier trop gros pour un export diagasso",
            "file too large for a diagasso export",
        ));
    }
    let head: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        bad(
            format!(
                "JSON illisible (ligne {}, colonne {}) : {e}",
                e.line(),
                e.column()
            ),
            format!(
                "unreadable JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    if head.get("format").and_then(|v| v.as_str()) != Some(FORMAT) {
        return Err(bad(
            format!("ce n'est pas un export diagasso (champ \"format\" différent de \"{FORMAT}\")"),
            format!("not a diagasso export (\"format\" is not \"{FORMAT}\")"),
        ));
    }
    let malformed = |e: serde_json::Error| {
        bad(
            format!("export mal formé : {e}"),
            format!("malformed export: {e}"),
        )
    };
    let doc: AuditExport = match head.get("schema_version").and_then(|v| v.as_u64()) {
        Some(1) => serde_json::from_value::<wire::V1>(head)
            .map_err(malformed)?
            .into(),
        Some(2) => wire::from_v2(serde_json::from_value(head).map_err(malformed)?)?,
        Some(v) => {
            return Err(bad(
                format!(
                    "version de schéma {v} non prise en charge (celles lues : 1 et 2) ; mettez diagasso à jour"
                ),
                format!(
                    "schema version {v} not supported (this build reads 1 and 2); update diagasso"
                ),
            ));
        }
        None => {
            return Err(bad(
                "champ \"schema_version\" manquant ; ce fichier n'a pas été écrit par diagasso export",
                "missing \"schema_version\"; this file was not written by diagasso export",
            ));
        }
    };
    Ok(doc)
}

/// Read and check a JSON export: the right format and schema version, not anonymised, ids
/// present and consistent, the questionnaire copy loads and matches its hash, and every answer
/// names one of its questions. Nothing is written anywhere; the caller imports only what
/// passed.
pub fn parse(bytes: &[u8]) -> Result<(AuditExport, Questionnaire), ExportError> {
    let doc = decode(bytes)?;
    let (a, audit) = (&doc.association, &doc.audit);
    if doc.anonymised {
        return Err(bad(
            "c'est un export anonymisé : il ne porte ni l'identité de l'association ni les identifiants de l'audit, il ne peut pas revenir dans une base (importez l'export complet)",
            "this is an anonymised export: it carries neither the association's identity nor the audit's ids, so it cannot come back into a database (import the full export)",
        ));
    }
    if a.id.trim().is_empty() || audit.id.trim().is_empty() {
        return Err(bad("identifiant vide", "empty id"));
    }
    if audit.association_id != a.id {
        return Err(bad(
            format!(
                "l'audit désigne l'association {} mais le fichier contient {}",
                one_line(&audit.association_id),
                one_line(&a.id)
            ),
            format!(
                "the audit names association {} but the file holds {}",
                one_line(&audit.association_id),
                one_line(&a.id)
            ),
        ));
    }
    let q = questionnaire::load_str("<export>", &doc.questionnaire.source).map_err(|e| {
        let all = |lang: Lang| {
            e.0.iter()
                .map(|x| x.message(lang))
                .collect::<Vec<_>>()
                .join("\n")
        };
        bad(
            format!("questionnaire joint invalide : {}", all(Lang::Fr)),
            format!("invalid attached questionnaire: {}", all(Lang::En)),
        )
    })?;
    if q.hash != doc.questionnaire.hash
        || q.id != doc.questionnaire.id
        || q.version != doc.questionnaire.version
        || audit.questionnaire.hash != q.hash
    {
        return Err(bad(
            "le questionnaire joint ne correspond pas à son empreinte ou à l'audit",
            "the attached questionnaire does not match its hash or the audit",
        ));
    }
    if let Some(unknown) = audit.answers.keys().find(|k| q.question(k).is_none()) {
        return Err(bad(
            format!(
                "réponse à une question inconnue du questionnaire : {}",
                one_line(unknown)
            ),
            format!(
                "answer to a question the questionnaire lacks: {}",
                one_line(unknown)
            ),
        ));
    }
    Ok((doc, q))
}
