//! The content boundary: folders of markdown pages → `Library` + problems.
//!
//! Every case is a small folder under `tests/fixtures/content/<case>/` written for these tests
//! (the seed page is the shipped `content/en/network.md`). `check(case, expect)` loads a folder
//! and compares a one-line-per-page/section/problem summary; details are asserted below it.

use scs_bot::content::{
    anchor, load_dir, parse_page, repair_mojibake, Item, Library, Link, LoadOptions, Page, Problem,
    Section, Severity,
};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/content")
        .join(case)
}

fn load(case: &str) -> (Library, Vec<Problem>) {
    load_dir(&fixture(case), &LoadOptions::default())
}

/// `page en/network "Network" en/network.md template=staticPage date=-`, then one line per
/// section (`  [3] #anchor L8 A > B (items 3, links 1, emails a@b.c)`), then one line per
/// problem (`error en/x.md:4 [slug] message`).
fn summary(library: &Library, problems: &[Problem]) -> String {
    let mut out = String::new();
    for page in &library.pages {
        writeln!(
            out,
            "page {}/{} {:?} {} template={} date={}",
            page.language,
            page.slug,
            page.title,
            page.path.display(),
            page.template.as_deref().unwrap_or("-"),
            page.date.as_deref().unwrap_or("-"),
        )
        .unwrap();
        for s in &page.sections {
            write!(
                out,
                "  [{}] #{} L{} {}",
                s.level,
                s.anchor,
                s.line,
                s.path.join(" > ")
            )
            .unwrap();
            let mut counts = Vec::new();
            if !s.items.is_empty() {
                counts.push(format!("items {}", s.items.len()));
            }
            if !s.links.is_empty() {
                counts.push(format!("links {}", s.links.len()));
            }
            if !s.emails.is_empty() {
                counts.push(format!("emails {}", s.emails.join(" ")));
            }
            if !counts.is_empty() {
                write!(out, " ({})", counts.join(", ")).unwrap();
            }
            out.push('\n');
        }
    }
    for p in problems {
        let severity = match p.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(out, "{severity} {}", p.file.display()).unwrap();
        if let Some(line) = p.line {
            write!(out, ":{line}").unwrap();
        }
        if let Some(field) = &p.field {
            write!(out, " [{field}]").unwrap();
        }
        writeln!(out, " {}", p.message).unwrap();
    }
    out
}

fn check(case: &str, expect: &str) -> (Library, Vec<Problem>) {
    let (library, problems) = load(case);
    let got = summary(&library, &problems);
    assert_eq!(
        got.trim(),
        expect.trim(),
        "summary of case `{case}`:\n{got}"
    );
    (library, problems)
}

fn page<'a>(library: &'a Library, language: &str, slug: &str) -> &'a Page {
    library
        .page(language, slug)
        .unwrap_or_else(|| panic!("no page {language}/{slug} in {:?}", library.pages))
}

fn section<'a>(page: &'a Page, anchor: &str) -> &'a Section {
    page.section(anchor)
        .unwrap_or_else(|| panic!("no section #{anchor} in {}", page.path.display()))
}

fn parse(path: &str, text: &str) -> (Option<Page>, Vec<Problem>) {
    parse_page(Path::new(path), text, &LoadOptions::default())
}

// ---------------------------------------------------------------- the seed page

#[test]
fn seed_page_loads_with_its_sections_anchors_and_paths() {
    check(
        "seed",
        r#"
page en/network "Network" en/network.md template=staticPage date=-
  [3] #the-network-behind-the-sovereign-cloud-stack-scs L8 The Network Behind the Sovereign Cloud Stack (SCS)
  [3] #osba-forum-scs-standards L14 OSBA Forum SCS-Standards
  [4] #goals-of-the-forum L18 OSBA Forum SCS-Standards > Goals of the Forum (items 3)
  [3] #our-partners-in-the-network L28 Our Partners in the Network (items 14, links 14)
  [3] #collaboration-with-the-open-infrastructure-foundation L51 Collaboration with the Open Infrastructure Foundation (links 1)
  [3] #contributions-to-gaia-x-and-gxfs L57 Contributions to Gaia-X and GXFS
  [3] #further-links L63 Further Links (items 5, links 5)
  [3] #get-involved L73 Get Involved (links 1, emails forum-scs-standards@osb-alliance.com)
warning en/network.md:35 `AÃ¶R` looks like UTF-8 text that was read as Latin-1/Windows-1252; it is shown as `AöR`
"#,
    );
}

#[test]
fn seed_fixture_is_the_shipped_page() {
    let shipped =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/en/network.md"))
            .expect("content/en/network.md is shipped");
    let fixture = std::fs::read(fixture("seed").join("en/network.md")).unwrap();
    assert_eq!(shipped, fixture);
}

#[test]
fn seed_partners_are_fourteen_names_with_urls_and_dataport_spelled_right() {
    let (library, _) = load("seed");
    let partners = &section(
        page(&library, "en", "network"),
        "our-partners-in-the-network",
    )
    .items;
    let expect = [
        ("artcodix GmbH", "https://artcodix.de"),
        ("B1-Systems GmbH", "https://b1-systems.de"),
        ("Cloud&Heat Technologies GmbH", "https://cloudandheat.com"),
        ("Dataport AöR", "https://dataport.de"),
        ("dNation, s.r.o.", "https://dnation.tech"),
        ("OSISM GmbH", "https://osism.tech"),
        ("plusserver GmbH", "https://plusserver.com"),
        (
            "ScaleUp Technologies GmbH & Co. KG",
            "https://scaleuptech.com",
        ),
        ("secunet Security Networks AG", "https://secunet.com"),
        ("STACKXPERTS GmbH", "https://stackxperts.com"),
        ("SysEleven GmbH", "https://syseleven.de"),
        ("Syself GmbH", "https://syself.de"),
        ("Wavecon GmbH", "https://wavecon.de"),
        ("Yorizon GmbH", "https://yorizon.com"),
    ];
    let got: Vec<(&str, Option<&str>)> = partners
        .iter()
        .map(|i| (i.text.as_str(), i.url.as_deref()))
        .collect();
    let expect: Vec<(&str, Option<&str>)> = expect.iter().map(|&(n, u)| (n, Some(u))).collect();
    assert_eq!(got, expect);
}

#[test]
fn seed_goals_hold_the_three_goals_and_the_quote_goes_back_to_the_forum() {
    let (library, _) = load("seed");
    let network = page(&library, "en", "network");
    let goals = section(network, "goals-of-the-forum");
    assert_eq!(goals.heading, "Goals of the Forum");
    assert_eq!(
        goals.text,
        "Advancement and maintenance of SCS standards.\n\
         Implementation of certifications to ensure high quality requirements.\n\
         Promotion of digital sovereignty in Europe through open and federated cloud standards."
    );
    let forum = section(network, "osba-forum-scs-standards");
    assert_eq!(forum.heading, "OSBA Forum SCS-Standards");
    assert!(forum
        .text
        .starts_with("Since January 1, 2025, the development"));
    assert!(
        forum
            .text
            .ends_with("explains Peter Ganten, Chairman of the OSBA."),
        "{}",
        forum.text
    );
    assert!(forum
        .text
        .contains("\n\"Through the commitment of the founding members"));
    assert!(!goals.text.contains("Through the commitment"));
}

#[test]
fn seed_get_involved_has_the_address_in_text_links_and_emails() {
    let (library, _) = load("seed");
    let network = page(&library, "en", "network");
    let join = section(network, "get-involved");
    assert_eq!(join.emails, ["forum-scs-standards@osb-alliance.com"]);
    assert!(join
        .text
        .contains("can contact forum-scs-standards@osb-alliance.com. Together"));
    assert_eq!(
        join.links,
        [Link {
            text: "forum-scs-standards@osb-alliance.com".into(),
            url: "mailto:forum-scs-standards@osb-alliance.com".into()
        }]
    );
    assert_eq!(
        network.section_url(join),
        "https://scs.community/en/network#get-involved"
    );
}

#[test]
fn seed_thematic_breaks_split_nothing_and_leave_no_trace() {
    let (library, _) = load("seed");
    let network = page(&library, "en", "network");
    assert_eq!(network.sections.len(), 8);
    for s in &network.sections {
        assert!(!s.text.contains("---"), "{}: {}", s.heading, s.text);
        assert!(!s.text.contains("**"), "{}: {}", s.heading, s.text);
        assert!(!s.heading.contains("**") && !s.heading.ends_with(':'));
    }
    let intro = &network.sections[0];
    assert!(intro
        .text
        .starts_with("The Sovereign Cloud Stack (SCS) stands for"));
    assert!(!intro.text.contains('\n'), "one paragraph: {}", intro.text);
}

#[test]
fn seed_further_links_keep_titles_and_urls() {
    let (library, _) = load("seed");
    let links = &section(page(&library, "en", "network"), "further-links").links;
    assert_eq!(links[0].text, "Technical Documentation SCS");
    assert_eq!(links[0].url, "https://docs.scs.community");
    assert_eq!(links[4].url, "https://scs.community/en/about-scs");
    let openinfra = &section(
        page(&library, "en", "network"),
        "collaboration-with-the-open-infrastructure-foundation",
    )
    .links[0];
    assert_eq!(openinfra.text, "Open Infrastructure Foundation (OpenInfra)");
}

#[test]
fn seed_mojibake_warning_names_the_line_and_the_fix() {
    let (_, problems) = load("seed");
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.file, Path::new("en/network.md"));
    assert_eq!(p.line, Some(35));
    assert_eq!(p.fix, "re-save the file as UTF-8; `AÃ¶R` reads as `AöR`");
}

// ---------------------------------------------------------------- identity and front matter

#[test]
fn page_without_front_matter_takes_title_from_heading_and_language_from_path() {
    let (library, _) = check(
        "no_front_matter",
        r#"
page de/werkzeuge "Werkzeuge für den Betrieb" de/pages/werkzeuge.md template=- date=-
  [0] # L1 Werkzeuge für den Betrieb
  [1] #werkzeuge-für-den-betrieb L3 Werkzeuge für den Betrieb
  [2] #überwachung--alarme L7 Werkzeuge für den Betrieb > Überwachung & Alarme
"#,
    );
    let p = page(&library, "de", "werkzeuge");
    assert_eq!(p.sections[0].text, "Ein kurzer Vorspann ohne Überschrift.");
    assert_eq!(p.sections[0].heading, "Werkzeuge für den Betrieb");
    assert_eq!(p.url, "https://scs.community/de/werkzeuge");
}

#[test]
fn front_matter_without_body_or_final_newline_is_a_page_found_by_its_title_and_link() {
    let (library, _) = check(
        "front_matter_only",
        r#"
page en/press-note "A short press note" en/press/2025-02-04-press-note.md template=press date=2025-02-04
  [0] # L1 A short press note (links 1)
"#,
    );
    let note = &page(&library, "en", "press-note").sections[0];
    assert_eq!(
        note.text, "A short press note",
        "the link's text, as in markdown"
    );
    assert_eq!(
        note.links,
        [Link {
            text: "A short press note".into(),
            url: "https://example.org/press/1".into()
        }]
    );
}

// ------------------------------------------------------------- front matter as content

#[test]
fn pages_built_from_front_matter_get_a_section_of_its_readable_text() {
    let (library, problems) = check(
        "front_matter_pages",
        r#"
page de/artikel "Ein Artikel über Wolken" de/press/2025-01-01-artikel.md template=press date=2025-01-01
  [0] # L1 Ein Artikel über Wolken (links 1)
page en/home "Example Cloud" en/pages/home.md template=indexPage date=-
  [0] # L1 Example Cloud (links 1, emails crew@example.org)
page en/meta-only "Meta only" en/pages/meta-only.md template=- date=-
  [0] # L1 Meta only
page en/updates "Updates" en/pages/updates.md template=newsPage date=-
  [0] # L1 Updates
page en/with-body "With body" en/pages/with-body.md template=- date=-
  [0] # L8 With body
  [2] #details L10 Details
"#,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let text = |lang: &str, slug: &str| page(&library, lang, slug).sections[0].text.clone();
    assert_eq!(
        text("en", "home"),
        "picture a shared cloud...\n\
         ... where tenants move freely between providers.\n\
         # not a heading\n\
         ... built\n\
         by a friendly crew, reachable at crew@example.org.\n\
         1. counted",
        "headlines of one block on one line, texts on their own; no meta, type, image, URL, \
         button label or href; markup removed, a leading `#` or `1.` kept as text"
    );
    assert_eq!(
        text("en", "updates"),
        "What happened lately in the example community.\nGatherings\nMeetups and workshops of the community.",
        "top-level prose in file order; no title_slug, no button"
    );
    assert_eq!(
        text("en", "meta-only"),
        "Only search engines had a summary of this page.",
        "meta.description when nothing else is said"
    );
    assert_eq!(
        text("en", "with-body"),
        "Intro paragraph of the body.",
        "meta.description is not mixed into a body's text"
    );
    let press = &page(&library, "de", "artikel").sections[0];
    assert_eq!(press.text, "Wolkenzeitung 1/2025", "no author names");
    assert_eq!(press.heading, "Ein Artikel über Wolken");
    assert_eq!(press.path, ["Ein Artikel über Wolken"]);
    assert_eq!(press.anchor, "");
    assert_eq!(press.links[0].url, "https://zeitung.example/artikel");
}

#[test]
fn front_matter_text_comes_before_the_body_intro_without_repeating_it() {
    let (page, problems) = parse(
        "en/pages/x.md",
        "---\ntitle: X\ndescription: 'Said twice.'\nintro: 'Said once.'\n---\nSaid twice.\n\n## Next\n\nmore\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let page = page.unwrap();
    assert_eq!(page.sections[0].text, "Said once.\nSaid twice.");
    assert_eq!(page.sections[0].level, 0);
    assert_eq!(page.sections.len(), 2);
}

#[test]
fn dates_are_kept_as_written_quoted_or_not_and_announcement_slugs_keep_the_file_name() {
    check(
        "dates",
        r#"
page en/2024-03-20-unquoted "Release day" en/announcements/2024-03-20-unquoted.md template=post date=2024-03-20
  [2] #release-day L9 Release day
page en/double_quoted "Double quoted date" en/announcements/2024-12-17-double.md template=- date=2024-12-17
  [0] # L8 Double quoted date
page en/single-quoted "Single quoted date" en/announcements/2024-09-11-single.md template=- date=2024-09-11
  [0] # L8 Single quoted date
"#,
    );
}

#[test]
fn comments_blank_lines_nested_values_and_unknown_fields_are_accepted() {
    let (library, _) = check(
        "front_matter_quirks",
        r#"
page en/quirks "Quirky front matter" en/pages/quirks.md template=- date=-
  [0] # L1 Quirky front matter
  [2] #quirks L23 Quirks
"#,
    );
    assert_eq!(
        page(&library, "en", "quirks").sections[0].text,
        "Multi-line quoted text with HTML inside.",
        "a quoted multi-line front matter string with HTML, as plain text; no author names"
    );
}

#[test]
fn broken_yaml_is_reported_with_its_line_and_the_page_is_still_served() {
    let (library, problems) = load("broken_yaml");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let p = &problems[0];
    assert!(p.is_error());
    assert_eq!(p.file, Path::new("en/pages/broken.md"));
    assert_eq!(p.line, Some(5), "the line after the unclosed `[`: {p}");
    assert!(
        p.message.starts_with("the front matter is not valid YAML"),
        "{p}"
    );
    assert!(p.fix.contains("served from its body"), "{p}");
    let broken = page(&library, "en", "broken");
    assert_eq!(broken.title, "Still served");
    assert_eq!(broken.path, Path::new("en/pages/broken.md"));
    assert_eq!(
        section(broken, "still-served").text,
        "The body is still here."
    );
}

#[test]
fn field_of_the_wrong_type_is_named_and_the_fallback_used() {
    check(
        "wrong_type",
        r#"
page en/listy "Heading title" en/pages/listy.md template=- date=-
  [1] #heading-title L7 Heading title
error en/pages/listy.md:2 [title] `title` must be text, not a list
"#,
    );
}

#[test]
fn empty_slug_is_an_error_with_a_fix_and_the_file_name_is_used() {
    let (_, problems) = check(
        "empty_slug",
        r#"
page en/nameless "Nameless" en/pages/nameless.md template=- date=-
  [0] # L7 Nameless
error en/pages/nameless.md:4 [slug] `slug` can't be empty
"#,
    );
    assert_eq!(
        problems[0].fix,
        "give the page a slug, or remove the field to use the file name (`nameless`)"
    );
    assert_eq!(
        problems[0].to_string(),
        "en/pages/nameless.md:4: error: `slug` can't be empty (fix: give the page a slug, or remove the field to use the file name (`nameless`))"
    );
}

#[test]
fn slug_from_front_matter_wins_over_the_file_name() {
    check(
        "slug_differs",
        r#"
page de/about "Über uns" de/pages/ueber-uns.md template=- date=-
  [2] #wer-wir-sind L7 Wer wir sind
"#,
    );
}

// ---------------------------------------------------------------- body

#[test]
fn german_headings_nest_and_keep_umlauts_in_anchors() {
    let (library, _) = check(
        "german",
        r#"
page de/network "Netzwerk" de/pages/netzwerk.md template=- date=-
  [3] #über-das-forum L7 Über das Forum
  [4] #ziele-des-forums L11 Über das Forum > Ziele des Forums (items 2)
  [3] #unsere-partner-im-netzwerk L18 Unsere Partner im Netzwerk (items 2, links 2)
  [3] #weiterführende-links L23 Weiterführende Links (items 1, links 1)
  [3] #mitmachen L27 Mitmachen (links 1, emails mitmachen@forum.example.de)
"#,
    );
    let network = page(&library, "de", "network");
    assert_eq!(
        section(network, "über-das-forum").text,
        "Das Forum pflegt gemeinsame Standards.\n„Gemeinsam geht es besser“, sagt die Vorsitzende."
    );
    assert_eq!(
        section(network, "unsere-partner-im-netzwerk").items[1],
        Item {
            text: "Müller & Söhne Cloud GmbH".into(),
            url: Some("https://mueller.example.de".into())
        }
    );
    assert_eq!(anchor("Weiterführende Links"), "weiterführende-links");
}

#[test]
fn raw_html_keeps_mailto_addresses_and_drops_tags_and_comments() {
    let (library, _) = check(
        "raw_html",
        r#"
page en/contact "Contact" en/pages/contact.md template=- date=-
  [2] #press L7 Press (links 1, emails press@example.org)
  [2] #community L16 Community (links 3, emails community@example.org help@example.org team@example.org)
  [2] #table L22 Table (links 1, emails sales@example.org)
"#,
    );
    let contact = page(&library, "en", "contact");
    let press = section(contact, "press");
    assert_eq!(
        press.text,
        "Press office: write to the press office & we answer within a day.\nFax only: never."
    );
    assert_eq!(
        press.links,
        [Link {
            text: "write to the press office".into(),
            url: "mailto:press@example.org?subject=Hello".into()
        }]
    );
    let community = section(contact, "community");
    assert_eq!(
        community.text,
        "Ask on community@example.org or at help@example.org, or the chat.\nPlain address: team@example.org."
    );
    let urls: Vec<&str> = community.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "mailto:community@example.org",
            "mailto:help@example.org",
            "https://chat.example.org"
        ]
    );
    assert_eq!(
        section(contact, "table").text,
        "Who | Where\nOffice | sales@example.org"
    );
}

#[test]
fn liquid_tags_kramdown_markers_and_image_syntax_are_dropped() {
    let (library, problems) = check(
        "liquid",
        r#"
page en/legacy "Legacy page" en/pages/legacy.md template=page date=-
  [2] #old-markup L10 Old markup
"#,
    );
    assert!(problems.is_empty());
    assert_eq!(
        section(page(&library, "en", "legacy"), "old-markup").text,
        "Welcome to with English text.\nDiagram of the stack"
    );
}

#[test]
fn partner_without_link_is_kept_and_names_keep_their_characters() {
    let (library, _) = check(
        "partners",
        r#"
page en/network "Partners" en/network.md template=- date=-
  [3] #our-partners-in-the-network L7 Our Partners in the Network (items 5, links 4)
  [3] #get-involved L17 Get Involved (links 2, emails join@forum.example.com board@forum.example.com)
"#,
    );
    let network = page(&library, "en", "network");
    let items: Vec<(&str, Option<&str>)> = section(network, "our-partners-in-the-network")
        .items
        .iter()
        .map(|i| (i.text.as_str(), i.url.as_deref()))
        .collect();
    assert_eq!(
        items,
        [
            ("Alpha Hosting GmbH", Some("https://alpha.example.com")),
            ("BetaCloud & Co. KG", Some("https://beta.example.com")),
            ("Gamma Unlinked AG", None),
            ("Delta_Systems s.r.o.", Some("https://delta.example.com")),
            ("Epsilon [Labs] GmbH", Some("https://epsilon.example.com")),
        ]
    );
    assert_eq!(
        section(network, "get-involved").text,
        "Interested? Contact join@forum.example.com. Or write to board@forum.example.com."
    );
}

#[test]
fn thematic_breaks_inside_the_body_split_nothing() {
    let (library, problems) = check(
        "thematic_breaks",
        r#"
page en/breaks "Breaks" en/breaks.md template=- date=-
  [0] # L7 Breaks
  [2] #one L11 One
  [2] #two L23 Two
  [2] #second L25 Second.
page en/unclosed "Unclosed" en/unclosed.md template=- date=-
  [0] # L2 Unclosed
  [1] #unclosed L4 Unclosed
error en/unclosed.md:1 the front matter opened on line 1 is never closed
"#,
    );
    let breaks = page(&library, "en", "breaks");
    assert_eq!(
        breaks.sections[0].text,
        "Intro after a break right below the front matter."
    );
    assert_eq!(section(breaks, "one").text, "First.\nStill one.");
    // `Second.` directly above `---` is a setext heading in CommonMark (and kramdown).
    assert_eq!(section(breaks, "two").text, "");
    assert_eq!(section(breaks, "second").path, ["Second."]);
    assert!(problems[0].fix.contains("add a line `---`"));
}

// ---------------------------------------------------------------- mojibake

#[test]
fn mojibake_is_repaired_everywhere_and_reported_per_line() {
    let (library, _) = check(
        "mojibake",
        r#"
page en/garbled "Café news" en/garbled.md template=- date=-
  [2] #whats-new L6 What’s new (items 1, links 1)
warning en/garbled.md:2 `CafÃ©` looks like UTF-8 text that was read as Latin-1/Windows-1252; it is shown as `Café`
warning en/garbled.md:6 `Whatâ€™s` looks like UTF-8 text that was read as Latin-1/Windows-1252; it is shown as `What’s`
warning en/garbled.md:8 `AÃ¶R` looks like UTF-8 text that was read as Latin-1/Windows-1252; it is shown as `AöR`
warning en/garbled.md:10 `MÃ¼ller` looks like UTF-8 text that was read as Latin-1/Windows-1252; it is shown as `Müller`
"#,
    );
    let s = section(page(&library, "en", "garbled"), "whats-new");
    assert_eq!(
        s.text,
        "Our partner Dataport AöR joined in São Paulo.\nMüller GmbH\nClean text stays: São Paulo, Müller, naturgemäß ein, Ã alone, 🚀, 日本語."
    );
    assert_eq!(s.items[0].text, "Müller GmbH");
    assert_eq!(s.links[0].text, "Müller GmbH");
}

#[test]
fn mojibake_warnings_are_capped_per_file() {
    let text: String = (1..=8)
        .map(|i| format!("Line {i}: FÃ¶rderung\n\n"))
        .collect();
    let (page, problems) = parse("en/many.md", &text);
    assert!(page.unwrap().sections[0]
        .text
        .starts_with("Line 1: Förderung"));
    let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
    assert_eq!(
        lines,
        [Some(1), Some(3), Some(5), Some(7), Some(9), Some(11)]
    );
    assert!(
        problems[5].message.starts_with("3 more lines"),
        "{}",
        problems[5]
    );
}

#[test]
fn clean_text_survives_mojibake_repair() {
    for clean in [
        "São Paulo",
        "Müller",
        "naturgemäß\u{a0}ein",
        "Ã",
        "🚀 日本語",
        "„Fuß“",
        "«\u{a0}après…»",
    ] {
        assert_eq!(repair_mojibake(clean), clean);
    }
    assert_eq!(repair_mojibake("AÃ¶R â€“ ðŸš€"), "AöR – 🚀");
}

// ---------------------------------------------------------------- the folder

#[test]
fn site_layout_loads_pages_and_skips_components_authors_and_hidden_folders() {
    let (library, problems) = check(
        "site",
        r#"
page de/2024-10-23-forum-founded "Forum gegründet" de/announcements/2024-10-23-forum-gegruendet.md template=post date=2024-10-23
  [2] #das-forum-ist-gegründet L10 Das Forum ist gegründet
page de/about "Über das Projekt" _i18n/de/about.md template=page date=-
  [1] #über-das-projekt L9 Über das Projekt
page de/interview "Ein Interview" de/press/2025-02-04-interview.md template=press date=2025-02-04
page de/network "Netzwerk" de/pages/netzwerk.md template=staticPage date=-
  [3] #unsere-partner-im-netzwerk L8 Unsere Partner im Netzwerk (items 1, links 1)
page en/2024-10-23-forum-founded "Forum founded" en/announcements/2024-10-23-forum-founded.md template=post date=2024-10-23
  [2] #the-forum-is-founded L11 The forum is founded
page en/english-inside "Written in English" _i18n/de/english-inside.md template=- date=-
  [0] # L6 Written in English
page en/index "Home" en/pages/index.md template=indexPage date=-
  [0] # L1 Home
page en/network "Network" en/pages/network.md template=staticPage date=-
  [3] #our-partners-in-the-network L8 Our Partners in the Network (items 1, links 1)
page en/no-front-matter "No front matter" en/pages/no-front-matter.md template=- date=-
  [0] # L1 No front matter
"#,
    );
    assert!(problems.is_empty());
    let paths: Vec<&Path> = library.pages.iter().map(|p| p.path.as_path()).collect();
    assert!(!paths
        .iter()
        .any(|p| p.starts_with("en/components") || p.starts_with("en/authors")));
    assert_eq!(library.pages_in("de").count(), 4);
    let keys: Vec<(&str, &str)> = library
        .pages
        .iter()
        .map(|p| (p.language.as_str(), p.slug.as_str()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn files_under_skipped_folders_and_components_are_not_pages() {
    let (footer, problems) = parse("en/components/footer.md", "---\ntitle: 'x'\n---\nbody\n");
    assert!(footer.is_none() && problems.is_empty());
    let (component, problems) = parse("en/blocks/menu.md", "---\nlocale: en\nitems: []\n---\n");
    assert!(component.is_none() && problems.is_empty());
    let (named, _) = parse(
        "en/blocks/x.md",
        "---\ncomponent: hero\ntitle: 'Hero'\n---\n",
    );
    assert!(named.is_none());
    let (with_title, _) = parse("en/x.md", "---\nlocale: de\ntitle: 'Seite'\n---\nText\n");
    assert_eq!(with_title.unwrap().language, "de");
}

#[test]
fn duplicate_language_and_slug_is_an_error_naming_both_files_and_the_first_wins() {
    let (library, problems) = check(
        "duplicate",
        r#"
page en/about "About (old)" en/legacy/about-old.md template=- date=-
  [0] # L7 About (old)
page en/other "Other" en/legacy/other.md template=- date=-
  [0] # L6 Other
error en/pages/about.md [slug] `en/legacy/about-old.md` and `en/pages/about.md` are both the page `about` in language `en`; only `en/legacy/about-old.md` is served
"#,
    );
    assert_eq!(
        page(&library, "en", "about").sections[0].text,
        "The old about page."
    );
    assert!(problems[0].fix.contains("different `slug`"));
}

#[test]
fn non_utf8_file_is_an_error_and_read_as_windows_1252_while_others_load() {
    let (library, problems) = check(
        "non_utf8",
        r#"
page en/fine "Fine" en/fine.md template=- date=-
  [0] # L5 Fine
page en/latin1 "Latin-1 page" en/latin1.md template=- date=-
  [2] #grüße L5 Grüße
error en/latin1.md:5 the file is not valid UTF-8; its invalid bytes were read as Windows-1252
"#,
    );
    assert_eq!(
        section(page(&library, "en", "latin1"), "grüße").text,
        "Schöne Grüße aus Köln."
    );
    assert_eq!(problems[0].fix, "re-save the file as UTF-8");
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_and_loading_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("en/pages")).unwrap();
    std::fs::write(root.join("en/pages/a.md"), "# A\n\ntext\n").unwrap();
    std::os::unix::fs::symlink(root.join("en"), root.join("en/pages/back")).unwrap();
    std::os::unix::fs::symlink(root.join("self"), root.join("self")).unwrap();
    std::os::unix::fs::symlink(root.join("missing.md"), root.join("en/dangling.md")).unwrap();
    let (library, problems) = load_dir(root, &LoadOptions::default());
    let got = summary(&library, &problems);
    assert!(got.starts_with("page en/a \"A\" en/pages/a.md"), "{got}");
    assert_eq!(library.pages.len(), 1, "{got}");
    let files: Vec<(Severity, &Path)> = problems
        .iter()
        .map(|p| (p.severity, p.file.as_path()))
        .collect();
    assert_eq!(
        files,
        [
            (Severity::Error, Path::new("en/dangling.md")),
            (Severity::Warning, Path::new("en/pages/back")),
            (Severity::Error, Path::new("self")),
        ],
        "{got}"
    );
    assert!(problems[1].message.contains("symlink loop"), "{got}");
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_an_error_and_the_others_load() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("locked.md"), "# Locked\n").unwrap();
    std::fs::write(root.join("open.md"), "# Open\n").unwrap();
    std::fs::set_permissions(
        root.join("locked.md"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let (library, problems) = load_dir(root, &LoadOptions::default());
    if std::fs::read(root.join("locked.md")).is_ok() {
        // Running as root: permissions don't stop reads; nothing to observe.
        assert_eq!(library.pages.len(), 2);
        return;
    }
    assert_eq!(library.pages.len(), 1);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].is_error());
    assert_eq!(problems[0].file, Path::new("locked.md"));
}

#[test]
fn missing_content_folder_is_an_error_not_a_panic() {
    let (library, problems) = load_dir(Path::new("/nonexistent/content"), &LoadOptions::default());
    assert!(library.pages.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].is_error());
}

#[test]
fn options_decide_languages_default_and_url() {
    let options = LoadOptions {
        default_language: "de".into(),
        languages: vec!["de".into(), "fr".into()],
        page_url: "https://example.org/{lang}/pages/{slug}/".into(),
        skip_dirs: vec![],
        ..LoadOptions::default()
    };
    let (p, _) = parse_page(Path::new("fr/x/page.md"), "# Bonjour\n", &options);
    let p = p.unwrap();
    assert_eq!(
        (p.language.as_str(), p.url.as_str()),
        ("fr", "https://example.org/fr/pages/page/")
    );
    let (p, _) = parse_page(Path::new("misc/page.md"), "text\n", &options);
    assert_eq!(p.unwrap().language, "de");
    let (_, problems) = parse_page(
        Path::new("misc/page.md"),
        "---\nlanguage: en\n---\n",
        &options,
    );
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Warning);
    assert_eq!(problems[0].field.as_deref(), Some("language"));
    assert_eq!(problems[0].line, Some(2));
}

#[test]
fn title_falls_back_to_the_file_name() {
    let (p, _) = parse("en/pages/digital-sovereignty.md", "Only text.\n");
    assert_eq!(p.unwrap().title, "Digital sovereignty");
}

#[test]
fn parsing_never_panics_on_odd_input() {
    for text in [
        "",
        "---",
        "---\n",
        "---\n---",
        "---\n---\n---\n",
        "\u{feff}---\ntitle: x\n---\n# T",
        "ï»¿---\ntitle: x\n---\n",
        "---\n: : :\n---\n",
        "---\n- a\n- b\n---\nbody",
        "---\ntitle: &a [*a]\n---\n",
        "<a href=\"",
        "<a href='mailto:x@y.de'>unclosed",
        "# \n##\n###### ######\n",
        "{% unclosed\n{{ also\n{: and this",
        "[link](<>) ![img]() <mailto:> <@> @@ a@ @b.c",
        "- \n  - \n    - x\n",
        "| a |\n|---|\n| <b>x</b> |",
        "&#xD800; &#99999999; &#; &",
    ] {
        let _ = parse("en/odd.md", text);
    }
}

proptest::proptest! {
    #[test]
    fn parsing_never_panics_on_random_markdown(
        text in "(---\n)?[-#*_`<>\\[\\]()!{}%:a-z@. \n\t&;\"'=/|0-9äÃ©€’\u{a0}]{0,300}"
    ) {
        let (page, _) = parse("en/random.md", &text);
        let page = page.expect("a file outside skipped folders is a page");
        let mut anchors = std::collections::HashSet::new();
        for s in &page.sections {
            proptest::prop_assert!(anchors.insert(s.anchor.clone()), "anchors unique");
            proptest::prop_assert!(!s.text.contains("\n\n"));
        }
    }

    #[test]
    fn parsing_never_panics_on_random_html(
        text in "[<>/a-z =\"'!-]{0,40}(<a href=\"mailto:[a-z@.]{0,12}\">)?[<>/a-z@. =\"'!&;#-]{0,80}"
    ) {
        let _ = parse("en/random.md", &text);
    }
}

/// A content folder `site/content` with one page, and a secret file and folder next to it (in
/// the same temp folder, outside the content).
#[cfg(unix)]
fn site_with_secrets() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    std::fs::create_dir_all(root.join("en")).unwrap();
    std::fs::write(root.join("en/a.md"), "# A\n\nthe page\n").unwrap();
    std::fs::write(dir.path().join("secret.md"), "# Secret\n\nroot:x:0:0\n").unwrap();
    std::fs::create_dir_all(dir.path().join("elsewhere")).unwrap();
    std::fs::write(
        dir.path().join("elsewhere/other.md"),
        "# Other\n\nnot ours\n",
    )
    .unwrap();
    (dir, root)
}

#[cfg(unix)]
#[test]
fn a_file_link_leading_out_of_the_content_folder_is_skipped_and_reported() {
    let (dir, root) = site_with_secrets();
    std::os::unix::fs::symlink(dir.path().join("secret.md"), root.join("en/passwd.md")).unwrap();
    let (library, problems) = load_dir(&root, &LoadOptions::default());
    let got = summary(&library, &problems);
    assert_eq!(library.pages.len(), 1, "{got}");
    assert!(!got.contains("root:x"), "{got}");
    assert_eq!(problems.len(), 1, "{got}");
    let problem = &problems[0];
    assert_eq!(problem.severity, Severity::Warning);
    assert_eq!(problem.file, Path::new("en/passwd.md"));
    assert!(
        problem.message.contains("outside the content folder"),
        "{problem}"
    );
    assert!(problem.fix.contains("remove the link"), "{problem}");
}

#[cfg(unix)]
#[test]
fn a_folder_link_leading_out_of_the_content_folder_is_not_entered() {
    let (dir, root) = site_with_secrets();
    std::os::unix::fs::symlink(dir.path().join("elsewhere"), root.join("en/more")).unwrap();
    // A relative link that climbs out is resolved the same way.
    std::os::unix::fs::symlink("../../elsewhere", root.join("en/climb")).unwrap();
    let (library, problems) = load_dir(&root, &LoadOptions::default());
    let got = summary(&library, &problems);
    assert_eq!(library.pages.len(), 1, "{got}");
    assert!(!got.contains("not ours"), "{got}");
    let files: Vec<(Severity, &Path)> = problems
        .iter()
        .map(|p| (p.severity, p.file.as_path()))
        .collect();
    assert_eq!(
        files,
        [
            (Severity::Warning, Path::new("en/climb")),
            (Severity::Warning, Path::new("en/more")),
        ],
        "{got}"
    );
}

#[cfg(unix)]
#[test]
fn links_that_stay_inside_the_content_folder_are_followed() {
    let (_dir, root) = site_with_secrets();
    std::fs::create_dir_all(root.join("shared")).unwrap();
    std::fs::write(root.join("shared/b.md"), "# B\n\nshared page\n").unwrap();
    std::os::unix::fs::symlink(root.join("shared"), root.join("de")).unwrap();
    std::os::unix::fs::symlink("a.md", root.join("en/alias.md")).unwrap();
    let (library, problems) = load_dir(&root, &LoadOptions::default());
    let got = summary(&library, &problems);
    // `de/b.md` is read through the link (language de) and `shared/b.md` is the same folder,
    // already entered: reported as a second link to it, not as a way out.
    assert!(got.contains("page de/b \"B\" de/b.md"), "{got}");
    assert!(got.contains("page en/alias \"A\" en/alias.md"), "{got}");
    assert!(!got.contains("outside"), "{got}");
}

#[test]
fn a_file_over_max_page_bytes_is_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("small.md"), "# Small\n\ntext\n").unwrap();
    std::fs::write(dir.path().join("huge.md"), "# Huge\n\n".repeat(100)).unwrap();
    let options = LoadOptions {
        max_page_bytes: 500,
        ..LoadOptions::default()
    };
    let (library, problems) = load_dir(dir.path(), &options);
    let got = summary(&library, &problems);
    assert_eq!(library.pages.len(), 1, "{got}");
    assert_eq!(library.pages[0].slug, "small");
    assert_eq!(problems.len(), 1, "{got}");
    assert!(problems[0].is_error());
    assert_eq!(problems[0].file, Path::new("huge.md"));
    assert_eq!(problems[0].field.as_deref(), Some("max_page_bytes"));
    assert!(problems[0].message.contains("800 bytes"), "{}", problems[0]);
}

/// Bytes a fuzzer would pick: a fixed xorshift stream (no `rand` needed, same every run).
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn random_bytes_and_high_bytes_load_as_one_reported_page_each() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("random.md"), noise(200_000, 7)).unwrap();
    let high: Vec<u8> = noise(200_000, 11)
        .into_iter()
        .enumerate()
        .map(|(i, b)| if i % 80 == 79 { b'\n' } else { 0x80 | b })
        .collect();
    std::fs::write(dir.path().join("high.md"), high).unwrap();
    let (library, problems) = load_dir(dir.path(), &LoadOptions::default());
    let got = summary(&library, &problems);
    assert_eq!(library.pages.len(), 2, "{got}");
    for file in ["high.md", "random.md"] {
        assert!(
            problems
                .iter()
                .any(|p| p.is_error() && p.file == Path::new(file) && p.message.contains("UTF-8")),
            "{got}"
        );
    }
}

#[test]
fn unsafe_links_are_reported_and_kept_as_plain_text() {
    let text = "# Links\n\n- [Partner](javascript:alert(1))\n- [Safe](https://scs.community)\n\n\
                See [this](data:text/html;base64,PHNjcmlwdD4=), [local](file:///etc/passwd), \
                [old](vbscript:msgbox), [mail](mailto:a@b.de) and [here](/en/network).\n";
    let (page, problems) = parse_page(Path::new("en/links.md"), text, &LoadOptions::default());
    let page = page.unwrap();
    let urls: Vec<&str> = page
        .sections
        .iter()
        .flat_map(|s| &s.links)
        .map(|l| l.url.as_str())
        .collect();
    assert_eq!(
        urls,
        ["https://scs.community", "mailto:a@b.de", "/en/network"]
    );
    let items: Vec<(&str, Option<&str>)> = page.sections[0]
        .items
        .iter()
        .map(|i| (i.text.as_str(), i.url.as_deref()))
        .collect();
    assert_eq!(
        items,
        [("Partner", None), ("Safe", Some("https://scs.community"))]
    );
    // The labels stay as text.
    assert!(
        page.sections[0].text.contains("this"),
        "{:?}",
        page.sections
    );
    let warned: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(problems.len(), 4, "{warned:#?}");
    for scheme in ["javascript:", "data:", "file:", "vbscript:"] {
        assert!(
            problems.iter().any(|p| p.severity == Severity::Warning
                && p.message.contains(scheme)
                && p.line == Some(1)),
            "{scheme}: {warned:#?}"
        );
    }
}

#[test]
fn an_odd_slug_is_reported_and_replaced() {
    for slug in ["../../etc/passwd", "a/b", "a\\\\b", "x\\u0007y"] {
        let text = format!("---\ntitle: T\nslug: \"{slug}\"\n---\n# T\n");
        let (page, problems) = parse_page(Path::new("en/odd.md"), &text, &LoadOptions::default());
        let page = page.unwrap();
        assert!(
            !scs_bot::content::is_odd_slug(&page.slug),
            "{slug}: {}",
            page.slug
        );
        assert_eq!(problems.len(), 1, "{slug}: {problems:?}");
        assert_eq!(problems[0].field.as_deref(), Some("slug"));
        assert_eq!(problems[0].line, Some(3));
        assert_eq!(problems[0].severity, Severity::Warning);
    }
}
