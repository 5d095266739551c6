//! The `scs-bot` binary: parses the command line and hands over to the library.
//!
//! `sync` pulls the `[git]` repository the content comes from (see `core::git`).
//!
//! With no subcommand it runs the Discord bot when `DISCORD_TOKEN` is set, and a local console
//! otherwise. Errors are printed with their whole cause chain; exit codes: 0 fine, 1 content
//! errors found by `check`, 2 any other error.

use anyhow::Context;
use clap::{Parser, Subcommand};
use scs_bot::config::Config;
use scs_bot::console::{self, render};
use scs_bot::core::Core;
use scs_bot::eval;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// `println!` that returns the write error instead of panicking: output piped into a program
/// that stops reading (`scs-bot ask --json … | head`) ends the run quietly (see `main`).
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*).map_err(stdout_error)?
    }};
}

/// `print!` that returns the write error (see [`outln`]).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout(), $($arg)*).map_err(stdout_error)?
    }};
}

#[derive(Parser, Debug)]
#[command(
    name = "scs-bot",
    version,
    about = "Answers questions about the Sovereign Cloud Stack network, on Discord or in a terminal"
)]
struct Cli {
    /// The config file; without it `config.toml` is used if it exists, else the defaults.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The folder with the markdown pages (overrides `content` in the config).
    #[arg(long, global = true, value_name = "DIR")]
    content: Option<PathBuf>,
    /// The folder for the search index (overrides `index` in the config).
    #[arg(long, global = true, value_name = "DIR")]
    index: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Answer one command (`/partners syseleven`) or free question, and exit.
    Ask {
        /// Print the answer as one JSON object.
        #[arg(long)]
        json: bool,
        /// The language to answer in (`en`, `de`).
        #[arg(long, default_value = "en")]
        lang: String,
        /// The command or question.
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
    },
    /// Start the local console (the default without DISCORD_TOKEN).
    Console {
        /// The language to answer in (`en`, `de`).
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Run the Discord bot (the default with DISCORD_TOKEN set).
    Bot,
    /// Serve Discord interactions over HTTP (`POST /interactions`), with `/healthz` and
    /// `/metrics`; needs DISCORD_PUBLIC_KEY, no bot token and no gateway.
    Serve {
        /// The address to listen on (overrides `[http] listen`; default 127.0.0.1:8080).
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
    },
    /// Register the slash commands (in `[discord] guilds`, or globally); needs DISCORD_TOKEN.
    Register,
    /// Read every page, rebuild the search index (and the snapshots a cold start reads) and
    /// print what it holds.
    Index,
    /// Read and parse every page (never the snapshots) and list the problems in the content;
    /// exit code 1 when there are errors.
    Check,
    /// What people ask, what was answered "not found" and what was voted "Not what I asked",
    /// per language, from the feedback database: what the content should answer next.
    Report {
        /// Print one JSON object with the arrays `top`, `not_found` and `voted_down`.
        #[arg(long)]
        json: bool,
        /// Only the last N days (default: everything kept, see `[feedback] keep_days`).
        #[arg(long, value_name = "N")]
        days: Option<u32>,
        /// At most this many questions per list.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Ask the running bot's `/healthz` (on `[http] listen`); exit code 0 when it answers 200.
    /// For container health checks: needs no curl.
    Healthcheck {
        /// `host:port` (default: `[http] listen` from the config).
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
    },
    /// Clone or update the `[git]` repository and print what changed (as `/reload` does).
    Sync,
    /// Score a question set: precision at 1 and mean reciprocal rank over the top 5.
    Eval {
        /// The question file (TOML `[[question]]` tables, or JSON lines).
        file: PathBuf,
        /// The language of questions that name none.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        // The reader of our output went away (`| head`): nothing is left to say, as with `cat`.
        Err(err) if err.chain().any(|c| c.is::<StdoutClosed>()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("scs-bot: error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

/// Our standard output was closed by its reader: the one broken pipe that is no failure (a
/// broken socket to Discord or in `healthcheck` still is one).
#[derive(Debug)]
struct StdoutClosed;

impl std::fmt::Display for StdoutClosed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("standard output was closed")
    }
}

impl std::error::Error for StdoutClosed {}

fn stdout_error(e: std::io::Error) -> anyhow::Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        anyhow::Error::new(StdoutClosed)
    } else {
        anyhow::Error::new(e).context("writing to standard output")
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    let token = std::env::var("DISCORD_TOKEN").ok();
    if token.as_deref().is_some_and(|t| t.trim().is_empty()) {
        // Set but empty is a mistake in a unit file or a container's environment: say so
        // instead of quietly starting the console.
        anyhow::bail!(
            "DISCORD_TOKEN is set but empty: put the bot token in it (Developer Portal → Bot → Reset Token), or unset it for the local console"
        );
    }
    let bot = matches!(
        cli.command,
        Some(Command::Bot | Command::Serve { .. } | Command::Register)
    ) || (cli.command.is_none() && token.is_some());
    init_tracing(bot, token.iter().cloned().collect());
    let config = load_config(&cli)?;
    match cli.command {
        None if !bot => console::run(Core::open(config)?, &default_lang()),
        None | Some(Command::Bot) => {
            let token = token.context(
                "DISCORD_TOKEN is not set: put the bot token in the environment (never in config.toml)",
            )?;
            run_bot(Core::open(config)?, token)
        }
        Some(Command::Serve { listen }) => serve(config, listen),
        Some(Command::Register) => {
            let token = token.context(
                "DISCORD_TOKEN is not set: registering commands needs the bot token (Developer Portal → Bot → Reset Token)",
            )?;
            register(Core::open(config)?, token)
        }
        Some(Command::Console { lang }) => console::run(Core::open(config)?, &lang),
        Some(Command::Ask { json, lang, text }) => ask(config, &text.join(" "), &lang, json),
        Some(Command::Index) => index(&config),
        Some(Command::Check) => check(&config),
        Some(Command::Sync) => sync(config),
        Some(Command::Eval { file, lang, json }) => evaluate(config, &file, &lang, json),
        Some(Command::Report { json, days, limit }) => report(&config, json, days, limit),
        Some(Command::Healthcheck { listen }) => healthcheck(
            listen
                .as_deref()
                .or(config.http.listen.as_deref())
                .unwrap_or(scs_bot::config::DEFAULT_LISTEN),
        ),
    }
}

/// `scs-bot ask`: one answer, as text or as one JSON object.
fn ask(config: Config, text: &str, lang: &str, json: bool) -> anyhow::Result<ExitCode> {
    let core = Core::open(config)?;
    let answer = core.answer(text, lang);
    if json {
        outln!("{}", serde_json::to_string_pretty(&answer)?);
    } else {
        out!("{}", render::terminal(&answer, &terminal_style()));
    }
    // The process ends here: freeing the library and the index one allocation at a time
    // would cost a cold `ask` at 1,000 pages more than a tenth of its time, for nothing.
    std::mem::forget(core);
    Ok(ExitCode::SUCCESS)
}

/// `scs-bot report`: the coverage-gap report from the feedback database.
fn report(
    config: &Config,
    json: bool,
    days: Option<u32>,
    limit: usize,
) -> anyhow::Result<ExitCode> {
    let store = scs_bot::core::feedback::Store::open_read_only(&config.feedback.database)?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let since = days.map_or(0, |d| now - i64::from(d) * 86_400);
    let report = store.report(since, limit)?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    let period = days.map_or_else(
        || format!("the last {} days", config.feedback.keep_days),
        |d| format!("the last {d} days"),
    );
    outln!(
        "Questions of {period}, from {}",
        config.feedback.database.display()
    );
    for (title, list) in [
        ("Asked most", &report.top),
        ("Answered \"not found\"", &report.not_found),
        ("Voted \"Not what I asked\"", &report.voted_down),
    ] {
        outln!("\n{title}:");
        if list.is_empty() {
            outln!("  (none)");
        }
        for item in list {
            outln!("  {:>5}  [{}] {}", item.count, item.language, item.question);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `scs-bot healthcheck`: `GET /healthz` with a plain TCP stream (the container image has no
/// curl); 0 when the answer is 200, else an error (exit code 2) saying what came back.
fn healthcheck(listen: &str) -> anyhow::Result<ExitCode> {
    use std::io::{Read, Write};
    use std::net::{TcpStream, ToSocketAddrs};
    let timeout = std::time::Duration::from_secs(3);
    let addr = listen
        .to_socket_addrs()
        .with_context(|| format!("`{listen}` is not a host:port (see `[http] listen`)"))?
        .next()
        .with_context(|| format!("`{listen}` resolves to no address"))?;
    let mut stream = TcpStream::connect_timeout(&addr, timeout)
        .with_context(|| format!("nothing answers on {listen}"))?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(
        stream,
        "GET /healthz HTTP/1.1\r\nHost: {listen}\r\nConnection: close\r\n\r\n"
    )?;
    let mut answer = Vec::new();
    stream
        .take(64 * 1024)
        .read_to_end(&mut answer)
        .with_context(|| format!("{listen} did not finish its answer to GET /healthz"))?;
    let answer = String::from_utf8_lossy(&answer);
    let status = answer.lines().next().unwrap_or("");
    if status.split_whitespace().nth(1) == Some("200") {
        outln!("{}", answer.split("\r\n\r\n").nth(1).unwrap_or("").trim());
        Ok(ExitCode::SUCCESS)
    } else {
        anyhow::bail!("GET http://{listen}/healthz answered {status:?}, not 200")
    }
}

/// `scs-bot index`: reads every page, rebuilds the index, keeps the snapshots for the next
/// start, and says what it holds.
fn index(config: &Config) -> anyhow::Result<ExitCode> {
    use scs_bot::index::{fingerprint, snapshot, SearchIndex};
    let started = Instant::now();
    scs_bot::index::check_apart(&config.index, &config.content)?;
    let options = config.load_options();
    let loaded = scs_bot::content::load_dir_reusing(
        &config.content,
        &options,
        Err("`scs-bot index` reads every page".into()),
        std::time::SystemTime::now(),
    );
    let revision = fingerprint(&loaded.library);
    let index = SearchIndex::rebuild_with(&config.index, &loaded.library, &revision)?;
    if let Some(cache) = loaded.cache(&options, &revision) {
        snapshot::write_pages(&config.index, &cache);
    }
    let (library, problems) = (&loaded.library, &loaded.problems);
    outln!(
        "indexed {} pages, {} sections into {} in {:.0?} ({} problems; see `scs-bot check`)",
        library.pages.len(),
        index.num_sections(),
        config.index.display(),
        started.elapsed(),
        problems.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// `scs-bot check`: the content's problems and the commands' (a command whose section the
/// content lacks); exit code 1 when there are errors.
fn check(config: &Config) -> anyhow::Result<ExitCode> {
    let (library, mut problems) =
        scs_bot::content::load_dir(&config.content, &config.load_options());
    for problem in &mut problems {
        // Problems name files relative to the content folder; show where they are.
        problem.file = config.content.join(&problem.file);
    }
    let catalog = scs_bot::answer::Catalog::compile(&library, config);
    problems.extend(catalog.problems().iter().cloned());
    for problem in &problems {
        outln!("{problem}");
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    outln!(
        "{} pages, {} sections; {errors} errors, {} warnings",
        library.pages.len(),
        library.sections().count(),
        problems.len() - errors
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `scs-bot sync`: pulls the `[git]` branch, loads it and prints what changed — the report
/// `/reload` shows. A failed pull exits 2 and leaves the last good checkout in place.
fn sync(config: Config) -> anyhow::Result<ExitCode> {
    let report = Core::sync(config)?;
    out!("{}", console::sync_report(&report));
    Ok(ExitCode::SUCCESS)
}

/// `scs-bot eval`: the bot and the plain BM25 baseline on one question set, side by side.
fn evaluate(
    config: Config,
    file: &std::path::Path,
    lang: &str,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let questions = eval::load_questions(file)?;
    let core = Core::open(config)?;
    let report = eval::evaluate(&core, &questions, lang);
    let baseline =
        eval::baseline::PlainBaseline::new(&core.state().library)?.evaluate(&questions, lang);
    if json {
        // The bot's report, with the baseline's beside it under `baseline`.
        let mut both = serde_json::to_value(&report)?;
        both["baseline"] = serde_json::to_value(&baseline)?;
        outln!("{}", serde_json::to_string_pretty(&both)?);
        return Ok(ExitCode::SUCCESS);
    }
    for miss in &report.misses {
        let rank = miss.rank.map_or("-".to_string(), |r| r.to_string());
        let got = if miss.got.is_empty() {
            "nothing".to_string()
        } else {
            miss.got.join(", ")
        };
        outln!(
            "miss ({}, {}, rank {rank}, sure {:.2}): {:?} expected {} got {got}",
            miss.language,
            miss.category,
            miss.confidence,
            miss.question,
            miss.expected
        );
    }
    out!("{}", eval::side_by_side(&report, &baseline));
    Ok(ExitCode::SUCCESS)
}

/// Colour and wrapping when standard output is a terminal, else plain text.
fn terminal_style() -> render::Style {
    if std::io::stdout().is_terminal() {
        let width = terminal_size::terminal_size().map_or(100, |(w, _)| usize::from(w.0));
        render::Style::terminal(width)
    } else {
        render::Style::PLAIN
    }
}

/// The config file, with the command line's folder overrides applied.
fn load_config(cli: &Cli) -> anyhow::Result<Config> {
    let mut config = match &cli.config {
        Some(path) => Config::load(path)?,
        None if std::path::Path::new("config.toml").exists() => {
            Config::load("config.toml".as_ref())?
        }
        None => Config::default(),
    };
    if let Some(content) = &cli.content {
        config.content = content.clone();
    }
    if let Some(index) = &cli.index {
        config.index = index.clone();
    }
    Ok(config)
}

/// The language of the console: from `LANG` (`de_DE.UTF-8` → `de`), else English.
fn default_lang() -> String {
    std::env::var("LANG")
        .unwrap_or_default()
        .chars()
        .take(2)
        .collect()
}

/// Logs go to stderr through a redacting writer: interaction tokens and the bot token never
/// reach a log line, whatever the level (see `discord::redact`).
fn init_tracing(bot: bool, secrets: Vec<String>) {
    let default = if bot {
        "scs_bot=info,serenity=warn"
    } else {
        "scs_bot=warn"
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(scs_bot::discord::redact::Redacting::new(
            std::io::stderr,
            secrets,
        ))
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}

/// `DISCORD_API_BASE`, which wins over `[discord] api_base`.
fn api_base() -> Option<String> {
    std::env::var("DISCORD_API_BASE")
        .ok()
        .filter(|b| !b.trim().is_empty())
}

/// `scs-bot serve`: the HTTP interactions endpoint until SIGTERM or Ctrl-C.
fn serve(config: Config, listen: Option<String>) -> anyhow::Result<ExitCode> {
    let public_key = std::env::var("DISCORD_PUBLIC_KEY").context(
        "DISCORD_PUBLIC_KEY is not set: put the application's Public Key (Developer Portal → General Information) in the environment",
    )?;
    // Checked before the content is loaded: a wrong key is the likelier mistake.
    scs_bot::discord::http::public_key(&public_key)?;
    let core = Core::open(config)?;
    let listen = listen
        .or_else(|| core.config().http.listen.clone())
        .unwrap_or_else(|| scs_bot::config::DEFAULT_LISTEN.to_string());
    let options = scs_bot::discord::ServeOptions {
        public_key,
        api_base: api_base(),
    };
    let runtime = tokio::runtime::Runtime::new().context("can't start the async runtime")?;
    runtime.block_on(async {
        let listener = scs_bot::discord::http::bind(&listen).await?;
        scs_bot::discord::serve(std::sync::Arc::new(core), options, listener).await
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `scs-bot register`: registers the commands and exits.
fn register(core: Core, token: String) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new().context("can't start the async runtime")?;
    let guilds = core.config().discord.guilds.clone();
    let count = runtime.block_on(scs_bot::discord::register_commands(
        std::sync::Arc::new(core),
        token,
        api_base(),
    ))?;
    if guilds.is_empty() {
        outln!(
            "registered {count} commands globally (Discord may take up to an hour to show them)"
        );
    } else {
        outln!("registered {count} commands in the guilds {guilds:?}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs the bot until SIGTERM or Ctrl-C. `DISCORD_API_BASE` wins over `[discord] api_base`.
fn run_bot(core: Core, token: String) -> anyhow::Result<ExitCode> {
    let api_base = api_base();
    let runtime = tokio::runtime::Runtime::new().context("can't start the async runtime")?;
    runtime.block_on(scs_bot::discord::run(
        std::sync::Arc::new(core),
        token,
        api_base,
    ))?;
    Ok(ExitCode::SUCCESS)
}
