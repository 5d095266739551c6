//! Replies as plain data, and the text rules every reply obeys.
//!
//! A [`Reply`] is what the bot sends: message content, embeds, paging buttons and whether only
//! the invoker sees it. It knows nothing of serenity; `bot.rs` turns it into serenity builders
//! and an HTTP interactions endpoint could serialise it directly.
//!
//! Invariants of every string made with this module's helpers ([`text`], [`inline`],
//! [`line`], [`snippet`], [`plain`], [`link`]):
//! - it fits the limit it was made for, counted the way Discord counts at its strictest
//!   (UTF-16 code units, see [`len`]); cut text ends with `…`, never in the middle of an escape,
//!   a code span, a link or a bold pair;
//! - markdown from content or users is escaped (`*`, `_`, `~`, `|`, backticks, `>`, `<`, `[`,
//!   `]`, `\`, and `#`, `-`, `+`, `1.` at a line start), so `Cloud&Heat` and `*Star*` show as
//!   written; `&` is left alone (Discord does not read HTML entities);
//! - nothing can ping: `@everyone`, `@here` and `<@…>` (users, roles) get a zero-width space, on
//!   top of the empty allowed-mentions every message is sent with.
//!
//! [`violations`] checks a whole reply against Discord's limits; tests hold every renderer to it.

use crate::answer::Outcome;
use serde::Serialize;

/// Discord's limits, in characters (we count UTF-16 code units, which is never fewer).
pub mod limits {
    pub const CONTENT: usize = 2000;
    pub const EMBEDS: usize = 10;
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 4096;
    pub const FIELDS: usize = 25;
    pub const FIELD_NAME: usize = 256;
    pub const FIELD_VALUE: usize = 1024;
    pub const FOOTER: usize = 2048;
    /// Title, description, field names and values and footer of all embeds of one message.
    pub const EMBED_TOTAL: usize = 6000;
    pub const BUTTONS_PER_ROW: usize = 5;
    pub const BUTTON_LABEL: usize = 80;
    pub const CUSTOM_ID: usize = 100;
    pub const URL: usize = 2048;
    pub const CHOICES: usize = 25;
    pub const CHOICE: usize = 100;
}

/// One message, as plain data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Reply {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub content: String,
    pub embeds: Vec<Embed>,
    /// One row of buttons (paging).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<Button>,
    /// Only the invoker sees it.
    pub ephemeral: bool,
    /// For the log line: answered, nothing found, or refused.
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Embed {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footer: Option<String>,
    pub color: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Button {
    pub custom_id: String,
    pub label: String,
    pub disabled: bool,
}

impl Embed {
    /// What the embed adds to a message's 6000-character total.
    pub fn total_len(&self) -> usize {
        len(&self.title)
            + len(&self.description)
            + self.footer.as_deref().map_or(0, len)
            + self
                .fields
                .iter()
                .map(|f| len(&f.name) + len(&f.value))
                .sum::<usize>()
    }
}

/// Length as Discord counts it, at its strictest: UTF-16 code units (never fewer than chars).
pub fn len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Breaks `@everyone`, `@here` and `<@id>` / `<@&id>` / `<@!id>` with a zero-width space.
pub fn defang(s: &str) -> String {
    s.replace("@everyone", "@\u{200B}everyone")
        .replace("@here", "@\u{200B}here")
        .replace("<@", "<\u{200B}@")
}

/// Content or user text for a description or field value: markdown escaped, code spans
/// (`` `/help` ``, from the core's own wording) kept, lines kept.
pub fn text(s: &str, limit: usize) -> String {
    escape(
        s,
        Style {
            code: true,
            bold: false,
            one_line: false,
        },
        limit,
    )
}

/// A name or heading on one line: markdown escaped, whitespace collapsed.
pub fn inline(s: &str, limit: usize) -> String {
    escape(
        s,
        Style {
            code: false,
            bold: false,
            one_line: true,
        },
        limit,
    )
}

/// Generated wording on one line (a content problem): escaped, code spans kept.
pub fn line(s: &str, limit: usize) -> String {
    escape(
        s,
        Style {
            code: true,
            bold: false,
            one_line: true,
        },
        limit,
    )
}

/// A search snippet: one line, escaped, its `**bold**` matches kept.
pub fn snippet(s: &str, limit: usize) -> String {
    escape(
        s,
        Style {
            code: false,
            bold: true,
            one_line: true,
        },
        limit,
    )
}

/// Text where Discord shows no markdown (footers, button labels, autocomplete choices):
/// no escapes, one line, defanged, cut to `limit`.
pub fn plain(s: &str, limit: usize) -> String {
    let flat = defang(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    if len(&flat) <= limit {
        return flat;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in flat.chars() {
        if used + c.len_utf16() + 1 > limit {
            break;
        }
        used += c.len_utf16();
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

/// `[label](url)` when the URL is a safe http(s) link, else the label alone; within `limit`.
pub fn link(label: &str, url: Option<&str>, limit: usize) -> String {
    let label = if label.trim().is_empty() {
        url.unwrap_or("link")
    } else {
        label
    };
    match url.and_then(safe_url) {
        Some(url) if len(&url) + 4 + 8 < limit => {
            let label = inline(label, (limit - len(&url) - 4).min(200));
            format!("[{label}]({url})")
        }
        _ => inline(label, limit),
    }
}

/// An http(s) URL that can stand in a masked link or an embed's `url`: characters that would
/// end the link, break markdown or ping are percent-encoded; anything else is `None`.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    if rest.is_empty() || rest.starts_with('/') || url.chars().any(char::is_control) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '"' => out.push_str("%22"),
            '\\' => out.push_str("%5C"),
            '`' => out.push_str("%60"),
            '@' => out.push_str("%40"),
            '[' => out.push_str("%5B"),
            ']' => out.push_str("%5D"),
            '|' => out.push_str("%7C"),
            c if c.is_whitespace() => return None,
            c => out.push(c),
        }
    }
    (len(&out) <= 512).then_some(out)
}

/// Joins lines, keeping only whole lines within `limit`; a cut list ends with `more(n)`.
pub fn lines_within(lines: &[String], limit: usize, more: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    let mut used = 0;
    for (i, line) in lines.iter().enumerate() {
        let sep = usize::from(!out.is_empty());
        let rest = lines.len() - i - 1;
        let tail = if rest > 0 { len(&more(rest)) + 1 } else { 0 };
        if used + sep + len(line) + tail > limit {
            let note = more(lines.len() - i);
            if used + 1 + len(&note) <= limit {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&note);
            }
            return out;
        }
        if sep == 1 {
            out.push('\n');
        }
        out.push_str(line);
        used += sep + len(line);
    }
    out
}

/// Every way `reply` breaks a Discord limit or could ping; empty when it is fine to send.
pub fn violations(reply: &Reply) -> Vec<String> {
    let mut found = Vec::new();
    let mut check = |what: &str, s: &str, max: usize, required: bool| {
        // Custom ids are never shown, so only their length and presence matter.
        let shown = !what.ends_with("custom_id");
        if len(s) > max {
            found.push(format!("{what} is {} long (max {max})", len(s)));
        }
        if required && s.trim().is_empty() {
            found.push(format!("{what} is empty"));
        }
        if shown && (s.contains("@everyone") || s.contains("@here") || s.contains("<@")) {
            found.push(format!("{what} can ping: {s:?}"));
        }
    };
    check("content", &reply.content, limits::CONTENT, false);
    for (i, embed) in reply.embeds.iter().enumerate() {
        check(
            &format!("embed {i} title"),
            &embed.title,
            limits::TITLE,
            false,
        );
        check(
            &format!("embed {i} description"),
            &embed.description,
            limits::DESCRIPTION,
            false,
        );
        if let Some(footer) = &embed.footer {
            check(&format!("embed {i} footer"), footer, limits::FOOTER, true);
        }
        for (j, field) in embed.fields.iter().enumerate() {
            check(
                &format!("embed {i} field {j} name"),
                &field.name,
                limits::FIELD_NAME,
                true,
            );
            check(
                &format!("embed {i} field {j} value"),
                &field.value,
                limits::FIELD_VALUE,
                true,
            );
        }
        if let Some(url) = &embed.url {
            check(&format!("embed {i} url"), url, limits::URL, true);
        }
    }
    for (j, button) in reply.buttons.iter().enumerate() {
        check(
            &format!("button {j} label"),
            &button.label,
            limits::BUTTON_LABEL,
            true,
        );
        check(
            &format!("button {j} custom_id"),
            &button.custom_id,
            limits::CUSTOM_ID,
            true,
        );
    }
    for (i, embed) in reply.embeds.iter().enumerate() {
        if embed.fields.len() > limits::FIELDS {
            found.push(format!(
                "embed {i} has {} fields (max {})",
                embed.fields.len(),
                limits::FIELDS
            ));
        }
        if let Some(url) = embed
            .url
            .as_ref()
            .filter(|u| safe_url(u).as_deref() != Some(u.as_str()))
        {
            found.push(format!("embed {i} url is not a safe http(s) URL: {url:?}"));
        }
    }
    if reply.embeds.len() > limits::EMBEDS {
        found.push(format!(
            "{} embeds (max {})",
            reply.embeds.len(),
            limits::EMBEDS
        ));
    }
    let total: usize = reply.embeds.iter().map(Embed::total_len).sum();
    if total > limits::EMBED_TOTAL {
        found.push(format!(
            "embeds total {total} (max {})",
            limits::EMBED_TOTAL
        ));
    }
    if reply.buttons.len() > limits::BUTTONS_PER_ROW {
        found.push(format!(
            "{} buttons in a row (max {})",
            reply.buttons.len(),
            limits::BUTTONS_PER_ROW
        ));
    }
    let mut ids: Vec<&str> = reply.buttons.iter().map(|b| b.custom_id.as_str()).collect();
    ids.sort_unstable();
    if ids.windows(2).any(|w| w[0] == w[1]) {
        found.push("two buttons share a custom_id".into());
    }
    if reply.content.trim().is_empty() && reply.embeds.is_empty() {
        found.push("the message is empty".into());
    }
    found
}

#[derive(Clone, Copy)]
struct Style {
    /// Keep `` `code` `` spans as they are.
    code: bool,
    /// Keep `**bold**` pairs.
    bold: bool,
    /// Collapse all whitespace (newlines too) into single spaces.
    one_line: bool,
}

/// Escapes `s` for Discord in `style`, within `limit`.
///
/// One pass over the text writes straight into the output: a code span, a URL, a `**` and an
/// escaped character (`\*`) are each written whole, as one piece. When everything fits (the
/// common case) that output is the result. When it does not, [`Fit`] has noted where the text
/// must be cut: before the first piece that leaves no room for `…` (and a closing `**`).
fn escape(s: &str, style: Style, limit: usize) -> String {
    let collapsed;
    let s = if style.one_line {
        collapsed = collapse(s);
        collapsed.as_str()
    } else {
        s.trim()
    };
    let defanged;
    let s = if s.contains('@') {
        defanged = defang(s);
        defanged.as_str()
    } else {
        s
    };
    let code = style.code && s.bytes().filter(|&b| b == b'`').count().is_multiple_of(2);
    let bold = style.bold && s.matches("**").count().is_multiple_of(2);
    let mut fit = Fit::new(limit, s.len());
    let (mut line_start, mut digits) = (true, false);
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let rest = &s[i..];
        if code && c == '`' {
            let span = rest[1..].find('`').map_or(rest, |p| &rest[..p + 2]);
            i += span.len();
            (line_start, digits) = (false, false);
            // An empty span (` `` `) is dropped, and so is an unclosed tick with fewer than
            // two characters after it (a URL can swallow the partner of a tick).
            if span.chars().nth(2).is_some() && !fit.piece(span) {
                break;
            }
            continue;
        }
        if bold && rest.starts_with("**") {
            if !fit.bold() {
                break;
            }
            i += 2;
            continue;
        }
        let after_space = s[..i]
            .chars()
            .next_back()
            .is_none_or(|p| p.is_whitespace() || p == '(');
        if after_space && (rest.starts_with("https://") || rest.starts_with("http://")) {
            let url = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
            if !fit.piece(url) {
                break;
            }
            i += url.len();
            (line_start, digits) = (false, false);
            continue;
        }
        let escaped = match c {
            '\\' | '*' | '_' | '~' | '|' | '`' | '>' | '<' | '[' | ']' => true,
            '#' | '-' | '+' => line_start,
            '.' => digits,
            _ => false,
        };
        if !fit.char(c, escaped) {
            break;
        }
        if c == '\n' {
            (line_start, digits) = (true, false);
        } else if !(c.is_whitespace() && line_start) {
            digits = (line_start || digits) && c.is_ascii_digit();
            line_start = false;
        }
        i += c.len_utf8();
    }
    fit.finish()
}

/// Every run of whitespace as one space, none at the ends.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The output of [`escape`], written piece by piece, and where to cut it if it ends up too
/// long. Sizes are Discord's ([`len`]).
struct Fit {
    out: String,
    limit: usize,
    /// Size of `out`.
    used: usize,
    /// A `**` is open at the end of `out`.
    open: bool,
    /// Where a cut text ends and whether bold is open there: before the first piece after
    /// which `…` (and a closing `**`) would not fit.
    cut: Option<(usize, bool)>,
}

impl Fit {
    fn new(limit: usize, capacity: usize) -> Fit {
        Fit {
            out: String::with_capacity(capacity + capacity / 8),
            limit,
            used: 0,
            open: false,
            cut: None,
        }
    }

    /// Counts a piece of `size` (a `**` when `bold`) before it is written; false once the
    /// output is over the limit, so the rest need not be written.
    fn count(&mut self, size: usize, bold: bool) -> bool {
        let open = self.open ^ bold;
        if self.cut.is_none() && self.used + size + 1 + if open { 2 } else { 0 } > self.limit {
            self.cut = Some((self.out.len(), self.open));
        }
        self.used += size;
        self.open = open;
        self.used <= self.limit
    }

    /// A code span or URL, written as it is.
    fn piece(&mut self, piece: &str) -> bool {
        let more = self.count(len(piece), false);
        self.out.push_str(piece);
        more
    }

    fn bold(&mut self) -> bool {
        let more = self.count(2, true);
        self.out.push_str("**");
        more
    }

    /// One character, `\`-escaped when `escaped`.
    fn char(&mut self, c: char, escaped: bool) -> bool {
        let more = self.count(c.len_utf16() + usize::from(escaped), false);
        if escaped {
            self.out.push('\\');
        }
        self.out.push(c);
        more
    }

    /// The whole output when it fits; else the output cut where noted, with `…` (and `**` if
    /// bold was open), a trailing `**` or lone `\` dropped.
    fn finish(self) -> String {
        let Fit {
            mut out,
            limit,
            used,
            cut,
            ..
        } = self;
        let Some((end, mut open)) = cut.filter(|_| used > limit) else {
            return out;
        };
        out.truncate(end);
        if open && out.ends_with("**") && !out.ends_with("\\**") {
            out.truncate(out.len() - 2);
            open = false;
        }
        out.truncate(out.trim_end().len());
        if out.ends_with('\\') && !out.ends_with("\\\\") {
            out.pop();
        }
        out.push('…');
        if open {
            out.push_str("**");
        }
        out
    }
}

/// The renderer as it was before [`escape`] (a `Vec` of pieces, one `String` per character,
/// then cut), kept as the reference the property test holds [`escape`] to.
#[cfg(test)]
mod oracle {
    use super::{defang, len, Style};

    /// An indivisible piece of rendered text.
    enum Atom {
        Text(String),
        /// `**`, opening or closing bold.
        Bold,
    }

    fn atoms(s: &str, style: Style) -> Vec<Atom> {
        let s = if style.one_line {
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            s.trim().to_string()
        };
        let s = defang(&s);
        let chars: Vec<char> = s.chars().collect();
        let code = style.code && chars.iter().filter(|c| **c == '`').count() % 2 == 0;
        let bold = style.bold && s.matches("**").count().is_multiple_of(2);
        let mut out = Vec::with_capacity(chars.len());
        let (mut line_start, mut digits) = (true, false);
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if code && c == '`' {
                let end = chars[i + 1..]
                    .iter()
                    .position(|c| *c == '`')
                    .map_or(chars.len() - 1, |p| i + 1 + p);
                if end > i + 1 {
                    out.push(Atom::Text(chars[i..=end].iter().collect()));
                }
                i = end + 1;
                (line_start, digits) = (false, false);
                continue;
            }
            if bold && c == '*' && chars.get(i + 1) == Some(&'*') {
                out.push(Atom::Bold);
                i += 2;
                continue;
            }
            let after_space = i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(';
            if after_space
                && (starts_with(&chars[i..], "https://") || starts_with(&chars[i..], "http://"))
            {
                let end = chars[i..]
                    .iter()
                    .position(|c| c.is_whitespace())
                    .map_or(chars.len(), |p| i + p);
                out.push(Atom::Text(chars[i..end].iter().collect()));
                i = end;
                (line_start, digits) = (false, false);
                continue;
            }
            let escape = match c {
                '\\' | '*' | '_' | '~' | '|' | '`' | '>' | '<' | '[' | ']' => true,
                '#' | '-' | '+' => line_start,
                '.' => digits,
                _ => false,
            };
            out.push(Atom::Text(if escape {
                format!("\\{c}")
            } else {
                c.to_string()
            }));
            if c == '\n' {
                (line_start, digits) = (true, false);
            } else if !(c.is_whitespace() && line_start) {
                digits = (line_start || digits) && c.is_ascii_digit();
                line_start = false;
            }
            i += 1;
        }
        out
    }

    fn starts_with(chars: &[char], prefix: &str) -> bool {
        prefix.chars().count() <= chars.len() && prefix.chars().zip(chars).all(|(a, b)| a == *b)
    }

    /// Joins atoms, cutting before the first that does not fit (with `…`, and closing bold).
    fn fit(atoms: &[Atom], limit: usize) -> String {
        let size = |a: &Atom| match a {
            Atom::Text(t) => len(t),
            Atom::Bold => 2,
        };
        let whole = atoms.iter().map(size).sum::<usize>() <= limit;
        let mut out = String::new();
        let (mut used, mut open) = (0, false);
        for atom in atoms {
            let opens_after = open ^ matches!(atom, Atom::Bold);
            let reserve = if whole {
                0
            } else {
                1 + if opens_after { 2 } else { 0 }
            };
            if used + size(atom) + reserve > limit {
                break;
            }
            match atom {
                Atom::Text(t) => out.push_str(t),
                Atom::Bold => out.push_str("**"),
            }
            used += size(atom);
            open = opens_after;
        }
        if whole {
            return out;
        }
        if open && out.ends_with("**") && !out.ends_with("\\**") {
            out.truncate(out.len() - 2);
            open = false;
        }
        let mut out = out.trim_end().to_string();
        if out.ends_with('\\') && !out.ends_with("\\\\") {
            out.pop();
        }
        out.push('…');
        if open {
            out.push_str("**");
        }
        out
    }

    pub fn render(s: &str, style: Style, limit: usize) -> String {
        fit(&atoms(s, style), limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(inline(input, 256), expect, "input {input:?}");
    }

    #[test]
    fn names_show_as_written() {
        check(
            "Cloud&Heat Technologies GmbH",
            "Cloud&Heat Technologies GmbH",
        );
        check("*Star* GmbH", "\\*Star\\* GmbH");
        check(
            "snake_case ~x~ |y| `z` >q",
            "snake\\_case \\~x\\~ \\|y\\| \\`z\\` \\>q",
        );
        check("- dash # hash", "\\- dash # hash");
        check("2024. year", "2024\\. year");
    }

    #[test]
    fn mentions_are_broken() {
        check(
            "hi @everyone and @here <@123> <@&45>",
            "hi @\u{200B}everyone and @\u{200B}here \\<\u{200B}@123\\> \\<\u{200B}@&45\\>",
        );
    }

    #[test]
    fn code_spans_from_the_core_are_kept() {
        assert_eq!(
            text("See `/help` for *all*", 100),
            "See `/help` for \\*all\\*"
        );
        assert_eq!(text("odd ` tick", 100), "odd \\` tick");
    }

    #[test]
    fn urls_in_text_are_not_escaped() {
        assert_eq!(
            text("see https://x.org/a_b now", 100),
            "see https://x.org/a_b now"
        );
    }

    #[test]
    fn cut_text_ends_with_an_ellipsis_and_closes_bold() {
        assert_eq!(inline("abcdef", 4), "abc…");
        assert_eq!(snippet("a **bold word here**", 10), "a **bol…**");
        assert_eq!(inline("ab*cd", 4), "ab…");
        let cut = snippet("x **y** z", 6);
        assert!(len(&cut) <= 6, "{cut}");
    }

    #[test]
    fn unsafe_urls_are_dropped_or_encoded() {
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("https://"), None);
        assert_eq!(
            safe_url("https://x.org/a (b)").as_deref(),
            Some("https://x.org/a%20%28b%29")
        );
        assert_eq!(link("A_B", Some("ftp://x"), 100), "A\\_B");
        assert_eq!(
            link("A_B", Some("https://x.org"), 100),
            "[A\\_B](https://x.org)"
        );
    }

    #[test]
    fn long_lists_end_with_a_count_of_what_was_left_out() {
        let lines: Vec<String> = (0..10).map(|i| format!("line {i}")).collect();
        let out = lines_within(&lines, 30, |n| format!("…and {n} more"));
        assert_eq!(out, "line 0\nline 1\n…and 8 more");
        assert!(len(&out) <= 30);
    }

    /// Text made of the pieces the renderer treats specially.
    fn tricky() -> impl proptest::strategy::Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "1",
            "42",
            ".",
            " ",
            "  ",
            "\n",
            "\t",
            "\u{a0}",
            "(",
            ")",
            "`",
            "``",
            "*",
            "**",
            "***",
            "_",
            "~",
            "|",
            ">",
            "<",
            "[",
            "]",
            "\\",
            "#",
            "-",
            "+",
            "@",
            "@everyone",
            "@here",
            "<@",
            "<@&1>",
            "http://",
            "https://x.org/a_b*c",
            "ä",
            "…",
            "😀",
            "\u{200b}",
            "&amp;",
            "%",
        ];
        proptest::collection::vec(proptest::sample::select(PIECES), 0..40)
            .prop_map(|pieces| pieces.concat())
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn escaping_in_one_pass_gives_what_the_per_character_renderer_gave(
            s in tricky(),
            limit in 0usize..80,
            style in 0usize..4,
        ) {
            let (code, bold, one_line) = [
                (true, false, false),
                (false, false, true),
                (true, false, true),
                (false, true, true),
            ][style];
            let style = Style { code, bold, one_line };
            prop_assert_eq!(escape(&s, style, limit), oracle::render(&s, style, limit));
        }

        #[test]
        fn escaping_any_text_gives_what_the_per_character_renderer_gave(
            s in any::<String>(),
            limit in 0usize..300,
            style in 0usize..4,
        ) {
            let (code, bold, one_line) = [
                (true, false, false),
                (false, false, true),
                (true, false, true),
                (false, true, true),
            ][style];
            let style = Style { code, bold, one_line };
            prop_assert_eq!(escape(&s, style, limit), oracle::render(&s, style, limit));
        }
    }
}
