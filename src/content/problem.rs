//! Problems found in content: never fatal, always naming the file, the line, what is wrong and
//! how to fix it.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The page is served, but something in it was repaired or guessed.
    Warning,
    /// The page (or part of it) could not be served as written.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file, relative to the content root where possible.
    pub file: PathBuf,
    /// 1-based line, where one can be named.
    pub line: Option<usize>,
    pub severity: Severity,
    /// The front matter field concerned, if any (`slug`).
    pub field: Option<String>,
    /// What is wrong: "`slug` can't be empty".
    pub message: String,
    /// What to do about it: "give the page a slug, or remove the field to use the file name".
    pub fix: String,
}

impl Problem {
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.into(),
            line: None,
            severity: Severity::Error,
            field: None,
            message: message.into(),
            fix: String::new(),
        }
    }

    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, message)
        }
    }

    pub fn at_line(mut self, line: usize) -> Problem {
        self.line = Some(line);
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Problem {
        self.field = Some(field.into());
        self
    }

    pub fn fix(mut self, fix: impl Into<String>) -> Problem {
        self.fix = fix.into();
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `content/en/network.md:3: error: `slug` can't be empty (fix: …)`
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, ": {severity}: {}", self.message)?;
        if !self.fix.is_empty() {
            write!(f, " (fix: {})", self.fix)?;
        }
        Ok(())
    }
}
