//! A fair per-user rate limit for questions (`/ask` and mentions): a burst of a few questions,
//! then one more every `every` — the generic cell rate algorithm (GCRA), the semantics of a
//! token bucket holding `burst` tokens that refills one token per `every`.
//!
//! Each user has one instant, the *theoretical arrival time* (TAT): when their bucket would be
//! full again. A question at `now` is let through when `TAT - now <= every * (burst - 1)` and
//! then moves the TAT on by `every`; otherwise the user may ask again at
//! `TAT - every * (burst - 1)`. A refusal does not move the TAT (waiting is never prolonged by
//! asking), and only the first refusal of a wait is marked `first`, so a chat transport can
//! say it once and stay quiet after.
//!
//! Invariants: the clock is a parameter ([`Limiter::admit`] takes `now` and never reads the
//! clock), so behaviour is a pure function of the calls and is tested without waiting; memory
//! stays bounded: a user whose bucket is full again (TAT ≤ now) is the same as a user never
//! seen, and such entries are forgotten once the map grows past [`FORGET_ABOVE`].
//!
//! Hand-written rather than `governor`: governor's keyed limiter reads its own clock (a fake
//! clock is possible but threads a clock type through every signature), it can't tell the
//! first refusal of a wait from later ones, and GCRA itself is these forty lines.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Past this many remembered users, users whose bucket is full are forgotten.
pub const FORGET_ABOVE: usize = 10_000;

/// Whether a question may go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admit {
    Go,
    /// Not now: the user may ask again after `remaining`; `first` is true for the first refusal
    /// of this wait (mentions answer only that one, and stay quiet after).
    Wait {
        remaining: Duration,
        first: bool,
    },
}

/// Per-user GCRA; `every` zero turns the limit off.
#[derive(Debug)]
pub struct Limiter {
    every: Duration,
    /// `every * (burst - 1)`: how far ahead of `now` a user's TAT may be and still pass.
    tolerance: Duration,
    users: HashMap<u64, Entry>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    tat: Instant,
    /// Told to wait during the current wait already.
    warned: bool,
}

impl Limiter {
    /// `burst` questions in a row (at least 1), then one per `every`.
    pub fn new(burst: u32, every: Duration) -> Limiter {
        Limiter {
            every,
            tolerance: every * burst.max(1).saturating_sub(1),
            users: HashMap::new(),
        }
    }

    /// Admits a question from `user` at `now`, or says how long to wait.
    pub fn admit(&mut self, user: u64, now: Instant) -> Admit {
        if self.every.is_zero() {
            return Admit::Go;
        }
        if self.users.len() > FORGET_ABOVE {
            self.users.retain(|_, e| e.tat > now);
        }
        let entry = self.users.entry(user).or_insert(Entry {
            tat: now,
            warned: false,
        });
        let tat = entry.tat.max(now);
        let ahead = tat - now;
        if ahead > self.tolerance {
            let first = !entry.warned;
            entry.warned = true;
            return Admit::Wait {
                remaining: ahead - self.tolerance,
                first,
            };
        }
        *entry = Entry {
            tat: tat + self.every,
            warned: false,
        };
        Admit::Go
    }

    /// How many users are remembered (for tests of the memory bound).
    pub fn remembered(&self) -> usize {
        self.users.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(user, second)` calls against a limiter of `burst` per `every` seconds.
    fn run(burst: u32, every: u64, calls: &[(u64, u64)]) -> Vec<Admit> {
        let start = Instant::now();
        let mut limiter = Limiter::new(burst, Duration::from_secs(every));
        calls
            .iter()
            .map(|(user, at)| limiter.admit(*user, start + Duration::from_secs(*at)))
            .collect()
    }

    fn wait(secs: u64, first: bool) -> Admit {
        Admit::Wait {
            remaining: Duration::from_secs(secs),
            first,
        }
    }

    #[test]
    fn three_questions_in_a_row_are_answered() {
        let got = run(3, 20, &[(1, 0), (1, 1), (1, 2)]);
        assert_eq!(got, [Admit::Go, Admit::Go, Admit::Go]);
    }

    #[test]
    fn a_flood_is_limited_and_only_the_first_refusal_is_marked_first() {
        let got = run(3, 20, &[(1, 0), (1, 0), (1, 0), (1, 0), (1, 5), (1, 6)]);
        assert_eq!(
            got,
            [
                Admit::Go,
                Admit::Go,
                Admit::Go,
                wait(20, true),
                wait(15, false),
                wait(14, false)
            ]
        );
    }

    #[test]
    fn one_more_question_is_let_through_every_period_after_a_burst() {
        // Burst at 0; one token back at 20, refused at 21, the next at 40.
        let got = run(3, 20, &[(1, 0), (1, 0), (1, 0), (1, 20), (1, 21), (1, 40)]);
        assert_eq!(
            got,
            [
                Admit::Go,
                Admit::Go,
                Admit::Go,
                Admit::Go,
                wait(19, true),
                Admit::Go
            ]
        );
    }

    #[test]
    fn the_whole_burst_is_back_after_burst_periods() {
        let got = run(
            3,
            20,
            &[(1, 0), (1, 0), (1, 0), (1, 60), (1, 60), (1, 60), (1, 60)],
        );
        assert_eq!(&got[3..6], [Admit::Go, Admit::Go, Admit::Go]);
        assert_eq!(got[6], wait(20, true));
    }

    #[test]
    fn a_refusal_does_not_prolong_the_wait() {
        let got = run(1, 10, &[(1, 0), (1, 1), (1, 2), (1, 3), (1, 10)]);
        assert_eq!(got[4], Admit::Go);
    }

    #[test]
    fn users_are_limited_independently() {
        let got = run(1, 10, &[(1, 0), (2, 0), (1, 1), (2, 1)]);
        assert_eq!(got, [Admit::Go, Admit::Go, wait(9, true), wait(9, true)]);
    }

    #[test]
    fn a_zero_period_never_limits() {
        let got = run(1, 0, &[(1, 0), (1, 0), (1, 0)]);
        assert_eq!(got, [Admit::Go, Admit::Go, Admit::Go]);
    }

    #[test]
    fn users_whose_bucket_is_full_again_are_forgotten_when_the_map_grows() {
        let start = Instant::now();
        let mut limiter = Limiter::new(3, Duration::from_secs(10));
        for user in 0..=FORGET_ABOVE as u64 {
            limiter.admit(user, start);
        }
        assert_eq!(limiter.remembered(), FORGET_ABOVE + 1);
        // Ten seconds later every bucket is full again: all forgotten but the new user.
        limiter.admit(u64::MAX, start + Duration::from_secs(10));
        assert_eq!(limiter.remembered(), 1);
    }
}
