//! The Discord renderer: snapshots of the replies the bot sends (as plain data and as the
//! JSON serenity puts on the wire), and a property test that any answer renders within
//! Discord's limits with mentions disabled.

use proptest::prelude::*;
use scs_bot::answer::{Answer, AnswerLink, Hit, Outcome, Partner};
use scs_bot::config::CommandKind;
use scs_bot::content::Problem;
use scs_bot::core::{CommandInfo, ReloadReport};
use scs_bot::discord::render::{self, Paging};
use scs_bot::discord::reply::{self, Reply};
use scs_bot::discord::{commands, registration_json, response_json};
use serde_json::json;

mod common;

fn hit(section: &str, anchor: &str, snippet: &str) -> Hit {
    Hit {
        page: "network".into(),
        title: "Network".into(),
        language: "en".into(),
        section: section.into(),
        path: vec![section.into()],
        anchor: anchor.into(),
        url: format!("https://scs.community/en/network#{anchor}"),
        score: 1.0,
        snippet: snippet.into(),
    }
}

fn answer(command: &str, title: &str) -> Answer {
    Answer {
        query: format!("/{command}"),
        language: "en".into(),
        command: command.into(),
        hits: Vec::new(),
        partners: Vec::new(),
        contacts: Vec::new(),
        links: Vec::new(),
        text: String::new(),
        confidence: 1.0,
        title: title.into(),
        outcome: Outcome::Answered,
    }
}

fn partner(name: &str, url: Option<&str>) -> Partner {
    Partner {
        name: name.into(),
        url: url.map(str::to_string),
    }
}

/// Renders page `page` for user 42, checks the limits, and returns the reply.
fn check(answer: &Answer, page: usize) -> Reply {
    let paging = Paging::new(42, answer.command.as_str(), None);
    let reply = render::answer(answer, page, Some(&paging), false);
    assert_eq!(reply::violations(&reply), Vec::<String>::new());
    reply
}

fn partners_answer() -> Answer {
    let mut answer = answer("partners", "Our Partners in the Network");
    answer.hits = vec![hit(
        "Our Partners in the Network",
        "our-partners-in-the-network",
        "The founding members",
    )];
    answer.text = "The founding members of the forum include: …".into();
    answer.partners = vec![
        partner("artcodix GmbH", Some("https://artcodix.de")),
        partner(
            "Cloud&Heat Technologies GmbH",
            Some("https://cloudandheat.com"),
        ),
        partner("Dataport AöR", Some("https://dataport.de")),
        partner(
            "ScaleUp Technologies GmbH & Co. KG",
            Some("https://scaleuptech.com"),
        ),
        partner(
            "*Star*_Cloud ~ltd~ | `x`",
            Some("https://star.example/a (b)"),
        ),
        partner("@everyone <@123> <@&456>", Some("https://ping.example")),
        partner("Nolink eG", None),
    ];
    answer
}

#[test]
fn a_partner_list_renders_as_linked_lines_with_names_as_written() {
    insta::assert_yaml_snapshot!(check(&partners_answer(), 0));
}

#[test]
fn the_wire_format_disables_every_mention() {
    insta::assert_json_snapshot!(response_json(&check(&partners_answer(), 0)));
}

#[test]
fn a_join_answer_names_the_contact_and_its_source() {
    let mut answer = answer("join", "Get Involved");
    answer.hits = vec![hit(
        "Get Involved",
        "get-involved",
        "The Forum SCS-Standards is open",
    )];
    answer.text = "The Forum SCS-Standards is open to new members. Companies and organizations interested in joining can contact forum-scs-standards@osb-alliance.com.".into();
    answer.contacts = vec!["forum-scs-standards@osb-alliance.com".into()];
    insta::assert_yaml_snapshot!(check(&answer, 0));
}

#[test]
fn a_search_answer_shows_each_hit_with_its_snippet_and_deep_link() {
    let mut answer = answer(
        "search",
        "Collaboration with the Open Infrastructure Foundation",
    );
    answer.query = "what is kata containers".into();
    answer.hits = vec![
        hit(
            "Collaboration with the Open Infrastructure Foundation",
            "collaboration-with-the-open-infrastructure-foundation",
            "It supports projects such as OpenStack and **Kata** **Containers**, which are central",
        ),
        hit(
            "Contributions to Gaia-X and GXFS",
            "contributions-to-gaia-x-and-gxfs",
            "federated_and *interoperable*",
        ),
    ];
    answer.text =
        "The Open Infrastructure Foundation (OpenInfra) is a crucial global partner for SCS."
            .into();
    answer.links = vec![AnswerLink {
        title: "Open Infrastructure Foundation (OpenInfra)".into(),
        url: "https://openinfra.dev".into(),
    }];
    insta::assert_yaml_snapshot!(check(&answer, 0));
}

#[test]
fn nothing_found_points_to_help_and_the_contact() {
    let mut answer = answer("search", "Nothing found");
    answer.outcome = Outcome::NotFound;
    answer.text = "I found nothing about that in the SCS pages. Try other words, see `/help` for the commands, or ask the forum at forum-scs-standards@osb-alliance.com".into();
    answer.contacts = vec!["forum-scs-standards@osb-alliance.com".into()];
    insta::assert_yaml_snapshot!(check(&answer, 0));
}

#[test]
fn a_refused_answer_is_ephemeral() {
    let mut answer = answer("error", "Can't answer that");
    answer.outcome = Outcome::Refused;
    answer.text = "That question is too long (400 > 300). Please ask it in fewer words.".into();
    let reply = check(&answer, 0);
    assert!(reply.ephemeral);
    insta::assert_yaml_snapshot!(reply);
}

#[test]
fn a_long_partner_list_is_paged_with_buttons_for_the_invoker() {
    let mut answer = answer("partners", "Our Partners in the Network");
    answer.hits = vec![hit(
        "Our Partners in the Network",
        "our-partners-in-the-network",
        "",
    )];
    answer.partners = (1..=45)
        .map(|i| {
            partner(
                &format!("Partner {i:02} GmbH"),
                Some(&format!("https://p{i}.example")),
            )
        })
        .collect();
    let first = check(&answer, 0);
    let last = check(&answer, 2);
    assert_eq!(
        check(&answer, 99),
        last,
        "a page past the end shows the last page"
    );
    insta::assert_yaml_snapshot!("paged_first", first);
    insta::assert_yaml_snapshot!("paged_last", last);
    let (page, paging) = Paging::parse(&first.buttons[2].custom_id).unwrap();
    assert_eq!(
        (page, paging.user_id, paging.command.as_str(), paging.arg),
        (1, 42, "partners", None)
    );
}

#[test]
fn a_rated_answer_carries_the_feedback_buttons_after_the_paging_buttons_on_every_page() {
    let mut answer = answer("partners", "Our Partners in the Network");
    answer.partners = (1..=45)
        .map(|i| partner(&format!("Partner {i:02} GmbH"), None))
        .collect();
    let paging = Paging::new(42, "partners", None).with_answer(0xabc);
    let mut first = render::answer(&answer, 0, Some(&paging), false);
    render::add_feedback(&mut first, 0xabc, "en");
    assert_eq!(reply::violations(&first), Vec::<String>::new());
    let ids: Vec<&str> = first.buttons.iter().map(|b| b.custom_id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "pg:0:42.abc:partners:",
            "pgn:0:42",
            "pg:1:42.abc:partners:",
            "fb:up:abc",
            "fb:down:abc"
        ]
    );
    let (page, read) = Paging::parse(ids[2]).unwrap();
    assert_eq!((page, read.answer), (1, Some(0xabc)));
    assert_eq!(
        render::parse_feedback("fb:down:abc"),
        Some((scs_bot::core::feedback::Vote::Down, 0xabc))
    );
    assert_eq!(render::parse_feedback("fb:sideways:abc"), None);
    // Ids of the previous version (no answer id) still page.
    let (_, old) = Paging::parse("pg:1:42:partners:").unwrap();
    assert_eq!((old.user_id, old.answer), (42, None));
    insta::assert_json_snapshot!("feedback_buttons_de", {
        let mut german = render::answer(&answer, 0, None, false);
        render::add_feedback(&mut german, 0xabc, "de");
        response_json(&german)["data"]["components"].clone()
    });
}

#[test]
fn a_feedback_press_and_the_report_render_for_the_moderator_only() {
    use scs_bot::core::feedback::{Count, Report, Vote};
    let thanks = render::thanks(Vote::Down, "de");
    assert!(thanks.ephemeral);
    insta::assert_yaml_snapshot!("feedback_thanks_de", thanks);
    let count = |q: &str, language: &str, count| Count {
        question: q.into(),
        language: language.into(),
        count,
    };
    let report = Report {
        top: vec![
            count("how do i join", "en", 4),
            count("wie kann ich mitmachen", "de", 2),
        ],
        not_found: vec![count("what does **the moon** cost", "en", 1)],
        voted_down: Vec::new(),
    };
    let reply = render::report(&report, 90, "en");
    assert_eq!(reply::violations(&reply), Vec::<String>::new());
    insta::assert_yaml_snapshot!("report_en", reply);
    let empty = render::report(&Report::default(), 90, "en");
    assert!(empty.embeds[0]
        .description
        .ends_with("Nothing recorded yet."));
}

#[test]
fn without_room_for_a_button_id_the_list_ends_with_a_count() {
    let mut answer = answer("ask", "Our Partners in the Network");
    answer.partners = (1..=30)
        .map(|i| partner(&format!("Partner {i}"), None))
        .collect();
    let long_question = "which companies are members of the forum, since when, and where can I read more about each of them?";
    let paging = Paging::new(42, "ask", Some(long_question));
    let reply = render::answer(&answer, 0, Some(&paging), false);
    assert!(reply.buttons.is_empty());
    assert!(
        reply.embeds[0].description.ends_with("…and 10 more"),
        "{}",
        reply.embeds[0].description
    );
}

fn infos() -> Vec<CommandInfo> {
    let info = |name: &str, kind, en: &str, de: &str| CommandInfo {
        name: name.into(),
        description: [
            ("en".to_string(), en.to_string()),
            ("de".to_string(), de.to_string()),
        ]
        .into(),
        kind,
    };
    vec![
        info(
            "about",
            CommandKind::Section,
            "What the Sovereign Cloud Stack network is",
            "Was das Netzwerk des Sovereign Cloud Stack ist",
        ),
        info(
            "gaiax",
            CommandKind::Section,
            "SCS and Gaia-X",
            "SCS und Gaia-X",
        ),
        info(
            "join",
            CommandKind::Contact,
            "How to join the Forum SCS-Standards",
            "Wie man dem Forum beitritt",
        ),
        info(
            "partners",
            CommandKind::Partners,
            "The partners of the SCS network, or one of them",
            "Die Partner im SCS-Netzwerk, oder einer davon",
        ),
    ]
}

#[test]
fn the_registration_payload_has_german_localizations_and_a_moderator_reload() {
    let specs = commands::specs(&infos(), "en", 300);
    insta::assert_json_snapshot!(registration_json(&specs));
}

#[test]
fn help_lists_the_commands_in_the_users_language() {
    // `/help` is the core's (the same on every surface); Discord renders it.
    let help = common::shipped_core().command("help", None, "de");
    let reply = render::answer(&help, 0, None, true);
    assert_eq!(reply::violations(&reply), Vec::<String>::new());
    insta::assert_yaml_snapshot!(reply);
}

#[test]
fn a_reload_report_lists_what_changed() {
    let report = ReloadReport {
        pages_added: vec!["en/gaiax".into()],
        pages_removed: vec![],
        pages_changed: vec!["en/network".into(), "de/network".into()],
        partners_added: vec!["Newcomer GmbH (en)".into()],
        partners_removed: vec!["Yorizon GmbH (en)".into()],
        problems: vec![
            Problem::warning("en/network.md", "mojibake repaired: `AÃ¶R` → `AöR`")
                .at_line(37)
                .fix("save the file as UTF-8"),
        ],
        pulled: None,
    };
    let reply = render::reloaded(&report, "en");
    assert_eq!(reply::violations(&reply), Vec::<String>::new());
    insta::assert_yaml_snapshot!(reply);
}

/// Short strings that try everything: markdown, pings, URLs, astral characters.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "(@everyone|@here|<@[0-9]{1,19}>|<@&[0-9]{1,19}>|<@!1>|[*_~|`>#\\\\()\\[\\]-]|\\*\\*|https?://[a-z./@()<> _]{0,30}|[a-zA-Zäöü&. ]{1,12}|\n|😀|1\\. ){0,40}",
        1 => prop::collection::vec(any::<char>(), 0..40).prop_map(String::from_iter),
    ]
}

/// Like [`nasty`], or a long run of anything (for texts, titles and snippets).
fn long() -> impl Strategy<Value = String> {
    prop_oneof![3 => nasty(), 1 => prop::collection::vec(any::<char>(), 0..2500).prop_map(String::from_iter)]
}

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        nasty(),
        "https?://[a-z]{1,12}\\.example/[a-z_()@<> %]{0,40}",
        "https://x.example/[a-z]{600}"
    ]
}

fn hit_strategy() -> impl Strategy<Value = Hit> {
    (
        long(),
        nasty(),
        prop::collection::vec(nasty(), 0..4),
        nasty(),
        url(),
        long(),
    )
        .prop_map(|(title, section, path, anchor, url, snippet)| Hit {
            page: "p".into(),
            title,
            language: "en".into(),
            section,
            path,
            anchor,
            url,
            score: 1.0,
            snippet,
        })
}

/// Answers with arbitrary strings everywhere; long lists draw from small pools of nasty
/// strings so that generating them stays cheap.
fn answer_strategy() -> impl Strategy<Value = Answer> {
    use prop::sample::Index;
    let pick = |pool: &[String], i: &Index| pool[i.index(pool.len())].clone();
    (
        (long(), long(), long()),
        prop::sample::select(vec![
            "partners", "join", "links", "search", "about", "gaiax", "ask",
        ]),
        prop::sample::select(vec!["en", "de"]),
        prop::collection::vec(hit_strategy(), 0..12),
        (
            prop::collection::vec(nasty(), 1..8),
            prop::collection::vec(url(), 1..6),
        ),
        prop::collection::vec((any::<Index>(), prop::option::of(any::<Index>())), 0..150),
        prop::collection::vec(nasty(), 0..8),
        prop::collection::vec((any::<Index>(), any::<Index>()), 0..80),
        prop::sample::select(vec![Outcome::Answered, Outcome::NotFound, Outcome::Refused]),
    )
        .prop_map(
            move |(
                (query, title, text),
                command,
                language,
                hits,
                (names, urls),
                partners,
                contacts,
                links,
                outcome,
            )| Answer {
                query,
                language: language.into(),
                command: command.into(),
                hits,
                partners: partners
                    .iter()
                    .map(|(name, url)| Partner {
                        name: pick(&names, name),
                        url: url.as_ref().map(|u| pick(&urls, u)),
                    })
                    .collect(),
                contacts,
                links: links
                    .iter()
                    .map(|(title, url)| AnswerLink {
                        title: pick(&names, title),
                        url: pick(&urls, url),
                    })
                    .collect(),
                text,
                confidence: 1.0,
                title,
                outcome,
            },
        )
}

fn assert_sendable(reply: &Reply) -> Result<(), TestCaseError> {
    let broken = reply::violations(reply);
    prop_assert!(broken.is_empty(), "{broken:#?}");
    let wire = response_json(reply);
    prop_assert_eq!(
        &wire["data"]["allowed_mentions"],
        &json!({"parse": [], "users": [], "roles": [], "replied_user": false})
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_answer_renders_within_discords_limits_and_pings_nobody(
        answer in answer_strategy(),
        page in 0usize..4,
        user in any::<u64>(),
        arg in prop::option::of(nasty()),
    ) {
        let paging = Paging::new(user, answer.command.as_str(), arg.as_deref());
        assert_sendable(&render::answer(&answer, page, Some(&paging), page % 2 == 0))?;
        assert_sendable(&render::answer(&answer, page, None, false))?;
    }

    #[test]
    fn any_reload_report_and_refusal_render_within_discords_limits(
        lists in prop::collection::vec(prop::collection::vec(nasty(), 0..12), 5),
        problems in prop::collection::vec((nasty(), nasty(), nasty()), 0..12),
        title in long(),
        text in long(),
    ) {
        let report = ReloadReport {
            pages_added: lists[0].clone(),
            pages_removed: lists[1].clone(),
            pages_changed: lists[2].clone(),
            partners_added: lists[3].clone(),
            partners_removed: lists[4].clone(),
            problems: problems.into_iter().map(|(file, message, fix)| Problem::error(file, message).fix(fix)).collect(),
            pulled: Some(scs_bot::core::git::Pulled { commit: title.clone(), previous: Some(text.clone()) }),
        };
        assert_sendable(&render::reloaded(&report, "en"))?;
        assert_sendable(&render::reload_failed(&text, "de"))?;
        assert_sendable(&render::pull_failed(&text, Some(&title), "de"))?;
        assert_sendable(&render::refusal(&title, &text))?;
        assert_sendable(&render::not_yours(&title, "en"))?;
        assert_sendable(&render::cooldown(std::time::Duration::from_millis(title.len() as u64), "de"))?;
    }
}
