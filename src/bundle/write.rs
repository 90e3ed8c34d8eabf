//! Writing a bundle as a stream: the envelope, then the content with its associations, audits
//! and workshops written one at a time as the caller's iterators give them (read from the
//! store, written, dropped), then the
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

/// The parts of a bundle: the questionnaire copies whole, the associations, audits and
/// workshops as iterators.
pub struct Parts<'a, A, I, K> {
    pub questionnaires: &'a [QuestionnaireCopy],
    pub associations: A,
    pub audits: I,
    pub workshops: K,
}

/// How many records a bundle written holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub associations: usize,
    pub audits: usize,
    pub workshops: usize,
}

/// Write the bundle of `parts`, made at `created_at`, to `out`.
pub fn write_to<W, A, I, K, E>(
    out: W,
    created_at: &str,
    parts: Parts<'_, A, I, K>,
) -> Result<Written, WriteStop<E>>
where
    W: Write,
    A: Iterator<Item = Result<AssociationRec, E>>,
    I: Iterator<Item = Result<AuditRec, E>>,
    K: Iterator<Item = Result<WorkshopRec, E>>,
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
    let failed = RefCell::new(None);
    let associations = Pulled {
        iter: RefCell::new(Some(parts.associations)),
        failed: &failed,
        count: Cell::new(0),
    };
    let audits = Pulled {
        iter: RefCell::new(Some(parts.audits)),
        failed: &failed,
        count: Cell::new(0),
    };
    let workshops = Pulled {
        iter: RefCell::new(Some(parts.workshops)),
        failed: &failed,
        count: Cell::new(0),
    };
    let content = ContentOut {
        questionnaires: parts.questionnaires,
        associations: &associations,
        audits: &audits,
        workshops: &workshops,
    };
    // The JSON writer writes token by token: gathered into blocks before they are hashed.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut out);
    let written = content.serialize(&mut serde_json::Serializer::pretty(&mut buffered));
    if let Some(e) = failed.borrow_mut().take() {
        return Err(WriteStop::By(e));
    }
    written.map_err(|e| WriteStop::Io(e.into()))?;
    buffered.flush().map_err(WriteStop::Io)?;
    drop(buffered);
    let digest = out.hash.take().map(|h| h.finalize()).unwrap_or_default();
    write!(out, ",\n  \"checksum\": \"{}\"\n}}\n", hex(&digest)).map_err(WriteStop::Io)?;
    out.flush().map_err(WriteStop::Io)?;
    Ok(Written {
        associations: associations.count.get(),
        audits: audits.count.get(),
        workshops: workshops.count.get(),
    })
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

/// The content as `Content` serialises, its associations, audits and workshops pulled one at a
/// time.
struct ContentOut<'a, A, I, K> {
    questionnaires: &'a [QuestionnaireCopy],
    associations: &'a A,
    audits: &'a I,
    workshops: &'a K,
}

impl<A: Serialize, I: Serialize, K: Serialize> Serialize for ContentOut<'_, A, I, K> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Content", 4)?;
        st.serialize_field("questionnaires", self.questionnaires)?;
        st.serialize_field("associations", self.associations)?;
        st.serialize_field("audits", self.audits)?;
        st.serialize_field("workshops", self.workshops)?;
        st.end()
    }
}

/// A list written as its iterator gives it; the first failure kept for the caller.
struct Pulled<'f, I, E> {
    iter: RefCell<Option<I>>,
    failed: &'f RefCell<Option<E>>,
    count: Cell<usize>,
}

impl<I, T, E> Serialize for Pulled<'_, I, E>
where
    I: Iterator<Item = Result<T, E>>,
    T: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        if let Some(iter) = self.iter.borrow_mut().take() {
            for x in iter {
                match x {
                    Ok(x) => {
                        seq.serialize_element(&x)?;
                        self.count.set(self.count.get() + 1);
                    }
                    Err(e) => {
                        *self.failed.borrow_mut() = Some(e);
                        return Err(S::Error::custom("the store could not be read"));
                    }
                }
            }
        }
        seq.end()
    }
}
