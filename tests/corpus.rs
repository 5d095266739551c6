//! The benchmark corpus generator (`benches/support/corpus.rs`, not part of the product) and
//! its own tests.

#[path = "../benches/support/corpus.rs"]
#[allow(dead_code)]
mod corpus;

#[test]
fn the_same_seed_gives_the_same_pages() {
    assert_eq!(corpus::pages(20, 7), corpus::pages(20, 7));
    assert_ne!(corpus::pages(20, 7), corpus::pages(20, 8));
}

#[test]
fn generated_pages_load_without_problems() {
    let options = scs_bot::content::LoadOptions::default();
    for (rel, text) in corpus::pages(40, 1) {
        let (page, problems) = scs_bot::content::parse_page(&rel, &text, &options);
        let page = page.expect("a generated page is a page");
        assert!(problems.is_empty(), "{rel:?}: {problems:?}");
        assert!(page.sections.len() >= 4, "{rel:?}");
    }
}
