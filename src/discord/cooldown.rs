//! A per-user cooldown for `/ask` and mentions.
//!
//! The clock is passed in: [`Cooldown::admit`] takes the current [`Instant`] and never reads the
//! clock itself, so its behaviour is a pure function of its calls (and tested without waiting).
//! Only admitted requests start a new wait; a refused one does not extend it. Memory stays
//! bounded: entries older than the period are dropped once the map grows.
//!
//! No crate: rate limiters such as `governor` answer "go or wait" over token buckets; the
//! dispatcher also needs to know whether a refusal is the first of its period, and that is
//! this map of some 60 lines over a clock passed in.

use std::collections::HashMap;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct Cooldown {
    period: Duration,
    last: HashMap<u64, Entry>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    at: Instant,
    /// Whether the user has been told to wait during this period already.
    warned: bool,
}

/// Whether a request may go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admit {
    Go,
    /// Too soon: `remaining` until the user may ask again; `first` is true for the first
    /// refusal in this period (mentions answer only that one, and stay quiet after).
    Wait {
        remaining: Duration,
        first: bool,
    },
}

impl Cooldown {
    pub fn new(period: Duration) -> Cooldown {
        Cooldown {
            period,
            last: HashMap::new(),
        }
    }

    /// Admits `user` at `now`, or says how long to wait.
    pub fn admit(&mut self, user: u64, now: Instant) -> Admit {
        if self.period.is_zero() {
            return Admit::Go;
        }
        if self.last.len() > 10_000 {
            let period = self.period;
            self.last
                .retain(|_, e| now.saturating_duration_since(e.at) < period);
        }
        match self.last.get_mut(&user) {
            Some(entry) if now.saturating_duration_since(entry.at) < self.period => {
                let first = !entry.warned;
                entry.warned = true;
                Admit::Wait {
                    remaining: self.period - now.saturating_duration_since(entry.at),
                    first,
                }
            }
            _ => {
                self.last.insert(
                    user,
                    Entry {
                        at: now,
                        warned: false,
                    },
                );
                Admit::Go
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(period: u64, calls: &[(u64, u64)], expect: &[Admit]) {
        let start = Instant::now();
        let mut cooldown = Cooldown::new(Duration::from_secs(period));
        let got: Vec<Admit> = calls
            .iter()
            .map(|(user, at)| cooldown.admit(*user, start + Duration::from_secs(*at)))
            .collect();
        assert_eq!(got, expect);
    }

    fn wait(secs: u64, first: bool) -> Admit {
        Admit::Wait {
            remaining: Duration::from_secs(secs),
            first,
        }
    }

    #[test]
    fn a_second_question_within_the_period_waits() {
        check(
            10,
            &[(1, 0), (1, 3), (1, 4), (1, 10)],
            &[Admit::Go, wait(7, true), wait(6, false), Admit::Go],
        );
    }

    #[test]
    fn users_wait_independently() {
        check(
            10,
            &[(1, 0), (2, 1), (1, 2)],
            &[Admit::Go, Admit::Go, wait(8, true)],
        );
    }

    #[test]
    fn a_zero_period_never_waits() {
        check(0, &[(1, 0), (1, 0)], &[Admit::Go, Admit::Go]);
    }
}
