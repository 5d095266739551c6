//! Helpers shared by the test binaries that need no fake Discord.
#![allow(dead_code)]

use scs_bot::config::Config;
use scs_bot::content;
use scs_bot::core::Core;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Copies a fixture folder recursively (content that a test then changes on disk).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// One core over the shipped content and config, with its index in memory, per test binary.
pub fn shipped_core() -> &'static Core {
    static CORE: OnceLock<Core> = OnceLock::new();
    CORE.get_or_init(|| {
        let mut config = Config::parse(include_str!("../../config.toml")).unwrap();
        config.content = concat!(env!("CARGO_MANIFEST_DIR"), "/content").into();
        let (library, _) = content::load_dir(&config.content, &config.load_options());
        Core::in_memory(config, library).unwrap()
    })
}

/// A content folder (the shipped page plus the files a test writes) and an index path, in a
/// temporary folder of its own.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// The shipped page, then `files` (`(path inside the content folder, bytes)`).
    pub fn new(files: &[(&str, &[u8])]) -> Site {
        let site = Site {
            dir: tempfile::tempdir().unwrap(),
        };
        site.write(
            "en/network.md",
            &std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/content/en/network.md"
            ))
            .unwrap(),
        );
        for (rel, bytes) in files {
            site.write(rel, bytes);
        }
        site
    }

    pub fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) {
        let path = self.content().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    /// The shipped config, pointed at this content folder and index path.
    pub fn config(&self) -> Config {
        let mut config = Config::parse(include_str!("../../config.toml")).unwrap();
        config.content = self.content();
        config.index = self.index();
        config
    }
}
