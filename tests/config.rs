//! The config boundary: `config.toml` text → `Config`, or an error that names the key.

use scs_bot::config::{CommandKind, Config};

/// Parses `input`; checks the error message contains each of `expect` (or that it parses).
fn check_err(input: &str, expect: &[&str]) {
    let err = Config::parse(input).expect_err("config should be refused");
    let message = format!("{err:#}");
    for part in expect {
        assert!(
            message.contains(part),
            "{message:?} should contain {part:?}"
        );
    }
}

#[test]
fn empty_file_gives_the_defaults_with_the_builtin_commands() {
    let config = Config::parse("").unwrap();
    assert_eq!(config, Config::default());
    let names: Vec<&str> = config.commands.keys().map(String::as_str).collect();
    assert_eq!(names, ["about", "goals", "join", "links", "partners"]);
    assert_eq!(config.commands["join"].kind, CommandKind::Contact);
}

#[test]
fn shipped_config_parses_and_adds_gaiax() {
    let config = Config::parse(include_str!("../config.toml")).unwrap();
    let gaiax = &config.commands["gaiax"];
    assert_eq!(gaiax.kind, CommandKind::Section);
    assert_eq!(gaiax.section["en"], "Contributions to Gaia-X and GXFS");
    assert_eq!(
        config.commands["partners"].section["de"],
        "Unsere Partner im Netzwerk"
    );
}

#[test]
fn a_table_for_a_builtin_changes_only_the_keys_it_sets() {
    let config = Config::parse("[commands.partners]\nsection = { en = \"Members\" }\n").unwrap();
    let partners = &config.commands["partners"];
    assert_eq!(partners.section["en"], "Members");
    assert_eq!(partners.kind, CommandKind::Partners);
    assert!(!partners.description.is_empty());
}

#[test]
fn unknown_top_level_key_is_named() {
    check_err("contnet = \"pages\"\n", &["contnet"]);
}

#[test]
fn unknown_nested_key_is_named() {
    check_err("[search]\nmax_hit = 3\n", &["max_hit"]);
    check_err("[commands.join]\nheading = \"x\"\n", &["heading"]);
}

#[test]
fn wrong_value_type_is_named() {
    check_err("[search]\nmax_hits = \"three\"\n", &["max_hits"]);
    check_err("[commands.join]\nkind = \"email\"\n", &["kind"]);
}

#[test]
fn default_language_must_be_among_languages() {
    check_err(
        "default_language = \"fr\"\n",
        &["default_language", "languages"],
    );
}

#[test]
fn new_command_needs_a_section_and_a_description() {
    check_err(
        "[commands.faq]\nkind = \"section\"\n",
        &["commands.faq.section"],
    );
    check_err(
        "[commands.faq]\nsection = { en = \"FAQ\" }\n",
        &["commands.faq.description.en"],
    );
}

#[test]
fn command_names_must_be_valid_for_discord() {
    check_err(
        "[commands.Gaia-X]\nsection = { en = \"x\" }\ndescription = { en = \"x\" }\n",
        &["commands.Gaia-X", "a-z"],
    );
    check_err(
        "[commands.help]\nsection = { en = \"x\" }\ndescription = { en = \"x\" }\n",
        &["/help", "built in"],
    );
}

#[test]
fn languages_of_sections_must_be_configured() {
    check_err(
        "[commands.faq]\nsection = { fr = \"x\" }\ndescription = { en = \"x\" }\n",
        &["`fr`"],
    );
}

#[test]
fn discord_locales_pick_a_configured_language() {
    let config = Config::default();
    assert_eq!(config.language_for("de"), "de");
    assert_eq!(config.language_for("en-US"), "en");
    assert_eq!(config.language_for("pt-BR"), "en");
    assert_eq!(config.language_for(""), "en");
}

#[test]
fn relative_paths_are_resolved_against_the_config_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bot.toml");
    std::fs::write(&path, "content = \"pages\"\n").unwrap();
    let config = Config::load(&path).unwrap();
    assert_eq!(config.content, dir.path().join("pages"));
    assert_eq!(config.index, dir.path().join("index"));
}

#[test]
fn missing_config_file_is_an_error_naming_it() {
    let err = Config::load("/nonexistent/scs.toml".as_ref()).unwrap_err();
    assert!(format!("{err:#}").contains("/nonexistent/scs.toml"));
}

#[test]
fn the_old_cooldown_key_is_refused_with_the_new_limit_keys_named() {
    check_err(
        "[discord]\ncooldown_seconds = 10\n",
        &[
            "discord.cooldown_seconds",
            "[limits]",
            "burst",
            "every_seconds",
        ],
    );
}

#[test]
fn the_default_limits_let_a_person_ask_three_questions_in_a_row() {
    let config = Config::parse("").unwrap();
    assert_eq!(config.limits.burst, 3);
    assert!(config.limits.every_seconds > 0);
    check_err(
        "[limits]\nburst = 0\n",
        &["limits.burst", "every_seconds = 0"],
    );
}

#[test]
fn the_feedback_database_is_resolved_against_the_config_files_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "[feedback]\ndatabase = \"data/fb.sqlite\"\nkeep_days = 30\n",
    )
    .unwrap();
    let config = Config::load(&path).unwrap();
    assert_eq!(config.feedback.database, dir.path().join("data/fb.sqlite"));
    assert_eq!(config.feedback.keep_days, 30);
}

#[test]
fn http_and_request_timeout_settings_have_defaults_and_bad_values_are_named() {
    let config = Config::parse("").unwrap();
    assert_eq!(config.http.listen, None);
    assert_eq!(config.http.timestamp_tolerance_seconds, 300);
    assert_eq!(config.discord.request_timeout_seconds, 10);
    let config = Config::parse(
        "[http]\nlisten = \"0.0.0.0:8080\"\ntimestamp_tolerance_seconds = 60\n[discord]\nrequest_timeout_seconds = 3\n",
    )
    .unwrap();
    assert_eq!(config.http.listen.as_deref(), Some("0.0.0.0:8080"));
    assert_eq!(config.http.timestamp_tolerance_seconds, 60);
    assert_eq!(config.discord.request_timeout_seconds, 3);
    check_err(
        "[http]\nlisten = \"localhost\"\n",
        &["http.listen", "127.0.0.1:8080"],
    );
    check_err("[http]\nport = 8080\n", &["port"]);
    check_err(
        "[discord]\nrequest_timeout_seconds = 0\n",
        &["request_timeout_seconds"],
    );
}
