//! Reusing what an earlier load made of files that have not changed since (issue 9: a cold
//! start that doesn't re-read unchanged content).
//!
//! The loader's result is a function of the files alone: given the [`LoadOptions`], each file
//! gives its page (or none) and its own problems, and the library is assembled from those in
//! path order (the first file of a `(language, slug)` is served, the others are a problem; pages
//! sorted). A [`PageCache`] keeps, per file, its [`FileStat`] and what it gave.
//! [`load_dir_reusing`] walks the folder exactly as [`load_dir`](super::load_dir) does
//! (confinement, hidden entries, `skip_dirs`, regular files only; the walk's own problems are
//! always fresh) and, file by file, reuses the cached result when the file is *trusted*, else
//! reads and parses it as `load_dir` would.
//!
//! A file is trusted when all of these hold:
//! - the cache is for the same content folder (resolved: a `[git]` checkout that switched
//!   commits resolves elsewhere) and equal load options;
//! - its stat equals the cached one: size, modification time and status-change time to the
//!   nanosecond, inode. The status-change time (ctime) is set by the kernel on every write,
//!   rename and `chmod` and can't be set back (`touch -d` and `cp -p` set the modification time
//!   only); the inode changes when a file is replaced or a link inside the folder is pointed at
//!   another file;
//! - it was *settled* when the cached stat was taken: both times at least [`SETTLE`] before the
//!   walk began. A write right after the stat, in the same tick of the file system's clock (a
//!   second on some file systems, two on FAT), could leave the stat as it was: git's "racy
//!   clean" case. Such a file is read again at every load until a load finds it settled.
//!
//! What this cannot see: a file changed with its size, both times and its inode kept (that
//! takes setting the system clock back, or writing to the block device), and, on a network file
//! system, a server clock running ahead of the bot's by more than [`SETTLE`].
//!
//! When the files are the same ones and each was trusted or read again to the same result, the
//! library is exactly the one the cache was made of, and [`Loaded::unchanged`] hands back the
//! cache's revision (the index's fingerprint of that library): no hashing. Otherwise the caller
//! fingerprints the new library, which stays the truth.
//!
//! Everything here is plain data; where the cache is kept and how it is checked for damage is
//! the index's business (`index::snapshot`).

use super::model::{Library, Page};
use super::problem::Problem;
use super::{is_skipped, read_file, walk, LoadOptions};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How long before a walk a file must have last been written for its stat to be trusted at
/// the next load (see the module docs).
pub const SETTLE: Duration = Duration::from_secs(2);

/// What the file system says about a file: enough to tell that it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStat {
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub modified_ns: i64,
    /// Status-change time (ctime), nanoseconds since the epoch.
    pub changed_ns: i64,
    pub inode: u64,
}

impl FileStat {
    pub fn of(meta: &std::fs::Metadata) -> FileStat {
        use std::os::unix::fs::MetadataExt;
        let ns = |secs: i64, nanos: i64| secs.saturating_mul(1_000_000_000).saturating_add(nanos);
        FileStat {
            size: meta.len(),
            modified_ns: ns(meta.mtime(), meta.mtime_nsec()),
            changed_ns: ns(meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
        }
    }

    /// Whether the file had last been written at least [`SETTLE`] before `surveyed_ns` (when
    /// the walk that took this stat began).
    pub fn settled_at(&self, surveyed_ns: i64) -> bool {
        let limit = surveyed_ns.saturating_sub(SETTLE.as_nanos() as i64);
        self.modified_ns < limit && self.changed_ns < limit
    }
}

/// `time` in nanoseconds since the epoch (negative before it).
pub fn nanos_since_epoch(time: SystemTime) -> i64 {
    let clamp = |d: Duration| d.as_nanos().min(i64::MAX as u128) as i64;
    match time.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(after) => clamp(after),
        Err(before) => -clamp(before.duration()),
    }
}

/// One file of a load and what the loader made of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedFile<P = Page> {
    /// Relative to the content folder.
    pub path: PathBuf,
    pub stat: FileStat,
    /// The file's own problems (reading, decoding, parsing); not the duplicate-page problem,
    /// which depends on the other files.
    pub problems: Vec<Problem>,
    /// Its page; `None` when the file is no page (a component, unreadable, too large).
    pub page: Option<P>,
}

/// What a load made of every file, for the next load to reuse. `P` is `Page` when read back,
/// `&Page` when written from a [`Loaded`] (no copy of the library).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageCache<P = Page> {
    /// The content folder, resolved.
    pub root: PathBuf,
    pub options: LoadOptions,
    /// When the walk that took the stats began, nanoseconds since the epoch.
    pub surveyed_ns: i64,
    /// What the caller named the library these files make (the index's fingerprint).
    pub revision: String,
    /// In path order.
    pub files: Vec<CachedFile<P>>,
}

/// Where a load got its pages from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadedFrom {
    /// Every file from the cache: nothing read, nothing parsed, the library unchanged.
    Snapshot { files: usize },
    /// Some files read (new, changed, or too fresh to trust), the others from the cache.
    Partly { reused: usize, read: usize },
    /// Every file read; `reason` says why the cache was of no use.
    Files { reason: String },
}

impl fmt::Display for LoadedFrom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadedFrom::Snapshot { files } => {
                write!(f, "all {files} files from the snapshot, none read")
            }
            LoadedFrom::Partly { reused, read } => {
                write!(f, "{read} files read, {reused} from the snapshot")
            }
            LoadedFrom::Files { reason } => write!(f, "every file read ({reason})"),
        }
    }
}

/// The result of [`load_dir_reusing`].
#[derive(Debug)]
pub struct Loaded {
    pub library: Library,
    /// The walk's problems, then each file's in path order (with the duplicate-page ones).
    pub problems: Vec<Problem>,
    pub from: LoadedFrom,
    /// The cache's revision when the library is exactly the one the cache was made of.
    pub unchanged: Option<String>,
    /// The content folder resolved; `None` when it can't be.
    root: Option<PathBuf>,
    surveyed_ns: i64,
    files: Vec<Entry>,
}

/// One file of a [`Loaded`], for writing the next cache.
#[derive(Debug)]
struct Entry {
    path: PathBuf,
    stat: FileStat,
    problems: Vec<Problem>,
    page: Slot,
}

/// What became of a file's page.
#[derive(Debug)]
enum Slot {
    NoPage,
    /// Served: the library's page with this `(language, slug)`.
    Served(String, String),
    /// Not served: an earlier file is the same page.
    Duplicate(Page),
}

impl Loaded {
    /// The cache of this load, naming its library `revision`; `None` when the content folder
    /// could not be resolved.
    pub fn cache<'a>(
        &'a self,
        options: &LoadOptions,
        revision: &str,
    ) -> Option<PageCache<&'a Page>> {
        let root = self.root.clone()?;
        let files = self
            .files
            .iter()
            .map(|e| {
                let page = match &e.page {
                    Slot::NoPage => None,
                    Slot::Served(language, slug) => self.library.page(language, slug),
                    Slot::Duplicate(page) => Some(page),
                };
                CachedFile {
                    path: e.path.clone(),
                    stat: e.stat,
                    problems: e.problems.clone(),
                    page,
                }
            })
            .collect();
        Some(PageCache {
            root,
            options: options.clone(),
            surveyed_ns: self.surveyed_ns,
            revision: revision.to_string(),
            files,
        })
    }

    /// Whether writing [`Loaded::cache`] would tell the next load anything new: something was
    /// read (or nothing was cached), or a cached file was too fresh to trust.
    pub fn is_worth_caching(&self) -> bool {
        !matches!(self.from, LoadedFrom::Snapshot { .. })
    }
}

/// The content folder as the walk found it: every markdown file with its stat, and the walk's
/// own problems. Taking it is all system calls, so a caller may read the cache meanwhile.
#[derive(Debug)]
pub struct Survey {
    root: PathBuf,
    /// `root` resolved; `None` when it can't be.
    real_root: Option<PathBuf>,
    surveyed_ns: i64,
    files: Vec<(PathBuf, FileStat)>,
    problems: Vec<Problem>,
}

/// Walks `root` as [`load_dir`](super::load_dir) does (the same confinement and skip rules),
/// taking each file's stat; `now` is when the walk begins: take it right before the call.
pub fn survey(root: &Path, options: &LoadOptions, now: SystemTime) -> Survey {
    let surveyed_ns = nanos_since_epoch(now);
    let mut problems = Vec::new();
    let files = walk::markdown_files_with_stats(root, &options.skip_dirs, &mut problems);
    Survey {
        root: root.to_path_buf(),
        real_root: std::fs::canonicalize(root).ok(),
        surveyed_ns,
        files,
        problems,
    }
}

/// Loads every `.md` file under `root` as [`load_dir`](super::load_dir) does, reusing from
/// `previous` what it made of the files that are trusted (see the module docs); `Err` says why
/// there is no cache. `now` is when the walk begins: take it right before the call.
pub fn load_dir_reusing(
    root: &Path,
    options: &LoadOptions,
    previous: Result<PageCache, String>,
    now: SystemTime,
) -> Loaded {
    load_surveyed(survey(root, options, now), options, previous)
}

/// [`load_dir_reusing`] for a folder already surveyed with the same `options`.
pub fn load_surveyed(
    survey: Survey,
    options: &LoadOptions,
    previous: Result<PageCache, String>,
) -> Loaded {
    let Survey {
        root,
        real_root,
        surveyed_ns,
        files: walked,
        problems,
    } = survey;
    let root = root.as_path();
    let previous = match previous {
        Err(reason) => Err(reason),
        Ok(cache) if real_root.as_deref() != Some(cache.root.as_path()) => Err(format!(
            "the snapshot is of {}, and the content folder is {} now",
            cache.root.display(),
            real_root
                .as_deref()
                .map_or_else(|| "unresolvable".into(), |r| r.display().to_string())
        )),
        Ok(cache) if cache.options != *options => {
            Err("the load options changed since the snapshot".to_string())
        }
        Ok(cache) => Ok(cache),
    };
    let (revision, cached_at, mut cached) = match previous {
        Ok(cache) => (
            Ok(cache.revision),
            cache.surveyed_ns,
            Some(cache.files.into_iter().peekable()),
        ),
        Err(reason) => (Err(reason), 0, None),
    };
    let mut assembly = Assembly {
        problems,
        ..Assembly::default()
    };
    let (mut reused, mut read, mut gone) = (0usize, 0usize, 0usize);
    // Whether every file so far gave what the cache says it gave.
    let mut same = cached.is_some();
    for (rel, stat) in walked {
        if is_skipped(&rel, options) {
            continue;
        }
        let mut hit = None;
        if let Some(files) = cached.as_mut() {
            while let Some(next) = files.peek() {
                match next.path.cmp(&rel) {
                    Ordering::Less => {
                        files.next();
                        gone += 1;
                    }
                    Ordering::Equal => {
                        hit = files.next();
                        break;
                    }
                    Ordering::Greater => break,
                }
            }
        }
        let (page, own) = match hit {
            Some(file) if file.stat == stat && file.stat.settled_at(cached_at) => {
                reused += 1;
                (file.page, file.problems)
            }
            hit => {
                read += 1;
                let (page, own) = read_file(root, real_root.as_deref(), &rel, options);
                if !hit.is_some_and(|file| file.page == page && file.problems == own) {
                    same = false;
                }
                (page, own)
            }
        };
        assembly.add(rel, stat, page, own);
    }
    if let Some(files) = cached {
        gone += files.count();
    }
    let (library, problems, files) = assembly.finish();
    let unchanged = match &revision {
        Ok(revision) if same && gone == 0 => Some(revision.clone()),
        _ => None,
    };
    let from = match revision {
        Err(reason) => LoadedFrom::Files { reason },
        Ok(_) if read == 0 && unchanged.is_some() => LoadedFrom::Snapshot { files: reused },
        Ok(_) => LoadedFrom::Partly { reused, read },
    };
    Loaded {
        library,
        problems,
        from,
        unchanged,
        root: real_root,
        surveyed_ns,
        files,
    }
}

/// The library made of the files' results in path order.
#[derive(Default)]
struct Assembly {
    pages: Vec<Page>,
    problems: Vec<Problem>,
    owners: HashMap<(String, String), PathBuf>,
    files: Vec<Entry>,
}

impl Assembly {
    fn add(&mut self, rel: PathBuf, stat: FileStat, page: Option<Page>, own: Vec<Problem>) {
        self.problems.extend(own.iter().cloned());
        let slot = match page {
            None => Slot::NoPage,
            Some(page) => {
                let key = (page.language.clone(), page.slug.clone());
                match self.owners.get(&key) {
                    Some(first) => {
                        self.problems.push(
                            Problem::error(
                                &rel,
                                format!(
                                    "`{}` and `{}` are both the page `{}` in language `{}`; only `{}` is served",
                                    first.display(),
                                    rel.display(),
                                    key.1,
                                    key.0,
                                    first.display()
                                ),
                            )
                            .field("slug")
                            .fix("give one of them a different `slug` (or `language`)"),
                        );
                        Slot::Duplicate(page)
                    }
                    None => {
                        self.owners.insert(key.clone(), rel.clone());
                        self.pages.push(page);
                        Slot::Served(key.0, key.1)
                    }
                }
            }
        };
        self.files.push(Entry {
            path: rel,
            stat,
            problems: own,
            page: slot,
        });
    }

    fn finish(mut self) -> (Library, Vec<Problem>, Vec<Entry>) {
        self.pages
            .sort_by(|a, b| (&a.language, &a.slug).cmp(&(&b.language, &b.slug)));
        (Library { pages: self.pages }, self.problems, self.files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(cache: PageCache<&Page>) -> PageCache {
        PageCache {
            root: cache.root,
            options: cache.options,
            surveyed_ns: cache.surveyed_ns,
            revision: cache.revision,
            files: cache
                .files
                .into_iter()
                .map(|f| CachedFile {
                    path: f.path,
                    stat: f.stat,
                    problems: f.problems,
                    page: f.page.cloned(),
                })
                .collect(),
        }
    }

    /// The text of every section of the one page.
    fn text_of(loaded: &Loaded) -> String {
        let texts: Vec<&str> = loaded.library.pages[0]
            .sections
            .iter()
            .map(|s| s.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        texts.join("|")
    }

    #[test]
    fn a_stat_that_could_not_see_a_rewrite_is_trusted_only_once_settled() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("en")).unwrap();
        std::fs::write(root.join("en/a.md"), "# A\n\nalpha\n").unwrap();
        let options = LoadOptions::default();
        let now = SystemTime::now();
        let first = load_dir_reusing(root, &options, Err("none".into()), now);
        assert_eq!(text_of(&first), "alpha");
        // Rewritten with the same size and, as on a file system whose clock ticks in whole
        // seconds, with the stat the first walk saw.
        std::fs::write(root.join("en/a.md"), "# A\n\nomega\n").unwrap();
        let mut cache = owned(first.cache(&options, "r1").unwrap());
        cache.files[0].stat = FileStat::of(&std::fs::metadata(root.join("en/a.md")).unwrap());

        // The first walk began right after the page was written: its stat is not trusted.
        let again = load_dir_reusing(root, &options, Ok(cache.clone()), now);
        assert_eq!(again.from, LoadedFrom::Partly { reused: 0, read: 1 });
        assert_eq!(text_of(&again), "omega");
        assert_eq!(again.unchanged, None);

        // Had it begun well after the write, the stat would be trusted and the old page
        // served: the case the settling time is there for.
        cache.surveyed_ns = nanos_since_epoch(now + SETTLE * 30);
        let trusted = load_dir_reusing(root, &options, Ok(cache), now + SETTLE * 31);
        assert_eq!(trusted.from, LoadedFrom::Snapshot { files: 1 });
        assert_eq!(trusted.unchanged.as_deref(), Some("r1"));
        assert_eq!(text_of(&trusted), "alpha");
    }

    #[test]
    fn a_file_read_again_to_the_same_result_keeps_the_revision() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("en")).unwrap();
        std::fs::write(root.join("en/a.md"), "# A\n\nalpha\n").unwrap();
        std::fs::write(root.join("en/b.md"), "# B\n\nbeta\n").unwrap();
        let options = LoadOptions::default();
        let now = SystemTime::now();
        let first = load_dir_reusing(root, &options, Err("none".into()), now);
        let cache = owned(first.cache(&options, "r1").unwrap());
        // Touched, not changed: read again, and the library is still the snapshot's.
        std::fs::write(root.join("en/b.md"), "# B\n\nbeta\n").unwrap();
        let later = now + SETTLE * 30;
        let mut settled = cache.clone();
        settled.surveyed_ns = nanos_since_epoch(later);
        let again = load_dir_reusing(root, &options, Ok(settled), later);
        assert_eq!(again.from, LoadedFrom::Partly { reused: 1, read: 1 });
        assert_eq!(again.unchanged.as_deref(), Some("r1"));
        assert_eq!(again.library, first.library);
        assert!(again.is_worth_caching());
    }

    fn stat(modified_s: i64, changed_s: i64) -> FileStat {
        FileStat {
            size: 10,
            modified_ns: modified_s * 1_000_000_000,
            changed_ns: changed_s * 1_000_000_000,
            inode: 7,
        }
    }

    #[test]
    fn a_file_written_within_the_settling_time_before_the_walk_is_not_settled() {
        let walk = 1_000 * 1_000_000_000;
        assert!(stat(990, 990).settled_at(walk));
        assert!(!stat(999, 990).settled_at(walk), "modified a second before");
        assert!(
            !stat(990, 999).settled_at(walk),
            "status changed a second before"
        );
        assert!(!stat(1_000, 1_000).settled_at(walk), "in the same second");
        assert!(
            !stat(1_005, 1_005).settled_at(walk),
            "stamped after the walk began"
        );
    }

    #[test]
    fn times_before_the_epoch_count_as_negative_nanoseconds() {
        let before = SystemTime::UNIX_EPOCH - Duration::from_secs(1);
        assert_eq!(nanos_since_epoch(before), -1_000_000_000);
        let after = SystemTime::UNIX_EPOCH + Duration::from_nanos(5);
        assert_eq!(nanos_since_epoch(after), 5);
    }
}
