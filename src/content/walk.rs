//! Finding the markdown files under the content root.
//!
//! Invariants:
//! - returns paths relative to the root, sorted, each `.md` file once;
//! - follows symbolic links, but enters every real folder at most once (a set of canonical
//!   folder paths), so a symlink loop is reported and skipped, never followed forever;
//! - confinement: a symbolic link (to a file or a folder) whose resolved target lies outside
//!   the content folder's resolved path is a warning and is skipped: it is never entered or
//!   read, whatever it points at (`/etc/passwd`, another checkout). A link to a place inside
//!   the folder is fine. [`resolve_inside`] checks a path again right before it is read;
//! - skips hidden entries (`.git`, `.obsidian`, …) and folders named in `skip_dirs`;
//! - an entry that can't be read is a [`Problem`], never a panic; the walk goes on;
//! - only regular files are returned: a pipe, socket or device named `.md` (or a link to one) is
//!   a [`Problem`], never read, since reading it could block or never end.

use super::cache::FileStat;
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
    markdown_files_with_stats(root, skip_dirs, problems)
        .into_iter()
        .map(|(path, _)| path)
        .collect()
}

/// Like [`markdown_files`], each file with its [`FileStat`] (of the file a link leads to),
/// taken by the walk itself: no second look at the file.
pub fn markdown_files_with_stats(
    root: &Path,
    skip_dirs: &[String],
    problems: &mut Vec<Problem>,
) -> Vec<(PathBuf, FileStat)> {
    let mut files = Vec::new();
    let mut visited = HashSet::new();
    match fs::canonicalize(root) {
        Ok(real) => {
            visited.insert(real.clone());
            let mut walk = Walk {
                root,
                real_root: &real,
                skip_dirs,
                visited: &mut visited,
                files: &mut files,
                problems,
            };
            walk.visit(Path::new(""));
        }
        Err(err) => problems.push(
            Problem::error(root, format!("the content folder can't be read: {err}"))
                .fix("check the content path in the config or pass `--content DIR`"),
        ),
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// Where a link leads, when it leads out of the content folder: `Some(target)`.
pub fn outside_target(real_root: &Path, path: &Path) -> std::io::Result<Option<PathBuf>> {
    let real = fs::canonicalize(path)?;
    Ok((!real.starts_with(real_root)).then_some(real))
}

/// The resolved path of `rel` under `root` (`real_root` is `root` resolved), or the problem
/// that forbids reading it: it can't be resolved, or it resolves outside the content folder.
/// The loader calls this right before reading a file the walk found, so a link swapped in
/// meanwhile is not followed out either.
pub fn resolve_inside(real_root: &Path, root: &Path, rel: &Path) -> Result<PathBuf, Problem> {
    let real = fs::canonicalize(root.join(rel)).map_err(|err| {
        Problem::error(rel, format!("the file can't be read: {err}"))
            .fix("check the file's permissions; the page is not served")
    })?;
    if real.starts_with(real_root) {
        Ok(real)
    } else {
        Err(outside_problem(rel, &real))
    }
}

fn outside_problem(rel: &Path, target: &Path) -> Problem {
    Problem::warning(
        rel,
        format!(
            "this is a link to `{}`, outside the content folder; skipped, not read",
            target.display()
        ),
    )
    .fix("copy the page into the content folder (or link to a place inside it), or remove the link")
}

struct Walk<'a> {
    root: &'a Path,
    real_root: &'a Path,
    skip_dirs: &'a [String],
    visited: &'a mut HashSet<PathBuf>,
    files: &'a mut Vec<(PathBuf, FileStat)>,
    problems: &'a mut Vec<Problem>,
}

impl Walk<'_> {
    fn visit(&mut self, rel: &Path) {
        let (root, skip_dirs) = (self.root, self.skip_dirs);
        let dir = root.join(rel);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) => {
                self.problems.push(
                    Problem::error(rel, format!("the folder can't be read: {err}"))
                        .fix("check the folder's permissions; its pages are not served"),
                );
                return;
            }
        };
        let mut children = Vec::new();
        for entry in entries {
            match entry {
                // The entry's type comes with the folder listing (no `lstat` where the file
                // system fills it in), so a plain file costs one `stat` below, not two.
                Ok(entry) => {
                    let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
                    children.push((entry.file_name(), is_link));
                }
                Err(err) => self.problems.push(
                    Problem::error(rel, format!("a folder entry can't be read: {err}"))
                        .fix("check the folder's permissions"),
                ),
            }
        }
        children.sort();
        for (name, is_link) in children {
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let child_rel = rel.join(&name);
            let child = root.join(&child_rel);
            // Folders already entered resolve inside the root, so only a link itself can lead
            // out; such a link is skipped before anything behind it is looked at.
            if is_link {
                match outside_target(self.real_root, &child) {
                    Ok(Some(target)) => {
                        self.problems.push(outside_problem(&child_rel, &target));
                        continue;
                    }
                    Ok(None) => {}
                    Err(err) => {
                        self.problems.push(
                            Problem::error(&child_rel, format!("can't be read: {err}"))
                                .fix("remove the broken link or make the file readable"),
                        );
                        continue;
                    }
                }
            }
            // `metadata` follows symlinks: a dangling link fails here.
            let meta = match fs::metadata(&child) {
                Ok(meta) => meta,
                Err(err) => {
                    self.problems.push(
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
                        if self.visited.insert(real.clone()) {
                            self.visit(&child_rel);
                        } else {
                            self.problems.push(
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
                    Err(err) => self.problems.push(
                        Problem::error(&child_rel, format!("can't be read: {err}"))
                            .fix("remove the broken link or make the folder readable"),
                    ),
                }
            } else if is_markdown(&child_rel) {
                if meta.is_file() {
                    self.files.push((child_rel, FileStat::of(&meta)));
                } else {
                    // Reading a pipe blocks until someone writes to it; a device may never end.
                    self.problems.push(
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
}
