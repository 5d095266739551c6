//! The `scs-bot` binary: parses the command line and hands over to the library.
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
    /// Rebuild the search index and print what it holds.
    Index,
    /// List the problems in the content; exit code 1 when there are errors.
    Check,
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
        Err(err) => {
            eprintln!("scs-bot: error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
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
    init_tracing(bot);
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
        Some(Command::Eval { file, lang, json }) => evaluate(config, &file, &lang, json),
    }
}

/// `scs-bot ask`: one answer, as text or as one JSON object.
fn ask(config: Config, text: &str, lang: &str, json: bool) -> anyhow::Result<ExitCode> {
    let core = Core::open(config)?;
    let answer = core.answer(text, lang);
    if json {
        println!("{}", serde_json::to_string_pretty(&answer)?);
    } else {
        print!("{}", render::terminal(&answer, &terminal_style()));
    }
    Ok(ExitCode::SUCCESS)
}

/// `scs-bot index`: rebuilds the index and says what it holds.
fn index(config: &Config) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    scs_bot::index::check_apart(&config.index, &config.content)?;
    let (library, problems) = scs_bot::content::load_dir(&config.content, &config.load_options());
    let index = scs_bot::index::SearchIndex::rebuild(&config.index, &library)?;
    println!(
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
        println!("{problem}");
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    println!(
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
        println!("{}", serde_json::to_string_pretty(&both)?);
        return Ok(ExitCode::SUCCESS);
    }
    for miss in &report.misses {
        let rank = miss.rank.map_or("-".to_string(), |r| r.to_string());
        let got = if miss.got.is_empty() {
            "nothing".to_string()
        } else {
            miss.got.join(", ")
        };
        println!(
            "miss ({}, {}, rank {rank}, sure {:.2}): {:?} expected {} got {got}",
            miss.language, miss.category, miss.confidence, miss.question, miss.expected
        );
    }
    print!("{}", eval::side_by_side(&report, &baseline));
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

fn init_tracing(bot: bool) {
    let default = if bot {
        "scs_bot=info,serenity=warn"
    } else {
        "scs_bot=warn"
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
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
        println!(
            "registered {count} commands globally (Discord may take up to an hour to show them)"
        );
    } else {
        println!("registered {count} commands in the guilds {guilds:?}");
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
