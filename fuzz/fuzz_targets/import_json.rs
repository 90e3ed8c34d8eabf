//! Fuzz the JSON import (`diagasso import FILE`): any bytes are refused with a message, or form
//! an export whose audit restores into a store and reads back — never a panic.
#![no_main]

use diagasso::store::Store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((doc, q)) = diagasso::export::json::parse(data) else {
        return;
    };
    let Ok(mut store) = Store::open_in_memory() else {
        return;
    };
    if store
        .restore_audit(&doc.association, &doc.audit, &q)
        .is_ok()
    {
        let _ = store.audit(&doc.audit.id);
        let _ = store.list_audits("", 0, 10);
    }
});
