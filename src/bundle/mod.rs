//! Bundles: the single file trainers exchange (`diagasso bundle export|import`), so a team whose
//! members each carry a laptop can merge their audits — by hand, or through a folder synced by
//! their Nextcloud client.
//!
//! A bundle is JSON, UTF-8, named `*.diagasso.json`:
//!
//! ```json
//! { "format": "diagasso-bundle", "version": 1, "created_at": "2026-03-14T17:02:11.123456Z",
//!   "checksum": "sha256:<hex of the exact bytes of content>", "content": { … } }
//! ```
//!
//! `content` holds the chosen audits (answers, notes, whole trail), their associations
//! (profile, contact included: a bundle is personal data, for the team only), the copies of the
//! questionnaires they were started with, and the workshops they belong to. Answers are written
//! as the store writes them (`state` + `value`, see `store::codec`), never through Rust type
//! names. The checksum covers the bytes of `content` exactly as they are in the file, so a
//! truncated, edited or foreign file is refused whole, naming the file, before anything is
//! written ([`parse`], then [`validate::check`]). Merging is the store's (`Store::merge_bundle`).
//! Pure: no I/O, no clock (the caller passes the time).

pub mod validate;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use crate::audit::Answer;
use crate::audit::codec;
use crate::i18n::Message;

/// The marker every bundle starts with.
pub const FORMAT: &str = "diagasso-bundle";
/// The bundle version this build writes and reads.
pub const VERSION: u32 = 1;
/// The file name ending folder mode looks for.
pub const EXTENSION: &str = ".diagasso.json";

/// A questionnaire file as an audit was started with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireCopy {
    pub hash: String,
    pub id: String,
    pub version: u32,
    pub source: String,
}

/// An association's profile with its times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssociationRec {
    pub id: String,
    pub name: String,
    pub legal_form: String,
    pub country: String,
    pub postcode: String,
    pub activity: String,
    pub members: Option<u32>,
    pub employees: Option<u32>,
    pub volunteers: Option<u32>,
    pub budget_eur: Option<u64>,
    pub contact_name: String,
    pub contact_email: String,
    pub created_at: String,
    pub updated_at: String,
}

/// One side of an answer as stored: `state` (`answered`, `dont_know`, `not_applicable`) and
/// the value (`{"choice": "id"}`, `{"choices": [...]}`, `{"number": 12}`, `{"text": "…"}`,
/// `{"bool": true}`) when answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stored {
    pub state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
}

impl Stored {
    /// An answer as the store encodes it.
    pub fn of(answer: &Answer) -> Stored {
        let (state, value) = codec::encode(answer);
        Stored {
            state: state.to_string(),
            value: value.and_then(|v| serde_json::from_str(&v).ok()),
        }
    }

    /// Back to an answer; the error says what was found.
    pub fn answer(&self) -> Result<Answer, String> {
        let value = self.value.as_ref().map(|v| v.to_string());
        codec::decode(&self.state, value.as_deref())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRec {
    pub question_id: String,
    pub state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRec {
    pub question_id: String,
    pub text: String,
    pub updated_at: String,
}

/// One change of one answer; `None` on a side is "no answer".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrailRec {
    pub question_id: String,
    pub old: Option<Stored>,
    pub new: Option<Stored>,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditRec {
    pub id: String,
    pub association_id: String,
    pub trainer: String,
    pub questionnaire_hash: String,
    pub status: String,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub updated_at: String,
    pub note: String,
    pub previous_audit_id: Option<String>,
    pub answers: Vec<AnswerRec>,
    pub notes: Vec<NoteRec>,
    /// Oldest first.
    pub trail: Vec<TrailRec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopLink {
    pub audit_id: String,
    pub added_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopRec {
    pub id: String,
    pub name: String,
    pub date: String,
    pub place: String,
    pub trainer: String,
    pub questionnaire_id: String,
    pub created_at: String,
    pub updated_at: String,
    /// Only the links to audits carried by this bundle.
    pub audits: Vec<WorkshopLink>,
}

/// What a bundle carries.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    pub questionnaires: Vec<QuestionnaireCopy>,
    pub associations: Vec<AssociationRec>,
    pub audits: Vec<AuditRec>,
    pub workshops: Vec<WorkshopRec>,
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    created_at: &'a str,
    checksum: String,
    content: &'a RawValue,
}

#[derive(Deserialize)]
struct Loose<'a> {
    format: Option<String>,
    version: Option<u32>,
    checksum: Option<String>,
    #[serde(borrow)]
    content: Option<&'a RawValue>,
}

/// Why a bundle was refused, for a person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.en)]
pub struct Refused(pub Message);

fn refused(fr: impl Into<String>, en: impl Into<String>) -> Refused {
    Refused(Message::new(fr, en))
}

/// `sha256:` and the hex digest of `bytes`.
pub fn checksum(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(71);
    hex.push_str("sha256:");
    for b in digest {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

/// The bundle file for `content`, made at `created_at`.
pub fn write(content: &Content, created_at: &str) -> Result<String, Refused> {
    let fail = |e: serde_json::Error| refused(format!("JSON : {e}"), format!("JSON: {e}"));
    let body = serde_json::to_string_pretty(content).map_err(fail)?;
    let raw = RawValue::from_string(body).map_err(fail)?;
    let envelope = Envelope {
        format: FORMAT,
        version: VERSION,
        created_at,
        checksum: checksum(raw.get().as_bytes()),
        content: &raw,
    };
    let mut text = serde_json::to_string_pretty(&envelope).map_err(fail)?;
    text.push('\n');
    Ok(text)
}

/// Read and check a bundle file: [`parse`], then [`validate::check`].
pub fn read(bytes: &[u8]) -> Result<validate::Checked, Refused> {
    validate::check(parse(bytes)?)
}

/// Read a bundle file: the envelope, its version, its checksum, then the content's shape. The
/// content is then checked by [`validate::check`] before anything is written.
pub fn parse(bytes: &[u8]) -> Result<Content, Refused> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        refused(
            "ce n'est pas un paquet diagasso (pas du texte UTF-8)",
            "not a diagasso bundle (not UTF-8 text)",
        )
    })?;
    if text.trim().is_empty() {
        return Err(refused("fichier vide", "empty file"));
    }
    let loose: Loose = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            refused(
                format!(
                    "fichier tronqué (il s'arrête ligne {}, colonne {}) : copie ou synchronisation interrompue ?",
                    e.line(),
                    e.column()
                ),
                format!(
                    "truncated file (it stops at line {}, column {}): an interrupted copy or sync?",
                    e.line(),
                    e.column()
                ),
            )
        } else {
            refused(
                format!(
                    "ce n'est pas un paquet diagasso (JSON invalide ligne {}, colonne {})",
                    e.line(),
                    e.column()
                ),
                format!(
                    "not a diagasso bundle (invalid JSON at line {}, column {})",
                    e.line(),
                    e.column()
                ),
            )
        }
    })?;
    if loose.format.as_deref() != Some(FORMAT) {
        return Err(refused(
            format!("ce n'est pas un paquet diagasso (marqueur « format » : « {FORMAT} » attendu)"),
            format!("not a diagasso bundle (\"format\" marker '{FORMAT}' expected)"),
        ));
    }
    match loose.version {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            return Err(refused(
                format!(
                    "paquet d'une version plus récente de diagasso (version {v}, celle-ci lit la {VERSION}) : mettez diagasso à jour"
                ),
                format!(
                    "bundle from a newer diagasso (version {v}, this one reads {VERSION}): update diagasso"
                ),
            ));
        }
        _ => {
            return Err(refused(
                "version du paquet absente ou inconnue",
                "missing or unknown bundle version",
            ));
        }
    }
    let content = loose
        .content
        .ok_or_else(|| refused("paquet sans contenu", "bundle without content"))?;
    let expected = loose.checksum.unwrap_or_default();
    if checksum(content.get().as_bytes()) != expected {
        return Err(refused(
            "somme de contrôle fausse : le paquet a été modifié ou abîmé après son export",
            "checksum mismatch: the bundle was changed or damaged after it was exported",
        ));
    }
    serde_json::from_str(content.get()).map_err(|e| {
        refused(
            format!("contenu du paquet mal formé : {e}"),
            format!("malformed bundle content: {e}"),
        )
    })
}
