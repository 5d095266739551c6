//! Feedback: every answered question and every "Helpful" / "Not what I asked" vote, recorded
//! in SQLite, and the coverage-gap report drawn from them (what people ask, what the content
//! doesn't answer, what they said was not what they asked).
//!
//! Two parts:
//! - [`Store`]: the database itself (rusqlite, SQLite bundled), synchronous; every method that
//!   depends on time takes `now` (seconds since the Unix epoch). `scs-bot report` reads it.
//! - [`Recorder`]: what the answering path holds. [`Recorder::question`] and
//!   [`Recorder::vote`] put an event on a bounded channel to one writer thread and return at
//!   once; when the channel is full the event is dropped (and counted). Answers never wait
//!   for, nor fail on, feedback. The writer thread is the only part that reads the clock: it
//!   stamps each row as it writes it (like the content watcher, it is the timed edge).
//!
//! Invariants:
//! - no user id is stored: votes carry `sha256(salt ‖ user id)`, the salt 32 random bytes
//!   generated in the database on first use (so the same user's second press replaces their
//!   vote, and the hash can't be matched against ids without the database's salt);
//! - one vote per user per answer: a second press replaces the first;
//! - rows older than `keep_days` are deleted (when the writer opens the database, then hourly);
//! - a database that can't be opened or written (not SQLite, read-only, locked) is logged
//!   once — not per question — and again once it works; the bot keeps answering either way.

use crate::answer::question::normalize;
use crate::answer::Answer;
use crate::config::FeedbackConfig;
use anyhow::Context;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Events waiting for the writer; more are dropped.
pub const QUEUE: usize = 1024;
/// How long the writer waits for a lock held by another process before giving up on a row.
const BUSY_TIMEOUT: Duration = Duration::from_secs(2);
/// Seconds between two purges of old rows.
const PURGE_EVERY: i64 = 3600;

/// An answer's id, carried by its feedback buttons (`fb:up:<hex>`).
pub type AnswerId = u64;

/// How a question reached the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// `/ask` (or its localized name).
    Ask,
    /// A message mentioning the bot.
    Mention,
    /// A command answered from a fixed section (`/partners`, `/join`, …).
    Command,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Ask => "ask",
            Via::Mention => "mention",
            Via::Command => "command",
        }
    }
}

/// A vote on an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vote {
    /// "Helpful".
    Up,
    /// "Not what I asked".
    Down,
}

impl Vote {
    pub fn as_str(self) -> &'static str {
        match self {
            Vote::Up => "up",
            Vote::Down => "down",
        }
    }

    fn value(self) -> i64 {
        match self {
            Vote::Up => 1,
            Vote::Down => -1,
        }
    }
}

/// A question as recorded: no user, only what was asked and how it was answered.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub answer_id: AnswerId,
    pub question: String,
    pub language: String,
    /// What answered: a command's name, `search`, …
    pub command: String,
    /// `answered`, `not_found` or `refused`.
    pub outcome: String,
    pub confidence: f32,
    pub via: Via,
}

impl Recorded {
    pub fn of(answer_id: AnswerId, answer: &Answer, via: Via) -> Recorded {
        Recorded {
            answer_id,
            question: answer.query.clone(),
            language: answer.language.clone(),
            command: answer.command.as_str().to_string(),
            outcome: answer.outcome.as_str().to_string(),
            confidence: answer.confidence,
            via,
        }
    }
}

enum Event {
    Recorded(Recorded),
    Voted {
        answer_id: AnswerId,
        user: u64,
        vote: Vote,
    },
}

/// The database.
pub struct Store {
    conn: Connection,
    salt: Vec<u8>,
}

/// One line of the report: a question (its normalized form), its language, how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub question: String,
    pub language: String,
    pub count: u64,
}

/// The coverage-gap report (`scs-bot report --json` prints it as is).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The questions asked most (`/ask` and mentions).
    pub top: Vec<Count>,
    /// Questions answered "not found".
    pub not_found: Vec<Count>,
    /// Questions whose answer was voted "Not what I asked" (counting votes).
    pub voted_down: Vec<Count>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS questions (
    answer_id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    question TEXT NOT NULL,
    normalized TEXT NOT NULL,
    language TEXT NOT NULL,
    command TEXT NOT NULL,
    outcome TEXT NOT NULL,
    confidence REAL NOT NULL,
    via TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
CREATE TABLE IF NOT EXISTS votes (
    answer_id INTEGER NOT NULL,
    user_hash TEXT NOT NULL,
    vote INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (answer_id, user_hash)
);
CREATE INDEX IF NOT EXISTS votes_at ON votes (at);
";

impl Store {
    /// Opens (creating if needed) the database for writing; errors name the file.
    pub fn open(path: &Path) -> anyhow::Result<Store> {
        let conn = Connection::open(path)
            .with_context(|| format!("can't open the feedback database {}", path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Write-ahead log, synced at checkpoints rather than at every commit: a power cut
        // may lose the last moments of feedback, never the database; the writer no longer
        // waits for the disk at each batch.
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
            .with_context(|| {
                format!(
                    "{} is not a usable feedback database (not SQLite, or not writable)",
                    path.display()
                )
            })?;
        conn.execute_batch(SCHEMA).with_context(|| {
            format!(
                "{} is not a usable feedback database (not SQLite, or not writable)",
                path.display()
            )
        })?;
        let salt = Store::salt(&conn)
            .with_context(|| format!("can't set up the feedback database {}", path.display()))?;
        Ok(Store { conn, salt })
    }

    /// Opens an existing database for reading only (the report).
    pub fn open_read_only(path: &Path) -> anyhow::Result<Store> {
        if !path.is_file() {
            anyhow::bail!(
                "the feedback database {} does not exist: the bot creates it when it answers (see `[feedback] database` in the config)",
                path.display()
            );
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .with_context(|| format!("can't open the feedback database {}", path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.query_row("SELECT count(*) FROM questions", [], |_| Ok(()))
            .with_context(|| format!("{} is not a feedback database", path.display()))?;
        Ok(Store {
            conn,
            salt: Vec::new(),
        })
    }

    /// The database's salt, made on first use.
    fn salt(conn: &Connection) -> anyhow::Result<Vec<u8>> {
        let mut fresh = [0u8; 32];
        getrandom::getrandom(&mut fresh).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?1)",
            params![fresh.as_slice()],
        )?;
        Ok(
            conn.query_row("SELECT value FROM meta WHERE key = 'salt'", [], |r| {
                r.get(0)
            })?,
        )
    }

    /// The salted hash that stands for a user.
    fn user_hash(&self, user: u64) -> String {
        let mut hasher = Sha256::new();
        hasher.update(&self.salt);
        hasher.update(user.to_le_bytes());
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    pub fn record_question(&self, asked: &Recorded, now: i64) -> anyhow::Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO questions
             (answer_id, at, question, normalized, language, command, outcome, confidence, via)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                asked.answer_id as i64,
                now,
                asked.question,
                normalize(&asked.question),
                asked.language,
                asked.command,
                asked.outcome,
                f64::from(asked.confidence),
                asked.via.as_str(),
            ])?;
        Ok(())
    }

    /// Records `user`'s vote on an answer, replacing their earlier one.
    pub fn record_vote(
        &self,
        answer_id: AnswerId,
        user: u64,
        vote: Vote,
        now: i64,
    ) -> anyhow::Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO votes (answer_id, user_hash, vote, at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = excluded.vote, at = excluded.at",
            )?
            .execute(params![answer_id as i64, self.user_hash(user), vote.value(), now])?;
        Ok(())
    }

    /// Writes `events` in one transaction: all or none of them.
    fn write_all(&self, events: &[Event], now: i64) -> anyhow::Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        for event in events {
            match event {
                Event::Recorded(asked) => self.record_question(asked, now)?,
                Event::Voted {
                    answer_id,
                    user,
                    vote,
                } => self.record_vote(*answer_id, *user, *vote, now)?,
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Writes `events` in one transaction; should that fail, each on its own, so one event
    /// the database refuses doesn't lose the others. The first error is returned.
    fn write_batch(&self, events: &[Event], now: i64) -> anyhow::Result<()> {
        if events.len() == 1 || self.write_all(events, now).is_err() {
            let mut first_error = None;
            for event in events {
                if let Err(err) = self.write_all(std::slice::from_ref(event), now) {
                    first_error.get_or_insert(err);
                }
            }
            return first_error.map_or(Ok(()), Err);
        }
        Ok(())
    }

    /// Deletes questions and votes recorded before `now - keep_days`.
    pub fn purge(&self, keep_days: u32, now: i64) -> anyhow::Result<usize> {
        let before = now - i64::from(keep_days) * 86_400;
        let questions = self
            .conn
            .execute("DELETE FROM questions WHERE at < ?1", params![before])?;
        let votes = self
            .conn
            .execute("DELETE FROM votes WHERE at < ?1", params![before])?;
        Ok(questions + votes)
    }

    /// The votes on one answer: (helpful, not what I asked).
    pub fn votes(&self, answer_id: AnswerId) -> anyhow::Result<(u64, u64)> {
        Ok(self.conn.query_row(
            "SELECT coalesce(sum(vote = 1), 0), coalesce(sum(vote = -1), 0) FROM votes WHERE answer_id = ?1",
            params![answer_id as i64],
            |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64)),
        )?)
    }

    /// The report over rows recorded at or after `since` (seconds since the epoch; 0 for all),
    /// at most `limit` lines per list, most frequent first.
    pub fn report(&self, since: i64, limit: usize) -> anyhow::Result<Report> {
        let limit = limit as i64;
        let list = |sql: &str| -> anyhow::Result<Vec<Count>> {
            let mut statement = self.conn.prepare(sql)?;
            let rows = statement.query_map(params![since, limit], |r| {
                Ok(Count {
                    question: r.get(0)?,
                    language: r.get(1)?,
                    count: r.get::<_, i64>(2)? as u64,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        Ok(Report {
            top: list(
                "SELECT normalized, language, count(*) AS n FROM questions
                 WHERE at >= ?1 AND via != 'command' AND outcome != 'refused' AND normalized != ''
                 GROUP BY normalized, language ORDER BY n DESC, normalized LIMIT ?2",
            )?,
            not_found: list(
                "SELECT normalized, language, count(*) AS n FROM questions
                 WHERE at >= ?1 AND outcome = 'not_found' AND normalized != ''
                 GROUP BY normalized, language ORDER BY n DESC, normalized LIMIT ?2",
            )?,
            voted_down: list(
                "SELECT q.normalized, q.language, count(*) AS n FROM votes v
                 JOIN questions q ON q.answer_id = v.answer_id
                 WHERE v.at >= ?1 AND v.vote = -1
                 GROUP BY q.normalized, q.language ORDER BY n DESC, q.normalized LIMIT ?2",
            )?,
        })
    }

    /// Whether the database has a question with this answer id.
    pub fn has_question(&self, answer_id: AnswerId) -> anyhow::Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM questions WHERE answer_id = ?1",
                params![answer_id as i64],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }
}

/// The answering path's handle: hands events to the writer thread, never waits.
pub struct Recorder {
    sender: Mutex<Option<SyncSender<Event>>>,
    writer: Mutex<Option<JoinHandle<()>>>,
    next_id: AtomicU64,
    dropped: Arc<AtomicU64>,
}

impl Recorder {
    /// Starts the writer for `[feedback]`; an empty `database` records nothing.
    pub fn start(config: &FeedbackConfig) -> Recorder {
        let mut seed = [0u8; 8];
        // Ids only need to differ between runs; without randomness they start at 1.
        let _ = getrandom::getrandom(&mut seed);
        let next_id = AtomicU64::new((u64::from_le_bytes(seed) >> 12).max(1));
        let dropped = Arc::new(AtomicU64::new(0));
        if config.database.as_os_str().is_empty() {
            return Recorder {
                sender: Mutex::new(None),
                writer: Mutex::new(None),
                next_id,
                dropped,
            };
        }
        let (sender, receiver) = mpsc::sync_channel(QUEUE);
        let path = config.database.clone();
        let keep_days = config.keep_days;
        let writer = std::thread::Builder::new()
            .name("feedback-writer".into())
            .spawn(move || write_loop(&path, keep_days, receiver))
            .map_err(|e| tracing::error!(error = %e, "can't start the feedback writer; feedback is not recorded"))
            .ok();
        Recorder {
            sender: Mutex::new(writer.is_some().then_some(sender)),
            writer: Mutex::new(writer),
            next_id,
            dropped,
        }
    }

    /// A recorder that records nothing (tests, transports without feedback).
    pub fn off() -> Recorder {
        Recorder::start(&FeedbackConfig {
            database: PathBuf::new(),
            keep_days: 0,
        })
    }

    /// Records an answered question; returns the id its feedback buttons carry.
    pub fn question(&self, answer: &Answer, via: Via) -> AnswerId {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.send(Event::Recorded(Recorded::of(id, answer, via)));
        id
    }

    /// Records a vote (a second vote by the same user on the same answer replaces the first).
    pub fn vote(&self, answer_id: AnswerId, user: u64, vote: Vote) {
        self.send(Event::Voted {
            answer_id,
            user,
            vote,
        });
    }

    /// Events dropped because the writer was behind.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }

    /// Stops taking events, lets the writer write what is queued, and waits for it.
    pub fn close(&self) {
        self.sender.lock().unwrap_or_else(|e| e.into_inner()).take();
        let writer = self.writer.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(writer) = writer {
            let _ = writer.join();
        }
    }

    fn send(&self, event: Event) {
        let sender = self.sender.lock().unwrap_or_else(|e| e.into_inner());
        let Some(sender) = sender.as_ref() else {
            return;
        };
        match sender.try_send(event) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                if self.dropped.fetch_add(1, Ordering::Relaxed) == 0 {
                    tracing::warn!("the feedback writer is behind; dropping feedback events (answers are not affected)");
                }
            }
            Err(TrySendError::Disconnected(_)) => {}
        }
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        self.close();
    }
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The writer thread: opens the database (retrying on later events while it can't), writes
/// each event, purges old rows hourly. Failures are logged once until writing works again.
fn write_loop(path: &Path, keep_days: u32, events: Receiver<Event>) {
    let mut store: Option<Store> = None;
    let mut failing = false;
    let mut purged_at: Option<i64> = None;
    let mut tell = |result: anyhow::Result<()>| match result {
        Ok(()) if failing => {
            failing = false;
            tracing::info!(database = %path.display(), "recording feedback again");
        }
        Ok(()) => {}
        Err(err) if !failing => {
            failing = true;
            tracing::error!(database = %path.display(), error = %format!("{err:#}"), "can't record feedback; the bot keeps answering (logged once until it works again)");
        }
        Err(_) => {}
    };
    let mut first = true;
    loop {
        // Open at start (to report a broken database at once), then before each event while
        // it can't be opened.
        let event = if first { None } else { events.recv().ok() };
        if !first && event.is_none() {
            return;
        }
        first = false;
        if store.is_none() {
            match Store::open(path) {
                Ok(opened) => store = Some(opened),
                Err(err) => {
                    tell(Err(err));
                    continue;
                }
            }
        }
        let (Some(db), Some(event)) = (&store, event) else {
            continue;
        };
        let now = unix_now();
        if purged_at.is_none_or(|at| now.saturating_sub(at) >= PURGE_EVERY) {
            purged_at = Some(now);
            if let Err(err) = db.purge(keep_days, now) {
                tracing::warn!(error = %format!("{err:#}"), "can't delete old feedback");
            }
        }
        // What queues up meanwhile goes into the same transaction: one commit for a burst of
        // answers instead of one per answer. A batch not yet full waits a moment to fill: under
        // load this thread then wakes once per batch, not once per answer (a sender wakes only
        // a waiting receiver, not a sleeping one).
        let mut batch = vec![event];
        let drain = |batch: &mut Vec<Event>| {
            while batch.len() < MAX_BATCH {
                match events.try_recv() {
                    Ok(more) => batch.push(more),
                    Err(_) => break,
                }
            }
        };
        drain(&mut batch);
        if batch.len() < MAX_BATCH {
            std::thread::sleep(LINGER);
            drain(&mut batch);
        }
        tell(db.write_batch(&batch, now));
    }
}

/// Most events written in one transaction.
const MAX_BATCH: usize = 256;

/// How long the writer lets events queue up after the first of a batch: rows reach the
/// database at most this much later; at 10,000 answers a second a batch is ~200 events, well
/// within [`QUEUE`].
const LINGER: Duration = Duration::from_millis(20);

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(id: AnswerId, question: &str, outcome: &str, via: Via) -> Recorded {
        Recorded {
            answer_id: id,
            question: question.into(),
            language: "en".into(),
            command: "search".into(),
            outcome: outcome.into(),
            confidence: 0.5,
            via,
        }
    }

    #[test]
    fn a_second_vote_by_the_same_user_replaces_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("f.sqlite")).unwrap();
        store
            .record_question(&asked(1, "How do I join?", "answered", Via::Ask), 100)
            .unwrap();
        store.record_vote(1, 7, Vote::Up, 101).unwrap();
        store.record_vote(1, 7, Vote::Down, 102).unwrap();
        store.record_vote(1, 8, Vote::Down, 103).unwrap();
        assert_eq!(store.votes(1).unwrap(), (0, 2));
    }

    #[test]
    fn questions_are_grouped_by_their_normalized_form_per_language() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("f.sqlite")).unwrap();
        store
            .record_question(&asked(1, "How do I join?", "answered", Via::Ask), 100)
            .unwrap();
        store
            .record_question(&asked(2, "how do i  JOIN", "answered", Via::Mention), 100)
            .unwrap();
        store
            .record_question(&asked(3, "/partners", "answered", Via::Command), 100)
            .unwrap();
        store
            .record_question(&asked(4, "Kubernetes pricing?", "not_found", Via::Ask), 100)
            .unwrap();
        let report = store.report(0, 10).unwrap();
        let count = |q: &str, n| Count {
            question: q.into(),
            language: "en".into(),
            count: n,
        };
        assert_eq!(
            report.top,
            [count("how do i join", 2), count("kubernetes pricing", 1)]
        );
        assert_eq!(report.not_found, [count("kubernetes pricing", 1)]);
        assert!(report.voted_down.is_empty());
    }

    #[test]
    fn a_batch_is_written_whole_and_a_refused_event_loses_none_of_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("f.sqlite")).unwrap();
        let mut batch: Vec<Event> = (1..=50)
            .map(|id| Event::Recorded(asked(id, "How do I join?", "answered", Via::Ask)))
            .collect();
        batch.push(Event::Voted {
            answer_id: 7,
            user: 1,
            vote: Vote::Up,
        });
        store.write_batch(&batch, 100).unwrap();
        assert!((1..=50).all(|id| store.has_question(id).unwrap()));
        assert_eq!(store.votes(7).unwrap(), (1, 0));
        // A table the database refuses to write to fails one event; the rest still land.
        store
            .conn
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE INSERT ON votes BEGIN SELECT RAISE(ABORT, 'no'); END",
            )
            .unwrap();
        let batch = [
            Event::Recorded(asked(51, "first", "answered", Via::Ask)),
            Event::Voted {
                answer_id: 51,
                user: 1,
                vote: Vote::Down,
            },
            Event::Recorded(asked(52, "second", "answered", Via::Ask)),
        ];
        assert!(store.write_batch(&batch, 101).is_err());
        assert!(store.has_question(51).unwrap());
        assert!(store.has_question(52).unwrap());
    }

    #[test]
    fn rows_older_than_keep_days_are_purged() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("f.sqlite")).unwrap();
        let day = 86_400;
        store
            .record_question(&asked(1, "old", "answered", Via::Ask), 0)
            .unwrap();
        store
            .record_question(&asked(2, "new", "answered", Via::Ask), 80 * day)
            .unwrap();
        store.record_vote(1, 7, Vote::Down, 0).unwrap();
        assert_eq!(store.purge(90, 95 * day).unwrap(), 2);
        assert!(!store.has_question(1).unwrap());
        assert!(store.has_question(2).unwrap());
    }

    #[test]
    fn no_user_id_is_stored_in_clear_and_the_salt_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.sqlite");
        let user = 123_456_789_012_345_678u64;
        let hash = {
            let store = Store::open(&path).unwrap();
            store.record_vote(1, user, Vote::Up, 1).unwrap();
            store.user_hash(user)
        };
        let again = Store::open(&path).unwrap();
        assert_eq!(
            again.user_hash(user),
            hash,
            "the salt is kept in the database"
        );
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(&user.to_string()));
        assert!(!bytes
            .windows(8)
            .any(|w| w == user.to_le_bytes() || w == user.to_be_bytes()));
    }
}
