//! Answers rendered for a terminal: plain text wrapped to the terminal's width at word
//! boundaries, lists and links on their own lines, the source at the end.
//!
//! Markdown the core leaves in answers is rendered, not shown: `**bold**` (matched words in
//! snippets) and `` `code` `` (command names) become ANSI bold and cyan when colour is on, and
//! plain words when it is off (a pipe, a file). Invariants: a word is never split, so a URL or
//! an e-mail address always stays whole on one line (a word wider than the terminal gets a
//! line of its own); the output ends with a newline.

use crate::answer::{Answer, Outcome};
use crate::messages;
use std::fmt::Write;

/// How to render: with ANSI colour or not, and the width to wrap at (`None`: no wrapping).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub width: Option<usize>,
}

impl Style {
    /// No colour, no wrapping: for pipes, files and tests.
    pub const PLAIN: Style = Style {
        color: false,
        width: None,
    };

    /// A terminal of `width` columns, with colour.
    pub fn terminal(width: usize) -> Style {
        Style {
            color: true,
            width: Some(width.max(20)),
        }
    }
}

const BOLD: &str = "\x1b[1m";
const CODE: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

/// The answer as terminal text, ending with a newline.
pub fn terminal(answer: &Answer, style: &Style) -> String {
    let words = messages::of(&answer.language);
    let mut out = String::new();
    let title = if style.color {
        format!("{BOLD}{}{RESET}", answer.title)
    } else {
        answer.title.clone()
    };
    let _ = writeln!(out, "{}", wrap(&title, style.width, "", ""));
    let searched = answer.is_search();
    if searched {
        for (i, hit) in answer.hits.iter().enumerate() {
            let heading = hit.path.join(" › ");
            let line = format!("{}. {heading} ({})", i + 1, hit.title);
            let _ = writeln!(out, "\n{}", wrap(&line, style.width, "", "   "));
            let snippet = inline(&hit.snippet, style.color);
            let _ = writeln!(out, "{}", wrap(&snippet, style.width, "   ", "   "));
            let _ = writeln!(out, "   {}", hit.url);
        }
    } else if !answer.text.is_empty()
        && (answer.partners.is_empty() || answer.outcome != Outcome::Answered)
    {
        let _ = writeln!(out);
        for line in answer.text.trim_end().lines() {
            let text = inline(line, style.color);
            let indent = continuation(line);
            let _ = writeln!(out, "{}", wrap(&text, style.width, "", &indent));
        }
    }
    if !answer.partners.is_empty() {
        let _ = writeln!(out);
        for partner in &answer.partners {
            let line = match &partner.url {
                Some(url) => format!("- {}  <{url}>", partner.name),
                None => format!("- {}", partner.name),
            };
            let _ = writeln!(out, "{}", wrap(&line, style.width, "", "  "));
        }
    }
    if !answer.links.is_empty() && answer.partners.is_empty() {
        let _ = writeln!(out);
        for link in &answer.links {
            let line = format!("- {}  <{}>", link.title, link.url);
            let _ = writeln!(out, "{}", wrap(&line, style.width, "", "  "));
        }
    }
    if !answer.contacts.is_empty() {
        let line = format!("{}: {}", words.contact, answer.contacts.join(", "));
        let _ = writeln!(out, "\n{}", wrap(&line, style.width, "", "  "));
    }
    if !searched {
        if let Some(hit) = answer.hits.first() {
            let line = format!(
                "{}: {} › {} — {}",
                words.source, hit.title, hit.section, hit.url
            );
            let _ = writeln!(out, "\n{}", wrap(&line, style.width, "", "  "));
        }
    }
    out
}

/// The indent that continues a wrapped line: under the text of a list item, else none.
fn continuation(line: &str) -> String {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let marker = ["- ", "* ", "• "]
        .iter()
        .find(|m| trimmed.starts_with(**m))
        .map_or(0, |m| m.chars().count());
    " ".repeat(lead + marker)
}

/// `**bold**` and `` `code` `` as ANSI styles (`color`) or as plain words.
pub fn inline(text: &str, color: bool) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let (mut bold, mut code) = (false, false);
    let mut rest = text;
    while let Some(at) = rest.find(['*', '`']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if !code && tail.starts_with("**") && (bold || tail[2..].contains("**")) {
            bold = !bold;
            if color {
                out.push_str(if bold { BOLD } else { RESET });
                if !bold && code {
                    out.push_str(CODE);
                }
            }
            rest = &tail[2..];
        } else if let Some(after) = tail.strip_prefix("**") {
            out.push_str("**");
            rest = after;
        } else if tail.starts_with('`') && (code || tail[1..].contains('`')) {
            code = !code;
            if color {
                out.push_str(if code { CODE } else { RESET });
                if !code && bold {
                    out.push_str(BOLD);
                }
            }
            rest = &tail[1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    if color && (bold || code) {
        out.push_str(RESET);
    }
    out
}

/// The columns `word` takes: its characters, without ANSI escape sequences.
fn columns(word: &str) -> usize {
    let mut n = 0;
    let mut escape = false;
    for c in word.chars() {
        match c {
            '\x1b' => escape = true,
            'm' if escape => escape = false,
            _ if escape => {}
            _ => n += 1,
        }
    }
    n
}

/// `text` wrapped at spaces to `width` columns: the first line starts with `first`, the others
/// with `rest`. Words are never split; runs of spaces inside a line are kept where no wrap
/// happens (`name  <url>`).
pub fn wrap(text: &str, width: Option<usize>, first: &str, rest: &str) -> String {
    let Some(width) = width else {
        return format!("{first}{text}");
    };
    let mut out = String::with_capacity(text.len() + first.len() + 8);
    out.push_str(first);
    let mut used = columns(first);
    let mut line_start = true;
    let mut pending_spaces = 0usize;
    for piece in text.split(' ') {
        if piece.is_empty() {
            pending_spaces += 1;
            continue;
        }
        let gap = if line_start { 0 } else { pending_spaces + 1 };
        let need = columns(piece);
        if !line_start && used + gap + need > width {
            out.push('\n');
            out.push_str(rest);
            used = columns(rest);
        } else {
            for _ in 0..gap {
                out.push(' ');
            }
            used += gap;
        }
        out.push_str(piece);
        used += need;
        line_start = false;
        pending_spaces = 0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, width: usize, expect: &str) {
        assert_eq!(wrap(text, Some(width), "", "  "), expect);
    }

    #[test]
    fn lines_wrap_at_word_boundaries() {
        check("one two three four", 9, "one two\n  three\n  four");
        check("short", 40, "short");
    }

    #[test]
    fn a_url_or_an_address_is_never_split() {
        let url = "https://scs.community/en/network#get-involved";
        check(
            &format!("see {url} now"),
            20,
            &format!("see\n  {url}\n  now"),
        );
        check(
            "mail forum-scs-standards@osb-alliance.com",
            12,
            "mail\n  forum-scs-standards@osb-alliance.com",
        );
    }

    #[test]
    fn escape_sequences_take_no_columns() {
        assert_eq!(columns("\x1b[1mjoin\x1b[0m"), 4);
        check("\x1b[1mab\x1b[0m cd", 5, "\x1b[1mab\x1b[0m cd");
    }

    #[test]
    fn markdown_is_rendered_not_shown() {
        assert_eq!(
            inline("schau in `/help` nach **Befehlen**", false),
            "schau in /help nach Befehlen"
        );
        assert_eq!(inline("a `/help` b", true), "a \x1b[36m/help\x1b[0m b");
        assert_eq!(inline("5 * 3 and a ` alone", false), "5 * 3 and a ` alone");
    }
}
