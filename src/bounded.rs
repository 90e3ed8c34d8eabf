//! Reading outside input with a ceiling, so that an endless source (`/dev/zero`, a pipe that
//! never closes, a file that keeps growing) is refused once it passes the limit instead of being
//! read until memory runs out. Checking a file's size first is not enough: a device or a pipe
//! has none, and a file can grow between the check and the read.
//!
//! - [`read`]: a whole file, at most `limit` bytes (answers files, JSON exports, catalogue and
//!   questionnaire files, templates);
//! - [`open`]: a file as a stream that fails past `limit` bytes (bundles, read in a stream);
//! - [`read_line`]: one line of at most `limit` bytes (the line mode, confirmations); a longer
//!   line is skipped to its end and reported, and the next one is read as usual.

use std::io::{self, BufRead, Read};
use std::path::Path;

/// The most an outside file read whole may hold: 32 MiB (a real answers file, export, catalogue
/// or template is a few hundred kilobytes at most).
pub const MAX_FILE: u64 = 32 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadFail {
    /// The system's error (not found, permission, a folder…).
    Io(io::Error),
    /// More than `limit` bytes.
    TooLarge { limit: u64 },
}

impl ReadFail {
    /// What went wrong, in French, for a message that names the file.
    pub fn fr(&self) -> String {
        match self {
            ReadFail::Io(e) => e.to_string(),
            ReadFail::TooLarge { limit } => format!(
                "fichier trop gros : plus de {} ; est-ce bien le bon fichier ?",
                size(*limit, "Mo", "Go")
            ),
        }
    }

    /// What went wrong, in English.
    pub fn en(&self) -> String {
        match self {
            ReadFail::Io(e) => e.to_string(),
            ReadFail::TooLarge { limit } => format!(
                "file too large: more than {}; is it the right file?",
                size(*limit, "MB", "GB")
            ),
        }
    }

    /// The whole message for a file named `name`: what went wrong and what to do.
    pub fn message(&self, name: &str) -> crate::i18n::Message {
        match self {
            ReadFail::Io(e) => crate::i18n::Message::new(
                format!("{name} : lecture impossible ({e}). Vérifiez le chemin et les droits."),
                format!("{name}: cannot read ({e}). Check the path and permissions."),
            ),
            ReadFail::TooLarge { .. } => crate::i18n::Message::new(
                format!("{name} : {}", self.fr()),
                format!("{name}: {}", self.en()),
            ),
        }
    }

    /// The system's error kind (`FileTooLarge` past the limit).
    pub fn kind(&self) -> io::ErrorKind {
        match self {
            ReadFail::Io(e) => e.kind(),
            ReadFail::TooLarge { .. } => io::ErrorKind::FileTooLarge,
        }
    }
}

fn size(bytes: u64, mb: &str, gb: &str) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= 1024 * MIB {
        format!("{} {gb}", bytes / (1024 * MIB))
    } else {
        format!("{} {mb}", bytes / MIB)
    }
}

/// The whole of `path`, if it holds at most `limit` bytes.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFail> {
    let file = std::fs::File::open(path).map_err(ReadFail::Io)?;
    // A file that says how big it is: no need to start reading a 40 GB one.
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > limit
    {
        return Err(ReadFail::TooLarge { limit });
    }
    read_all(file, limit)
}

/// Everything `source` gives, if it gives at most `limit` bytes.
pub fn read_all(source: impl Read, limit: u64) -> Result<Vec<u8>, ReadFail> {
    let mut out = Vec::new();
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(ReadFail::Io)?;
    if out.len() as u64 > limit {
        return Err(ReadFail::TooLarge { limit });
    }
    Ok(out)
}

/// A reader that fails with [`io::ErrorKind::FileTooLarge`] once more than `limit` bytes went
/// through it.
pub struct Limited<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R: Read> Limited<R> {
    pub fn new(inner: R, limit: u64) -> Limited<R> {
        Limited {
            inner,
            left: limit,
            limit,
        }
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            // One byte more than allowed means the source is too large.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(io::Error::new(
                    io::ErrorKind::FileTooLarge,
                    ReadFail::TooLarge { limit: self.limit }.en(),
                )),
            };
        }
        let max = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..max])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// `path` opened for a streamed read of at most `limit` bytes.
pub fn open(path: &Path, limit: u64) -> Result<Limited<io::BufReader<std::fs::File>>, ReadFail> {
    let file = std::fs::File::open(path).map_err(ReadFail::Io)?;
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > limit
    {
        return Err(ReadFail::TooLarge { limit });
    }
    Ok(Limited::new(
        io::BufReader::with_capacity(1 << 16, file),
        limit,
    ))
}

/// What [`read_line`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// A line (its bytes in the buffer, without the line break).
    Read,
    /// A line longer than the limit: skipped to its end, the buffer left empty.
    TooLong,
    /// The end of the input, nothing read.
    End,
}

/// Read one line of at most `limit` bytes into `buf` (cleared first), without its `\n` (nor a
/// `\r` before it). A longer line is read to its end without keeping it.
pub fn read_line<R: BufRead + ?Sized>(
    input: &mut R,
    limit: usize,
    buf: &mut Vec<u8>,
) -> io::Result<Line> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        if !too_long {
            if buf.len() + part.len() > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = done.unwrap_or(chunk.len());
        input.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(Line::End);
    }
    if too_long {
        buf.clear();
        return Ok(Line::TooLong);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_source_is_refused_at_the_limit() {
        let zeros = std::io::repeat(0);
        assert!(matches!(
            read_all(zeros, 1000),
            Err(ReadFail::TooLarge { limit: 1000 })
        ));
        assert_eq!(read_all(&b"abc"[..], 3).unwrap(), b"abc");
    }

    #[test]
    fn dev_zero_is_refused_not_read_forever() {
        let path = Path::new("/dev/zero");
        if path.exists() {
            let e = read(path, 4096).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        }
    }

    #[test]
    fn a_limited_reader_fails_one_byte_past_the_limit() {
        let mut r = Limited::new(&b"abcd"[..], 4);
        let mut out = Vec::new();
        r.read_to_end(&mut out).unwrap();
        assert_eq!(out, b"abcd");
        let mut r = Limited::new(&b"abcde"[..], 4);
        let e = r.read_to_end(&mut Vec::new()).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
    }

    #[test]
    fn lines_past_the_limit_are_skipped_and_the_next_is_read() {
        let text = format!("court\r\n{}\nsuite\nfin", "x".repeat(100));
        let mut input = io::BufReader::with_capacity(8, text.as_bytes());
        let mut buf = Vec::new();
        let mut seen = Vec::new();
        loop {
            match read_line(&mut input, 50, &mut buf).unwrap() {
                Line::End => break,
                Line::TooLong => seen.push("<trop long>".to_string()),
                Line::Read => seen.push(String::from_utf8(buf.clone()).unwrap()),
            }
        }
        assert_eq!(seen, ["court", "<trop long>", "suite", "fin"]);
    }

    #[test]
    fn an_endless_line_is_read_in_bounded_memory() {
        // 64 MB of a line with no end, read through a 50-byte limit.
        let mut input = io::BufReader::new(io::repeat(b'x').take(64 << 20));
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut input, 50, &mut buf).unwrap(), Line::TooLong);
        assert!(buf.capacity() < 1024);
        assert_eq!(read_line(&mut input, 50, &mut buf).unwrap(), Line::End);
    }
}
