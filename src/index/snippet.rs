//! Snippets: the part of a section's text that best shows why it matched, at most
//! [`MAX_CHARS`] characters, with the matched words marked.
//!
//! A word is marked when its unstemmed form is one the query searched for (including the
//! spellings a typo was corrected to) or when it has the stem of a query word ("joining" for
//! "join"). The text is returned plain: no markdown is added except the `**` around marked words
//! in [`Snippet::marked`], and nothing is escaped — renderers escape [`Snippet::fragment`] and
//! emphasise [`Snippet::highlights`] as their medium requires.

use std::ops::Range;

use super::analyzer::{with_analyzers, Analyzers};

/// Longest snippet, in characters, not counting the `…` marks and `**`.
pub const MAX_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The plain text shown.
    pub fragment: String,
    /// Byte ranges of `fragment` to emphasise, in order, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The fragment with each highlight wrapped in `**` (Discord bold).
    pub fn marked(&self) -> String {
        let mut out = String::with_capacity(self.fragment.len() + 4 * self.highlights.len());
        let mut at = 0;
        for range in &self.highlights {
            out.push_str(&self.fragment[at..range.start]);
            out.push_str("**");
            out.push_str(&self.fragment[range.clone()]);
            out.push_str("**");
            at = range.end;
        }
        out.push_str(&self.fragment[at..]);
        out
    }
}

/// What to mark.
pub struct Terms<'a> {
    /// Name of the stemming analyzer of the section's language.
    pub analyzer: &'static str,
    /// Stems of the query words.
    pub stems: &'a [String],
    /// Unstemmed, folded forms to mark: query words and their typo corrections.
    pub raws: &'a [String],
}

/// A section text prepared for snippets once, when the index is opened: flattened to one line,
/// with the byte ranges of its words.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Text {
    flat: String,
    words: Vec<(u32, u32)>,
}

impl Text {
    pub fn new(text: &str) -> Text {
        let flat = flatten(text);
        let words = words(&flat)
            .map(|r| (r.start as u32, r.end as u32))
            .collect();
        Text { flat, words }
    }

    /// The text as one line.
    pub fn as_str(&self) -> &str {
        &self.flat
    }

    /// Whether every word range lies within the text, on character boundaries (a text read
    /// back from a snapshot is checked before it is sliced).
    pub fn is_sound(&self) -> bool {
        let flat = self.flat.as_str();
        self.words.iter().all(|&(start, end)| {
            start <= end
                && flat.is_char_boundary(start as usize)
                && flat.is_char_boundary(end as usize)
        })
    }
}

/// The snippet of `text` for `terms`.
pub fn snippet(text: &Text, terms: &Terms) -> Snippet {
    let flat = text.flat.as_str();
    let matches = with_analyzers(|a| find_matches(a, text, terms));
    let (start, end) = choose_window(flat, &matches);
    let mut fragment = String::new();
    let mut shift = 0usize;
    if start > 0 {
        fragment.push('…');
        shift = fragment.len();
    }
    fragment.push_str(&flat[start..end]);
    if end < flat.len() {
        fragment.push('…');
    }
    let mut highlights: Vec<Range<usize>> = Vec::new();
    for m in matches.iter().filter(|m| m.start >= start && m.end <= end) {
        let range = (m.start - start + shift)..(m.end - start + shift);
        match highlights.last_mut() {
            // "Kata Containers" and "E-Mail" read better as one bold run than as two.
            Some(last)
                if fragment[last.end..range.start]
                    .chars()
                    .all(|c| c == ' ' || c == '-') =>
            {
                last.end = range.end
            }
            _ => highlights.push(range),
        }
    }
    Snippet {
        fragment,
        highlights,
    }
}

/// One line of text: lines joined by a space after sentence punctuation and by ` · ` otherwise
/// (list items), runs of white space collapsed.
fn flatten(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split_whitespace();
        let mut first = true;
        for word in line {
            if first && !out.is_empty() {
                let ends_sentence = out.ends_with(['.', '!', '?', ':', ';', ',', '…']);
                out.push_str(if ends_sentence { " " } else { " · " });
            } else if !first {
                out.push(' ');
            }
            out.push_str(word);
            first = false;
        }
    }
    out
}

/// Byte ranges of the words of `flat` to mark. Words are split like the index's tokenizer does
/// (runs of alphanumeric characters). Most words are dismissed by their first byte; ASCII words
/// are compared without allocating, and only a word that starts with (nearly) a query stem is
/// stemmed.
fn find_matches(a: &mut Analyzers, text: &Text, terms: &Terms) -> Vec<Range<usize>> {
    let flat = text.flat.as_str();
    let prefixes: Vec<&[u8]> = terms
        .stems
        .iter()
        .map(|s| &s.as_bytes()[..stem_prefix_len(s)])
        .filter(|p| p.len() >= 2)
        .collect();
    // Lower-case first bytes a word must start with to be worth a closer look.
    let mut first = [false; 256];
    for needle in terms
        .raws
        .iter()
        .map(|r| r.as_bytes())
        .chain(prefixes.iter().copied())
    {
        if let Some(&b) = needle.first() {
            first[usize::from(b.to_ascii_lowercase())] = true;
        }
    }
    let mut out = Vec::new();
    for &(start, end) in &text.words {
        let range = start as usize..end as usize;
        let word = &flat[range.clone()];
        let lead = word.as_bytes()[0];
        if lead.is_ascii() && !first[usize::from(lead.to_ascii_lowercase())] {
            continue;
        }
        let (exact, maybe_stem) = if word.is_ascii() {
            let exact = terms.raws.iter().any(|r| r.eq_ignore_ascii_case(word));
            let maybe = !exact
                && prefixes.iter().any(|p| {
                    word.len() >= p.len() && word.as_bytes()[..p.len()].eq_ignore_ascii_case(p)
                });
            (exact, maybe)
        } else {
            let folded = Analyzers::term_of(&mut a.raw, word).unwrap_or_default();
            let exact = terms.raws.contains(&folded);
            let maybe = !exact && prefixes.iter().any(|p| folded.as_bytes().starts_with(p));
            (exact, maybe)
        };
        let matched = exact
            || (maybe_stem
                && Analyzers::term_of(a.stemmed(terms.analyzer), word)
                    .is_some_and(|stem| terms.stems.contains(&stem)));
        if matched {
            out.push(range);
        }
    }
    out
}

/// Byte ranges of the runs of alphanumeric characters of `text` (ASCII bytes are classified
/// without decoding).
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let is_word_at = move |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (word, len) = is_word_at(i);
            if word {
                break;
            }
            i += len;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() {
            let (word, len) = is_word_at(i);
            if !word {
                break;
            }
            i += len;
        }
        Some(start..i)
    })
}

/// How much of a stem a word must start with to be worth stemming: all of it but the last
/// character (stemmers rewrite endings, "happy" → "happi"), at least two characters.
fn stem_prefix_len(stem: &str) -> usize {
    let chars = stem.chars().count();
    first_chars(stem, chars.saturating_sub(1).max(2))
}

/// Byte length of the first `n` characters of `s`.
fn first_chars(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// The byte range of `flat` to show: the window of at most [`MAX_CHARS`] characters holding the
/// most distinct matched words (then the most matches), tried from the first occurrence of each
/// distinct word, so the work stays small however often a word occurs.
fn choose_window(flat: &str, matches: &[Range<usize>]) -> (usize, usize) {
    let same =
        |a: &Range<usize>, b: &Range<usize>| flat[a.clone()].eq_ignore_ascii_case(&flat[b.clone()]);
    let mut best: Option<(usize, usize, usize)> = None; // (score, start, end)
    for (i, m) in matches.iter().enumerate() {
        if matches[..i].iter().any(|earlier| same(earlier, m)) {
            continue;
        }
        let start = window_start(flat, m.start);
        let end = window_end(flat, start);
        let inside: Vec<&Range<usize>> = matches
            .iter()
            .filter(|o| o.start >= start && o.end <= end)
            .collect();
        let distinct = inside
            .iter()
            .enumerate()
            .filter(|(j, o)| !inside[..*j].iter().any(|e| same(e, o)))
            .count();
        let score = distinct * 1000 + inside.len();
        if best.is_none_or(|(s, _, _)| score > s) {
            best = Some((score, start, end));
        }
    }
    match best {
        Some((_, start, end)) => (start, end),
        None => (0, window_end(flat, 0)),
    }
}

/// Where a window showing the word at `at` starts: the earliest sentence or list-item start at
/// most a third of a snippet before it (so the word comes with some context), else a few words
/// before it.
fn window_start(flat: &str, at: usize) -> usize {
    let reach = MAX_CHARS / 3;
    let earliest = flat[..at]
        .char_indices()
        .rev()
        .nth(reach)
        .map_or(0, |(i, _)| i);
    if earliest == 0 {
        return 0;
    }
    let before = &flat[earliest..at];
    match first_boundary(before) {
        Some(b) => earliest + b,
        // Start at the first word boundary after `earliest`.
        None => before.find(' ').map_or(at, |i| earliest + i + 1).min(at),
    }
}

/// Byte offset just after the first sentence or list-item boundary in `text`: `. `, `! `, `? `,
/// `: `, `; ` or ` · `.
fn first_boundary(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    for i in 0..bytes.len() {
        match bytes[i] {
            b'.' | b'!' | b'?' | b':' | b';' if bytes.get(i + 1) == Some(&b' ') => {
                return Some(i + 2);
            }
            b' ' if text[i..].starts_with(" · ") => return Some(i + " · ".len()),
            _ => {}
        }
    }
    None
}

/// Where a window starting at `start` ends: after the last whole word within [`MAX_CHARS`].
fn window_end(flat: &str, start: usize) -> usize {
    let rest = &flat[start..];
    match rest.char_indices().nth(MAX_CHARS) {
        None => flat.len(),
        Some((limit, _)) => {
            let cut = rest[..limit].rfind(' ').unwrap_or(limit);
            start
                + rest[..cut]
                    .trim_end_matches([' ', '·', ',', ';', ':'])
                    .len()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::analyzer::EN;

    fn check(text: &str, stems: &[&str], raws: &[&str], expect: &str) {
        let stems: Vec<String> = stems.iter().map(|s| s.to_string()).collect();
        let raws: Vec<String> = raws.iter().map(|s| s.to_string()).collect();
        let terms = Terms {
            analyzer: EN,
            stems: &stems,
            raws: &raws,
        };
        assert_eq!(snippet(&Text::new(text), &terms).marked(), expect);
    }

    #[test]
    fn stemmed_forms_are_marked() {
        check(
            "Companies interested in joining can contact us.",
            &["join"],
            &["join"],
            "Companies interested in **joining** can contact us.",
        );
    }

    #[test]
    fn adjacent_marked_words_form_one_bold_run() {
        check(
            "It supports OpenStack and Kata Containers.",
            &["kata", "contain"],
            &["kata", "contaners"],
            "It supports OpenStack and **Kata Containers**.",
        );
    }

    #[test]
    fn list_items_are_joined_with_a_middle_dot() {
        check(
            "The members include:\nartcodix GmbH\nSysEleven GmbH\nWavecon GmbH",
            &[],
            &["syseleven"],
            "The members include: artcodix GmbH · **SysEleven** GmbH · Wavecon GmbH",
        );
    }

    #[test]
    fn a_long_text_is_cut_before_the_match_at_a_sentence_start() {
        let text = format!(
            "{} The goal is federated cloud offerings. {}",
            "Filler words here. ".repeat(20),
            "More filler. ".repeat(20)
        );
        let terms = Terms {
            analyzer: EN,
            stems: &["feder".to_string()],
            raws: &[],
        };
        let s = snippet(&Text::new(&text), &terms);
        // Starts at a sentence start, with the match in its first third.
        assert!(
            s.fragment.starts_with("…Filler words here."),
            "{}",
            s.fragment
        );
        assert!(s.fragment.find("federated").unwrap() <= MAX_CHARS / 3 + 3);
        assert!(s.fragment.ends_with('…'));
        assert!(s.fragment.chars().count() <= MAX_CHARS + 2);
        assert_eq!(&s.fragment[s.highlights[0].clone()], "federated");
    }

    #[test]
    fn without_a_match_in_the_text_the_start_is_shown() {
        check("Short text.", &["gaia"], &["gaia"], "Short text.");
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_in_any_script() {
        let text = "Dataport AöR, B1-Systems: ü x";
        let found: Vec<&str> = words(text).map(|r| &text[r]).collect();
        assert_eq!(found, ["Dataport", "AöR", "B1", "Systems", "ü", "x"]);
    }

    #[test]
    fn markdown_characters_are_left_as_they_are() {
        check(
            "Cloud&Heat *and* [x]",
            &[],
            &["heat"],
            "Cloud&**Heat** *and* [x]",
        );
    }
}
