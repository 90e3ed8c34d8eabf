//! P8: the size of the release binary this bench was built with (`cargo bench` builds it with
//! the `bench` profile, which inherits `release`: fat LTO, `strip = true`), and whether it
//! still carries a symbol table.

use super::{Options, Row, binary};

/// Whether the ELF file has a `.symtab` section (i.e. was not stripped).
fn has_symtab(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b".symtab\0")
}

pub fn run(_: &Options) -> Result<Vec<Row>, String> {
    let path = binary();
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mb = bytes.len() as f64 / 1_000_000.0;
    let stripped = !has_symtab(&bytes);
    Ok(vec![Row {
        part: "P8",
        what: format!(
            "size of the release binary ({})",
            if stripped { "stripped" } else { "NOT stripped" }
        ),
        figure: format!("{mb:.2} MB ({} bytes)", bytes.len()),
        reference: "—".into(),
        ratio: "—".into(),
        target: "≤ 15 MB",
        met: Some(mb <= 15.0),
    }])
}
