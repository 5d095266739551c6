//! Any UTF-8 question in any locale against a core over the shipped content (built once, in
//! memory): `Core::answer`, a slash command with the text as its argument, partner
//! autocomplete, and rendering for the terminal and for Discord. The first byte picks the
//! locale and the entry point. Crashing inputs go to `tests/fixtures/fuzz/answer/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scs_bot::config::Config;
use scs_bot::console::render::{self, Style};
use scs_bot::core::Core;
use std::sync::OnceLock;

const LOCALES: [&str; 8] = ["en", "de", "en-US", "de_DE", "fr", "", "EN", "x-\u{0}"];
const COMMANDS: [&str; 8] = [
    "partners", "join", "links", "about", "goals", "help", "ask", "nope",
];

fn core() -> &'static Core {
    static CORE: OnceLock<Core> = OnceLock::new();
    CORE.get_or_init(|| {
        let mut config = Config::parse(include_str!("../../config.toml")).expect("config.toml");
        config.content = concat!(env!("CARGO_MANIFEST_DIR"), "/../content").into();
        let (library, _) = scs_bot::content::load_dir(&config.content, &config.load_options());
        assert!(!library.pages.is_empty(), "the shipped content loads");
        Core::in_memory(config, library).expect("the index builds")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let locale = LOCALES[(selector & 7) as usize];
    let core = core();
    let answer = match (selector >> 3) & 3 {
        0 | 1 => core.answer(&text, locale),
        2 => {
            let name = COMMANDS[(selector >> 5) as usize];
            core.command(name, Some(&text), locale)
        }
        _ => {
            let names = core.complete_partner(&text, locale);
            assert!(names.len() <= 25);
            return;
        }
    };
    assert!(answer.language == "en" || answer.language == "de");
    assert!(!answer.title.is_empty());
    let style = if selector & 0x80 != 0 {
        Style::terminal(usize::from(selector & 0x7f))
    } else {
        Style::PLAIN
    };
    let _ = render::terminal(&answer, &style);
    let _ = scs_bot::discord::render::answer(&answer, 0, None, false);
    let _ = serde_json::to_string(&answer);
});
