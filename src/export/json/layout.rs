//! How a schema-2 export is laid out: indented like pretty JSON down to a depth chosen per
//! top-level field, then each value compact on its line — one line per answer, per
//! recommendation, per provider, per trace. Pretty printing all the way down made a third of the
//! old files' bytes; this keeps line diffs and `grep` useful at a fraction of it.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

/// A `serde_json` formatter that breaks lines inside containers no deeper than
/// `max_depth(top-level key)` (1 = the outermost), with one space of indentation per level.
pub struct Layout {
    depth: usize,
    max_depth: fn(&str) -> usize,
    /// The top-level key being written, and whether its name is being read.
    top: String,
    in_top_key: bool,
    has_value: bool,
}

impl Layout {
    pub fn new(max_depth: fn(&str) -> usize) -> Layout {
        Layout {
            depth: 0,
            max_depth,
            top: String::new(),
            in_top_key: false,
            has_value: false,
        }
    }

    fn breaks(&self) -> bool {
        self.depth <= 1 || self.depth <= (self.max_depth)(&self.top)
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W, depth: usize) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..depth {
            w.write_all(b" ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, c: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(c)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, c: &[u8]) -> io::Result<()> {
        let broke = self.breaks();
        self.depth -= 1;
        if self.has_value && broke {
            self.newline(w, self.depth)?;
        }
        w.write_all(c)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.breaks() {
            self.newline(w, self.depth)?;
        }
        Ok(())
    }
}

impl Formatter for Layout {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if self.depth == 1 {
            self.top.clear();
            self.in_top_key = true;
        }
        self.item(w, first)
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if self.in_top_key {
            self.top.push_str(fragment);
        }
        w.write_all(fragment.as_bytes())
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.in_top_key = false;
        Ok(())
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.breaks() { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `value` laid out with `Layout::new(max_depth)`.
pub fn to_string<T: Serialize>(
    value: &T,
    max_depth: fn(&str) -> usize,
) -> serde_json::Result<String> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Layout::new(max_depth));
    value.serialize(&mut ser)?;
    // serde_json writes valid UTF-8.
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_stop_at_each_field_depth_and_empty_containers_stay_shut() {
        let v = serde_json::json!({"a": {"b": [1, 2], "c": {}}, "d": [[3, {"e": 4}], 5], "f": []});
        let depth = |k: &str| if k == "d" { 3 } else { 1 };
        let s = to_string(&v, depth).unwrap();
        assert_eq!(
            s,
            "{\n \"a\": {\"b\":[1,2],\"c\":{}},\n \"d\": [\n  [\n   3,\n   {\"e\":4}\n  ],\n  5\n ],\n \"f\": []\n}"
        );
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
