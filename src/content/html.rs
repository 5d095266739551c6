//! A small, forgiving tokenizer for the raw HTML found in markdown pages.
//!
//! It is not an HTML parser: it splits text into tags, comments and text so the loader can drop
//! tags while keeping what readers need. Invariant: an angle-bracketed e-mail address or URL
//! (`<a@b.c>`, `<mailto:a@b.c>`, `<https://x>`) is an [`Token::Autolink`], never a dropped tag,
//! and a `<` that starts no tag stays text.

use super::text::{decode_entities, is_email};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    Text(&'a str),
    /// `<name attrs>`; `name` is lowercase.
    Open {
        name: String,
        attrs: &'a str,
    },
    /// `</name>`; `name` is lowercase.
    Close {
        name: String,
    },
    /// `<!-- … -->`, `<!DOCTYPE …>`, `<?…?>`: dropped.
    Comment,
    /// `<a@b.c>`, `<mailto:a@b.c>`, `<https://…>`: the part between the brackets.
    Autolink(&'a str),
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// End (exclusive) of a tag starting at `from`, honouring quoted attribute values.
fn tag_end(s: &str, from: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(i + 1),
            None => {}
        }
    }
    None
}

/// Splits `s` into tokens; every byte of `s` belongs to exactly one token.
pub fn tokenize(s: &str) -> Vec<Token<'_>> {
    let bytes = s.as_bytes();
    let mut tokens = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while let Some(rel) = s[i..].find('<') {
        let lt = i + rel;
        let rest = &s[lt..];
        let parsed: Option<(Token<'_>, usize)> = if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").map_or(rest.len(), |j| j + 4 + 3);
            Some((Token::Comment, end))
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            Some((Token::Comment, rest.find('>').map_or(rest.len(), |j| j + 1)))
        } else if rest.starts_with("</") && bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
            let name_len = rest[2..].bytes().take_while(|&b| is_name_byte(b)).count();
            let name = rest[2..2 + name_len].to_ascii_lowercase();
            rest.find('>').map(|j| (Token::Close { name }, j + 1))
        } else if bytes.get(lt + 1).is_some_and(u8::is_ascii_alphabetic) {
            let name_len = rest[1..].bytes().take_while(|&b| is_name_byte(b)).count();
            let after = rest.as_bytes().get(1 + name_len).copied();
            match after {
                None => None,
                Some(b) if b.is_ascii_whitespace() || b == b'/' || b == b'>' => {
                    tag_end(rest, 1 + name_len).map(|end| {
                        let name = rest[1..1 + name_len].to_ascii_lowercase();
                        let attrs = rest[1 + name_len..end - 1].trim_end_matches('/');
                        (Token::Open { name, attrs }, end)
                    })
                }
                Some(_) => rest.find('>').and_then(|end| {
                    let inner = &rest[1..end];
                    let url_like = inner.contains(':') && !inner.contains(char::is_whitespace);
                    (is_email(inner) || url_like).then_some((Token::Autolink(inner), end + 1))
                }),
            }
        } else {
            None
        };
        match parsed {
            Some((token, len)) => {
                if text_start < lt {
                    tokens.push(Token::Text(&s[text_start..lt]));
                }
                tokens.push(token);
                i = lt + len;
                text_start = i;
            }
            None => i = lt + 1,
        }
    }
    if text_start < s.len() {
        tokens.push(Token::Text(&s[text_start..]));
    }
    tokens
}

/// The value of attribute `name` (case-insensitive) in a tag's attribute text, entities decoded.
pub fn attr(attrs: &str, name: &str) -> Option<String> {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let key_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let key = &attrs[key_start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = None;
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let q = bytes[i];
                let start = i + 1;
                let end = attrs[start..]
                    .bytes()
                    .position(|b| b == q)
                    .map_or(attrs.len(), |j| start + j);
                value = Some(&attrs[start..end]);
                i = (end + 1).min(attrs.len());
            } else {
                let start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = Some(&attrs[start..i]);
            }
        }
        if key.is_empty() && value.is_none() {
            i += 1;
            continue;
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(decode_entities(value.unwrap_or("")).into_owned());
        }
    }
    None
}

/// Tags after which text starts on a new line.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "blockquote"
            | "pre"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "figure"
            | "figcaption"
            | "details"
            | "summary"
            | "form"
            | "iframe"
            | "video"
            | "audio"
            | "center"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[Token<'_>]) {
        assert_eq!(tokenize(input), expect, "{input:?}");
    }

    fn open<'a>(name: &str, attrs: &'a str) -> Token<'a> {
        Token::Open {
            name: name.into(),
            attrs,
        }
    }

    fn close(name: &str) -> Token<'static> {
        Token::Close { name: name.into() }
    }

    #[test]
    fn mailto_anchor_is_a_tag_with_its_text() {
        check(
            r#"<a href="mailto:x@y.de">Write us</a>"#,
            &[
                open("a", r#" href="mailto:x@y.de""#),
                Token::Text("Write us"),
                close("a"),
            ],
        );
    }

    #[test]
    fn bracketed_addresses_are_autolinks_not_tags() {
        check(
            "mail <forum@osb-alliance.com> or <mailto:a@b.de>",
            &[
                Token::Text("mail "),
                Token::Autolink("forum@osb-alliance.com"),
                Token::Text(" or "),
                Token::Autolink("mailto:a@b.de"),
            ],
        );
    }

    #[test]
    fn stray_angle_brackets_stay_text() {
        check("a < b and 3<4 >", &[Token::Text("a < b and 3<4 >")]);
        check("<unclosed tag", &[Token::Text("<unclosed tag")]);
    }

    #[test]
    fn comments_and_quoted_brackets_are_handled() {
        check(
            "<!-- <a> --><img alt=\"a > b\" src='x.png'/>",
            &[Token::Comment, open("img", " alt=\"a > b\" src='x.png'")],
        );
    }

    #[test]
    fn attributes_are_read_in_any_quoting() {
        let attrs = r#" class=x HREF='https://a.de/?a=1&amp;b=2' title="t" disabled"#;
        assert_eq!(
            attr(attrs, "href").as_deref(),
            Some("https://a.de/?a=1&b=2")
        );
        assert_eq!(attr(attrs, "class").as_deref(), Some("x"));
        assert_eq!(attr(attrs, "disabled").as_deref(), Some(""));
        assert_eq!(attr(attrs, "alt"), None);
    }
}
