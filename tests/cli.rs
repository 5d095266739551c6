//! The command line as a user runs it: the real binary on the shipped content (with an index
//! in a temp folder), reading a pipe, printing JSON, and failing with clear messages.

use std::io::Write;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `scs-bot` with the shipped config and content, and its index in `index`.
fn scs_bot(index: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_scs-bot"));
    command
        .current_dir(root())
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_API_BASE")
        .arg("--index")
        .arg(index);
    command
}

fn run(command: &mut Command) -> (Output, String, String) {
    let output = command.output().unwrap();
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    (output, stdout, stderr)
}

#[test]
fn ask_json_lists_the_fourteen_partners_with_dataport_spelled_right() {
    let index = tempfile::tempdir().unwrap();
    let (output, stdout, stderr) = run(scs_bot(index.path()).args(["ask", "--json", "/partners"]));
    assert!(output.status.success(), "{stderr}");
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("exactly one JSON object");
    assert_eq!(value["command"], "partners");
    let partners = value["partners"].as_array().unwrap();
    assert_eq!(partners.len(), 14);
    assert!(partners
        .iter()
        .all(|p| p["url"].as_str().unwrap().starts_with("https://")));
    assert!(partners.iter().any(|p| p["name"] == "Dataport AöR"));
}

#[test]
fn ask_join_gives_the_contact_and_options_may_follow_the_text() {
    let index = tempfile::tempdir().unwrap();
    let (output, stdout, _) = run(scs_bot(index.path()).args(["ask", "/join", "--json"]));
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value["contacts"][0], "forum-scs-standards@osb-alliance.com");
    assert_eq!(value["hits"][0]["section"], "Get Involved");
}

#[test]
fn a_free_question_of_several_words_is_answered_as_text() {
    let index = tempfile::tempdir().unwrap();
    let (output, stdout, _) =
        run(scs_bot(index.path()).args(["ask", "what", "is", "kata", "containers?"]));
    assert!(output.status.success());
    assert!(
        stdout.contains("Collaboration with the Open Infrastructure Foundation"),
        "{stdout}"
    );
    assert!(stdout.contains(
        "https://scs.community/en/network#collaboration-with-the-open-infrastructure-foundation"
    ));
}

/// The console (no token) fed `input` on a pipe: its exit status and what it printed.
fn piped_console(input: &[u8]) -> (Output, String) {
    let index = tempfile::tempdir().unwrap();
    let mut child = scs_bot(index.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    (output, stdout)
}

#[test]
fn without_a_token_the_console_answers_each_line_of_a_pipe() {
    let (output, stdout) = piped_console(b"/join\nwho are the partners?\n:lang de\n/help\n");
    assert!(output.status.success());
    assert!(
        stdout.contains("Contact: forum-scs-standards@osb-alliance.com"),
        "{stdout}"
    );
    assert!(stdout.contains("- SysEleven GmbH  <https://syseleven.de>"));
    assert!(stdout.contains("language: de"));
    assert!(
        stdout.contains("So fragst du scs-bot"),
        "help in German: {stdout}"
    );
}

#[test]
fn check_passes_on_the_shipped_content_with_the_mojibake_warned() {
    let index = tempfile::tempdir().unwrap();
    let (output, stdout, _) = run(scs_bot(index.path()).arg("check"));
    assert_eq!(output.status.code(), Some(0), "warnings only: {stdout}");
    assert!(stdout.contains("content/en/network.md:"), "{stdout}");
    assert!(stdout.contains("AöR"), "{stdout}");
    assert!(stdout.contains("0 errors"), "{stdout}");
}

#[test]
fn check_exits_with_one_when_content_has_errors() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content/en");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("bad.md"),
        "---\ntitle: [unclosed\n---\n# Body\n",
    )
    .unwrap();
    std::fs::write(content.join("good.md"), "# Good page\n\nText.\n").unwrap();
    let (output, stdout, _) = run(scs_bot(&dir.path().join("index"))
        .arg("--content")
        .arg(dir.path().join("content"))
        .arg("check"));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout.contains("content/en/bad.md:3: error: the front matter is not valid YAML"),
        "names file and line: {stdout}"
    );
    assert!(
        stdout.contains("2 pages"),
        "the broken page is still served: {stdout}"
    );
}

#[test]
fn index_prints_counts() {
    let index = tempfile::tempdir().unwrap();
    let (output, stdout, _) = run(scs_bot(index.path()).arg("index"));
    assert!(output.status.success());
    assert!(
        stdout.starts_with("indexed 1 pages, 8 sections"),
        "{stdout}"
    );
}

#[test]
fn eval_scores_the_question_set() {
    let index = tempfile::tempdir().unwrap();
    let (output, stdout, _) =
        run(scs_bot(index.path()).args(["eval", "--json", "tests/eval/questions.toml"]));
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(report["questions"].as_u64().unwrap() >= 40);
    assert!(report["p_at_1"].as_f64().unwrap() >= 0.95, "{stdout}");
}

#[test]
fn a_bad_config_key_is_named_with_exit_code_two() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bot.toml");
    std::fs::write(&config, "contnet = \"pages\"\n").unwrap();
    let (output, _, stderr) = run(scs_bot(&dir.path().join("index"))
        .arg("--config")
        .arg(&config)
        .args(["ask", "/join"]));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("contnet"), "{stderr}");
    assert!(stderr.contains("bot.toml"), "{stderr}");
}

#[test]
fn a_missing_content_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let (output, _, stderr) = run(scs_bot(&dir.path().join("index"))
        .arg("--content")
        .arg(dir.path().join("nope"))
        .args(["ask", "/join"]));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("content folder"), "{stderr}");
}

#[test]
fn an_index_path_that_is_not_a_folder_of_ours_exits_with_two_and_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let file = dir.path().join("plain");
    std::fs::write(&file, "data").unwrap();
    for (index, what) in [(&fifo, "named pipe"), (&file, "regular file")] {
        for args in [&["ask", "/join"][..], &["index"]] {
            let (output, _, stderr) = run(scs_bot(index).args(args));
            assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(stderr.contains(&index.display().to_string()), "{stderr}");
            assert!(stderr.contains(what), "{stderr}");
            assert!(stderr.contains("--index"), "names the fix: {stderr}");
        }
    }
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "data");
}

#[test]
fn an_index_path_equal_to_the_content_folder_exits_with_two_and_keeps_the_content() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("en")).unwrap();
    std::fs::write(content.join("en/page.md"), "# Page\n\nText.\n").unwrap();
    for args in [&["ask", "/join"][..], &["index"]] {
        let (output, _, stderr) = run(scs_bot(&content).arg("--content").arg(&content).args(args));
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("is the content folder"), "{stderr}");
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["content"]);
    assert_eq!(
        std::fs::read_to_string(content.join("en/page.md")).unwrap(),
        "# Page\n\nText.\n"
    );
}

#[test]
fn with_a_token_and_an_unreachable_discord_the_bot_exits_with_a_clear_error() {
    // A port on loopback that nothing listens on: never the real Discord.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let index = tempfile::tempdir().unwrap();
    let (output, _, stderr) = run(scs_bot(index.path())
        .env("DISCORD_TOKEN", "not-a-real-token")
        .env("DISCORD_API_BASE", format!("http://127.0.0.1:{port}")));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("scs-bot: error:"), "{stderr}");
    assert!(
        !stderr.contains("not-a-real-token"),
        "the token is never printed"
    );
}

#[test]
fn the_console_reloads_changed_content_on_request() {
    use std::io::{BufRead, BufReader, Read};
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content/en");
    std::fs::create_dir_all(&content).unwrap();
    let page = content.join("network.md");
    std::fs::copy(root().join("content/en/network.md"), &page).unwrap();
    let mut child = scs_bot(&dir.path().join("index"))
        .arg("--content")
        .arg(dir.path().join("content"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdin.write_all(b"/partners newcomer\n").unwrap();
    // Wait for the first answer, so the content was loaded before the edit.
    let mut line = String::new();
    while !line.contains("No partner matches") {
        line.clear();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "console ended early"
        );
    }
    let text = std::fs::read_to_string(&page).unwrap();
    let added = "- [Newcomer AG](https://newcomer.example)\n- [Yorizon GmbH]";
    std::fs::write(&page, text.replace("- [Yorizon GmbH]", added)).unwrap();
    stdin.write_all(b":reload\n/partners newcomer\n").unwrap();
    drop(stdin);
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert!(child.wait().unwrap().success());
    assert!(
        rest.contains("reloaded: pages changed: en/network; partners added: Newcomer AG (en)"),
        "{rest}"
    );
    assert!(
        rest.contains("- Newcomer AG  <https://newcomer.example>"),
        "{rest}"
    );
}

#[test]
fn a_line_that_is_not_utf8_is_answered_and_the_console_goes_on() {
    let (output, stdout) = piped_console(b"/join\nwho \xff\xfe are\n:lang xx\n/help\n");
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("couldn't read that line"), "{stdout}");
    // The lines after it are answered: an unknown language is refused with the supported
    // ones, and the console's /help lists what the console does.
    assert!(stdout.contains("Supported: en, de"), "{stdout}");
    assert!(stdout.contains(":reload"), "{stdout}");
    assert!(!stdout.contains('`'), "markdown shown literally: {stdout}");
}

#[test]
fn an_empty_discord_token_is_an_error_not_the_console() {
    let index = tempfile::tempdir().unwrap();
    let (output, _, stderr) = run(scs_bot(index.path())
        .env("DISCORD_TOKEN", "  ")
        .stdin(Stdio::null()));
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("DISCORD_TOKEN is set but empty"),
        "{stderr}"
    );
}

/// Serves one HTTP answer on loopback; returns the address and the request it got.
fn one_answer(answer: &'static str) -> (String, std::thread::JoinHandle<String>) {
    use std::io::{BufRead, BufReader};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = String::new();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                break;
            }
            request.push_str(&line);
        }
        stream.write_all(answer.as_bytes()).unwrap();
        request
    });
    (addr, server)
}

#[test]
fn healthcheck_gets_healthz_and_exits_0_on_200_else_2() {
    let index = tempfile::tempdir().unwrap();
    let (addr, server) = one_answer(
        "HTTP/1.1 200 OK\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}",
    );
    let (output, stdout, stderr) =
        run(scs_bot(index.path()).args(["healthcheck", "--listen", &addr]));
    assert!(output.status.success(), "{stderr}");
    assert_eq!(stdout.trim(), "{\"ok\":true}");
    assert!(server
        .join()
        .unwrap()
        .starts_with("GET /healthz HTTP/1.1\r\n"));

    let (addr, server) =
        one_answer("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
    let (output, _, stderr) = run(scs_bot(index.path()).args(["healthcheck", "--listen", &addr]));
    server.join().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("503"), "{stderr}");
}

#[test]
fn serve_without_a_public_key_or_with_a_bad_one_is_a_clear_error() {
    let index = tempfile::tempdir().unwrap();
    let (output, _, stderr) = run(scs_bot(index.path())
        .env_remove("DISCORD_PUBLIC_KEY")
        .args(["serve", "--listen", "127.0.0.1:0"]));
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("DISCORD_PUBLIC_KEY is not set"), "{stderr}");
    let (output, _, stderr) = run(scs_bot(index.path())
        .env("DISCORD_PUBLIC_KEY", "abc")
        .args(["serve", "--listen", "127.0.0.1:0"]));
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("64 hex digits"), "{stderr}");
}

#[test]
fn register_needs_the_token() {
    let index = tempfile::tempdir().unwrap();
    let (output, _, stderr) = run(scs_bot(index.path()).arg("register"));
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("DISCORD_TOKEN is not set"), "{stderr}");
}

#[test]
fn index_keeps_the_snapshots_and_later_asks_answer_as_the_first_and_see_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("en")).unwrap();
    std::fs::copy(
        root().join("content/en/network.md"),
        content.join("en/network.md"),
    )
    .unwrap();
    let index = dir.path().join("index");
    let ask = |question: &str| {
        let (output, stdout, stderr) = run(scs_bot(&index)
            .arg("--content")
            .arg(&content)
            .args(["ask", "--json", question]));
        assert!(output.status.success(), "{stderr}");
        stdout
    };
    let (output, _, stderr) = run(scs_bot(&index).arg("--content").arg(&content).arg("index"));
    assert!(output.status.success(), "{stderr}");
    for file in ["scs-bot.pages", "scs-bot.layout"] {
        assert!(index.join(file).is_file(), "{file}");
    }
    let first = (ask("/join"), ask("who are the partners?"));
    assert_eq!((ask("/join"), ask("who are the partners?")), first);

    std::fs::write(
        content.join("en/kata.md"),
        "---\ntitle: Kata\nslug: kata\n---\n\n### Kata Containers\n\nThe zanzibar runtime.\n",
    )
    .unwrap();
    let found: serde_json::Value = serde_json::from_str(&ask("zanzibar runtime")).unwrap();
    assert_eq!(found["hits"][0]["page"], "kata", "{found:#}");
}

#[test]
fn output_piped_into_a_reader_that_already_left_ends_quietly_without_a_panic() {
    let index = tempfile::tempdir().unwrap();
    // `scs-bot ask --json … | head -c 0`: the reading end is closed before anything is written.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = scs_bot(index.path())
        .args(["ask", "--json", "/partners"])
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
