//! Plain-text helpers: whitespace normalisation, anchors, e-mail addresses, HTML entities and
//! Liquid/kramdown markers.
//!
//! Invariants: every function here works on any `&str` without panicking and never returns
//! markup it was asked to remove.

use std::borrow::Cow;

/// One line: every run of whitespace (spaces, tabs, newlines, no-break spaces) becomes a single
/// space; no leading or trailing space.
pub fn normalize_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Several lines: each line normalised with [`normalize_line`], empty lines dropped, lines joined
/// with `\n`.
pub fn normalize_block(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split('\n') {
        let line = normalize_line(line);
        if !line.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&line);
        }
    }
    out
}

/// The GitHub-style anchor of a heading: lowercase, letters (including `ü`), digits, `-` and
/// `_` kept, each space turned into `-`, everything else dropped.
pub fn anchor(heading: &str) -> String {
    let mut out = String::with_capacity(heading.len());
    for c in heading.chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            out.push('-');
        }
    }
    out
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._%+-".contains(c)
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c == '-'
}

/// Every e-mail address written in `text`, with its byte offset, in order.
pub fn find_emails(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut search_from = 0;
    while let Some(rel) = text[search_from..].find('@') {
        let at = search_from + rel;
        search_from = at + 1;
        let mut start = at;
        while start > 0 && is_local_char(bytes[start - 1] as char) {
            start -= 1;
        }
        while start < at && bytes[start] == b'.' {
            start += 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && is_domain_char(bytes[end] as char) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        if start == at || end == at + 1 {
            continue;
        }
        let domain = &text[at + 1..end];
        let Some(tld) = domain.rsplit('.').next() else {
            continue;
        };
        let labels_ok = domain
            .split('.')
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
        if !domain.contains('.')
            || !labels_ok
            || tld.len() < 2
            || !tld.chars().all(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        found.push((start, text[start..end].to_string()));
        search_from = end;
    }
    found
}

/// The address of a `mailto:` URL (`mailto:a@b.c?subject=x` → `a@b.c`), if it is one.
pub fn mailto_address(url: &str) -> Option<String> {
    let rest = url
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("mailto:"))
        .map(|_| &url[7..])?;
    let addr = rest.split(['?', '#']).next().unwrap_or("").trim();
    let addr = percent_decode(addr);
    (!addr.is_empty() && addr.contains('@')).then_some(addr)
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether `s` is a bare e-mail address (`<a@b.c>` written in raw HTML).
pub fn is_email(s: &str) -> bool {
    matches!(find_emails(s).as_slice(), [(0, addr)] if addr.len() == s.len())
}

const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("shy", ""),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("bdquo", "„"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("bull", "•"),
    ("middot", "·"),
    ("euro", "€"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("times", "×"),
    ("auml", "ä"),
    ("ouml", "ö"),
    ("uuml", "ü"),
    ("Auml", "Ä"),
    ("Ouml", "Ö"),
    ("Uuml", "Ü"),
    ("szlig", "ß"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("aacute", "á"),
    ("agrave", "à"),
    ("ccedil", "ç"),
    ("zwnj", "\u{200c}"),
    ("zwj", "\u{200d}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("rarr", "→"),
    ("larr", "←"),
];

/// Decodes HTML character references (`&amp;`, `&#8217;`, `&#x1F600;`) in raw HTML text;
/// unknown references are kept as written.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semicolon = rest.as_bytes()[1..]
            .iter()
            .take(12)
            .position(|&b| b == b';');
        let decoded = semicolon.and_then(|j| {
            let name = &rest[1..1 + j];
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse::<u32>().ok()?,
                };
                char::from_u32(code).map(String::from)
            } else {
                ENTITIES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }?;
            Some((c, j + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// At most the first `n` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Blanks out Liquid/Jekyll tags (`{% include x %}`, `{{ site.x }}`) and kramdown markers
/// (`{: .mb-3 }`, `{::options}`), keeping every newline so line numbers stay right.
pub fn strip_template_markers(body: &str) -> Cow<'_, str> {
    if !body.contains("{%") && !body.contains("{{") && !body.contains("{:") {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    loop {
        let next = ["{%", "{{", "{:"]
            .iter()
            .filter_map(|open| rest.find(open).map(|i| (i, *open)))
            .min();
        let Some((i, open)) = next else {
            break;
        };
        let after = prefix(&rest[i + 2..], 4000);
        let end = match open {
            "{%" => after.find("%}").map(|j| j + 2),
            "{{" => after.find("}}").map(|j| j + 2),
            _ => {
                let line_end = after.find('\n').unwrap_or(after.len());
                after[..line_end].find('}').map(|j| j + 1)
            }
        };
        match end {
            Some(j) => {
                out.push_str(&rest[..i]);
                let marker = &rest[i..i + 2 + j];
                out.extend(marker.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
                rest = &rest[i + 2 + j..];
            }
            None => {
                out.push_str(&rest[..i + 2]);
                rest = &rest[i + 2..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_of_every_kind_becomes_one_space() {
        assert_eq!(normalize_line(" a\t b\u{a0}\u{a0}c \n d "), "a b c d");
        assert_eq!(normalize_block("a  b\n\n \t\nc\n"), "a b\nc");
    }

    #[test]
    fn anchors_follow_github() {
        let check = |input: &str, expect: &str| assert_eq!(anchor(input), expect, "{input:?}");
        check("Our Partners in the Network", "our-partners-in-the-network");
        check("OSBA Forum SCS-Standards", "osba-forum-scs-standards");
        check("Weiterführende Links", "weiterführende-links");
        check("Über SCS: Ziele & Wege!", "über-scs-ziele--wege");
        check("snake_case 2025", "snake_case-2025");
    }

    #[test]
    fn emails_are_found_in_text() {
        let check = |input: &str, expect: &[&str]| {
            let found: Vec<String> = find_emails(input).into_iter().map(|(_, e)| e).collect();
            assert_eq!(found, expect, "{input:?}");
        };
        check(
            "E-Mail:  kronlage-dammers@osb-alliance.com  ",
            &["kronlage-dammers@osb-alliance.com"],
        );
        check("write to a.b@c.de. Or x@y.org!", &["a.b@c.de", "x@y.org"]);
        check("Matrix: @fkronlage:matrix.org", &[]);
        check("user@localhost and a@b.c1", &[]);
        check("ünï@x.de", &[]);
    }

    #[test]
    fn mailto_urls_give_their_address() {
        assert_eq!(
            mailto_address("mailto:a@b.de?subject=Hi").as_deref(),
            Some("a@b.de")
        );
        assert_eq!(mailto_address("MAILTO:a%40b.de").as_deref(), Some("a@b.de"));
        assert_eq!(mailto_address("https://x.de"), None);
        assert_eq!(mailto_address("mailto:"), None);
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            decode_entities("R&amp;D &#8217; &#x1F600; &bogus; & x"),
            "R&D ’ 😀 &bogus; & x"
        );
    }

    #[test]
    fn template_markers_are_blanked_keeping_lines() {
        let input =
            "a {% include x.html %} b\n{{ site.\ntitle }}\ntext\n{: .mb-3 }\n{: not closed\n";
        let out = strip_template_markers(input);
        assert_eq!(out.lines().count(), input.lines().count());
        assert_eq!(normalize_block(&out), "a b\ntext\n{: not closed");
    }
}
