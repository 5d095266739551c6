//! Any bytes as a page: decoded (lossy) UTF-8 → `content::parse_page` → the model's
//! invariants. (Indexing is in the `index` target: here it would draw the fuzzer to its
//! slower path and cut the parser's executions tenfold.)
//! Crashing inputs go to `tests/fixtures/fuzz/page/` (replayed by tests/regressions.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;
use scs_bot::content::{self, LoadOptions};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = LoadOptions::default();
    let _ = content::repair_mojibake(&text);
    let (page, _problems) = content::parse_page(Path::new("en/fuzz.md"), &text, &options);
    // Components (a `component` field, or `locale` without title and slug) are not pages.
    let Some(page) = page else {
        return;
    };
    let mut anchors = std::collections::HashSet::new();
    for s in &page.sections {
        assert!(
            anchors.insert(s.anchor.as_str()),
            "duplicate anchor {:?}",
            s.anchor
        );
        assert_eq!(s.path.last(), Some(&s.heading));
    }
});
