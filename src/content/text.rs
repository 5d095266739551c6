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

/// Whether a link may be shown as a link by any transport: `http(s)://…`, `mailto:…`, or a
/// relative link (`/en/network`, `page#part`, `#top`). Anything with another scheme
/// (`javascript:`, `data:`, `vbscript:`, `file:`, …) or with control characters is not: the
/// loader reports it and keeps only its label, as text. The one rule; every transport relies
/// on it.
pub fn is_safe_link(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() || url.chars().any(char::is_control) {
        return false;
    }
    // A scheme is letters, digits, `+`, `-`, `.` before the first `:`, starting with a letter
    // and before any `/`, `?` or `#` (RFC 3986); without one the link is relative.
    let scheme = url
        .split(['/', '?', '#'])
        .next()
        .and_then(|head| head.split_once(':'));
    match scheme {
        None => !url.starts_with("//") && !url.starts_with('\\'),
        Some((scheme, _)) => {
            let scheme = scheme.to_ascii_lowercase();
            let lower = url.to_ascii_lowercase();
            match scheme.as_str() {
                "http" | "https" => lower.starts_with("http://") || lower.starts_with("https://"),
                "mailto" => true,
                _ => false,
            }
        }
    }
}

/// Whether a slug is odd: empty, or holding `..`, `/`, `\` or a control character (it ends
/// up in URLs and file-like identities).
pub fn is_odd_slug(slug: &str) -> bool {
    slug.is_empty()
        || slug.contains("..")
        || slug.contains(['/', '\\'])
        || slug.chars().any(char::is_control)
}

/// The address of a `mailto:` URL (`mailto:a@b.c?subject=x` → `a@b.c`), if it is one.
pub fn mailto_address(url: &str) -> Option<String> {
    let rest = url
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("mailto:"))
        .map(|_| &url[7..])?;
    let addr = rest.split(['?', '#']).next().unwrap_or("").trim();
    // `%40` → `@`; a `%` without two hex digits stays as written, bytes that are not UTF-8
    // become U+FFFD.
    let addr = percent_encoding::percent_decode_str(addr).decode_utf8_lossy();
    (!addr.is_empty() && addr.contains('@')).then(|| addr.into_owned())
}

/// Whether `s` is a bare e-mail address (`<a@b.c>` written in raw HTML).
pub fn is_email(s: &str) -> bool {
    matches!(find_emails(s).as_slice(), [(0, addr)] if addr.len() == s.len())
}

/// Decodes HTML character references in raw HTML text: every named one of HTML5 (`&amp;`,
/// `&auml;`, `&hellip;`) and numeric ones (`&#8217;`, `&#x1F600;`), closed by `;`. Unknown or
/// invalid references (a surrogate, a C0 control, a sign), and a bare `&`, are kept as written;
/// the text is borrowed when nothing is decoded. `&shy;` decodes to nothing: a soft hyphen
/// would split the word it sits in for search.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains("&shy;") {
        return html_escape::decode_html_entities(s);
    }
    Cow::Owned(
        s.split("&shy;")
            .map(html_escape::decode_html_entities)
            .collect(),
    )
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
    fn only_web_mail_and_relative_links_are_safe() {
        for safe in [
            "https://scs.community/en",
            "HTTP://x.de",
            "mailto:a@b.de",
            "/en/network",
            "network#get-involved",
            "#top",
            "page?x=a:b",
        ] {
            assert!(is_safe_link(safe), "{safe}");
        }
        for unsafe_ in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "ftp://x.de",
            "https:evil",
            "//evil.example/x",
            "java\nscript:x",
            "",
        ] {
            assert!(!is_safe_link(unsafe_), "{unsafe_:?}");
        }
    }

    #[test]
    fn slugs_with_dots_slashes_or_control_characters_are_odd() {
        for odd in ["..", "a/b", "a\\b", "../etc", "x\u{7}", ""] {
            assert!(is_odd_slug(odd), "{odd:?}");
        }
        for fine in ["network", "2024-10-23-name", "a.b", "über-uns"] {
            assert!(!is_odd_slug(fine), "{fine}");
        }
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
    fn named_html5_entities_are_decoded() {
        assert_eq!(
            decode_entities(
                "&auml;&nbsp;&hellip;&ndash;&Eacute;&oacute;&iexcl;&sect;&half;&check;"
            ),
            "ä\u{a0}…–Éó¡§½✓"
        );
        assert_eq!(decode_entities("&alpha;&Omega;&le;&ne;&hearts;"), "αΩ≤≠♥");
        assert_eq!(
            decode_entities("&CounterClockwiseContourIntegral;"),
            "\u{2233}"
        );
    }

    #[test]
    fn a_soft_hyphen_reference_decodes_to_nothing() {
        assert_eq!(decode_entities("Netz&shy;werk&shy;"), "Netzwerk");
        assert_eq!(decode_entities("&amp;shy; &am&shy;p;"), "&shy; &amp;");
    }

    #[test]
    fn numeric_references_are_decoded_in_either_base() {
        assert_eq!(decode_entities("&#228;&#x2013;&#X2013;&#0228;"), "ä––ä");
    }

    #[test]
    fn invalid_or_unclosed_references_stay_as_written() {
        let kept = [
            "&auml",
            "&#0;",
            "&#+65;",
            "&#xD800;",
            "&#x110000;",
            "&#;",
            "&#x;",
            "&;",
            "&AUML;",
            "&#99999999999;",
            "&",
            "a & b",
        ];
        for s in kept {
            assert_eq!(decode_entities(s), s, "{s:?}");
        }
    }

    #[test]
    fn a_bare_ampersand_does_not_hide_the_reference_after_it() {
        assert_eq!(decode_entities("Q&A &amp; more"), "Q&A & more");
        assert_eq!(decode_entities("&&amp;;"), "&&;");
        assert_eq!(decode_entities("AT&T&#8217;s"), "AT&T’s");
    }

    #[test]
    fn text_without_a_reference_is_borrowed() {
        assert!(matches!(decode_entities("plain ä text"), Cow::Borrowed(_)));
        assert!(matches!(decode_entities("Q&A &bogus;"), Cow::Borrowed(_)));
    }

    #[test]
    fn percent_escapes_in_mailto_addresses_are_decoded_leniently() {
        assert_eq!(
            mailto_address("mailto:j%C3%BCrgen%40x.de").as_deref(),
            Some("jürgen@x.de")
        );
        assert_eq!(
            mailto_address("mailto:a%4@b.de%").as_deref(),
            Some("a%4@b.de%")
        );
        assert_eq!(
            mailto_address("mailto:a%FF@b.de").as_deref(),
            Some("a\u{fffd}@b.de")
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
