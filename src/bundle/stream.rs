//! Reading a bundle as a stream: one record at a time, each cleaned and checked
//! ([`super::validate::Validator`]) then handed to the caller and dropped, so a bundle of
//! 10,000 audits is read in the memory of one (it took 2.1 GB read whole).
//!
//! The caller reads a file twice: once to check it (handing the records to nothing), then,
//! when it passed, once more inside the store's transaction, merging each record as it comes.
//! Whatever is found wrong — at any record, or at the end (the checksum of the whole content,
//! known only once all of it went by; the file changed since the first read) — the read
//! fails, and a transaction fed by it is rolled back: all or nothing, as before.

use std::collections::HashSet;
use std::fmt;
use std::io::Read;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::tap::{NOT_UTF8, Seen, Tap};
use super::validate::Validator;
use super::{
    AssociationRec, AuditRec, FORMAT, QuestionnaireCopy, Refused, VERSION, WorkshopRec, refused,
};
use crate::questionnaire::Questionnaire;

/// One record of a bundle, checked, in the order of the file: every questionnaire copy first,
/// then the associations, the audits, the workshops.
pub enum Part<'a> {
    Questionnaire(&'a str, &'a Questionnaire),
    Association(&'a AssociationRec),
    Audit(&'a AuditRec, &'a Questionnaire),
    Workshop(&'a WorkshopRec),
}

/// What a whole read found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub questionnaires: usize,
    pub associations: usize,
    pub audits: usize,
    pub workshops: usize,
    /// The SHA-256 of the whole file, to tell a second read of the same bytes.
    pub whole: [u8; 32],
}

/// Why a read stopped: the bundle was refused, or the caller's own failure (`E`).
#[derive(Debug)]
pub enum Stop<E> {
    Refused(Refused),
    By(E),
}

/// Read the bundle `source` gives, handing each record to `on`.
pub fn read<R: Read, E>(
    source: R,
    mut on: impl FnMut(Part<'_>) -> Result<(), E>,
) -> Result<Summary, Stop<E>> {
    let mut tap = Tap::new(source);
    let mut ctx = Ctx {
        v: Validator::default(),
        on: &mut on,
        stopped: None,
        refusal: None,
        format: None,
        version: None,
        checksum: None,
        content: false,
        counts: [0; 4],
    };
    let parsed = {
        // The JSON reader takes a byte at a time: given blocks, which the tap checks whole.
        let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(
            1 << 16,
            &mut tap,
        ));
        Envelope(&mut ctx)
            .deserialize(&mut de)
            .and_then(|()| de.end())
    };
    if let Some(e) = ctx.stopped.take() {
        return Err(Stop::By(e));
    }
    if let Some(r) = ctx.refusal.take() {
        return Err(Stop::Refused(r));
    }
    if let Err(e) = parsed {
        // Read to the end, so that a file changed after it was exported is called so.
        let mismatch = ctx.checksum.is_some() && {
            let drained = std::io::copy(&mut tap, &mut std::io::sink()).is_ok();
            drained && !checksum_matches(&ctx, &tap_seen(tap))
        };
        return Err(Stop::Refused(if mismatch {
            checksum_refusal()
        } else {
            json_refusal(&e, &ctx)
        }));
    }
    let seen = tap_seen(tap);
    if !ctx.content {
        return Err(Stop::Refused(refused(
            "paquet sans contenu",
            "bundle without content",
        )));
    }
    if !checksum_matches(&ctx, &seen) {
        return Err(Stop::Refused(checksum_refusal()));
    }
    let [questionnaires, associations, audits, workshops] = ctx.counts;
    ctx.v.finish().map_err(Stop::Refused)?;
    Ok(Summary {
        questionnaires,
        associations,
        audits,
        workshops,
        whole: seen.whole,
    })
}

fn tap_seen<R: Read>(tap: Tap<R>) -> Seen {
    tap.seen()
}

fn checksum_matches<E>(ctx: &Ctx<'_, E>, seen: &Seen) -> bool {
    match (&ctx.checksum, seen.content) {
        (Some(expected), Some(hash)) => *expected == super::hex(&hash),
        _ => false,
    }
}

fn checksum_refusal() -> Refused {
    refused(
        "somme de contrôle fausse : le paquet a été modifié ou abîmé après son export",
        "checksum mismatch: the bundle was changed or damaged after it was exported",
    )
}

/// A failure of the JSON reader, for a person.
fn json_refusal<E>(e: &serde_json::Error, ctx: &Ctx<'_, E>) -> Refused {
    if e.is_io() {
        let text = e.to_string();
        if text.contains(NOT_UTF8) {
            return refused(
                "ce n'est pas un paquet diagasso (pas du texte UTF-8)",
                "not a diagasso bundle (not UTF-8 text)",
            );
        }
        return refused(
            format!("lecture impossible ({text})"),
            format!("cannot read ({text})"),
        );
    }
    if e.is_eof() && ctx.format.is_none() && e.line() == 1 && e.column() == 0 {
        return refused("fichier vide", "empty file");
    }
    if e.is_eof() {
        return refused(
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
        );
    }
    if ctx.content && e.is_data() {
        return refused(
            format!("contenu du paquet mal formé : {e}"),
            format!("malformed bundle content: {e}"),
        );
    }
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

/// What the read carries from record to record.
struct Ctx<'f, E> {
    v: Validator,
    on: &'f mut dyn FnMut(Part<'_>) -> Result<(), E>,
    /// The caller's failure, when it stopped the read.
    stopped: Option<E>,
    /// A refusal decided before the JSON ended (a foreign or newer envelope).
    refusal: Option<Refused>,
    format: Option<String>,
    version: Option<u32>,
    checksum: Option<String>,
    /// The `content` value was reached.
    content: bool,
    /// Questionnaires, associations, audits, workshops read.
    counts: [usize; 4],
}

impl<E> Ctx<'_, E> {
    /// Hand a checked record to the caller; its failure stops the read.
    fn hand<D: de::Error>(&mut self, part: Part<'_>) -> Result<(), D> {
        (self.on)(part).map_err(|e| {
            self.stopped = Some(e);
            D::custom("stopped by the caller")
        })
    }

    /// Refuse the envelope before its content is read.
    fn envelope_ok<D: de::Error>(&mut self) -> Result<(), D> {
        let r = if self.format.as_deref() != Some(FORMAT) {
            refused(
                format!(
                    "ce n'est pas un paquet diagasso (marqueur « format » : « {FORMAT} » attendu avant le contenu)"
                ),
                format!(
                    "not a diagasso bundle (\"format\" marker '{FORMAT}' expected before the content)"
                ),
            )
        } else {
            match self.version {
                Some(VERSION) => return Ok(()),
                Some(v) if v > VERSION => refused(
                    format!(
                        "paquet d'une version plus récente de diagasso (version {v}, celle-ci lit la {VERSION}) : mettez diagasso à jour"
                    ),
                    format!(
                        "bundle from a newer diagasso (version {v}, this one reads {VERSION}): update diagasso"
                    ),
                ),
                _ => refused(
                    "version du paquet absente ou inconnue",
                    "missing or unknown bundle version",
                ),
            }
        };
        self.refusal = Some(r);
        Err(D::custom("refused"))
    }
}

/// Refuse a key met twice in one object.
fn once<D: de::Error>(keys: &mut HashSet<String>, key: &str) -> Result<(), D> {
    if keys.insert(key.to_string()) {
        Ok(())
    } else {
        Err(D::custom(format_args!("duplicate field `{key}`")))
    }
}

/// The envelope: `format`, `version`, `created_at`, `checksum`, `content`, in any order, but
/// the format and version before the content.
struct Envelope<'c, 'f, E>(&'c mut Ctx<'f, E>);

impl<'de, E> DeserializeSeed<'de> for Envelope<'_, '_, E> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, E> Visitor<'de> for Envelope<'_, '_, E> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a diagasso bundle")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let ctx = self.0;
        let mut keys = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            once(&mut keys, &key)?;
            match key.as_str() {
                "format" => ctx.format = map.next_value::<Option<String>>()?,
                "version" => ctx.version = map.next_value::<Option<u32>>()?,
                "checksum" => ctx.checksum = map.next_value::<Option<String>>()?,
                "content" => {
                    ctx.envelope_ok()?;
                    ctx.content = true;
                    map.next_value_seed(Content(&mut *ctx))?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if !ctx.content {
            ctx.envelope_ok()?;
        }
        Ok(())
    }
}

/// The content: `questionnaires`, `associations`, `audits`, `workshops`, each a list read one
/// record at a time.
struct Content<'c, 'f, E>(&'c mut Ctx<'f, E>);

impl<'de, E> DeserializeSeed<'de> for Content<'_, '_, E> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

const FIELDS: [&str; 4] = ["questionnaires", "associations", "audits", "workshops"];

impl<'de, E> Visitor<'de> for Content<'_, '_, E> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct Content")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let ctx = self.0;
        let mut keys = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let Some(which) = FIELDS.iter().position(|f| *f == key) else {
                return Err(de::Error::unknown_field(&key, &FIELDS));
            };
            once(&mut keys, &key)?;
            // Read as a stream, an audit is checked against the copies and associations read
            // before it: the lists must come in the order diagasso writes them.
            if let Some(later) = FIELDS[which + 1..].iter().find(|f| keys.contains(**f)) {
                ctx.refusal = Some(refused(
                    format!(
                        "contenu du paquet dans le désordre (« {key} » après « {later} » ; diagasso écrit {}) : exportez le paquet à nouveau avec diagasso",
                        FIELDS.join(", ")
                    ),
                    format!(
                        "bundle content out of order ('{key}' after '{later}'; diagasso writes {}): export the bundle again with diagasso",
                        FIELDS.join(", ")
                    ),
                ));
                return Err(de::Error::custom("out of order"));
            }
            map.next_value_seed(List {
                ctx: &mut *ctx,
                which,
            })?;
        }
        for f in FIELDS {
            if !keys.contains(f) {
                return Err(de::Error::missing_field(f));
            }
        }
        Ok(())
    }
}

/// One list of the content.
struct List<'c, 'f, E> {
    ctx: &'c mut Ctx<'f, E>,
    which: usize,
}

impl<'de, E> DeserializeSeed<'de> for List<'_, '_, E> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, E> Visitor<'de> for List<'_, '_, E> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list of {}", FIELDS[self.which])
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let ctx = self.ctx;
        match self.which {
            0 => {
                let mut copies: Vec<QuestionnaireCopy> = Vec::new();
                while let Some(c) = seq.next_element()? {
                    copies.push(c);
                }
                let before = ctx.v.loaded();
                ctx.v.questionnaires(&copies);
                ctx.counts[0] += copies.len();
                for c in &copies {
                    if !before.contains(&c.hash)
                        && let Some(q) = ctx.v.questionnaire_arc(&c.hash)
                    {
                        ctx.hand(Part::Questionnaire(&c.hash, &q))?;
                    }
                }
            }
            1 => {
                while let Some(mut a) = seq.next_element::<AssociationRec>()? {
                    ctx.counts[1] += 1;
                    if ctx.v.association(&mut a) {
                        ctx.hand(Part::Association(&a))?;
                    }
                }
            }
            2 => {
                while let Some(mut a) = seq.next_element::<AuditRec>()? {
                    ctx.counts[2] += 1;
                    if ctx.v.audit(&mut a) {
                        let q = ctx.v.questionnaire_arc(&a.questionnaire_hash);
                        if let Some(q) = q {
                            ctx.hand(Part::Audit(&a, &q))?;
                        }
                    }
                }
            }
            _ => {
                while let Some(mut w) = seq.next_element::<WorkshopRec>()? {
                    ctx.counts[3] += 1;
                    if ctx.v.workshop(&mut w) {
                        ctx.hand(Part::Workshop(&w))?;
                    }
                }
            }
        }
        Ok(())
    }
}
