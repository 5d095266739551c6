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

/// The site-shaped fixture (tests/fixtures/scs_site) and its question set, through the whole
/// answer path, against the plain BM25 baseline in the same run. The floors are today's
/// figures (P@1 0.670, abstention 0.52), so a change that loses ground fails here; the bars
/// of the whole-website issue (P@1 ≥ 0.95, abstention ≥ 0.95) are not reached yet.
#[test]
fn the_fixture_site_beats_the_baseline_and_abstains_on_out_of_scope_questions() {
    let index = tempfile::tempdir().unwrap();
    let mut config = Config::load(&root().join("config.toml")).unwrap();
    config.content = root().join("tests/fixtures/scs_site");
    config.index = index.path().to_path_buf();
    let core = Core::open(config).unwrap();
    let questions = load_questions(&root().join("tests/eval/site.toml")).unwrap();
    assert!(questions.len() >= 250);
    let report = evaluate(&core, &questions, "en");
    let baseline = scs_bot::eval::baseline::PlainBaseline::new(&core.state().library)
        .unwrap()
        .evaluate(&questions, "en");
    let table = scs_bot::eval::side_by_side(&report, &baseline);
    assert!(report.p_at_1 >= 0.65, "{table}");
    assert!(report.p_at_1 > baseline.p_at_1, "{table}");
    assert!(report.mrr_at_5 > baseline.mrr_at_5, "{table}");
    assert!(report.abstention >= 0.45, "{table}");
    assert!(report.abstention > baseline.abstention + 0.3, "{table}");
    let smalltalk = &report.by_category["smalltalk"];
    assert_eq!(smalltalk.abstention, 1.0, "{table}");
}
