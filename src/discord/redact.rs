//! Keeping secrets out of the logs: a writer for `tracing_subscriber` that redacts every line
//! before it reaches the real writer.
//!
//! Why: serenity logs at debug and trace level the URLs it calls and the events it receives;
//! an interaction's token (a secret that lets anyone answer as the bot for 15 minutes) is part
//! of `/webhooks/{application id}/{token}/…` and `/interactions/{id}/{token}/callback`, and a
//! field `token` of the interaction payload. The bot token itself is held by serenity in a
//! `secrecy::Secret` and never formatted, but it is redacted here too should it appear.
//!
//! Invariants: whatever the log level, a line written through [`Redacting`] holds no
//! interaction token (the path segment after the id, the value of a `token` field) and none of
//! the literal secrets given; everything else passes through unchanged. Hand-written instead of
//! a regex: three fixed patterns, one pass over each line.

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::Arc;

/// What a secret is replaced with.
pub const REDACTED: &str = "[redacted]";

/// `text` with interaction tokens and the given literal secrets replaced by [`REDACTED`].
pub fn redact<'a>(text: &'a str, secrets: &[String]) -> Cow<'a, str> {
    let needs = ["/webhooks/", "/interactions/", "token"]
        .iter()
        .any(|m| text.contains(m))
        || secrets
            .iter()
            .any(|s| !s.is_empty() && text.contains(s.as_str()));
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for secret in secrets.iter().filter(|s| s.len() >= 8) {
        out = out.replace(secret.as_str(), REDACTED);
    }
    for marker in ["/webhooks/", "/interactions/"] {
        out = redact_path_tokens(&out, marker);
    }
    Cow::Owned(redact_token_fields(&out))
}

/// Ends a token: a path, query or quote boundary, or white space.
fn ends_token(c: char) -> bool {
    matches!(
        c,
        '/' | '?' | '#' | '&' | ';' | '"' | '\'' | ')' | '>' | ',' | ']' | '}' | '\\'
    ) || c.is_whitespace()
}

/// `…/webhooks/123/SECRET/messages` → `…/webhooks/123/[redacted]/messages`.
fn redact_path_tokens(text: &str, marker: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        let after = at + marker.len();
        out.push_str(&rest[..after]);
        rest = &rest[after..];
        // The id: digits (or anything up to the next boundary).
        let id_len = rest.find(ends_token).unwrap_or(rest.len());
        out.push_str(&rest[..id_len]);
        rest = &rest[id_len..];
        if let Some(tail) = rest.strip_prefix('/') {
            let token_len = tail.find(ends_token).unwrap_or(tail.len());
            if token_len > 0 {
                out.push('/');
                out.push_str(REDACTED);
                rest = &tail[token_len..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `token: "SECRET"`, `"token":"SECRET"`, `token=SECRET` → the value redacted.
fn redact_token_fields(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("token") {
        let after = at + "token".len();
        out.push_str(&rest[..after]);
        rest = &rest[after..];
        // `token"`, then `:` or `=`, spaces, an optional quote.
        let sep = rest
            .char_indices()
            .take_while(|(_, c)| matches!(c, '"' | '\'' | ':' | '=' | ' ' | '\\'))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        let separator = &rest[..sep];
        if !separator.contains([':', '=']) {
            continue;
        }
        out.push_str(separator);
        rest = &rest[sep..];
        let value_len = rest.find(ends_token).unwrap_or(rest.len());
        if value_len > 0 {
            out.push_str(REDACTED);
            rest = &rest[value_len..];
        }
    }
    out.push_str(rest);
    out
}

/// A `MakeWriter` for `tracing_subscriber::fmt` whose writers redact (see the module docs).
/// The formatter writes each event in one `write_all`; a write that splits a line is redacted
/// piece by piece, which can only cut a token short, never let one through whole… so lines are
/// buffered until their newline.
#[derive(Clone)]
pub struct Redacting<M> {
    inner: M,
    secrets: Arc<Vec<String>>,
}

impl<M> Redacting<M> {
    /// Wraps `inner`; `secrets` (the bot token) are redacted wherever they appear.
    pub fn new(inner: M, secrets: Vec<String>) -> Redacting<M> {
        Redacting {
            inner,
            secrets: Arc::new(secrets),
        }
    }
}

impl<'a, M: tracing_subscriber::fmt::MakeWriter<'a>> tracing_subscriber::fmt::MakeWriter<'a>
    for Redacting<M>
{
    type Writer = RedactingWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter {
            inner: self.inner.make_writer(),
            secrets: Arc::clone(&self.secrets),
            pending: Vec::new(),
        }
    }
}

/// One event's writer: collects the bytes, redacts whole lines, writes them on.
pub struct RedactingWriter<W: Write> {
    inner: W,
    secrets: Arc<Vec<String>>,
    pending: Vec<u8>,
}

impl<W: Write> RedactingWriter<W> {
    fn flush_lines(&mut self, all: bool) -> io::Result<()> {
        let end = if all {
            self.pending.len()
        } else {
            match self.pending.iter().rposition(|&b| b == b'\n') {
                Some(i) => i + 1,
                None => return Ok(()),
            }
        };
        if end == 0 {
            return Ok(());
        }
        let lines: Vec<u8> = self.pending.drain(..end).collect();
        let text = String::from_utf8_lossy(&lines);
        self.inner
            .write_all(redact(&text, &self.secrets).as_bytes())
    }
}

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.flush_lines(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flush_lines(true)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for RedactingWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush_lines(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    const TOKEN: &str = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OnNlY3JldA";

    #[test]
    fn interaction_urls_lose_their_token() {
        let line = format!(
            "POST https://discord.com/api/v10/interactions/1234/{TOKEN}/callback then PATCH /api/v10/webhooks/987/{TOKEN}/messages/@original?wait=true"
        );
        let got = redact(&line, &[]);
        assert!(!got.contains(TOKEN), "{got}");
        assert_eq!(
            got,
            "POST https://discord.com/api/v10/interactions/1234/[redacted]/callback then PATCH /api/v10/webhooks/987/[redacted]/messages/@original?wait=true"
        );
    }

    #[test]
    fn token_fields_of_a_payload_are_redacted() {
        for line in [
            format!("Interaction {{ id: 1, token: \"{TOKEN}\", version: 1 }}"),
            format!("{{\"id\":\"1\",\"token\":\"{TOKEN}\",\"type\":2}}"),
            format!("url=x?token={TOKEN}&a=b"),
        ] {
            let got = redact(&line, &[]);
            assert!(!got.contains(TOKEN), "{got}");
            assert!(got.contains(REDACTED), "{got}");
        }
    }

    #[test]
    fn lines_without_secrets_pass_unchanged() {
        let line = "the tokenizer for `de` is ready; 12 tokens; GET /api/v10/users/@me";
        assert_eq!(redact(line, &[]), line);
    }

    #[test]
    fn a_literal_secret_is_redacted_anywhere() {
        let secret = "MTA1.bot.token.value".to_string();
        let got = redact("Authorization: Bot MTA1.bot.token.value", &[secret]);
        assert_eq!(got, "Authorization: Bot [redacted]");
    }

    /// A shared buffer standing in for stderr.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_captured_trace_log_holds_no_interaction_token() {
        let captured = Captured::default();
        let sink = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(Redacting::new(
                move || sink.clone(),
                vec!["bot-token-secret-value".into()],
            ))
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            tracing::trace!(
                url = %format!("https://discord.com/api/v10/interactions/1/{TOKEN}/callback"),
                "request"
            );
            tracing::debug!("Interaction {{ token: \"{TOKEN}\" }}");
            tracing::info!("posting to /webhooks/42/{TOKEN}/messages/@original");
            tracing::warn!("header Bot bot-token-secret-value");
            tracing::error!("an ordinary line");
        });
        let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
        assert!(!log.contains(TOKEN), "{log}");
        assert!(!log.contains("bot-token-secret-value"), "{log}");
        assert_eq!(log.matches(REDACTED).count(), 4, "{log}");
        assert!(log.contains("an ordinary line"), "{log}");
        assert_eq!(log.lines().count(), 5, "{log}");
    }
}
