//! Answers, reload reports and refusals rendered as [`Reply`]s: the one renderer behind every
//! Discord message the bot sends.
//!
//! Invariants: every reply passes [`reply::violations`] for any input (a property test holds
//! this); refusals and errors are ephemeral and say what to do; a list (partners, links) longer
//! than [`PAGE_LINES`] lines or than the room Discord leaves is split into pages, with paging
//! buttons whose custom id carries the page, the invoker and how to make the answer again;
//! when that id would be too long, the first page ends with "…and N more" instead.

use super::commands::CommandSpec;
use super::reply::{self, len, limits, Button, Embed, Field, Reply};
use crate::answer::{Answer, Hit, Outcome};
use crate::core::ReloadReport;
use std::time::Duration;

/// SCS blue, for answers.
pub const COLOR_ANSWER: u32 = 0x0F5FAD;
/// Grey, for "nothing found".
pub const COLOR_NOT_FOUND: u32 = 0x8A939B;
/// Red, for refusals and errors.
pub const COLOR_REFUSED: u32 = 0xC0392B;
/// Green, for a reload that worked.
pub const COLOR_RELOADED: u32 = 0x2E9E5B;

/// At most this many list lines (partners, links) on one page.
pub const PAGE_LINES: usize = 20;
/// Room kept free at the end of a list for "…and N more".
const MORE_ROOM: usize = 48;

/// Who may turn the pages of a reply, and how to make its answer again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    pub user_id: u64,
    /// The command that answered (`partners`, `links`, `ask`, a configured one).
    pub command: String,
    /// Its argument (the partner name, the question).
    pub arg: Option<String>,
}

impl Paging {
    pub fn new(user_id: u64, command: &str, arg: Option<&str>) -> Paging {
        Paging {
            user_id,
            command: command.to_string(),
            arg: arg.map(str::to_string),
        }
    }

    /// The custom id of a button that shows `page`: `pg:<page>:<user>:<command>:<arg>`.
    pub fn button_id(&self, page: usize) -> String {
        format!(
            "pg:{page}:{}:{}:{}",
            self.user_id,
            self.command,
            self.arg.as_deref().unwrap_or("")
        )
    }

    /// Reads a paging button's custom id back: the page and the paging.
    pub fn parse(custom_id: &str) -> Option<(usize, Paging)> {
        let mut parts = custom_id.strip_prefix("pg:")?.splitn(4, ':');
        let page = parts.next()?.parse().ok()?;
        let user_id = parts.next()?.parse().ok()?;
        let command = parts.next().filter(|c| !c.is_empty())?;
        let arg = parts.next().filter(|a| !a.is_empty());
        Some((page, Paging::new(user_id, command, arg)))
    }
}

/// An answer as a reply: page `page` of its list, with paging buttons when `paging` allows.
/// Refused answers become ephemeral refusals; `ephemeral` applies to the others.
pub fn answer(answer: &Answer, page: usize, paging: Option<&Paging>, ephemeral: bool) -> Reply {
    if answer.outcome == Outcome::Refused {
        return refusal(&answer.title, &answer.text);
    }
    let de = answer.language == "de";
    let searched = answer.command == "search" && answer.outcome == Outcome::Answered;
    let mut fields = if searched {
        hit_fields(&answer.hits)
    } else {
        Vec::new()
    };
    if let Some(contacts) = contact_field(&answer.contacts, de) {
        fields.push(contacts);
    }
    let footer = footer(&answer.hits, searched, de);
    let title = title(if answer.title.trim().is_empty() {
        &answer.query
    } else {
        &answer.title
    });
    let fixed = len(&title) + footer.as_deref().map_or(0, len) + fields_len(&fields);
    let room = limits::DESCRIPTION.min(limits::EMBED_TOTAL - fixed);
    let lines = list_lines(answer);
    let show_text = !searched
        && !answer.text.trim().is_empty()
        && (answer.partners.is_empty() || answer.outcome != Outcome::Answered);
    let body = match show_text {
        true if lines.is_empty() => reply::text(&answer.text, room),
        true => reply::text(&answer.text, room.min(1500)),
        false => String::new(),
    };
    let list_room = room.saturating_sub(len(&body) + 2 + MORE_ROOM);
    let pages = paginate(&lines, list_room);
    let page = page.min(pages.len() - 1);
    let paging =
        paging.filter(|p| pages.len() > 1 && len(&p.button_id(pages.len())) <= limits::CUSTOM_ID);
    let mut list = pages[if paging.is_some() { page } else { 0 }].join("\n");
    if paging.is_none() && pages.len() > 1 {
        list.push('\n');
        list.push_str(&more(lines.len() - pages[0].len(), de));
    }
    let description = [body, list]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let embed = Embed {
        title,
        url: (!searched)
            .then(|| answer.hits.first())
            .flatten()
            .and_then(|h| reply::safe_url(&h.url)),
        description,
        fields,
        footer,
        color: if answer.outcome == Outcome::NotFound {
            COLOR_NOT_FOUND
        } else {
            COLOR_ANSWER
        },
    };
    Reply {
        content: String::new(),
        embeds: vec![embed],
        buttons: paging
            .map(|p| buttons(page, pages.len(), p, de))
            .unwrap_or_default(),
        ephemeral,
        outcome: answer.outcome,
    }
}

/// An ephemeral refusal: what went wrong and what to do.
pub fn refusal(title: &str, text: &str) -> Reply {
    Reply {
        content: String::new(),
        embeds: vec![Embed {
            title: self::title(title),
            description: reply::text(text, limits::DESCRIPTION),
            color: COLOR_REFUSED,
            ..Embed::default()
        }],
        buttons: Vec::new(),
        ephemeral: true,
        outcome: Outcome::Refused,
    }
}

/// The commands, in the user's language, and how to ask.
pub fn help(specs: &[CommandSpec], language: &str, contact: &str) -> Reply {
    let de = language == "de";
    let lines: Vec<String> = specs
        .iter()
        .map(|s| {
            format!(
                "`/{}` — {}",
                s.name_in(language),
                reply::inline(s.description_in(language), 200)
            )
        })
        .collect();
    let intro = t(
        de,
        "Ask me about the Sovereign Cloud Stack network: use `/ask`, mention me with a question (\"@scs-bot how do I join?\"), or use one of these commands:",
        "Frag mich zum Netzwerk des Sovereign Cloud Stack: mit `/frage`, indem du mich mit einer Frage erwähnst (\"@scs-bot wie kann ich mitmachen?\"), oder mit einem dieser Befehle:",
    );
    let list = reply::lines_within(&lines, limits::DESCRIPTION - 400, |n| more(n, de));
    Reply {
        embeds: vec![Embed {
            title: t(de, "How to ask scs-bot", "So fragst du scs-bot").into(),
            description: format!("{intro}\n\n{list}"),
            fields: contact_field(&[contact.to_string()], de)
                .into_iter()
                .collect(),
            color: COLOR_ANSWER,
            ..Embed::default()
        }],
        ephemeral: true,
        ..Reply::default()
    }
}

/// What a reload changed: pages and partners added, removed or changed, and content problems.
pub fn reloaded(report: &ReloadReport, language: &str) -> Reply {
    let de = language == "de";
    let lists: [(&str, &str, Vec<String>); 6] = [
        ("Pages added", "Neue Seiten", report.pages_added.clone()),
        (
            "Pages removed",
            "Entfernte Seiten",
            report.pages_removed.clone(),
        ),
        (
            "Pages changed",
            "Geänderte Seiten",
            report.pages_changed.clone(),
        ),
        (
            "Partners added",
            "Neue Partner",
            report.partners_added.clone(),
        ),
        (
            "Partners removed",
            "Entfernte Partner",
            report.partners_removed.clone(),
        ),
        (
            "Content problems",
            "Probleme in den Inhalten",
            report.problems.iter().map(ToString::to_string).collect(),
        ),
    ];
    let fields: Vec<Field> = lists
        .into_iter()
        .filter(|(_, _, items)| !items.is_empty())
        .map(|(en, de_name, items)| {
            let lines: Vec<String> = items
                .iter()
                .map(|i| format!("• {}", reply::line(i, 300)))
                .collect();
            Field {
                name: format!("{} ({})", t(de, en, de_name), items.len()),
                value: reply::lines_within(&lines, 900, |n| more(n, de)),
                inline: false,
            }
        })
        .collect();
    let description = if report.is_unchanged() {
        t(
            de,
            "Nothing changed in the pages or the partners; the index was rebuilt.",
            "An den Seiten und Partnern hat sich nichts geändert; der Index wurde neu gebaut.",
        )
    } else {
        t(
            de,
            "The bot now answers from the new content.",
            "Der Bot antwortet jetzt aus den neuen Inhalten.",
        )
    };
    Reply {
        embeds: vec![Embed {
            title: t(de, "Content reloaded", "Inhalte neu geladen").into(),
            description: description.into(),
            fields,
            color: COLOR_RELOADED,
            ..Embed::default()
        }],
        ephemeral: true,
        ..Reply::default()
    }
}

/// A reload that failed: why, and that the last good content keeps serving.
pub fn reload_failed(why: &str, language: &str) -> Reply {
    let de = language == "de";
    let text = format!(
        "{}\n\n{}",
        reply::plain(why, 1500),
        t(
            de,
            "The bot keeps answering from the previous content. Fix the problem (`scs-bot check` lists content problems) and run `/reload` again.",
            "Der Bot antwortet weiter aus den bisherigen Inhalten. Behebe das Problem (`scs-bot check` listet Probleme in den Inhalten) und starte `/neu-laden` noch einmal.",
        )
    );
    let mut reply = refusal(t(de, "Reload failed", "Neu laden fehlgeschlagen"), "");
    reply.embeds[0].description = reply::text(&text, limits::DESCRIPTION);
    reply
}

/// `/reload` by someone without Manage Server.
pub fn not_allowed(language: &str) -> Reply {
    let de = language == "de";
    refusal(
        t(de, "Moderators only", "Nur für die Moderation"),
        t(
            de,
            "`/reload` needs the Manage Server permission, in a server. Ask a moderator to run it.",
            "`/neu-laden` braucht die Berechtigung „Server verwalten“, auf einem Server. Bitte jemanden aus der Moderation darum.",
        ),
    )
}

/// A paging button pressed by someone else than the invoker.
pub fn not_yours(command: &str, language: &str) -> Reply {
    let de = language == "de";
    let command = reply::inline(command, 32);
    refusal(
        t(de, "Not your list", "Nicht deine Liste"),
        &if de {
            format!("Nur wer gefragt hat, kann hier blättern. Ruf `/{command}` selbst auf, um die Liste zu sehen.")
        } else {
            format!("Only the person who asked can turn these pages. Run `/{command}` yourself to page through the list.")
        },
    )
}

/// A question sooner than the cooldown allows.
pub fn cooldown(remaining: Duration, language: &str) -> Reply {
    let de = language == "de";
    let secs = remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0);
    refusal(
        t(de, "One moment, please", "Einen Moment bitte"),
        &if de {
            format!("Du fragst gerade sehr schnell. Frag in {secs} s noch einmal.")
        } else {
            format!("You're asking quickly. Please ask again in {secs} s.")
        },
    )
}

/// A question longer than the configured bound.
pub fn too_long(chars: usize, max: usize, language: &str) -> Reply {
    let de = language == "de";
    refusal(
        t(de, "That question is too long", "Die Frage ist zu lang"),
        &if de {
            format!("Deine Frage hat {chars} Zeichen; ich nehme höchstens {max}. Bitte frag mit weniger Worten.")
        } else {
            format!("Your question has {chars} characters; I take at most {max}. Please ask it in fewer words.")
        },
    )
}

/// A command this bot does not (or no longer) know.
pub fn unknown(command: &str, language: &str) -> Reply {
    let de = language == "de";
    let command = reply::inline(command, 32);
    refusal(
        t(de, "Unknown command", "Unbekannter Befehl"),
        &if de {
            format!("`/{command}` kenne ich nicht (mehr). `/hilfe` zeigt, was ich kann.")
        } else {
            format!("I don't know `/{command}` (any more). `/help` shows what I can do.")
        },
    )
}

/// A button whose id this bot can't read (from an older version).
pub fn stale(language: &str) -> Reply {
    let de = language == "de";
    refusal(
        t(
            de,
            "These buttons have expired",
            "Diese Knöpfe sind abgelaufen",
        ),
        t(
            de,
            "Run the command again to get a fresh list.",
            "Ruf den Befehl noch einmal auf, um eine neue Liste zu bekommen.",
        ),
    )
}

/// Something failed on the bot's side.
pub fn failure(language: &str) -> Reply {
    let de = language == "de";
    refusal(
        t(de, "Something went wrong", "Etwas ist schiefgegangen"),
        t(
            de,
            "That failed on my side. Please try again in a moment; if it keeps failing, tell a moderator (the bot's log says why).",
            "Das hat bei mir nicht geklappt. Bitte versuch es gleich noch einmal; wenn es weiter scheitert, sag der Moderation Bescheid (das Log des Bots nennt den Grund).",
        ),
    )
}

fn t<'a>(de: bool, en: &'a str, de_text: &'a str) -> &'a str {
    if de {
        de_text
    } else {
        en
    }
}

fn title(s: &str) -> String {
    let title = reply::inline(s, limits::TITLE);
    if title.trim().is_empty() {
        "scs-bot".into()
    } else {
        title
    }
}

fn more(n: usize, de: bool) -> String {
    if de {
        format!("…und {n} weitere")
    } else {
        format!("…and {n} more")
    }
}

fn fields_len(fields: &[Field]) -> usize {
    fields.iter().map(|f| len(&f.name) + len(&f.value)).sum()
}

/// One field per search hit: the heading path, the snippet and a deep link.
fn hit_fields(hits: &[Hit]) -> Vec<Field> {
    let mut fields: Vec<Field> = hits
        .iter()
        .take(10)
        .map(|hit| {
            let heading = if hit.path.is_empty() {
                hit.section.clone()
            } else {
                hit.path.join(" › ")
            };
            let link = format!("→ {}", reply::link(&hit.title, Some(&hit.url), 300));
            let snippet = reply::snippet(&hit.snippet, 600 - len(&link) - 1);
            Field {
                name: Some(reply::inline(&heading, 200))
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| "—".into()),
                value: if snippet.is_empty() {
                    link
                } else {
                    format!("{snippet}\n{link}")
                },
                inline: false,
            }
        })
        .collect();
    while fields_len(&fields) > 2500 {
        fields.pop();
    }
    fields
}

fn contact_field(contacts: &[String], de: bool) -> Option<Field> {
    let lines: Vec<String> = contacts
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| reply::inline(c, 200))
        .collect();
    (!lines.is_empty()).then(|| Field {
        name: t(de, "Contact", "Kontakt").into(),
        value: reply::lines_within(&lines, 600, |n| more(n, de)),
        inline: false,
    })
}

/// "Source: Network › Get Involved" (the page and section answered from); for a search, the
/// pages of the hits.
fn footer(hits: &[Hit], searched: bool, de: bool) -> Option<String> {
    let first = hits.first()?;
    let text = if searched {
        let mut titles: Vec<&str> = Vec::new();
        for hit in hits {
            if !titles.contains(&hit.title.as_str()) {
                titles.push(&hit.title);
            }
        }
        format!("{}: {}", t(de, "Sources", "Quellen"), titles.join(", "))
    } else {
        format!(
            "{}: {} › {}",
            t(de, "Source", "Quelle"),
            first.title,
            first.section
        )
    };
    Some(reply::plain(&text, 256))
}

/// The answer's list: its partners, or else its links, one line each.
fn list_lines(answer: &Answer) -> Vec<String> {
    if !answer.partners.is_empty() {
        answer
            .partners
            .iter()
            .map(|p| format!("• {}", reply::link(&p.name, p.url.as_deref(), 300)))
            .collect()
    } else {
        answer
            .links
            .iter()
            .map(|l| format!("• {}", reply::link(&l.title, Some(&l.url), 300)))
            .collect()
    }
}

/// Splits lines into pages of at most [`PAGE_LINES`] lines and `room` characters; always at
/// least one page.
fn paginate(lines: &[String], room: usize) -> Vec<Vec<String>> {
    let mut pages = vec![Vec::new()];
    let mut used = 0;
    for line in lines {
        let page = pages.last_mut().expect("at least one page");
        let needed = len(line) + usize::from(!page.is_empty());
        if !page.is_empty() && (page.len() == PAGE_LINES || used + needed > room) {
            pages.push(vec![line.clone()]);
            used = len(line);
        } else {
            page.push(line.clone());
            used += needed;
        }
    }
    pages
}

fn buttons(page: usize, pages: usize, paging: &Paging, de: bool) -> Vec<Button> {
    vec![
        Button {
            custom_id: paging.button_id(page.saturating_sub(1)),
            label: t(de, "◀ Previous", "◀ Zurück").into(),
            disabled: page == 0,
        },
        Button {
            custom_id: format!("pgn:{page}:{}", paging.user_id),
            label: format!("{}/{pages}", page + 1),
            disabled: true,
        },
        Button {
            custom_id: paging.button_id((page + 1).min(pages - 1)),
            label: t(de, "Next ▶", "Weiter ▶").into(),
            disabled: page + 1 >= pages,
        },
    ]
}
