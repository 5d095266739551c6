//! Cold start from the snapshots in the index folder (issue 9): a second start with unchanged
//! content reads no page and answers exactly as a full load; every change — bytes, a new,
//! removed or renamed page, a link leading out, other load options — is seen; a damaged or
//! foreign snapshot is never trusted.
//!
//! Each case works on real files in its own temporary folder (the shipped page copied in) and
//! loads through `State::load_at`, the walk "beginning" a minute from now where a case needs
//! the files settled (a file written within `content::SETTLE` before a walk is never trusted
//! by its stat at the next one; the racy case below uses the real time).

use scs_bot::config::Config;
use scs_bot::content::{LoadedFrom, SETTLE};
use scs_bot::core::State;
use scs_bot::index::snapshot::{LAYOUT_FILE, PAGES_FILE};
mod common;

use common::Site;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

const KATA: &str = "---\ntitle: Kata Handbook\nslug: kata\n---\n\n### Kata Containers\n\nLightweight virtual machines that feel like containers, with the zanzibar runtime.\n";

/// The questions whose answers must not depend on where the pages came from.
const ASKED: &[&str] = &[
    "/join",
    "/partners",
    "/partners syseleven",
    "zanzibar runtime",
    "kata contaners",
    "how do I join?",
];

impl Site {
    /// The shipped page and the Kata page.
    fn with_kata() -> Site {
        Site::new(&[("en/kata.md", KATA.as_bytes())])
    }

    /// Loads with the walk beginning a minute from now: every file written so far is settled.
    fn load(&self) -> State {
        load(self.config(), later())
    }
}

fn later() -> SystemTime {
    SystemTime::now() + Duration::from_secs(60)
}

fn load(config: Config, now: SystemTime) -> State {
    State::load_at(Arc::new(config), now).expect("the content loads")
}

/// Every answer of [`ASKED`], as `ask --json` prints it.
fn answers(state: &State) -> Vec<String> {
    ASKED
        .iter()
        .map(|q| {
            serde_json::to_string_pretty(&state.answer(std::time::SystemTime::UNIX_EPOCH, q, "en"))
                .unwrap()
        })
        .collect()
}

fn finds_kata(state: &State, question: &str) -> bool {
    state
        .answer(std::time::SystemTime::UNIX_EPOCH, question, "en")
        .hits
        .iter()
        .any(|h| h.page == "kata")
}

#[test]
fn a_second_start_with_unchanged_content_reads_no_page_and_answers_as_a_full_load() {
    let site = Site::with_kata();
    let first = site.load();
    assert!(
        matches!(first.loaded_from, LoadedFrom::Files { .. }),
        "{}",
        first.loaded_from
    );
    assert!(site.index().join(PAGES_FILE).is_file());
    assert!(site.index().join(LAYOUT_FILE).is_file());

    let second = site.load();
    assert_eq!(second.loaded_from, LoadedFrom::Snapshot { files: 2 });
    assert!(second.index.layout_from_snapshot());
    assert_eq!(second.revision, first.revision);
    assert_eq!(second.library, first.library);
    assert_eq!(second.problems, first.problems);
    assert_eq!(answers(&second), answers(&first));

    // And as a load that never saw a snapshot, into an index folder of its own.
    let mut fresh = site.config();
    fresh.index = site.dir.path().join("other-index");
    let full = load(fresh, later());
    assert!(matches!(full.loaded_from, LoadedFrom::Files { .. }));
    assert_eq!(answers(&second), answers(&full));
    assert_eq!(second.revision, full.revision);
}

#[test]
fn a_page_changed_in_place_with_the_same_size_is_read_again() {
    let site = Site::with_kata();
    drop(site.load());
    let path = site.content().join("en/kata.md");
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    site.write(
        "en/kata.md",
        KATA.replace("zanzibar", "marmoset").as_bytes(),
    );
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(before + Duration::from_secs(1)).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        KATA.len() as u64,
        "the same size"
    );

    let state = site.load();
    assert_eq!(state.loaded_from, LoadedFrom::Partly { reused: 1, read: 1 });
    assert!(finds_kata(&state, "marmoset runtime"));
    assert!(!finds_kata(&state, "zanzibar"));
}

#[test]
fn an_added_page_is_read_and_answered_from() {
    let site = Site::with_kata();
    let first = site.load();
    site.write(
        "en/wasm.md",
        b"---\ntitle: Wasm\nslug: wasm\n---\n\n### WebAssembly\n\nThe quokkatron sandbox runs modules.\n",
    );
    let state = site.load();
    assert_eq!(state.loaded_from, LoadedFrom::Partly { reused: 2, read: 1 });
    assert_ne!(state.revision, first.revision);
    let hits = state
        .answer(
            std::time::SystemTime::UNIX_EPOCH,
            "quokkatron sandbox",
            "en",
        )
        .hits;
    assert!(hits.iter().any(|h| h.page == "wasm"), "{hits:?}");
}

#[test]
fn a_removed_page_is_no_longer_answered_from() {
    let site = Site::with_kata();
    let first = site.load();
    assert!(finds_kata(&first, "zanzibar runtime"));
    std::fs::remove_file(site.content().join("en/kata.md")).unwrap();
    let state = site.load();
    assert_eq!(state.loaded_from, LoadedFrom::Partly { reused: 1, read: 0 });
    assert_ne!(state.revision, first.revision);
    assert!(!finds_kata(&state, "zanzibar runtime"));
    assert!(state.library.page("en", "kata").is_none());
}

#[test]
fn a_renamed_page_is_read_under_its_new_name() {
    let site = Site::with_kata();
    drop(site.load());
    std::fs::create_dir_all(site.content().join("en/handbooks")).unwrap();
    std::fs::rename(
        site.content().join("en/kata.md"),
        site.content().join("en/handbooks/kata.md"),
    )
    .unwrap();
    let state = site.load();
    assert_eq!(state.loaded_from, LoadedFrom::Partly { reused: 1, read: 1 });
    let page = state.library.page("en", "kata").unwrap();
    assert_eq!(page.path, Path::new("en/handbooks/kata.md"));
    assert!(finds_kata(&state, "zanzibar runtime"));
}

#[test]
fn a_link_leading_out_is_reported_and_never_read_with_the_rest_from_the_snapshot() {
    let site = Site::with_kata();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "# Secret\n\nThe xylophonic passphrase.\n",
    )
    .unwrap();
    let first = site.load();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        site.content().join("en/secret.md"),
    )
    .unwrap();
    let state = site.load();
    // The walk is always fresh: the link is found and reported, and nothing behind it read.
    assert!(
        state
            .problems
            .iter()
            .any(|p| p.file == Path::new("en/secret.md")
                && p.message.contains("outside the content folder")),
        "{:#?}",
        state.problems
    );
    assert!(!first.problems.iter().any(|p| p.file.ends_with("secret.md")));
    assert!(state
        .answer(
            std::time::SystemTime::UNIX_EPOCH,
            "xylophonic passphrase",
            "en"
        )
        .hits
        .is_empty());
    // The pages themselves did not change.
    assert_eq!(state.loaded_from, LoadedFrom::Snapshot { files: 2 });
    assert_eq!(state.revision, first.revision);
}

#[test]
fn other_load_options_read_every_page_again() {
    let site = Site::with_kata();
    let first = site.load();
    assert!(finds_kata(&first, "zanzibar runtime"));
    let mut config = site.config();
    config.max_page_bytes = 100;
    let state = load(config, later());
    match &state.loaded_from {
        LoadedFrom::Files { reason } => assert!(reason.contains("load options"), "{reason}"),
        other => panic!("{other}"),
    }
    assert!(!finds_kata(&state, "zanzibar runtime"));
    assert!(state
        .problems
        .iter()
        .any(|p| p.field.as_deref() == Some("max_page_bytes")));
    // Back to the defaults: the snapshot of the small limit is not taken for them either.
    let again = site.load();
    assert!(matches!(again.loaded_from, LoadedFrom::Files { .. }));
    assert!(finds_kata(&again, "zanzibar runtime"));
}

#[test]
fn damaged_snapshots_are_not_trusted_and_the_bot_still_answers() {
    let site = Site::with_kata();
    let first = site.load();
    let expected = answers(&first);
    let pages = site.index().join(PAGES_FILE);
    let layout = site.index().join(LAYOUT_FILE);
    let whole = (
        std::fs::read(&pages).unwrap(),
        std::fs::read(&layout).unwrap(),
    );
    let mut flipped = whole.clone();
    let middle = flipped.0.len() / 2;
    flipped.0[middle] ^= 0x20;
    let middle = flipped.1.len() / 2;
    flipped.1[middle] ^= 0x20;
    let damages: [(&str, Vec<u8>, Vec<u8>); 4] = [
        (
            "garbage",
            b"\x00garbage\xff".to_vec(),
            b"\x00garbage\xff".to_vec(),
        ),
        (
            "cut in half",
            whole.0[..whole.0.len() / 2].to_vec(),
            whole.1[..whole.1.len() / 2].to_vec(),
        ),
        ("one flipped bit", flipped.0, flipped.1),
        ("empty", Vec::new(), Vec::new()),
    ];
    for (damage, pages_bytes, layout_bytes) in damages {
        std::fs::write(&pages, pages_bytes).unwrap();
        std::fs::write(&layout, layout_bytes).unwrap();
        let state = site.load();
        assert!(
            matches!(state.loaded_from, LoadedFrom::Files { .. }),
            "{damage}: {}",
            state.loaded_from
        );
        assert!(!state.index.layout_from_snapshot(), "{damage}");
        assert_eq!(answers(&state), expected, "{damage}");
        assert_eq!(state.revision, first.revision, "{damage}");
    }
    // Each load wrote sound snapshots again (the layout at its first search).
    let state = site.load();
    assert_eq!(state.loaded_from, LoadedFrom::Snapshot { files: 2 });
    assert!(state.index.layout_from_snapshot());
}

#[test]
fn snapshots_of_another_site_are_not_taken_for_this_one() {
    let (ours, theirs) = (Site::with_kata(), Site::with_kata());
    theirs.write(
        "en/kata.md",
        KATA.replace("zanzibar", "quokkatron").as_bytes(),
    );
    drop(ours.load());
    drop(theirs.load());
    for file in [PAGES_FILE, LAYOUT_FILE] {
        std::fs::copy(theirs.index().join(file), ours.index().join(file)).unwrap();
    }
    let state = ours.load();
    match &state.loaded_from {
        LoadedFrom::Files { reason } => assert!(reason.contains("snapshot is of"), "{reason}"),
        other => panic!("{other}"),
    }
    assert!(!state.index.layout_from_snapshot());
    assert!(finds_kata(&state, "zanzibar runtime"));
    assert!(!finds_kata(&state, "quokkatron"));
}

#[test]
fn a_page_rewritten_in_the_same_second_with_the_same_size_is_still_seen() {
    // The real clock here: the page is written right before the first walk, so its stat
    // can't tell a rewrite in the same tick of a coarse file-system clock. It is read again.
    let site = Site::with_kata();
    let path = site.content().join("en/kata.md");
    let first = load(site.config(), SystemTime::now());
    assert!(finds_kata(&first, "zanzibar runtime"));
    let stamped = std::fs::metadata(&path).unwrap().modified().unwrap();
    site.write(
        "en/kata.md",
        KATA.replace("zanzibar", "marmoset").as_bytes(),
    );
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(stamped)
        .unwrap();
    let second = load(site.config(), SystemTime::now());
    match second.loaded_from {
        LoadedFrom::Partly { read, .. } => assert!(read >= 1),
        ref other => panic!("{other}"),
    }
    assert!(finds_kata(&second, "marmoset runtime"));
    assert!(!finds_kata(&second, "zanzibar"));
    // Once settled, the unchanged pages come from the snapshot again.
    let settled = load(site.config(), SystemTime::now() + SETTLE * 5);
    assert!(
        matches!(settled.loaded_from, LoadedFrom::Partly { .. }),
        "the files fresh at the second walk are read once more: {}",
        settled.loaded_from
    );
    let third = load(site.config(), SystemTime::now() + SETTLE * 10);
    assert_eq!(third.loaded_from, LoadedFrom::Snapshot { files: 2 });
}
