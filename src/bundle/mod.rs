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
//! written. Bundles are written and read as streams, one audit at a time (`write`, `stream`),
//! so their size is bounded by the disk, not the memory; every record read is cleaned and
//! checked (`validate`) before it is handed on. Merging is the store's. Pure: no file, no
//! clock (the caller passes the readers, writers and the time).

pub mod stream;
mod tap;
pub mod validate;
pub mod write;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::audit::Answer;
use crate::audit::codec;
use crate::i18n::Message;

/// The marker every bundle starts with.
pub const FORMAT: &str = "diagasso-bundle";
/// The bundle version this build writes and reads.
pub const VERSION: u32 = 1;
/// The largest bundle read: 64 GiB (10,000 audits with their whole trail are about
/// a gigabyte). Past it the file is refused; it is read as a stream, so this bounds the time
/// an endless input could take, not the memory.
pub const MAX_BYTES: u64 = 64 << 30;
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
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::json_guard::unique_value"
    )]
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
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::json_guard::unique_value"
    )]
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
    /// The date another bundle gave this entry when it lay in the future (`at` is then when
    /// it was imported): how the entry is recognised in later bundles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_at: Option<String>,
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

/// Why a bundle was refused, for a person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.en)]
pub struct Refused(pub Message);

fn refused(fr: impl Into<String>, en: impl Into<String>) -> Refused {
    Refused(Message::new(fr, en))
}

/// `sha256:` and the hex digest of `bytes`.
pub fn checksum(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// `sha256:` and `digest` in hex.
fn hex(digest: &[u8]) -> String {
    let mut hex = String::with_capacity(71);
    hex.push_str("sha256:");
    for b in digest {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

/// The bundle file for `content`, made at `created_at` (see `write` for a bundle written as
/// it is read from the store).
pub fn write(content: &Content, created_at: &str) -> Result<String, Refused> {
    let mut out = Vec::new();
    let parts = write::Parts {
        questionnaires: &content.questionnaires,
        associations: content
            .associations
            .iter()
            .map(|a| Ok::<_, std::convert::Infallible>(a.clone())),
        audits: content
            .audits
            .iter()
            .map(|a| Ok::<_, std::convert::Infallible>(a.clone())),
        workshops: content
            .workshops
            .iter()
            .map(|w| Ok::<_, std::convert::Infallible>(w.clone())),
    };
    write::write_to(&mut out, created_at, parts).map_err(|e| match e {
        write::WriteStop::Io(e) => refused(format!("JSON : {e}"), format!("JSON: {e}")),
        write::WriteStop::By(never) => match never {},
    })?;
    String::from_utf8(out).map_err(|e| refused(format!("JSON : {e}"), format!("JSON: {e}")))
}

/// Read and check a whole bundle file held in memory (`stream::read`, its records kept): for
/// tests and small bundles; `diagasso bundle import` streams the file instead.
pub fn read(bytes: &[u8]) -> Result<validate::Checked, Refused> {
    let mut content = Content::default();
    let mut questionnaires = std::collections::HashMap::new();
    stream::read(bytes, |part| {
        match part {
            stream::Part::Questionnaire(hash, q) => {
                content.questionnaires.push(QuestionnaireCopy {
                    hash: hash.to_string(),
                    id: q.id.clone(),
                    version: q.version,
                    source: q.source.clone(),
                });
                questionnaires.insert(hash.to_string(), q.clone());
            }
            stream::Part::Association(a) => content.associations.push(a.clone()),
            stream::Part::Audit(a, _) => content.audits.push(a.clone()),
            stream::Part::Workshop(w) => content.workshops.push(w.clone()),
        }
        Ok::<(), std::convert::Infallible>(())
    })
    .map_err(|e| match e {
        stream::Stop::Refused(r) => r,
        stream::Stop::By(never) => match never {},
    })?;
    Ok(validate::Checked {
        content,
        questionnaires,
    })
}
