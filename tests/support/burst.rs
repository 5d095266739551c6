//! A burst of slash commands through the fake Discord, shared by the load test
//! (tests/discord_load.rs) and the benchmark (benches/discord_burst.rs).
//!
//! [`Plan::default`]: 50 simulated users (distinct ids, every other one German) send 20 mixed
//! commands each, 1,000 in all. With [`Pace::EachUserWaits`] a user sends its next command the
//! moment its previous one is answered (up to 50 in flight: as fast as the bot takes them);
//! with [`Pace::Flood`] every command goes onto the gateway at once. The first user is a
//! moderator (Manage Server) whose 11th command is `/reload`, sent right after the content on
//! disk changed (a partner "Newcomer GmbH" added in both languages); the moderator waits for
//! the reload report before going on, so answers after the reload are sure to exist.
//!
//! Latency is measured by the fake alone: from the instant an event frame goes onto the gateway
//! socket to the instant the fake receives its interaction callback. Nothing here asserts on
//! time. [`Burst::problems`] lists every interaction lost, answered twice, answered wrongly or
//! with the wrong content for its moment, and every REST call that belongs to none; every wait
//! is bounded ([`BURST_WAIT`]).

use super::{Call, FakeDiscord, Gateway, APP_ID, TOKEN, WAIT};
use scs_bot::core::Core;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const MANAGE_GUILD: u64 = 1 << 5;
const EPHEMERAL: u64 = 64;
/// The first simulated user's id; user `n` is `FIRST_USER + n`.
pub const FIRST_USER: u64 = 60_000;
/// The partner the content change adds.
pub const NEWCOMER: &str = "Newcomer GmbH";
/// The longest a whole burst may take before it is reported unfinished.
pub const BURST_WAIT: Duration = Duration::from_secs(60);
/// How long to keep listening after the last answer, to catch late duplicates.
const SETTLE: Duration = Duration::from_millis(100);

/// The bot on a fake Discord, on a temp copy of tests/fixtures/discord (rate limit off).
pub struct Bot {
    pub fake: FakeDiscord,
    pub content: PathBuf,
    stop: oneshot::Sender<()>,
    task: JoinHandle<anyhow::Result<()>>,
    _dir: TempDir,
}

impl Bot {
    /// Starts a fake Discord and the bot on it; returns once the bot has identified.
    pub async fn start() -> Bot {
        let (config, dir) = super::fixture_config(|config| {
            config.limits.every_seconds = 0;
            config.discord.watch_content = false;
        });
        let content = config.content.clone();
        let core = Arc::new(Core::open(config).unwrap());
        let fake = FakeDiscord::start(TOKEN).await;
        let (stop, stopped) = oneshot::channel::<()>();
        let mut task = tokio::spawn(scs_bot::discord::run_until(
            core,
            TOKEN.to_string(),
            Some(fake.base()),
            async {
                let _ = stopped.await;
            },
        ));
        tokio::select! {
            _ = fake.wait_gateway("IDENTIFY on the fake gateway", |g| matches!(g, Gateway::Identify(_))) => {}
            ended = &mut task => panic!("the bot stopped during start-up: {ended:?}"),
        }
        Bot {
            fake,
            content,
            stop,
            task,
            _dir: dir,
        }
    }

    /// Stops the bot as SIGTERM would, and checks it ends cleanly.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        let fake = self.fake.clone();
        let nudging = tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_millis(10)).await;
                fake.nudge();
            }
        });
        let ended = tokio::time::timeout(WAIT, self.task).await;
        nudging.abort();
        ended
            .expect("the bot stops within the bounded wait")
            .expect("the bot task did not panic")
            .expect("the bot ends without an error");
    }
}

/// Adds [`NEWCOMER`] to the partner list of both languages.
pub fn change_content(content: &Path) {
    for language in ["en", "de"] {
        let page = content.join(language).join("network.md");
        let text = std::fs::read_to_string(&page).unwrap();
        let alpha = "- [Alpha Cloud GmbH](https://alpha.example)\n";
        assert!(text.contains(alpha), "{} lists Alpha Cloud", page.display());
        let changed = text.replace(
            alpha,
            &format!("{alpha}- [{NEWCOMER}](https://newcomer.example)\n"),
        );
        std::fs::write(&page, changed).unwrap();
    }
}

/// How users send their commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// Each user sends its next command as soon as the previous one is answered.
    EachUserWaits,
    /// Every command goes onto the gateway at once (the moderator still waits for the reload
    /// report before its next command).
    Flood,
}

#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub users: usize,
    pub per_user: usize,
    pub pace: Pace,
    /// The moderator's (user 0's) command at this position is `/reload`; `None`: no reload.
    pub reload_at: Option<usize>,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            users: 50,
            per_user: 20,
            pace: Pace::EachUserWaits,
            reload_at: Some(10),
        }
    }
}

/// A slash command of the mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Partners,
    /// `/partners name:<typed>`, expecting the partner's full name in the answer.
    PartnerNamed(&'static str, &'static str),
    Join,
    Links,
    About,
    Goals,
    /// A configured command.
    Gaiax,
    Help,
    /// `/ask` with the n-th question of the user's language.
    Ask(usize),
    Reload,
}

const QUESTIONS_EN: [&str; 4] = [
    "what is kata containers?",
    "how do I join?",
    "who are the partners?",
    "what does the stack contribute to gaia-x?",
];
const QUESTIONS_DE: [&str; 4] = [
    "Wie kann ich mitmachen?",
    "Was ist Gaia-X?",
    "Wer sind die Partner?",
    "Was sind die Ziele des Forums?",
];

/// The mix, each command as often as it is listed.
const MIX: [Command; 16] = [
    Command::Partners,
    Command::Partners,
    Command::PartnerNamed("syseleven", "SysEleven GmbH"),
    Command::PartnerNamed("alpha", "Alpha Cloud GmbH"),
    Command::Join,
    Command::Links,
    Command::About,
    Command::Goals,
    Command::Gaiax,
    Command::Help,
    Command::Ask(0),
    Command::Ask(1),
    Command::Ask(2),
    Command::Ask(3),
    Command::Join,
    Command::Gaiax,
];

impl Command {
    pub fn name(self) -> &'static str {
        match self {
            Command::Partners | Command::PartnerNamed(..) => "partners",
            Command::Join => "join",
            Command::Links => "links",
            Command::About => "about",
            Command::Goals => "goals",
            Command::Gaiax => "gaiax",
            Command::Help => "help",
            Command::Ask(_) => "ask",
            Command::Reload => "reload",
        }
    }

    fn data(self, de: bool) -> Value {
        let string = |name: &str, value: &str| json!([{"name": name, "type": 3, "value": value}]);
        let options = match self {
            Command::PartnerNamed(typed, _) => string("name", typed),
            Command::Ask(n) => {
                let questions = if de { QUESTIONS_DE } else { QUESTIONS_EN };
                string("question", questions[n % questions.len()])
            }
            _ => json!([]),
        };
        json!({"id": "1", "name": self.name(), "type": 1, "options": options})
    }

    /// Whether a correct answer is seen by the invoker only (help is; answers are public).
    fn ephemeral(self) -> bool {
        self == Command::Help
    }

    /// The embed title a correct answer has, where it is fixed.
    fn title(self, de: bool) -> Option<&'static str> {
        let pick = |en, de_title| Some(if de { de_title } else { en });
        match self {
            Command::Partners | Command::PartnerNamed(..) => {
                pick("Our Partners in the Network", "Unsere Partner im Netzwerk")
            }
            Command::Join => pick("Get Involved", "Mitmachen"),
            Command::Links => pick("Further Links", "Weiterführende Links"),
            Command::About => pick(
                "The Network Behind the Test Cloud Stack (TCS)",
                "Das Netzwerk hinter dem Test Cloud Stack (TCS)",
            ),
            Command::Goals => pick("Goals of the Forum", "Ziele des Forums"),
            Command::Gaiax => pick(
                "Contributions to Gaia-X and GXFS",
                "Beiträge zu Gaia-X und GXFS",
            ),
            Command::Help => pick("How to ask scs-bot", "So fragst du scs-bot"),
            Command::Ask(_) | Command::Reload => None,
        }
    }
}

/// User `n`'s commands: a fixed walk through [`MIX`], different for each user.
fn commands_of(n: usize, plan: &Plan) -> Vec<Command> {
    let mut state = (n as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (0..plan.per_user)
        .map(|k| {
            if n == 0 && plan.reload_at == Some(k) {
                return Command::Reload;
            }
            if n == 0 && plan.reload_at.is_some_and(|r| r + 1 == k) {
                return Command::Partners;
            }
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            MIX[(state % MIX.len() as u64) as usize]
        })
        .collect()
}

fn locale_of(n: usize) -> &'static str {
    match n % 4 {
        1 | 3 => "de",
        0 => "en-US",
        _ => "en-GB",
    }
}

/// One interaction of the burst and what came back for it.
#[derive(Debug)]
pub struct Sent {
    pub id: u64,
    pub token: String,
    pub user: u64,
    pub locale: &'static str,
    pub command: Command,
    /// When its frame went onto the gateway socket.
    pub dispatched: Option<Instant>,
    /// `POST /interactions/{id}/{token}/callback`.
    pub callbacks: Vec<Call>,
    /// `PATCH /webhooks/{app}/{token}/messages/@original`.
    pub edits: Vec<Call>,
}

impl Sent {
    fn de(&self) -> bool {
        self.locale == "de"
    }

    /// From the frame onto the socket to the first callback at the fake.
    pub fn latency(&self) -> Option<Duration> {
        Some(
            self.callbacks
                .first()?
                .at
                .saturating_duration_since(self.dispatched?),
        )
    }
}

struct User {
    id: u64,
    locale: &'static str,
    permissions: u64,
    commands: std::vec::IntoIter<Command>,
    in_flight: usize,
    awaiting_report: bool,
}

/// The outcome of [`run`].
#[derive(Debug)]
pub struct Burst {
    pub plan: Plan,
    /// In the order they went out.
    pub sent: Vec<Sent>,
    /// The `/reload` among [`Burst::sent`].
    pub reload: Option<usize>,
    /// REST calls that answer no interaction of the burst.
    pub strays: Vec<Call>,
    /// Answered interactions when the burst gave up waiting, if it did.
    pub unfinished: Option<usize>,
    pub started: Instant,
    /// When the last expected call arrived.
    pub finished: Instant,
}

/// Runs the burst against the bot on `fake`, changing `content` just before the `/reload`.
pub async fn run(fake: &FakeDiscord, content: &Path, plan: &Plan) -> Burst {
    let mut tap = fake.tap();
    let mut users: Vec<User> = (0..plan.users)
        .map(|n| User {
            id: FIRST_USER + n as u64,
            locale: locale_of(n),
            permissions: if n == 0 { MANAGE_GUILD } else { 0 },
            commands: commands_of(n, plan).into_iter(),
            in_flight: 0,
            awaiting_report: false,
        })
        .collect();
    let total: usize = users.iter().map(|u| u.commands.len()).sum();
    let mut sent: Vec<Sent> = Vec::with_capacity(total);
    let mut when: Vec<oneshot::Receiver<Instant>> = Vec::with_capacity(total);
    let mut by_id: HashMap<u64, usize> = HashMap::with_capacity(total);
    let mut by_token: HashMap<String, usize> = HashMap::with_capacity(total);
    let mut strays = Vec::new();
    let mut reload = None;
    let (mut answered, mut reported) = (0, false);
    let started = Instant::now();
    let deadline = tokio::time::Instant::now() + BURST_WAIT;
    let mut unfinished = None;
    loop {
        // Round robin, so that a flood interleaves the users.
        loop {
            let mut any = false;
            for user in users.iter_mut() {
                let ready =
                    !user.awaiting_report && (plan.pace == Pace::Flood || user.in_flight == 0);
                if !ready {
                    continue;
                }
                let Some(command) = user.commands.next() else {
                    continue;
                };
                if command == Command::Reload {
                    change_content(content);
                    user.awaiting_report = true;
                    reload = Some(sent.len());
                }
                let de = user.locale == "de";
                let (id, token, at) = fake
                    .interaction_timed(2, command.data(de), user.locale, user.id, user.permissions)
                    .await;
                by_id.insert(id, sent.len());
                by_token.insert(token.clone(), sent.len());
                sent.push(Sent {
                    id,
                    token,
                    user: user.id,
                    locale: user.locale,
                    command,
                    dispatched: None,
                    callbacks: Vec::new(),
                    edits: Vec::new(),
                });
                when.push(at);
                user.in_flight += 1;
                any = true;
            }
            if !any {
                break;
            }
        }
        let done = answered == total && (reload.is_none() || reported);
        if done {
            break;
        }
        let call = tokio::select! {
            call = tap.recv() => call.expect("the fake Discord keeps running"),
            () = tokio::time::sleep_until(deadline) => {
                unfinished = Some(answered);
                break;
            }
        };
        match route(&call, &by_id, &by_token) {
            Some((i, Route::Callback)) => {
                let s = &mut sent[i];
                if s.callbacks.is_empty() {
                    answered += 1;
                    users[users_index(s.user)].in_flight -= 1;
                }
                s.callbacks.push(call);
            }
            Some((i, Route::Edit)) => {
                let s = &mut sent[i];
                if Some(i) == reload && s.edits.is_empty() {
                    reported = true;
                    users[users_index(s.user)].awaiting_report = false;
                }
                s.edits.push(call);
            }
            None => strays.push(call),
        }
    }
    let finished = Instant::now();
    // Late duplicates would show up now.
    let settle = tokio::time::Instant::now() + SETTLE;
    while let Ok(Some(call)) = tokio::time::timeout_at(settle, tap.recv()).await {
        match route(&call, &by_id, &by_token) {
            Some((i, Route::Callback)) => sent[i].callbacks.push(call),
            Some((i, Route::Edit)) => sent[i].edits.push(call),
            None => strays.push(call),
        }
    }
    for (s, mut at) in sent.iter_mut().zip(when) {
        s.dispatched = at.try_recv().ok();
    }
    Burst {
        plan: *plan,
        sent,
        reload,
        strays,
        unfinished,
        started,
        finished,
    }
}

fn users_index(user: u64) -> usize {
    (user - FIRST_USER) as usize
}

enum Route {
    Callback,
    Edit,
}

/// Which interaction a REST call answers, and how.
fn route(
    call: &Call,
    by_id: &HashMap<u64, usize>,
    by_token: &HashMap<String, usize>,
) -> Option<(usize, Route)> {
    let segments: Vec<&str> = call.path.trim_matches('/').split('/').collect();
    match (call.method.as_str(), segments.as_slice()) {
        ("POST", ["interactions", id, token, "callback"]) => {
            let i = *by_id.get(&id.parse::<u64>().ok()?)?;
            (by_token.get(*token) == Some(&i)).then_some((i, Route::Callback))
        }
        ("PATCH", ["webhooks", app, token, "messages", "@original"])
            if *app == APP_ID.to_string() =>
        {
            Some((*by_token.get(*token)?, Route::Edit))
        }
        _ => None,
    }
}

/// Latency figures of a burst.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub count: usize,
    pub answered: usize,
    pub p50: Duration,
    pub p90: Duration,
    pub p99: Duration,
    pub max: Duration,
    /// From the first frame onto the socket to the last expected call.
    pub total: Duration,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rate = self.answered as f64 / self.total.as_secs_f64().max(1e-9);
        write!(
            f,
            "{} of {} answered in {:.1} ms ({rate:.0}/s); dispatch → callback p50 {}, p90 {}, p99 {}, max {}",
            self.answered,
            self.count,
            ms(self.total),
            show(self.p50),
            show(self.p90),
            show(self.p99),
            show(self.max),
        )
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn show(d: Duration) -> String {
    format!("{:.2} ms", ms(d))
}

/// The nearest-rank percentile `p` (0..=100) of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// How the `/partners` lists fell around the reload.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Phases {
    /// Answered before the `/reload` went out: must show the old list.
    pub before: usize,
    /// Overlapping the reload: either list.
    pub during: usize,
    /// Sent after the reload report arrived: must show the new list.
    pub after: usize,
}

impl Burst {
    /// Latencies of the answered interactions, sorted.
    pub fn latencies(&self) -> Vec<Duration> {
        let mut all: Vec<Duration> = self.sent.iter().filter_map(Sent::latency).collect();
        all.sort_unstable();
        all
    }

    /// Latencies of the answered interactions that did not overlap the reload (answered
    /// before the `/reload` went out, or sent after its report arrived), sorted.
    pub fn latencies_clear_of_reload(&self) -> Vec<Duration> {
        let window = self.reload_window();
        let mut clear: Vec<Duration> = self
            .sent
            .iter()
            .filter(|s| match (window, s.callbacks.first(), s.dispatched) {
                (Some((from, to)), Some(callback), Some(at)) => callback.at < from || at > to,
                _ => true,
            })
            .filter_map(Sent::latency)
            .collect();
        clear.sort_unstable();
        clear
    }

    /// From the `/reload` going out to its report arriving.
    pub fn reload_took(&self) -> Option<Duration> {
        let (from, to) = self.reload_window()?;
        Some(to.saturating_duration_since(from))
    }

    pub fn summary(&self) -> Summary {
        let all = self.latencies();
        let first = self.sent.iter().filter_map(|s| s.dispatched).min();
        Summary {
            count: self.sent.len(),
            answered: self.sent.iter().filter(|s| !s.callbacks.is_empty()).count(),
            p50: percentile(&all, 50.0),
            p90: percentile(&all, 90.0),
            p99: percentile(&all, 99.0),
            max: all.last().copied().unwrap_or_default(),
            total: self
                .finished
                .saturating_duration_since(first.unwrap_or(self.started)),
        }
    }

    /// When the `/reload` went onto the socket, and when its report arrived.
    fn reload_window(&self) -> Option<(Instant, Instant)> {
        let reload = &self.sent[self.reload?];
        Some((reload.dispatched?, reload.edits.first()?.at))
    }

    pub fn phases(&self) -> Phases {
        let mut phases = Phases::default();
        let Some((from, to)) = self.reload_window() else {
            return phases;
        };
        for s in &self.sent {
            let (Command::Partners, Some(callback), Some(at)) =
                (s.command, s.callbacks.first(), s.dispatched)
            else {
                continue;
            };
            if callback.at < from {
                phases.before += 1;
            } else if at > to {
                phases.after += 1;
            } else {
                phases.during += 1;
            }
        }
        phases
    }

    /// Everything wrong with the burst; empty when every interaction got exactly one valid
    /// answer with the content of its moment.
    /// Panics with the first problems (see [`Burst::problems`]) if there are any.
    pub fn assert_whole(&self) {
        let problems = self.problems();
        assert!(
            problems.is_empty(),
            "the burst went wrong ({} problems), the first ones:\n{}",
            problems.len(),
            problems
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if let Some(answered) = self.unfinished {
            problems.push(format!(
                "gave up after {BURST_WAIT:?}: {answered} of {} interactions answered{}",
                self.sent.len(),
                if self.reload.is_some() {
                    " (or the reload report missing)"
                } else {
                    ""
                }
            ));
        }
        let window = self.reload_window();
        if self.reload.is_some() && window.is_none() {
            problems.push("the /reload was never reported".into());
        }
        for (i, s) in self.sent.iter().enumerate() {
            let what = format!(
                "interaction {} (/{} {:?}, user {}, {})",
                s.id,
                s.command.name(),
                s.command,
                s.user,
                s.locale
            );
            if s.dispatched.is_none() {
                problems.push(format!("{what}: its frame never went onto the socket"));
            }
            match s.callbacks.len() {
                0 => {
                    problems.push(format!("{what}: lost, no callback"));
                    continue;
                }
                1 => {}
                n => problems.push(format!("{what}: answered {n} times")),
            }
            let body = &s.callbacks[0].body;
            let valid = if Some(i) == self.reload {
                check_reload(body, &s.edits)
            } else if !s.edits.is_empty() {
                Err(format!(
                    "{} edits of a response never deferred",
                    s.edits.len()
                ))
            } else {
                check_answer(s.command, s.de(), body)
            };
            if let Err(why) = valid {
                problems.push(format!(
                    "{what}: {why}; callback {}",
                    cut(&body.to_string())
                ));
            }
            if let (Command::Partners, Some((from, to))) = (s.command, window) {
                let new = description(body).contains(NEWCOMER);
                if s.callbacks[0].at < from && new {
                    problems.push(format!("{what}: the new list before the /reload went out"));
                }
                if s.dispatched.is_some_and(|at| at > to) && !new {
                    problems.push(format!(
                        "{what}: the old list after the reload was reported"
                    ));
                }
            }
        }
        for call in &self.strays {
            problems.push(format!(
                "a call for no interaction of the burst: {} {} {}",
                call.method,
                call.path,
                cut(&call.body.to_string())
            ));
        }
        problems
    }
}

/// At most 300 characters of `text`, for problem reports.
fn cut(text: &str) -> String {
    match text.char_indices().nth(300) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

fn description(body: &Value) -> &str {
    body["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap_or("")
}

fn no_mentions(message: &Value) -> Result<(), String> {
    let none = json!({"parse": [], "users": [], "roles": [], "replied_user": false});
    if message["allowed_mentions"] == none {
        Ok(())
    } else {
        Err(format!(
            "allowed_mentions {} instead of none",
            message["allowed_mentions"]
        ))
    }
}

/// A type 4 message with one embed, public unless it is help, the right title where it is
/// fixed.
fn check_answer(command: Command, de: bool, body: &Value) -> Result<(), String> {
    if body["type"] != 4 {
        return Err(format!("type {} instead of 4", body["type"]));
    }
    let data = &body["data"];
    no_mentions(data)?;
    let ephemeral = data["flags"].as_u64().unwrap_or(0) & EPHEMERAL != 0;
    if ephemeral != command.ephemeral() {
        return Err(if ephemeral {
            "ephemeral (a refusal or an error) instead of a public answer".into()
        } else {
            "public instead of ephemeral".into()
        });
    }
    let embeds = data["embeds"].as_array().map_or(0, Vec::len);
    if embeds != 1 {
        return Err(format!("{embeds} embeds instead of 1"));
    }
    let title = data["embeds"][0]["title"].as_str().unwrap_or("");
    if title.trim().is_empty() {
        return Err("an embed without a title".into());
    }
    if let Some(expected) = command.title(de) {
        if title != expected {
            return Err(format!("title {title:?} instead of {expected:?}"));
        }
    }
    if let Command::PartnerNamed(_, name) = command {
        if !description(body).contains(name) {
            return Err(format!("no {name:?} in the answer"));
        }
    }
    Ok(())
}

/// A deferral (type 5, ephemeral), then one edit of @original with the reload report.
fn check_reload(body: &Value, edits: &[Call]) -> Result<(), String> {
    if body["type"] != 5 {
        return Err(format!("type {} instead of 5 (deferred)", body["type"]));
    }
    if body["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL == 0 {
        return Err("a public deferral instead of an ephemeral one".into());
    }
    let [edit] = edits else {
        return Err(format!("{} edits of @original instead of 1", edits.len()));
    };
    no_mentions(&edit.body)?;
    let report = &edit.body["embeds"][0];
    if report["title"] != "Content reloaded" {
        return Err(format!("report {report} is not \"Content reloaded\""));
    }
    let added = report["fields"].as_array().into_iter().flatten().find(|f| {
        f["name"]
            .as_str()
            .is_some_and(|n| n.starts_with("Partners added"))
    });
    match added {
        Some(field)
            if field["value"]
                .as_str()
                .is_some_and(|v| v.contains(NEWCOMER)) =>
        {
            Ok(())
        }
        _ => Err(format!("report {report} does not name {NEWCOMER} as added")),
    }
}
