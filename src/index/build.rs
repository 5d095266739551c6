//! Building an index and putting it in place.
//!
//! A build on disk happens in a fresh temporary folder next to the target (`.index.building-*`)
//! and is swapped in with two renames: the old folder is renamed away, the new one renamed in,
//! then the old one is deleted. Readers therefore see either the old or the new index, never a
//! mix, and a crash leaves at worst a stray temporary folder, which a later build removes.
//!
//! Invariants:
//! - the marker file (see [`super::place`]) is written first and the fingerprint file last: a
//!   folder with the marker but without the fingerprint is ours but was never finished;
//! - only what [`super::place::inspect`] proves ours (or finds empty) is ever renamed or
//!   deleted: the index path is inspected before the build and again right before the swap, and
//!   leftovers of interrupted builds are removed only when they are ours too. Anything else is
//!   a [`NotOurs`] error and stays as it is;
//! - every built folder holds a `.gitignore` that ignores everything but itself.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{anyhow, Context, Result};
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::acronym::Acronyms;
use super::analyzer;
use super::facts;
use super::fingerprint::FINGERPRINT_FILE;
use super::place::{inspect, is_our_leftover, Existing, NotOurs, MARKER_FILE, MARKER_TEXT};
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
    let acronyms = Acronyms::of(library);
    for page in &library.pages {
        let file = file_words(page);
        for section in page.sections.iter().filter(|s| is_indexed(s)) {
            writer.add_document(section_document(fields, &acronyms, &file, page, section))?;
        }
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

fn section_document(
    fields: &Fields,
    acronyms: &Acronyms,
    file: &str,
    page: &Page,
    section: &Section,
) -> TantivyDocument {
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

    let context = context_text(page, section, file);
    let extra = extra_body_words(page, section);
    // The acronyms of the names each place spells out, as words of that place.
    let heading_acronyms = acronyms.in_text(&section.heading);
    let body_acronyms = acronyms.in_text(&format!("{}\n{}", section.heading, section.text));
    let context_acronyms = acronyms.in_text(&context);
    doc.add_text(group.heading, &section.heading);
    let markers = facts::markers(&section.text);
    if !markers.is_empty() {
        doc.add_text(group.heading, &markers);
    }
    if !heading_acronyms.is_empty() {
        doc.add_text(group.heading, &heading_acronyms);
    }
    doc.add_text(group.context, &context);
    if !context_acronyms.is_empty() {
        doc.add_text(group.context, &context_acronyms);
    }
    for field in [group.all, group.raw] {
        doc.add_text(field, &section.heading);
        doc.add_text(field, &section.text);
        for more in [&extra, &body_acronyms] {
            if !more.is_empty() {
                doc.add_text(field, more);
            }
        }
    }
    doc
}

/// The enclosing headings (outermost first), the page title and `file`, the words of the
/// page's file name the page doesn't say (see [`file_words`]); for the text before the first
/// heading, the page's byline ([`Page::authors`]).
fn context_text(page: &Page, section: &Section, file: &str) -> String {
    let mut parts: Vec<&str> = section.path.iter().map(String::as_str).collect();
    if parts.last() == Some(&section.heading.as_str()) {
        parts.pop();
    }
    if section.level != 0 {
        parts.push(&page.title);
    }
    if !file.is_empty() {
        parts.push(file);
    }
    // The byline stands above the text before the first heading.
    if section.level == 0 {
        parts.extend(page.authors.iter().map(String::as_str));
    }
    parts.join("\n")
}

/// The words of a page's file name that its title, headings and text don't have: its authors
/// chose them to say what the page is. A press note titled "Mehr Wettbewerb, weniger Lock-in"
/// is `2025-02-04-interview-behoerdenspiegel.md`: "interview". Dates, numbers and pieces
/// shorter than three letters are left out; so are words the page has, which would only
/// weigh its own words twice.
fn file_words(page: &Page) -> String {
    let stem = page
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_lowercase();
    let candidates: Vec<&str> = stem
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    if candidates.is_empty() {
        return String::new();
    }
    let mut said: HashSet<String> = HashSet::new();
    let texts = std::iter::once(page.title.as_str()).chain(
        page.sections
            .iter()
            .flat_map(|s| [s.heading.as_str(), s.text.as_str()]),
    );
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() {
                said.insert(word.to_lowercase());
            }
        }
    }
    let mut out: Vec<&str> = Vec::new();
    for word in candidates {
        if !said.contains(word) && !out.contains(&word) {
            out.push(word);
        }
    }
    out.join(" ")
}

/// Words a reader may use for what a section *holds* rather than what it says: the names in its
/// link targets (`github`, `syseleven`, `docs`), when it holds an e-mail address the words for
/// one, and when it lists organisations the words for them ([`lists_organisations`]).
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
    if lists_organisations(section) {
        words.push(match analyzer::for_language(&page.language) {
            analyzer::DE => "Firmen Unternehmen Organisationen",
            _ => "companies firms organisations organizations",
        });
    }
    words.join(" ")
}

/// Legal forms of organisations, as the last word of a name (lower case, dots dropped):
/// "artcodix GmbH", "Dataport AöR", "dNation, s.r.o.", "ScaleUp Technologies GmbH & Co. KG".
const LEGAL_FORMS: &[&str] = &[
    "gmbh", "mbh", "ag", "kg", "aör", "se", "ug", "ev", "eg", "sro", "inc", "ltd", "llc", "plc",
    "bv", "nv", "sa", "sas", "spa", "oy",
];

/// How many list items must name organisations by their legal form, at least, for a list of
/// them ([`lists_organisations`]).
const ORGANISATIONS_LISTED: usize = 3;

/// Whether a section's list is one of organisations: most of its items (and at least
/// [`ORGANISATIONS_LISTED`]) end in a legal form ([`LEGAL_FORMS`]). Such a list is asked for
/// by words it never says ("which *firms* are on the founder lineup?", "welche *Firmen* …"):
/// [`extra_body_words`] gives it them.
fn lists_organisations(section: &Section) -> bool {
    let organisations = section
        .items
        .iter()
        .filter(|item| {
            let name = item.text.replace('.', "").to_lowercase();
            name.rsplit(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .is_some_and(|last| LEGAL_FORMS.contains(&last))
        })
        .count();
    organisations >= ORGANISATIONS_LISTED && 2 * organisations >= section.items.len()
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

/// Creates an index in `path` (an empty folder): first the marker (so that even a build that
/// never finishes is recognised as ours), then `library`, the `.gitignore` and, last, the
/// fingerprint.
pub fn build_in_folder(path: &Path, library: &Library, fingerprint: &str) -> Result<()> {
    write_synced(&path.join(MARKER_FILE), MARKER_TEXT)?;
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

/// Builds `library` in a temporary folder next to `dir` and swaps it in. Fails with
/// [`NotOurs`] (and touches nothing at `dir`) when what is at `dir` is not ours to replace.
pub fn build_and_swap(dir: &Path, library: &Library, fingerprint: &str) -> Result<()> {
    if let Existing::NotOurs { what } = inspect(dir) {
        return Err(NotOurs {
            path: dir.to_path_buf(),
            what,
        }
        .into());
    }
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
    swap_in(&built, dir, &parent, &name).inspect_err(|_| {
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

/// Renames the old folder (ours or empty, checked again right before) away, the new one in,
/// and deletes the old one.
fn swap_in(built: &Path, dir: &Path, parent: &Path, name: &str) -> Result<()> {
    let old = match inspect(dir) {
        Existing::Missing => None,
        Existing::NotOurs { what } => {
            return Err(NotOurs {
                path: dir.to_path_buf(),
                what,
            }
            .into())
        }
        Existing::Empty | Existing::Index { .. } => {
            let aside = unique_path(parent, &format!(".{name}.old-"));
            fs::rename(dir, &aside)
                .with_context(|| format!("can't move the old index {} away", dir.display()))?;
            Some(aside)
        }
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
    if let Some(old) = old {
        if let Err(e) = fs::remove_dir_all(&old) {
            tracing::warn!("could not delete the old index {}: {e}", old.display());
        }
    }
    Ok(())
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
        let path = entry.path();
        if stale && is_our_leftover(&path) {
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

    /// A section listing `items`, each a list item.
    fn listing(items: &[&str]) -> Section {
        Section {
            heading: "Members".into(),
            path: vec!["Members".into()],
            level: 2,
            anchor: "members".into(),
            line: 1,
            text: items.join("\n"),
            links: Vec::new(),
            emails: Vec::new(),
            items: items
                .iter()
                .map(|text| crate::content::Item {
                    text: text.to_string(),
                    url: None,
                })
                .collect(),
        }
    }

    #[test]
    fn a_list_of_names_with_legal_forms_is_a_list_of_organisations() {
        assert!(lists_organisations(&listing(&[
            "artcodix GmbH",
            "Dataport AöR",
            "dNation, s.r.o.",
            "ScaleUp Technologies GmbH & Co. KG",
            "OpenInfra Foundation",
        ])));
        // Too few, or fewer than half of the items.
        assert!(!lists_organisations(&listing(&[
            "artcodix GmbH",
            "Dataport AöR"
        ])));
        assert!(!lists_organisations(&listing(&[
            "artcodix GmbH",
            "Dataport AöR",
            "Yorizon GmbH",
            "Kata Containers",
            "OpenStack",
            "Ceph",
            "Kubernetes",
        ])));
        // Words that merely end like a legal form are not one.
        assert!(!lists_organisations(&listing(&[
            "the Stuttgart stage",
            "a sag",
            "Release notes",
        ])));
    }

    #[test]
    fn a_bare_folder_name_has_the_current_folder_as_parent() {
        let (parent, name) = split_dir(Path::new("index")).unwrap();
        assert_eq!((parent, name.as_str()), (PathBuf::from("."), "index"));
        assert!(split_dir(Path::new("/")).is_err());
    }
}
