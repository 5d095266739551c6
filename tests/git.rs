//! The git source (`[git]`, `scs-bot sync`, `/reload` pulling): repositories made by the test
//! in a temp folder with a fixed author, reached by path or `file://` URL; no network.

use scs_bot::config::Config;
use scs_bot::core::git::PullFailed;
use scs_bot::core::Core;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// An upstream repository with a working tree, committed to with a fixed author and date.
struct Upstream {
    dir: PathBuf,
}

impl Upstream {
    fn new(dir: &Path) -> Upstream {
        std::fs::create_dir_all(dir).unwrap();
        let upstream = Upstream {
            dir: dir.to_path_buf(),
        };
        upstream.git(&["init", "--quiet", "--initial-branch=main"]);
        upstream
    }

    fn git(&self, args: &[&str]) -> String {
        let output = Command::new("git")
            .args(args)
            .current_dir(&self.dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test Author")
            .env("GIT_AUTHOR_EMAIL", "author@example.org")
            .env("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z")
            .env("GIT_COMMITTER_NAME", "Test Author")
            .env("GIT_COMMITTER_EMAIL", "author@example.org")
            .env("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn remove(&self, rel: &str) {
        std::fs::remove_file(self.dir.join(rel)).unwrap();
    }

    fn commit(&self, message: &str) -> String {
        self.git(&["add", "--all"]);
        self.git(&["commit", "--quiet", "--message", message]);
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    fn url(&self) -> String {
        format!("file://{}", self.dir.display())
    }
}

fn network_page(partners: &[&str]) -> String {
    let list: String = partners
        .iter()
        .map(|p| format!("- [{p}](https://{}.example)\n", p.to_lowercase()))
        .collect();
    format!(
        "---\ntitle: Network\nslug: network\nlang: en\n---\n# The Network\n\nThe network is a group of companies.\n\n## Our Partners in the Network\n\n{list}\n## Get Involved\n\nWrite to join@example.org.\n"
    )
}

/// A website repository: the pages under `src/content`, with two partners.
fn website(dir: &Path) -> Upstream {
    let upstream = Upstream::new(dir);
    upstream.write("README.md", "# The website\n");
    upstream.write(
        "src/content/en/network.md",
        &network_page(&["Alpha", "Beta"]),
    );
    upstream.write(
        "src/content/en/standards.md",
        "---\ntitle: Standards\nslug: standards\nlang: en\n---\n# Standards\n\nThe certification covers flavor naming.\n",
    );
    upstream.write(
        "src/content/en/old.md",
        "---\ntitle: Old\nslug: old\nlang: en\n---\n# Old news\n\nAn old announcement.\n",
    );
    upstream.commit("first");
    upstream
}

/// The config file text for following `url` with the checkout and index in `dir`.
fn config_text(url: &str, branch: &str, path: &str) -> String {
    format!(
        "index = \"index\"\n\n[git]\nurl = \"{url}\"\nbranch = \"{branch}\"\npath = \"{path}\"\npull_minutes = 0\ncheckout = \"checkout\"\n"
    )
}

fn write_config(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn config(dir: &Path, url: &str, branch: &str, path: &str) -> Config {
    Config::load(&write_config(dir, &config_text(url, branch, path))).unwrap()
}

fn sync_bin(config: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_scs-bot"));
    command
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_API_BASE")
        .arg("--config")
        .arg(config)
        .arg("sync");
    command
}

fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn served_text(core: &Core) -> String {
    let answer = core.answer("/partners", "en");
    serde_json::to_string(&answer).unwrap()
}

#[test]
fn sync_clones_then_reports_pages_and_partners_added_removed_and_changed() {
    let dir = tempfile::tempdir().unwrap();
    let upstream = website(&dir.path().join("upstream"));
    let bot = dir.path().join("bot");
    std::fs::create_dir_all(&bot).unwrap();
    let config_path = write_config(&bot, &config_text(&upstream.url(), "main", "src/content"));

    let output = sync_bin(&config_path).output().unwrap();
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("cloned at commit"), "{stdout}");
    assert!(
        stdout.contains("Pages added (3): en/network, en/old, en/standards"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Partners added (2): Alpha (en), Beta (en)"),
        "{stdout}"
    );

    upstream.write(
        "src/content/en/network.md",
        &network_page(&["Alpha", "Gamma"]),
    );
    upstream.remove("src/content/en/old.md");
    upstream.write(
        "src/content/en/new.md",
        "---\ntitle: New\nslug: new\nlang: en\n---\n# New\n\nA new page.\n",
    );
    upstream.write(
        "src/content/en/standards.md",
        "---\ntitle: Standards\nslug: standards\nlang: en\n---\n# Standards\n\nThe certification covers flavor naming and more.\n",
    );
    let second = upstream.commit("second");

    let output = sync_bin(&config_path).output().unwrap();
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains(&format!("now at commit {}", &second[..12])),
        "{stdout}"
    );
    assert!(stdout.contains("Pages added (1): en/new"), "{stdout}");
    assert!(stdout.contains("Pages removed (1): en/old"), "{stdout}");
    assert!(
        stdout.contains("Pages changed (2): en/network, en/standards"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Partners added (1): Gamma (en)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Partners removed (1): Beta (en)"),
        "{stdout}"
    );

    let output = sync_bin(&config_path).output().unwrap();
    let (stdout, _) = text(&output);
    assert!(stdout.contains("nothing new upstream"), "{stdout}");
    assert!(stdout.contains("Nothing changed"), "{stdout}");
}

#[test]
fn the_running_core_serves_the_new_content_after_a_reload_pulls_it() {
    let dir = tempfile::tempdir().unwrap();
    let upstream = website(&dir.path().join("upstream"));
    let bot = dir.path().join("bot");
    std::fs::create_dir_all(&bot).unwrap();
    // A plain path works as well as a file:// URL.
    let config = config(
        &bot,
        &upstream.dir.display().to_string(),
        "main",
        "src/content",
    );
    let core = Core::open(config).expect("the first open clones");
    assert!(served_text(&core).contains("Beta"));

    upstream.write(
        "src/content/en/network.md",
        &network_page(&["Alpha", "Gamma"]),
    );
    let commit = upstream.commit("Gamma joins");
    let report = core.reload().unwrap();
    assert_eq!(report.partners_added, ["Gamma (en)"]);
    assert_eq!(report.partners_removed, ["Beta (en)"]);
    assert_eq!(report.pulled.as_ref().unwrap().commit, commit);
    let served = served_text(&core);
    assert!(
        served.contains("Gamma") && !served.contains("Beta"),
        "{served}"
    );
    assert!(report.pulled_line("de").unwrap().contains(&commit[..12]));
}

/// The error of a reload that had to fail, as a [`PullFailed`].
fn pull_failure(core: &Core) -> PullFailed {
    let err = core.reload().expect_err("the pull must fail");
    err.downcast_ref::<PullFailed>()
        .unwrap_or_else(|| panic!("not a pull failure: {err:#}"))
        .clone()
}

#[test]
fn a_missing_branch_or_path_or_a_bad_url_keeps_the_last_good_content_and_names_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let upstream = website(&dir.path().join("upstream"));
    let bot = dir.path().join("bot");
    std::fs::create_dir_all(&bot).unwrap();
    let first = upstream.git(&["rev-parse", "HEAD"]).trim().to_string();
    let core = Core::open(config(&bot, &upstream.url(), "main", "src/content")).unwrap();
    let cases = [
        (
            upstream.url(),
            "no-such-branch",
            "src/content",
            "`git.branch`",
        ),
        (upstream.url(), "main", "src/nowhere", "`git.path`"),
        (upstream.url(), "main", "README.md", "`git.path`"),
        (
            format!("file://{}", dir.path().join("nothing-here").display()),
            "main",
            "src/content",
            "`git.url`",
        ),
    ];
    // The upstream moved on meanwhile: a failed pull must not bring any of it in.
    upstream.write("src/content/en/late.md", "# Late\n\nToo late.\n");
    upstream.commit("late");
    for (url, branch, path, key) in cases {
        let failed = scs_bot::core::git::pull(config(&bot, &url, branch, path).git().unwrap())
            .expect_err("the pull must fail");
        assert!(failed.why.contains(key), "{key}: {}", failed.why);
        assert_eq!(failed.serving.as_deref(), Some(first.as_str()));
        assert!(served_text(&core).contains("Beta"));
        assert!(
            !bot.join("checkout/current/src/content/en/late.md").exists(),
            "nothing of a failed pull is served"
        );
        let trees = std::fs::read_dir(bot.join("checkout/trees"))
            .unwrap()
            .count();
        assert_eq!(trees, 1, "a refused tree is removed");
    }
}

#[test]
fn a_fetch_that_breaks_off_mid_way_keeps_the_old_checkout() {
    let dir = tempfile::tempdir().unwrap();
    let upstream = website(&dir.path().join("upstream"));
    let bot = dir.path().join("bot");
    std::fs::create_dir_all(&bot).unwrap();
    let config = config(&bot, &upstream.url(), "main", "src/content");
    let core = Core::open(config).unwrap();
    let before = std::fs::read_link(bot.join("checkout/current")).unwrap();

    // A new commit whose page blob is then lost upstream: the upstream starts sending the
    // pack and fails half-way, as a broken server or connection would.
    upstream.write(
        "src/content/en/broken.md",
        "# Broken\n\nA page that never arrives.\n",
    );
    upstream.commit("broken");
    let blob = upstream
        .git(&["rev-parse", "HEAD:src/content/en/broken.md"])
        .trim()
        .to_string();
    let object = upstream
        .dir
        .join(".git/objects")
        .join(&blob[..2])
        .join(&blob[2..]);
    std::fs::remove_file(object).unwrap();

    let failed = pull_failure(&core);
    assert!(failed.why.contains("`git.url`"), "{}", failed.why);
    assert_eq!(
        std::fs::read_link(bot.join("checkout/current")).unwrap(),
        before
    );
    assert!(served_text(&core).contains("Beta"));
    let trees: Vec<_> = std::fs::read_dir(bot.join("checkout/trees"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(trees.len(), 1, "only the served tree: {trees:?}");
}

#[test]
fn a_path_that_links_out_of_the_repository_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let upstream = website(&dir.path().join("upstream"));
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.md"), "# Secret\n").unwrap();
    std::os::unix::fs::symlink(&outside, upstream.dir.join("pages")).unwrap();
    upstream.commit("a link out");
    let bot = dir.path().join("bot");
    std::fs::create_dir_all(&bot).unwrap();
    let err = Core::sync(config(&bot, &upstream.url(), "main", "pages")).unwrap_err();
    assert!(format!("{err:#}").contains("`git.path`"), "{err:#}");
    assert!(!bot.join("checkout/current").exists());
}

#[test]
fn sync_exits_two_naming_the_key_when_git_is_missing_or_the_url_is_bad() {
    let dir = tempfile::tempdir().unwrap();
    let upstream = website(&dir.path().join("upstream"));
    let bot = dir.path().join("bot");
    std::fs::create_dir_all(&bot).unwrap();
    let config_path = write_config(&bot, &config_text(&upstream.url(), "main", "src/content"));

    let output = sync_bin(&config_path).env("PATH", "").output().unwrap();
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("`git.program`"), "{stderr}");

    let bad = write_config(
        &bot,
        &config_text("https://127.0.0.1:9/nothing", "main", "src/content"),
    );
    let output = sync_bin(&bad)
        .env("GIT_HTTP_LOW_SPEED_TIME", "5")
        .output()
        .unwrap();
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("`git.url`"), "{stderr}");
}

#[test]
fn bad_git_settings_are_errors_naming_the_key() {
    let cases = [
        ("url = \"--upload-pack=touch /tmp/x\"", "`git.url`"),
        ("url = \"ext::sh -c touch% /tmp/x\"", "`git.url`"),
        ("url = \"https://x\"\nbranch = \"-x\"", "`git.branch`"),
        ("url = \"https://x\"\nbranch = \"a..b\"", "`git.branch`"),
        ("url = \"https://x\"\npath = \"../elsewhere\"", "`git.path`"),
        ("url = \"https://x\"\npath = \"/etc\"", "`git.path`"),
        ("url = \"https://x\"\npull_minutes = -1", "pull_minutes"),
        ("url = \"https://x\"\ncolour = \"blue\"", "colour"),
        ("branch = \"main\"", "url"),
    ];
    for (table, key) in cases {
        let err = Config::parse(&format!("[git]\n{table}\n")).unwrap_err();
        assert!(format!("{err:#}").contains(key), "{table}: {err:#}");
    }
    let err = Config::parse("content = \"c\"\n[git]\nurl = \"https://x\"\n").unwrap_err();
    assert!(
        format!("{err:#}").contains("`content` and `[git]`"),
        "{err:#}"
    );
}

#[test]
fn the_checkout_defaults_to_a_folder_next_to_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_config(
        dir.path(),
        "index = \"data/index\"\n[git]\nurl = \"https://example.org/site\"\npath = \"src/content\"\n",
    );
    let config = Config::load(&path).unwrap();
    let git = config.git().unwrap();
    assert_eq!(git.checkout(), dir.path().join("data/index-checkout"));
    assert_eq!(git.branch, "main");
    assert_eq!(git.pull_minutes, 15);
    assert_eq!(
        config.content,
        dir.path().join("data/index-checkout/current/src/content")
    );
}

#[test]
fn a_checkout_inside_the_index_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_config(
        dir.path(),
        "index = \"index\"\n[git]\nurl = \"https://example.org/site\"\ncheckout = \"index/site\"\n",
    );
    let err = Config::load(&path).unwrap_err();
    assert!(format!("{err:#}").contains("`git.checkout`"), "{err:#}");
}
