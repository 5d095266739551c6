//! Helpers shared by the test binaries that need no fake Discord.
#![allow(dead_code)]

use scs_bot::config::Config;
use scs_bot::content;
use scs_bot::core::Core;
use std::path::Path;
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
