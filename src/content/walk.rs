//! Finding the markdown files under the content root.
//!
//! Invariants:
//! - returns paths relative to the root, sorted, each `.md` file once;
//! - follows symbolic links, but enters every real folder at most once (a set of canonical
//!   folder paths), so a symlink loop is reported and skipped, never followed forever;
//! - skips hidden entries (`.git`, `.obsidian`, …) and folders named in `skip_dirs`;
//! - an entry that can't be read is a [`Problem`], never a panic; the walk goes on;
//! - only regular files are returned: a pipe, socket or device named `.md` (or a link to one) is
//!   a [`Problem`], never read, since reading it could block or never end.

use super::problem::Problem;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Whether `path` names a markdown file (`.md`, any case).
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// Every markdown file under `root`, relative to it, sorted.
pub fn markdown_files(
    root: &Path,
    skip_dirs: &[String],
    problems: &mut Vec<Problem>,
) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut visited = HashSet::new();
    match fs::canonicalize(root) {
        Ok(real) => {
            visited.insert(real);
            visit(
                root,
                Path::new(""),
                skip_dirs,
                &mut visited,
                &mut files,
                problems,
            );
        }
        Err(err) => problems.push(
            Problem::error(root, format!("the content folder can't be read: {err}"))
                .fix("check the content path in the config or pass `--content DIR`"),
        ),
    }
    files.sort();
    files
}

fn visit(
    root: &Path,
    rel: &Path,
    skip_dirs: &[String],
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
) {
    let dir = root.join(rel);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(
                Problem::error(rel, format!("the folder can't be read: {err}"))
                    .fix("check the folder's permissions; its pages are not served"),
            );
            return;
        }
    };
    let mut children = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => children.push(entry.file_name()),
            Err(err) => problems.push(
                Problem::error(rel, format!("a folder entry can't be read: {err}"))
                    .fix("check the folder's permissions"),
            ),
        }
    }
    children.sort();
    for name in children {
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let child_rel = rel.join(&name);
        let child = root.join(&child_rel);
        // `metadata` follows symlinks: a dangling link fails here.
        let meta = match fs::metadata(&child) {
            Ok(meta) => meta,
            Err(err) => {
                problems.push(
                    Problem::error(&child_rel, format!("can't be read: {err}"))
                        .fix("remove the broken link or make the file readable"),
                );
                continue;
            }
        };
        if meta.is_dir() {
            if skip_dirs.iter().any(|s| name.to_str() == Some(s.as_str())) {
                continue;
            }
            match fs::canonicalize(&child) {
                Ok(real) => {
                    if visited.insert(real.clone()) {
                        visit(root, &child_rel, skip_dirs, visited, files, problems);
                    } else {
                        problems.push(
                            Problem::warning(
                                &child_rel,
                                format!(
                                    "this folder leads to `{}`, which was already read (a symlink loop or a second link to the same folder); skipped",
                                    real.display()
                                ),
                            )
                            .fix("remove the symbolic link"),
                        );
                    }
                }
                Err(err) => problems.push(
                    Problem::error(&child_rel, format!("can't be read: {err}"))
                        .fix("remove the broken link or make the folder readable"),
                ),
            }
        } else if is_markdown(&child_rel) {
            if meta.is_file() {
                files.push(child_rel);
            } else {
                // Reading a pipe blocks until someone writes to it; a device may never end.
                problems.push(
                    Problem::error(
                        &child_rel,
                        "not a regular file (a pipe, socket or device); not read",
                    )
                    .fix("replace it with the markdown file, or remove it"),
                );
            }
        }
    }
}
