//! Fuzz the whole ChatonsInfos import over a tree of folders, as a USB key brings it: the input
//! is cut at NUL bytes into up to eight files; the first byte of each picks its folder (one
//! folder per host, nested, or flat) and its name (the names every YunoHost host shares), the
//! rest is its text. The files are parsed, linked by address, folder or site, grouped per
//! organization, merged with the shipped catalogue and compared with it — or refused with
//! positioned errors. Never a panic; whatever is prepared loads back as a user catalogue.
#![no_main]

use std::sync::OnceLock;

use diagasso::catalog::{self, Catalog, import};
use libfuzzer_sys::fuzz_target;

const FOLDERS: [&str; 6] = ["", "cle", "cle/chaton-a", "cle/chaton-b", "cle/chaton-a/sous", "autre"];
const NAMES: [&str; 5] = [
    "organization.properties",
    "nextcloud.properties",
    "federation.properties",
    "jitsi.properties",
    "x.properties",
];

fn shipped() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| catalog::shipped().expect("shipped catalogue"))
}

fuzz_target!(|data: &[u8]| {
    let inputs: Vec<(String, Vec<u8>)> = data
        .splitn(8, |b| *b == 0)
        .filter_map(|part| {
            let (&pick, text) = part.split_first()?;
            let folder = FOLDERS[usize::from(pick) % FOLDERS.len()];
            let name = NAMES[usize::from(pick / 8) % NAMES.len()];
            let path = if folder.is_empty() {
                name.to_string()
            } else {
                format!("{folder}/{name}")
            };
            Some((path, text.to_vec()))
        })
        .collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    if let Ok(plan) = import::prepare(&inputs, shipped(), None, today) {
        let text = toml::to_string(&plan.user_file).expect("user catalogue serialises");
        let loaded = catalog::load_texts(&catalog::Texts {
            user: Some(("fuzz.toml", &text)),
            ..catalog::Texts::shipped()
        });
        assert!(loaded.is_ok(), "{loaded:?}\n{text}");
    }
});
