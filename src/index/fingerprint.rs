//! The fingerprint of what an index was built from.
//!
//! It is a small text file, `scs-bot.fingerprint`, written into the index folder *last*, after
//! the index is committed; so a folder without it is half-written or foreign. It names the
//! schema version, the Tantivy version and a SHA-256 of the whole [`Library`] (every page with
//! every section, as JSON): the index is reused only when all three match.
//!
//! ```text
//! scs-bot index
//! schema 1
//! engine tantivy v0.27.0, index_format v7
//! content 3f1a…
//! ```

use sha2::{Digest, Sha256};

use crate::content::Library;

/// Name of the fingerprint file inside the index folder.
pub const FINGERPRINT_FILE: &str = "scs-bot.fingerprint";

/// The fingerprint of `library` indexed with the current schema.
pub fn fingerprint(library: &Library) -> String {
    fingerprint_with_schema(library, super::SCHEMA_VERSION)
}

/// The fingerprint of `library` indexed with schema version `schema_version` (for tools and tests
/// that need to fake an index of another version).
pub fn fingerprint_with_schema(library: &Library, schema_version: u32) -> String {
    let mut hasher = Sha256::new();
    // JSON covers every field; should it ever fail (a path that is not UTF-8), the debug form
    // still does, so the fingerprint never degrades into a constant.
    match serde_json::to_vec(library) {
        Ok(json) => hasher.update(&json),
        Err(_) => hasher.update(format!("{library:?}").as_bytes()),
    }
    let digest = hasher.finalize();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "scs-bot index\nschema {schema_version}\nengine {}\ncontent {hex}\n",
        tantivy::version_string()
    )
}

/// Why a stored fingerprint does not match the wanted one, in words for a log line.
pub fn mismatch_reason(stored: &str, wanted: &str) -> String {
    let line = |text: &str, key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()))
    };
    for (key, what) in [
        ("schema ", "the index schema changed"),
        ("engine ", "the Tantivy version changed"),
        ("content ", "the content changed"),
    ] {
        let (old, new) = (line(stored, key), line(wanted, key));
        if old != new {
            return match (old, key) {
                (Some(old), "schema ") => {
                    format!("{what} (version {old} → {})", new.unwrap_or_default())
                }
                (Some(_), _) => what.to_string(),
                (None, _) => "the fingerprint file is unreadable".to_string(),
            };
        }
    }
    "the fingerprint differs".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Library, Page};
    use std::path::PathBuf;

    fn library(title: &str) -> Library {
        Library {
            pages: vec![Page {
                language: "en".into(),
                slug: "network".into(),
                title: title.into(),
                path: PathBuf::from("en/network.md"),
                url: "https://scs.community/en/network".into(),
                template: None,
                date: None,
                authors: Vec::new(),
                sections: vec![],
            }],
        }
    }

    #[test]
    fn same_library_gives_the_same_fingerprint() {
        assert_eq!(
            fingerprint(&library("Network")),
            fingerprint(&library("Network"))
        );
    }

    #[test]
    fn a_changed_title_changes_the_fingerprint() {
        let (a, b) = (
            fingerprint(&library("Network")),
            fingerprint(&library("Netz")),
        );
        assert_ne!(a, b);
        assert_eq!(mismatch_reason(&a, &b), "the content changed");
    }

    #[test]
    fn a_schema_bump_is_named_as_the_reason() {
        let lib = library("Network");
        let old = fingerprint_with_schema(&lib, 0);
        let new = fingerprint_with_schema(&lib, 1);
        assert_eq!(
            mismatch_reason(&old, &new),
            "the index schema changed (version 0 → 1)"
        );
    }

    #[test]
    fn garbage_in_the_fingerprint_file_is_named_unreadable() {
        let new = fingerprint(&library("Network"));
        assert_eq!(
            mismatch_reason("\u{0}\u{1}garbage", &new),
            "the fingerprint file is unreadable"
        );
    }
}
