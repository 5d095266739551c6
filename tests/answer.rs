//! The answering boundary: content folder + config → `Answer`, through `Core` (loader, index,
//! routing, commands), with no network.

mod common;

use common::copy_dir;
use scs_bot::answer::{Answer, Outcome};
use scs_bot::config::Config;
use scs_bot::core::Core;
use std::path::PathBuf;

/// The shipped seed page plus the fixture site (a German network page and an extra English
/// page), in a temp folder with its own index.
struct Site {
    _dir: tempfile::TempDir,
    core: Core,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&root().join("tests/fixtures/site"), &content);
    std::fs::copy(
        root().join("content/en/network.md"),
        content.join("en/network.md"),
    )
    .unwrap();
    let mut config = Config::parse(include_str!("../config.toml")).unwrap();
    config.content = content;
    config.index = dir.path().join("index");
    let core = Core::open(config).unwrap();
    Site { _dir: dir, core }
}

fn ask(input: &str, lang: &str) -> Answer {
    site().core.answer(input, lang)
}

/// Asserts that each of `questions`, asked in `lang`, is held back ("not found"): all on one
/// site.
fn held_back(lang: &str, questions: &[&str]) {
    let site = site();
    for question in questions {
        let answer = site.core.answer(question, lang);
        assert_eq!(answer.outcome, Outcome::NotFound, "{question}: {answer:#?}");
    }
}

fn names(answer: &Answer) -> Vec<&str> {
    answer.partners.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn partners_lists_the_fourteen_founding_members_with_their_urls() {
    let answer = ask("/partners", "en");
    assert_eq!(answer.command, "partners");
    assert_eq!(answer.outcome, Outcome::Answered);
    assert_eq!(answer.partners.len(), 14);
    assert_eq!(answer.partners[0].name, "artcodix GmbH");
    assert_eq!(
        answer.partners[0].url.as_deref(),
        Some("https://artcodix.de")
    );
    assert!(
        names(&answer).contains(&"Dataport AöR"),
        "mojibake repaired"
    );
    assert!(names(&answer).contains(&"Cloud&Heat Technologies GmbH"));
    assert!(names(&answer).contains(&"ScaleUp Technologies GmbH & Co. KG"));
    assert!(answer.partners.iter().all(|p| p.url.is_some()));
    assert_eq!(answer.hits[0].section, "Our Partners in the Network");
    assert_eq!(
        answer.hits[0].url,
        "https://scs.community/en/network#our-partners-in-the-network"
    );
}

#[test]
fn partners_with_a_name_gives_that_partner_even_with_a_typo() {
    for typed in ["syseleven", "SysEleven GmbH", "sysleven"] {
        let answer = ask(&format!("/partners {typed}"), "en");
        assert_eq!(names(&answer), ["SysEleven GmbH"], "for {typed:?}");
    }
    assert_eq!(
        names(&ask("/partners cloud&heat", "en")),
        ["Cloud&Heat Technologies GmbH"]
    );
}

#[test]
fn partners_with_an_unknown_name_says_so_and_lists_all() {
    let answer = ask("/partners microsoft", "en");
    assert_eq!(answer.outcome, Outcome::NotFound);
    assert!(answer.text.contains("microsoft"));
    assert_eq!(answer.partners.len(), 14);
}

#[test]
fn join_gives_the_forum_address() {
    let answer = ask("/join", "en");
    assert_eq!(answer.command, "join");
    assert_eq!(answer.contacts, ["forum-scs-standards@osb-alliance.com"]);
    assert_eq!(answer.hits[0].anchor, "get-involved");
    assert!(answer.text.contains("open to new members"));
}

#[test]
fn links_lists_the_further_links() {
    let answer = ask("/links", "en");
    assert_eq!(answer.links.len(), 5);
    assert_eq!(answer.links[0].title, "Technical Documentation SCS");
    assert_eq!(answer.links[0].url, "https://docs.scs.community");
}

#[test]
fn about_and_goals_answer_from_their_sections() {
    let about = ask("/about", "en");
    assert!(about.text.contains("digital sovereignty"));
    let goals = ask("/goals", "en");
    assert_eq!(goals.title, "Goals of the Forum");
    assert_eq!(
        goals.hits[0].path,
        ["OSBA Forum SCS-Standards", "Goals of the Forum"]
    );
    assert!(goals.text.contains("certifications"));
}

#[test]
fn configured_command_answers_from_its_section() {
    let answer = ask("/gaiax", "en");
    assert_eq!(answer.command, "gaiax");
    assert_eq!(answer.title, "Contributions to Gaia-X and GXFS");
}

#[test]
fn questions_asking_for_a_command_are_routed_to_it() {
    for (question, command) in [
        ("who are the partners?", "partners"),
        ("Which companies are founding members?", "partners"),
        ("how do I join?", "join"),
        ("what is the contact e-mail?", "join"),
        ("where can I find further links?", "links"),
        ("what are the goals of the forum?", "goals"),
        // "achieve" stands in the introduction too: a trigger's own words don't point away.
        ("what does the forum want to achieve", "goals"),
    ] {
        assert_eq!(ask(question, "en").command, command, "for {question:?}");
    }
}

#[test]
fn asking_for_the_list_of_partners_gets_the_list_even_where_a_page_mentions_list_and_partners() {
    let site = site();
    for (question, lang) in [
        ("list the partners", "en"),
        ("list the members of the forum", "en"),
        ("show all partners", "en"),
        ("Liste der Partner", "de"),
        ("zeige alle Partner", "de"),
        ("Partnerliste bitte", "de"),
    ] {
        let answer = site.core.answer(question, lang);
        assert_eq!(answer.command, "partners", "for {question:?}: {answer:#?}");
        assert!(!answer.partners.is_empty(), "for {question:?}: {answer:#?}");
    }
    // Words of its own ("certified clouds", "spring") are still searched.
    let answer = site.core.answer(
        "which new partners joined the list of certified clouds this spring?",
        "en",
    );
    assert_eq!(answer.command, "search", "{answer:#?}");
    assert_eq!(answer.hits[0].page, "extra", "{answer:#?}");
}

#[test]
fn a_question_made_only_of_trigger_words_is_routed_even_when_another_page_matches_better() {
    // The fixture's "Joining forces … join …" section outscores "Get Involved" for "join".
    let site = site();
    let search = site.core.answer("joining", "en");
    assert_eq!(search.command, "search");
    assert_eq!(search.hits[0].page, "alliance");
    for (question, lang, command) in [
        ("how do I join?", "en", "join"),
        ("How can I contact you?", "en", "join"),
        ("wie werde ich Mitglied?", "de", "join"),
        ("wie kann ich euch erreichen?", "de", "join"),
        ("welche Firmen sind Mitglied im Forum?", "de", "partners"),
    ] {
        assert_eq!(
            site.core.answer(question, lang).command,
            command,
            "for {question:?}"
        );
    }
    assert_eq!(
        site.core
            .answer("which associations are joining forces on standards?", "en")
            .command,
        "search",
        "a question with words of its own is still searched"
    );
}

#[test]
fn link_lists_are_not_repeated_in_the_answer_text() {
    for (lang, title) in [
        ("en", "Technical Documentation SCS"),
        ("de", "Dokumentation"),
    ] {
        let answer = ask("/links", lang);
        assert!(
            answer.links.iter().any(|l| l.title == title),
            "{:?}",
            answer.links
        );
        assert!(
            answer.text.lines().all(|l| l.trim() != title),
            "{lang}: {:?} is listed as a link and in the text: {:?}",
            title,
            answer.text
        );
    }
    let join = ask("/join", "en");
    assert!(join.text.contains("forum-scs-standards@osb-alliance.com"));
}

#[test]
fn a_heading_that_is_a_whole_sentence_is_shortened_as_the_reply_title() {
    let answer = ask("regulation and development talk early", "en");
    assert_eq!(answer.command, "search");
    let heading = "8. Innovation is iterative and needs open exchange between regulation, \
                   standardization, development and operation!";
    assert_eq!(
        answer.hits[0].section, heading,
        "hits keep the whole heading"
    );
    assert_eq!(
        answer.title,
        "8. Innovation is iterative and needs open exchange between …"
    );
    assert_eq!(
        ask("/partners", "en").title,
        "Our Partners in the Network",
        "short headings stay whole"
    );
}

#[test]
fn asking_whether_someone_is_part_of_the_forum_lists_the_partners() {
    for (question, lang) in [
        ("is quillworks part of the forum?", "en"),
        ("ist quillworks teil des netzwerks?", "de"),
        // In the words chat uses: belonging to the body, nothing else asked.
        ("Gehört Quillworks zum Netzwerk?", "de"),
        ("Ist Quillworks beim Forum dabei?", "de"),
        (
            "Ist die Quillworks Gruppe bei den Gründungsmitgliedern?",
            "de",
        ),
        ("is Quillworks represented in the forum?", "en"),
        // The partners by their count: "among the 14".
        ("quillworks among the 14? just double-checking", "en"),
        // A name typed in capitals is meant as typed: "LINKZ" is no "links".
        ("Ist LINKZ beim Forum dabei?", "de"),
    ] {
        let answer = ask(question, lang);
        assert_eq!(answer.command, "partners", "{question}: {answer:#?}");
        assert!(!answer.partners.is_empty(), "{question}: {answer:#?}");
    }
    // Not a thing the pages speak of, nor a thing at all.
    for (question, lang) in [
        ("Gehört OpenInfra zum Forum?", "de"),
        ("Gehört die Zertifizierung zum Forum?", "de"),
        ("which of the 14 run gpus?", "en"),
        ("is k2 among the 14 eight-thousanders?", "en"),
    ] {
        let answer = ask(question, lang);
        assert_ne!(answer.command, "partners", "{question}: {answer:#?}");
    }
}

#[test]
fn asking_whether_a_company_is_among_the_founders_lists_the_partners() {
    for (question, lang) in [
        ("is quillworks among the founders?", "en"),
        ("hey, is quillworks one of the founders or nah", "en"),
        ("quillworks: irgendwo bei den gründern aufgezählt?", "de"),
        (
            "quillworks gruppe: gründungsmitglied laut dieser seite?",
            "de",
        ),
        // A name of two words, then where it would be listed, without a verb.
        ("tarent (bonn) on the founders list?", "en"),
        ("tarent solutions on the founders list?", "en"),
    ] {
        let answer = ask(question, lang);
        assert_eq!(answer.command, "partners", "{question}: {answer:#?}");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
    }
    // Another list is not the partner list.
    let links = ask("was steht auf der liste der weiterführenden links?", "de");
    assert_eq!(links.command, "links", "{links:#?}");
}

#[test]
fn a_remark_after_the_question_about_a_partner_does_not_make_it_unsure() {
    let site = site();
    check_partner_list(
        &site.core,
        &[
            (
                "is syseleven in? asking because my boss wants to know",
                "en",
            ),
            // (The fixture's German pages have no partner list: asked in English.)
            (
                "Ist Dataport dabei? Bei mir steht da irgendwas Komisches mit dem Namen",
                "en",
            ),
            ("Ist Quillworks dabei? Kollege meint nein", "en"),
        ],
    );
    // A correction after the question says what is asked.
    let answer = site
        .core
        .answer("who are the partners? I mean the summit sponsors", "en");
    assert_ne!(answer.command, "partners", "{answer:#?}");
}

#[test]
fn asking_who_takes_part_lists_the_partners_and_asking_how_to_take_part_joins() {
    for (question, lang, command) in [
        ("who's in the network?", "en", "partners"),
        ("who takes part?", "en", "partners"),
        // German splits the verb: "wer macht mit" is "mitmachen" asked with "wer".
        ("wer macht mit?", "de", "partners"),
        // Whether some company is in it: the list answers (no: it isn't there).
        ("is ovh in the network too", "en", "partners"),
        ("ist ovh auch im netzwerk?", "de", "partners"),
        ("does stackit belong to the forum?", "en", "partners"),
        // A name beside a trigger phrase the search drops ("in there") asks the list too.
        ("hetzner in there?", "en", "partners"),
        ("Wer ist dabei?", "de", "partners"),
        // German chat says it "auch dabei", "mit im Boot", "gehört dazu".
        ("ist hetzner auch dabei?", "de", "partners"),
        ("hetzner auch mit im boot?", "de", "partners"),
        ("und hetzner, gehören die auch dazu?", "de", "partners"),
        // A name no page has, beside words that ask about the list: the list answers.
        ("proxmox in that forum?", "en", "partners"),
        ("quillworks in that forum, or not?", "en", "partners"),
        (
            "does anyone know if quillworks shows up among the founders?",
            "en",
            "partners",
        ),
        // "mache" is a verb the search drops by itself; joined with "mit" it asks to join.
        ("wie mache ich mit?", "de", "join"),
        ("wie kann ich mitmachen?", "de", "join"),
        // Asked for a company as for oneself.
        ("an wen wenden wir uns?", "de", "join"),
        ("wir wollen ins Forum, an wen wenden wir uns?", "de", "join"),
    ] {
        let answer = ask(question, lang);
        assert_eq!(answer.command, command, "{question}: {answer:#?}");
    }
}

#[test]
fn a_trigger_phrase_of_small_words_beside_a_topic_word_is_not_the_command() {
    for (question, lang) in [
        ("what's the weather in there?", "en"),
        ("any good pizza in there?", "en"),
        ("can I post memes in that forum?", "en"),
        ("what's on there for dinner tonight?", "en"),
        ("gibt es auch dazu eine pizza?", "de"),
        ("Was gehört dazu?", "de"),
        ("Welche Unterlagen gehören dazu?", "de"),
        ("Sind wir im Boot?", "de"),
    ] {
        let answer = ask(question, lang);
        assert_eq!(answer.outcome, Outcome::NotFound, "{question}: {answer:#?}");
    }
}

#[test]
fn question_naming_a_partner_gives_that_partner() {
    let answer = ask("is wavecon a partner?", "en");
    assert_eq!(answer.command, "partners");
    assert_eq!(names(&answer), ["Wavecon GmbH"]);
}

#[test]
fn free_question_finds_the_section_with_a_deep_link() {
    let answer = ask("kata containers", "en");
    assert_eq!(answer.command, "search");
    let top = &answer.hits[0];
    assert_eq!(
        top.anchor,
        "collaboration-with-the-open-infrastructure-foundation"
    );
    assert!(top
        .url
        .ends_with("#collaboration-with-the-open-infrastructure-foundation"));
    assert!(
        top.snippet.contains("**"),
        "matched words in bold: {}",
        top.snippet
    );
}

#[test]
fn nothing_found_points_to_help_and_the_contact() {
    let answer = ask("quantum banana smoothie", "en");
    assert_eq!(answer.outcome, Outcome::NotFound);
    assert!(answer.hits.is_empty());
    assert!(answer.text.contains("/help"));
    assert!(answer
        .contacts
        .contains(&"forum-scs-standards@osb-alliance.com".to_string()));
}

#[test]
fn german_locale_answers_from_german_content() {
    let answer = ask("/partners", "de");
    assert_eq!(answer.language, "de");
    assert_eq!(
        names(&answer),
        [
            "Beispiel Wolke GmbH",
            "Rechenzentrum Süd AöR",
            "Ohne Link e.V."
        ]
    );
    assert_eq!(
        answer.partners[2].url, None,
        "a partner without a link is kept"
    );
    assert_eq!(ask("/join", "de").contacts, ["mitmachen@forum.example"]);
    assert_eq!(ask("wie kann ich mitmachen?", "de").command, "join");
}

#[test]
fn a_language_without_the_section_falls_back_to_english() {
    let answer = ask("/gaiax", "de");
    assert_eq!(answer.language, "en");
    assert_eq!(answer.title, "Contributions to Gaia-X and GXFS");
    let unknown_locale = ask("/join", "fr");
    assert_eq!(unknown_locale.language, "en");
}

#[test]
fn bad_input_is_refused_with_what_to_do() {
    let unknown = ask("/frobnicate", "en");
    assert_eq!(unknown.outcome, Outcome::Refused);
    assert!(unknown.text.contains("/help"));
    let long = ask(&"why ".repeat(200), "en");
    assert_eq!(long.outcome, Outcome::Refused);
    assert!(long.text.contains("too long"));
    assert_eq!(ask("   ", "en").outcome, Outcome::Refused);
}

#[test]
fn help_lists_every_command_with_its_description() {
    let answer = ask("/help", "en");
    for name in [
        "/partners",
        "/join",
        "/links",
        "/about",
        "/goals",
        "/gaiax",
        "/ask",
        "/help",
    ] {
        assert!(
            answer.text.contains(name),
            "{name} missing from {}",
            answer.text
        );
    }
}

#[test]
fn ask_json_has_exactly_the_documented_keys() {
    let value = serde_json::to_value(ask("/join", "en")).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
        "query",
        "language",
        "command",
        "hits",
        "partners",
        "contacts",
        "links",
        "text",
        "confidence",
    ];
    expected.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, expected);
    let hit: Vec<&str> = value["hits"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut hit = hit;
    hit.sort();
    assert_eq!(
        hit,
        ["anchor", "language", "page", "path", "score", "section", "snippet", "title", "url"]
    );
}

#[test]
fn partner_autocomplete_ranks_prefixes_first() {
    let site = site();
    let names = site.core.complete_partner("sy", "en");
    assert_eq!(
        names,
        ["SysEleven GmbH", "Syself GmbH", "B1-Systems GmbH"],
        "name prefix, then word prefix"
    );
    assert_eq!(
        site.core.complete_partner("sysleven", "en"),
        ["SysEleven GmbH"],
        "typo"
    );
    assert_eq!(site.core.complete_partner("", "en").len(), 14);
    assert_eq!(
        site.core.complete_partner("heat", "en"),
        ["Cloud&Heat Technologies GmbH"]
    );
}

#[test]
fn reload_reports_what_changed_and_serves_the_new_content() {
    let site = site();
    let content = site.core.config().content.clone();
    let page = content.join("de/netzwerk.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        text.replace("- Ohne Link e.V.\n", "- [Neu AG](https://neu.example)\n"),
    )
    .unwrap();
    std::fs::remove_file(content.join("en/extra.md")).unwrap();
    let report = site.core.reload().unwrap();
    assert_eq!(report.pages_removed, ["en/extra"]);
    assert_eq!(report.pages_changed, ["de/network"]);
    assert_eq!(report.partners_added, ["Neu AG (de)"]);
    assert_eq!(report.partners_removed, ["Ohne Link e.V. (de)"]);
    assert!(site.core.answer("/partners neu", "de").partners[0]
        .url
        .is_some());
}

#[test]
fn failed_reload_keeps_serving_the_last_good_state() {
    let site = site();
    let content = site.core.config().content.clone();
    std::fs::rename(&content, content.with_extension("gone")).unwrap();
    assert!(site.core.reload().is_err());
    assert_eq!(site.core.answer("/partners", "en").partners.len(), 14);
}

#[test]
fn invisible_characters_inside_words_do_not_break_the_search() {
    let answer = ask("ka\u{200b}ta con\u{200d}tainers\u{202e}", "en");
    assert_eq!(
        answer.hits[0].anchor,
        "collaboration-with-the-open-infrastructure-foundation"
    );
    assert_eq!(ask("/jo\u{00ad}in", "en").command, "join");
}

/// Content without the network page (another site, a renamed heading): free questions that
/// would go to a command are searched instead of answered with a message for moderators; the
/// explicit command still says what is missing, and the load reports the command.
#[test]
fn without_a_commands_section_free_questions_are_searched_and_the_load_warns() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("en")).unwrap();
    std::fs::write(
        content.join("en/about.md"),
        "---\ntitle: About\n---\n\n## What is the Sovereign Cloud Stack\n\nThe Sovereign Cloud Stack is an open cloud stack built by many partners together.\n",
    )
    .unwrap();
    let mut config = Config::load(&root().join("config.toml")).unwrap();
    config.content = content;
    config.index = dir.path().join("index");
    let core = Core::open(config).unwrap();
    for question in ["who are the partners?", "what is the sovereign cloud stack"] {
        let answer = core.answer(question, "en");
        assert_eq!(answer.command, "search", "{question}: {answer:#?}");
        assert!(
            !answer.text.contains("config.toml"),
            "{question}: {answer:#?}"
        );
    }
    let explicit = core.answer("/partners", "en");
    assert_eq!(explicit.outcome, Outcome::NotFound);
    assert!(
        explicit.text.contains("Our Partners in the Network"),
        "{explicit:#?}"
    );
    let problems = &core.state().problems;
    assert!(
        problems
            .iter()
            .any(|p| p.field.as_deref() == Some("commands.partners.section")),
        "{problems:#?}"
    );
}

#[test]
fn greetings_and_thanks_get_a_short_reply_that_points_to_help() {
    for (said, lang) in [
        ("hi", "en"),
        ("thanks!", "en"),
        ("ok lol", "en"),
        ("Vielen Dank", "de"),
        ("moin", "de"),
        ("thanks a lot", "en"),
        ("good morning bot", "en"),
        ("lmao", "en"),
        ("super, danke dir", "de"),
        // A newcomer saying hello.
        ("yo, just joined the server 👋", "en"),
        ("hi everyone, I'm new here", "en"),
        ("moin zusammen, bin neu hier", "de"),
    ] {
        let answer = ask(said, lang);
        assert_eq!(answer.command, "smalltalk", "{said}: {answer:#?}");
        assert!(answer.hits.is_empty());
        assert!(
            answer.text.contains("/help") || answer.text.contains("/hilfe"),
            "{said}: {answer:#?}"
        );
    }
}

#[test]
fn a_newcomer_asking_something_is_answered_not_greeted() {
    for (said, lang, command) in [
        ("hi, I'm new here, how do I join?", "en", "join"),
        (
            "just joined the server, who are the partners?",
            "en",
            "partners",
        ),
        ("bin neu hier, wie kann ich mitmachen?", "de", "join"),
    ] {
        let answer = ask(said, lang);
        assert_eq!(answer.command, command, "{said}: {answer:#?}");
    }
}

/// The shipped configuration over a fixture folder (`tests/fixtures/<name>`), indexed in a
/// temporary folder that lives as long as the returned guard.
fn fixture(name: &str) -> (tempfile::TempDir, Core) {
    let index = tempfile::tempdir().unwrap();
    let mut config = Config::load(&root().join("config.toml")).unwrap();
    config.content = root().join("tests/fixtures").join(name);
    config.index = index.path().to_path_buf();
    let core = Core::open(config).unwrap();
    (index, core)
}

/// The site-shaped fixture (tests/fixtures/scs_site).
fn site_fixture() -> (tempfile::TempDir, Core) {
    fixture("scs_site")
}

#[test]
fn which_version_of_a_thing_is_answered_only_by_a_section_stating_one_beside_it() {
    // The release notes name netbox-manager and NetBox, but give no version of either.
    let (_index, core) = site_fixture();
    check_not_found(
        &core,
        &[
            ("which netbox version does R9 use?", "en"),
            ("which version of netbox-manager ships with R9?", "en"),
        ],
    );
    // A version stated beside the thing: its section answers.
    check_answered_from(
        &core,
        &[
            (
                "which kubernetes version does R9 ship?",
                "en",
                "2025-09-26-release9",
            ),
            (
                "which OpenStack version ships with R9?",
                "en",
                "2025-09-26-release9",
            ),
        ],
    );
    // Of the release's sections, the one that states the version comes first, not its intro
    // that names the thing.
    let answer = core.answer("which ceph version does R9 install?", "en");
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert!(answer.text.contains("Ceph Reef 18.2.7"), "{answer:#?}");
}

#[test]
fn a_single_weak_word_is_not_answered_with_an_unrelated_section() {
    // On a whole site, where such words stand in many sections.
    let (_index, core) = site_fixture();
    for (word, lang) in [("time", "en"), ("what time is it?", "en")] {
        let answer = core.answer(word, lang);
        assert_eq!(answer.outcome, Outcome::NotFound, "{word}: {answer:#?}");
        assert!(answer.confidence < 0.3, "{word}: {answer:#?}");
    }
    let sure = core.answer("what is kata containers?", "en");
    assert_eq!(sure.outcome, Outcome::Answered, "{sure:#?}");
    assert!(sure.confidence >= 0.3, "{sure:#?}");
}

#[test]
fn on_one_page_a_word_it_lacks_says_little_but_a_question_about_another_topic_is_still_unanswered()
{
    // One page holds a few percent of even the most common words: "achieve" found, "short
    // version" not, is still a question about the forum's goals.
    let (_index, seed) = fixture("content/seed");
    for (question, expect) in [
        (
            "what is the forum trying to achieve, short version pls",
            "goals-of-the-forum",
        ),
        (
            "any useful links for getting started w scs?",
            "further-links",
        ),
    ] {
        let answer = seed.answer(question, "en");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].anchor, expect, "{question}: {answer:#?}");
    }
    for question in [
        "what's the weather in berlin tomorrow?",
        "write me a poem about cats",
        "how do I install python on windows?",
        "who is the best formula 1 driver?",
    ] {
        let answer = seed.answer(question, "en");
        assert_eq!(answer.outcome, Outcome::NotFound, "{question}: {answer:#?}");
    }
}

#[test]
fn german_words_for_what_an_english_page_says_find_it_through_the_glossary() {
    // The seed page is English only: "Ansprechperson" is its contact, "Bundesprojekt" the
    // federal project it was, "Nachhaltigkeit" its sustainability.
    let (_index, seed) = fixture("content/seed");
    for (question, expect) in [
        ("gibt es eine ansprechperson?", "get-involved"),
        ("ist SCS ein Bundesprojekt?", "osba-forum-scs-standards"),
        // No translation is known for "Hersteller" nor "gebunden": that says little of the topic.
        (
            "Ist SCS an einen Hersteller gebunden?",
            "the-network-behind-the-sovereign-cloud-stack-scs",
        ),
        // "sustainable" in the introduction; "dass" is no topic
        (
            "Stimmt es, dass es bei SCS auch um Nachhaltigkeit geht?",
            "the-network-behind-the-sovereign-cloud-stack-scs",
        ),
    ] {
        let answer = seed.answer(question, "de");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].anchor, expect, "{question}: {answer:#?}");
    }
}

#[test]
fn a_misspelt_common_word_is_read_as_the_word_meant_not_as_a_name() {
    let (_index, seed) = fixture("content/seed");
    // Misspelt stopwords ("wich", "thier") are dropped like the stopwords; a misspelt word of
    // no page ("membrship") is that word, which the glossary then finds.
    for (misspelt, meant, lang) in [
        (
            "wich founders have 'systems' in thier names?",
            "which founders have 'systems' in their names?",
            "en",
        ),
        (
            "how do we aply for membrship",
            "how do we apply for membership",
            "en",
        ),
    ] {
        let typed = seed.answer(misspelt, lang);
        let right = seed.answer(meant, lang);
        assert_eq!(typed.outcome, Outcome::Answered, "{misspelt}: {typed:#?}");
        assert_eq!(typed.hits[0].anchor, right.hits[0].anchor, "{misspelt}");
        assert_eq!(typed.confidence, right.confidence, "{misspelt}");
    }
    // Still about something else when misspelt: "weahter" is "weather", which no page has.
    check_not_found(&seed, &[("whats the weahter in hamburg tomorow?", "en")]);
}

#[test]
fn when_the_next_of_something_is_is_answered_only_by_a_page_that_states_a_time_to_come() {
    // The events page says the next hackathon is planned for spring 2026, and states no later
    // year: in 2026 it answers, in 2027 it tells of past hackathons only.
    let day = |secs: u64| std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
    let (_index, core) = site_fixture();
    let in_2026 = core.at_time(day(1_780_000_000));
    let next = in_2026.answer("Wann ist der nächste Hackathon?", "de");
    assert_eq!(next.outcome, Outcome::Answered, "{next:#?}");
    assert_eq!(next.hits[0].anchor, "scs-hackathons", "{next:#?}");
    let in_2027 = in_2026.at_time(day(1_810_000_000));
    check_not_found(&in_2027, &[("Wann ist der nächste Hackathon?", "de")]);
    // A past one is still answered.
    let past = in_2027.answer("Wo war der Hackathon 2024?", "de");
    assert_eq!(past.outcome, Outcome::Answered, "{past:#?}");
    // The seed page states no year at all: nothing on it says when the forum next meets,
    // asked freely or of a command's section.
    let (_index, seed) = fixture("content/seed");
    check_not_found(
        &seed,
        &[
            ("when is the next forum meeting", "en"),
            ("wann ist der nächste gaia-x summit?", "de"),
        ],
    );
    // Joining is open now, whenever the asker means to.
    for (question, lang) in [
        ("I want to join next week, how do I do that?", "en"),
        (
            "Wir wollen nächstes Jahr beitreten, wen kontaktiere ich?",
            "de",
        ),
    ] {
        let join = seed.answer(question, lang);
        assert_eq!(join.outcome, Outcome::Answered, "{question}: {join:#?}");
        assert_eq!(join.command, "join", "{question}: {join:#?}");
    }
}

/// Each question (in `lang`) is answered, `anchor` first.
fn check_first(core: &Core, lang: &str, cases: &[(&str, &str)]) {
    for (question, anchor) in cases {
        let answer = core.answer(question, lang);
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].anchor, *anchor, "{question}: {answer:#?}");
    }
}

/// Asserts that each `(question, language)` gets "not found" from `core`.
fn check_not_found(core: &Core, cases: &[(&str, &str)]) {
    for (question, lang) in cases {
        let answer = core.answer(question, lang);
        assert_eq!(answer.outcome, Outcome::NotFound, "{question}: {answer:#?}");
    }
}

/// Each question (in its language) is answered by the partner list.
fn check_partner_list(core: &Core, cases: &[(&str, &str)]) {
    for (question, lang) in cases {
        let answer = core.answer(question, lang);
        assert_eq!(answer.command, "partners", "{question}: {answer:#?}");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
    }
}

/// Each question (in its language) is answered, first from the page given.
fn check_answered_from(core: &Core, cases: &[(&str, &str, &str)]) {
    for (question, lang, page) in cases {
        let answer = core.answer(question, lang);
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].page, *page, "{question}: {answer:#?}");
    }
}

#[test]
fn a_question_whose_words_found_are_all_common_is_not_answered_however_many_they_are() {
    let (_index, core) = site_fixture();
    check_not_found(
        &core,
        &[
            ("what day is it today?", "en"),
            ("Welcher Tag ist heute?", "de"),
        ],
    );
    let sure = core.answer("what is the day of the summit?", "en");
    assert_eq!(sure.outcome, Outcome::Answered, "{sure:#?}");
}

#[test]
fn a_comparison_no_page_makes_is_not_answered_from_the_page_naming_both() {
    // The partner list names both companies; no page compares them.
    let (_index, core) = site_fixture();
    check_not_found(
        &core,
        &[
            ("is artcodix cheaper than b1 systems?", "en"),
            ("which is better, artcodix or b1 systems?", "en"),
            ("Ist artcodix günstiger als B1 Systems?", "de"),
        ],
    );
    let sure = core.answer("is artcodix a partner?", "en");
    assert_eq!(sure.outcome, Outcome::Answered, "{sure:#?}");
}

#[test]
fn the_time_now_is_not_answered_from_a_page_about_the_place_asked_of() {
    // The summit page is in Berlin and states its times of day; none states the time now.
    let (_index, core) = site_fixture();
    check_not_found(
        &core,
        &[
            ("what time is it in Berlin right now?", "en"),
            ("Wie spät ist es in Berlin?", "de"),
            ("Wie viel Uhr ist es in Berlin?", "de"),
            ("what's the time in Berlin", "en"),
        ],
    );
    for (question, lang) in [
        ("Um wie viel Uhr beginnt der Summit?", "de"),
        ("what time is it starting, the summit?", "en"),
    ] {
        let sure = core.answer(question, lang);
        assert_eq!(sure.outcome, Outcome::Answered, "{question}: {sure:#?}");
        assert_eq!(sure.hits[0].page, "summit2025", "{question}: {sure:#?}");
    }
}

#[test]
fn a_kind_of_fact_the_content_never_states_is_not_answered_from_the_names_it_holds() {
    // The contact card names the person, but no page states anyone's age.
    let (_index, core) = site_fixture();
    check_not_found(
        &core,
        &[
            ("how old is Miriam Okafor?", "en"),
            ("Wie alt ist Miriam Okafor?", "de"),
            // Someone's private life is on no project's page.
            ("what does Miriam Okafor earn?", "en"),
            ("Ist Miriam Okafor verheiratet?", "de"),
            ("Welche Hobbys hat Miriam Okafor?", "de"),
            ("need Miriam Okafor's personal mail address", "en"),
        ],
    );
    // Not from a command's section either: the join section's address is the forum's.
    let (_seed_index, seed) = fixture("content/seed");
    check_not_found(&seed, &[("need ganten's personal mail address", "en")]);
    let sure = core.answer("what is Miriam Okafor's phone number?", "en");
    assert_eq!(sure.outcome, Outcome::Answered, "{sure:#?}");
    // The board page names him, but no phone number: the contact page has others' numbers.
    let answer = core.answer("what is Felipe Moreau's phone number?", "en");
    assert_eq!(answer.outcome, Outcome::NotFound, "{answer:#?}");
    let sure = core.answer("who is Felipe Moreau?", "en");
    assert_eq!(sure.outcome, Outcome::Answered, "{sure:#?}");
    // The seed page names no amount of money: what joining costs is not on it.
    let (_seed_index, seed) = fixture("content/seed");
    let answer = seed.answer("how much does it cost to join the forum?", "en");
    assert_eq!(answer.outcome, Outcome::NotFound, "{answer:#?}");
    let sure = seed.answer("how do I join the forum?", "en");
    assert_eq!(sure.outcome, Outcome::Answered, "{sure:#?}");
}

#[test]
fn the_size_of_a_partner_and_the_bots_own_opinion_are_not_answered_from_the_partner_list() {
    // The list names each partner, but not how many people work there, its customers or its
    // revenue; nor does any page hold the bot's opinion.
    let (_seed_index, seed) = fixture("content/seed");
    check_not_found(
        &seed,
        &[
            ("how many employees does SysEleven have?", "en"),
            ("stackxperts headcount?", "en"),
            ("wie viele Kunden hat plusserver?", "de"),
            ("welchen Umsatz hat Wavecon letztes Jahr gemacht?", "de"),
            ("which of the partners is the best in your opinion?", "en"),
        ],
    );
    let sure = seed.answer("is stackxperts a partner?", "en");
    assert_eq!(sure.outcome, Outcome::Answered, "{sure:#?}");
}

#[test]
fn a_long_question_framing_its_request_is_answered_from_the_section_it_names() {
    // Most of its words say what to do with the answer ("write", "short", "welcome",
    // "message"); none is on the page, yet the question is about the forum.
    let (_seed_index, seed) = fixture("content/seed");
    let answer = seed.answer(
        "pls write a short welcome message for our slack that explains what the forum scs-standards is",
        "en",
    );
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert_eq!(
        answer.hits[0].anchor, "osba-forum-scs-standards",
        "{answer:#?}"
    );
    // A short question about what no page covers is still not answered.
    check_not_found(&seed, &[("how do i make a sourdough starter?", "en")]);
}

#[test]
fn a_question_plainly_in_the_other_language_than_the_locale_is_searched_in_its_own() {
    let (_index, core) = site_fixture();
    for (question, locale, language) in [
        ("what is the lunch break at the summit?", "de", "en"),
        (
            "wann ist die mittagspause beim summit und wo ist es?",
            "en",
            "de",
        ),
    ] {
        let answer = core.answer(question, locale);
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].page, "summit2025", "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].language, language, "{question}: {answer:#?}");
    }
}

#[test]
fn contractions_and_chat_fillers_are_not_taken_for_what_a_question_is_about() {
    // "isn't" leaves "isn", "i'm" leaves "m"; "gonna", "kinda", "fürs" are no topic. Taken
    // for words no page has, they made each of these look out of scope.
    let (_index, core) = site_fixture();
    for (question, lang, expect) in [
        (
            "isn't the summit ticket free? gonna ask anyway",
            "en",
            "summit2025#secure-your-free-ticket",
        ),
        (
            "where's the summit, i'm kinda lost",
            "en",
            "summit2025#where",
        ),
        (
            "Was kostet fürs Summit ein Ticket?",
            "de",
            "summit2025#hier-sichern-sie-sich-ihr-kostenloses-ticket",
        ),
        // Chat shorthand: "yo", "info?", "rn", "ppl", "thx", "moin", "gibt's 'ne".
        ("yo summit venue info?", "en", "summit2025#where"),
        ("where's the summit rn, ppl? thx", "en", "summit2025#where"),
        ("moin, gibts ne info zum summit-ort?", "de", "summit2025#wo"),
    ] {
        let answer = core.answer(question, lang);
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        let first = format!("{}#{}", answer.hits[0].page, answer.hits[0].anchor);
        assert_eq!(first, expect, "{question}: {answer:#?}");
    }
}

#[test]
fn a_join_trigger_beside_something_no_page_is_about_is_not_the_join_command() {
    let (_index, core) = site_fixture();
    let choir = core.answer("mitmachen beim Chor", "de");
    assert_eq!(choir.outcome, Outcome::NotFound, "{choir:#?}");
    // A compound of common words ("Fußball" + "Verein") is a word of the language too.
    let club = core.answer("Wie kann ich beim Fußballverein mitmachen?", "de");
    assert_eq!(club.outcome, Outcome::NotFound, "{club:#?}");
    let forum = core.answer("wie kann ich beim forum mitmachen?", "de");
    assert_eq!(forum.command, "join", "{forum:#?}");
}

#[test]
fn the_head_of_a_heading_with_a_subtitle_names_that_section() {
    // "Lernen durch Tun" leaves one common word ("lernen") to search, which the news page
    // uses too; as the head of "Lernen durch Tun: eine Cloud im Koffer" it is a title.
    let (_index, core) = fixture("subtitles");
    for question in ["Lernen durch Tun", "lernen durch tun?"] {
        let answer = core.answer(question, "de");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(
            answer.hits[0].anchor, "lernen-durch-tun-eine-cloud-im-koffer",
            "{question}: {answer:#?}"
        );
    }
    // The one word alone names no heading.
    let alone = core.answer("lernen", "de");
    assert_eq!(alone.outcome, Outcome::NotFound, "{alone:#?}");
    // A page titled with the words is theirs, though a heading's head on a page read before
    // it says them too ("Sichere Clouds: eine Notiz des Teams").
    let titled = core.answer("Sichere Clouds", "de");
    assert_eq!(titled.hits[0].page, "sicherheit", "{titled:#?}");
}

#[test]
fn a_task_on_a_part_named_by_its_words_is_answered_however_weak_they_are() {
    // "Get Involved" is two weak words, and the request says more about the newsletter than
    // about the part: the part is still named, by its heading.
    let answer = ask(
        "Übersetz mir bitte den Absatz unter „Get Involved“ ins Deutsche, wir wollen ihn in unseren Newsletter packen.",
        "en",
    );
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert_eq!(answer.hits[0].anchor, "get-involved", "{answer:#?}");
    // The part named is the section answering, though the search puts another first ("gets"
    // is in the one on getting involved).
    let answer = ask(
        "rewrite the openinfra paragraph so a non-techie gets it, 2 sentences max",
        "en",
    );
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert_eq!(
        answer.hits[0].anchor, "collaboration-with-the-open-infrastructure-foundation",
        "{answer:#?}"
    );
    // Where a part stands names no part: "the first paragraph" of which page? Nor is a part
    // of the asker's own text one of the pages', nor a model to imitate the thing to work on.
    held_back(
        "en",
        &[
            "turn the first paragraph into a tagline",
            "write the partners section for my startup website",
            "write a love letter in the style of the get involved paragraph",
        ],
    );
}

#[test]
fn a_task_on_the_page_of_content_with_one_page_is_on_that_page() {
    // The seed page alone: "the page" is it, though no other word of the task names a part.
    let (_index, core) = fixture("content/seed");
    for (question, lang) in [
        ("summarize the whole page in three bullets", "en"),
        (
            "Fass die ganze Seite in vier Stichpunkten für unseren Newsletter zusammen.",
            "de",
        ),
        // What the made thing is for is not whose the page is.
        (
            "turn this page into a 5-question faq for our wiki, answers one sentence each",
            "en",
        ),
    ] {
        let answer = core.answer(question, lang);
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].page, "network", "{question}: {answer:#?}");
    }
    // Its introduction, however named, is the page's first section ("ersten" is no number
    // to search for).
    for (question, lang) in [
        (
            "rewrite the intro paragraph for a kids' science magazine",
            "en",
        ),
        ("turn the first paragraph into a tagline", "en"),
        ("Kürze den ersten Absatz auf zwei Sätze.", "de"),
        ("Kürze den Einleitungsabsatz auf einen Satz.", "de"),
        (
            "Mach aus der Einleitung der Seite einen gereimten Zweizeiler.",
            "de",
        ),
    ] {
        let answer = core.answer(question, lang);
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(
            answer.hits[0].anchor, "the-network-behind-the-sovereign-cloud-stack-scs",
            "{question}: {answer:#?}"
        );
    }
    // Not the introduction of another text, nor a new one for something else.
    for (question, lang) in [
        ("fass die einleitung der DSGVO zusammen", "de"),
        (
            "draft the intro for the openinfra summit keynote speech",
            "en",
        ),
        ("schreib die einleitung für meinen blogpost", "de"),
    ] {
        let answer = core.answer(question, lang);
        assert_eq!(answer.outcome, Outcome::NotFound, "{question}: {answer:#?}");
    }
    // The page itself is the task's object, whatever else the search finds ("Deutsch").
    let german = core.answer(
        "Fass die Seite in fünf Stichpunkten auf Deutsch zusammen.",
        "de",
    );
    assert_eq!(
        german.hits[0].anchor, "the-network-behind-the-sovereign-cloud-stack-scs",
        "{german:#?}"
    );
    // Not the page as the source of a task on something else, nor a thing of the page.
    let source = core.answer(
        "write a linkedin post about the gaia-x contributions, only with facts from the page",
        "en",
    );
    assert_eq!(
        source.hits[0].anchor, "contributions-to-gaia-x-and-gxfs",
        "{source:#?}"
    );
    // A task on the page that names nothing else is on it too; not on a page of the asker's.
    let haiku = core.answer("write a haiku about the page", "en");
    assert_eq!(haiku.outcome, Outcome::Answered, "{haiku:#?}");
    for question in [
        "summarize the page about cats",
        "translate the page i sent you yesterday",
        "schreib ein Gedicht über die Seite meines Tagebuchs",
    ] {
        let answer = core.answer(question, "en");
        assert_eq!(answer.outcome, Outcome::NotFound, "{question}: {answer:#?}");
    }
}

#[test]
fn the_form_an_answer_is_asked_in_is_no_topic_of_its_own() {
    // "csv", "markdown table", the columns a list shows ("name | website"), a link's "domain":
    // no page of the network has them, and they say what to make of the list, not what it
    // is about.
    check_first(
        &site().core,
        "en",
        &[
            (
                "make a csv with two columns, company,website, for every founding member",
                "our-partners-in-the-network",
            ),
            (
                "founding members as a markdown table: name | website",
                "our-partners-in-the-network",
            ),
            (
                "that link about sovereignty vs legal box-ticking, which domain does it go to?",
                "further-links",
            ),
        ],
    );
    // "The page" of many names none.
    let whole = ask("summarize the whole page in three bullets", "en");
    assert_eq!(whole.outcome, Outcome::NotFound, "{whole:#?}");
    // A column of a spreadsheet is the topic of a question about spreadsheets, and so is a
    // form word not asked as the answer's form.
    held_back(
        "de",
        &[
            "Wie zähle ich in Excel, wie oft ein bestimmtes Wort in einer Spalte vorkommt?",
            "what is a csv file",
            "YAML oder JSON für Konfiguration?",
        ],
    );
}

#[test]
fn headings_the_search_reads_alike_are_told_apart_by_the_words_typed() {
    // Both headings are "sichern", "Platz" to the search ("jetzt", "hier" are dropped): the
    // question that is one of them goes to that one.
    let (_index, core) = fixture("subtitles");
    check_first(
        &core,
        "de",
        &[
            (
                "Hier sichern Sie sich Ihren Platz!",
                "hier-sichern-sie-sich-ihren-platz",
            ),
            (
                "Sichern Sie sich jetzt Ihren Platz",
                "sichern-sie-sich-jetzt-ihren-platz",
            ),
        ],
    );
}

#[test]
fn a_heading_with_no_text_asked_by_name_links_to_it_and_shows_the_text_after_it() {
    // A tagline heading ("Musik, Wasser, Wolken") with nothing under it: the reply links to
    // it, and shows what follows.
    let (_index, core) = fixture("subtitles");
    let answer = core.answer("Musik, Wasser, Wolken", "de");
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert_eq!(answer.hits[0].anchor, "musik-wasser-wolken", "{answer:#?}");
    assert!(answer.text.contains("12. Juni"), "{answer:#?}");
}

/// The first hit of each question over tests/fixtures/announcements, as `page#anchor`.
fn check_announcements(cases: &[(&str, &str)]) {
    let (_index, core) = fixture("announcements");
    for (question, expect) in cases {
        let answer = core.answer(question, "en");
        let first = answer
            .hits
            .first()
            .map(|h| format!("{}#{}", h.page, h.anchor));
        assert_eq!(first.as_deref(), Some(*expect), "{question}: {answer:#?}");
    }
}

#[test]
fn a_release_and_a_topic_find_the_topics_section_not_the_announcements_lead() {
    // The lead paragraph repeats the title's "Release 4" and mentions every topic; the title's
    // words are shared by all the page's sections, so the topic picks the section.
    check_announcements(&[
        ("release 4 storage", "release4#storage"),
        ("R3 networking", "release3#networking"),
        ("what does R4 change in networking?", "release4#networking"),
    ]);
}

#[test]
fn a_question_about_the_release_as_a_whole_finds_the_announcements_lead() {
    check_announcements(&[
        (
            "when was release 3 published?",
            "release3#harbor-cloud-release-3",
        ),
        ("release 4", "release4#harbor-cloud-release-4"),
    ]);
}

#[test]
fn a_release_no_page_names_is_not_answered_from_the_releases_the_pages_name() {
    let (_index, core) = fixture("announcements");
    for question in [
        "what does release 7 change in networking?",
        "which storage comes with the tenth release?",
        // Older than any the pages name.
        "what was new in R1?",
    ] {
        let answer = core.answer(question, "en");
        assert_eq!(answer.outcome, Outcome::NotFound, "{question}: {answer:#?}");
    }
    // R2 has no announcement, but a page's text names it.
    let named = core.answer("what did R2 bring for networking?", "en");
    assert_eq!(named.outcome, Outcome::Answered, "{named:#?}");
}

/// A core over tests/fixtures/short_questions: a club's page (titled "Club") and a news page
/// that mentions the club in passing.
fn short_questions() -> (tempfile::TempDir, Core) {
    fixture("short_questions")
}

#[test]
fn filler_around_the_one_word_a_page_is_titled_with_asks_for_that_page() {
    let (_index, core) = short_questions();
    for question in [
        "club",
        "whats this club thing about",
        "who's in the club?",
        "what is the club about",
    ] {
        let answer = core.answer(question, "en");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].page, "club", "{question}: {answer:#?}");
    }
}

#[test]
fn general_words_the_pages_say_otherwise_and_light_verbs_do_not_keep_a_question_from_its_page() {
    let (_index, core) = short_questions();
    for (question, lang) in [
        ("what happened on mar 3 2024", "en"),
        ("how can my org join", "en"),
        ("who is backing the festival", "en"),
        ("wo ist das technische handbuch", "de"),
        ("worum geht es in dem club", "de"),
        ("who took over the festival after the old board", "en"),
    ] {
        let answer = core.answer(question, lang);
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].page, "club", "{question}: {answer:#?}");
    }
}

#[test]
fn a_city_in_a_partners_name_names_no_partner_but_the_names_first_words_do() {
    let index = tempfile::tempdir().unwrap();
    let mut config = Config::parse(include_str!("../config.toml")).unwrap();
    config.content = root().join("tests/fixtures/partner_names");
    config.index = index.path().to_path_buf();
    let core = Core::open(config).unwrap();
    let weather = core.answer("what's the weather in Hamburg?", "en");
    assert_ne!(weather.command, "partners", "{weather:#?}");
    assert_eq!(weather.outcome, Outcome::NotFound, "{weather:#?}");
    // "Open" starts a partner's name but names nothing by itself.
    let open = core.answer("open sails?", "en");
    assert_eq!(names(&open), ["Open Sails Foundation"], "{open:#?}");
    let open = core.answer("is the data centre open at night?", "en");
    assert_ne!(open.command, "partners", "{open:#?}");
    for (question, partner) in [
        ("Frost&Fire", "Frost&Fire Systems GmbH"),
        ("what does frost fire do?", "Frost&Fire Systems GmbH"),
        ("is quillworks in the network?", "Quillworks GmbH"),
    ] {
        let answer = core.answer(question, "en");
        assert_eq!(answer.command, "partners", "{question}: {answer:#?}");
        assert_eq!(names(&answer), [partner], "{question}");
    }
}

#[test]
fn a_heading_with_only_sub_headings_asked_by_name_links_to_it_and_shows_the_text_under_it() {
    let (_index, core) = short_questions();
    let answer = core.answer("Why a Harbour Choir Sings More Than Old Sea Shanties", "en");
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    let top = &answer.hits[0];
    assert_eq!(
        top.anchor, "why-a-harbour-choir-sings-more-than-old-sea-shanties",
        "{answer:#?}"
    );
    assert!(top
        .url
        .ends_with("#why-a-harbour-choir-sings-more-than-old-sea-shanties"));
    assert!(top.snippet.contains("Fishermen wrote"), "{answer:#?}");
    // What that text holds comes with it: its contact and its links.
    assert_eq!(answer.contacts, ["songs@example.org"], "{answer:#?}");
    assert!(
        answer
            .links
            .iter()
            .any(|l| l.url == "https://example.org/archive"),
        "{answer:#?}"
    );
    // The sub-heading's own section is not shown a second time.
    assert!(
        answer.hits[1..]
            .iter()
            .all(|h| h.anchor != "where-the-songs-come-from"),
        "{answer:#?}"
    );
}

#[test]
fn a_year_no_page_names_asks_about_another_time_and_is_not_answered_from_the_one_the_pages_name() {
    let (_index, core) = short_questions();
    let named = core.answer("who runs the festival since 2024?", "en");
    assert_eq!(named.outcome, Outcome::Answered, "{named:#?}");
    assert_eq!(named.hits[0].page, "club", "{named:#?}");
    let other = core.answer("who runs the festival in 2031?", "en");
    assert_eq!(other.outcome, Outcome::NotFound, "{other:#?}");
}

#[test]
fn a_long_request_for_a_command_is_not_held_back_by_the_words_framing_it() {
    // "homepages", "slide", "onboarding", "deck" are on no page: they say what the list is
    // for, not what is asked, and count less against the partner list in a long question.
    let question =
        "need the founding members with their homepages for a slide in our onboarding deck";
    let answer = ask(question, "en");
    assert_eq!(answer.command, "partners", "{answer:#?}");
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
}

#[test]
fn a_list_of_other_things_or_of_another_body_is_not_asked_of_the_partners() {
    // Words the pages use, set apart or beside a word for a list, ask about those pages;
    // "<a body> Mitglieder?" asks for that body's members.
    for (question, lang) in [
        ("Leipzig – in the list?", "en"),
        ("Hackathon-Liste?", "de"),
        ("list of hackathons?", "en"),
        ("ALASCA Mitglieder?", "de"),
        ("CNCF members?", "en"),
        ("Zorblat Mitglieder?", "de"),
        ("Ist der Vorstand Teil der Mitglieder?", "de"),
    ] {
        let answer = ask(question, lang);
        assert_ne!(answer.command, "partners", "{question}: {answer:#?}");
    }
}

#[test]
fn a_partner_named_by_the_start_of_its_name_words_is_that_partner() {
    // "tech" is no word of any page, but it starts "Technologies" of the partner's name.
    let answer = ask("scaleup tech", "en");
    assert_eq!(answer.command, "partners", "{answer:#?}");
    assert_eq!(
        names(&answer),
        ["ScaleUp Technologies GmbH & Co. KG"],
        "{answer:#?}"
    );
}

#[test]
fn a_section_holding_a_name_its_translation_leaves_out_is_shown_beside_the_translation() {
    // tests/fixtures/partial_translation: the German board section leaves out the deputy
    // from Nordlichtwerk, a name both languages' pages use elsewhere.
    let (_index, core) = fixture("partial_translation");
    let shown = |question: &str| -> Vec<(String, String)> {
        let answer = core.answer(question, "de");
        answer
            .hits
            .iter()
            .map(|h| (h.language.clone(), h.anchor.clone()))
            .collect()
    };
    let left_out = shown("Ist Nordlichtwerk im Vorstand?");
    assert!(
        left_out.contains(&("en".into(), "the-board".into())),
        "{left_out:?}"
    );
    // What the translation holds is answered from it alone.
    let translated = shown("Wer hat den Vorsitz im Vorstand?");
    assert_eq!(translated, [("de".to_string(), "der-vorstand".to_string())]);
}

#[test]
fn an_acronym_only_the_translation_uses_is_answered_from_the_translation() {
    // tests/fixtures/partial_translation: only the German meetings section names and spells
    // out the voting rule "KVORA"; "stand for" is the question's frame, not its topic.
    let (_index, core) = fixture("partial_translation");
    for question in ["what does KVORA stand for?", "kvora short for what?"] {
        let answer = core.answer(question, "en");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        let top = &answer.hits[0];
        assert_eq!(
            (top.language.as_str(), top.anchor.as_str()),
            ("de", "treffen"),
            "{question}: {answer:#?}"
        );
    }
}

#[test]
fn a_question_naming_a_page_is_answered_from_that_page() {
    // Each of these questions' words stand elsewhere too, and ranked another page first before
    // the page they name was looked for.
    let (_index, core) = site_fixture();
    for (question, page) in [
        (
            "according to the standards page, who develops the standards?",
            "standards",
        ),
        ("according to the about page, who funds SCS?", "about"),
        ("the contact page, who handles press?", "contact"),
    ] {
        let answer = core.answer(question, "en");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].page, page, "{question}: {answer:#?}");
    }
    // A page named that holds nothing of the rest of the question does not answer it.
    check_not_found(
        &core,
        &[
            ("Ist die Startseite kaputt?", "de"),
            ("is the homepage broken?", "en"),
        ],
    );
    // A page named as where something is not is no page to answer from.
    let answer = core.answer("who develops the standards? not on the about page", "en");
    assert!(
        answer.hits.first().is_none_or(|h| h.page != "about"),
        "{answer:#?}"
    );
}

#[test]
fn whether_someone_is_among_the_partners_is_answered_by_the_list_whoever_they_are() {
    // Names no page has, common words and a name on the list: the list answers each.
    for (question, lang) in [
        ("giant swarm: on the founder roster or no?", "en"),
        (
            "would the bsi count as one of the founding orgs on this page?",
            "en",
        ),
        (
            "we're about to sign with kubermatic – do they show up as a forum founder here?",
            "en",
        ),
        (
            "any universities or research institutes among the founders?",
            "en",
        ),
        ("proxmox: listed?", "en"),
        (
            "Gehört die Bundesdruckerei zu den Firmen, die das Forum mitgegründet haben?",
            "de",
        ),
        ("Steht Kubermatic auf der Mitgliederliste?", "de"),
        // A name no page has, asked of a list and nothing else: only the list can say.
        ("contabo, are they somewhere in that lineup?", "en"),
        ("is hetzner a member?", "en"),
        ("Steht IONOS auf der Mitgliederliste?", "de"),
        ("Das ITZBund – steht das mit auf der Liste?", "de"),
        ("Taucht OVH in der Liste auf?", "de"),
        ("does ovh show up on the list?", "en"),
        (
            "mirantis sells openstack too – are they among the forum's backers?",
            "en",
        ),
        // In words no phrase foresees: a name beside the list's word and small words.
        ("is adfinis one of those 14 names?", "en"),
        ("ekom21 irgendwo in der Liste der Gründer?", "de"),
        (
            "Sopra Steria – gehört die zum Gründerkreis des Forums?",
            "de",
        ),
        ("AKDB: steht die irgendwo bei den Firmen?", "de"),
    ] {
        let answer = ask(question, lang);
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.command, "partners", "{question}: {answer:#?}");
    }
    let answer = ask("is wavecon one of the founders?", "en");
    assert_eq!(names(&answer), ["Wavecon GmbH"], "{answer:#?}");
    // Other things on a list are not the partners.
    let answer = ask("which hackathons are on the list?", "en");
    assert_ne!(answer.command, "partners", "{answer:#?}");
    // Nor is a thing, or a word of the page, asked about with a list word.
    for question in [
        "is the venue listed?",
        "is the forum mentioned anywhere?",
        "is terraform mentioned anywhere?",
        "Ist TISAX auch erwähnt?",
    ] {
        let answer = ask(question, "en");
        assert_ne!(answer.command, "partners", "{question}: {answer:#?}");
    }
}

#[test]
fn when_something_will_be_is_answered_only_by_a_section_that_says_when() {
    let (_index, core) = site_fixture();
    // The sections name the technical previews and say nothing of when they end.
    check_not_found(
        &core,
        &[
            (
                "when will the central api leave the technical preview?",
                "en",
            ),
            ("when will the central api be generally available?", "en"),
            ("when will keystone domain manager be stable?", "en"),
            // Nor by years before the post: its health monitor has run since 2021.
            (
                "when will the health monitor for bare-metal clouds be ready?",
                "en",
            ),
            (
                "when is the bare-metal health monitor supposed to ship?",
                "en",
            ),
        ],
    );
    // A date, or a span of time, says when; a clause starting with "when" asks no time.
    for (question, page) in [
        ("when will release 9 be published?", "2025-09-26-release9"),
        (
            "when will patch releases be provided after upstream?",
            "2025-09-26-release9",
        ),
        (
            "when I upgrade, will my clusters keep running?",
            "2025-09-26-release9",
        ),
    ] {
        let answer = core.answer(question, "en");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].page, page, "{question}: {answer:#?}");
    }
}

#[test]
fn asking_when_something_was_is_answered_only_by_a_section_that_says_when_or_a_post_of_its_day() {
    let (_index, core) = site_fixture();
    // The network page is no post, and its section on the foundation names no date.
    check_not_found(
        &core,
        &[
            (
                "when did SCS start working with the Open Infrastructure Foundation?",
                "en",
            ),
            (
                "Seit wann arbeitet SCS mit der OpenInfra Foundation zusammen?",
                "de",
            ),
        ],
    );
    check_answered_from(
        &core,
        &[
            // A section that states the date.
            (
                "since when is the forum in charge of scs?",
                "en",
                "forum-scs-standards",
            ),
            ("when was release 6 published?", "en", "release6"),
            // A post says when what it tells of came: the release that brought it.
            (
                "since when does SCS have the keystone domain manager?",
                "en",
                "release6",
            ),
        ],
    );
}

#[test]
fn how_many_of_something_is_answered_only_by_a_section_that_states_a_count_of_it() {
    let (_index, core) = site_fixture();
    // The hackathons are listed with place and month, the community call with its hour: no
    // count of the people who came.
    check_not_found(
        &core,
        &[
            ("how many people came to the hackathon in Dresden?", "en"),
            ("Wie viele Leute waren beim Hackathon in Dresden?", "de"),
            ("how many people attend the community call?", "en"),
        ],
    );
    check_answered_from(
        &core,
        &[
            // A number beside people, participants or companies.
            (
                "how many people came to the summit 2024?",
                "en",
                "summit-2024-recap",
            ),
            (
                "Wie viele Teilnehmende hatte der erste Summit?",
                "de",
                "events",
            ),
            (
                "how many companies contributed to release 5?",
                "en",
                "release5",
            ),
            // A list of them, or a section on them, typed right or not.
            (
                "how many founding members does the forum have?",
                "en",
                "network",
            ),
            (
                "how many hackatons has SCS held?",
                "en",
                "hackathon-leipzig",
            ),
            (
                "Wie viele Gründungsmitglieder hat das Forum?",
                "de",
                "network",
            ),
        ],
    );
}

#[test]
fn a_share_in_percent_is_answered_only_by_a_section_that_states_one() {
    let (_index, core) = site_fixture();
    // The use case names plusserver's cloud and no uptime, in percent or otherwise.
    check_not_found(
        &core,
        &[
            ("what uptime in percent does plusserver guarantee?", "en"),
            (
                "how many percent of the partners are cloud providers?",
                "en",
            ),
        ],
    );
    check_answered_from(
        &core,
        &[(
            "is the reference implementation 100% open source?",
            "en",
            "digital-sovereignty",
        )],
    );
}

#[test]
fn asking_since_when_of_what_a_section_names_without_a_date_is_not_answered() {
    // The seed page's partner list names each partner and says nothing of when they joined;
    // its section on OpenInfra names Kata Containers and no date.
    for (question, lang) in [
        (
            "when exactly did wavecon become part of noris network?",
            "en",
        ),
        (
            "Seit wann gehört Kata Containers zur SCS-Infrastruktur?",
            "de",
        ),
    ] {
        let answer = ask(question, lang);
        assert_eq!(answer.outcome, Outcome::NotFound, "{question}: {answer:#?}");
    }
    // The forum's start is on the page.
    let answer = ask("since when does the forum manage scs?", "en");
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    // Joining is open now; when someone joined, the section on joining doesn't say.
    let answer = ask("when can a company join the forum?", "en");
    assert_eq!(answer.command, "join", "{answer:#?}");
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    let answer = ask("when did Wavecon join the forum?", "en");
    assert_eq!(answer.outcome, Outcome::NotFound, "{answer:#?}");
    // Whom to write to about a fee is the join contact, though the page states no fee.
    let answer = ask("who do i contact about the membership fee?", "en");
    assert_eq!(answer.command, "join", "{answer:#?}");
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    // A question asking more than when is answered for the rest.
    let answer = ask(
        "Wann wurde das Forum gegründet und was sind seine Ziele?",
        "de",
    );
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert_eq!(answer.hits[0].anchor, "ziele-des-forums", "{answer:#?}");
}

#[test]
fn a_task_on_the_partner_list_named_by_a_compound_lists_the_partners() {
    // "Partnerliste" is the list, and "eine Tabelle" what to make of it, not a part.
    for question in [
        "Mach aus der Partnerliste eine Tabelle",
        "Mach aus der Gründerliste eine CSV-Datei",
        // "Erstelle" is a verb, not "erst" + "Elle".
        "Erstelle aus der Partnerliste eine nummerierte Liste",
    ] {
        let answer = ask(question, "de");
        assert_eq!(answer.command, "partners", "{question}: {answer:#?}");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert!(!answer.partners.is_empty(), "{question}: {answer:#?}");
    }
    // "bei den Mitgliedern" asks whether someone is among them only as a question of
    // belonging ("Ist X bei den …?").
    let answer = ask("Ist Quillworks bei den Gründungsmitgliedern?", "de");
    assert_eq!(answer.command, "partners", "{answer:#?}");
    let answer = ask("Was ist bei den Mitgliedern des Forums üblich?", "de");
    assert_ne!(answer.command, "partners", "{answer:#?}");
}

#[test]
fn a_task_is_answered_by_the_part_it_is_about_whatever_kind_of_text_it_asks_for() {
    // The slogan, its length and the verb weigh as generic words do, not as a topic the
    // pages lack.
    let question = "Schreib einen kurzen Slogan zu den Zielen des Forums, höchstens zehn Wörter.";
    let answer = ask(question, "de");
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert_eq!(answer.hits[0].anchor, "ziele-des-forums", "{answer:#?}");
    // A theme the pages don't cover is still out of scope, whatever the text.
    for (question, lang) in [
        ("write me a poem about cats", "en"),
        ("schreib mir ein gedicht über den herbst", "de"),
        (
            "write a limerick about a sysadmin and a broken server",
            "en",
        ),
    ] {
        let answer = ask(question, lang);
        assert_eq!(answer.outcome, Outcome::NotFound, "{question}: {answer:#?}");
    }
}

#[test]
fn a_question_of_nothing_but_a_page_name_is_answered_with_the_page_introduction() {
    let (_index, core) = site_fixture();
    for (question, lang, expect) in [
        (
            "what's on the about page?",
            "en",
            "about-sovereign-cloud-stack-scs",
        ),
        ("what does the standards page say?", "en", "standards"),
        ("the contact page?", "en", "forum-scs-standards"),
        (
            "was steht auf der Eventseite?",
            "de",
            "eigene-veranstaltungen",
        ),
        ("was steht auf der Startseite?", "de", ""),
    ] {
        let answer = core.answer(question, lang);
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.confidence, 1.0, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].anchor, expect, "{question}: {answer:#?}");
    }
    // Asked about something on it, the page's sections are searched.
    let answer = core.answer("what's on the about page about the project board?", "en");
    assert!(
        answer.hits[0].anchor.starts_with("project-board"),
        "{answer:#?}"
    );
    check_not_found(
        &core,
        &[
            ("is the homepage broken?", "en"),
            ("who made the homepage?", "en"),
        ],
    );
    // A question word asks for a section of it.
    let answer = core.answer("summit page, when?", "en");
    assert_eq!(answer.hits[0].anchor, "when", "{answer:#?}");
}

#[test]
fn a_request_to_reshape_the_answer_is_answered_with_the_section_it_names() {
    // "as bullet points", "for jira", "in einem Satz" ask what to do with the section, not
    // about another topic: the section is shown.
    for (question, lang, anchor) in [
        (
            "summarize the forum's goals as bullet points for our jira board",
            "en",
            "goals-of-the-forum",
        ),
        (
            "bitte die Ziele des Forums in Stichpunkten, für unsere Checkliste",
            "de",
            "ziele-des-forums",
        ),
    ] {
        let answer = ask(question, lang);
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].anchor, anchor, "{question}: {answer:#?}");
    }
    // A request about no topic of the pages is still not answered.
    held_back(
        "en",
        &[
            "make a checklist for my vacation packing",
            "write a blurb about my startup",
        ],
    );
}

#[test]
fn a_question_pointing_at_the_page_is_answered_from_it_more_surely() {
    // "does the page say" asks what the page says: its section answers more surely than the
    // same words asked of the world.
    let pointed = ask(
        "does the page say whether the forum only keeps the standards or also develops them?",
        "en",
    );
    assert_eq!(pointed.outcome, Outcome::Answered, "{pointed:#?}");
    assert_eq!(
        pointed.hits[0].anchor, "osba-forum-scs-standards",
        "{pointed:#?}"
    );
    let unpointed = ask(
        "whether the forum only keeps the standards or also develops them?",
        "en",
    );
    assert!(unpointed.confidence < pointed.confidence, "{unpointed:#?}");
    // Not with words no page has: "per the website" doesn't make the chancellor a topic.
    check_not_found(
        &site().core,
        &[(
            "per the website, who is the chancellor of germany right now?",
            "en",
        )],
    );
}

#[test]
fn a_price_is_answered_only_by_a_page_that_states_one() {
    // A page that names the thing but states no price can't say what it costs ("how much does
    // the training cost?" of the training's announcement); "free" is a price.
    let (_index, core) = site_fixture();
    check_answered_from(
        &core,
        &[
            (
                "how much does a ticket for the summit cost?",
                "en",
                "summit2025",
            ),
            ("was kostet ein ticket für den summit?", "de", "summit2025"),
            (
                "how much does a certificate cost per year?",
                "en",
                "standards",
            ),
        ],
    );
    check_not_found(
        &core,
        &[
            ("how much does the hackathon in leipzig cost?", "en"),
            ("how much does the SCS training cost?", "en"),
        ],
    );
    // Nor by the section that names the thing, on a page that states another price (the free
    // ticket): the price must stand where the thing does.
    for (question, lang) in [
        ("how much did wavecon pay for its gold sponsorship?", "en"),
        ("what does a gold sponsorship cost?", "en"),
    ] {
        let answer = core.answer(question, lang);
        assert!(
            answer
                .hits
                .first()
                .is_none_or(|h| h.anchor != "gold-sponsors"),
            "{question}: {answer:#?}"
        );
    }
}

#[test]
fn a_quoted_heading_names_its_section_and_a_quoted_title_its_page() {
    let (_index, core) = site_fixture();
    for (question, lang, expect) in [
        (
            "what are the points under 'Why participate?' please",
            "en",
            "summit2025#why-participate",
        ),
        // A heading of nothing but stopwords is named as written, quoted or asked alone.
        (
            "Übersetz mir die Stichpunkte unter „Warum sollten Sie dabei sein?“",
            "de",
            "summit2025#warum-sollten-sie-dabei-sein",
        ),
        (
            "Warum sollten Sie dabei sein?",
            "de",
            "summit2025#warum-sollten-sie-dabei-sein",
        ),
    ] {
        let answer = core.answer(question, lang);
        let first = answer
            .hits
            .first()
            .map(|h| format!("{}#{}", h.page, h.anchor));
        assert_eq!(first.as_deref(), Some(expect), "{question}: {answer:#?}");
    }
    // A quoted page title is the page, searched: its first section is not the answer by itself.
    let answer = core.answer(
        "what does the 'SCS Standards' page say about certificates?",
        "en",
    );
    assert_eq!(answer.hits[0].page, "standards", "{answer:#?}");
    assert_ne!(answer.hits[0].anchor, "", "{answer:#?}");
}

#[test]
fn a_short_section_headed_by_the_trigger_word_does_not_take_the_partner_list_it_names_nothing_of() {
    // The summit page's "Forum members" section says only that the members support the summit
    // (and shows their logos): the list, ranked low by its many names, still answers.
    let (_index, core) = fixture("member_logos");
    for (question, lang) in [
        ("list of forum members pls", "en"),
        ("which companies are forum members?", "en"),
    ] {
        let answer = core.answer(question, lang);
        assert_eq!(answer.command, "partners", "for {question:?}: {answer:#?}");
        assert!(!answer.partners.is_empty(), "for {question:?}");
    }
    // Words of the summit's own are still its section.
    let answer = core.answer("who supports the summit?", "en");
    assert_eq!(answer.command, "search", "{answer:#?}");
    assert_eq!(answer.hits[0].page, "summit", "{answer:#?}");
}

#[test]
fn a_command_ranked_below_the_best_hit_that_would_answer_unsure_gives_way_to_the_search() {
    // "members" sends the question to the partner list, which holds what the best hit holds
    // of it but answers it unsurely: a section about digital sovereignty answers instead of
    // "not found" (the sovereignty page's, or the network page's introduction, which says what
    // its partners stand for and want to achieve).
    let (_index, core) = site_fixture();
    for (question, expected) in [
        ("members digital sovereignty", "digital-sovereignty"),
        (
            "what do the members want to achieve for digital sovereignty",
            "network#the-network-behind-the-sovereign-cloud-stack-scs",
        ),
    ] {
        let answer = core.answer(question, "en");
        assert_eq!(answer.command, "search", "for {question:?}: {answer:#?}");
        assert_eq!(
            answer.outcome,
            Outcome::Answered,
            "for {question:?}: {answer:#?}"
        );
        let first = &answer.hits[0];
        let at = format!("{}#{}", first.page, first.anchor);
        assert!(at.starts_with(expected), "for {question:?}: {at}");
    }
}

#[test]
fn words_side_by_side_in_another_providers_section_do_not_lift_it_over_the_one_asked_about() {
    // The plusserver section has "data centres" side by side; the Wavecon section names the
    // provider asked about, and comes first.
    let (_index, core) = site_fixture();
    check_first(
        &core,
        "en",
        &[
            ("Wavecon data centres", "wavecon"),
            ("where are wavecon's data centres?", "wavecon"),
        ],
    );
}

#[test]
fn asking_in_words_of_ones_own_whether_an_unknown_company_is_among_the_partners_lists_them() {
    let site = site();
    check_partner_list(
        &site.core,
        &[
            (
                "is quillworks one of the companies backing the forum here?",
                "en",
            ),
            (
                "quillworks keeps pitching scs to us – are they part of the founding crowd?",
                "en",
            ),
            ("Quillworks – gehört die Firma zum Gründerkreis?", "de"),
            (
                "Ist Quillworks eins der Unternehmen, die das Forum tragen?",
                "de",
            ),
        ],
    );
}

#[test]
fn an_unknown_company_described_and_then_asked_about_is_among_the_partners_lists_them() {
    // What the question says of the one it names stands between the name and the clause
    // asking about the list; a domain or a name typed with a capital is a name too.
    let site = site();
    check_partner_list(
        &site.core,
        &[
        (
            "quillworks, the openstack consultancy from leeds – founder of the forum or not?",
            "en",
        ),
        (
            "quillworks runs public clouds out of canada – any chance they're on that founding \
             list?",
            "en",
        ),
        ("zorblat, the nordic cloud – part of this network?", "en"),
        (
            "quillworks did openstack-on-windows stuff – are they behind the forum?",
            "en",
        ),
        // (The fixture's German pages have no partner list: asked in English.)
        ("und die Deutsche Telekom – ist die bei den 14 dabei?", "en"),
        ("hosting.de – one of the 14 or not?", "en"),
        // What follows the clause's question is no part of it; what the question says of the
        // one it names points at no other section, as no page names it.
        (
            "quillworks – founding member or not? a colleague swears he saw them on there",
            "en",
        ),
        (
            "Quillworks, der IT-Dienstleister der Volksbanken – steht der irgendwo auf der Liste?",
            "en",
        ),
        (
            "Quillworks Internet – steht der Konzern irgendwo in der Partnerliste?",
            "en",
        ),
    ],
    );
    // Set apart, words the pages use ask about those pages.
    for (question, lang) in [
        ("openstack, the cloud software – part of the network?", "en"),
        ("Leipzig, the city – in the list?", "en"),
    ] {
        let answer = site.core.answer(question, lang);
        assert_ne!(answer.command, "partners", "{question}: {answer:#?}");
    }
}

#[test]
fn a_clause_asking_whether_an_unknown_company_is_a_member_lists_the_partners_whatever_else_is_said()
{
    // The clause that asks stands after the name, or set apart from it; the rest of the
    // question describes the one asked about in words no page uses for it.
    let site = site();
    check_partner_list(
        &site.core,
        &[
            (
                "zorblat – does the big nordic provider show up in the founders list?",
                "en",
            ),
            (
                "is quillworks on the list? pretty sure that's the cloud they run in leeds",
                "en",
            ),
            (
                "someone told me quillworks is part of the scs forum, is that true?",
                "en",
            ),
            (
                "any of the big nordic clouds on that list – zorblat, quillworks?",
                "en",
            ),
            (
                "Quill-Xworks aus Leeds: laut Liste Gründungsmitglied?",
                "en",
            ),
            ("Ist Quillworks dabei?", "en"),
            ("does zorblat take part?", "en"),
            ("has zorblat joined the forum?", "en"),
            ("Ist Quillworks (Leeds) – dabei?", "en"),
        ],
    );
    // Not another body's members, a list of other things, a slip of a word, nor a question
    // asking more than yes or no.
    for question in [
        "Ist Zorblat Mitglied bei Bitkom?",
        "is zorblat a member of the CNCF?",
        "did Zorblat found the company in 1997?",
        "is Zorblat listed in the docs?",
        "hab die mailadresse vom forum verschusselt, kannst die nochmal posten?",
        "why is quillworks part of this?",
        "since when is Quillworks dabei?",
        "Is Zorblat a Bitkom member?",
        "Ist Zorblat ein ECO Mitglied?",
        "quillworks – is the list view broken?",
        "does zorblat take part in the hackathon?",
        "Ist der Hackaton dabei?",
    ] {
        let answer = site.core.answer(question, "en");
        assert_ne!(answer.command, "partners", "{question}: {answer:#?}");
    }
}

#[test]
fn asked_whether_one_no_page_names_is_a_partner_the_title_says_it_is_not() {
    // The list still shows every partner; the title answers the question.
    let answer = ask("is StackHPC one of the founders?", "en");
    assert_eq!(answer.command, "partners", "{answer:#?}");
    assert_eq!(answer.partners.len(), 14, "{answer:#?}");
    assert_eq!(answer.title, "\"StackHPC\" is not among the partners");
    let answer = ask("hosting.de – one of the 14 or not?", "de");
    assert_eq!(answer.title, "\"hosting.de\" ist nicht unter den Partnern");
    // A slip of a word ("openstak") or one the question says is no company is no name to
    // put in a title.
    for question in [
        "is openstak a partner?",
        "KubeCon, the big conference – part of the forum?",
    ] {
        let answer = ask(question, "en");
        assert_eq!(answer.title, "Our Partners in the Network", "{answer:#?}");
    }
    // A partner named is shown, under the list's own title.
    let answer = ask("is syseleven a member?", "en");
    assert_eq!(answer.title, "Our Partners in the Network", "{answer:#?}");
    assert_eq!(answer.partners.len(), 1, "{answer:#?}");
}

#[test]
fn how_the_partners_are_written_or_placed_on_their_list_is_answered_by_the_list() {
    // No section says it in words: the list shows it.
    for question in [
        "which founder has a comma inside its name on the list?",
        "who's 5th on the founders list, counting from the top?",
        "how many of the founders are written with a lowercase first letter on the list?",
        "gibts in der list ne firma mit ner zahl im namen?",
    ] {
        let answer = ask(question, "en");
        assert_eq!(answer.command, "partners", "{question}: {answer:#?}");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.partners.len(), 14, "{question}: {answer:#?}");
    }
}

#[test]
fn a_task_on_a_part_of_the_page_it_names_is_answered_from_that_part() {
    // What the task is for ("simple german", "slide deck") is on no page; the part it names is.
    let site = site();
    let answer = site.core.answer(
        "put the openinfra paragraph into simple german for a colleague who doesn't read english",
        "en",
    );
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert_eq!(
        answer.hits[0].anchor, "collaboration-with-the-open-infrastructure-foundation",
        "{answer:#?}"
    );
    // A part of something else is no part of these pages.
    let other = site
        .core
        .answer("translate the intro of harry potter into german", "en");
    assert_eq!(other.outcome, Outcome::NotFound, "{other:#?}");
}

#[test]
fn words_about_the_text_that_no_page_has_do_not_hold_back_a_question_about_it() {
    // "sections" and "mention" are on no page: they say how the question reads the pages,
    // not what it is about; nor do words saying where in it ("anywhere", "irgendwo").
    check_first(
        &site().core,
        "en",
        &[
            (
                "which sections mention federated standards?",
                "goals-of-the-forum",
            ),
            (
                "is the abbreviation XFSC written out in full anywhere here?",
                "contributions-to-gaia-x-and-gxfs",
            ),
        ],
    );
    // What they read about still has to be on the pages.
    held_back(
        "en",
        &[
            "which sections of the GDPR mention cookies?",
            "which chapters of the bible mention whales?",
            "can i buy a cheap used thinkpad anywhere in berlin?",
        ],
    );
}

#[test]
fn a_misspelt_small_word_is_read_as_the_word_it_misspells() {
    let typed = ask("when was teh forum set up?", "en");
    let meant = ask("when was the forum set up?", "en");
    assert_eq!(typed.outcome, Outcome::Answered, "{typed:#?}");
    assert_eq!(typed.hits[0].anchor, meant.hits[0].anchor, "{typed:#?}");
    assert_eq!(typed.confidence, meant.confidence, "{typed:#?}");
    // Also a short slip of one of the most frequent words ("agian"): it means as little as
    // "again", not as much as a name no page has.
    let typed = ask(
        "can u remind me what the 3rd goal of the forum was agian?",
        "en",
    );
    let meant = ask(
        "can u remind me what the 3rd goal of the forum was again?",
        "en",
    );
    assert_eq!(typed.outcome, Outcome::Answered, "{typed:#?}");
    assert_eq!(typed.hits[0].anchor, meant.hits[0].anchor, "{typed:#?}");
    assert_eq!(typed.confidence, meant.confidence, "{typed:#?}");
}

#[test]
fn a_word_mistyped_by_one_letter_is_as_sure_as_the_word_typed_right() {
    // "hackatons", "comunity" are one edit from the pages' words, long enough to be slips of
    // them: the section that holds those words answers as surely as when they are typed right.
    let (_index, core) = site_fixture();
    for (typed, meant) in [
        (
            "where did the hackatons take place",
            "where did the hackathons take place",
        ),
        (
            "when do the comunity calls happen",
            "when do the community calls happen",
        ),
    ] {
        let typed = core.answer(typed, "en");
        let meant = core.answer(meant, "en");
        assert_eq!(typed.outcome, Outcome::Answered, "{typed:#?}");
        assert_eq!(typed.hits[0].anchor, meant.hits[0].anchor, "{typed:#?}");
        assert_eq!(typed.confidence, meant.confidence, "{typed:#?}");
    }
    // No surer either: a slip of a common word ("qualty") means as little as that word, not
    // as much as a rare name no word list has.
    let typed = core.answer("how do i improve the qualty of my photos", "en");
    let meant = core.answer("how do i improve the quality of my photos", "en");
    assert_eq!(typed.confidence, meant.confidence, "{typed:#?}");
}

#[test]
fn a_word_typed_in_capitals_is_an_acronym_or_a_name_not_a_typo() {
    // "ENI" is one swap from "ein", "LINKZ" one letter from "links": typed in capitals, each
    // is a name no page has, weighed as any other ("Zorblat"), neither dropped as a stopword
    // nor read as the pages' word.
    let name = ask("was macht Zorblat mit der Cloud?", "de");
    for question in [
        "was macht ENI mit der Cloud?",
        "was macht LINKZ mit der Cloud?",
    ] {
        let acronym = ask(question, "de");
        assert_eq!(acronym.confidence, name.confidence, "{acronym:#?}");
    }
    // Mistyped, it is one of the pages' names: "OSAB" is the OSBA.
    let typed = ask("What is OSAB?", "en");
    let meant = ask("What is OSBA?", "en");
    assert_eq!(typed.outcome, Outcome::Answered, "{typed:#?}");
    assert_eq!(typed.hits[0].anchor, meant.hits[0].anchor, "{typed:#?}");
    // Unless the whole question is typed in capitals: "PARTNRS" is a slip of "partners".
    let shouted = ask("WHO ARE THE PARTNRS", "en");
    assert_eq!(shouted.command, "partners", "{shouted:#?}");
}

#[test]
fn what_a_partner_is_called_asks_for_the_partner_list() {
    // "companies" is also in the section inviting companies to join; beside the list's own
    // words it asks for the list, unless the question is about becoming one.
    for question in [
        "companies in the partner list",
        "wich companies are mentioned in the partner section",
    ] {
        let answer = ask(question, "en");
        assert_eq!(answer.command, "partners", "{question}: {answer:#?}");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
    }
    let (_index, core) = site_fixture();
    let answer = core.answer("Wie wird mein Unternehmen Mitglied im Forum?", "de");
    assert_ne!(answer.command, "partners", "{answer:#?}");
}

#[test]
fn a_phone_number_asked_about_finds_the_one_who_has_it() {
    // "318877" is no quantity but part of a number: it weighs as a rare word, and a question
    // of such numbers is no question of numbers alone ("what is 1+1").
    let (_index, core) = fixture("press_notes");
    let answer = core.answer("whose number is +49-40-318877-12?", "en");
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert_eq!(answer.hits[0].anchor, "tomas-berg", "{answer:#?}");
    let sum = core.answer("what is 1+1", "en");
    assert_eq!(sum.outcome, Outcome::NotFound, "{sum:#?}");
}

#[test]
fn a_press_note_is_found_by_the_author_its_page_does_not_name() {
    // tests/fixtures/press_notes: a German press note of nothing but front matter (title,
    // journal, link, author); its author is named on the people page too.
    let (_index, core) = fixture("press_notes");
    for question in [
        "Wolkenblatt interview with Ada Lindqvist",
        "link to ada lindqvist's wolkenblatt article",
    ] {
        let answer = core.answer(question, "en");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].page, "wolkenblatt_lindqvist", "{answer:#?}");
        assert!(
            answer
                .links
                .iter()
                .any(|l| l.url == "https://example.org/wolkenblatt/offene-haefen"),
            "{answer:#?}"
        );
    }
    // Who she is, the page about her says; not the byline of her interview.
    let answer = core.answer("who is Ada Lindqvist?", "en");
    assert_eq!(answer.hits[0].anchor, "ada-lindqvist", "{answer:#?}");
}

#[test]
fn a_heading_several_pages_have_is_quoted_of_the_page_the_question_names() {
    // tests/fixtures/scs_site: the network page and the release 7 announcement both have
    // "Further Links".
    let (_index, core) = site_fixture();
    let answer = core.answer(
        "how many links are under 'Further Links' in the release 7 announcement?",
        "en",
    );
    assert_eq!(answer.hits[0].page, "release7", "{answer:#?}");
    assert_eq!(answer.hits[0].anchor, "further-links", "{answer:#?}");
    // Named alone, it is the network page's (the links command's).
    let answer = core.answer("what is under 'Further Links'?", "en");
    assert_eq!(answer.hits[0].page, "network", "{answer:#?}");
}

#[test]
fn a_word_the_glossary_knows_is_translated_not_split_as_a_compound() {
    // "runterladen" is no word of the pages, and splits into "runter" + "laden", words of
    // no page either; the glossary reads it as "Download", which the page has.
    let (_index, core) = fixture("press_notes");
    let answer = core.answer("wo kann man das schulungsmaterial runterladen", "de");
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert_eq!(answer.hits[0].page, "material", "{answer:#?}");
}

#[test]
fn a_task_names_its_part_by_the_page_title_and_ends_its_name_at_an_article() {
    // tests/fixtures/scs_site: "R9" is in the announcement's title, not in the section's
    // text; "einen Tweet" is what the task makes, not part of the section's name.
    let (_index, core) = site_fixture();
    for question in [
        "Schreib mir aus dem R9-Abschnitt zur GPU-Durchreichung einen Tweet, max. 280 Zeichen.",
        "Schreib mir aus dem Abschnitt zur GPU-Durchreichung einen Tweet",
        // No word for a part: the thing itself, named by its heading and its page's title.
        "Mach aus der R9-GPU-Durchreichung einen Tweet",
    ] {
        let answer = core.answer(question, "de");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].anchor, "gpu-durchreichung", "{answer:#?}");
    }
}

#[test]
fn a_task_based_on_a_part_of_the_page_is_answered_from_that_part() {
    // No task verb: "based (only) on" names what it is to be made from. "The intro" is the
    // page's first text; "the goals list" the section headed by the goals.
    for (question, anchor) in [
        (
            "channel topic for our #scs-network channel, under 100 chars, based on the intro",
            "the-network-behind-the-sovereign-cloud-stack-scs",
        ),
        (
            "two-column table pls: forum goal | who benefits, based only on the goals list",
            "goals-of-the-forum",
        ),
    ] {
        let answer = ask(question, "en");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].anchor, anchor, "{answer:#?}");
    }
    // The introduction to another text is no part of these pages, however many of its words
    // one has.
    held_back(
        "en",
        &[
            "sum up the intro to the cloud act",
            "sum up the intro to the osba annual report about open source business in europe",
        ],
    );
}

#[test]
fn a_task_to_make_a_text_of_what_the_pages_say_is_answered_and_one_about_something_else_is_not() {
    // What to make ("a two-line bluesky post", "two sentences") is on no page;
    // what it is to say is.
    for (question, anchor) in [
        (
            "draft a two-line bluesky post saying who has been running scs development and qa since new year 2025",
            "osba-forum-scs-standards",
        ),
        (
            "write a short welcome post for a company that just joined the forum, and mention where others can sign up too",
            "get-involved",
        ),
        // The task after what it is for.
        (
            "we just joined the forum – write a one-line email signature badge we can add, worded so the page backs every word",
            "get-involved",
        ),
    ] {
        let answer = ask(question, "en");
        assert_eq!(answer.outcome, Outcome::Answered, "{question}: {answer:#?}");
        assert_eq!(answer.hits[0].anchor, anchor, "{question}: {answer:#?}");
    }
    // Without a verb, too.
    let answer = ask(
        "a haiku about when the forum took over and where it lives",
        "en",
    );
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert_eq!(
        answer.hits[0].anchor, "osba-forum-scs-standards",
        "{answer:#?}"
    );
    held_back(
        "en",
        &[
        "a haiku about autumn leaves",
        "a joke about programmers",
        "write a short post explaining how vaccines train the immune system for kids",
        "write a short linkedin post about our new coffee machine in the office",
        "explain in simple words how vaccines train the immune system, in a way that a ten year old would understand",
        ],
    );
}

#[test]
fn a_long_question_asked_of_the_pages_is_answered_and_a_long_one_about_something_else_is_not() {
    // The words beyond what the section holds say what to make of it and for whom.
    let answer = ask(
        "turn the get involved paragraph into a button label plus a one-line subtitle for our site",
        "en",
    );
    assert_eq!(answer.outcome, Outcome::Answered, "{answer:#?}");
    assert_eq!(answer.hits[0].anchor, "get-involved", "{answer:#?}");
    // Long chat about other things holds as little of a section, and so does a task on a
    // section, or a command's, that makes something else of it: still held back.
    held_back(
        "en",
        &[
        "what are good open source alternatives to microsoft office for a small company",
        "explain how federated learning works in machine learning with a simple example",
        "per the website, who is the chancellor of germany right now and which party does he belong to?",
        "turn the partner list into a ranking of which of them has the best coffee machine in the office",
        "using the gaia-x paragraph, write a python script that downloads youtube videos",
        "can you send the forum's contact address my grandma's lasagne recipe for their christmas party",
        ],
    );
}

#[test]
fn a_discount_is_a_price_the_member_list_does_not_state() {
    // The list names the members; what they pay, or save, it doesn't say.
    held_back(
        "en",
        &[
            "do forum members get a discount?",
            "gibt es Rabatt für Forumsmitglieder?",
            "rabatt für forumsmitglieder, z.b. auf events?",
        ],
    );
}

#[test]
fn how_long_something_takes_is_answered_only_by_a_section_that_says_how_long() {
    // The goals name certifications, the section on joining how to join: neither says how
    // long either takes.
    held_back(
        "en",
        &[
            "Wie lange dauert eine Zertifizierung beim Forum ungefähr?",
            "how long does it take to become a member?",
            "if we mail the forum address, how quickly do they usually reply?",
        ],
    );
}
