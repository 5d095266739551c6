//! Composing answers: from a command's section, from the search, and the answers that say why
//! there is none (not found, refused, help).

use super::calibrate::calibrated;
use super::catalog::{Command, SectionRef};
use super::model::{Answer, AnswerLink, AnsweredBy, Hit, Outcome};
use super::partners::{self, partners_named, partners_of};
use super::question::Question;
use super::route::{route, Route, RoutedBy};
use super::Sources;
use crate::config::CommandKind;
use crate::content::{Page, Section};
use crate::index::{Coverage, SearchHit};
use crate::messages::{self, fill, slash};
use std::collections::HashSet;

/// How many hits routing looks at: a command's section may rank below the shown ones.
const ROUTE_DEPTH: usize = 5;

/// How many hits are looked through for the sections of a page the question names.
const NAMED_PAGE_DEPTH: usize = 20;

/// A free question: small talk, routed to a command when it asks for one, else searched; an
/// answer less sure than `search.min_confidence` says "not found" instead.
pub fn question(src: &Sources, question: &Question, language: &str) -> Answer {
    let answer = answer_to(src, question, language);
    // A remark after the question ("Ist Syself dabei? Kollege meint nein", "is syseleven in?
    // asking because my boss wants to know") says why it is asked, not what: a command the
    // question alone is surely answered by answers it, whatever words the remark adds. (A
    // search keeps the remark: its words say what is asked more often than not.)
    if answer.outcome != Outcome::Answered {
        if let Some(alone) = question.remark_after() {
            let mut answered = answer_to(src, &alone, language);
            if answered.outcome == Outcome::Answered
                && matches!(answered.command, AnsweredBy::Command(_))
            {
                answered.query = question.text.clone();
                return answered;
            }
        }
    }
    answer
}

/// [`question`], of the question as asked.
fn answer_to(src: &Sources, question: &Question, language: &str) -> Answer {
    if question.is_smalltalk() {
        return smalltalk(&question.text, language);
    }
    let shown = src.config.search.max_hits;
    // A question naming a page ("according to the standards page, who certifies?") is
    // answered from that page first, wherever its sections rank among the first 20; the page
    // noun ("page", "Beitrag", "homepage") is not searched for: no section's text has it. The
    // words naming the page stay: its title has them.
    let named = src
        .catalog
        .named_page(src.library, &question.normalized)
        .or_else(|| src.catalog.quoted_page(src.library, &question.text));
    let unnamed = named
        .as_ref()
        .and_then(|named| question.without_words(&named.words));
    let mut asked_of_page = unnamed.as_ref().unwrap_or(question);
    let of_named = named.as_ref().map(|named| {
        let mut found = search(
            src,
            asked_of_page,
            language,
            NAMED_PAGE_DEPTH,
            NAMED_PAGE_DEPTH,
        );
        // Stable: the named page's hits first, each group in its order.
        found.sort_by_key(|hit| hit.slug != named.slug);
        found.truncate(shown.max(ROUTE_DEPTH));
        found
    });
    // A page named that holds nothing of the rest of the question ("is the homepage
    // broken?") does not answer it: the whole question is searched as asked.
    let mut on_named: Option<&str> = None;
    // A question of nothing but a page's name ("what's on the events page?", "what does the
    // standards page say?", "Eventseite?") asks for the page itself: its introduction.
    let page_itself = named
        .as_ref()
        .filter(|n| super::named_page::asks_page_itself(&question.normalized, &question.hints, n))
        .and_then(|n| {
            let of_page = src.library.pages.iter().filter(|p| p.slug == n.slug);
            [language, src.config.default_language.as_str()]
                .into_iter()
                .chain(of_page.map(|p| p.language.as_str()))
                .find_map(|lang| src.catalog.page_start(src.library, lang, n.slug))
        });
    let found = match of_named {
        Some(found)
            if found
                .first()
                .zip(named.as_ref())
                .is_some_and(|(h, n)| h.slug == n.slug) =>
        {
            on_named = named.as_ref().map(|n| n.slug);
            found
        }
        _ => {
            asked_of_page = question;
            search(src, question, language, shown.max(ROUTE_DEPTH), shown)
        }
    };
    let found = named_part_first(src, asked_of_page, found);
    // A task on "the page" itself is on the whole page; so is one on the page that names
    // nothing else the search finds ("write a haiku about the page"), and one on its
    // introduction ("Kürze den ersten Absatz", whatever "ersten" finds).
    let page_itself = page_itself.or_else(|| {
        (question.tasks_the_page_itself()
            || question
                .task_part()
                .is_some_and(|task| super::question::is_intro(&task))
            || (found.is_empty() && question.tasks_on_the_page()))
        .then(|| only_page_tasked(src, question))
        .flatten()
    });
    if let Some(top) = found.first() {
        let c = &top.coverage;
        tracing::debug!(
            page = %top.slug,
            anchor = %top.anchor,
            share = c.share,
            page_share = c.page_share,
            meaning = c.meaning,
            meaning_found = c.page_meaning_found,
            meaning_foreign = c.meaning_foreign,
            "best hit"
        );
    }
    let min = src.config.search.min_confidence;
    // Trigger phrases are matched as typed, else with typos fixed ("who are the partenrs").
    let fixed = src.catalog.with_trigger_typos_fixed(question);
    let (asked, routed) = match route(src, question, language, &found) {
        _ if page_itself.is_some() => (question, None),
        Some(routed) => (question, Some(routed)),
        None => match &fixed {
            Some(fixed) => (fixed, route(src, fixed, language, &found)),
            None => (question, None),
        },
    };
    let routed = routed.and_then(|routed| {
        match more_specific_elsewhere(src, asked, language, &routed, &found) {
            Specific::Elsewhere => None,
            Specific::Command => Some(routed),
            Specific::CommandUnranked => Some(Route {
                below_best: true,
                ..routed
            }),
        }
    });
    // A page the question names answers it, not a command on another page ("what is on the
    // contact page?" is not /join's section of the network page).
    let routed = routed.filter(|routed| {
        on_named.is_none_or(|slug| {
            routed
                .command
                .section(language)
                .is_some_and(|at| at.get(src.library).0.slug == slug)
        })
    });
    if let Some(routed) = routed {
        // A question of nothing but the command's words asks for it, surely.
        let (mut sure, of_section) = match routed.by {
            RoutedBy::OnlyTriggers | RoutedBy::Membership | RoutedBy::Entries => (1.0, None),
            _ => routed_confidence(src, asked, language, routed.command, &found),
        };
        // Whether a rule damped it as weak (see [`Evidence::damped`]).
        let mut damped = false;
        // A command named among words no page has ("join a choir", "weather in Berlin" naming
        // a partner's city) is about something else.
        if !matches!(
            routed.by,
            RoutedBy::OnlyTriggers | RoutedBy::Membership | RoutedBy::Entries
        ) {
            if let Some(top) = found.first() {
                let against = match routed.by {
                    RoutedBy::Trigger => FOREIGN_AGAINST_TRIGGER,
                    RoutedBy::Partner
                    | RoutedBy::OnlyTriggers
                    | RoutedBy::Membership
                    | RoutedBy::Entries => FOREIGN_AGAINST_PARTNER,
                };
                // Framing words of a long question are as often words no page has ("… for
                // our wiki"): they count less against the command ([`framing`]), and less
                // still those saying what a task on the command's section is for ("turn the
                // further links into a markdown table").
                sure = sure.min(
                    1.0 - against * foreign_share(&top.coverage)
                        / (framing(question)
                            * task_lift(src, question, routed.command.section(language))),
                );
            }
        }
        // Someone's private life is in no command's section either: "need <someone>'s
        // personal mail address" is not the forum's address.
        if crate::index::asks_private_life(&question.hints) {
            sure *= WEAK;
            damped = true;
        }
        // "When is the next summit?" routed to the summit's command: its page must state a
        // time to come, as a searched page must. Joining is open now, whenever the next of
        // anything is ("when can a company join?"); when someone joined, the section on
        // joining doesn't say.
        let now_open = routed.command.kind == CommandKind::Contact
            && (question.when == crate::index::AskedWhen::No
                || !crate::index::asks_of_the_past(&question.normalized));
        if question.held_to_a_time() && !now_open {
            if let Some(at) = routed.command.section(language) {
                if !can_say_when(src, question, at) {
                    sure *= WEAK;
                    damped = true;
                }
            }
        }
        // "How many data centers does plusserver run?" routed to the partner list: the list
        // counts partners, not what they have.
        if let Some(at) = routed.command.section(language) {
            if !can_state_the_fact(src, question, at) || !can_say_which_most(src, question, at) {
                sure *= WEAK;
                damped = true;
            }
            // A task on a part of another text ("summarize the introduction of the gaia-x
            // whitepaper") is not on the command's section either.
            if tasks_another_text(src, question, Some(at)) {
                sure *= WEAK;
                damped = true;
            }
        }
        // A command asked among other words is as sure as a search answer with that
        // evidence: a long question, by the calibrated chance ([`calibrated`]), of the
        // command's section where the search found it. Whether the question is asked of it,
        // and whether a rule damped what it holds, are read as for a search answer from that
        // section.
        if let Some((of_section, hit)) = of_section {
            let evidence = Evidence {
                value: sure,
                damped: damped || of_section.damped,
                of_the_pages: of_section.of_the_pages,
            };
            sure = calibrated(evidence, &hit.coverage, asked);
        }
        // Unsure, the command says it found nothing; unless its section ranked below the
        // best hit (`Route::below_best`): then the search answers.
        if sure < min && !routed.below_best {
            return unsure(src, question, language, sure);
        }
        if sure >= min {
            return routed_answer(src, question, language, routed, sure);
        }
    }
    let found = held_to_the_fact(src, question, found);
    let Some((found, title)) = titled(src, question, language, page_itself, found) else {
        return not_found(src, &question.text, language);
    };
    let top = &found[0];
    let sure = match title {
        Title::Asked => 1.0,
        Title::NotAsked => {
            let at = src
                .catalog
                .locate(src.library, &top.language, &top.slug, &top.anchor);
            let mut evidence = evidence(
                asked_of_page,
                &top.coverage,
                task_lift(src, asked_of_page, at),
            );
            if tasks_another_text(src, asked_of_page, at) {
                evidence = Evidence {
                    value: evidence.value * WEAK,
                    damped: true,
                    ..evidence
                };
            }
            // What `scripts/fit_confidence.py` fits the calibration on.
            tracing::debug!(
                query = ?question.text,
                evidence = evidence.value,
                damped = evidence.damped,
                of_the_pages = evidence.of_the_pages,
                words = top.coverage.words,
                meaning = top.coverage.meaning,
                pointed = points_at_content(asked_of_page, &top.coverage),
                "calibration"
            );
            calibrated(evidence, &top.coverage, asked_of_page)
        }
    };
    if sure < min {
        return unsure(src, question, language, sure);
    }
    let mut answer = Answer::new(&question.text, language, AnsweredBy::Search);
    answer.confidence = sure;
    answer.title = short_title(&top.heading);
    if let Some(at) = src
        .catalog
        .locate(src.library, &top.language, &top.slug, &top.anchor)
    {
        // A named heading with only sub-headings shows what its first text under it has.
        let at = super::catalog::with_text(src.library, at);
        let (_, section) = at.get(src.library);
        answer.contacts = section.emails.clone();
        answer.links = section_links(section);
        answer.text = text_without_listed_links(section, &answer.links);
        if src.catalog.is_partner_section(at) {
            let partners = partners_of(section);
            let named = partners_named(&partners, &question.text);
            answer.partners = if named.is_empty() { partners } else { named };
        }
    }
    answer.hits = found.into_iter().take(shown).map(hit_of).collect();
    answer
}

/// The answer of the command a free question was sent to, `sure` as computed for it; a
/// question naming one partner of the list gets that partner.
fn routed_answer(
    src: &Sources,
    question: &Question,
    language: &str,
    routed: Route,
    sure: f32,
) -> Answer {
    let arg = routed.arg.or_else(|| {
        (routed.command.kind == CommandKind::Partners)
            .then(|| {
                let words = src
                    .catalog
                    .partner_words(language, &src.config.default_language);
                partners::mentioned_one(words, question)
            })
            .flatten()
    });
    let mut answer = command(
        src,
        routed.command,
        arg.as_deref(),
        language,
        &question.text,
    );
    // Asked whether one no page names is a partner ("is StackHPC one of the founders?"): it is
    // not, and the title says so above the list.
    if routed.by == RoutedBy::Membership && arg.is_none() {
        if let Some(name) = super::route::name_no_page_has(src, question) {
            answer.title = fill(messages::of(language).not_a_partner, &[("name", &name)]);
        }
    }
    answer.confidence = sure;
    answer
}

/// Whether the question is a page title or a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Title {
    /// It is: its section comes first, as sure as a command.
    Asked,
    NotAsked,
}

/// A question that is (the search words of) a page title or a heading goes to that section
/// first, however the ranking scored it: "Veranstaltungen" is the events page, not the news
/// page that mentions events. `None` when there is nothing to show.
fn titled(
    src: &Sources,
    question: &Question,
    language: &str,
    page_asked: Option<SectionRef>,
    found: Vec<SearchHit>,
) -> Option<(Vec<SearchHit>, Title)> {
    if let Some(at) = page_asked {
        return Some((first_under(src, at, found), Title::Asked));
    }
    let titled = src
        .catalog
        .titled(
            src.library,
            language,
            &question.search_words,
            &question.text,
        )
        .or_else(|| {
            src.catalog.titled(
                src.library,
                &src.config.default_language,
                &question.search_words,
                &question.text,
            )
        });
    // A heading quoted in the question ("the bullet points under „Warum sollten Sie dabei
    // sein?“", "what does 'Get Involved' say about …") names its section, whatever else
    // the question asks.
    let quoted = quoted_heading(src, question, language, &found);
    let titled = quoted.or(titled);
    // A question asking when, where or how much about a titled thing ("when is the SCS
    // Summit 2025?") wants the section that says so, not the title: the search decides.
    if quoted.is_none() && !question.hints.is_empty() {
        return (!found.is_empty()).then_some((found, Title::NotAsked));
    }
    // One common word is a title only when it is the whole heading or page title, or its
    // head ("Veranstaltungen", "who's in the network?" of a page titled "Network"), not when the
    // heading has more words the search drops ("involved" is not "Get Involved"). The
    // question's own filler ("who's in the", "what is this … about") doesn't matter: only the
    // heading's does.
    let titled = titled.filter(|at| {
        if quoted.is_some() {
            return true;
        }
        let [word] = question.search_words.as_slice() else {
            return true;
        };
        let (page, section) = at.get(src.library);
        !crate::index::is_frequent_word(word)
            || [&section.heading, &page.title].iter().any(|h| {
                // Or its head, when it has a subtitle ("Lernen durch Tun: Cloud-in-a-Box …").
                std::iter::once(h.as_str())
                    .chain(super::catalog::head_of(h))
                    .any(|h| {
                        let heading = super::question::normalize(h);
                        heading == question.normalized || heading == *word
                    })
            })
    });
    let Some(at) = titled else {
        return (!found.is_empty()).then_some((found, Title::NotAsked));
    };
    Some((first_under(src, at, found), Title::Asked))
}

/// The hits with the section `at` first, or when it has no text (a heading with only
/// sub-headings under it, or a tagline with none), the first under or after it that has: the
/// reply links to `at` and shows that text.
fn first_under(src: &Sources, at: SectionRef, mut found: Vec<SearchHit>) -> Vec<SearchHit> {
    let shown = super::catalog::with_text(src.library, at);
    let mut first = match found.iter().position(|h| shown.is(src.library, h)) {
        Some(i) => found.remove(i),
        None => {
            let (page, section) = shown.get(src.library);
            let hit = hit_for(page, section);
            SearchHit {
                coverage: Coverage::default(),
                language: hit.language,
                slug: hit.page,
                anchor: hit.anchor,
                title: hit.title,
                heading: hit.section,
                path: hit.path,
                url: hit.url,
                score: hit.score,
                snippet: hit.snippet,
                fragment: String::new(),
                highlights: Vec::new(),
            }
        }
    };
    // The reply links to the heading named, whatever text it shows: the one under it, or
    // for a heading with no text nor sub-headings (a tagline: "Kubernetes - digital
    // souverän"), the text after it.
    if shown != at {
        let (page, named) = at.get(src.library);
        found.retain(|h| !at.is(src.library, h));
        first.anchor = named.anchor.clone();
        first.heading = named.heading.clone();
        first.path = named.path.clone();
        first.url = page.section_url(named);
    }
    found.insert(0, first);
    found
}

/// The section whose heading the question quotes: in „…“, “…”, "…", ‚…‘ or '…', as written
/// (however many stopwords: "Warum sollten Sie dabei sein?") or nearly, in the asked language
/// or else the default one. A quoted page title names the page (see `question`), not its first
/// section.
fn quoted_heading(
    src: &Sources,
    question: &Question,
    language: &str,
    found: &[SearchHit],
) -> Option<super::catalog::SectionRef> {
    use super::question::normalize;
    let languages = [language, src.config.default_language.as_str()];
    super::question::quotes(&question.text).find_map(|quote| {
        let quoted = normalize(quote);
        let is_title = |at: super::catalog::SectionRef| {
            let (page, _) = at.get(src.library);
            normalize(&page.title) == quoted
        };
        // A heading several pages have ("Weiterführende Links") is the one of the page the
        // search ranks first ("die Links auf der Praxis-Seite unter „Weiterführende Links“").
        let rank = |p: usize| {
            let page = &src.library.pages[p];
            found
                .iter()
                .position(|h| h.slug == page.slug && h.language == page.language)
                .unwrap_or(usize::MAX)
        };
        let exact = languages.iter().find_map(|lang| {
            src.library
                .pages
                .iter()
                .enumerate()
                .filter(|(_, page)| page.language == *lang)
                .filter_map(|(p, page)| {
                    let s = page
                        .sections
                        .iter()
                        .position(|s| !s.heading.is_empty() && normalize(&s.heading) == quoted)?;
                    Some(super::catalog::SectionRef {
                        page: p,
                        section: s,
                    })
                })
                .min_by_key(|at| rank(at.page))
        });
        let near = || {
            let words = crate::index::question_words(quote);
            if words.len() < 2 || words.len() > MAX_QUOTED_WORDS {
                return None;
            }
            languages
                .iter()
                .find_map(|lang| src.catalog.titled(src.library, lang, &words, quote))
        };
        exact.or_else(near).filter(|at| !is_title(*at))
    })
}

/// The most search words a quote naming a heading has: a longer quote is a sentence.
const MAX_QUOTED_WORDS: usize = 12;

/// Damping of a question of one word that is weak evidence: a common word of general
/// language ("time", "open", "today", "heute"), or one that stands only in a section's text,
/// not in its headings nor in that section alone, and is not typed as a distinctive word.
const WEAK: f32 = 0.25;

/// What a word means in general language (see `index::Coverage::meaning`) below which a word
/// alone is too common to ask for anything ("free", "today", "involved", "spät"): about the
/// 1,700 most frequent words of English or German.
const COMMON_MEANING: f32 = 2.5;

/// What all the words a section holds of a question mean together below which they are weak
/// evidence however many they are: less than one word beyond the 1,000 or so most frequent of
/// its language ("Welcher Tag ist heute?" holds "Tag" and "heute" of a commentary).
const GENERIC_MEANING: f32 = 2.0;

/// What a word means in general language from which on it is rare there: alone, it asks for
/// what the pages say about it (see `index::RARE_MEANING`).
const RARE_MEANING: f32 = crate::index::RARE_MEANING;

/// How much of the page's share of the question counts when its section holds less: a question
/// whose words are spread over an announcement (the release in the title, the version in a
/// subsection) is answered by that page, if less surely than by one section holding them all.
const PAGE_SHARE: f32 = 0.9;

/// How sure a section answers a question by the rules ([`evidence`]), and what held it back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// From 0 to 1 (see [`evidence`]).
    pub value: f32,
    /// Damped as weak evidence (a question of one common word, one asking a fact no section
    /// states, a task on another text; for a command, someone's private life or a time or
    /// fact its section can't state), or none at all: what the rules hold back on purpose,
    /// which [`super::calibrate::calibrated`] leaves as it is.
    pub damped: bool,
    /// Asked of the pages themselves, by a question of more than
    /// [`super::calibrate::SHORT`] words: pointing at them with little no page has
    /// ([`points_at_content`]), a task on the part of them the section is ([`task_lift`]), or
    /// a task to make a text ([`Question::makes_a_text`]: "draft a two-line bluesky post
    /// saying who runs scs since 2025", "write a tweet announcing the forum, facts strictly
    /// from this page"): what it is to be made into is on no page, what it is to say is.
    /// Only then are the words beyond what a section holds taken for words about the asking
    /// (what to make, for whom), not for another topic. (Not read for a short question.)
    pub of_the_pages: bool,
}

/// How sure a section answers a question by the rules, from 0 to 1 (the evidence, turned
/// into a chance for a long question asked of the pages by [`calibrated`]): the lower of
/// - how much of the question the answer's section holds (each word weighed by how rare it is
///   in the content), or its page, a little less surely; and
/// - how much of what the question *means* its page holds: each word weighed by how rare it is
///   in general language, a word no page has counting against it ("weather", "Gedicht") — so a
///   question about another topic that shares a word or two with the pages is not answered.
///
/// A question asking for a kind of fact no section states (an age, an amount: see
/// `index::facts`) is damped by [`WEAK`] whatever it holds.
///
/// A question of one weak word, or whose words found add up to less than one uncommon word
/// ([`GENERIC_MEANING`]), is damped by [`WEAK`]; one whose only evidence is numbers ("1",
/// "what is 1+1") is not answered at all.
///
/// `task_lift` lifts a request for a task on a part of the pages ([`task_lift`]). What held
/// it back is said too ([`Evidence`]).
pub fn evidence(question: &Question, coverage: &Coverage, task_lift: f32) -> Evidence {
    let damped = |value: f32| Evidence {
        value,
        damped: true,
        of_the_pages: false,
    };
    // Quantities, that is: a long number is an identifier ("206539" of a phone number).
    let only_numbers = !coverage.matched.is_empty()
        && coverage
            .matched
            .iter()
            .all(|w| crate::index::is_quantity(w));
    if only_numbers {
        return damped(0.0);
    }
    let share = coverage.share.max(PAGE_SHARE * coverage.page_share);
    // Asked for a kind of fact the content never states: whatever section holds the
    // question's names, it does not hold the answer.
    if coverage.fact_missing {
        return damped(WEAK * share.min(1.0));
    }
    let asked = coverage.meaning + coverage.meaning_foreign;
    let scope = if asked > 0.0 {
        coverage.page_meaning_found / asked
    } else {
        0.0
    };
    // A question pointing at the content ("does the page say …", "auf der Seite") asks what
    // the pages say: what it means is theirs to answer, more surely than a question that
    // might be about the world; unless it holds words no page has ("does the page say if
    // OSISM is profitable?", "per the website, who is the chancellor?").
    // A task on a part of the pages ("sum up the gaia-x paragraph for my slide deck") asks
    // about that part, whatever words say what the task is for.
    let pointed = if points_at_content(question, coverage) {
        POINTED_LIFT
    } else {
        1.0
    }
    .max(task_lift);
    let sure = (share * framing(question) * pointed)
        .min(scope * pointed)
        .clamp(0.0, 1.0);
    // What a task makes ("ein Gedicht über den Herbst") is no word of what it is about.
    let about = question
        .search_words
        .iter()
        .filter(|w| !question.how.contains(w))
        .count();
    let single = about <= 1 && coverage.matched.len() <= 1;
    let weak = coverage.meaning_found < GENERIC_MEANING
        || (single
            && (coverage.meaning_found < COMMON_MEANING
                || (!coverage.in_heading
                    && !coverage.unique
                    && coverage.meaning_found < RARE_MEANING
                    && !coverage.matched.iter().any(|w| question.is_distinctive(w)))));
    if weak && task_lift < NAMED_TASK_LIFT {
        damped(sure * WEAK)
    } else {
        // Read only where the calibration would use it: a long question.
        let of_the_pages = coverage.words > super::calibrate::SHORT
            && (task_lift > 1.0
                || points_at_content(question, coverage)
                || question.makes_a_text());
        Evidence {
            value: sure,
            damped: sure <= 0.0,
            of_the_pages,
        }
    }
}

/// Whether a question points at the content ([`Question::points_at_content`]) with no more
/// than [`POINTED_FOREIGN`] of what it means in words no page has: "per the website, who is
/// the chancellor?" asks about the world, whatever it points at.
pub(super) fn points_at_content(question: &Question, coverage: &Coverage) -> bool {
    question.points_at_content() && foreign_share(coverage) <= POINTED_FOREIGN
}

/// How much a question pointing at the content ([`points_at_content`]) lifts both
/// the share a section holds and the scope. No out-of-scope question of the development sets
/// (some 400) points at the page; some 90 in-scope ones do, a quarter of them held back
/// with the right section first before the lift.
const POINTED_LIFT: f32 = 1.5;
/// How much a task on a part of the pages ([`task_lift`]) lifts both the share and the scope,
/// whatever its words no page has.
const TASK_LIFT: f32 = 2.0;
/// The same for a task on a part named by the pages' own words ("turn the *get involved*
/// paragraph into a button label", "the *openinfra* paragraph as a tweet"): the part is that
/// section, however weak its words ("get", "involved") and however many words say what to
/// make of it; no damping as a weak question ([`WEAK`]).
const NAMED_TASK_LIFT: f32 = 3.0;

/// [`TASK_LIFT`] for a request for a task on the part of the pages `answer` is, named by its
/// words ([`Question::task_part`]: "sum up the gaia-x paragraph in one line for my slide
/// deck"), else 1. What the task is for ("slide deck", "markdown table", "alt text") is on no
/// page and says nothing of whether the part is there. Which part must be named by words of
/// the section (or the glossary, for a translation's: "den weiterführenden Links"), or be the
/// page itself; whose, by its page's title: "translate the intro of harry potter", "give me
/// the links to the best pizza places", "sum up the gaia-x paragraph from the handelsblatt
/// article" name no part of these pages.
fn task_lift(src: &Sources, question: &Question, answer: Option<SectionRef>) -> f32 {
    let (Some(task), Some(at)) = (question.task_part(), answer) else {
        return 1.0;
    };
    let (page, section) = at.get(src.library);
    // Which part: words of the section answering ("the *gaia-x* paragraph"), a word of
    // another language the glossary's to translate ("den weiterführenden Links" of an
    // English page); or, named by nothing, the page itself.
    let which = if task.part.is_empty() {
        // The thing itself: the section's heading names it ("the forum goals" of "Goals of
        // the Forum"), with its page's title ("das Summit-Programm" of "Programm" on the
        // summit's page).
        // Or its text, where it says what the section is about ([`names_what_it_is_about`]:
        // "a limerick about *the founding members*" of the partner list, whose list "The
        // founding members of the forum include:").
        let heading = super::question::normalize(&format!("{} {}", section.heading, page.title));
        task.named_by
            .iter()
            .all(|w| super::question::contains_phrase(&heading, w))
            || names_what_it_is_about(section, &task.named_by)
    } else if task.named_by.is_empty() {
        // "The page" unnamed is the page of content that has one; of many, none.
        (super::question::is_page_part(task.part) && src.library.pages.len() == 1)
            || (super::question::is_intro_part(task.part)
                && page.sections.iter().position(|s| !s.text.is_empty()) == Some(at.section))
    } else {
        // The page's title names the part too: "aus dem *R9*-Abschnitt zur Hardware-Verwaltung"
        // of the R9 announcement.
        let text = format!(
            "{} {}",
            words_of(section),
            super::question::normalize(&page.title)
        );
        task.named_by.iter().all(|w| {
            super::question::contains_phrase(&text, w)
                || (!crate::index::is_word_of(&page.language, w) && crate::index::in_glossary(w))
        })
    };
    let whose = !owned_elsewhere(&task, page);
    tracing::debug!(
        part = task.part,
        named_by = ?task.named_by,
        owner = ?task.owner,
        which,
        whose,
        "task"
    );
    if !(which && whose) {
        1.0
    } else if rewrites_a_named_part(&task, |w| !on_most_sections(page, w)) {
        NAMED_TASK_LIFT
    } else {
        TASK_LIFT
    }
}

/// Whether the part a task is on belongs to another text than `page`: whose it is is said by
/// words of the page's title ("the intro *of the network page*"), else by another text's
/// ("the intro of the GDPR" of a section saying "GDPR-compliant", "the intro to the cloud
/// act").
fn owned_elsewhere(task: &super::question::TaskPart, page: &Page) -> bool {
    let title = super::question::normalize(&page.title);
    !task
        .owner
        .iter()
        .all(|w| super::question::contains_phrase(&title, w) || PAGE_WORDS.contains(w))
}

/// Whether `question` is a task on a part of another text, named by words that neither the
/// page's title nor the section `at` has ("sum up the intro to the cloud act"): what no page
/// holds, however many of its words one has. A part named by what the section says is its
/// own ("das Zitat von Ganten" of the section quoting him).
fn tasks_another_text(src: &Sources, question: &Question, at: Option<SectionRef>) -> bool {
    let (Some(task), Some(at)) = (question.task_part(), at) else {
        return false;
    };
    let (page, section) = at.get(src.library);
    let text = words_of(section);
    owned_elsewhere(&task, page)
        && !task
            .owner
            .iter()
            .all(|w| super::question::contains_phrase(&text, w))
}

/// Whether a task makes a text of a part it names by what the part is about ([`names_a_part`]),
/// by a word `also` accepts.
fn rewrites_a_named_part(task: &super::question::TaskPart, also: impl Fn(&str) -> bool) -> bool {
    !task.part.is_empty()
        && task.rewrites()
        && task.named_by.iter().any(|w| names_a_part(w) && also(w))
}

/// The start of the one page of content that has one, when a task is on "the page"
/// ("summarise the whole page in four bullets", "Fass die ganze Seite zusammen") or on its
/// introduction ("rewrite the intro paragraph for a kids' magazine", "Kürze den ersten
/// Absatz"): there is no other page it can be. On a site of many pages "the page" names none.
fn only_page_tasked(src: &Sources, question: &Question) -> Option<SectionRef> {
    let task = question.task_part()?;
    let alone = ((super::question::is_page_part(task.part) && task.named_by.is_empty())
        || super::question::is_intro(&task))
        && task.owner.iter().all(|w| PAGE_WORDS.contains(w))
        && src.library.pages.len() == 1;
    let page = src.library.pages.first().filter(|_| alone)?;
    src.catalog
        .page_start(src.library, &page.language, &page.slug)
}

/// The hits with the section a task names by its words first ("rewrite *the openinfra
/// paragraph* so a non-techie gets it": the section on OpenInfra, though "gets" puts the one
/// saying how to get involved first): the part named is the one asked about
/// ([`task_lift`]). Other questions' hits as found.
fn named_part_first(
    src: &Sources,
    question: &Question,
    mut found: Vec<SearchHit>,
) -> Vec<SearchHit> {
    let named = question
        .task_part()
        .is_some_and(|task| rewrites_a_named_part(&task, |_| true));
    if !named {
        return found;
    }
    // Which hit it is, task_lift says (a part named by a word most of its page has, "the
    // *scs* section", is none).
    let is_named = |hit: &SearchHit| {
        let at = src
            .catalog
            .locate(src.library, &hit.language, &hit.slug, &hit.anchor);
        task_lift(src, question, at) >= NAMED_TASK_LIFT
    };
    if let Some(i) = found.iter().position(is_named).filter(|&i| i > 0) {
        let hit = found.remove(i);
        found.insert(0, hit);
    }
    found
}

/// Whether a word naming a task's part says which part by what it is about ("get involved",
/// "openinfra", "ganten"), not by where it stands ("the first paragraph", "the last list"), nor
/// by the page it is on ("the page headings").
fn names_a_part(word: &str) -> bool {
    !PAGE_WORDS.contains(&word)
        && !PLACE_IN_PAGE.contains(&word)
        && !crate::index::question_words(word).is_empty()
}

/// Whether most sections of `page` with text hold `word` (normalised): it names none of
/// them ("the *scs* section" of a page about SCS).
fn on_most_sections(page: &crate::content::Page, word: &str) -> bool {
    let with_text: Vec<&Section> = page
        .sections
        .iter()
        .filter(|s| !s.text.is_empty())
        .collect();
    let holding = with_text
        .iter()
        .filter(|s| super::question::contains_phrase(&words_of(s), word))
        .count();
    holding * 2 > with_text.len()
}

/// Words for where a part stands on its page.
const PLACE_IN_PAGE: &[&str] = &[
    "first",
    "second",
    "third",
    "last",
    "top",
    "bottom",
    "next",
    "previous",
    "erste",
    "ersten",
    "zweite",
    "zweiten",
    "dritte",
    "dritten",
    "letzte",
    "letzten",
    "oben",
    "unten",
    "obere",
    "untere",
    "nächste",
    "nächsten",
];

/// The words of a section's heading and text, normalised ([`super::question::normalize`]).
fn words_of(section: &Section) -> String {
    super::question::normalize(&format!("{} {}", section.heading, section.text))
}

/// Whether a section's text names `phrase` (normalised words) as what it is about: as a name of
/// its own, each word capitalised and no piece of a longer name ("the *BayernCloud Schule*";
/// not "open source" of "Open Source Business Alliance", nor a phrase said in passing: "the
/// summer break"), or in the sentence that introduces its list ("The founding members of the
/// forum include:").
fn names_what_it_is_about(section: &Section, phrase: &[&str]) -> bool {
    let text = section.text.as_str();
    // The words of the text with where each starts.
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            tokens.push((s, &text[s..i]));
        }
    }
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let n = phrase.len();
    if n == 0 || tokens.len() < n {
        return false;
    }
    (0..=tokens.len() - n).any(|i| {
        let here = &tokens[i..i + n];
        if !here
            .iter()
            .zip(phrase)
            .all(|((_, w), p)| w.to_lowercase() == *p)
        {
            return false;
        }
        let end = here[n - 1].0 + here[n - 1].1.len();
        // A capitalised word right before or after, with only spaces between, makes the
        // phrase a piece of a longer name.
        let joined = |(s, w): (usize, &str), from: usize, to: usize| {
            capital(w) && text[from.min(to)..from.max(to)].trim().is_empty() && s != here[0].0
        };
        let before = i
            .checked_sub(1)
            .is_some_and(|j| joined(tokens[j], tokens[j].0 + tokens[j].1.len(), here[0].0));
        let after = tokens
            .get(i + n)
            .is_some_and(|&(s, w)| joined((s, w), end, s));
        let a_name = here.iter().all(|(_, w)| capital(w)) && !before && !after;
        let rest = &text[end..];
        let introduces_list = section.items.len() >= LISTED
            && rest
                .find(':')
                .is_some_and(|colon| !rest[..colon].contains('.'));
        a_name || introduces_list
    })
}

/// Words for a page or site an owner of a part of a page may be ("the intro of this page").
const PAGE_WORDS: &[&str] = &["page", "site", "website", "seite", "webseite"];

/// The largest share of what such a question means that no page has for it to be lifted. A
/// review's 394 probes found 35 out-of-scope questions naming the page ("does the page say
/// what B1 Systems charges per hour?") answered by the lift alone; at 0.2, 21 of them are
/// held back again, and 6 of the development sets' 14 questions the lift won are lost.
const POINTED_FOREIGN: f32 = 0.2;

/// How many words a question has before the rest count as framing ([`framing`]).
const FRAMING_FROM: usize = 8;
/// How much each word beyond [`FRAMING_FROM`] lifts the share, and the most in all.
const FRAMING_STEP: f32 = 0.05;
const FRAMING_MAX: f32 = 1.5;

/// How much the share of a long question a section holds is lifted: a question that says more
/// than what it asks about ("pls write a short welcome msg for our slack that explains what the
/// forum scs-standards is, only stuff from the page") holds many words no section has that
/// frame the request rather than name its topic, and each counts against the share. Each word
/// beyond [`FRAMING_FROM`] lifts it by [`FRAMING_STEP`], up to [`FRAMING_MAX`] times. What the
/// question means is not lifted: framing words are common ones, which mean little, so a long
/// question about another topic ("which provider should I pick for my homelab if I want cheap
/// gpu instances", a pasted error message) is still held back by the scope.
fn framing(question: &Question) -> f32 {
    let words = question
        .normalized
        .split(' ')
        .filter(|w| !w.is_empty())
        .count();
    (1.0 + FRAMING_STEP * words.saturating_sub(FRAMING_FROM) as f32).min(FRAMING_MAX)
}

/// Where [`more_specific_elsewhere`] finds the question answered.
enum Specific {
    /// In a section more specific than the command's.
    Elsewhere,
    /// In the command's section.
    Command,
    /// In the command's section, which the search ranked too low to be among the hits:
    /// unsure, the command gives way to the search (see `Route::below_best`).
    CommandUnranked,
}

/// Whether the question's other words, beyond the trigger phrase or the partner's name, point
/// at a more specific section than the command's: the best hit holds clearly more of the
/// question ("the e-mail of <a person on the contact page>" is that person's section, not
/// `/join`'s; "how does plusserver use SCS" is the use case, not the partner list).
fn more_specific_elsewhere(
    src: &Sources,
    question: &Question,
    language: &str,
    routed: &Route,
    found: &[SearchHit],
) -> Specific {
    // How the partners stand on their list only the list shows.
    if matches!(routed.by, RoutedBy::OnlyTriggers | RoutedBy::Entries) {
        return Specific::Command;
    }
    let (Some(top), Some(at)) = (found.first(), routed.command.section(language)) else {
        return Specific::Command;
    };
    if at.is(src.library, top) {
        return Specific::Command;
    }
    // A section holding nothing of a membership question but its words for the list ("proxmox:
    // listed?" of a page saying what is listed where) is not about the one asked about.
    if routed.by == RoutedBy::Membership
        && top
            .coverage
            .matched
            .iter()
            .all(|w| super::route::is_membership_word(w))
    {
        return Specific::Command;
    }
    // One no page names ("Atruvia, der IT-Dienstleister der Volksbanken – auf der Liste?") is
    // the subject of no section: what the question says of it points at none.
    if routed.by == RoutedBy::Membership
        && super::route::holds_a_name_no_page_has(src, &question.text)
    {
        return match found.iter().any(|h| at.is(src.library, h)) {
            true => Specific::Command,
            false => Specific::CommandUnranked,
        };
    }
    // A section headed by the partner's name is about that partner.
    if let (RoutedBy::Partner, Some(name)) = (routed.by, routed.arg.as_deref()) {
        let heading = super::question::normalize(&top.heading);
        let named = super::partners::name_words(name)
            .iter()
            .any(|w| w.chars().count() >= 4 && super::question::contains_phrase(&heading, w));
        if named {
            return Specific::Elsewhere;
        }
    }
    let command_hit = found.iter().find(|h| at.is(src.library, h));
    // The words of the trigger phrase ask for the command wherever else they stand ("to
    // achieve" in a page's introduction): only the question's other words can point away,
    // and only those the command's section lacks. When the search ranked the command's
    // section too low to be among the hits (a long list of names, whose few other words
    // weigh little: "list of forum members pls" beside a short section headed "SCS
    // members"), its text is read for them.
    let trigger_words = super::route::words_of_phrases(
        routed
            .command
            .triggers
            .iter()
            .filter(|t| question.has_phrase(t))
            .map(String::as_str),
    );
    let trigger_words: HashSet<&str> = trigger_words.iter().map(String::as_str).collect();
    let command_text = std::cell::OnceCell::new();
    let command_holds = |word: &str| match command_hit {
        Some(hit) => hit.coverage.matched.iter().any(|w| w == word),
        None => {
            let text = command_text.get_or_init(|| words_of(at.get(src.library).1));
            super::question::contains_phrase(text, word)
        }
    };
    let elsewhere = super::route::beyond_command(question, routed.command, &trigger_words, top)
        .any(|w| !command_holds(w));
    if !elsewhere {
        return match command_hit {
            Some(_) => Specific::Command,
            None => Specific::CommandUnranked,
        };
    }
    let of_command = command_hit.map_or(0.0, |h| h.coverage.share);
    if top.coverage.share >= of_command + MORE_SPECIFIC {
        Specific::Elsewhere
    } else {
        Specific::Command
    }
}

/// How much the share of a question's meaning that no page has counts against the partner
/// list when the question names a partner ("url von plusserver" asks the list for a
/// partner's link, though no page says "url").
const FOREIGN_AGAINST_PARTNER: f32 = 1.5;
/// The same against a command a trigger phrase names: "mitmachen beim Chor" uses the join
/// command's word for joining something no page is about.
const FOREIGN_AGAINST_TRIGGER: f32 = 2.0;

/// The share of what the question means (see `index::Coverage::meaning`) that no page has.
fn foreign_share(coverage: &Coverage) -> f32 {
    let all = coverage.meaning + coverage.meaning_foreign;
    if all > 0.0 {
        coverage.meaning_foreign / all
    } else {
        0.0
    }
}

/// How much more of the question a section must hold than the command's to win over it.
const MORE_SPECIFIC: f32 = 0.25;

/// How sure an answer routed by a trigger phrase among other words, or by a partner's name,
/// is: the better of the command section's confidence (when the search found it) and the
/// share of the question's words that its trigger phrases hold (a trigger phrase of words the
/// search drops, beside nothing but names, counting as one word of its own); a named partner
/// is as sure as its name when the question asks nothing the list lacks. (A question of
/// nothing but the command's words is sure: see `question`.)
///
/// Also the command's section as the search found it, with its evidence ([`evidence`]): what
/// the calibration reads of it.
fn routed_confidence<'a>(
    src: &Sources,
    question: &Question,
    language: &str,
    command: &Command,
    found: &'a [SearchHit],
) -> (f32, Option<(Evidence, &'a SearchHit)>) {
    let section = command.section(language);
    let command_hit = section.and_then(|at| found.iter().find(|h| at.is(src.library, h)));
    let of_section = command_hit.map(|h| {
        let task = task_lift(src, question, section);
        (evidence(question, &h.coverage, task), h)
    });
    let sure = routed_share(
        src,
        question,
        language,
        command,
        found,
        command_hit,
        of_section.map_or(0.0, |(e, _)| e.value),
    );
    (sure, of_section)
}

/// [`routed_confidence`]'s value, given the command's section as the search found it
/// (`command_hit`) and its confidence (`of_section`, 0 when not found).
fn routed_share(
    src: &Sources,
    question: &Question,
    language: &str,
    command: &Command,
    found: &[SearchHit],
    command_hit: Option<&SearchHit>,
    of_section: f32,
) -> f32 {
    // What a task is to make and how ("mach aus der Partnerliste *eine Tabelle*", "… als
    // Jira-Epics") asks nothing of a section; its verb still says what is done with it.
    let made = made_in_own_words(src, question);
    let words: Vec<&String> = question
        .search_words
        .iter()
        .filter(|w| !question.how.contains(w) && !made.contains(w))
        .collect();
    if words.is_empty() {
        return 1.0;
    }
    // Whether a company is on the partner list is asked with words of lists too ("listed",
    // "aufgezählt", "laut dieser Seite"): they ask the list, as its trigger phrases do.
    let of_list = |w: &str| command.kind == CommandKind::Partners && LIST_WORDS.contains(&w);
    // Whether a company is on the list is answered by the list whether it is there or not: a
    // name no page has and no word list knows ("is proxmox in the forum?") is what the
    // question asks the list about, as its trigger phrase is.
    // (Cheapest tests first: a word a hit holds is held by a page.)
    let unknown_name = |w: &str| {
        command.kind == CommandKind::Partners
            && !found
                .iter()
                .any(|h| h.coverage.matched.iter().any(|m| m == w))
            && super::route::is_unknown_name(src, w)
    };
    let in_trigger = words
        .iter()
        .filter(|w| {
            of_list(w)
                || command
                    .triggers
                    .iter()
                    .any(|t| t.split(' ').any(|part| part == w.as_str()))
                || unknown_name(w)
        })
        .count();
    // A trigger phrase of words the search drops counts as one word of its own beside names
    // ("gridscale in there?" asks whether that company is a partner; "what's the weather in
    // there?" asks nothing of the list).
    let stopword_trigger = usize::from(
        in_trigger == 0
            && words.iter().all(|w| !crate::index::is_common_word(w))
            && command.triggers.iter().any(|t| question.has_phrase(t)),
    );
    let triggered =
        (in_trigger + stopword_trigger) as f32 / (words.len() + stopword_trigger) as f32;
    let Some(at) = command.section(language) else {
        return triggered;
    };
    // Asked for a kind of fact the command's section doesn't state ("stackxperts headcount?"
    // of the partner list): however well it names the thing asked about, it can't answer.
    if command_hit.is_some_and(|h| h.coverage.fact_missing) {
        return of_section;
    }
    // A partner named by a distinctive word is as sure as the name is, unless the search
    // found the partner list and weighed the question's other words against it: "how many
    // employees does syseleven have" asks what the list doesn't say.
    // The words that name a partner ("scaleup tech", a typo) are the entry's too.
    let listed = match command.kind {
        CommandKind::Partners => partners_of(at.get(src.library).1),
        _ => Vec::new(),
    };
    let names_one = |w: &str| {
        !partners_named(&listed, w).is_empty()
            || (w.chars().count() >= 3
                && listed.iter().any(|p| {
                    super::question::normalize(&p.name)
                        .split(' ')
                        .any(|n| n.starts_with(w))
                }))
    };
    let only_what_a_partner_entry_says = command.kind != CommandKind::Partners
        || command_hit.is_none_or(|hit| {
            question.search_words.iter().all(|w| {
                hit.coverage.matched.contains(w)
                    || PARTNER_ENTRY.contains(&w.as_str())
                    || names_one(w)
            })
        });
    let named = (command.kind == CommandKind::Partners
        && only_what_a_partner_entry_says
        && partners::mentioned_one(
            src.catalog
                .partner_words(language, &src.config.default_language),
            question,
        )
        .is_some()) as u8 as f32;
    triggered.max(of_section).max(named)
}

/// Words that ask whether something is on a list, or on the page ("is X listed?", "among the
/// founders", "one of the founders", "X irgendwo aufgezählt?", "laut dieser Seite"), beside a
/// trigger of the partner list.
const LIST_WORDS: &[&str] = &[
    "one",
    "among",
    "amongst",
    "list",
    "listed",
    "lists",
    "mentioned",
    "appear",
    "appears",
    "page",
    "liste",
    "gelistet",
    "aufgezählt",
    "aufgeführt",
    "genannt",
    "erwähnt",
    "auftauchen",
    "taucht",
    "seite",
    "laut",
];

/// What a partner's entry gives besides the name: its link.
const PARTNER_ENTRY: &[&str] = &[
    "url",
    "link",
    "website",
    "homepage",
    "site",
    "web",
    "webseite",
    "seite",
    "internetseite",
];

/// "Not found" for a question the bot isn't sure enough about, with how sure it was.
fn unsure(src: &Sources, question: &Question, language: &str, sure: f32) -> Answer {
    let mut answer = not_found(src, &question.text, language);
    answer.confidence = sure;
    answer
}

/// A greeting, a thank-you, an "ok": a short friendly reply that points to `/help`.
fn smalltalk(query: &str, language: &str) -> Answer {
    let words = messages::of(language);
    let mut answer = Answer::new(query, language, AnsweredBy::Smalltalk);
    answer.title = words.smalltalk_title.into();
    answer.text = fill(words.smalltalk, &[("help", &slash(language, "help"))]);
    answer
}

/// The sections matching a question, best first, in `language` or else the default language;
/// snippets are made for the first `snippets` only.
fn search(
    src: &Sources,
    question: &Question,
    language: &str,
    limit: usize,
    snippets: usize,
) -> Vec<SearchHit> {
    let words = &question.search_words;
    let hints = &question.hints;
    // A question plainly written in another answered language than the asker's is searched
    // in its own language first: its words are that language's.
    let language =
        super::question::plainly_written_in(&question.normalized, &src.config.languages, language)
            .unwrap_or(language);
    let capitals = crate::index::typed_in_capitals(&question.text);
    // The form words of a task say what to make of a part, wherever they stand ("make a
    // table of the partners"); a question's only after "as", "in" ("the partners as csv").
    // A task's verb, kind of text, length and tone ("schreib einen kurzen Slogan …, höchstens
    // zehn Wörter") say how, not what of: no sign of a topic the pages lack.
    let forms: Vec<String> = if question.is_task() {
        let mut forms = question.how.clone();
        forms.extend(made_in_own_words(src, question).into_iter().cloned());
        // The verb, and what a German split makes of it ("erstelle" is no "erst" + "elle").
        if let Some(verb) = question.task_verb() {
            forms.push(verb.to_string());
            forms.extend(crate::index::compound_parts(verb).unwrap_or_default());
        }
        forms
    } else {
        crate::index::asked_as_form(&question.text)
    };
    let asked = crate::index::Asked {
        words,
        hints,
        capitals: &capitals,
        forms: &forms,
    };
    let mut found = src.index.search_words(&asked, language, limit, snippets);
    if found.is_empty() && language != src.config.default_language {
        found = src
            .index
            .search_words(&asked, &src.config.default_language, limit, snippets);
    }
    found
}

/// The words of the thing a task asks to make ([`Question::made`]) that no page has, nor a
/// part of them ("kanban card", "Jira-Epics"; not the "netbox-manager" of "draft a
/// netbox-manager teaser", nor "Partnerliste"): they say how, as the form words do.
fn made_in_own_words<'q>(src: &Sources, question: &'q Question) -> Vec<&'q String> {
    let held = |w: &str| {
        src.index.holds_word(w)
            || crate::index::compound_parts(w)
                .is_some_and(|parts| parts.iter().any(|p| src.index.holds_word(p)))
    };
    question.made.iter().filter(|w| !held(w)).collect()
}

/// "When is the next hackathon?" asks for a time to come: a page that states no year from the
/// present one on tells of past ones only, however well it names the hackathon. "When will the
/// compliance monitor leave test operation?" is answered only by a section that says when
/// ("R9 ships on 26 September", "deleted after 7 days", "provided soon"), not by one that names
/// the thing and says nothing of when. "How many people came to the hackathon?" only by one
/// that states a count of people ([`can_state_the_fact`]), "which harbor version runs in R8?"
/// only by one that puts a version beside Harbor; "which of the founders was the first to
/// join?" only by one that states a superlative ([`can_say_which_most`]).
fn held_to_the_fact(
    src: &Sources,
    question: &Question,
    mut found: Vec<SearchHit>,
) -> Vec<SearchHit> {
    if question.held_to_a_time()
        || !question.counted.is_empty()
        || question.percent
        || question.superlative != crate::index::Superlative::No
        || question.measure.is_some()
        || question.version.is_some()
    {
        for hit in &mut found {
            let can_say = src
                .catalog
                .locate(src.library, &hit.language, &hit.slug, &hit.anchor)
                .is_some_and(|at| {
                    (!question.held_to_a_time() || can_say_when(src, question, at))
                        && can_state_the_fact(src, question, at)
                        && can_say_which_most(src, question, at)
                });
            if !can_say {
                hit.coverage.fact_missing = true;
            }
        }
        // Which version of a thing: the first of the next hits, or of the first one's page,
        // that states one goes first ("which ceph version does R9 install?" of the release's
        // section that states it, not of its intro that names Ceph). It holds all the
        // question's names the first holds (words beyond the common ones of either language):
        // "which OpenStack version did the hackathon use?" is not the release's that states
        // one but names no hackathon. Of other facts the first hit stays: a date or a count
        // is stated in too many sections for the next that has one to be about the thing.
        if question.version.is_some() && found.first().is_some_and(|h| h.coverage.fact_missing) {
            let first = &found[0];
            let names: Vec<&String> = first
                .coverage
                .held
                .iter()
                .filter(|w| !crate::index::is_common_word(w))
                .collect();
            let stated = found.iter().enumerate().position(|(i, h)| {
                (i < VERSION_STATED_WITHIN
                    || (h.language == first.language && h.slug == first.slug))
                    && !h.coverage.fact_missing
                    && names.iter().all(|w| h.coverage.held.contains(w))
            });
            if let Some(at) = stated {
                let stated = found.remove(at);
                found.insert(0, stated);
            }
        }
    }
    found
}

/// Among how many of the first hits (or any on the first one's page) one that states the
/// version asked for is put first.
const VERSION_STATED_WITHIN: usize = 3;

/// Whether the section `at` states a share in percent, if the question asks for one, a price
/// or a duration if it asks one (see `index::states_price`, `index::states_duration`), an
/// amount of the quantity it measures ("how much RAM …": see `index::states_measure`), a
/// version of the thing it asks the version of ("which harbor version …": see
/// `index::states_version`), and a count of what it counts, if it counts anything (see
/// `index::states_count`).
fn can_state_the_fact(src: &Sources, question: &Question, at: SectionRef) -> bool {
    let (page, section) = at.get(src.library);
    if question.percent && !crate::index::states_percent(&section.text) {
        return false;
    }
    // "Do forum members get a discount?" of the member list: a list of names states no price.
    if crate::index::asks_price(&question.hints) && !crate::index::states_price(&section.text) {
        return false;
    }
    // "How long does it take to become a member?" of the section on joining: it says how to,
    // not how long.
    if crate::index::asks_duration(&question.hints) && !crate::index::states_duration(&section.text)
    {
        return false;
    }
    if question
        .measure
        .is_some_and(|measure| !crate::index::states_measure(&section.text, measure))
    {
        return false;
    }
    if question.version.as_deref().is_some_and(|thing| {
        !crate::index::states_version(&section.heading, thing)
            && !crate::index::states_version(&section.text, thing)
    }) {
        return false;
    }
    if question.counted.is_empty() {
        return true;
    }
    crate::index::states_count(
        &question.counted,
        &section.heading,
        &page.title,
        &section.text,
        listing(section),
    )
}

/// What a section lists: items or table rows, links, or nothing (prose).
fn listing(section: &Section) -> crate::index::Listing {
    if section.items.len() >= LISTED
        || section.text.lines().filter(|l| l.contains(" | ")).count() >= LISTED
    {
        crate::index::Listing::Items
    } else if !section.links.is_empty() {
        crate::index::Listing::Links
    } else {
        crate::index::Listing::Nothing
    }
}

/// Whether the section `at` states the kind of superlative a question asks for, if it asks
/// for one, in its heading or text ("which of the founders was the first to join?" of the
/// partner list, which names them all and no order: see `index::states_superlative`).
fn can_say_which_most(src: &Sources, question: &Question, at: SectionRef) -> bool {
    let (_, section) = at.get(src.library);
    crate::index::states_superlative(
        question.superlative,
        &question.normalized,
        &format!("{} {}", section.heading, section.text),
        listing(section),
    )
}

/// How many items or table rows make a section a list of what it names, to be counted.
const LISTED: usize = 2;

/// Whether the section `at` can say the time a question asks for: the next of something (its
/// page states a year from the present one on), or when something will be (it says when, in
/// its heading or text: a date not only of years before its page's date, a span, "soon").
fn can_say_when(src: &Sources, question: &Question, at: SectionRef) -> bool {
    let (page, section) = at.get(src.library);
    if question.next {
        states_time_to_come(src, &page.language, &page.slug)
    } else if !question.will {
        // A post says when what it tells of happened: its date ("since when does SCS have the
        // domain manager?" of the release that brought it), not when that ends.
        (page.date.is_some() && question.when == crate::index::AskedWhen::At)
            || crate::index::states_when_or_how_often(&section.heading)
            || crate::index::states_when_or_how_often(&section.text)
    } else {
        // A date of the years before the page was published tells what was.
        let published = page
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok());
        crate::index::states_when_from(&section.heading, published)
            || crate::index::states_when_from(&section.text, published)
    }
}

/// Whether the page `slug` in `language` states a year from the present one on: only then
/// can it say when the next of something is.
fn states_time_to_come(src: &Sources, language: &str, slug: &str) -> bool {
    src.index
        .latest_year(language, slug)
        .is_some_and(|year| i32::from(year) >= src.year)
}

fn hit_of(hit: SearchHit) -> Hit {
    Hit {
        page: hit.slug,
        title: hit.title,
        language: hit.language,
        section: hit.heading,
        path: hit.path,
        anchor: hit.anchor,
        url: hit.url,
        score: hit.score,
        snippet: hit.snippet,
    }
}

/// An answer drawn from the section a command points at; `arg` names a partner.
pub fn command(
    src: &Sources,
    command: &Command,
    arg: Option<&str>,
    language: &str,
    query: &str,
) -> Answer {
    let by = AnsweredBy::Command(command.name.clone());
    let Some(at) = command.section(language) else {
        let mut answer = not_found(src, query, language);
        answer.command = by;
        answer.text = fill(
            messages::of(language).no_section,
            &[("section", command.wanted(language))],
        );
        return answer;
    };
    let (page, section) = at.get(src.library);
    let mut answer = Answer::new(query, &page.language, by);
    answer.hits = vec![hit_for(page, section)];
    answer.contacts = section.emails.clone();
    answer.text = section.text.clone();
    answer.title = short_title(&section.heading);
    match command.kind {
        CommandKind::Partners => {
            let partners = partners_of(section);
            answer.partners = match arg {
                None => partners,
                Some(name) => {
                    let named = partners_named(&partners, name);
                    if named.is_empty() {
                        answer.outcome = Outcome::NotFound;
                        answer.text =
                            fill(messages::of(language).no_partner_match, &[("name", name)]);
                        partners
                    } else {
                        named
                    }
                }
            };
        }
        CommandKind::Contact => {
            if answer.contacts.is_empty() {
                answer.contacts.push(src.config.contact.clone());
            }
            answer.links = section_links(section);
        }
        CommandKind::Links | CommandKind::Section => answer.links = section_links(section),
    }
    if command.kind != CommandKind::Partners {
        answer.text = text_without_listed_links(section, &answer.links);
    }
    answer
}

/// Nothing found: the text points to `/help` and the contact.
pub fn not_found(src: &Sources, query: &str, language: &str) -> Answer {
    let words = messages::of(language);
    let mut answer = Answer::new(query, language, AnsweredBy::Search);
    answer.contacts = vec![src.config.contact.clone()];
    answer.text = fill(
        words.not_found,
        &[
            ("help", &slash(language, "help")),
            ("contact", &src.config.contact),
        ],
    );
    answer.title = words.not_found_title.into();
    answer.confidence = 0.0;
    answer.outcome = Outcome::NotFound;
    answer
}

/// A refusal: `why` says what went wrong and what to do.
pub fn refused(query: &str, language: &str, title: &str, why: String) -> Answer {
    let mut answer = Answer::new(query, language, AnsweredBy::Error);
    answer.text = why;
    answer.title = title.into();
    answer.outcome = Outcome::Refused;
    answer
}

/// The section's text without the lines that are list items linking somewhere the answer lists
/// among its links anyway (`- [SCS Repositories](https://…)`): every renderer shows the links
/// as a list of their own, so these lines would stand there twice.
fn text_without_listed_links(section: &Section, links: &[AnswerLink]) -> String {
    let listed: HashSet<&str> = section
        .items
        .iter()
        .filter(|i| {
            i.url
                .as_deref()
                .is_some_and(|url| links.iter().any(|l| l.url == url))
                && links.iter().any(|l| l.title.trim() == i.text.trim())
        })
        .map(|i| i.text.trim())
        .collect();
    if listed.is_empty() {
        return section.text.clone();
    }
    section
        .text
        .lines()
        .filter(|line| !listed.contains(line.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Longest reply title, in characters, before it is cut at a word.
const MAX_TITLE_CHARS: usize = 60;

/// A heading as a reply title: whole when short, else cut at the last word that fits and ended
/// with ` …` ("8. Technology innovation is iterative and needs …"). Headings that are whole
/// sentences otherwise fill a chat window's width several times.
pub fn short_title(heading: &str) -> String {
    let heading = heading.trim();
    if heading.chars().count() <= MAX_TITLE_CHARS {
        return heading.to_string();
    }
    let cut: String = heading.chars().take(MAX_TITLE_CHARS).collect();
    let cut = match cut.rsplit_once(char::is_whitespace) {
        Some((head, _)) if !head.trim().is_empty() => head,
        _ => &cut,
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:–-".contains(c));
    format!("{cut} …")
}

fn section_links(section: &Section) -> Vec<AnswerLink> {
    section
        .links
        .iter()
        .filter(|l| !l.url.starts_with("mailto:"))
        .map(|l| AnswerLink {
            title: l.text.clone(),
            url: l.url.clone(),
        })
        .collect()
}

/// The hit for a command's section: the start of its text as the snippet.
fn hit_for(page: &Page, section: &Section) -> Hit {
    Hit {
        page: page.slug.clone(),
        title: page.title.clone(),
        language: page.language.clone(),
        section: section.heading.clone(),
        path: section.path.clone(),
        anchor: section.anchor.clone(),
        url: page.section_url(section),
        score: 1.0,
        snippet: snippet_of(&section.text),
    }
}

/// The start of a text, cut at a word boundary near 200 characters.
fn snippet_of(text: &str) -> String {
    const MAX: usize = 200;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX {
        return flat;
    }
    let cut: String = flat.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut);
    format!("{cut} …")
}
