//! Faults in the content folder and the index folder, through `Core` (open and reload): each one
//! gives a clear problem report (or status) and the core keeps answering from the last good state.
//!
//! Every case works in its own temporary folder; the shipped page is copied in. Tests run as
//! root in CI, where permissions don't stop reads, so unreadable files are made with dangling
//! links and unusable index paths with a regular file in the way.

use scs_bot::answer::Outcome;
use scs_bot::content::Problem;
use scs_bot::core::Core;
use scs_bot::index::{IndexStatus, FINGERPRINT_FILE};
mod common;

use common::Site;
use std::path::{Path, PathBuf};

const CONTACT: &str = "forum-scs-standards@osb-alliance.com";

const EXTRA_PAGE: &str = "---\ntitle: Kata Handbook\nslug: kata\n---\n\n### Kata Containers\n\nLightweight virtual machines that feel like containers, with the zanzibar runtime.\n";

impl Site {
    fn open(&self) -> Core {
        Core::open(self.config()).expect("the core opens")
    }

    /// Opens with `max_page_bytes` raised to 20 MB, for pages above the 5 MB default.
    fn open_allowing_big_pages(&self) -> Core {
        let mut config = self.config();
        config.max_page_bytes = 20_000_000;
        Core::open(config).expect("the core opens")
    }
}

/// The commands still answer from the shipped page.
fn assert_answering(core: &Core) {
    let join = core.answer("/join", "en");
    assert_eq!(join.outcome, Outcome::Answered, "{join:?}");
    assert_eq!(join.contacts, vec![CONTACT.to_string()]);
    let partners = core.answer("/partners", "en");
    assert_eq!(partners.partners.len(), 14, "{partners:?}");
    let search = core.answer("kata contaners", "en");
    assert_eq!(search.outcome, Outcome::Answered, "{search:?}");
}

/// Whether a free question finds the extra page's section.
fn finds_kata_page(core: &Core) -> bool {
    core.answer("zanzibar runtime", "en")
        .hits
        .iter()
        .any(|h| h.page == "kata")
}

/// The one problem about `file`, with a message containing `needle`.
fn problem_about(problems: &[Problem], file: &str, needle: &str) -> Problem {
    problems
        .iter()
        .find(|p| p.file.to_string_lossy().contains(file) && p.message.contains(needle))
        .cloned()
        .unwrap_or_else(|| panic!("no problem about {file} saying {needle:?} in {problems:#?}"))
}

fn index_files(index: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect()
}

// --- The index folder ------------------------------------------------------------------------

#[test]
fn a_corrupt_index_folder_is_rebuilt_with_a_warning_and_answers() {
    let site = Site::new(&[]);
    drop(site.open());
    // The disk damaged Tantivy's files; the fingerprint still matches the content.
    for file in index_files(&site.index()) {
        let name = file.file_name().unwrap();
        if name != ".gitignore" && name != FINGERPRINT_FILE {
            std::fs::write(&file, b"\x00garbage\xff not an index").unwrap();
        }
    }
    let core = site.open();
    let status = core.state().status.clone();
    assert!(matches!(status, IndexStatus::Repaired { .. }), "{status:?}");
    assert!(status.is_warning());
    assert_answering(&core);
}

#[test]
fn an_index_folder_of_garbage_files_is_rebuilt_and_answers() {
    let site = Site::new(&[]);
    drop(site.open());
    for file in index_files(&site.index()) {
        std::fs::write(&file, b"\x00garbage\xff not an index").unwrap();
    }
    let core = site.open();
    let status = core.state().status.clone();
    assert!(
        matches!(
            status,
            IndexStatus::Built { .. } | IndexStatus::Repaired { .. }
        ),
        "{status:?}"
    );
    assert_answering(&core);
}

#[test]
fn an_index_without_meta_json_is_taken_for_half_written_and_rebuilt() {
    let site = Site::new(&[]);
    drop(site.open());
    std::fs::remove_file(site.index().join("meta.json")).unwrap();
    let core = site.open();
    assert!(core.state().status.is_warning(), "{}", core.state().status);
    assert_answering(&core);
}

#[test]
fn an_index_with_a_truncated_meta_json_is_rebuilt() {
    let site = Site::new(&[]);
    drop(site.open());
    let meta = site.index().join("meta.json");
    let text = std::fs::read(&meta).unwrap();
    std::fs::write(&meta, &text[..text.len() / 2]).unwrap();
    let core = site.open();
    assert!(core.state().status.is_warning(), "{}", core.state().status);
    assert_answering(&core);
}

#[test]
fn an_index_with_a_truncated_segment_is_rebuilt() {
    let site = Site::new(&[]);
    drop(site.open());
    // The biggest of Tantivy's files (the snapshots beside them are bigger still).
    let biggest = index_files(&site.index())
        .into_iter()
        .filter(|p| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("scs-bot.")
        })
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .unwrap();
    let bytes = std::fs::read(&biggest).unwrap();
    std::fs::write(&biggest, &bytes[..bytes.len() / 3]).unwrap();
    let core = site.open();
    assert!(core.state().status.is_warning(), "{}", core.state().status);
    assert_answering(&core);
}

#[test]
fn the_leftovers_of_a_build_killed_midway_do_not_stop_the_next_start() {
    let site = Site::new(&[]);
    // What a build killed midway leaves: a temporary folder with part of an index, and no
    // index in place yet.
    let leftover = site.dir.path().join(".index.building-killed");
    std::fs::create_dir_all(&leftover).unwrap();
    std::fs::write(leftover.join("meta.json"), b"{\"segments\": [").unwrap();
    std::fs::write(
        leftover.join("0123456789abcdef0123456789abcdef.idx"),
        b"half",
    )
    .unwrap();
    let core = site.open();
    assert!(
        matches!(core.state().status, IndexStatus::Built { .. }),
        "{}",
        core.state().status
    );
    assert_answering(&core);
}

#[test]
fn an_index_path_that_cannot_be_created_answers_from_memory_with_a_warning() {
    let site = Site::new(&[]);
    // A regular file where a parent folder should be: no one, not even root, can create it.
    let blocker = site.dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"a file").unwrap();
    let mut config = site.config();
    config.index = blocker.join("index");
    let core = Core::open(config).unwrap();
    let status = core.state().status.clone();
    let IndexStatus::InMemory { reason } = &status else {
        panic!("expected an index in memory, got {status:?}");
    };
    assert!(reason.contains("not-a-folder"), "{reason}");
    assert!(status.is_warning());
    assert!(core.state().index.location().is_none());
    assert_answering(&core);
    assert_eq!(
        std::fs::read(&blocker).unwrap(),
        b"a file",
        "the file is kept"
    );
}

#[test]
fn an_index_path_equal_to_the_content_folder_is_an_error_and_the_content_stays() {
    let site = Site::new(&[("en/kata.md", EXTRA_PAGE.as_bytes())]);
    let before = std::fs::read(site.content().join("en/kata.md")).unwrap();
    for index in [
        site.content(),
        site.content().join("en/../."),
        site.content().join("index"),
        site.dir.path().to_path_buf(),
    ] {
        let mut config = site.config();
        config.index = index.clone();
        let err = match Core::open(config) {
            Ok(_) => panic!("{} overlaps the content: an error", index.display()),
            Err(err) => format!("{err:#}"),
        };
        assert!(err.contains(&index.display().to_string()), "{err}");
        assert!(err.contains("content folder"), "{err}");
    }
    assert_eq!(
        std::fs::read(site.content().join("en/kata.md")).unwrap(),
        before
    );
    let mut names: Vec<_> = std::fs::read_dir(site.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["content"], "nothing was built or moved");
    let core = site.open();
    assert!(finds_kata_page(&core));
}

#[test]
fn an_index_path_that_is_a_link_into_the_content_folder_is_an_error() {
    let site = Site::new(&[]);
    let link = site.dir.path().join("to-content");
    std::os::unix::fs::symlink(site.content(), &link).unwrap();
    let mut config = site.config();
    config.index = link.join("index");
    let err = Core::open(config).err().expect("an error");
    assert!(
        format!("{err:#}").contains("inside the content folder"),
        "{err:#}"
    );
    assert!(!site.content().join("index").exists());
}

#[test]
fn a_regular_file_at_the_index_path_stops_the_start_and_is_kept() {
    // Before: renamed to `index.foreign-*` and replaced by an index. Now: an error, untouched.
    let site = Site::new(&[]);
    std::fs::write(site.index(), b"my data").unwrap();
    let err = Core::open(site.config()).err().expect("an error");
    let text = format!("{err:#}");
    assert!(text.contains("a regular file"), "{text}");
    assert!(text.contains(&site.index().display().to_string()), "{text}");
    assert_eq!(std::fs::read(site.index()).unwrap(), b"my data");
}

#[test]
fn a_reload_onto_an_index_path_taken_by_someone_else_fails_and_keeps_serving() {
    let site = Site::new(&[("en/kata.md", EXTRA_PAGE.as_bytes())]);
    let core = site.open();
    std::fs::remove_dir_all(site.index()).unwrap();
    std::fs::create_dir(site.index()).unwrap();
    std::fs::write(site.index().join("photos.zip"), b"precious").unwrap();
    site.write(
        "en/kata.md",
        EXTRA_PAGE
            .replace("zanzibar", "zanzibar and mombasa")
            .as_bytes(),
    );
    let err = core.reload().expect_err("not ours: an error");
    assert!(format!("{err:#}").contains("photos.zip"), "{err:#}");
    assert_eq!(
        std::fs::read(site.index().join("photos.zip")).unwrap(),
        b"precious"
    );
    assert!(finds_kata_page(&core));
    assert_answering(&core);
}

#[test]
fn an_index_path_made_unusable_before_a_reload_falls_back_to_memory() {
    let site = Site::new(&[("en/kata.md", EXTRA_PAGE.as_bytes())]);
    let parent = site.dir.path().join("var");
    let mut config = site.config();
    config.index = parent.join("index");
    let core = Core::open(config).unwrap();
    assert!(finds_kata_page(&core));
    // The content changes, so the index must be rebuilt, and the index folder's parent is
    // replaced by a regular file, so it can't be.
    site.write(
        "en/kata.md",
        EXTRA_PAGE
            .replace("zanzibar", "zanzibar and mombasa")
            .as_bytes(),
    );
    std::fs::remove_dir_all(&parent).unwrap();
    std::fs::write(&parent, b"in the way").unwrap();
    let report = core.reload().expect("the reload succeeds in memory");
    assert_eq!(report.pages_changed, vec!["en/kata".to_string()]);
    assert!(
        matches!(core.state().status, IndexStatus::InMemory { .. }),
        "{}",
        core.state().status
    );
    assert_answering(&core);
    assert!(core
        .answer("mombasa", "en")
        .hits
        .iter()
        .any(|h| h.page == "kata"));
}

// --- The content folder during a reload -------------------------------------------------------

#[test]
fn a_page_removed_before_a_reload_is_reported_and_the_rest_keeps_answering() {
    let site = Site::new(&[("en/kata.md", EXTRA_PAGE.as_bytes())]);
    let core = site.open();
    assert!(finds_kata_page(&core));
    std::fs::remove_file(site.content().join("en/kata.md")).unwrap();
    let report = core.reload().unwrap();
    assert_eq!(report.pages_removed, vec!["en/kata".to_string()]);
    assert!(!finds_kata_page(&core));
    assert_answering(&core);
}

#[test]
fn a_page_made_unreadable_before_a_reload_is_reported_and_the_rest_keeps_answering() {
    let site = Site::new(&[("en/kata.md", EXTRA_PAGE.as_bytes())]);
    let core = site.open();
    assert!(finds_kata_page(&core));
    // A dangling link can't be read, even by root.
    let page = site.content().join("en/kata.md");
    std::fs::remove_file(&page).unwrap();
    std::os::unix::fs::symlink(site.dir.path().join("gone.md"), &page).unwrap();
    let report = core.reload().unwrap();
    let problem = problem_about(&report.problems, "kata.md", "can't be read");
    assert!(problem.is_error());
    assert!(!problem.fix.is_empty());
    assert_eq!(report.pages_removed, vec!["en/kata".to_string()]);
    assert_answering(&core);
}

#[test]
fn a_page_made_unreadable_by_its_permissions_is_reported_when_not_root() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::new(&[("en/kata.md", EXTRA_PAGE.as_bytes())]);
    let core = site.open();
    let page = site.content().join("en/kata.md");
    std::fs::set_permissions(&page, std::fs::Permissions::from_mode(0o000)).unwrap();
    let report = core.reload().unwrap();
    if std::fs::read(&page).is_err() {
        problem_about(&report.problems, "kata.md", "can't be read");
        assert_eq!(report.pages_removed, vec!["en/kata".to_string()]);
    } else {
        // Root reads it anyway: nothing changed.
        assert!(report.is_unchanged(), "{report:?}");
    }
    assert_answering(&core);
}

#[test]
fn an_answer_state_held_across_a_reload_stays_whole() {
    let site = Site::new(&[("en/kata.md", EXTRA_PAGE.as_bytes())]);
    let core = site.open();
    // What a front end holds while it renders an answer.
    let before = core.state();
    std::fs::remove_file(site.content().join("en/kata.md")).unwrap();
    core.reload().unwrap();
    assert!(before.library.page("en", "kata").is_some());
    let answer = before.answer(std::time::SystemTime::UNIX_EPOCH, "zanzibar runtime", "en");
    assert!(answer.hits.iter().any(|h| h.page == "kata"), "{answer:?}");
    assert!(core.state().library.page("en", "kata").is_none());
}

#[test]
fn answers_keep_coming_whole_while_the_content_is_reloaded_and_broken() {
    let site = Site::new(&[("en/kata.md", EXTRA_PAGE.as_bytes())]);
    let core = std::sync::Arc::new(site.open());
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let askers: Vec<_> = (0..2)
        .map(|_| {
            let (core, stop) = (core.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut answered = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) || answered == 0 {
                    let join = core.answer("/join", "en");
                    assert_eq!(join.contacts, vec![CONTACT.to_string()], "{join:?}");
                    let partners = core.answer("who are the partners?", "en");
                    assert_eq!(partners.partners.len(), 14, "{partners:?}");
                    answered += 1;
                }
                answered
            })
        })
        .collect();
    let page = site.content().join("en/kata.md");
    for round in 0..6 {
        match round % 3 {
            0 => std::fs::write(
                &page,
                EXTRA_PAGE.replace("zanzibar", &format!("zanzibar{round}")),
            )
            .unwrap(),
            1 => std::fs::write(&page, b"---\ntitle: [broken\n---\n\xff\xfe").unwrap(),
            _ => std::fs::remove_file(&page).unwrap(),
        }
        core.reload().unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for asker in askers {
        assert!(asker.join().expect("no asker panicked") > 0);
    }
    assert_answering(&core);
}

#[test]
fn a_reload_without_the_content_folder_fails_and_keeps_the_last_good_state() {
    let site = Site::new(&[("en/kata.md", EXTRA_PAGE.as_bytes())]);
    let core = site.open();
    let moved = site.dir.path().join("content-moved");
    std::fs::rename(site.content(), &moved).unwrap();
    let err = core
        .reload()
        .expect_err("a missing content folder is an error");
    assert!(format!("{err:#}").contains("content"), "{err:#}");
    assert_answering(&core);
    assert!(finds_kata_page(&core));
}

// --- What the content folder holds ------------------------------------------------------------

#[test]
fn a_page_of_ten_megabytes_loads_and_answers() {
    // A long announcement: 10 MB of paragraphs under a few hundred headings, with one rare word
    // near the end.
    let mut page = String::from("---\ntitle: Huge Announcement\nslug: huge\n---\n\n");
    let paragraph = "Sovereign cloud operators publish their conformance results every week, \
                     and the community reviews them in public meetings. ";
    let mut n = 0;
    while page.len() < 10_000_000 {
        if n % 400 == 0 {
            page.push_str(&format!("\n### Weekly Report {}\n\n", n / 400));
        }
        page.push_str(paragraph);
        if n % 10 == 9 {
            page.push_str("\n\n");
        }
        n += 1;
    }
    page.push_str("\n\n### Closing Words\n\nThe quokka mascot retires.\n");
    let site = Site::new(&[("en/huge.md", page.as_bytes())]);
    let core = site.open_allowing_big_pages();
    assert!(core.state().problems.iter().all(|p| !p.is_error()));
    let answer = core.answer("quokka mascot", "en");
    assert_eq!(answer.hits.first().map(|h| h.page.as_str()), Some("huge"));
    assert_answering(&core);
}

#[test]
fn a_page_of_ten_megabytes_on_one_line_loads_and_answers() {
    let mut page = String::from("---\ntitle: One Line\nslug: one-line\n---\n\n### Everything\n\n");
    while page.len() < 10_000_000 {
        page.push_str("word ");
    }
    page.push_str("okapi\n");
    let site = Site::new(&[("en/one-line.md", page.as_bytes())]);
    let core = site.open_allowing_big_pages();
    let answer = core.answer("okapi", "en");
    assert_eq!(
        answer.hits.first().map(|h| h.page.as_str()),
        Some("one-line")
    );
    assert_answering(&core);
}

#[test]
fn a_file_that_is_not_utf8_is_reported_and_still_served() {
    let latin1 = b"---\ntitle: Stra\xdfe\nslug: latin\n---\n\n### Gr\xfc\xdfe aus K\xf6ln\n\nDer Dom und die Stra\xdfenbahn \xff\xfe.\n";
    let site = Site::new(&[("de/latin.md", latin1)]);
    let core = site.open();
    let problem = problem_about(&core.state().problems, "latin.md", "not valid UTF-8");
    assert!(problem.is_error());
    assert_eq!(problem.line, Some(2));
    let state = core.state();
    let page = state.library.page("de", "latin").expect("still served");
    assert_eq!(page.title, "Straße");
    assert_eq!(page.sections[0].heading, "Grüße aus Köln");
    assert_answering(&core);
}

#[test]
fn ten_thousand_pages_load_and_answer() {
    let site = Site::new(&[]);
    for i in 0..10_000 {
        let lang = if i % 2 == 0 { "en" } else { "de" };
        site.write(
            &format!("{lang}/p/{i:05}.md"),
            format!("---\ntitle: Page {i}\nslug: p{i}\n---\n### Topic {i}\n\nword{i} item\n")
                .as_bytes(),
        );
    }
    let core = site.open();
    let state = core.state();
    assert_eq!(state.library.pages.len(), 10_001);
    assert!(
        state.problems.iter().all(|p| !p.is_error()),
        "{:?}",
        state.problems
    );
    let answer = core.answer("word7776", "en");
    assert_eq!(answer.hits.first().map(|h| h.page.as_str()), Some("p7776"));
    let answer = core.answer("word7777", "de");
    assert_eq!(answer.hits.first().map(|h| h.page.as_str()), Some("p7777"));
    assert_answering(&core);
}

#[test]
fn duplicate_language_and_slug_are_reported_and_the_first_is_served() {
    let first = "---\ntitle: First\nslug: twin\n---\n### Alpha\n\nthe marmot section\n";
    let second = "---\ntitle: Second\nslug: twin\n---\n### Beta\n\nthe marmot impostor\n";
    let site = Site::new(&[
        ("en/a-twin.md", first.as_bytes()),
        ("en/b-twin.md", second.as_bytes()),
    ]);
    let core = site.open();
    let problem = problem_about(&core.state().problems, "b-twin.md", "a-twin.md");
    assert!(problem.is_error());
    assert_eq!(
        core.state().library.page("en", "twin").unwrap().title,
        "First"
    );
    let answer = core.answer("marmot", "en");
    assert_eq!(answer.hits.len(), 1, "{answer:?}");
    assert_eq!(answer.hits[0].title, "First");
    assert_answering(&core);
}

#[test]
fn a_symlink_loop_is_reported_and_the_pages_load_once() {
    let site = Site::new(&[("en/kata.md", EXTRA_PAGE.as_bytes())]);
    std::os::unix::fs::symlink(site.content(), site.content().join("en/loop")).unwrap();
    std::os::unix::fs::symlink("../en", site.content().join("en/up")).unwrap();
    let core = site.open();
    let state = core.state();
    problem_about(&state.problems, "loop", "already read");
    problem_about(&state.problems, "up", "already read");
    assert_eq!(state.library.pages.len(), 2);
    assert!(finds_kata_page(&core));
    assert_answering(&core);
}

#[test]
fn a_pipe_named_like_a_page_is_reported_not_waited_on() {
    let site = Site::new(&[]);
    let fifo = site.content().join("en/pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let core = site.open();
    let problem = problem_about(&core.state().problems, "pipe.md", "not a regular file");
    assert!(problem.is_error());
    assert_answering(&core);
}

#[test]
fn a_link_to_a_device_is_reported_not_read() {
    let site = Site::new(&[]);
    std::os::unix::fs::symlink("/dev/zero", site.content().join("en/zero.md")).unwrap();
    let core = site.open();
    problem_about(
        &core.state().problems,
        "zero.md",
        "outside the content folder; skipped, not read",
    );
    assert_answering(&core);
}

#[test]
fn a_state_built_in_memory_answers_like_one_from_disk() {
    let site = Site::new(&[]);
    let config = site.config();
    let (library, _) = scs_bot::content::load_dir(&config.content, &config.load_options());
    let core = Core::in_memory(config, library).unwrap();
    assert_answering(&core);
}
