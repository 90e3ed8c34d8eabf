//! The JSON export as it lies in a file, version by version, and the way between each version
//! and the [`AuditExport`] in memory.
//!
//! - Schema 1 (diagasso before the compact format): the plan whole, the questionnaire's TOML
//!   as plain text. Read only.
//! - Schema 2: the plan with what it repeats written once (`pack`), the questionnaire's TOML
//!   gzip-compressed then base64-encoded (`source_gzip_base64`; `base64 -d | gunzip` gives it
//!   back). Written and read.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::pack::{self, Broken};
use super::shared::{AnswerEntry, FactEntry, Ordered, ProfileEntry, SharedMaps, TraceEntry};
use super::{AuditExport, MAX_BYTES, QuestionnaireCopy};
use crate::audit::{Association, Audit};
use crate::export::ExportError;
use crate::i18n::Lang;

/// Schema 1, read as it was written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct V1 {
    /// Checked before (`parse`).
    #[serde(rename = "format")]
    pub _format: String,
    pub schema_version: u32,
    pub lang: Lang,
    pub anonymised: bool,
    pub departement: Option<String>,
    pub association: Association,
    pub audit: Audit,
    pub questionnaire: QuestionnaireCopy,
    pub plan: Value,
}

impl From<V1> for AuditExport {
    fn from(v: V1) -> AuditExport {
        AuditExport {
            schema_version: v.schema_version,
            lang: v.lang,
            anonymised: v.anonymised,
            departement: v.departement,
            association: v.association,
            audit: v.audit,
            questionnaire: v.questionnaire,
            plan: v.plan,
        }
    }
}

/// The questionnaire copy of schema 2: its TOML gzip-compressed, then base64 (standard
/// alphabet, padded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireGz {
    pub id: String,
    pub version: u32,
    /// SHA-256 of the TOML text (once decompressed), hex.
    pub hash: String,
    pub source_gzip_base64: String,
}

/// Schema 2 as written: the fields in this order, the maps in the order their entries are
/// first met in the plan.
#[derive(Serialize)]
pub struct V2Out<'a> {
    pub format: &'a str,
    pub schema_version: u32,
    pub lang: Lang,
    pub anonymised: bool,
    pub departement: &'a Option<String>,
    pub association: &'a Association,
    pub audit: &'a Audit,
    pub questionnaire: QuestionnaireGz,
    pub plan: Value,
    pub providers: Ordered<Map<String, Value>>,
    pub traces: Ordered<TraceEntry>,
    pub answers_read: Ordered<AnswerEntry>,
    pub profile_read: Ordered<ProfileEntry>,
    pub facts: Ordered<FactEntry>,
    pub sources: Ordered<String>,
}

/// Schema 2 as read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct V2 {
    /// Checked before (`parse`).
    #[serde(rename = "format")]
    pub _format: String,
    pub schema_version: u32,
    pub lang: Lang,
    pub anonymised: bool,
    pub departement: Option<String>,
    pub association: Association,
    pub audit: Audit,
    pub questionnaire: QuestionnaireGz,
    pub plan: Value,
    pub providers: BTreeMap<String, Map<String, Value>>,
    pub traces: BTreeMap<String, TraceEntry>,
    pub answers_read: BTreeMap<String, AnswerEntry>,
    pub profile_read: BTreeMap<String, ProfileEntry>,
    pub facts: BTreeMap<String, FactEntry>,
    pub sources: BTreeMap<String, String>,
}

fn bad(fr: impl Into<String>, en: impl Into<String>) -> ExportError {
    ExportError::msg(fr, en)
}

/// Schema 2 of `doc`.
pub fn to_v2(doc: &AuditExport) -> Result<V2Out<'_>, ExportError> {
    let (plan, shared) = pack::pack(&doc.plan).ok_or_else(|| {
        bad(
            "le plan ne peut pas s'écrire sans perte au format JSON compact (un cas non prévu) ; \
             signalez-le aux personnes qui maintiennent diagasso avec l'audit concerné",
            "the plan cannot be written without loss in the compact JSON format (a case not \
             foreseen); report it to diagasso's maintainers with the audit concerned",
        )
    })?;
    let q = &doc.questionnaire;
    Ok(V2Out {
        format: super::FORMAT,
        schema_version: 2,
        lang: doc.lang,
        anonymised: doc.anonymised,
        departement: &doc.departement,
        association: &doc.association,
        audit: &doc.audit,
        questionnaire: QuestionnaireGz {
            id: q.id.clone(),
            version: q.version,
            hash: q.hash.clone(),
            source_gzip_base64: gzip_base64(&q.source)?,
        },
        plan,
        providers: shared.providers,
        traces: shared.traces,
        answers_read: shared.answers_read,
        profile_read: shared.profile_read,
        facts: shared.facts,
        sources: shared.sources,
    })
}

/// The export `v` describes, its plan expanded and its questionnaire decompressed.
pub fn from_v2(v: V2) -> Result<AuditExport, ExportError> {
    let maps = SharedMaps {
        providers: v.providers,
        traces: v.traces,
        answers_read: v.answers_read,
        profile_read: v.profile_read,
        facts: v.facts,
        sources: v.sources,
    };
    let plan = pack::unpack(&v.plan, &maps).map_err(|b| {
        let (fr, en) = match b {
            Broken::Missing { map, key } => {
                let key = super::one_line(&key);
                (
                    format!("le plan renvoie à « {key} », absent de « {map} »"),
                    format!("the plan refers to '{key}', missing from '{map}'"),
                )
            }
            Broken::Looped { key } => {
                let key = super::one_line(&key);
                (
                    format!(
                        "la trace « {key} » se prolonge elle-même ou au-delà de {} traces (extends)",
                        pack::MAX_CHAIN
                    ),
                    format!(
                        "trace '{key}' extends itself or more than {} traces",
                        pack::MAX_CHAIN
                    ),
                )
            }
            Broken::TooBig => (
                format!(
                    "le plan dépasserait {} Mo une fois ses renvois développés",
                    pack::MAX_EXPANDED >> 20
                ),
                format!(
                    "the plan would exceed {} MB once its references are expanded",
                    pack::MAX_EXPANDED >> 20
                ),
            ),
        };
        bad(
            format!("export mal formé : {fr} ; refaites l'export avec diagasso"),
            format!("malformed export: {en}; export it again with diagasso"),
        )
    })?;
    let q = v.questionnaire;
    Ok(AuditExport {
        schema_version: v.schema_version,
        lang: v.lang,
        anonymised: v.anonymised,
        departement: v.departement,
        association: v.association,
        audit: v.audit,
        questionnaire: QuestionnaireCopy {
            source: gunzip_base64(&q.source_gzip_base64)?,
            id: q.id,
            version: q.version,
            hash: q.hash,
        },
        plan,
    })
}

/// `text` gzip-compressed (no name, time 0, "unknown" system: the same text always gives the
/// same bytes), then base64.
pub fn gzip_base64(text: &str) -> Result<String, ExportError> {
    let fail = |e: std::io::Error| {
        bad(
            format!("compression du questionnaire impossible : {e}"),
            format!("cannot compress the questionnaire: {e}"),
        )
    };
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .operating_system(255)
        .write(Vec::new(), flate2::Compression::best());
    gz.write_all(text.as_bytes()).map_err(fail)?;
    let bytes = gz.finish().map_err(fail)?;
    Ok(STANDARD.encode(bytes))
}

/// The text `gzip_base64` made, refused past `MAX_BYTES` once decompressed.
pub fn gunzip_base64(b64: &str) -> Result<String, ExportError> {
    let unreadable = |fr: String, en: String| {
        bad(
            format!("questionnaire joint illisible ({fr}) ; refaites l'export avec diagasso"),
            format!("unreadable attached questionnaire ({en}); export it again with diagasso"),
        )
    };
    let bytes = STANDARD
        .decode(b64)
        .map_err(|e| unreadable(format!("base64 : {e}"), format!("base64: {e}")))?;
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut text)
        .map_err(|e| unreadable(format!("gzip : {e}"), format!("gzip: {e}")))?;
    if text.len() > MAX_BYTES {
        return Err(unreadable(
            format!("plus de {} Mo une fois décompressé", MAX_BYTES >> 20),
            format!("over {} MB once decompressed", MAX_BYTES >> 20),
        ));
    }
    String::from_utf8(text).map_err(|_| {
        unreadable(
            "texte qui n'est pas de l'UTF-8".into(),
            "text that is not UTF-8".into(),
        )
    })
}
