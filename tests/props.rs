//! Properties over generated input: any page text loads (and indexes, and answers) without
//! panicking and keeps the model's invariants; repairing mojibake never changes clean text in
//! real languages; any question in any locale is answered without panicking.
//!
//! The loader's own proptests (tests/content.rs, src/content/mojibake.rs) cover small
//! alphabets and the repair round trip; these add whole pages built from realistic blocks,
//! arbitrary bytes through the file reader, real words in many scripts, and the answer path.

use proptest::prelude::*;
use scs_bot::answer::Outcome;
mod common;

use scs_bot::config::Config;
use scs_bot::content::{self, LoadOptions};
use scs_bot::core::{Core, State};
use std::path::Path;

fn check_page(text: &str) {
    let (page, _problems) =
        content::parse_page(Path::new("en/prop.md"), text, &LoadOptions::default());
    // Components (a `component` field, or `locale` without title and slug) are not pages.
    let Some(page) = page else {
        return;
    };
    let lines = text.lines().count().max(1);
    let mut anchors = std::collections::HashSet::new();
    assert!(!page.slug.is_empty());
    assert!(!page.title.trim().is_empty(), "title of {text:?}");
    for s in &page.sections {
        assert!(
            anchors.insert(s.anchor.clone()),
            "duplicate anchor {:?}",
            s.anchor
        );
        assert!(s.line <= lines + 1, "line {} of {lines}", s.line);
        assert!(s.level <= 6);
        assert_eq!(s.path.last(), Some(&s.heading), "path of {s:?}");
        assert!(!s.text.contains("\n\n"), "{:?}", s.text);
        for email in &s.emails {
            assert!(email.contains('@'), "{email:?}");
        }
    }
}

/// Blocks real pages are made of, including broken ones.
fn block() -> impl Strategy<Value = String> {
    let word = "[A-Za-zÄÖÜäöüß0-9]{1,12}";
    prop_oneof![
        (1..=6usize, word, any::<bool>()).prop_map(|(level, w, bold)| {
            let w = if bold { format!("**{w}:**") } else { w };
            format!("{} {w}\n", "#".repeat(level))
        }),
        proptest::collection::vec(word, 1..40).prop_map(|ws| format!("{}\n", ws.join(" "))),
        (word, word).prop_map(|(name, host)| format!("- [{name}](https://{host}.example)\n")),
        word.prop_map(|name| format!("- {name}\n")),
        (word, word).prop_map(|(user, host)| format!("**<{user}@{host}.de>**\n")),
        (word, word)
            .prop_map(|(user, host)| format!("<a href=\"mailto:{user}@{host}.org\">{user}</a>\n")),
        Just("---\n".to_string()),
        Just("```\ncode ### not a heading\n".to_string()),
        Just("```\n".to_string()),
        Just("| a | b |\n|---|---|\n| <b>x</b> | [y](z) |\n".to_string()),
        Just("{% include x.html %} {{ page.title }} {: .mb-3 }\n".to_string()),
        Just("<div><p>raw <em>html</em></div>\n".to_string()),
        Just("Dataport AÃ¶R â€“ GovStackâ€™s ï»¿\n".to_string()),
        Just("\u{a0}\t \u{200b}\u{feff}\r\n".to_string()),
        Just("![img](../x.png) <https://a.example> <mailto:> @@ a@ @b.c\n".to_string()),
        Just("  - nested\n    - deeper [l](<>)\n".to_string()),
        Just("&amp; &#xD800; &#99999999; &nbsp; &\n".to_string()),
        any::<String>().prop_map(|s| format!("{s}\n")),
    ]
}

fn front_matter() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("---\ntitle: 'T'\nlanguage: 'de'\nslug: 's'\ndate: 2024-01-02\n---\n".to_string()),
        Just("---\ntitle: \"Q\"\nauthors:\n- name: x\nmeta: {a: [1, 2]}\n---\n".to_string()),
        Just("---\n# only a comment\n---\n".to_string()),
        Just("---\ntitle: [unclosed\n---\n".to_string()),
        Just("---\nslug: ''\n---\n".to_string()),
        Just("---\ntitle: no end\n".to_string()),
        "[a-z: '\"\\[\\]{}\n-]{0,60}".prop_map(|yaml| format!("---\n{yaml}\n---\n")),
    ]
}

fn page_text() -> impl Strategy<Value = String> {
    (front_matter(), proptest::collection::vec(block(), 0..30))
        .prop_map(|(fm, blocks)| format!("{fm}{}", blocks.concat()))
}

fn core() -> &'static Core {
    common::shipped_core()
}

/// Real words and typography in many languages: text that is clean UTF-8 by construction.
const CLEAN_WORDS: &[&str] = &[
    "Straße",
    "Größe",
    "Äußerung",
    "Übersicht",
    "Österreich",
    "Bürger",
    "naïve",
    "café",
    "crème brûlée",
    "garçon",
    "été",
    "Noël",
    "français",
    "señor",
    "año",
    "¿qué?",
    "¡hola!",
    "São Paulo",
    "coração",
    "ação",
    "Łódź",
    "źdźbło",
    "żółw",
    "Čeština",
    "Příliš",
    "žluťoučký",
    "Ærø",
    "Ørsted",
    "Þórsmörk",
    "ðæ",
    "Türkçe",
    "İstanbul",
    "ağaç",
    "Ελληνικά",
    "Москва",
    "Україна",
    "日本語",
    "中文",
    "한국어",
    "עברית",
    "العربية",
    "हिन्दी",
    "😀",
    "🚀",
    "👍🏽",
    "1 ½ ¼ ¾",
    "3 × 4 ÷ 2",
    "±5 °C",
    "10 €",
    "£ ¥ ¢",
    "©",
    "®",
    "™",
    "§ 3",
    "¶",
    "µs",
    "„Zitat“",
    "«guillemets»",
    "‹x›",
    "“quotes”",
    "‘single’",
    "it’s",
    "–",
    "—",
    "…",
    "•",
    "·",
    "\u{a0}",
    "Dataport AöR",
    "Cloud&Heat",
    "ScaleUp GmbH & Co. KG",
    "ÀÉÎÕÜ",
    "àéîõü",
    "ÃO",
    "ÂME",
    "Ãrvore",
    "é»",
    "ü«",
];

fn clean_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            proptest::sample::select(CLEAN_WORDS),
            proptest::sample::select(&[" ", "", "\n", ", ", ": ", "-", "/", "(", ")"][..]),
        ),
        0..30,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, sep)| format!("{w}{sep}"))
            .collect()
    })
}

fn locale() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("en".to_string()),
        Just("de".to_string()),
        Just("de-DE".to_string()),
        Just("fr".to_string()),
        Just(String::new()),
        any::<String>(),
    ]
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z ?!]{0,60}",
        "/?[a-z]{0,10}( [a-zA-Z*]{0,20})?",
        "[-+:\"()\\[\\]{}^~*?\\\\/!&|<>@#`a-z0-9 ]{0,80}",
        proptest::collection::vec(proptest::sample::select(CLEAN_WORDS), 0..12)
            .prop_map(|ws| ws.join(" ")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_page_text_loads_without_panicking(text in any::<String>()) {
        check_page(&text);
    }

    #[test]
    fn pages_built_from_real_blocks_load_with_the_model_invariants(text in page_text()) {
        check_page(&text);
    }

    #[test]
    fn repairing_mojibake_never_changes_clean_text_in_real_languages(text in clean_text()) {
        prop_assert_eq!(content::repair_mojibake(&text), text);
    }

    #[test]
    fn repairing_mojibake_never_makes_text_longer(text in any::<String>()) {
        prop_assert!(content::repair_mojibake(&text).chars().count() <= text.chars().count());
    }

    #[test]
    fn any_question_in_any_locale_is_answered_without_panicking(q in query(), lang in locale()) {
        let answer = core().answer(&q, &lang);
        prop_assert!(answer.language == "en" || answer.language == "de");
        prop_assert!(!answer.title.is_empty());
        if answer.outcome == Outcome::Refused || answer.outcome == Outcome::NotFound {
            prop_assert!(!answer.text.is_empty());
        }
        prop_assert!(!scs_bot::console::render::terminal(&answer, &scs_bot::console::render::Style::PLAIN).is_empty());
        prop_assert_eq!(&core().answer(&q, &lang), &answer, "the same question, the same answer");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_bytes_in_a_file_load_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/bytes.md"), &bytes).unwrap();
        let (library, problems) = content::load_dir(dir.path(), &LoadOptions::default());
        prop_assert!(library.pages.len() <= 1);
        if std::str::from_utf8(&bytes).is_err() {
            prop_assert!(problems.iter().any(|p| p.message.contains("UTF-8")), "{:?}", problems);
        }
    }

    #[test]
    fn any_loaded_page_is_indexed_and_answered(text in page_text(), q in query()) {
        let (page, _) = content::parse_page(Path::new("en/prop.md"), &text, &LoadOptions::default());
        let library = content::Library { pages: page.into_iter().collect() };
        let state = State::in_memory(library, Config::default()).unwrap();
        let answer = state.answer(std::time::SystemTime::UNIX_EPOCH, &q, "en");
        prop_assert!(!answer.title.is_empty());
        for word in text.split_whitespace().take(3) {
            let _ = state.answer(std::time::SystemTime::UNIX_EPOCH, word, "en");
        }
    }
}

#[test]
fn a_page_without_sections_named_by_a_question_is_no_crash() {
    // Found by `any_loaded_page_is_indexed_and_answered`: a question of nothing but the name
    // of a page with no section at all asked for its first section.
    let text = "---\ntitle: Prop\n---\n";
    let (page, _) = content::parse_page(Path::new("en/prop.md"), text, &LoadOptions::default());
    let library = content::Library {
        pages: page.into_iter().collect(),
    };
    assert!(library.pages.iter().all(|p| p.sections.is_empty()));
    let state = State::in_memory(library, Config::default()).unwrap();
    for question in ["what's on the prop page?", "the prop page?", "Propseite?"] {
        let answer = state.answer(std::time::SystemTime::UNIX_EPOCH, question, "en");
        assert!(!answer.title.is_empty(), "{question}");
    }
}
