//! Snapshots kept in the index folder, so that a cold start with unchanged content reads
//! neither the pages nor the index's stored documents (issue 9).
//!
//! Two files, each written aside and renamed in after the index it belongs to is committed,
//! and only into a folder [`place::inspect`] proves ours:
//! - [`PAGES_FILE`]: what the loader made of each content file, with its stat
//!   ([`content::PageCache`]; the rules for trusting a file are in `content::cache`) and the
//!   fingerprint of the library they make. Read by `core` before the content is loaded;
//! - [`LAYOUT_FILE`]: what hits show of every document (`search::Layout`: reading it from the
//!   stored documents and preparing each text for snippets was a seventh of a cold start at
//!   1,000 pages), tied to the index by its segments (ids, sizes, deletions). Written with a
//!   build, or at the first search of an index that has none.
//!
//! Format: the 8 bytes [`MAGIC`], a little-endian CRC-32 of the rest, then in postcard a
//! [`Stamp`] — the file's kind, the format version and *the program that wrote it* — and the
//! payload; the pages' payload holds its files in [`PAGE_CHUNKS`] runs encoded apart, read on
//! as many threads. The file is mapped read-only rather than read: copying 7 MB into fresh
//! memory cost a cold start 1,600 page faults. postcard rather than the JSON the crate already
//! uses: the layout is mostly numbers (every word's byte range), which JSON would print and
//! parse digit by digit; postcard is a small serde format (no dependencies besides serde and
//! `cobs`), and reading it costs little more than the strings' allocations and UTF-8 checks.
//!
//! The program is named by the running executable's file (size, times, inode; taken once, when
//! the first snapshot is looked at, from the file `/proc/self/exe` opens, which is the running
//! one even after the path was given to a newer build), not by the crate version alone: what
//! the loader and the layout make of the same input changes with the code, and a snapshot of
//! another build is simply not used. A rebuilt binary therefore reads everything once, then
//! writes its own snapshots.
//!
//! Invariants: reading never fails and never panics: a missing, truncated, damaged, foreign or
//! stale file is `Err(reason)` (logged at debug by the callers), and the caller loads the way
//! it would without one; writing never fails the caller either (a warning at most). Nothing
//! outside the index folder is written, and inside it only the two files and their temporary
//! `*.tmp` siblings.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};
use std::sync::OnceLock;

use anyhow::{bail, Context, Result};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::place::{self, Existing};
use crate::content::{self, CachedFile, LoadOptions, Page, PageCache};

/// The snapshot of the loaded pages, in the index folder.
pub const PAGES_FILE: &str = "scs-bot.pages";
/// The snapshot of what hits show, in the index folder.
pub const LAYOUT_FILE: &str = "scs-bot.layout";
/// The first bytes of a snapshot file.
pub const MAGIC: &[u8; 8] = b"scsbot\x00\x01";
/// Version of the envelope and of what is in it; bump on any change of [`Stamp`].
const FORMAT: u32 = 2;

/// Who wrote a snapshot, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    kind: String,
    format: u32,
    program: Program,
}

/// The running program: the crate version and the executable file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Program {
    version: String,
    size: u64,
    modified_ns: i64,
    changed_ns: i64,
    inode: u64,
}

/// This program, or `None` when its executable can't be looked at (then no snapshot is read or
/// written).
fn this_program() -> Option<&'static Program> {
    static PROGRAM: OnceLock<Option<Program>> = OnceLock::new();
    PROGRAM
        .get_or_init(|| {
            // Opened rather than looked up by name: the open file is the running one even
            // when the path names a newer build by now (and valgrind hands its client's file).
            let meta = fs::File::open("/proc/self/exe")
                .and_then(|exe| exe.metadata())
                .or_else(|_| std::env::current_exe().and_then(fs::metadata))
                .ok()?;
            let stat = content::FileStat::of(&meta);
            Some(Program {
                version: env!("CARGO_PKG_VERSION").to_string(),
                size: stat.size,
                modified_ns: stat.modified_ns,
                changed_ns: stat.changed_ns,
                inode: stat.inode,
            })
        })
        .as_ref()
}

/// Into how many runs the pages' files are cut, each encoded apart and read on a thread of its
/// own: reading the snapshot is most of a cold start, and it is all computing.
const PAGE_CHUNKS: usize = 2;

/// The pages' snapshot as written: the cache's head, then its files in runs of postcard bytes.
#[derive(Serialize)]
struct PagesOut<'a> {
    root: &'a Path,
    options: &'a LoadOptions,
    surveyed_ns: i64,
    revision: &'a str,
    chunks: Vec<Chunk>,
}

/// Bytes written as bytes (serde would write a `Vec<u8>` number by number; postcard's layout
/// is the same, but only bytes can be read back borrowed).
struct Chunk(Vec<u8>);

impl Serialize for Chunk {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

/// The pages' snapshot as read: the runs borrowed from the mapped file.
#[derive(Deserialize)]
struct PagesIn<'a> {
    root: PathBuf,
    options: LoadOptions,
    surveyed_ns: i64,
    revision: String,
    #[serde(borrow)]
    chunks: Vec<&'a [u8]>,
}

/// The pages' snapshot in `dir`, when there is a sound one of this program.
pub fn read_pages(dir: &Path) -> Result<PageCache, String> {
    read_with(dir, PAGES_FILE, |payload| {
        let head: PagesIn<'_> = postcard::from_bytes(payload)
            .map_err(|e| format!("{PAGES_FILE} can't be read ({e})"))?;
        let chunk = |bytes: &[u8]| {
            postcard::from_bytes::<Vec<CachedFile>>(bytes)
                .map_err(|e| format!("{PAGES_FILE} can't be read ({e})"))
        };
        let runs: Vec<Result<Vec<CachedFile>, String>> = std::thread::scope(|scope| {
            let (first, rest) = head.chunks.split_first().unzip();
            let others: Vec<_> = rest
                .unwrap_or_default()
                .iter()
                .map(|bytes| scope.spawn(move || chunk(bytes)))
                .collect();
            let mut runs = vec![first.map_or_else(|| Ok(Vec::new()), |b| chunk(b))];
            runs.extend(others.into_iter().map(|t| {
                t.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            }));
            runs
        });
        let mut files = Vec::new();
        for run in runs {
            files.extend(run?);
        }
        Ok(PageCache {
            root: head.root,
            options: head.options,
            surveyed_ns: head.surveyed_ns,
            revision: head.revision,
            files,
        })
    })
}

/// Writes the pages' snapshot into `dir` (when the folder is ours); a failure is logged.
pub fn write_pages(dir: &Path, cache: &PageCache<&Page>) {
    let per_chunk = cache.files.len().div_ceil(PAGE_CHUNKS).max(1);
    let chunks: Result<Vec<Chunk>, postcard::Error> = cache
        .files
        .chunks(per_chunk)
        .map(|run| postcard::to_stdvec(run).map(Chunk))
        .collect();
    let chunks = match chunks {
        Ok(chunks) => chunks,
        Err(e) => {
            tracing::warn!(
                "could not keep a snapshot of the pages ({e}); the next start reads every page"
            );
            return;
        }
    };
    let out = PagesOut {
        root: &cache.root,
        options: &cache.options,
        surveyed_ns: cache.surveyed_ns,
        revision: &cache.revision,
        chunks,
    };
    write_logged(dir, PAGES_FILE, &out);
}

/// What identifies the index a layout belongs to: each segment's id, number of documents and
/// of deleted ones.
pub type Segments = Vec<(String, u32, u32)>;

#[derive(Serialize, Deserialize)]
struct LayoutFile<L> {
    segments: Segments,
    layout: L,
}

/// The layout snapshot in `dir`, when there is a sound one of this program for exactly these
/// segments.
pub fn read_layout<L: DeserializeOwned>(dir: &Path, segments: &Segments) -> Result<L, String> {
    let file: LayoutFile<L> = read(dir, LAYOUT_FILE)?;
    if file.segments != *segments {
        return Err("the layout snapshot is of another build of the index".into());
    }
    Ok(file.layout)
}

/// Writes the layout snapshot of the index with `segments` into `dir` (when the folder is ours).
pub fn write_layout<L: Serialize>(dir: &Path, segments: &Segments, layout: &L) {
    let file = LayoutFile {
        segments: segments.clone(),
        layout,
    };
    write_logged(dir, LAYOUT_FILE, &file);
}

fn read<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<T, String> {
    read_with(dir, name, |payload| {
        postcard::from_bytes(payload).map_err(|e| format!("{name} can't be read ({e})"))
    })
}

/// What `parse` makes of the checked payload of the snapshot file `dir/name`.
fn read_with<R>(
    dir: &Path,
    name: &str,
    parse: impl FnOnce(&[u8]) -> Result<R, String>,
) -> Result<R, String> {
    let program = this_program().ok_or("the running executable can't be looked at")?;
    if !matches!(place::inspect(dir), Existing::Index { .. }) {
        return Err(format!("{} is no index folder of ours", dir.display()));
    }
    let path = dir.join(name);
    // A regular file only: never a pipe or device, which could block.
    match fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Err(format!("{} is not a regular file", path.display())),
        Err(e) => return Err(format!("no {name} ({e})")),
    }
    let file =
        fs::File::open(&path).map_err(|e| format!("{} can't be read: {e}", path.display()))?;
    if file.metadata().map(|m| m.len()).unwrap_or(0) == 0 {
        return Err(format!("{name} is empty"));
    }
    // SAFETY: the mapping is read only, and the file is ours: written whole under another
    // name and renamed into place, never written in place, so its bytes don't change while
    // mapped. (A process that truncated it meanwhile could make reading it fault, as it could
    // with the index files in the same folder, which Tantivy maps the same way.) Mapped, the
    // file is read straight from the page cache: no copy, no fresh pages to fault in for it.
    let bytes = unsafe { memmap2::MmapOptions::new().populate().map(&file) }
        .map_err(|e| format!("{} can't be read: {e}", path.display()))?;
    parse(checked(&bytes, name, program)?)
}

/// The payload of a snapshot file's bytes, read.
#[cfg(test)]
fn decode<T: DeserializeOwned>(bytes: &[u8], kind: &str, program: &Program) -> Result<T, String> {
    postcard::from_bytes(checked(bytes, kind, program)?)
        .map_err(|e| format!("{kind} can't be read ({e})"))
}

/// The payload of a snapshot file's bytes, checked: magic, checksum, kind, format, program.
fn checked<'a>(bytes: &'a [u8], kind: &str, program: &Program) -> Result<&'a [u8], String> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or_else(|| format!("{kind} is not a snapshot"))?;
    if rest.len() < 4 {
        return Err(format!("{kind} is cut short"));
    }
    let (crc, body) = rest.split_at(4);
    if crc32fast::hash(body).to_le_bytes() != crc {
        return Err(format!("{kind} is damaged (checksum)"));
    }
    let (stamp, payload) = postcard::take_from_bytes::<Stamp>(body)
        .map_err(|e| format!("{kind} has no readable stamp ({e})"))?;
    let wanted = Stamp {
        kind: kind.to_string(),
        format: FORMAT,
        program: program.clone(),
    };
    if stamp != wanted {
        return Err(format!(
            "{kind} was written by another build of scs-bot or for something else"
        ));
    }
    Ok(payload)
}

/// The bytes of a snapshot file of `kind` holding `payload`.
fn encode<T: Serialize>(payload: &T, kind: &str, program: &Program) -> Result<Vec<u8>> {
    let stamp = Stamp {
        kind: kind.to_string(),
        format: FORMAT,
        program: program.clone(),
    };
    let mut body = postcard::to_stdvec(&stamp)?;
    body = postcard::to_extend(payload, body).context("the snapshot can't be serialized")?;
    let mut bytes = Vec::with_capacity(body.len() + 12);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    bytes.extend_from_slice(&body);
    Ok(bytes)
}

fn write_logged<T: Serialize>(dir: &Path, name: &str, payload: &T) {
    match write(dir, name, payload) {
        Ok(()) => tracing::debug!("wrote {}", dir.join(name).display()),
        Err(e) => tracing::warn!(
            "could not keep a snapshot in {} ({e:#}); the next start reads everything again",
            dir.display()
        ),
    }
}

/// Writes `payload` to `dir/name`: into a new temporary file in `dir`, synced, then renamed
/// over the old one, so a reader sees the old file or the new one, whole.
fn write<T: Serialize>(dir: &Path, name: &str, payload: &T) -> Result<()> {
    let Some(program) = this_program() else {
        bail!("the running executable can't be looked at");
    };
    if !matches!(place::inspect(dir), Existing::Index { .. }) {
        bail!("{} is no index folder of ours", dir.display());
    }
    let bytes = encode(payload, name, program)?;
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let n = WRITES.fetch_add(1, AtomicOrdering::Relaxed);
    let tmp = dir.join(format!("{name}.{}-{n}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .with_context(|| format!("can't create {}", tmp.display()))?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, dir.join(name))
            .with_context(|| format!("can't rename {} into place", tmp.display()))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Whether `name` is a snapshot file or one of its temporary siblings.
pub fn is_snapshot_file_name(name: &str) -> bool {
    [PAGES_FILE, LAYOUT_FILE].iter().any(|file| {
        name == *file
            || name
                .strip_prefix(file)
                .and_then(|rest| rest.strip_prefix('.'))
                .and_then(|rest| rest.strip_suffix(".tmp"))
                .and_then(|rest| rest.split_once('-'))
                .is_some_and(|(pid, n)| is_number(pid) && is_number(n))
    })
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program() -> Program {
        Program {
            version: "0.1.0".into(),
            size: 1,
            modified_ns: 2,
            changed_ns: 3,
            inode: 4,
        }
    }

    #[test]
    fn a_snapshot_reads_back_what_was_written() {
        let bytes = encode(&vec!["a".to_string(), "b".into()], "list", &program()).unwrap();
        let back: Vec<String> = decode(&bytes, "list", &program()).unwrap();
        assert_eq!(back, ["a", "b"]);
    }

    #[test]
    fn a_flipped_bit_a_cut_and_garbage_are_each_refused() {
        let bytes = encode(&vec![7u32; 100], "list", &program()).unwrap();
        let mut flipped = bytes.clone();
        *flipped.last_mut().unwrap() ^= 1;
        for bad in [
            flipped,
            bytes[..bytes.len() - 3].to_vec(),
            bytes[..10].to_vec(),
            b"garbage".to_vec(),
            Vec::new(),
        ] {
            assert!(decode::<Vec<u32>>(&bad, "list", &program()).is_err());
        }
    }

    #[test]
    fn a_snapshot_of_another_program_or_kind_is_refused() {
        let bytes = encode(&1u32, "list", &program()).unwrap();
        let other = Program {
            modified_ns: 99,
            ..program()
        };
        let err = decode::<u32>(&bytes, "list", &other).unwrap_err();
        assert!(err.contains("another build"), "{err}");
        assert!(decode::<u32>(&bytes, "pages", &program()).is_err());
    }

    #[test]
    fn snapshot_files_and_their_temporary_siblings_are_recognised() {
        for name in [PAGES_FILE, LAYOUT_FILE, "scs-bot.layout.123-0.tmp"] {
            assert!(is_snapshot_file_name(name), "{name}");
        }
        for name in [
            "scs-bot.pages.tmp",
            "scs-bot.pages.1.tmp",
            "scs-bot.pages.x-1.tmp",
            "scs-bot.pagesx",
        ] {
            assert!(!is_snapshot_file_name(name), "{name}");
        }
    }
}
