//! The git source: follows the branch of a repository (`[git]` in the config) in a checkout
//! folder the bot owns, and switches to a new tree only when it is whole.
//!
//! The checkout folder (`git.checkout`, by default `<index>-checkout`) holds:
//! - `.scs-bot-checkout`, the marker that proves the folder is ours (written when we create it;
//!   a folder without it that is not empty is an error and is never touched);
//! - `repo.git`, a bare repository that every pull fetches into (shallow: `--depth 1`, the
//!   branch only, no tags, no submodules) under the ref `refs/scs-bot/fetched`;
//! - `trees/<commit>`, the files of a fetched commit, written into a fresh temporary folder
//!   (`trees/.new-*`) with git's own `read-tree -u` and renamed into place when complete;
//! - `current`, a symbolic link to the tree being served. The content folder is
//!   `current/<git.path>`.
//!
//! Invariants: a pull that fails anywhere — the fetch (bad URL, missing branch, no network, an
//! upstream that breaks off mid-way, the timeout), writing the tree, or a `git.path` that is
//! missing, not a folder or resolves outside the tree — leaves `current` as it was, so the last
//! good content keeps serving; errors name the `[git]` key to fix. `current` is switched by
//! renaming a new link over it (atomic on one file system). Old trees are removed only inside
//! a checkout folder carrying our marker. Nothing here reads the clock: the caller passes the
//! interval of [`pull_every`], and the one timeout is a limit on a child process.
//!
//! Git runs with no hooks (`core.hooksPath=/dev/null`), no system or global config (so no
//! filter drivers such as LFS run, and no credential helpers), no terminal prompts, no `ext::`
//! transport, no submodules, and a timeout. The repository's files are untrusted content like
//! any other: links in it are written as links and the loader confines reading to the content
//! folder.
//!
//! The `git` program rather than a crate such as `gix`: `gix` with the HTTPS transport adds
//! well over a hundred crates and minutes of cold compile time on CI's two cores (CI must stay
//! within 30 minutes), while `git` is on every host that runs the bot, speaks every transport
//! and credential setup an operator already has, and a child process with a timeout is easy
//! to stop without taking the bot down.

use crate::config::GitConfig;
use anyhow::{anyhow, bail, Context};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The file that proves a checkout folder is the bot's.
pub const MARKER: &str = ".scs-bot-checkout";
const FETCHED: &str = "refs/scs-bot/fetched";

/// What a pull did: the commit served now and the one served before (`None`: first clone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pulled {
    pub commit: String,
    pub previous: Option<String>,
}

impl Pulled {
    pub fn is_unchanged(&self) -> bool {
        self.previous.as_deref() == Some(self.commit.as_str())
    }
}

/// A pull that failed; the last good tree keeps serving. `serving` is its commit, if any.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{why}")]
pub struct PullFailed {
    pub why: String,
    pub serving: Option<String>,
}

/// A commit id as people read it (12 hex digits); `-` for none.
pub fn short(commit: Option<&str>) -> String {
    commit.map_or("-".into(), |c| c.chars().take(12).collect())
}

/// The commit of the tree `current` points at, if there is one.
pub fn serving(git: &GitConfig) -> Option<String> {
    let target = std::fs::read_link(git.checkout().join("current")).ok()?;
    let name = target.file_name()?.to_str()?.to_string();
    git.checkout().join("current").is_dir().then_some(name)
}

/// Fetches the branch and switches `current` to its tree; on any error `current` is left as
/// it was and the error says why, naming the `[git]` key to look at.
pub fn pull(git: &GitConfig) -> Result<Pulled, PullFailed> {
    let previous = serving(git);
    pull_inner(git, previous.as_deref()).map_err(|err| PullFailed {
        why: format!("{err:#}"),
        serving: previous.clone(),
    })
}

fn pull_inner(git: &GitConfig, previous: Option<&str>) -> anyhow::Result<Pulled> {
    let checkout = git.checkout();
    prepare(checkout)?;
    let repo = checkout.join("repo.git");
    if !repo.join("HEAD").is_file() {
        init(git, checkout, &repo)?;
    }
    let refspec = format!("+refs/heads/{}:{FETCHED}", git.branch);
    let fetch = run_git(
        git,
        &repo,
        &[
            "fetch",
            "--quiet",
            "--depth=1",
            "--no-tags",
            "--no-recurse-submodules",
            "--no-write-fetch-head",
            "--",
            git.url.trim(),
            &refspec,
        ],
        &[],
    );
    if let Err(err) = fetch {
        let text = format!("{err:#}");
        if text.contains("couldn't find remote ref") {
            bail!(
                "`git.branch`: the repository {} has no branch \"{}\": name one it has, e.g. \"main\" ({text})",
                git.url,
                git.branch
            );
        }
        return Err(err.context(format!(
            "`git.url`: can't fetch branch \"{}\" from {}: check the address and the network",
            git.branch, git.url
        )));
    }
    let commit = run_git(
        git,
        &repo,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{FETCHED}^{{commit}}"),
        ],
        &[],
    )
    .context("the fetched branch names no commit")?
    .trim()
    .to_string();
    if commit.is_empty() || !commit.chars().all(|c| c.is_ascii_hexdigit()) {
        bail!("git named the fetched commit {commit:?}, which is not a commit id");
    }
    let trees = checkout.join("trees");
    if previous == Some(commit.as_str()) {
        // Same commit: only `git.path` may have changed in the config.
        content_in(&trees.join(&commit), &git.path)?;
    } else {
        let tree = materialise(git, &repo, &trees, &commit)?;
        if let Err(err) = content_in(&tree, &git.path).and_then(|_| switch(checkout, &commit)) {
            // Not served, inside our marked checkout: ours to remove.
            let _ = std::fs::remove_dir_all(&tree);
            return Err(err);
        }
    }
    remove_old_trees(&trees, &commit);
    Ok(Pulled {
        commit,
        previous: previous.map(str::to_string),
    })
}

/// Pulls and reloads `core` every `every` (the first time after one interval), on a blocking
/// thread so that answering never waits; a failed pull is logged and the last good content
/// keeps serving. Runs until the task is dropped.
pub async fn pull_every(core: std::sync::Arc<super::Core>, every: Duration) {
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        super::watch::reload_logged(
            std::sync::Arc::clone(&core),
            "pulled the website repository",
        )
        .await;
    }
}

/// Creates the checkout folder with our marker, or checks that an existing one is ours.
fn prepare(checkout: &Path) -> anyhow::Result<()> {
    if checkout.join(MARKER).is_file() {
        return Ok(());
    }
    match std::fs::symlink_metadata(checkout) {
        Err(_) => {}
        Ok(meta) if meta.is_dir() && std::fs::read_dir(checkout)?.next().is_none() => {}
        Ok(_) => bail!(
            "`git.checkout`: {} is not a checkout scs-bot made (it has no {MARKER}) and is not an empty folder; scs-bot touches nothing there: point `git.checkout` at a new or empty folder",
            checkout.display()
        ),
    }
    std::fs::create_dir_all(checkout.join("trees"))
        .with_context(|| format!("`git.checkout`: can't create {}", checkout.display()))?;
    std::fs::write(
        checkout.join(MARKER),
        "This folder is scs-bot's git checkout; scs-bot replaces what is in it.\n",
    )
    .with_context(|| format!("`git.checkout`: can't write in {}", checkout.display()))?;
    Ok(())
}

/// A new bare repository, made aside and renamed into place so that a broken one never stays.
fn init(git: &GitConfig, checkout: &Path, repo: &Path) -> anyhow::Result<()> {
    let fresh = tempfile::Builder::new()
        .prefix(".repo-")
        .tempdir_in(checkout)
        .context("`git.checkout`: can't make a folder for the repository")?;
    run_git(git, fresh.path(), &["init", "--quiet", "--bare"], &[])?;
    if repo.exists() {
        std::fs::remove_dir_all(repo)
            .with_context(|| format!("can't remove the broken {}", repo.display()))?;
    }
    std::fs::rename(fresh.keep(), repo)
        .with_context(|| format!("can't move the new repository to {}", repo.display()))?;
    Ok(())
}

/// Writes the files of `commit` into `trees/<commit>` through a temporary folder.
fn materialise(
    git: &GitConfig,
    repo: &Path,
    trees: &Path,
    commit: &str,
) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(trees)?;
    let fresh = tempfile::Builder::new()
        .prefix(".new-")
        .tempdir_in(trees)
        .context("`git.checkout`: can't make a folder for the new tree")?;
    let index = fresh.path().with_extension("index");
    let written = run_git(
        git,
        repo,
        &[
            &format!("--work-tree={}", fresh.path().display()),
            "read-tree",
            "--reset",
            "-u",
            commit,
        ],
        &[("GIT_INDEX_FILE", index.as_os_str())],
    );
    let _ = std::fs::remove_file(&index);
    written.context("can't write the files of the fetched commit")?;
    let tree = trees.join(commit);
    if tree.exists() {
        // Ours (inside the marked checkout) and not served: a leftover of an earlier pull.
        std::fs::remove_dir_all(&tree)?;
    }
    std::fs::rename(fresh.keep(), &tree)
        .with_context(|| format!("can't move the new tree to {}", tree.display()))?;
    Ok(tree)
}

/// `tree/<path>` when it is a folder inside `tree` (resolved: a link out of the tree is refused).
fn content_in(tree: &Path, path: &Path) -> anyhow::Result<PathBuf> {
    let root = std::fs::canonicalize(tree)
        .with_context(|| format!("the tree {} is missing", tree.display()))?;
    let content = std::fs::canonicalize(tree.join(path)).map_err(|_| {
        anyhow!(
            "`git.path`: the repository has no folder \"{}\" on this branch: name the folder that holds the pages, e.g. \"src/content\"",
            path.display()
        )
    })?;
    if !content.starts_with(&root) {
        bail!(
            "`git.path`: \"{}\" leads out of the repository (through a link); name a folder inside it",
            path.display()
        );
    }
    if !content.is_dir() {
        bail!(
            "`git.path`: \"{}\" is not a folder in the repository; name the folder that holds the pages",
            path.display()
        );
    }
    Ok(content)
}

/// Points `current` at `trees/<commit>` by renaming a new link over it.
fn switch(checkout: &Path, commit: &str) -> anyhow::Result<()> {
    let next = checkout.join("current.new");
    let _ = std::fs::remove_file(&next);
    symlink(Path::new("trees").join(commit), &next)
        .with_context(|| format!("can't make the link {}", next.display()))?;
    std::fs::rename(&next, checkout.join("current"))
        .with_context(|| format!("can't switch {}/current", checkout.display()))?;
    Ok(())
}

#[cfg(unix)]
fn symlink(target: PathBuf, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(windows)]
fn symlink(target: PathBuf, link: &Path) -> std::io::Result<()> {
    std::os::windows::fs::symlink_dir(target, link)
}

/// Removes every tree but `keep`, and leftovers of interrupted pulls. Only called inside a
/// checkout folder that carries our marker; a failure to remove is harmless and retried.
fn remove_old_trees(trees: &Path, keep: &str) {
    let Ok(entries) = std::fs::read_dir(trees) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name() == keep {
            continue;
        }
        let path = entry.path();
        let removed = match entry.file_type() {
            Ok(t) if t.is_dir() => std::fs::remove_dir_all(&path),
            _ => std::fs::remove_file(&path),
        };
        if let Err(err) = removed {
            tracing::debug!(path = %path.display(), error = %err, "can't remove an old tree yet");
        }
    }
}

/// Runs git in `dir` as a bare-repository command (`--git-dir=dir`), safely, with a timeout;
/// returns its standard output, or an error with its standard error.
fn run_git(
    git: &GitConfig,
    dir: &Path,
    args: &[&str],
    env: &[(&str, &std::ffi::OsStr)],
) -> anyhow::Result<String> {
    let mut command = Command::new(&git.program);
    command
        .arg(format!("--git-dir={}", dir.display()))
        .args([
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "core.fsmonitor=false",
            "-c",
            "protocol.ext.allow=never",
            "-c",
            "submodule.recurse=false",
            "-c",
            "credential.helper=",
            "-c",
            "gc.auto=0",
            "-c",
            "advice.detachedHead=false",
        ])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_CONFIG",
        "GIT_CONFIG_PARAMETERS",
        "GIT_CONFIG_COUNT",
        "GIT_SSH",
        "GIT_SSH_COMMAND",
        "GIT_PROXY_COMMAND",
        "GIT_EXTERNAL_DIFF",
    ] {
        command.env_remove(var);
    }
    command
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_ASKPASS", "")
        .env("SSH_ASKPASS", "")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
        .env("GIT_LFS_SKIP_SMUDGE", "1")
        .env("GIT_HTTP_LOW_SPEED_LIMIT", "1000")
        .env("GIT_HTTP_LOW_SPEED_TIME", "60")
        .env("LC_ALL", "C");
    for (key, value) in env {
        command.env(key, value);
    }
    let what = format!("git {}", args.first().copied().unwrap_or(""));
    let mut child = command.spawn().map_err(|err| {
        anyhow!(
            "`git.program`: can't run {} ({err}): install git, or set `git.program` to its path",
            git.program.display()
        )
    })?;
    // Read both pipes on threads so that a chatty git never blocks on a full pipe.
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = (&mut stderr).take(64 * 1024).read_to_end(&mut s);
        let _ = std::io::copy(&mut stderr, &mut std::io::sink());
        String::from_utf8_lossy(&s).into_owned()
    });
    let limit = Duration::from_secs(git.timeout_seconds);
    let status = match wait_timeout::ChildExt::wait_timeout(&mut child, limit)? {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "{what} took longer than {} s and was stopped (`git.timeout_seconds`)",
                git.timeout_seconds
            );
        }
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    if !status.success() {
        let said: Vec<&str> = stderr
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        bail!("{what} failed ({status}): {}", said.join(" "));
    }
    Ok(stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(checkout: &Path, path: &str) -> GitConfig {
        GitConfig {
            url: "/nowhere".into(),
            branch: "main".into(),
            path: path.into(),
            pull_minutes: 0,
            checkout: Some(checkout.to_path_buf()),
            program: "git".into(),
            timeout_seconds: 30,
        }
    }

    #[test]
    fn a_folder_that_is_not_ours_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("precious.txt"), "keep me").unwrap();
        let err = pull(&config(dir.path(), "")).unwrap_err();
        assert!(err.why.contains("`git.checkout`"), "{}", err.why);
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["precious.txt"]);
    }

    #[test]
    fn a_path_through_a_link_out_of_the_tree_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        symlink(outside.path().to_path_buf(), &dir.path().join("pages")).unwrap();
        let err = content_in(dir.path(), Path::new("pages")).unwrap_err();
        assert!(format!("{err}").contains("`git.path`"), "{err}");
        std::fs::create_dir(dir.path().join("real")).unwrap();
        assert!(content_in(dir.path(), Path::new("real")).is_ok());
    }

    #[test]
    fn a_missing_program_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let mut git = config(&dir.path().join("checkout"), "");
        git.program = dir.path().join("no-such-git");
        let err = pull(&git).unwrap_err();
        assert!(err.why.contains("`git.program`"), "{}", err.why);
        assert_eq!(err.serving, None);
    }
}
