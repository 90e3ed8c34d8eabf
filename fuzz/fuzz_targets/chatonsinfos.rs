//! Fuzz the ChatonsInfos reader: any bytes, split into up to three `.properties` files, are
//! parsed, classified and linked, or rejected with positioned errors — never a panic.
#![no_main]

use diagasso::catalog::chatonsinfos::{link, read_files};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let inputs: Vec<(String, Vec<u8>)> = data
        .splitn(3, |b| *b == 0)
        .enumerate()
        .map(|(i, part)| (format!("f{i}.properties"), part.to_vec()))
        .collect();
    if let Ok(files) = read_files(&inputs) {
        let _ = link(&files);
    }
});
