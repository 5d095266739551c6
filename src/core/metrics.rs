//! The bot's counters, rendered as Prometheus text for `GET /metrics`: interactions by command
//! and outcome, a latency histogram, reloads, and feedback votes by direction. Every metric
//! name starts with `scs_bot_`.
//!
//! Hand-written atomics rather than the `prometheus` or `metrics` crates: five metrics with
//! fixed shapes need about 150 lines, no global registry and no new dependency to compile;
//! the text format is small and stable (version 0.0.4).
//!
//! Invariants: recording never blocks on I/O and never fails; label values are escaped and the
//! number of distinct (command, outcome) pairs is bounded ([`MAX_SERIES`]; further pairs are
//! counted under `command="other"`), so a payload naming random commands can't grow memory.
//! Nothing here reads the clock: callers pass the latency they measured.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the latency histogram's buckets, in seconds.
pub const LATENCY_BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
];

/// At most this many (command, outcome) series; the rest count as `command="other"`.
pub const MAX_SERIES: usize = 256;

/// A feedback vote's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// A reload's result, as counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reloaded {
    Ok,
    Failed,
}

#[derive(Default)]
pub struct Metrics {
    interactions: Mutex<BTreeMap<(String, String), u64>>,
    /// One counter per bucket of [`LATENCY_BUCKETS`] (not cumulative), then the overflow.
    latency: [AtomicU64; LATENCY_BUCKETS.len() + 1],
    latency_sum_micros: AtomicU64,
    reloads_ok: AtomicU64,
    reloads_failed: AtomicU64,
    votes_up: AtomicU64,
    votes_down: AtomicU64,
}

impl Metrics {
    pub fn new() -> Metrics {
        Metrics::default()
    }

    /// One handled interaction (a command, an autocomplete, a button, a mention): its command
    /// name, its outcome (`answered`, `not_found`, `refused`, `error`, …) and how long it took.
    pub fn record_interaction(&self, command: &str, outcome: &str, latency: Duration) {
        {
            let mut series = self.interactions.lock().unwrap_or_else(|e| e.into_inner());
            let key = (command.to_string(), outcome.to_string());
            if series.len() < MAX_SERIES || series.contains_key(&key) {
                *series.entry(key).or_default() += 1;
            } else {
                *series
                    .entry(("other".to_string(), outcome.to_string()))
                    .or_default() += 1;
            }
        }
        let seconds = latency.as_secs_f64();
        let bucket = LATENCY_BUCKETS
            .iter()
            .position(|&le| seconds <= le)
            .unwrap_or(LATENCY_BUCKETS.len());
        self.latency[bucket].fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX);
        self.latency_sum_micros.fetch_add(micros, Ordering::Relaxed);
    }

    /// One content reload, by its result.
    pub fn record_reload(&self, result: Reloaded) {
        match result {
            Reloaded::Ok => &self.reloads_ok,
            Reloaded::Failed => &self.reloads_failed,
        }
        .fetch_add(1, Ordering::Relaxed);
    }

    /// One feedback vote (a press on "Helpful" or "Not what I asked").
    pub fn record_vote(&self, direction: Direction) {
        match direction {
            Direction::Up => &self.votes_up,
            Direction::Down => &self.votes_down,
        }
        .fetch_add(1, Ordering::Relaxed);
    }

    /// How many interactions were recorded with this command and outcome.
    pub fn interactions(&self, command: &str, outcome: &str) -> u64 {
        let series = self.interactions.lock().unwrap_or_else(|e| e.into_inner());
        series
            .get(&(command.to_string(), outcome.to_string()))
            .copied()
            .unwrap_or(0)
    }

    /// The Prometheus text exposition (format 0.0.4).
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str(
            "# HELP scs_bot_interactions_total Interactions handled, by command and outcome.\n",
        );
        out.push_str("# TYPE scs_bot_interactions_total counter\n");
        let series = self
            .interactions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        for ((command, outcome), count) in &series {
            let _ = writeln!(
                out,
                "scs_bot_interactions_total{{command=\"{}\",outcome=\"{}\"}} {count}",
                escape(command),
                escape(outcome)
            );
        }
        out.push_str("# HELP scs_bot_interaction_seconds Time from receiving an interaction to answering it.\n");
        out.push_str("# TYPE scs_bot_interaction_seconds histogram\n");
        let mut cumulative = 0;
        for (i, le) in LATENCY_BUCKETS.iter().enumerate() {
            cumulative += self.latency[i].load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "scs_bot_interaction_seconds_bucket{{le=\"{le}\"}} {cumulative}"
            );
        }
        cumulative += self.latency[LATENCY_BUCKETS.len()].load(Ordering::Relaxed);
        let _ = writeln!(
            out,
            "scs_bot_interaction_seconds_bucket{{le=\"+Inf\"}} {cumulative}"
        );
        let sum = self.latency_sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "scs_bot_interaction_seconds_sum {sum}");
        let _ = writeln!(out, "scs_bot_interaction_seconds_count {cumulative}");
        out.push_str("# HELP scs_bot_reloads_total Content reloads, by result.\n");
        out.push_str("# TYPE scs_bot_reloads_total counter\n");
        let _ = writeln!(
            out,
            "scs_bot_reloads_total{{result=\"ok\"}} {}",
            self.reloads_ok.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "scs_bot_reloads_total{{result=\"failed\"}} {}",
            self.reloads_failed.load(Ordering::Relaxed)
        );
        out.push_str("# HELP scs_bot_feedback_votes_total Feedback votes, by direction.\n");
        out.push_str("# TYPE scs_bot_feedback_votes_total counter\n");
        let _ = writeln!(
            out,
            "scs_bot_feedback_votes_total{{direction=\"up\"}} {}",
            self.votes_up.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "scs_bot_feedback_votes_total{{direction=\"down\"}} {}",
            self.votes_down.load(Ordering::Relaxed)
        );
        out
    }
}

/// A label value as the text format wants it: `\`, `"` and newlines escaped.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interactions_are_counted_by_command_and_outcome_with_a_cumulative_histogram() {
        let metrics = Metrics::new();
        metrics.record_interaction("join", "answered", Duration::from_micros(300));
        metrics.record_interaction("join", "answered", Duration::from_millis(3));
        metrics.record_interaction("ask", "not_found", Duration::from_secs(5));
        let text = metrics.render();
        assert!(
            text.contains("scs_bot_interactions_total{command=\"join\",outcome=\"answered\"} 2\n")
        );
        assert!(
            text.contains("scs_bot_interactions_total{command=\"ask\",outcome=\"not_found\"} 1\n")
        );
        assert!(text.contains("scs_bot_interaction_seconds_bucket{le=\"0.0005\"} 1\n"));
        assert!(text.contains("scs_bot_interaction_seconds_bucket{le=\"0.005\"} 2\n"));
        assert!(text.contains("scs_bot_interaction_seconds_bucket{le=\"2.5\"} 2\n"));
        assert!(text.contains("scs_bot_interaction_seconds_bucket{le=\"+Inf\"} 3\n"));
        assert!(text.contains("scs_bot_interaction_seconds_count 3\n"));
    }

    #[test]
    fn votes_and_reloads_are_counted_by_direction_and_result() {
        let metrics = Metrics::new();
        metrics.record_vote(Direction::Up);
        metrics.record_vote(Direction::Down);
        metrics.record_vote(Direction::Down);
        metrics.record_reload(Reloaded::Failed);
        let text = metrics.render();
        assert!(text.contains("scs_bot_feedback_votes_total{direction=\"up\"} 1\n"));
        assert!(text.contains("scs_bot_feedback_votes_total{direction=\"down\"} 2\n"));
        assert!(text.contains("scs_bot_reloads_total{result=\"ok\"} 0\n"));
        assert!(text.contains("scs_bot_reloads_total{result=\"failed\"} 1\n"));
    }

    #[test]
    fn label_values_are_escaped_and_series_are_bounded() {
        let metrics = Metrics::new();
        metrics.record_interaction("a\"b\\c\nd", "answered", Duration::ZERO);
        for i in 0..MAX_SERIES + 10 {
            metrics.record_interaction(&format!("cmd{i}"), "answered", Duration::ZERO);
        }
        let text = metrics.render();
        assert!(text.contains("command=\"a\\\"b\\\\c\\nd\""));
        let series = text
            .lines()
            .filter(|l| l.starts_with("scs_bot_interactions_total{"))
            .count();
        assert_eq!(series, MAX_SERIES + 1, "the bound, plus the `other` series");
        assert_eq!(metrics.interactions("other", "answered"), 11);
    }
}
