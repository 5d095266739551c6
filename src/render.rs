//! Answers rendered for a terminal: plain text, lists and links on their own lines, the source
//! at the end. `**bold**` from snippets becomes ANSI bold when `color` is on, else stays as is.

use crate::answer::{Answer, Outcome};
use std::fmt::Write;

/// The answer as terminal text, ending with a newline.
pub fn terminal(answer: &Answer, color: bool) -> String {
    let mut out = String::new();
    let title = if color {
        format!("\x1b[1m{}\x1b[0m", answer.title)
    } else {
        answer.title.clone()
    };
    let _ = writeln!(out, "{title}");
    let searched = answer.command == "search" && answer.outcome == Outcome::Answered;
    if searched {
        for (i, hit) in answer.hits.iter().enumerate() {
            let heading = hit.path.join(" › ");
            let _ = writeln!(out, "\n{}. {heading} ({})", i + 1, hit.title);
            let _ = writeln!(out, "   {}", bold(&hit.snippet, color));
            let _ = writeln!(out, "   {}", hit.url);
        }
    } else if !answer.text.is_empty()
        && (answer.partners.is_empty() || answer.outcome != Outcome::Answered)
    {
        let _ = writeln!(out, "\n{}", answer.text.trim_end());
    }
    if !answer.partners.is_empty() {
        let _ = writeln!(out);
        for partner in &answer.partners {
            match &partner.url {
                Some(url) => {
                    let _ = writeln!(out, "- {}  <{url}>", partner.name);
                }
                None => {
                    let _ = writeln!(out, "- {}", partner.name);
                }
            }
        }
    }
    if !answer.links.is_empty() && answer.partners.is_empty() {
        let _ = writeln!(out);
        for link in &answer.links {
            let _ = writeln!(out, "- {}  <{}>", link.title, link.url);
        }
    }
    if !answer.contacts.is_empty() {
        let label = if answer.language == "de" {
            "Kontakt"
        } else {
            "Contact"
        };
        let _ = writeln!(out, "\n{label}: {}", answer.contacts.join(", "));
    }
    if !searched {
        if let Some(hit) = answer.hits.first() {
            let label = if answer.language == "de" {
                "Quelle"
            } else {
                "Source"
            };
            let _ = writeln!(
                out,
                "\n{label}: {} › {} — {}",
                hit.title, hit.section, hit.url
            );
        }
    }
    out
}

fn bold(snippet: &str, color: bool) -> String {
    if !color {
        return snippet.to_string();
    }
    let mut out = String::new();
    for (i, part) in snippet.split("**").enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "\x1b[1m{part}\x1b[0m");
        } else {
            out.push_str(part);
        }
    }
    out
}
