//! The local console: answers commands and questions typed in a terminal, rendered as text.
//!
//! On a terminal it offers line editing and history (rustyline); when standard input is not a
//! terminal it answers each line it reads, so `printf '/join\n' | scs-bot` works.
//! `:lang de` switches the language, `:reload` re-reads the content, `:quit` (or end of input)
//! leaves.

use crate::core::{Core, ReloadReport};
use crate::render;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

/// Runs the console until end of input.
pub fn run(core: Core, language: &str) -> anyhow::Result<ExitCode> {
    let mut language = core.config().language_for(language).to_string();
    if std::io::stdin().is_terminal() {
        let mut editor = rustyline::DefaultEditor::new()?;
        println!(
            "scs-bot console: {} pages loaded. Type /help, a command or a question; :lang de|en switches the language, :reload re-reads the content, Ctrl-D leaves.",
            core.state().library.pages.len()
        );
        loop {
            match editor.readline("scs> ") {
                Ok(line) => {
                    let _ = editor.add_history_entry(line.as_str());
                    if !handle(&core, &line, &mut language, &mut std::io::stdout(), true)? {
                        break;
                    }
                }
                Err(rustyline::error::ReadlineError::Interrupted) => continue,
                Err(rustyline::error::ReadlineError::Eof) => break,
                Err(err) => return Err(err.into()),
            }
        }
    } else {
        let stdin = std::io::stdin();
        let mut out = std::io::stdout().lock();
        for line in stdin.lock().lines() {
            if !handle(&core, &line?, &mut language, &mut out, false)? {
                break;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Answers one line; `false` when the console should stop.
pub fn handle(
    core: &Core,
    line: &str,
    language: &mut String,
    out: &mut impl Write,
    color: bool,
) -> anyhow::Result<bool> {
    let line = line.trim();
    match line {
        "" => return Ok(true),
        ":quit" | ":q" | ":exit" => return Ok(false),
        _ => {}
    }
    if line == ":reload" {
        match core.reload() {
            Ok(report) => {
                writeln!(out, "reloaded: {}", summary(&report))?;
                for problem in &report.problems {
                    writeln!(out, "  {problem}")?;
                }
            }
            Err(err) => writeln!(
                out,
                "reload failed, still answering from the last good content: {err:#}"
            )?,
        }
        return Ok(true);
    }
    if let Some(lang) = line.strip_prefix(":lang") {
        *language = core.config().language_for(lang.trim()).to_string();
        writeln!(out, "language: {language}")?;
        return Ok(true);
    }
    let answer = core.answer(line, language);
    writeln!(out, "{}", render::terminal(&answer, color))?;
    out.flush()?;
    Ok(true)
}

/// What a reload changed, in one line.
fn summary(report: &ReloadReport) -> String {
    if report.is_unchanged() {
        return "nothing changed".into();
    }
    let parts = [
        ("pages added", &report.pages_added),
        ("pages removed", &report.pages_removed),
        ("pages changed", &report.pages_changed),
        ("partners added", &report.partners_added),
        ("partners removed", &report.partners_removed),
    ];
    parts
        .iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(label, list)| format!("{label}: {}", list.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}
