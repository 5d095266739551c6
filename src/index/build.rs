//! Building an index and putting it in place.
//!
//! A build on disk happens in a fresh temporary folder next to the target (`.index.building-*`)
//! and is swapped in with two renames: the old folder is renamed away, the new one renamed in,
//! then the old one is deleted. Readers therefore see either the old or the new index, never a
//! mix, and a crash leaves at worst a stray temporary folder, which a later build removes.
//!
//! Invariants:
//! - the fingerprint file is written last: a folder without it was never finished;
//! - nothing that is not an index is ever deleted: a file at the index path, or a folder holding
//!   files that Tantivy and scs-bot don't write, is moved aside (`<name>.foreign-*`) and kept;
//! - every built folder holds a `.gitignore` that ignores everything but itself.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{anyhow, Context, Result};
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::analyzer;
use super::fingerprint::FINGERPRINT_FILE;
use super::schema::{build_schema, Fields};
use crate::content::{Library, Page, Section};

/// Memory budget of the (single-threaded) index writer. 1,000 pages fit in one segment.
const WRITER_BUDGET: usize = 64_000_000;

/// Content of the `.gitignore` written into every index folder: byte for byte the one committed
/// in the repository's `index/`, so a rebuild leaves `git status` clean.
pub const GITIGNORE: &str = "*\n!.gitignore\n";

/// Temporary folders older than this are leftovers of an interrupted build.
const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// Writes one document per section of `library` into `index` and commits.
pub fn write_library(index: &Index, fields: &Fields, library: &Library) -> Result<()> {
    let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_BUDGET)?;
    for (page, section) in library.sections() {
        if !is_indexed(section) {
            continue;
        }
        writer.add_document(section_document(fields, page, section))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// The number of documents [`write_library`] writes for `library`.
pub fn count_documents(library: &Library) -> u64 {
    library.sections().filter(|(_, s)| is_indexed(s)).count() as u64
}

/// Whether a section is worth a document: it has text to show. A heading with nothing under it
/// but sub-headings (`## Dimensions` / `### 1. Legal`) is not: as a hit it would show an empty
/// snippet, and its words already count for the sections inside it (their context). Nor is an
/// empty level-0 section (nothing before the first heading).
fn is_indexed(section: &Section) -> bool {
    !section.text.trim().is_empty()
}

fn section_document(fields: &Fields, page: &Page, section: &Section) -> TantivyDocument {
    let group = fields.group(&page.language);
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.language, &page.language);
    doc.add_text(fields.slug, &page.slug);
    doc.add_text(fields.anchor, &section.anchor);
    doc.add_text(fields.title, &page.title);
    doc.add_text(fields.heading, &section.heading);
    for heading in &section.path {
        doc.add_text(fields.path, heading);
    }
    doc.add_text(fields.url, page.section_url(section));
    doc.add_text(fields.text, &section.text);

    let context = context_text(page, section);
    let extra = extra_body_words(page, section);
    doc.add_text(group.heading, &section.heading);
    doc.add_text(group.context, &context);
    for field in [group.all, group.raw] {
        doc.add_text(field, &section.heading);
        doc.add_text(field, &section.text);
        if !extra.is_empty() {
            doc.add_text(field, &extra);
        }
    }
    doc
}

/// The enclosing headings (outermost first) and the page title.
fn context_text(page: &Page, section: &Section) -> String {
    let mut parts: Vec<&str> = section.path.iter().map(String::as_str).collect();
    if parts.last() == Some(&section.heading.as_str()) {
        parts.pop();
    }
    if section.level != 0 {
        parts.push(&page.title);
    }
    parts.join("\n")
}

/// Words a reader may use for what a section *holds* rather than what it says: the names in its
/// link targets (`github`, `syseleven`, `docs`) and, when it holds an e-mail address, the words
/// for one.
fn extra_body_words(page: &Page, section: &Section) -> String {
    let mut seen = HashSet::new();
    let mut words = Vec::new();
    for link in &section.links {
        for word in url_words(&link.url) {
            if seen.insert(word.to_ascii_lowercase()) {
                words.push(word);
            }
        }
    }
    if !section.emails.is_empty() {
        words.push(match analyzer::for_language(&page.language) {
            analyzer::DE => "E-Mail Mail Adresse",
            _ => "email e-mail mail address",
        });
    }
    words.join(" ")
}

/// `https://www.github.com/SovereignCloudStack/docs-page` → `github SovereignCloudStack docs page`:
/// host labels without `www` and the top-level domain, then path words; short and numeric
/// pieces are dropped. `mailto:` links give nothing (addresses are in the text).
fn url_words(url: &str) -> Vec<&str> {
    let Some((_, rest)) = url.split_once("://") else {
        return Vec::new();
    };
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    let labels: Vec<&str> = host.split('.').collect();
    let host_words = labels[..labels.len().saturating_sub(1)]
        .iter()
        .copied()
        .filter(|l| *l != "www");
    let path_words = path.split(|c: char| !c.is_alphanumeric());
    host_words
        .chain(path_words)
        .filter(|w| w.chars().count() > 2 && !w.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// Creates an index in `path` (an empty folder), writes `library`, the `.gitignore` and, last,
/// the fingerprint.
pub fn build_in_folder(path: &Path, library: &Library, fingerprint: &str) -> Result<()> {
    let index = Index::create_in_dir(path, build_schema())?;
    analyzer::register(index.tokenizers());
    let fields = Fields::resolve(&index.schema())?;
    write_library(&index, &fields, library)?;
    drop(index);
    write_synced(&path.join(".gitignore"), GITIGNORE)?;
    write_synced(&path.join(FINGERPRINT_FILE), fingerprint)?;
    Ok(())
}

fn write_synced(path: &Path, text: &str) -> Result<()> {
    let mut file = fs::File::create(path).with_context(|| format!("writing {}", path.display()))?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    Ok(())
}

/// What is at the index path before a build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Existing {
    /// Nothing.
    Missing,
    /// A folder with nothing in it but possibly a `.gitignore`.
    Empty,
    /// A regular file (or anything that is not a folder).
    NotAFolder,
    /// A folder holding only what Tantivy and scs-bot write, with the fingerprint if there is one.
    Index { fingerprint: Option<String> },
    /// A folder holding other files too: not ours to delete.
    Foreign { example: String },
}

impl Existing {
    /// True when what is there must be kept (moved aside) rather than deleted.
    pub fn must_be_kept(&self) -> bool {
        matches!(self, Existing::NotAFolder | Existing::Foreign { .. })
    }
}

/// Looks at what is at `dir`.
pub fn inspect(dir: &Path) -> Existing {
    let meta = match fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(_) => return Existing::Missing,
    };
    let meta = if meta.file_type().is_symlink() {
        match fs::metadata(dir) {
            Ok(meta) => meta,
            Err(_) => return Existing::NotAFolder, // dangling link
        }
    } else {
        meta
    };
    if !meta.is_dir() {
        return Existing::NotAFolder;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            return Existing::Foreign {
                example: format!("(unreadable: {e})"),
            }
        }
    };
    let mut any_index_file = false;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().map(|t| t.is_file()).unwrap_or(false);
        if !is_file || !is_index_file_name(&name) {
            return Existing::Foreign { example: name };
        }
        if name != ".gitignore" {
            any_index_file = true;
        }
    }
    if !any_index_file {
        return Existing::Empty;
    }
    let fingerprint = fs::read(dir.join(FINGERPRINT_FILE))
        .ok()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
    Existing::Index { fingerprint }
}

/// Names Tantivy or scs-bot write into an index folder.
fn is_index_file_name(name: &str) -> bool {
    if matches!(
        name,
        ".gitignore" | FINGERPRINT_FILE | "meta.json" | ".managed.json"
    ) || (name.starts_with(".tantivy-") && name.ends_with(".lock"))
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

/// Builds `library` in a temporary folder next to `dir` and swaps it in. Returns where a kept
/// (foreign) previous occupant of `dir` was moved to, if any.
pub fn build_and_swap(dir: &Path, library: &Library, fingerprint: &str) -> Result<Option<PathBuf>> {
    let (parent, name) = split_dir(dir)?;
    fs::create_dir_all(&parent)
        .with_context(|| format!("can't create the folder {}", parent.display()))?;
    remove_stale_leftovers(&parent, &name);
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.building-"))
        .tempdir_in(&parent)
        .with_context(|| format!("can't create a temporary folder in {}", parent.display()))?;
    build_in_folder(tmp.path(), library, fingerprint)?;
    let built = tmp.keep();
    let keep_old = inspect(dir).must_be_kept();
    swap_in(&built, dir, &parent, &name, keep_old).inspect_err(|_| {
        let _ = fs::remove_dir_all(&built);
    })
}

/// The parent folder (`.` for a bare name) and the folder name of `dir`.
fn split_dir(dir: &Path) -> Result<(PathBuf, String)> {
    let name = dir
        .file_name()
        .ok_or_else(|| anyhow!("the index path {} names no folder", dir.display()))?
        .to_string_lossy()
        .into_owned();
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name))
}

fn swap_in(
    built: &Path,
    dir: &Path,
    parent: &Path,
    name: &str,
    keep_old: bool,
) -> Result<Option<PathBuf>> {
    let old = if fs::symlink_metadata(dir).is_ok() {
        let aside = if keep_old {
            unique_path(parent, &format!("{name}.foreign-"))
        } else {
            unique_path(parent, &format!(".{name}.old-"))
        };
        fs::rename(dir, &aside)
            .with_context(|| format!("can't move the old index {} away", dir.display()))?;
        Some(aside)
    } else {
        None
    };
    if let Err(e) = fs::rename(built, dir) {
        if let Some(old) = &old {
            let _ = fs::rename(old, dir);
        }
        return Err(e).with_context(|| format!("can't move the new index to {}", dir.display()));
    }
    if let Ok(parent_dir) = fs::File::open(parent) {
        let _ = parent_dir.sync_all();
    }
    match old {
        Some(old) if keep_old => Ok(Some(old)),
        Some(old) => {
            let removed = if fs::symlink_metadata(&old).is_ok_and(|m| m.is_dir()) {
                fs::remove_dir_all(&old)
            } else {
                fs::remove_file(&old)
            };
            if let Err(e) = removed {
                tracing::warn!("could not delete the old index {}: {e}", old.display());
            }
            Ok(None)
        }
        None => Ok(None),
    }
}

/// A path in `parent` starting with `prefix` that does not exist yet.
fn unique_path(parent: &Path, prefix: &str) -> PathBuf {
    let stamp = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let pid = std::process::id();
    (0u32..)
        .map(|n| parent.join(format!("{prefix}{pid}-{stamp}-{n}")))
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| parent.join(prefix))
}

/// Removes temporary folders of interrupted builds and swaps (`.<name>.building-*`,
/// `.<name>.old-*`) that are older than [`STALE_AFTER`]; younger ones may belong to a build
/// running right now in another process.
fn remove_stale_leftovers(parent: &Path, name: &str) {
    let building = format!(".{name}.building-");
    let old = format!(".{name}.old-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if !(file_name.starts_with(&building) || file_name.starts_with(&old)) {
            continue;
        }
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if stale {
            let path = entry.path();
            match fs::remove_dir_all(&path) {
                Ok(()) => tracing::info!("removed the leftover {}", path.display()),
                Err(e) => tracing::warn!("could not remove the leftover {}: {e}", path.display()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_words_keep_host_names_and_path_words() {
        assert_eq!(
            url_words("https://github.com/SovereignCloudStack"),
            vec!["github", "SovereignCloudStack"]
        );
        assert_eq!(url_words("https://docs.scs.community"), vec!["docs", "scs"]);
        assert_eq!(
            url_words("https://scs.community/en/2024/sovereignty-compliance?x=1#top"),
            vec!["scs", "sovereignty", "compliance"]
        );
        assert_eq!(url_words("https://www.b1-systems.de"), vec!["b1-systems"]);
        assert!(url_words("mailto:someone@example.com").is_empty());
    }

    #[test]
    fn tantivy_and_scs_bot_file_names_count_as_index_files() {
        for name in [
            "meta.json",
            ".managed.json",
            ".tantivy-writer.lock",
            "scs-bot.fingerprint",
            ".gitignore",
            "0123456789abcdef0123456789abcdef.store",
            "0123456789abcdef0123456789abcdef.12.del",
        ] {
            assert!(is_index_file_name(name), "{name}");
        }
        for name in ["notes.txt", "0123.store", "Cargo.toml", "meta.json.bak"] {
            assert!(!is_index_file_name(name), "{name}");
        }
    }

    #[test]
    fn a_bare_folder_name_has_the_current_folder_as_parent() {
        let (parent, name) = split_dir(Path::new("index")).unwrap();
        assert_eq!((parent, name.as_str()), (PathBuf::from("."), "index"));
        assert!(split_dir(Path::new("/")).is_err());
    }
}
