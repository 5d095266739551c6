//! Any bytes as a page, indexed: decoded (lossy) UTF-8 → `content::parse_page` → an index in
//! memory → searched for the page's own words and for the raw text → rendered. Slower than
//! `page` (an index build per input), so it has a target of its own.
//! Crashing inputs go to `tests/fixtures/fuzz/page/` (replayed with an index there too).
#![no_main]

use libfuzzer_sys::fuzz_target;
use scs_bot::content::{self, LoadOptions};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (page, _problems) =
        content::parse_page(Path::new("en/fuzz.md"), &text, &LoadOptions::default());
    let Some(page) = page else {
        return;
    };
    let words: Vec<String> = page
        .sections
        .iter()
        .flat_map(|s| s.text.split_whitespace().take(4))
        .map(String::from)
        .collect();
    let library = content::Library { pages: vec![page] };
    let state = scs_bot::core::State::in_memory(library, scs_bot::config::Config::default()).expect("indexing never fails");
    for question in [words.join(" "), text.chars().take(200).collect()] {
        let answer = state.answer(std::time::SystemTime::UNIX_EPOCH, &question, "en");
        let _ = scs_bot::console::render::terminal(&answer, &scs_bot::console::render::Style::PLAIN);
    }
});
