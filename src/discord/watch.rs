//! Hot reload: polls the content folder and reloads the core when its markdown files change.
//!
//! A change is acted on once it has held still for one more poll (editors write in steps), so
//! a reload sees whole files. A reload that fails is logged with its reason and the core keeps
//! serving its last good state (that is [`Core::reload`]'s contract); the same broken content
//! is not retried until it changes again. Polling (sizes and modification times of `*.md`
//! files) needs no platform watcher and costs a directory walk every few seconds.

use crate::core::Core;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// How often the bot polls the content folder.
pub const EVERY: Duration = Duration::from_secs(3);

/// A fingerprint of the `*.md` files under `root`: their paths, sizes and modification times.
/// A missing or unreadable folder has a fingerprint too (so its return is a change).
pub fn fingerprint(root: &Path) -> u64 {
    let mut files = Vec::new();
    collect(root, &mut files);
    files.sort();
    let mut hasher = DefaultHasher::new();
    files.hash(&mut hasher);
    hasher.finish()
}

fn collect(dir: &Path, files: &mut Vec<(String, u64, u128)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = entry.metadata() else { continue };
        if meta.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "md") {
            let modified = meta
                .modified()
                .ok()
                .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            files.push((path.to_string_lossy().into_owned(), meta.len(), modified));
        }
    }
}

/// Polls `core`'s content folder every `every` and reloads on a settled change; the folder's
/// state is taken when this is called, so a change made after the call is seen. Runs until
/// the task is dropped.
pub fn watch(core: Arc<Core>, every: Duration) -> impl std::future::Future<Output = ()> + Send {
    let root = core.config().content.clone();
    let mut served = fingerprint(&root);
    async move {
        let mut pending = None;
        loop {
            tokio::time::sleep(every).await;
            let root = root.clone();
            let now = tokio::task::spawn_blocking(move || fingerprint(&root))
                .await
                .unwrap_or(0);
            if now == served {
                pending = None;
                continue;
            }
            if pending != Some(now) {
                pending = Some(now);
                continue;
            }
            served = now;
            pending = None;
            let core = Arc::clone(&core);
            match tokio::task::spawn_blocking(move || core.reload()).await {
                Ok(Ok(report)) => tracing::info!(
                    pages_added = ?report.pages_added,
                    pages_removed = ?report.pages_removed,
                    pages_changed = ?report.pages_changed,
                    partners_added = ?report.partners_added,
                    partners_removed = ?report.partners_removed,
                    problems = report.problems.len(),
                    "content changed on disk: reloaded"
                ),
                Ok(Err(err)) => tracing::warn!(
                    error = %format!("{err:#}"),
                    "content changed on disk but the reload failed; still serving the last good content"
                ),
                Err(err) => tracing::error!(error = %err, "the reload task failed"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_changes_with_markdown_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let empty = fingerprint(dir.path());
        std::fs::create_dir(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/a.md"), "# A").unwrap();
        let one = fingerprint(dir.path());
        assert_ne!(empty, one);
        std::fs::write(dir.path().join("en/notes.txt"), "x").unwrap();
        assert_eq!(fingerprint(dir.path()), one);
        std::fs::write(dir.path().join("en/a.md"), "# A longer").unwrap();
        assert_ne!(fingerprint(dir.path()), one);
    }
}
