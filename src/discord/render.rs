//! Answers, reload reports and refusals rendered as [`Reply`]s: the one renderer behind every
//! Discord message the bot sends.
//!
//! Invariants: every reply passes [`reply::violations`] for any input (a property test holds
//! this); refusals and errors are ephemeral and say what to do; a list (partners, links) longer
//! than [`PAGE_LINES`] lines or than the room Discord leaves is split into pages, with paging
//! buttons whose custom id carries the page, the invoker and how to make the answer again;
//! when that id would be too long, the first page ends with "…and N more" instead.
//!
//! Custom ids: paging `pg:<page>:<user>[.<answer id, hex>]:<command>:<arg>` (the answer id
//! keeps the feedback buttons on every page; ids without it, from older versions, still page),
//! the page counter `pgn:<page>:<user>` (disabled), feedback `fb:up:<answer id, hex>` and
//! `fb:down:<answer id, hex>`.

use super::reply::{self, len, limits, Button, Embed, Field, Reply};
use crate::answer::{Answer, Hit, Outcome};
use crate::core::feedback::{AnswerId, Report, Vote};
use crate::core::ReloadReport;
use crate::messages::{self, fill, slash, Messages};
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
    /// The recorded answer, whose feedback buttons every page keeps.
    pub answer: Option<AnswerId>,
}

impl Paging {
    pub fn new(user_id: u64, command: &str, arg: Option<&str>) -> Paging {
        Paging {
            user_id,
            command: command.to_string(),
            arg: arg.map(str::to_string),
            answer: None,
        }
    }

    /// The same paging for a recorded answer.
    pub fn with_answer(mut self, answer: AnswerId) -> Paging {
        self.answer = Some(answer);
        self
    }

    /// The custom id of a button that shows `page`:
    /// `pg:<page>:<user>[.<answer>]:<command>:<arg>`.
    pub fn button_id(&self, page: usize) -> String {
        let answer = self.answer.map(|a| format!(".{a:x}")).unwrap_or_default();
        format!(
            "pg:{page}:{}{answer}:{}:{}",
            self.user_id,
            self.command,
            self.arg.as_deref().unwrap_or("")
        )
    }

    /// Reads a paging button's custom id back: the page and the paging.
    pub fn parse(custom_id: &str) -> Option<(usize, Paging)> {
        let mut parts = custom_id.strip_prefix("pg:")?.splitn(4, ':');
        let page = parts.next()?.parse().ok()?;
        let user = parts.next()?;
        let (user_id, answer) = match user.split_once('.') {
            Some((user, answer)) => (user, Some(u64::from_str_radix(answer, 16).ok()?)),
            None => (user, None),
        };
        let user_id = user_id.parse().ok()?;
        let command = parts.next().filter(|c| !c.is_empty())?;
        let arg = parts.next().filter(|a| !a.is_empty());
        let mut paging = Paging::new(user_id, command, arg);
        paging.answer = answer;
        Some((page, paging))
    }
}

/// An answer as a reply: page `page` of its list, with paging buttons when `paging` allows.
/// Refused answers become ephemeral refusals; `ephemeral` applies to the others.
pub fn answer(answer: &Answer, page: usize, paging: Option<&Paging>, ephemeral: bool) -> Reply {
    if answer.outcome == Outcome::Refused {
        return refusal(&answer.title, &answer.text);
    }
    let words = messages::of(&answer.language);
    let searched = answer.is_search();
    let mut fields = if searched {
        hit_fields(&answer.hits)
    } else {
        Vec::new()
    };
    if let Some(contacts) = contact_field(&answer.contacts, words) {
        fields.push(contacts);
    }
    let footer = footer(&answer.hits, searched, words);
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
        list.push_str(&more(lines.len() - pages[0].len(), words));
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
            .map(|p| buttons(page, pages.len(), p, words))
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

/// A reply of one embed that only the one who asked sees (a moderator's report, a vote's
/// thanks).
fn only_to_asker(embed: Embed) -> Reply {
    Reply {
        embeds: vec![embed],
        ephemeral: true,
        ..Reply::default()
    }
}

/// What a reload changed: pages and partners added, removed or changed, and content problems.
pub fn reloaded(report: &ReloadReport, language: &str) -> Reply {
    let words = messages::of(language);
    let lists: [(&str, Vec<String>); 6] = [
        (words.pages_added, report.pages_added.clone()),
        (words.pages_removed, report.pages_removed.clone()),
        (words.pages_changed, report.pages_changed.clone()),
        (words.partners_added, report.partners_added.clone()),
        (words.partners_removed, report.partners_removed.clone()),
        (
            words.content_problems,
            report.problems.iter().map(ToString::to_string).collect(),
        ),
    ];
    let fields: Vec<Field> = lists
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(name, items)| {
            let lines: Vec<String> = items
                .iter()
                .map(|i| format!("• {}", reply::line(i, 300)))
                .collect();
            Field {
                name: format!("{name} ({})", items.len()),
                value: reply::lines_within(&lines, 900, |n| more(n, words)),
                inline: false,
            }
        })
        .collect();
    let mut description = if report.is_unchanged() {
        words.reloaded_same
    } else {
        words.reloaded_changed
    }
    .to_string();
    if let Some(pulled) = report.pulled_line(language) {
        description = reply::text(&format!("{pulled}\n{description}"), limits::DESCRIPTION);
    }
    only_to_asker(Embed {
        title: words.reloaded_title.into(),
        description,
        fields,
        color: COLOR_RELOADED,
        ..Embed::default()
    })
}

/// A reload that failed: why, and that the last good content keeps serving.
pub fn reload_failed(why: &str, language: &str) -> Reply {
    let words = messages::of(language);
    let what_now = fill(
        words.reload_failed,
        &[("reload", &slash(language, "reload"))],
    );
    let text = format!("{}\n\n{what_now}", reply::plain(why, 1500));
    let mut reply = refusal(words.reload_failed_title, "");
    reply.embeds[0].description = reply::text(&text, limits::DESCRIPTION);
    reply
}

/// A pull of the `[git]` repository that failed: why (naming the key), and the commit that
/// keeps serving.
pub fn pull_failed(why: &str, serving: Option<&str>, language: &str) -> Reply {
    let words = messages::of(language);
    let serving = crate::core::git::short(serving);
    let what_now = fill(
        words.pull_failed,
        &[
            ("serving", &serving),
            ("reload", &slash(language, "reload")),
        ],
    );
    let text = format!("{}\n\n{what_now}", reply::plain(why, 1500));
    let mut reply = refusal(words.pull_failed_title, "");
    reply.embeds[0].description = reply::text(&text, limits::DESCRIPTION);
    reply
}

/// `/reload` by someone without Manage Server.
pub fn not_allowed(language: &str) -> Reply {
    not_allowed_to("reload", language)
}

/// A moderator command (`reload`, `report`) by someone without Manage Server.
pub fn not_allowed_to(command: &str, language: &str) -> Reply {
    let words = messages::of(language);
    let text = fill(words.moderators, &[("reload", &slash(language, command))]);
    refusal(words.moderators_title, &text)
}

/// A paging button pressed by someone else than the invoker.
pub fn not_yours(command: &str, language: &str) -> Reply {
    let words = messages::of(language);
    let command = reply::inline(messages::command_name(language, command), 32);
    refusal(
        words.not_yours_title,
        &fill(words.not_yours, &[("command", &command)]),
    )
}

/// A question over the rate limit: when to ask again.
pub fn cooldown(remaining: Duration, language: &str) -> Reply {
    let words = messages::of(language);
    let secs = remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0);
    refusal(
        words.cooldown_title,
        &fill(words.cooldown, &[("secs", &secs.to_string())]),
    )
}

/// A button whose id this bot can't read (from an older version).
pub fn stale(language: &str) -> Reply {
    let words = messages::of(language);
    refusal(words.stale_title, words.stale)
}

/// Something failed on the bot's side.
pub fn failure(language: &str) -> Reply {
    let words = messages::of(language);
    refusal(words.failure_title, words.failure)
}

fn title(s: &str) -> String {
    let title = reply::inline(s, limits::TITLE);
    if title.trim().is_empty() {
        "scs-bot".into()
    } else {
        title
    }
}

fn more(n: usize, words: &Messages) -> String {
    fill(words.more, &[("n", &n.to_string())])
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

fn contact_field(contacts: &[String], words: &Messages) -> Option<Field> {
    let lines: Vec<String> = contacts
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| reply::inline(c, 200))
        .collect();
    (!lines.is_empty()).then(|| Field {
        name: words.contact.into(),
        value: reply::lines_within(&lines, 600, |n| more(n, words)),
        inline: false,
    })
}

/// "Source: Network › Get Involved" (the page and section answered from); for a search, the
/// pages of the hits.
fn footer(hits: &[Hit], searched: bool, words: &Messages) -> Option<String> {
    let first = hits.first()?;
    let text = if searched {
        let mut titles: Vec<&str> = Vec::new();
        for hit in hits {
            if !titles.contains(&hit.title.as_str()) {
                titles.push(&hit.title);
            }
        }
        format!("{}: {}", words.sources, titles.join(", "))
    } else {
        format!("{}: {} › {}", words.source, first.title, first.section)
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

fn buttons(page: usize, pages: usize, paging: &Paging, words: &Messages) -> Vec<Button> {
    vec![
        Button {
            custom_id: paging.button_id(page.saturating_sub(1)),
            label: words.previous.into(),
            disabled: page == 0,
        },
        Button {
            custom_id: format!("pgn:{page}:{}", paging.user_id),
            label: format!("{}/{pages}", page + 1),
            disabled: true,
        },
        Button {
            custom_id: paging.button_id((page + 1).min(pages - 1)),
            label: words.next.into(),
            disabled: page + 1 >= pages,
        },
    ]
}

/// The custom id of a feedback button.
pub fn feedback_id(vote: Vote, answer: AnswerId) -> String {
    format!("fb:{}:{answer:x}", vote.as_str())
}

/// Reads a feedback button's custom id back: the vote and the answer.
pub fn parse_feedback(custom_id: &str) -> Option<(Vote, AnswerId)> {
    let rest = custom_id.strip_prefix("fb:")?;
    let (vote, answer) = rest.split_once(':')?;
    let vote = match vote {
        "up" => Vote::Up,
        "down" => Vote::Down,
        _ => return None,
    };
    Some((vote, u64::from_str_radix(answer, 16).ok()?))
}

/// Adds "Helpful" and "Not what I asked" for the recorded `answer` to a reply's buttons (after
/// the paging buttons: five at most, one row).
pub fn add_feedback(reply: &mut Reply, answer: AnswerId, language: &str) {
    let words = messages::of(language);
    for (vote, label) in [
        (Vote::Up, words.feedback_up),
        (Vote::Down, words.feedback_down),
    ] {
        if reply.buttons.len() < limits::BUTTONS_PER_ROW {
            reply.buttons.push(Button {
                custom_id: feedback_id(vote, answer),
                label: reply::plain(label, limits::BUTTON_LABEL),
                disabled: false,
            });
        }
    }
}

/// The acknowledgement of a feedback press, for the presser only.
pub fn thanks(vote: Vote, language: &str) -> Reply {
    let words = messages::of(language);
    let label = match vote {
        Vote::Up => words.feedback_up,
        Vote::Down => words.feedback_down,
    };
    only_to_asker(Embed {
        title: title(words.feedback_thanks_title),
        description: reply::text(
            &fill(words.feedback_thanks, &[("vote", &format!("„{label}“"))]),
            limits::DESCRIPTION,
        ),
        color: COLOR_ANSWER,
        ..Embed::default()
    })
}

/// The coverage-gap report for moderators (ephemeral): one field per list, `days` the period.
pub fn report(report: &Report, days: u32, language: &str) -> Reply {
    let words = messages::of(language);
    let lists = [
        (words.report_top, &report.top),
        (words.report_not_found, &report.not_found),
        (words.report_voted_down, &report.voted_down),
    ];
    let fields: Vec<Field> = lists
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(name, items)| {
            let lines: Vec<String> = items
                .iter()
                .map(|c| {
                    format!(
                        "{}× {} ({})",
                        c.count,
                        reply::inline(&c.question, 150),
                        reply::inline(&c.language, 8)
                    )
                })
                .collect();
            Field {
                name: reply::inline(name, limits::FIELD_NAME),
                value: reply::lines_within(&lines, 1000, |n| more(n, words)),
                inline: false,
            }
        })
        .collect();
    let about = fill(words.report_about, &[("days", &days.to_string())]);
    let description = if fields.is_empty() {
        format!("{about}\n\n{}", words.report_empty)
    } else {
        about
    };
    only_to_asker(Embed {
        title: title(words.report_title),
        description: reply::text(&description, limits::DESCRIPTION),
        fields,
        color: COLOR_ANSWER,
        ..Embed::default()
    })
}

/// The report could not be read.
pub fn report_failed(why: &str, language: &str) -> Reply {
    let words = messages::of(language);
    refusal(
        words.report_failed_title,
        &fill(words.report_failed, &[("error", &reply::plain(why, 1500))]),
    )
}
