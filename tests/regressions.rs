//! Replays every input kept under `tests/fixtures/fuzz/` through the code its fuzz target
//! drives (see `fuzz/fuzz_targets/`), more thoroughly: every page input is also indexed and
//! searched, every answer input runs in every locale and through every entry point.
//! A crash found by `scripts/fuzz.sh` becomes a file there, so it stays fixed.

mod common;

use scs_bot::config::Config;
use scs_bot::content::{self, LoadOptions};
use scs_bot::core::{Core, State};
use std::path::{Path, PathBuf};

const LOCALES: [&str; 8] = ["en", "de", "en-US", "de_DE", "fr", "", "EN", "x-\u{0}"];
const COMMANDS: [&str; 8] = [
    "partners", "join", "links", "about", "goals", "help", "ask", "nope",
];

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

fn core() -> &'static Core {
    common::shipped_core()
}

/// What the `page` target does, always with the index.
fn replay_page(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = content::repair_mojibake(&text);
    let (page, _) = content::parse_page(Path::new("en/fuzz.md"), &text, &LoadOptions::default());
    // Components (a `component` field, or `locale` without title and slug) are not pages.
    let Some(page) = page else {
        return;
    };
    let mut anchors = std::collections::HashSet::new();
    for s in &page.sections {
        assert!(
            anchors.insert(s.anchor.clone()),
            "duplicate anchor {:?}",
            s.anchor
        );
        assert_eq!(s.path.last(), Some(&s.heading));
    }
    let words: Vec<String> = page
        .sections
        .iter()
        .flat_map(|s| s.text.split_whitespace().take(4))
        .map(String::from)
        .collect();
    let state =
        State::in_memory(content::Library { pages: vec![page] }, Config::default()).unwrap();
    for question in [words.join(" "), text.chars().take(200).collect()] {
        let answer = state.answer(std::time::SystemTime::UNIX_EPOCH, &question, "en");
        let _ =
            scs_bot::console::render::terminal(&answer, &scs_bot::console::render::Style::PLAIN);
    }
}

/// What the `answer` target does, for every selector.
fn replay_answer(data: &[u8]) {
    let text = String::from_utf8_lossy(data.get(1..).unwrap_or_default());
    for locale in LOCALES {
        for answer in std::iter::once(core().answer(&text, locale)).chain(
            COMMANDS
                .iter()
                .map(|c| core().command(c, Some(&text), locale)),
        ) {
            assert!(answer.language == "en" || answer.language == "de");
            assert!(!answer.title.is_empty());
            let _ = scs_bot::console::render::terminal(
                &answer,
                &scs_bot::console::render::Style::terminal(100),
            );
            let _ = scs_bot::discord::render::answer(&answer, 0, None, false);
            serde_json::to_string(&answer).unwrap();
        }
        assert!(core().complete_partner(&text, locale).len() <= 25);
    }
}

#[test]
fn every_kept_page_input_loads_indexes_and_answers() {
    for (path, bytes) in inputs("page") {
        eprintln!("replaying {}", path.display());
        replay_page(&bytes);
    }
}

#[test]
fn every_kept_answer_input_is_answered_in_every_locale() {
    for (path, bytes) in inputs("answer") {
        eprintln!("replaying {}", path.display());
        replay_answer(&bytes);
    }
}
