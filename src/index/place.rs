//! Where the index lives, and what scs-bot may do to what is there.
//!
//! The rule: scs-bot replaces or deletes only a folder it can prove it wrote, or an empty one.
//! Anything else at the index path — a regular file, a device, a pipe, a socket, a symbolic
//! link, a folder with someone else's files — is a [`NotOurs`] error that names the path and
//! what to do, and nothing there is touched (not renamed, not written, not deleted).
//!
//! A folder is ours when it holds the marker file [`MARKER_FILE`], a regular file (every index
//! built since the marker exists carries it; it is written first, so even a half-written build
//! is recognised; its content explains it to a reader but is not checked, so that a marker
//! damaged with the rest of a corrupt index still counts), or — for indexes built before the marker
//! existed — when every entry in it is a regular file named as Tantivy or scs-bot name their files
//! and its fingerprint file ([`FINGERPRINT_FILE`]) starts with the line `scs-bot index`. A folder
//! that is empty, or holds nothing but the `.gitignore` scs-bot itself writes (the repository's
//! `index/`), may be filled.
//!
//! Invariants:
//! - [`inspect`] only reads (`lstat`, `readdir`, and the first bytes of two small files); it
//!   never follows a symbolic link at the index path;
//! - what can't be looked at at all (a parent folder that is a file, no permission to look) is
//!   [`Existing::Missing`]: nothing can be renamed there either, so the build fails and the
//!   caller falls back to an index in memory;
//! - [`check_apart`] refuses an index and a content folder that overlap (the same folder, or
//!   either inside the other), after resolving links, for folders that don't exist yet too.

use std::fs;
use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::path::{Component, Path, PathBuf};

use super::build::GITIGNORE;
use super::fingerprint::FINGERPRINT_FILE;

/// The file that marks a folder as an index scs-bot wrote.
pub const MARKER_FILE: &str = ".scs-bot-index";

/// The whole text of the marker file.
pub const MARKER_TEXT: &str = "scs-bot search index\n\
This folder was written by scs-bot, which replaces or deletes it whenever it rebuilds the \
index. Keep nothing else in it.\n";

/// What is at the index path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Existing {
    /// Nothing (or nothing that can be looked at; see the module docs).
    Missing,
    /// A folder with nothing in it but possibly scs-bot's own `.gitignore`.
    Empty,
    /// A folder scs-bot wrote, with its fingerprint if it has one (a build that never finished
    /// has none).
    Index { fingerprint: Option<String> },
    /// Anything else: not ours to replace.
    NotOurs { what: String },
}

/// The error for something at the index path that scs-bot did not write. Its message names the
/// path, what is there and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the index path {} is {what}, not a search index scs-bot wrote; it was left untouched \
     (scs-bot replaces only a folder holding its `{MARKER_FILE}` file, or an empty folder). \
     Point `index` in the config (or `--index`) at a new or empty folder, or move {} away \
     yourself",
    path.display(),
    path.display()
)]
pub struct NotOurs {
    pub path: PathBuf,
    pub what: String,
}

/// Looks at what is at `dir`, without following a link there.
pub fn inspect(dir: &Path) -> Existing {
    let Ok(meta) = fs::symlink_metadata(dir) else {
        return Existing::Missing;
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        let target = fs::read_link(dir)
            .map(|t| format!(" to `{}`", t.display()))
            .unwrap_or_default();
        return not_ours(format!("a symbolic link{target}"));
    }
    if !kind.is_dir() {
        let what = if kind.is_file() {
            "a regular file"
        } else if kind.is_fifo() {
            "a named pipe (FIFO)"
        } else if kind.is_socket() {
            "a socket"
        } else if kind.is_char_device() || kind.is_block_device() {
            "a device"
        } else {
            "not a folder"
        };
        return not_ours(what.to_string());
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return not_ours(format!("a folder that can't be read ({e})")),
    };
    let mut names = Vec::new();
    let mut foreign = None;
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => return not_ours(format!("a folder that can't be read ({e})")),
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if foreign.is_none() && !(is_file && is_index_file_name(&name)) {
            foreign = Some(name.clone());
        }
        names.push(name);
    }
    let has = |name: &str| names.iter().any(|n| n == name);
    let fingerprint = || {
        read_prefix(&dir.join(FINGERPRINT_FILE), 4096)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
    };
    let marked = fs::symlink_metadata(dir.join(MARKER_FILE)).is_ok_and(|m| m.is_file());
    if has(MARKER_FILE) && marked {
        return Existing::Index {
            fingerprint: fingerprint(),
        };
    }
    let only_our_gitignore = names.is_empty()
        || (names.len() == 1
            && has(".gitignore")
            && foreign.is_none()
            && read_prefix(&dir.join(".gitignore"), 256).as_deref() == Some(GITIGNORE.as_bytes()));
    if only_our_gitignore {
        return Existing::Empty;
    }
    if let Some(example) = foreign {
        return not_ours(format!(
            "a folder holding files scs-bot did not write (`{example}`)"
        ));
    }
    // Written before the marker existed: only index files, and our fingerprint.
    match fingerprint() {
        Some(text) if text.starts_with("scs-bot index\n") => Existing::Index {
            fingerprint: Some(text),
        },
        _ => not_ours(format!(
            "a folder that looks like a search index but has neither scs-bot's `{MARKER_FILE}` \
             nor its `{FINGERPRINT_FILE}`, so it may belong to another program"
        )),
    }
}

/// Whether a leftover of an interrupted build or swap (a folder named `.<index>.building-*` or
/// `.<index>.old-*`) may be deleted: it is ours or empty, or — as builds before the marker
/// left them — a real folder holding nothing but index files.
pub fn is_our_leftover(dir: &Path) -> bool {
    match inspect(dir) {
        Existing::Empty | Existing::Index { .. } => true,
        Existing::Missing => false,
        Existing::NotOurs { .. } => {
            fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
                && fs::read_dir(dir).is_ok_and(|entries| {
                    entries.into_iter().all(|entry| {
                        entry.is_ok_and(|e| {
                            e.file_type().is_ok_and(|t| t.is_file())
                                && is_index_file_name(&e.file_name().to_string_lossy())
                        })
                    })
                })
        }
    }
}

fn not_ours(what: String) -> Existing {
    Existing::NotOurs { what }
}

/// The first `limit` bytes of a regular file (never a pipe or device: those could block).
fn read_prefix(path: &Path, limit: u64) -> Option<Vec<u8>> {
    if !fs::symlink_metadata(path).ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .ok()?
        .take(limit)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// Names Tantivy or scs-bot write into an index folder (the snapshots of [`super::snapshot`]
/// included).
pub fn is_index_file_name(name: &str) -> bool {
    if matches!(
        name,
        ".gitignore" | MARKER_FILE | FINGERPRINT_FILE | "meta.json" | ".managed.json"
    ) || (name.starts_with(".tantivy-") && name.ends_with(".lock"))
        || super::snapshot::is_snapshot_file_name(name)
    {
        return true;
    }
    // Segment files: `<32 hex digits>.<extension>` or `<32 hex>.<opstamp>.del`.
    let (id, ext) = name.split_at(name.find('.').unwrap_or(name.len()));
    id.len() == 32
        && id.bytes().all(|b| b.is_ascii_hexdigit())
        && ext.len() > 1
        && ext[1..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.')
}

/// Fails when the index folder and the content folder overlap: the same folder, or either
/// inside the other, once links are resolved (a folder that does not exist yet is resolved
/// through its nearest existing parent).
pub fn check_apart(index: &Path, content: &Path) -> anyhow::Result<()> {
    let (real_index, real_content) = (resolve(index), resolve(content));
    let clash = if real_index == real_content {
        Some("is the content folder")
    } else if real_index.starts_with(&real_content) {
        Some("is inside the content folder")
    } else if real_content.starts_with(&real_index) {
        Some("holds the content folder")
    } else {
        None
    };
    match clash {
        Some(clash) => anyhow::bail!(
            "the index path {} {clash} {} (both resolve to {} and {}): the index must live \
             apart from the content, since building it replaces its folder. Point `index` in \
             the config (or `--index`) at a folder outside {}, e.g. `index` next to it",
            index.display(),
            content.display(),
            real_index.display(),
            real_content.display(),
            content.display()
        ),
        None => Ok(()),
    }
}

/// `path` made absolute with links resolved; the part that does not exist yet is appended as
/// written, with `.` and `..` applied.
fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = fs::canonicalize(existing) {
            let mut out = real;
            for part in rest.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(name) => out.push(name),
                    _ => {}
                }
            }
            return out;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tantivy_and_scs_bot_file_names_count_as_index_files() {
        for name in [
            "meta.json",
            ".managed.json",
            ".tantivy-writer.lock",
            "scs-bot.fingerprint",
            ".scs-bot-index",
            ".gitignore",
            "0123456789abcdef0123456789abcdef.store",
            "0123456789abcdef0123456789abcdef.12.del",
            "scs-bot.pages",
            "scs-bot.layout",
            "scs-bot.pages.4711-0.tmp",
        ] {
            assert!(is_index_file_name(name), "{name}");
        }
        for name in ["notes.txt", "0123.store", "Cargo.toml", "meta.json.bak"] {
            assert!(!is_index_file_name(name), "{name}");
        }
    }

    #[test]
    fn a_folder_that_does_not_exist_yet_resolves_through_its_parent() {
        let root = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(root.path()).unwrap();
        assert_eq!(
            resolve(&root.path().join("a/b/../c")),
            real.join("a").join("c")
        );
        fs::create_dir(root.path().join("content")).unwrap();
        std::os::unix::fs::symlink(root.path().join("content"), root.path().join("link")).unwrap();
        assert_eq!(
            resolve(&root.path().join("link/index")),
            real.join("content/index")
        );
    }

    #[test]
    fn folders_side_by_side_are_apart_and_nested_ones_are_not() {
        let root = tempfile::tempdir().unwrap();
        let content = root.path().join("content");
        fs::create_dir(&content).unwrap();
        assert!(check_apart(&root.path().join("index"), &content).is_ok());
        assert!(check_apart(&root.path().join("content-index"), &content).is_ok());
        for index in [
            content.clone(),
            content.join("index"),
            root.path().to_path_buf(),
            content.join("../content/."),
        ] {
            let err = check_apart(&index, &content).unwrap_err().to_string();
            assert!(err.contains(&index.display().to_string()), "{err}");
            assert!(err.contains("`index`"), "{err}");
        }
    }
}
