//! Writing a bundle as a stream: the envelope, then the content with its audits written one at
//! a time as the caller's iterator gives them (read from the store, written, dropped), then the
//! checksum of the exact bytes of the content, computed as they were written. So a bundle of
//! 100,000 audits is written in the memory of one (it took ~250 KB per audit, built whole).
//!
//! The checksum comes after the content (readers take the envelope's fields in any order):
//!
//! ```json
//! { "format": "diagasso-bundle", "version": 1, "created_at": "…",
//!   "content": { "questionnaires": […], "associations": […], "audits": […], "workshops": […] },
//!   "checksum": "sha256:<hex of the exact bytes of content>" }
//! ```

use std::cell::{Cell, RefCell};
use std::io::{self, Write};

use serde::ser::{Error as _, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};
use sha2::{Digest, Sha256};

use super::{AssociationRec, AuditRec, FORMAT, QuestionnaireCopy, VERSION, WorkshopRec, hex};

/// Why writing a bundle stopped.
#[derive(Debug)]
pub enum WriteStop<E> {
    /// Writing failed (a full disk…).
    Io(io::Error),
    /// The caller's iterator failed (`E`).
    By(E),
}

/// The parts of a bundle, the audits as an iterator.
pub struct Parts<'a, I> {
    pub questionnaires: &'a [QuestionnaireCopy],
    pub associations: &'a [AssociationRec],
    pub audits: I,
    pub workshops: &'a [WorkshopRec],
}

/// Write the bundle of `parts`, made at `created_at`, to `out`; the number of audits written.
pub fn write_to<W, I, E>(
    out: W,
    created_at: &str,
    parts: Parts<'_, I>,
) -> Result<usize, WriteStop<E>>
where
    W: Write,
    I: Iterator<Item = Result<AuditRec, E>>,
{
    let mut out = Hashing {
        inner: out,
        hash: None,
    };
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    write!(
        out,
        "{{\n  \"format\": {},\n  \"version\": {VERSION},\n  \"created_at\": {},\n  \"content\": ",
        quoted(FORMAT),
        quoted(created_at)
    )
    .map_err(WriteStop::Io)?;
    out.hash = Some(Sha256::new());
    let audits = Audits {
        iter: RefCell::new(Some(parts.audits)),
        failed: RefCell::new(None),
        count: Cell::new(0),
    };
    let content = ContentOut {
        questionnaires: parts.questionnaires,
        associations: parts.associations,
        audits: &audits,
        workshops: parts.workshops,
    };
    // The JSON writer writes token by token: gathered into blocks before they are hashed.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut out);
    let written = content.serialize(&mut serde_json::Serializer::pretty(&mut buffered));
    if let Some(e) = audits.failed.borrow_mut().take() {
        return Err(WriteStop::By(e));
    }
    written.map_err(|e| WriteStop::Io(e.into()))?;
    buffered.flush().map_err(WriteStop::Io)?;
    drop(buffered);
    let digest = out.hash.take().map(|h| h.finalize()).unwrap_or_default();
    write!(out, ",\n  \"checksum\": \"{}\"\n}}\n", hex(&digest)).map_err(WriteStop::Io)?;
    out.flush().map_err(WriteStop::Io)?;
    Ok(audits.count.get())
}

/// A writer that hashes what goes through it, while `hash` is set.
struct Hashing<W> {
    inner: W,
    hash: Option<Sha256>,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        if let Some(h) = &mut self.hash {
            h.update(&buf[..n]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The content as `Content` serialises, its audits pulled one at a time.
struct ContentOut<'a, I, E> {
    questionnaires: &'a [QuestionnaireCopy],
    associations: &'a [AssociationRec],
    audits: &'a Audits<I, E>,
    workshops: &'a [WorkshopRec],
}

impl<I, E> Serialize for ContentOut<'_, I, E>
where
    I: Iterator<Item = Result<AuditRec, E>>,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Content", 4)?;
        st.serialize_field("questionnaires", self.questionnaires)?;
        st.serialize_field("associations", self.associations)?;
        st.serialize_field("audits", self.audits)?;
        st.serialize_field("workshops", self.workshops)?;
        st.end()
    }
}

struct Audits<I, E> {
    iter: RefCell<Option<I>>,
    failed: RefCell<Option<E>>,
    count: Cell<usize>,
}

impl<I, E> Serialize for Audits<I, E>
where
    I: Iterator<Item = Result<AuditRec, E>>,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        if let Some(iter) = self.iter.borrow_mut().take() {
            for a in iter {
                match a {
                    Ok(a) => {
                        seq.serialize_element(&a)?;
                        self.count.set(self.count.get() + 1);
                    }
                    Err(e) => {
                        *self.failed.borrow_mut() = Some(e);
                        return Err(S::Error::custom("the audits could not be read"));
                    }
                }
            }
        }
        seq.end()
    }
}
