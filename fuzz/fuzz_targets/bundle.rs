//! Fuzz bundle import (`diagasso bundle import`): any bytes are refused with a message, or a
//! checked bundle that merges into a store (twice: the second changes nothing) — never a panic.
//!
//! A bundle carries a checksum of its content, so random bytes rarely get past it: when the
//! first byte is odd, the rest is taken as the content and wrapped in an envelope with the
//! right checksum, so the fuzzer reaches the content checks and the merge.
#![no_main]

use diagasso::bundle;
use diagasso::store::Store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let wrapped;
    let bytes = if mode % 2 == 1 {
        let Ok(content) = std::str::from_utf8(rest) else {
            return;
        };
        wrapped = format!(
            "{{\"format\":\"{}\",\"version\":{},\"created_at\":\"2026-11-20T10:00:00Z\",\"checksum\":\"{}\",\"content\":{content}}}",
            bundle::FORMAT,
            bundle::VERSION,
            bundle::checksum(content.as_bytes()),
        );
        wrapped.as_bytes()
    } else {
        rest
    };
    let Ok(checked) = bundle::read(bytes) else {
        return;
    };
    let Ok(mut store) = Store::open_in_memory() else {
        return;
    };
    if store.merge_bundle(&checked).is_ok() {
        let _ = store.merge_bundle(&checked);
        let _ = store.list_audits("", 0, 10);
    }
});
