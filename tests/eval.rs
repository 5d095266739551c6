//! Answer quality on the shipped content, through the whole answer path (routing + search):
//! the question set in tests/eval/questions.toml must keep P@1 ≥ 0.95.

use scs_bot::config::Config;
use scs_bot::core::Core;
use scs_bot::eval::{evaluate, load_questions, parse_questions};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> (tempfile::TempDir, Core) {
    let index = tempfile::tempdir().unwrap();
    let mut config = Config::load(&root().join("config.toml")).unwrap();
    config.index = index.path().to_path_buf();
    (index, Core::open(config).unwrap())
}

#[test]
fn question_set_keeps_precision_at_one_above_095() {
    let questions = load_questions(&root().join("tests/eval/questions.toml")).unwrap();
    assert!(questions.len() >= 40);
    let (_index, core) = shipped();
    let report = evaluate(&core, &questions, "en");
    assert!(
        report.p_at_1 >= 0.95,
        "P@1 {:.3}, misses: {:#?}",
        report.p_at_1,
        report.misses
    );
    assert!(report.mrr_at_5 >= report.p_at_1);
}

#[test]
fn discord_style_questions_over_the_seed_page_keep_their_floors() {
    let questions = load_questions(&root().join("tests/eval/seed_discord.toml")).unwrap();
    assert!(questions.len() >= 50);
    let (_index, core) = shipped();
    let report = evaluate(&core, &questions, "en");
    let misses = format!("{:#?}", report.misses);
    assert!(report.page_p_at_1 >= 0.975, "{misses}");
    assert!(report.p_at_1 >= 0.95, "{misses}");
    assert_eq!(report.abstention, 1.0, "{misses}");
}

#[test]
fn json_lines_with_headings_or_page_anchors_are_accepted() {
    let questions = parse_questions(
        "set.jsonl",
        r#"{"question": "how do I join?", "expected": "Get Involved"}
{"q": "who are the partners", "anchor": "network#our-partners-in-the-network"}
{"query": "wer sind die partner", "expected": ["our-partners-in-the-network", "x"], "lang": "en"}
"#,
    )
    .unwrap();
    let (_index, core) = shipped();
    let report = evaluate(&core, &questions, "en");
    assert_eq!(report.questions, 3);
    assert_eq!(report.p_at_1, 1.0, "{:#?}", report.misses);
}

#[test]
fn a_wrong_expectation_counts_as_a_miss() {
    let questions = parse_questions(
        "set.toml",
        "[[question]]\ntext = \"how do I join?\"\nexpected = \"further-links\"\n",
    )
    .unwrap();
    let (_index, core) = shipped();
    let report = evaluate(&core, &questions, "en");
    assert_eq!(report.p_at_1, 0.0);
    assert_eq!(report.misses[0].got[0], "network#get-involved");
}

#[test]
fn an_empty_question_file_is_an_error() {
    assert!(parse_questions("set.jsonl", "\n# nothing\n").is_err());
}

fn site() -> (tempfile::TempDir, Core) {
    let index = tempfile::tempdir().unwrap();
    let mut config = Config::load(&root().join("config.toml")).unwrap();
    config.content = root().join("tests/fixtures/scs_site");
    config.index = index.path().to_path_buf();
    // The day its questions were written: "the next hackathon" is the one its events page
    // plans for spring 2026.
    let written = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_764_547_200);
    (index, Core::open(config).unwrap().at_time(written))
}

/// The site-shaped fixture (tests/fixtures/scs_site) and its question set, through the whole
/// answer path, against the plain BM25 baseline in the same run. The floors are today's
/// figures (page P@1 0.89, section P@1 0.85, abstention 0.97, wrong answers 0.03), so a change
/// that loses ground fails here. The whole-website issue's bars (P@1 ≥ 0.95, abstention
/// ≥ 0.95, wrong answers ≤ 2 %) are not reached on this set yet; the held-out development
/// sets (`scripts/eval_all.sh`) show where the misses are.
#[test]
fn the_fixture_site_beats_the_baseline_and_abstains_on_out_of_scope_questions() {
    let (_index, core) = site();
    let questions = load_questions(&root().join("tests/eval/site.toml")).unwrap();
    assert!(questions.len() >= 250);
    let report = evaluate(&core, &questions, "en");
    let baseline = scs_bot::eval::baseline::PlainBaseline::new(&core.state().library)
        .unwrap()
        .evaluate(&questions, "en");
    let table = scs_bot::eval::side_by_side(&report, &baseline);
    assert!(report.page_p_at_1 >= 0.89, "{table}");
    assert!(report.p_at_1 >= 0.85, "{table}");
    assert!(report.abstention >= 0.965, "{table}");
    assert!(report.wrong_answers <= 0.035, "{table}");
    assert!(report.page_p_at_1 > baseline.page_p_at_1 + 0.1, "{table}");
    assert!(report.mrr_at_5 > baseline.mrr_at_5, "{table}");
    let smalltalk = &report.by_category["smalltalk"];
    assert_eq!(smalltalk.abstention, 1.0, "{table}");
    // Ahead of the baseline (or level with it) on every category, by page and by section.
    for (name, ours) in &report.by_category {
        let theirs = &baseline.by_category[name];
        if ours.answerable == 0 {
            continue;
        }
        assert!(ours.page_p_at_1 >= theirs.page_p_at_1, "{name}\n{table}");
        assert!(ours.p_at_1 >= theirs.p_at_1, "{name}\n{table}");
    }
}

/// One question's answer through the whole path, on the site fixture: `(page, anchor)` of the
/// first hit, or `None` when it said it doesn't know.
fn first(core: &Core, question: &str, language: &str) -> Option<(String, String)> {
    let answer = core.answer(question, language);
    (answer.outcome == scs_bot::answer::Outcome::Answered)
        .then(|| {
            answer
                .hits
                .first()
                .map(|h| (h.page.clone(), h.anchor.clone()))
        })
        .flatten()
}

#[test]
fn a_release_is_found_however_its_number_is_written() {
    let (_index, core) = site();
    for (question, language) in [
        ("release9 highlights", "en"),
        ("Release 9 highlights", "en"),
        ("R9 highlights", "en"),
        ("highlights of the ninth release", "en"),
        ("highlights of the 9th release", "en"),
        ("Highlights im neunten Release", "de"),
    ] {
        let found = first(&core, question, language);
        assert_eq!(
            found.as_ref().map(|(page, _)| page.as_str()),
            Some("2025-09-26-release9"),
            "{question}: {found:?}"
        );
    }
}

#[test]
fn a_question_for_an_amount_or_a_date_finds_the_section_that_states_it() {
    let (_index, core) = site();
    for (question, language, expected) in [
        // The about page explains why SCS matters to costs; the standards page states the fee.
        (
            "how much does certification cost?",
            "en",
            ("standards", "certification"),
        ),
        (
            "Was kostet die Zertifizierung?",
            "de",
            ("standards", "zertifizierung"),
        ),
        // Every section of the announcement shares "Release 6"; the lead states the date.
        (
            "when did SCS publish Release 6?",
            "en",
            ("release6", "sovereign-cloud-stack-publishes-release-6"),
        ),
    ] {
        let found = first(&core, question, language);
        assert_eq!(
            found.as_ref().map(|(p, a)| (p.as_str(), a.as_str())),
            Some(expected),
            "{question}"
        );
    }
}

#[test]
fn a_german_compound_finds_pages_that_use_its_parts() {
    let (_index, core) = site();
    let found = first(&core, "Jahresbudget des Forums", "de");
    assert_eq!(
        found.as_ref().map(|(page, _)| page.as_str()),
        Some("forum-scs-standards"),
        "{found:?}"
    );
}

#[test]
fn a_german_question_finds_a_post_written_only_in_english() {
    let (_index, core) = site();
    let found = first(&core, "Bericht vom Hackathon in Leipzig", "de");
    assert_eq!(
        found.as_ref().map(|(page, _)| page.as_str()),
        Some("hackathon-leipzig"),
        "{found:?}"
    );
}

#[test]
fn questions_about_other_topics_and_lone_common_words_are_not_answered() {
    let (_index, core) = site();
    for (question, language) in [
        ("what's the weather in Berlin tomorrow?", "en"),
        ("write me a poem about cats", "en"),
        ("who is the best formula 1 driver?", "en"),
        ("how can I join a choir in my city?", "en"),
        ("what time is it?", "en"),
        ("time", "en"),
        ("1", "en"),
        ("involved", "en"),
        ("Wie wird das Wetter morgen?", "de"),
        ("Schreib mir ein Gedicht über Katzen", "de"),
        ("mitmachen beim Chor", "de"),
    ] {
        assert_eq!(first(&core, question, language), None, "{question}");
    }
}
