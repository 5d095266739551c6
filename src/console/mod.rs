//! The local console: answers commands and questions typed in a terminal, rendered as text
//! wrapped to the terminal's width ([`render`]).
//!
//! On a terminal it offers line editing and history (rustyline); when standard input is not a
//! terminal it answers each line it reads, so `printf '/join\n' | scs-bot` works, and a line
//! that is not valid UTF-8 gets a short "couldn't read that line" while the lines after it are
//! answered. `:lang de` switches the language (an unsupported one is refused with the list of
//! supported ones), `:reload` re-reads the content, `:quit` (or end of input) leaves. Every
//! command and question goes through the core's front door, as on Discord.

pub mod render;

use crate::answer::Surface;
use crate::core::{Core, ReloadReport};
use crate::messages::{self, fill};
use render::Style;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

/// The console's own state: the language, and whether it said already that the language has
/// no pages.
pub struct Session {
    language: String,
    style: Style,
    warned_fallback: bool,
}

impl Session {
    /// A session answering in `language` (a locale such as `de_DE.UTF-8` or a code) with
    /// `style`.
    pub fn new(core: &Core, language: &str, style: Style) -> Session {
        Session {
            language: core.config().language_for(language).to_string(),
            style,
            warned_fallback: false,
        }
    }

    pub fn language(&self) -> &str {
        &self.language
    }
}

/// Runs the console until end of input.
pub fn run(core: Core, language: &str) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if std::io::stdin().is_terminal() {
        let width = terminal_size::terminal_size().map_or(100, |(w, _)| usize::from(w.0));
        let style = if std::io::stdout().is_terminal() {
            Style::terminal(width)
        } else {
            Style::PLAIN
        };
        let mut session = Session::new(&core, language, style);
        let mut editor = rustyline::DefaultEditor::new()?;
        let welcome = fill(
            messages::of(session.language()).console_welcome,
            &[("pages", &core.state().library.pages.len().to_string())],
        );
        writeln!(out, "{}", render::wrap(&welcome, style.width, "", ""))?;
        loop {
            match editor.readline("scs> ") {
                Ok(line) => {
                    let _ = editor.add_history_entry(line.as_str());
                    if !handle(&core, &line, &mut session, &mut out)? {
                        break;
                    }
                }
                Err(rustyline::error::ReadlineError::Interrupted) => continue,
                Err(rustyline::error::ReadlineError::Eof) => break,
                Err(err) => return Err(err.into()),
            }
        }
    } else {
        let mut session = Session::new(&core, language, Style::PLAIN);
        let mut stdin = std::io::stdin().lock();
        let mut line = Vec::new();
        loop {
            line.clear();
            if stdin.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            let keep_going = match std::str::from_utf8(&line) {
                Ok(text) => handle(&core, text, &mut session, &mut out)?,
                Err(_) => {
                    let words = messages::of(session.language());
                    writeln!(out, "{}", words.console_unreadable_line)?;
                    true
                }
            };
            if !keep_going {
                break;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Answers one line; `false` when the console should stop.
pub fn handle(
    core: &Core,
    line: &str,
    session: &mut Session,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let line = line.trim();
    let words = messages::of(&session.language);
    match line {
        "" => return Ok(true),
        ":quit" | ":q" | ":exit" => return Ok(false),
        ":reload" => {
            match core.reload() {
                Ok(report) => {
                    if let Some(pulled) = report.pulled_line(&session.language) {
                        writeln!(out, "{pulled}")?;
                    }
                    let summary = summary(&report, &session.language);
                    writeln!(
                        out,
                        "{}",
                        fill(words.console_reloaded, &[("summary", &summary)])
                    )?;
                    for problem in &report.problems {
                        writeln!(out, "  {problem}")?;
                    }
                }
                Err(err) => {
                    let text = match err.downcast_ref::<crate::core::git::PullFailed>() {
                        Some(failed) => fill(
                            words.console_pull_failed,
                            &[
                                (
                                    "serving",
                                    &crate::core::git::short(failed.serving.as_deref()),
                                ),
                                ("error", &failed.why),
                            ],
                        ),
                        None => fill(
                            words.console_reload_failed,
                            &[("error", &format!("{err:#}"))],
                        ),
                    };
                    writeln!(out, "{text}")?
                }
            }
            return Ok(true);
        }
        _ => {}
    }
    if let Some(wanted) = line.strip_prefix(":lang") {
        set_language(core, wanted.trim(), session, out)?;
        return Ok(true);
    }
    warn_fallback(core, session, out)?;
    let answer = core.answer_on(Surface::Console, line, &session.language);
    writeln!(out, "{}", render::terminal(&answer, &session.style))?;
    out.flush()?;
    Ok(true)
}

fn set_language(
    core: &Core,
    wanted: &str,
    session: &mut Session,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let config = core.config();
    let code = wanted.to_lowercase();
    if !config.languages.contains(&code) {
        let words = messages::of(&session.language);
        let text = fill(
            words.console_language_unknown,
            &[
                ("language", wanted),
                ("supported", &config.languages.join(", ")),
            ],
        );
        writeln!(out, "{text}")?;
        return Ok(());
    }
    // Confirmed in the language being left: the reader reads that one still.
    let words = messages::of(&session.language);
    session.language = code;
    session.warned_fallback = false;
    writeln!(
        out,
        "{}",
        fill(words.console_language, &[("language", &session.language)])
    )?;
    warn_fallback(core, session, out)
}

/// Says once per language that the content has no pages in it, so answers come from the
/// default language's pages.
fn warn_fallback(core: &Core, session: &mut Session, out: &mut impl Write) -> anyhow::Result<()> {
    if session.warned_fallback {
        return Ok(());
    }
    session.warned_fallback = true;
    let fallback = &core.config().default_language;
    let state = core.state();
    if session.language == *fallback || state.library.pages_in(&session.language).next().is_some() {
        return Ok(());
    }
    let words = messages::of(&session.language);
    let text = fill(
        words.console_language_fallback,
        &[("language", &session.language), ("fallback", fallback)],
    );
    writeln!(out, "{}", render::wrap(&text, session.style.width, "", ""))?;
    Ok(())
}

/// `scs-bot sync`'s report: the commit, then what changed, one list per line (the lists of
/// `/reload`), then the content problems.
pub fn sync_report(report: &ReloadReport) -> String {
    let words = messages::of("en");
    let mut out = String::new();
    if let Some(pulled) = report.pulled_line("en") {
        out.push_str(&pulled);
        out.push('\n');
    }
    let lists = [
        (words.pages_added, &report.pages_added),
        (words.pages_removed, &report.pages_removed),
        (words.pages_changed, &report.pages_changed),
        (words.partners_added, &report.partners_added),
        (words.partners_removed, &report.partners_removed),
    ];
    if report.is_unchanged() {
        out.push_str(words.reloaded_same);
        out.push('\n');
    }
    for (label, list) in lists.iter().filter(|(_, list)| !list.is_empty()) {
        out.push_str(&format!("{label} ({}): {}\n", list.len(), list.join(", ")));
    }
    if !report.problems.is_empty() {
        out.push_str(&format!(
            "{} ({}):\n",
            words.content_problems,
            report.problems.len()
        ));
        for problem in &report.problems {
            out.push_str(&format!("  {problem}\n"));
        }
    }
    out
}

/// What a reload changed, in one line.
fn summary(report: &ReloadReport, language: &str) -> String {
    let words = messages::of(language);
    if report.is_unchanged() {
        return words.console_nothing_changed.into();
    }
    let parts = [
        (words.pages_added, &report.pages_added),
        (words.pages_removed, &report.pages_removed),
        (words.pages_changed, &report.pages_changed),
        (words.partners_added, &report.partners_added),
        (words.partners_removed, &report.partners_removed),
    ];
    parts
        .iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(label, list)| format!("{}: {}", label.to_lowercase(), list.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}
