//! Hot reload: polls the content folder and reloads the core when its markdown files change.
//!
//! A change is acted on once it has held still for one more poll (editors write in steps), so
//! a reload sees whole files. A reload that fails is logged with its reason and the core keeps
//! serving its last good state (that is [`Core::reload`]'s contract); the same broken content
//! is not retried until it changes again. The files polled are exactly those the loader reads
//! ([`content::markdown_files`]: hidden folders and `skip_dirs` left out, links confined as the
//! loader confines them), by size and modification time.
//!
//! Polling rather than the `notify` crate: one walk every few seconds costs little next to a
//! reload, behaves the same on every platform and file system (network mounts and container
//! volumes often deliver no events), and needs no second rule for which files count.

use super::Core;
use crate::content::{self, LoadOptions};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// How often the bot polls the content folder.
pub const EVERY: Duration = Duration::from_secs(3);

/// A fingerprint of the markdown files the loader would read under `root`: their paths, sizes
/// and modification times. A missing or unreadable folder has a fingerprint too (so its
/// return is a change).
pub fn fingerprint(root: &Path, options: &LoadOptions) -> u64 {
    let mut problems = Vec::new();
    let files = content::markdown_files(root, &options.skip_dirs, &mut problems);
    let mut hasher = DefaultHasher::new();
    for rel in &files {
        let meta = std::fs::metadata(root.join(rel)).ok();
        let size = meta.as_ref().map_or(0, |m| m.len());
        let modified = meta
            .and_then(|m| m.modified().ok())
            .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        (rel, size, modified).hash(&mut hasher);
    }
    problems.len().hash(&mut hasher);
    hasher.finish()
}

/// Polls `core`'s content folder every `every` and reloads on a settled change; the folder's
/// state is taken when this is called, so a change made after the call is seen. Runs until
/// the task is dropped.
pub fn watch(core: Arc<Core>, every: Duration) -> impl std::future::Future<Output = ()> + Send {
    let root = core.config().content.clone();
    let options = core.config().load_options();
    let mut served = fingerprint(&root, &options);
    async move {
        let mut pending = None;
        loop {
            tokio::time::sleep(every).await;
            let (root, options) = (root.clone(), options.clone());
            let now = tokio::task::spawn_blocking(move || fingerprint(&root, &options))
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
            reload_logged(Arc::clone(&core), "content changed on disk").await;
        }
    }
}

/// Reloads on a blocking thread, as the watcher and the periodic pull do, and logs what came
/// of it: `why` says what started it ("content changed on disk"). A reload that found nothing
/// new is logged at debug level only; a failed one says the last good content keeps serving.
pub async fn reload_logged(core: Arc<Core>, why: &'static str) {
    match tokio::task::spawn_blocking(move || core.reload()).await {
        Ok(Ok(report)) if report.is_unchanged() => {
            tracing::debug!(commit = ?report.pulled.map(|p| p.commit), "{why}: nothing new")
        }
        Ok(Ok(report)) => tracing::info!(
            commit = ?report.pulled.as_ref().map(|p| &p.commit),
            pages_added = ?report.pages_added,
            pages_removed = ?report.pages_removed,
            pages_changed = ?report.pages_changed,
            partners_added = ?report.partners_added,
            partners_removed = ?report.partners_removed,
            problems = report.problems.len(),
            "{why}: reloaded"
        ),
        Ok(Err(err)) => tracing::warn!(
            error = %format!("{err:#}"),
            "{why}, but the reload failed; still serving the last good content"
        ),
        Err(err) => tracing::error!(error = %err, "the reload task failed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_changes_with_markdown_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let options = LoadOptions::default();
        let fingerprint = |root: &Path| fingerprint(root, &options);
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

    #[test]
    fn files_the_loader_skips_are_not_watched() {
        let dir = tempfile::tempdir().unwrap();
        let options = LoadOptions::default();
        std::fs::create_dir_all(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/a.md"), "# A").unwrap();
        let before = fingerprint(dir.path(), &options);
        for skipped in [".git", "components"] {
            std::fs::create_dir_all(dir.path().join(skipped)).unwrap();
            std::fs::write(dir.path().join(skipped).join("x.md"), "# X").unwrap();
        }
        assert_eq!(fingerprint(dir.path(), &options), before);
    }
}
