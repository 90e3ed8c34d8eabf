//! What a bundle's bytes are checked for as they stream past the JSON reader, without keeping
//! them: that they are UTF-8 text, the SHA-256 of the whole file (so that a second read, the
//! one that merges, can be told from a file changed in between), and the SHA-256 of the exact
//! bytes of the top-level `content` value, which the envelope's `checksum` must equal.
//!
//! Finding `content` needs only the structure of JSON: strings (with their escapes), nesting,
//! and the keys of the top-level object. The JSON itself is read and judged by serde_json; this
//! only follows along. A key written with escapes (`"cont\u0065nt"`) is not recognised, so its
//! value is never hashed and the checksum is refused, as it should be.

use std::io::{self, Read};

use sha2::{Digest, Sha256};

/// The marker of the error a tap raises on bytes that are not UTF-8.
pub const NOT_UTF8: &str = "diagasso-bundle: not UTF-8 text";

/// A reader that checks and hashes what goes through it.
pub struct Tap<R> {
    inner: R,
    whole: Sha256,
    scan: Scan,
    /// The start of a UTF-8 character cut at the end of the last read.
    cut: Vec<u8>,
    /// Bytes that were not JSON whitespace.
    pub(super) visible: bool,
}

/// What a tap saw, once the whole input went through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub whole: [u8; 32],
    /// The hash of the `content` value, when one was found whole.
    pub content: Option<[u8; 32]>,
}

impl<R: Read> Tap<R> {
    pub fn new(inner: R) -> Tap<R> {
        Tap {
            inner,
            whole: Sha256::new(),
            scan: Scan::default(),
            cut: Vec::new(),
            visible: false,
        }
    }

    /// The hashes, once everything was read.
    pub fn seen(self) -> Seen {
        Seen {
            whole: self.whole.finalize().into(),
            content: self.scan.done.then(|| self.scan.hash.finalize().into()),
        }
    }
}

impl<R: Read> Read for Tap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let bytes = &buf[..n];
        if n == 0 {
            if !self.cut.is_empty() {
                return Err(io::Error::new(io::ErrorKind::InvalidData, NOT_UTF8));
            }
            return Ok(0);
        }
        self.whole.update(bytes);
        utf8(&mut self.cut, bytes)?;
        if !self.visible {
            self.visible = bytes
                .iter()
                .any(|b| !matches!(b, b' ' | b'\n' | b'\r' | b'\t'));
        }
        for &b in bytes {
            self.scan.byte(b);
        }
        Ok(n)
    }
}

/// Check `bytes` as the continuation of a UTF-8 text whose last read ended with `cut` (the
/// start of a character, kept until its end comes).
fn utf8(cut: &mut Vec<u8>, bytes: &[u8]) -> io::Result<()> {
    let joined;
    let data: &[u8] = if cut.is_empty() {
        bytes
    } else {
        let mut j = std::mem::take(cut);
        j.extend_from_slice(bytes);
        joined = j;
        &joined
    };
    match std::str::from_utf8(data) {
        Ok(_) => Ok(()),
        Err(e) if e.error_len().is_none() => {
            *cut = data[e.valid_up_to()..].to_vec();
            Ok(())
        }
        Err(_) => Err(io::Error::new(io::ErrorKind::InvalidData, NOT_UTF8)),
    }
}

/// Following the structure of the JSON to hash the top-level `content` value.
#[derive(Default)]
struct Scan {
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// In the top-level object, the next string is a key.
    key_next: bool,
    /// Reading a top-level key (its bytes, up to a few).
    reading_key: bool,
    key: Vec<u8>,
    /// After `"content":`, until its value starts.
    content_next: bool,
    capturing: bool,
    done: bool,
    hash: Sha256,
}

impl Scan {
    fn byte(&mut self, b: u8) {
        if self.capturing {
            self.hash.update([b]);
        }
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
                if self.reading_key {
                    // An escaped key is never `content` as written.
                    self.key.push(0);
                }
            } else if b == b'"' {
                self.in_string = false;
                self.reading_key = false;
            } else if self.reading_key && self.key.len() < 16 {
                self.key.push(b);
            }
            return;
        }
        match b {
            b' ' | b'\n' | b'\r' | b'\t' => {}
            b'"' => {
                self.in_string = true;
                if self.depth == 1 && self.key_next {
                    self.reading_key = true;
                    self.key_next = false;
                    self.key.clear();
                } else {
                    self.start_value(b);
                }
            }
            b':' if self.depth == 1 => {
                self.content_next = self.key == b"content" && !self.done;
            }
            b',' if self.depth == 1 => self.key_next = true,
            b'{' | b'[' => {
                self.start_value(b);
                self.depth += 1;
                if self.depth == 1 {
                    self.key_next = b == b'{';
                }
            }
            b'}' | b']' => {
                self.depth = self.depth.saturating_sub(1);
                if self.capturing && self.depth == 1 {
                    self.capturing = false;
                    self.done = true;
                }
            }
            _ => self.start_value(b),
        }
    }

    /// The first byte of a value at the top level: the start of `content` if it is awaited.
    fn start_value(&mut self, b: u8) {
        if self.content_next && self.depth == 1 {
            self.content_next = false;
            if b == b'{' {
                self.capturing = true;
                self.hash.update([b]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(text: &[u8], chunk: usize) -> io::Result<Seen> {
        struct Chunks<'a>(&'a [u8], usize);
        impl Read for Chunks<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(self.1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut tap = Tap::new(Chunks(text, chunk));
        io::copy(&mut tap, &mut io::sink())?;
        Ok(tap.seen())
    }

    fn sha(bytes: &[u8]) -> [u8; 32] {
        Sha256::digest(bytes).into()
    }

    #[test]
    fn the_content_value_is_hashed_exactly_wherever_it_is() {
        let content = r#"{"a": "}\"{", "b": [1, {"c": "content"}]}"#;
        for text in [
            format!(r#"{{"format": "x", "content": {content}, "checksum": "y"}}"#),
            format!("{{\"content\":{content}}}\n"),
            format!(r#"{{"x": {{"content": {{}}}}, "content" : {content} }}"#),
        ] {
            for chunk in [1, 3, 7, 4096] {
                let s = seen(text.as_bytes(), chunk).unwrap();
                assert_eq!(
                    s.content,
                    Some(sha(content.as_bytes())),
                    "{text} by {chunk}"
                );
                assert_eq!(s.whole, sha(text.as_bytes()));
            }
        }
    }

    #[test]
    fn an_escaped_or_missing_key_hashes_nothing() {
        let s = seen(br#"{"cont\u0065nt": {"a": 1}}"#, 5).unwrap();
        assert_eq!(s.content, None);
        let s = seen(br#"{"contents": {"a": 1}}"#, 5).unwrap();
        assert_eq!(s.content, None);
        let s = seen(br#"{"content": {"a": 1"#, 5).unwrap();
        assert_eq!(s.content, None);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_even_cut_between_reads() {
        let text = "{\"a\": \"vélo 🚲\"}".as_bytes();
        for chunk in 1..6 {
            assert!(seen(text, chunk).is_ok(), "cut by {chunk}");
        }
        for bad in [
            &b"{\"a\": \"\xff\"}"[..],
            b"{\"a\": \"\xc3\"}",
            b"\"\xe2\x82",
        ] {
            for chunk in 1..4 {
                let e = seen(bad, chunk).unwrap_err();
                assert_eq!(e.to_string(), NOT_UTF8);
            }
        }
    }
}
