//! Hostile input from users, through `Core::answer`: query syntax, huge questions, invisible
//! and right-to-left characters, mention text and markdown injection. Each is answered or
//! refused cleanly: never a panic, never a query-syntax error shown, never a link that did not
//! come from the content. (That Discord never pings anyone is tested with the Discord renderer,
//! in tests/discord_render.rs.)

use scs_bot::answer::{Answer, Outcome};
use scs_bot::config::Config;
use scs_bot::core::Core;
use std::sync::OnceLock;

const CONTACT: &str = "forum-scs-standards@osb-alliance.com";

/// One core over the shipped content, in memory, shared by every test.
fn core() -> &'static Core {
    static CORE: OnceLock<Core> = OnceLock::new();
    CORE.get_or_init(|| {
        let mut config = Config::parse(include_str!("../config.toml")).unwrap();
        config.content = concat!(env!("CARGO_MANIFEST_DIR"), "/content").into();
        let (library, _) = scs_bot::content::load_dir(&config.content, &config.load_options());
        Core::in_memory(config, library).unwrap()
    })
}

/// Answers `input` in several locales (known, unknown, empty, malformed) and checks what every
/// answer must satisfy; returns the English answer.
fn check(input: &str) -> Answer {
    let mut english = None;
    for locale in ["en", "de", "en-US", "fr", "", "DE_de", "x\u{0}y", "😀"] {
        let answer = core().answer(input, locale);
        assert_clean(input, &answer);
        if locale == "en" {
            english = Some(answer);
        }
    }
    english.unwrap()
}

fn assert_clean(input: &str, answer: &Answer) {
    let context = format!("input {input:?} → {answer:#?}");
    assert!(
        ["en", "de"].contains(&answer.language.as_str()),
        "{context}"
    );
    assert!(!answer.title.trim().is_empty(), "{context}");
    assert!(
        !answer.text.trim().is_empty() || !answer.hits.is_empty() || !answer.partners.is_empty(),
        "{context}"
    );
    // Nothing of the query parser leaks out.
    for leak in [
        "syntax",
        "SyntaxError",
        "QueryParser",
        "tantivy",
        "panicked",
    ] {
        assert!(!answer.text.contains(leak), "{leak}: {context}");
    }
    // Links only ever come from the content (or the config), never from the question.
    let urls = answer
        .hits
        .iter()
        .map(|h| h.url.as_str())
        .chain(answer.links.iter().map(|l| l.url.as_str()))
        .chain(answer.partners.iter().filter_map(|p| p.url.as_deref()));
    for url in urls {
        assert!(url.starts_with("https://"), "{url}: {context}");
        assert!(!url.contains("javascript"), "{url}: {context}");
    }
    // The answer always renders and serialises.
    assert!(
        !scs_bot::console::render::terminal(answer, &scs_bot::console::render::Style::PLAIN)
            .is_empty()
    );
    assert!(!scs_bot::console::render::terminal(
        answer,
        &scs_bot::console::render::Style::terminal(100)
    )
    .is_empty());
    let json = serde_json::to_value(answer).unwrap();
    assert!(json["query"].is_string(), "{context}");
}

fn answered_or_not_found(answer: &Answer) {
    assert!(
        matches!(answer.outcome, Outcome::Answered | Outcome::NotFound),
        "{answer:#?}"
    );
}

#[test]
fn tantivy_query_syntax_is_searched_as_words() {
    for input in [
        "title:foo AND -bar \"unclosed",
        "*",
        "**",
        "kata~2",
        "~2",
        "partners^3",
        "^3",
        "[a TO b]",
        "{a TO b}",
        "(((",
        ")))",
        "\"\"\"",
        "body:partners OR title:join",
        "+must -not",
        "NOT AND OR",
        "a:b:c:d",
        "\\",
        "\\\"",
        "field:[* TO *]",
        "in:[1 2 3]",
        "???",
        "!!!",
        "&& ||",
        "'single",
        "-",
        "--",
        ":",
        "kata AND",
        "AND kata",
    ] {
        let answer = check(input);
        answered_or_not_found(&answer);
    }
}

#[test]
fn query_syntax_around_words_still_finds_them() {
    for input in [
        "title:kata",
        "+kata -nothing",
        "\"kata containers",
        "(kata containers)",
        "kata^2",
        "kata~1 containers",
        "[kata]",
    ] {
        let answer = check(input);
        assert_eq!(answer.outcome, Outcome::Answered, "{input:?}: {answer:#?}");
        assert!(
            answer.text.contains("Kata") || answer.hits.iter().any(|h| h.snippet.contains("Kata")),
            "{input:?}: {answer:#?}"
        );
    }
}

#[test]
fn a_question_of_four_thousand_characters_is_refused_cleanly() {
    for input in [
        "a".repeat(4000),
        "why ".repeat(1000),
        "ü".repeat(4000),
        "😀".repeat(4000),
        format!("/partners {}", "x".repeat(4000)),
        format!("how do I join? {}", "\u{200b}".repeat(4000)),
    ] {
        let answer = check(&input);
        assert_eq!(answer.outcome, Outcome::Refused, "{}", &input[..20]);
        assert!(answer.text.contains("too long"), "{}", answer.text);
        assert!(answer.hits.is_empty() && answer.partners.is_empty());
    }
}

#[test]
fn a_question_at_the_length_limit_is_answered() {
    let max = core().config().search.max_question_chars;
    let mut input = String::from("how do I join the forum");
    while input.chars().count() < max {
        input.push_str(" please");
    }
    let input: String = input.chars().take(max).collect();
    let answer = check(&input);
    assert_ne!(answer.outcome, Outcome::Refused, "{answer:#?}");
}

#[test]
fn invisible_and_right_to_left_characters_are_answered_or_refused_cleanly() {
    for input in [
        "\u{200b}",
        "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}",
        "\u{202e}",
        "\u{202e}sredtrap eht era ohw",
        "\u{200f}who are the partners?\u{200e}",
        "\u{2066}how do I join?\u{2069}",
        "ka\u{200b}ta con\u{200d}tainers",
        "مرحبا، من هم الشركاء؟",
        "שלום kata",
        "\u{0301}\u{0301}\u{0301}",
        "Z\u{0351}\u{036b}\u{0343}a\u{0310}\u{0342}l\u{0352}g\u{0311}o",
        "\u{fffd}\u{fffd}",
        "\u{0}",
        "\u{0}/join",
        "\t\r\n/join\n",
        "\u{85}\u{2028}\u{2029}",
        "\u{1b}[31mred\u{1b}[0m",
    ] {
        check(input);
    }
}

#[test]
fn bidi_marks_around_a_question_do_not_hide_it() {
    let answer = check("\u{200f}who are the partners?\u{200e}");
    assert_eq!(answer.command, "partners", "{answer:#?}");
    assert_eq!(answer.partners.len(), 14);
}

#[test]
fn mention_text_is_answered_like_any_other_text() {
    for input in [
        "@everyone",
        "@here",
        "@everyone who are the partners?",
        "<@&123>",
        "<@123456789012345678> how do I join?",
        "<@!123>",
        "<#123>",
        "</join:123>",
        "/partners @everyone",
        "/partners <@&123>",
        "/join @here",
    ] {
        let answer = check(input);
        assert_ne!(answer.command, "error", "{input:?}: {answer:#?}");
    }
    assert_eq!(check("/join @here").contacts, vec![CONTACT.to_string()]);
    assert_eq!(check("@everyone how do I join?").command, "join");
}

#[test]
fn markdown_injection_is_echoed_only_as_the_query() {
    for input in [
        "**bold** question",
        "`code` and ``` fences ```",
        "[x](javascript:alert(1))",
        "[click](https://evil.example) how do I join?",
        "![img](https://evil.example/x.png)",
        "<script>alert(1)</script>",
        "> quote\n# heading\n- list",
        "||spoiler|| ~~strike~~ __under__",
        "/partners [x](javascript:alert(1))",
        "/partners **syseleven**",
        "/partners `syseleven`",
    ] {
        let answer = check(input);
        assert_eq!(answer.query, input.trim());
        // The text may quote what was asked, verbatim; nothing else of it gets in.
        let arg = input
            .trim()
            .strip_prefix("/partners ")
            .unwrap_or(input.trim());
        let rest = answer.text.replace(arg, "");
        assert!(!rest.contains("evil.example"), "{answer:#?}");
        assert!(!rest.contains("javascript"), "{answer:#?}");
        assert!(
            answer
                .partners
                .iter()
                .all(|p| !p.name.contains('`') && !p.name.contains('[')),
            "{answer:#?}"
        );
    }
}

#[test]
fn a_partner_named_in_markdown_is_still_found() {
    let answer = check("/partners **syseleven**");
    let names: Vec<_> = answer.partners.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["SysEleven GmbH"], "{answer:#?}");
}

#[test]
fn odd_command_lines_are_answered_or_refused_cleanly() {
    for input in [
        "/",
        "//",
        "/ join",
        "/JOIN",
        "/Partners SYSELEVEN",
        "/join extra words here",
        "/help me",
        "/unknown",
        "/ask",
        "/ask /ask /ask",
        "/ask how do I join?",
        "/partners nobody-by-that-name",
        "/partners *",
        "/../../etc/passwd",
        "/regex.*/",
        "/\u{0}",
        "/😀",
        "/reload",
        "",
        "   ",
    ] {
        check(input);
    }
    assert_eq!(check("/JOIN").command, "join");
    assert_eq!(check("/unknown").outcome, Outcome::Refused);
    assert_eq!(check("").outcome, Outcome::Refused);
}
