//! Routing: which command, if any, a free question asks for.
//!
//! A trigger phrase of a command standing in the question names the command (the longest
//! phrase wins). The question then goes to the command when
//! - it says nothing beyond its trigger phrases ("how do I join?", "what is the contact
//!   e-mail?": every word the search would look for stands in one of them), or
//! - the search does not point clearly elsewhere: the command's section, its score boosted by
//!   [`route_boost`], ranks first, is not among the hits, or there are no hits.
//!
//! A command whose section the content lacks never takes a free question: the search answers
//! it instead (the explicit command still says what is missing). With no trigger phrase, a
//! question naming one partner by a distinctive word asks for that partner.

use super::catalog::Command;
use super::partners;
use super::question::{Question, WH};
use super::Sources;
use crate::config::CommandKind;
use crate::index::SearchHit;
use std::collections::HashSet;

/// A command a question is sent to, with the argument it implies (`is wavecon a partner?`).
#[derive(Debug)]
pub struct Route<'c> {
    pub command: &'c Command,
    pub arg: Option<String>,
    /// How the question named the command.
    pub by: RoutedBy,
    /// The command's section ranked well below the best hit (or not among the hits), which
    /// holds nothing of the question the section lacks but the trigger's words: an unsure
    /// answer from the command gives way to the search.
    pub below_best: bool,
}

/// What sent a question to a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoutedBy {
    /// It says nothing beyond the command's trigger phrases (a one-word trigger also as part
    /// of a German compound) and, for a list command, words asking for a list ([`LISTING`]).
    /// Answered with confidence 1.
    OnlyTriggers,
    /// A trigger phrase, with other words the search weighed.
    Trigger,
    /// It names one partner.
    Partner,
    /// It asks whether someone is among the partners ("is X one of the founders?", "gehört X
    /// zu den Mitgliedern?", "X: on the member list?"): the list answers, whether X is on it
    /// or not, and whatever X is (a name no page has, or common words: "giant swarm"), unless
    /// a section elsewhere holds X (the founding announcement naming a founder that is no
    /// member today).
    Membership,
    /// It asks how the partners stand on the list: how their names are written or where one
    /// stands ("which founder has a comma in its name?", "who's 5th on the founders list?"):
    /// the list shows it.
    Entries,
}

/// The command `question` asks for, given the search's `hits` for it.
pub fn route<'c>(
    src: &Sources<'c>,
    question: &Question,
    language: &str,
    hits: &[SearchHit],
) -> Option<Route<'c>> {
    // The command with the longest trigger phrase in the question; its phrases are collected
    // only for the winner (one allocation per question, not per command).
    // A trigger of one word is also named by a German compound made of it ("Partnerliste"
    // names "partner"): the parts of the question's compounds, found once.
    let parts: Vec<String> = question
        .words()
        .filter_map(crate::index::compound_parts)
        .flatten()
        .collect();
    // And by the verb a German separable verb makes ("wie mache ich mit?" names "mitmachen").
    // The words a one-word phrase may be, and a longer phrase must start with, in one set:
    // most phrases of most commands are ruled out by one look-up.
    let present: rustc_hash::FxHashSet<&str> = question
        .words()
        .chain(parts.iter().map(String::as_str))
        .chain(question.search_words.iter().map(String::as_str))
        .collect();
    let names = |phrase: &str| match phrase.split_once(' ') {
        None => present.contains(phrase),
        Some((first, _)) => present.contains(first) && question.has_phrase(phrase),
    };
    let longest = |command: &Command| {
        command
            .triggers
            .iter()
            .filter(|t| names(t))
            .map(String::len)
            .max()
    };
    let best = src
        .catalog
        .commands()
        .iter()
        .filter_map(|c| Some((c, longest(c)?)))
        .max_by_key(|(_, len)| *len);
    // Whether someone is among the partners is asked of the list, unless another command's
    // phrase stands in the question ("can we become one of the founding members?" asks to
    // join).
    let other_command = best.is_some_and(|(c, _)| c.kind != CommandKind::Partners);
    if !other_command
        && (asks_membership(question)
            || asks_if_unknown_is_listed(src, question)
            || asks_if_named_is_listed(src, question)
            || asks_if_unknown_is_among(src, question)
            || asks_if_unknown_belongs(src, question)
            || asks_if_unknown_is_among_the_count(src, question)
            || asks_in_a_clause_if_unknown_is_member(src, question))
    {
        // Without the list in this language, the question goes on as any other.
        if let Some(command) = src
            .catalog
            .partner_command()
            .filter(|c| c.section(language).is_some())
        {
            return Some(Route {
                command,
                arg: None,
                by: RoutedBy::Membership,
                below_best: false,
            });
        }
    }
    // How the partners are written or ordered on their list is read off the list: of the
    // partner the question names, if it names one.
    if !other_command && asks_how_entries_are_listed(question) {
        if let Some(command) = src
            .catalog
            .partner_command()
            .filter(|c| c.section(language).is_some())
            .filter(|c| !names_another_section(src, question, c, language, hits))
        {
            return to_partner(src, question, language).or(Some(Route {
                command,
                arg: None,
                by: RoutedBy::Entries,
                below_best: false,
            }));
        }
    }
    let Some((command, _)) = best else {
        return to_partner(src, question, language);
    };
    let matched: Vec<&str> = command
        .triggers
        .iter()
        .map(String::as_str)
        .filter(|t| names(t))
        .collect();
    let phrase = matched
        .iter()
        .copied()
        .max_by_key(|t| t.len())
        .unwrap_or("");
    let at = command.section(language)?;
    if command.kind == CommandKind::Partners && names_their_list(src, question, phrase) {
        return None;
    }
    let mut routed = Route {
        command,
        arg: None,
        by: RoutedBy::Trigger,
        below_best: false,
    };
    let listing = matches!(command.kind, CommandKind::Partners | CommandKind::Links);
    let asks_a_list: &[&str] = if listing { LISTING } else { &[] };
    // A phrase of small words alone ("what is in there?", "what's on there?") asks about
    // nothing: only beside a name does it ask whether that is in the list.
    // ("wer ist dabei?" asks who: the list.)
    let asks_who = ["who", "wer"].contains(&phrase.split(' ').next().unwrap_or(""));
    if question.search_words.is_empty()
        && !asks_who
        && phrase
            .split(' ')
            .all(|w| crate::index::question_words(w).is_empty())
    {
        return None;
    }
    if only_trigger_words(question, &matched, asks_a_list) {
        routed.by = RoutedBy::OnlyTriggers;
        return Some(routed);
    }
    let Some(top) = hits.first() else {
        return Some(routed);
    };
    let target = hits.iter().find(|h| at.is(src.library, h));
    // A better-scored section that holds nothing of the question the command's lacks, but
    // for the trigger's own words, is only shorter ("list of forum members pls" of a summit
    // section saying that the forum's members support it, beside the list of them); nor do
    // the words for what a partner is, of the partner list ("the *companies* in the partner
    // list" of the section inviting companies to join).
    let trigger_words = words_of_phrases(matched.iter().copied());
    let trigger_words: HashSet<&str> = trigger_words.iter().map(String::as_str).collect();
    let adds_nothing = |hit: &SearchHit| {
        beyond_command(question, command, &trigger_words, top)
            .all(|w| hit.coverage.matched.iter().any(|m| m == w))
    };
    match target {
        None => Some(routed),
        Some(hit) if hit.score * route_boost(phrase) >= top.score => Some(routed),
        Some(hit) if adds_nothing(hit) => Some(Route {
            below_best: true,
            ..routed
        }),
        Some(_) => None,
    }
}

/// Words a question starts with that ask whether someone is "bei den Partnern": "*Ist* X bei
/// den Gründungsmitgliedern?", "*Gibt* es bei den Partnern auch Hoster?".
const BEI_DEN_ASKED_BY: &[&str] = &[
    "ist", "sind", "steht", "stehen", "gehört", "gehören", "zählt", "zählen", "taucht", "tauchen",
    "gibt", "war", "waren",
];

/// Phrases that ask whether someone is among a list's members, founders or partners, as
/// they stand after the one asked about: "is X *one of the founders*?", "X *on the member
/// list*?", "*listed*?", "gehört X *zu den Mitgliedern*?", "hat X das Forum *mitgegründet*?".
/// Not "a member" alone ("is the forum a member of Gaia-X?"), nor "the 14 founding companies"
/// (what they did), nor becoming a member ([`BECOMING`]), nor another list ([`OTHER_LIST`]).
const MEMBERSHIP: &[&str] = &[
    "one of the founders",
    "one of the founding",
    "einer der partner",
    "einer der gründer",
    "einer der gründungsmitglieder",
    "eines der mitglieder",
    "eines der gründungsmitglieder",
    "eins der mitglieder",
    "eine der firmen",
    "one of the members",
    "one of the partners",
    "among the founders",
    "among the founding",
    "among the members",
    "among the partners",
    "a member",
    "a partner",
    "a founder",
    "a founding member",
    "ein mitglied",
    "ein partner",
    "zu den unterstützern",
    "unter den unterstützern",
    "among the companies",
    "among the firms",
    "among the backers",
    "among the supporters",
    "among the forum s",
    "among its members",
    "among its founders",
    "one of the backers",
    "on the member list",
    "on the members list",
    "on the partner list",
    "on the partners list",
    "on the founder list",
    "on the founders list",
    "on the founder roster",
    "listed as a partner",
    "listed as a member",
    "listed as a founder",
    "listed as partner",
    "listed as member",
    "listed as founder",
    "listed here",
    "listed there",
    "listed anywhere",
    "founder roster",
    "founder lineup",
    "a forum member",
    "a forum founder",
    "forum founder",
    "zu den mitgliedern",
    "zu den gründern",
    "zu den gründungsmitgliedern",
    "zu den partnern",
    "zu den firmen",
    "zu den unternehmen",
    "unter den mitgliedern",
    "unter den gründern",
    "unter den gründungsmitgliedern",
    "unter den partnern",
    "bei den mitgliedern",
    "bei den gründern",
    "bei den gründungsmitgliedern",
    "bei den partnern",
    "auf der mitgliederliste",
    "auf der partnerliste",
    "auf der gründerliste",
    "mitgegründet",
    "mitbegründet",
];

/// The articles some phrases of [`MEMBERSHIP`] start with ("a member", "ein Mitglied"): the
/// noun may be part of another ("a member portal") unless one of [`AFTER_ARTICLE`] follows.
const ARTICLE: &[&str] = &["a", "ein"];
const AFTER_ARTICLE: &[&str] = &[
    "in", "im", "too", "yet", "already", "now", "here", "there", "or", "oder", "auch", "schon",
    "jetzt", "hier", "da", "bei", "beim",
];

/// How a phrase of [`MEMBERSHIP`] says "one of" ("*one of* the founders", "*einer der*
/// Partner").
const ONE_OF: &[&str] = &["one of", "einer der", "eines der", "eins der", "eine der"];

/// Words before "one of the partners" that make it the one doing something ("can one of the
/// members help me?", "kann einer der Partner …"), not the one asked about.
const NOT_BEFORE_ONE_OF: &[&str] = &[
    "does", "do", "did", "can", "could", "will", "would", "should", "may", "might", "has", "have",
    "had", "if", "kann", "könnte", "hat", "hatte", "wird", "würde", "soll", "muss", "darf", "wenn",
    "ob",
];

/// Words that ask to become a member, not whether someone is one ("a note asking to become a
/// forum member").
const BECOMING: &[&str] = &[
    "become",
    "becoming",
    "join",
    "joining",
    "apply",
    "beitreten",
    "beizutreten",
    "bewerben",
    "werden",
    "können",
    "aufgenommen",
];

/// Another list named ("on the list of SCS clouds", "auf der Liste der SCS-Clouds"): "on the
/// list" is not the partners'.
const OTHER_LIST: &[&str] = &["list of", "liste der", "liste von"];

/// What a list of members is of when [`MEMBERSHIP`] says whose ("one of the partners *of the
/// forum*"); of anything else it is another list ("one of the partners of GovStack").
const OURS: &[&str] = &[
    "forum",
    "forums",
    "network",
    "netzwerk",
    "netzwerks",
    "scs",
    "osba",
    "this",
    "that",
    "dieser",
    "diesem",
    "dem",
    "den",
];

/// A word of each phrase of [`MEMBERSHIP`] (its noun, or the word "listed").
const MEMBERSHIP_KEYS: &[&str] = &[
    "mitglied",
    "unterstützern",
    "companies",
    "firms",
    "backers",
    "supporters",
    "forum",
    "founders",
    "founding",
    "members",
    "member",
    "partners",
    "partner",
    "list",
    "roster",
    "lineup",
    "listed",
    "founder",
    "mitgliedern",
    "gründern",
    "gründungsmitgliedern",
    "partnern",
    "firmen",
    "unternehmen",
    "mitgliederliste",
    "partnerliste",
    "gründerliste",
    "liste",
    "mitgegründet",
    "mitbegründet",
];

/// Words that ask which of some things: of [`PARTNERISH`] ones, which are partners ("which
/// companies are on the list?"); of others, about those ("which talks are on the list?").
const WHICH: &[&str] = &["which", "what", "welche", "welcher", "welches", "welchen"];

/// What a partner is called, or a word leading to it ("which *of* the founders").
const PARTNERISH: &[&str] = &[
    "companies",
    "company",
    "firms",
    "firm",
    "entries",
    "entry",
    "orgs",
    "organisations",
    "organizations",
    "members",
    "member",
    "partners",
    "partner",
    "founders",
    "founder",
    "of",
    "one",
    "ones",
    "firma",
    "firmen",
    "unternehmen",
    "einträge",
    "mitglieder",
    "gründer",
    "gründungsmitglieder",
    "der",
    "von",
];

/// Whether a question asks whether someone is among the partners ([`MEMBERSHIP`]): "is X one
/// of the founders?", "gonicus: listed?".
pub fn asks_membership(question: &Question) -> bool {
    // Every phrase holds one of these words: most questions are ruled out by a look at each.
    if !question.words().any(|w| MEMBERSHIP_KEYS.contains(&w)) {
        return false;
    }
    let words: Vec<&str> = question.words().collect();
    let start = words.iter().position(|w| !LEAD_IN.contains(w)).unwrap_or(0);
    let framed = |phrase: &str| {
        let n = phrase.split(' ').count();
        (0..words.len().saturating_sub(n - 1)).any(|i| {
            words[i..i + n].iter().copied().eq(phrase.split(' '))
                // "does one of the partners offer GPUs?" asks about what a partner does.
                // "one of the partners told me …", "is one of the partners hiring?": who
                // does something.
                && !(ONE_OF.iter().any(|one| phrase.starts_with(one))
                    && (i <= start + 1 || NOT_BEFORE_ONE_OF.contains(&words[i - 1])))
                // "Ist X bei den Partnern?", not "was ist bei den Mitgliedern üblich?".
                && (!phrase.starts_with("bei ") || BEI_DEN_ASKED_BY.contains(&words[start]))
                && match words.get(i + n) {
                    // "… of the forum", "… des Forums", not "… of GovStack".
                    Some(&("of" | "von" | "des" | "der")) => words
                        .get(i + n + 1..)
                        .is_some_and(|rest| rest.iter().take(2).any(|w| OURS.contains(w))),
                    // "is hetzner a member?", "… a member too?", "… a member in the forum?";
                    // not "is there a member portal?".
                    Some(next) if ARTICLE.contains(&words[i]) => AFTER_ARTICLE.contains(next),
                    _ => true,
                }
        })
    };
    // "which hackathons are on the list?" asks about hackathons.
    let of_others = words.len() > start + 1
        && WHICH.contains(&words[start])
        && !PARTNERISH.contains(&words[start + 1]);
    if of_others {
        return false;
    }
    // "artcodix listed?", "is secunett listed?"; not "is the venue listed?", "is the training
    // material listed here?": things, not a company.
    let a_thing = words
        .iter()
        .take_while(|w| **w != "listed")
        .any(|w| matches!(*w, "the" | "a" | "an" | "der" | "die" | "das"));
    let listed_last = words.last() == Some(&"listed") && !a_thing;
    // "tarent (bonn) on the founders list?", "Rechenzentrum Niederrhein auf der
    // Mitgliederliste?": a name, then where it would be listed, asks yes or no without a verb.
    let on_the_list_asked = || {
        question.text.trim_end().ends_with('?')
            && !words.iter().any(|w| WH.contains(w))
            && MEMBERSHIP
                .iter()
                .filter(|p| p.starts_with("on the ") || p.starts_with("auf der "))
                .any(|p| question.normalized.ends_with(p))
    };
    question.hints.is_empty()
        && (asks_yes_or_no(&question.text) || on_the_list_asked())
        && (listed_last
            || MEMBERSHIP
                .iter()
                .any(|phrase| framed(phrase) && !(phrase.starts_with("listed") && a_thing)))
        && !words.iter().any(|w| BECOMING.contains(w))
        && !OTHER_LIST.iter().any(|phrase| question.has_phrase(phrase))
}

/// Nouns for a list, asked whether something is on it ("contabo, somewhere in that lineup?",
/// "Steht das ITZBund mit auf der Liste?"). Not "mentioned", "erwähnt", "genannt": a product,
/// a law or a person no page names is mentioned nowhere ("is terraform mentioned anywhere?"),
/// not missing from the partners.
const LISTED: &[&str] = &["list", "lineup", "roster", "liste"];

/// Words beside them that ask nothing of their own ("somewhere", "da", "mit", "steht", "taucht
/// … auf", "show up").
const LISTED_FILLER: &[&str] = &[
    "appear",
    "appears",
    "show",
    "shows",
    "up",
    "taucht",
    "auf",
    "tauchen",
    "auftauchen",
    "erscheint",
    "erscheinen",
    "somewhere",
    "anywhere",
    "there",
    "here",
    "too",
    "also",
    "irgendwo",
    "irgendwie",
    "da",
    "dort",
    "hier",
    "mit",
    "auch",
    "steht",
    "stehen",
    "drauf",
    "drin",
];

/// Whether a question asks yes or no whether something no page names is on a list, and asks
/// nothing else ("contabo, are they somewhere in that lineup?", "Das ITZBund – steht das mit auf
/// der Liste?"): no section can say more than the partner list does, which shows who is on it.
/// Its words are all a list word ([`LISTED`]), a filler beside one ([`LISTED_FILLER`]) or a
/// name: no common word, no word of any page.
fn asks_if_unknown_is_listed(src: &Sources, question: &Question) -> bool {
    let words = &question.search_words;
    if !words.iter().any(|w| LISTED.contains(&w.as_str())) || !question.hints.is_empty() {
        return false;
    }
    let mut named = false;
    for w in words {
        if LISTED.contains(&w.as_str()) || LISTED_FILLER.contains(&w.as_str()) {
            continue;
        }
        if !is_unknown_name(src, w) {
            return false;
        }
        named = true;
    }
    named && asks_yes_or_no(&question.text)
}

/// Nouns for a list, or for what is on one, that a question of nothing but them (or
/// [`MEMBER_NOUNS`]), a name and small words asks about ([`asks_if_named_is_listed`]);
/// German compounds of one count too ("Partnerliste").
const LIST_NOUNS: &[&str] = &[
    "list",
    "lists",
    "lineup",
    "roster",
    "names",
    "firms",
    "firm",
    "companies",
    "company",
    "orgs",
    "organisations",
    "organizations",
    "liste",
    "namen",
    "firmen",
    "firma",
    "unternehmen",
    "konzern",
    "konzerne",
    "crowd",
];

/// The small words such a question is made of besides: articles, pronouns standing for the
/// one asked about, prepositions, "named", "mentioned", "genannt", the page and the forum
/// whose list it is. No question word: "which firms are named?" asks something else.
const ABOUT_A_LIST: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "among",
    "amongst",
    "between",
    "at",
    "as",
    "to",
    "from",
    "by",
    "those",
    "these",
    "this",
    "that",
    "it",
    "they",
    "them",
    "he",
    "she",
    "its",
    "their",
    "named",
    "mentioned",
    "listed",
    "included",
    "any",
    "chance",
    "maybe",
    "perhaps",
    "re",
    "s",
    "counted",
    "featured",
    "actually",
    "really",
    "officially",
    "still",
    "already",
    "page",
    "forum",
    "forums",
    "network",
    "or",
    "not",
    "no",
    "one",
    "eins",
    "ones",
    "part",
    "teil",
    "der",
    "die",
    "das",
    "des",
    "den",
    "dem",
    "sie",
    "er",
    "es",
    "ihn",
    "zu",
    "zum",
    "zur",
    "bei",
    "beim",
    "im",
    "unter",
    "von",
    "diesen",
    "dieser",
    "diese",
    "genannt",
    "erwähnt",
    "aufgeführt",
    "gelistet",
    "gezählt",
    "vertreten",
    "dabei",
    "eigentlich",
    "überhaupt",
    "wirklich",
    "noch",
    "schon",
    "offiziell",
    "seite",
    "netzwerk",
    "oder",
    "nicht",
    "nein",
];

/// Whether a question asks nothing but whether the one it names is among the partners, in
/// words no phrase list foresees: a name, a word for the partners or their list
/// ([`LIST_NOUNS`], [`MEMBER_NOUNS`]) and small words ([`ABOUT_A_LIST`], [`YES_OR_NO`],
/// [`LISTED_FILLER`]): "is adfinis one of those 14 names?", "ekom21 irgendwo in der Liste der
/// Gründer?". Or the name first, set apart, and such a clause after it: "schwarz digits with
/// stackit: named among the founding firms?", "Sopra Steria – gehört die zum Gründerkreis des
/// Forums?".
///
/// The name is one to three words together, each no page has ("R9 – the list?", "hackathon
/// list?" ask about what the pages say) unless the question has a word for the partners
/// themselves ("UPONU: one of the members?"); none a stopword ("can we become one of the
/// members?" asks to join) nor a misspelt list word; a common word only as typed with capitals
/// inside ("is SAP one of the founders?", not "is there a members area?" nor "Ist der Vorstand
/// Teil der Mitglieder?"); not followed by a word for the list ("CNCF members?" asks for
/// theirs); in a question ("?" or a word of [`YES_OR_NO`]). Set apart, the name is anything
/// without a question word that holds a name no page has (or, again, beside a word for the
/// partners themselves). The list answers, whoever it is; a section elsewhere about the one
/// named still wins (`compose::more_specific_elsewhere`).
fn asks_if_named_is_listed(src: &Sources, question: &Question) -> bool {
    if !question.hints.is_empty() {
        return false;
    }
    // A clause about the list: a word for it or for the partners ("founder of the forum or
    // not?", "bei den 14 dabei?": the partners by their count), or one saying that the one
    // asked about belongs to the forum ("part of this network?", "are they behind the
    // forum?"); besides, small words only.
    let about_a_list = |words: &[&str]| {
        let counted = words.windows(2).any(|w| {
            matches!(w[0], "the" | "those" | "den" | "diesen") && w[1].parse::<u8>().is_ok()
        });
        let belongs = words.iter().any(|w| BELONGING.contains(w))
            && words.iter().any(|w| OUR_BODY.contains(w));
        (words.iter().any(|w| is_list_noun(w)) || counted || belongs)
            && words
                .iter()
                .all(|w| is_list_noun(w) || is_small_word(w) || BELONGING.contains(w))
    };
    // A name some page uses may be of anything ("Ubuntu – in the list?"): only a word for
    // the partners themselves asks whether it is one ("gonicus – among the members?").
    let of_members = |words: &[&str]| words.iter().any(|w| MEMBER_NOUNS.contains(w));
    // A clause about the list has one of its words: most questions have none, and need no
    // clause read.
    let some_clause_may_be = question
        .words()
        .any(|w| may_be_list_noun(w) || BELONGING.contains(&w) || w.parse::<u8>().is_ok());
    let marks: Vec<usize> = if !some_clause_may_be {
        Vec::new()
    } else {
        question
            .text
            .match_indices([':', '–', '—', ','])
            .map(|(i, _)| i)
            .chain(question.text.match_indices(" - ").map(|(i, _)| i))
            .collect()
    };
    // The name set apart, before the clause asking about the list; what it says of the one
    // named stands between ("stackhpc, the openstack consultancy from the uk – founder of
    // the forum or not?"): the clause is after any mark that sets one apart.
    for at in marks {
        let (name, clause) = question.text.split_at(at);
        let clause = clause.trim_start_matches([':', '–', '—', ',', ' ', '-']);
        // The clause ends with its question ("digitalocean – founding member or not? a
        // colleague swears he saw them on there").
        let clause = clause.split_inclusive(['?', '!']).next().unwrap_or(clause);
        let clause = super::question::normalize(clause);
        let clause: Vec<&str> = clause.split(' ').filter(|w| !w.is_empty()).collect();
        // The name set apart holds a name no page has ("Sopra Steria", "AKDB", "hosting.de",
        // "die Deutsche Telekom"): a word the pages use is asked about there ("Hackathons:
        // the list?", "Yaook – in the list?").
        if !super::question::normalize(name)
            .split(' ')
            .any(|w| WH.contains(&w))
            && !names_no_organisation(name)
            && about_a_list(&clause)
            && (names_one_no_page_has(src, question, name) || of_members(&clause))
        {
            return true;
        }
    }
    let words: Vec<&str> = question.words().collect();
    let named: Vec<usize> = (0..words.len())
        .filter(|&i| !is_list_noun(words[i]) && !is_small_word(words[i]))
        .collect();
    let (Some(&first), Some(&last)) = (named.first(), named.last()) else {
        return false;
    };
    let asks = question.text.contains('?') || words.iter().any(|w| YES_OR_NO.contains(w));
    // "CNCF members?", "hackathon list?" ask for the list of those named; "list of
    // hackathons?", "Liste der Hackathons?" too.
    let theirs = words.get(last + 1).is_some_and(|w| THEIR_LIST.contains(w))
        || (first >= 2
            && matches!(words[first - 1], "of" | "der" | "von" | "des")
            && is_list_noun(words[first - 2]));
    asks && !theirs
        && last - first + 1 == named.len()
        && named.len() <= 3
        && named.iter().all(|&i| {
            let word = words[i];
            // "partnrs list" misspells a word for the list, and names no one.
            if crate::index::question_words(word).is_empty() || misspelt_noun(word) {
                return false;
            }
            if src.index.holds_word(word) {
                // A page's word: beside a word for the partners, and no common word unless
                // typed as a name.
                of_members(&words)
                    && (!crate::index::is_common_word(word) || question.is_distinctive(word))
            } else {
                is_unknown_name(src, word) || question.is_distinctive(word)
            }
        })
        && words.iter().any(|w| is_list_noun(w))
}

/// Whether the best hit is a section other than the partner list whose heading the question
/// names ("the summit *program*", "*gold sponsors*", "which member *level*", "the *project
/// board* members"): the names or the order asked of are that section's, not the partners'.
fn names_another_section(
    src: &Sources,
    question: &Question,
    command: &Command,
    language: &str,
    hits: &[SearchHit],
) -> bool {
    let Some(top) = hits.first() else {
        return false;
    };
    if command
        .section(language)
        .is_some_and(|at| at.is(src.library, top))
    {
        return false;
    }
    let words = |text: &str| -> Vec<String> {
        super::question::normalize(text)
            .split(' ')
            .filter(|w| {
                w.chars().count() >= SAME_START && !is_list_noun(w) && !HEADING_FILLER.contains(w)
            })
            .map(str::to_string)
            .collect()
    };
    let asked = words(&question.text);
    // The same word, inflected ("sponsor" of "Sponsors", "level" of "Levels").
    let same = |a: &str, b: &str| {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        long.starts_with(short) && long.len() - short.len() <= INFLECTION
    };
    words(&top.heading)
        .iter()
        .any(|h| asked.iter().any(|q| same(h, q)))
}

/// How long a word of a heading must be to name its section ([`names_another_section`]).
const SAME_START: usize = 4;
/// How many letters an inflection adds to a word.
const INFLECTION: usize = 3;

/// Words of a heading that say nothing of what its section is about.
const HEADING_FILLER: &[&str] = &[
    "sovereign",
    "cloud",
    "stack",
    "forum",
    "standards",
    "about",
    "with",
    "from",
    "what",
    "which",
    "that",
    "this",
    "their",
    "your",
    "unsere",
    "unser",
    "partner",
    "partners",
    "network",
    "netzwerk",
    "founding",
    "founders",
    "founder",
    "mitglieder",
    "member",
];

/// The letters a German compound of a word for the list or its entries has ("Partner*liste*",
/// "*Gründer*kreis", "Forums*mitglied*er").
const LIST_COMPOUND_PARTS: &[&str] = &[
    "liste",
    "mitglied",
    "gründer",
    "partner",
    "firm",
    "unternehm",
];

/// Whether `word` may be a word for the list or its entries ([`is_list_noun`]), by a look at
/// its letters rather than into its compound: most words are told apart at once.
fn may_be_list_noun(word: &str) -> bool {
    LIST_NOUNS.contains(&word)
        || MEMBER_NOUNS.contains(&word)
        || LIST_COMPOUND_PARTS.iter().any(|part| word.contains(part))
}

/// Words that say how the partners are written on their list ("*written* with a *lowercase*
/// first letter", "in all *caps*", "a *comma*", "*alphabetisch*").
const WRITTEN_AS: &[&str] = &[
    "written",
    "writen",
    "spelled",
    "spelt",
    "caps",
    "capitals",
    "lowercase",
    "uppercase",
    "buchstaben",
    "großbuchstaben",
    "kleinbuchstaben",
    "großgeschrieben",
    "kleingeschrieben",
    "comma",
    "komma",
    "ampersand",
    "hyphen",
    "bindestrich",
    "ziffer",
    "ziffern",
    "https",
    "http",
    "alphabetical",
    "alphabetically",
    "alphabetisch",
    "alphabetischer",
    "reihenfolge",
];

/// The words of [`WRITTEN_AS`] that say how something is written, of whatever: of the
/// partners only right after a word for them.
const WRITTEN_VERBS: &[&str] = &["written", "writen", "spelled", "spelt"];

/// Phrases that say what is in a partner's name or where one stands on the list ("'cloud' *in
/// its name*", "*im Namen*", "5th, *counting from the top*", "an *& sign*" as normalised).
const WRITTEN_IN: &[&str] = &[
    "in its name",
    "in their name",
    "in their names",
    "in the name",
    "in the names",
    "in their company name",
    "im namen",
    "in ihrem namen",
    "longest name",
    "shortest name",
    "längsten namen",
    "kürzesten namen",
    "ends with",
    "end with",
    "ends in",
    "end in",
    "starts with",
    "start with",
    "begins with",
    "begin with",
    "endet mit",
    "endet auf",
    "enden auf",
    "beginnt mit",
    "from the top",
    "from the bottom",
    "von oben",
    "von unten",
    "counting from",
];

/// How long a word of a phrase must be for a slip of it to say it ("thier" for "their").
const SLIP_FROM: usize = 4;

/// Words after an ordinal that make it a place on the list ("5th *on* the founders list",
/// "der fünfte *auf* der Liste", "the 3rd founder").
const PLACE_ON: &[&str] = &["on", "in", "auf", "im", "of", "von"];

/// Whether a question asks how the partners stand on their list: it names them or the list
/// ([`is_list_noun`]: "founders", "Firma", "Liste"), no other list ([`OTHER_LIST`]), and asks
/// how their names are written ([`WRITTEN_AS`], [`WRITTEN_IN`]) or which stands at a place
/// ("who's 5th on the founders list?"); not how to become one ([`BECOMING`]).
fn asks_how_entries_are_listed(question: &Question) -> bool {
    let words: Vec<&str> = question.words().collect();
    if !words.iter().any(|w| may_be_list_noun(w))
        || words.iter().any(|w| BECOMING.contains(w))
        || OTHER_LIST.iter().any(|phrase| question.has_phrase(phrase))
        || !question.hints.is_empty()
    {
        return false;
    }
    let ordinal = |i: usize| {
        let word = words[i];
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let numbered = !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th");
        numbered
            && words
                .get(i + 1)
                .is_none_or(|next| PLACE_ON.contains(next) || is_list_noun(next))
    };
    // A slip of a longer word of a phrase ("in *thier* names") still says it.
    // (A slip keeps the first letter and the length within one: only then is the distance
    // worth computing.)
    let slip = |typed: &str, want: &str| {
        want.len() >= SLIP_FROM
            && typed.len().abs_diff(want.len()) <= 1
            && typed.as_bytes().first() == want.as_bytes().first()
            && strsim::osa_distance(typed, want) == 1
    };
    let says = |phrase: &str| {
        question.has_phrase(phrase) || {
            let wanted: Vec<&str> = phrase.split(' ').collect();
            words.windows(wanted.len()).any(|window| {
                window
                    .iter()
                    .zip(&wanted)
                    .all(|(typed, want)| typed == want || slip(typed, want))
            })
        }
    };
    // Written, of the partners ("the founders *are written* with …"), not of something else
    // they have ("is the members' email written somewhere?").
    let written_of_them = |i: usize| {
        words[..i]
            .iter()
            .rev()
            .find(|w| {
                !matches!(
                    **w,
                    "are" | "is" | "be" | "been" | "sind" | "ist" | "werden"
                )
            })
            .is_some_and(|w| may_be_list_noun(w))
    };
    let how = (0..words.len()).any(|i| {
        WRITTEN_AS.contains(&words[i]) && (!WRITTEN_VERBS.contains(&words[i]) || written_of_them(i))
    }) || WRITTEN_IN.iter().any(|phrase| says(phrase))
        || (question.text.contains('&') && question.has_phrase("sign"))
        || (0..words.len()).any(ordinal);
    // (What is asked is looked at first: few questions ask it, and telling a word for the
    // list costs a look into its compound.)
    // Whose names: the partners', by a word for them or their list ("names" asks how they are
    // written, it names no list: "the names of the gold sponsors").
    how && words
        .iter()
        .any(|w| !matches!(*w, "names" | "name" | "namen") && is_list_noun(w))
}

/// Words that say the one named is no organisation: a person ("the Nextcloud *guy*", "*Herr*
/// Müller", "our *CTO*") or a thing of another kind ("the FOSS *conference*", "my *hometown*").
const NOT_ORGANISATION: &[&str] = &[
    "guy",
    "guys",
    "dude",
    "person",
    "colleague",
    "boss",
    "cto",
    "ceo",
    "coo",
    "cfo",
    "chairman",
    "chairwoman",
    "minister",
    "politician",
    "president",
    "chancellor",
    "herr",
    "frau",
    "kollege",
    "kollegin",
    "chef",
    "chefin",
    "vorsitzender",
    "vorsitzende",
    "ministerin",
    "kanzler",
    "conference",
    "konferenz",
    "meetup",
    "city",
    "town",
    "hometown",
    "country",
    "language",
    "sprache",
    "distro",
    "editor",
    "runtime",
    "tool",
    "file",
    "software",
];

/// Words of the trade that say the one named is a company, whatever else is said of it
/// ("exoscale, the swiss *cloud* guys").
const ORGANISATION_CUES: &[&str] = &[
    "cloud",
    "clouds",
    "hoster",
    "hosting",
    "provider",
    "company",
    "firm",
    "startup",
    "vendor",
    "consultancy",
    "datacenter",
    "gmbh",
    "ag",
    "inc",
    "ltd",
    "firma",
    "anbieter",
    "unternehmen",
    "rechenzentrum",
    "dienstleister",
];

/// Whether the part of a question naming someone says it is no organisation
/// ([`NOT_ORGANISATION`]), or is a person's name by its particle ("Ursula *von der* Leyen"),
/// unless a word of the trade says it is one ([`ORGANISATION_CUES`]).
fn names_no_organisation(name: &str) -> bool {
    let normalized = super::question::normalize(name);
    if normalized
        .split(' ')
        .any(|w| ORGANISATION_CUES.contains(&w))
    {
        return false;
    }
    if normalized.split(' ').any(|w| NOT_ORGANISATION.contains(&w)) {
        return true;
    }
    let typed: Vec<&str> = name.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    typed.windows(3).any(|w| {
        capital(w[0])
            && matches!(w[1], "von" | "van" | "zu")
            && (capital(w[2]) || matches!(w[2], "der" | "den" | "dem"))
    })
}

/// Whether `name`, a part of `question`'s text, names one no page has: a name or a domain no
/// page has ([`holds_a_name_no_page_has`]), or a word no page has typed with a capital after
/// the question's start ("die Deutsche *Telekom*", "*Dell* Technologies": a common word of
/// some language, but written as a name; German nouns are capitalised too, so only where a
/// name stands, set apart before a clause about the list).
fn names_one_no_page_has(src: &Sources, question: &Question, name: &str) -> bool {
    if holds_a_name_no_page_has(src, name) {
        return true;
    }
    let words = crate::index::question_words(name);
    let start = question.text.len() - question.text.trim_start().len();
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .skip_while(|t| name.find(t) == Some(start))
        .any(|typed| {
            let lower = typed.to_lowercase();
            typed.chars().next().is_some_and(char::is_uppercase)
                && typed.chars().count() >= 3
                && !src.index.holds_word(&lower)
                && words.contains(&lower)
        })
}

/// The first name no page has in `question`, as typed ("StackHPC" of "is StackHPC one of the
/// founders?", "hosting.de"): the words together that are each a name no page has
/// ([`is_unknown_name`]), typed with a capital, or a domain no page has; none when the
/// question says it is no organisation ([`names_no_organisation`]). What a membership question
/// asks about, when it is one no page names: no partner, whatever it is.
pub fn name_no_page_has(src: &Sources, question: &Question) -> Option<String> {
    // Typed as a name (with a capital: "StackHPC", "Atruvia"), not a slip of a word
    // ("openstak"); or a domain.
    if names_no_organisation(&question.text) {
        return None;
    }
    let unknown = |token: &str| {
        let words = crate::index::question_words(token);
        let as_a_name = token.chars().any(char::is_uppercase);
        (as_a_name && !words.is_empty() && words.iter().all(|w| is_unknown_name(src, w)))
            || is_domain_no_page_has(src, token)
    };
    let mut name: Vec<&str> = Vec::new();
    for token in question.text.split_whitespace() {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if !token.is_empty() && unknown(token) {
            name.push(token);
        } else if !name.is_empty() {
            break;
        }
    }
    (!name.is_empty()).then(|| name.join(" "))
}

/// Top-level domains a company's domain name ends in ("hosting.de"; not "config.toml").
const TOP_LEVEL_DOMAINS: &[&str] = &[
    "de", "com", "org", "net", "eu", "io", "cloud", "tech", "info", "at", "ch", "nl", "fr", "uk",
    "it", "es", "se", "dk", "no", "fi", "pl", "cz", "be", "lu", "dev", "app", "ai", "biz",
    "systems", "digital",
];

/// Whether `text` holds a name no page has ([`is_unknown_name`]: "atruvia", "stackhpc") or a
/// domain no page has ("hosting.de").
pub(super) fn holds_a_name_no_page_has(src: &Sources, text: &str) -> bool {
    crate::index::question_words(text)
        .iter()
        .any(|w| is_unknown_name(src, w))
        || text.split_whitespace().any(|token| {
            is_domain_no_page_has(src, token.trim_matches(|c: char| !c.is_alphanumeric()))
        })
}

/// Whether `token` (a word of a text as typed) is a domain whose name no page has
/// ("hosting.de"; not "config.toml", nor "scs.community" of pages that say "scs").
fn is_domain_no_page_has(src: &Sources, token: &str) -> bool {
    token.rsplit_once('.').is_some_and(|(host, tld)| {
        host.chars().count() >= 3
            && TOP_LEVEL_DOMAINS.contains(&tld.to_lowercase().as_str())
            && !src.index.holds_word(&host.to_lowercase())
    })
}

/// Whether a question asks yes or no whether one no page names is among the partners, in
/// words of its own beyond those [`asks_if_named_is_listed`] foresees: "is netapp one of the
/// companies backing the forum here?", "accenture keeps pitching scs to us – are they part of
/// the founding crowd?", "Ist Atos eins der Unternehmen, die das Forum tragen?". It starts
/// with a word asking yes or no ([`YES_OR_NO`]) or with the name; a name no page has
/// ([`is_unknown_name`]) stands before a word for the partners or their list ([`LIST_NOUNS`],
/// [`MEMBER_NOUNS`], or a compound of one: "Gründerkreis") with only small words between,
/// which is not another's list ("… one of the members of the CNCF?") and is followed by small
/// words or the forum itself ("… backing the forum"; not "… one of the companies hiring?");
/// no question word ([`WH`]), no kind of fact asked, no becoming one ([`BECOMING`]). No page
/// says more of someone it doesn't name than the list, which shows who is on it.
fn asks_if_unknown_is_among(src: &Sources, question: &Question) -> bool {
    if !question.hints.is_empty() {
        return false;
    }
    let words: Vec<&str> = question.words().collect();
    let start = words.iter().position(|w| !LEAD_IN.contains(w)).unwrap_or(0);
    let Some(&first) = words.get(start) else {
        return false;
    };
    if words.iter().any(|w| WH.contains(w) || BECOMING.contains(w)) {
        return false;
    }
    let Some(noun) = words.iter().position(|w| is_list_noun(w)) else {
        return false;
    };
    // "… members of GovStack" is their list; "… of the forum" ours.
    let of_others = matches!(words.get(noun + 1), Some(&("of" | "von" | "des" | "der")))
        && !words
            .get(noun + 2..)
            .is_some_and(|rest| rest.iter().take(2).any(|w| OURS.contains(w)));
    let unknown = |w: &str| is_unknown_name(src, w) && !misspelt_noun(w);
    // The name, then small words and nothing else up to the word for the partners: right
    // after the name ("is netapp one of the companies …") or after the name set apart ("HPE –
    // gehört die Firma zum Gründerkreis?"); not "is netapp storage supported by the members?".
    let clause_start = question
        .text
        .split_once(['–', '—', ':'])
        .or_else(|| question.text.split_once(" - "))
        .map(|(name, _)| super::question::normalize(name).split(' ').count())
        .filter(|&n| n <= noun && words[..n].iter().any(|w| unknown(w)));
    let after_name = clause_start.or_else(|| {
        words[..noun]
            .iter()
            .rposition(|w| unknown(w))
            .map(|i| i + 1)
    });
    // After it, small words, or words of what the one asked about does for the forum ("…
    // backing the forum", "die das Forum tragen"); not "… one of the companies hiring?",
    // "… with an outage today?".
    let rest = &words[noun + 1..];
    let of_ours = rest.iter().all(|w| is_small_word(w) || is_list_noun(w))
        || rest.iter().any(|w| OUR_BODY.contains(w));
    (YES_OR_NO.contains(&first) || unknown(first))
        // Right before it, the name is whose list it is ("Hackathon-Liste?", "CNCF members?").
        && after_name.is_some_and(|from| {
            from < noun && words[from..noun].iter().all(|w| is_small_word(w))
        })
        && !of_others
        && of_ours
}

/// Words that say, of the one a question names, that it belongs to the forum or the network
/// ("part of", "Teil des", "zum", "involved in", "beim … dabei", "mit drin"), besides
/// [`is_small_word`]s and the body itself ([`OUR_BODY`]).
const BELONGING: &[&str] = &[
    "part",
    "teil",
    "involved",
    "active",
    "engaged",
    "represented",
    "with",
    "behind",
    "zum",
    "vom",
    "aktiv",
    "dabei",
    "drin",
    "hinter",
    "scs",
    "standards",
];

/// Whether a question asks yes or no whether one no page names belongs to the forum or the
/// network, and nothing else: "is IONOS represented in the forum?", "Gehört Hetzner zum
/// Netzwerk?", "Ist WIIT beim Forum dabei?", "Ist Leaseweb Teil des Forums?". After its
/// first word ([`YES_OR_NO`]), one to three words name the one asked about, one of them a
/// name no page has ([`is_unknown_name`]); every word after them
/// says it belongs ([`BELONGING`], small words) to the body ([`OUR_BODY`]), which it names.
/// Not "is kubernetes part of the network?" (the pages say what they say of Kubernetes), nor
/// "is the certification part of the forum?". The list answers: it shows who is on it.
fn asks_if_unknown_belongs(src: &Sources, question: &Question) -> bool {
    if !question.hints.is_empty() || !question.words().any(|w| OUR_BODY.contains(&w)) {
        return false;
    }
    let words: Vec<&str> = question.words().collect();
    let start = words.iter().position(|w| !LEAD_IN.contains(w)).unwrap_or(0);
    if !words.get(start).is_some_and(|w| YES_OR_NO.contains(w)) {
        return false;
    }
    let belongs = |w: &&str| {
        BELONGING.contains(w) || OUR_BODY.contains(w) || (is_small_word(w) && !is_list_noun(w))
    };
    let Some(end) = (start + 1..words.len()).find(|&i| belongs(&words[i])) else {
        return false;
    };
    let subject = &words[start + 1..end];
    (1..=3).contains(&subject.len())
        && subject.iter().any(|w| is_unknown_name(src, w))
        && !subject.iter().any(|w| misspelt_noun(w))
        && words[end..].iter().all(belongs)
}

/// Whether the word for members a trigger `phrase` starts with is another body's: followed
/// by a name no page has ("is X a member of the CNCF?", "Mitglied bei Bitkom", whether or not
/// the question asks yes or no) or named before it ([`members_named_before`]: "Is X a Bitkom
/// member?"), or after one ("CNCF members?", "ALASCA Mitglieder?", unless
/// the question asks yes or no, "are Hetzner members?", or names the list's owner as ours,
/// "ALASCA Mitglieder im Forum?"): that one's members, whom no page names, not the partners.
/// Not of partners ("IONOS partners?" asks as often whether IONOS is one).
fn names_their_list(src: &Sources, question: &Question, phrase: &str) -> bool {
    let first = phrase.split(' ').next().unwrap_or("");
    let words: Vec<&str> = question.words().collect();
    // "is X a member of the CNCF?", "Ist X Mitglied bei Bitkom?": the body named after the
    // word is one no page names.
    let of_another = |i: usize| {
        members_of(&words, i)
            .is_some_and(|body| !OURS.contains(&body) && is_unknown_name(src, body))
    };
    let unknown = |w: &str| is_unknown_name(src, w);
    let capitalised = capitalised_words(&question.text);
    let body = |w: &str| names_a_body(w, &capitalised);
    if matches!(first, "member" | "members" | "mitglied" | "mitglieder")
        && words.iter().position(|w| *w == first).is_some_and(|i| {
            of_another(i) || members_named_before(&words, i, &unknown, &body, false)
        })
    {
        return true;
    }
    if !THEIR_MEMBERS.contains(&first) || asks_yes_or_no(&question.text) {
        return false;
    }
    words.iter().position(|w| *w == first).is_some_and(|i| {
        i > 0 && is_unknown_name(src, words[i - 1]) && !words[i..].iter().any(|w| OURS.contains(w))
    })
}

/// Whether a question asks whether one no page names is among a number of them, the partners
/// by their count ("strato among the 14?", "ist die Telekom bei den 14 dabei?", "one of the
/// 17?"): a name no page has ([`is_unknown_name`]), "among / one of / bei / unter / zu" the
/// number, in a question; no question word ("which of the 14 …" asks about them).
fn asks_if_unknown_is_among_the_count(src: &Sources, question: &Question) -> bool {
    if !question.hints.is_empty() {
        return false;
    }
    let words: Vec<&str> = question.words().collect();
    // Most questions name no number: the clauses need no second reading.
    let counted = words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()));
    if !counted || words.iter().any(|w| WH.contains(w) || BECOMING.contains(w)) {
        return false;
    }
    let asks = question.text.contains('?') || words.iter().any(|w| YES_OR_NO.contains(w));
    // "among the 14", and nothing after the number in its clause but words for the partners
    // and small words ("… among the 14 eight-thousanders?" counts something else; "strato
    // among the 14? just double-checking" asks about the 14).
    let among_count = question
        .text
        .split(['?', '!', ',', ';', ':', '–', '—'])
        .any(|clause| {
            let clause = super::question::normalize(clause);
            let words: Vec<&str> = clause.split(' ').filter(|w| !w.is_empty()).collect();
            (0..words.len().saturating_sub(2)).any(|i| {
                matches!(
                    words[i],
                    "among" | "amongst" | "of" | "bei" | "unter" | "zu"
                ) && matches!(words[i + 1], "the" | "those" | "these" | "den" | "diesen")
                    && words[i + 2].len() <= 3
                    && words[i + 2].chars().all(|c| c.is_ascii_digit())
                    && words[i + 3..]
                        .iter()
                        .all(|w| is_small_word(w) || is_list_noun(w) || LISTED_FILLER.contains(w))
            })
        });
    asks && among_count && words.iter().any(|w| is_unknown_name(src, w))
}

/// Words that, in a clause without a word for the partners, still say of the one a question
/// names that it takes part ("is IONOS *part of this*?", "does Hetzner *take part*?", "Ist
/// IONOS *dabei*?", "Gehört OVHcloud *dazu*?", "has T-Systems *joined* the forum?").
const TAKES_PART: &[&str] = &[
    "part",
    "take",
    "takes",
    "taking",
    "involved",
    "joined",
    "represented",
    "co",
    "found",
    "founded",
    "teil",
    "dabei",
    "dazu",
    "vertreten",
    "beteiligt",
    "engagiert",
];

/// Whether a question asks yes or no, in one of its clauses, whether one no page names is
/// among the partners, whatever its other clauses say of it: "ovhcloud – does the big french
/// provider show up in the founders list?", "is wavestack on the list? pretty sure that's the
/// cloud they run in nuremberg", "Open-Xchange aus Köln: laut Liste Gründungsmitglied?",
/// "does dell technologies show up as a partner, maybe as a hardware supplier?", "Ist IONOS
/// dabei?". The question holds a name no page has ([`names_no_page_has`]; what else it says
/// of it no page says either), no question word ([`WH`]), no kind of fact asked, no becoming
/// one ([`BECOMING`]). One clause says it is among them ([`membership_word`]), after the name,
/// or set apart from it by a colon or a dash.
///
/// No page says more of one it doesn't name than the list, which shows who is on it.
fn asks_in_a_clause_if_unknown_is_member(src: &Sources, question: &Question) -> bool {
    if !question.hints.is_empty()
        || !question.text.contains('?') && !asks_yes_or_no(&question.text)
        || question
            .words()
            .any(|w| BECOMING.contains(&w) || WH.contains(&w))
        || names_no_organisation(&question.text)
    {
        return false;
    }
    let names = names_no_page_has(src, question);
    if names.is_empty() {
        return false;
    }
    let name = |w: &str| names.iter().any(|n| n == w);
    let capitalised = capitalised_words(&question.text);
    let body = |w: &str| names_a_body(w, &capitalised);
    // "Bitkom-Mitglied": a member of the one named ("Forum-Mitglied" is ours).
    let joined_member = question.text.split_whitespace().any(|token| {
        let parts = super::question::normalize(token);
        parts.contains(' ')
            && parts.split(' ').any(|p| MEMBER_NOUNS.contains(&p))
            && parts
                .split(' ')
                .any(|p| !(is_list_noun(p) || OURS.contains(&p) || is_small_word(p)))
    });
    if joined_member {
        return false;
    }
    let clauses = clauses_set_apart(&question.text);
    let named_in = |i: usize| clauses[i].0.iter().any(|w| name(w));
    (0..clauses.len()).any(|i| {
        let (words, _) = &clauses[i];
        // The one asked about set apart before ("Zorblat – Bitkom member?").
        let named_before = (0..i).any(|j| clauses[j].1 && named_in(j));
        let Some(at) = membership_word(words, &name, &body, named_before) else {
            return false;
        };
        // The one asked about stands before, in the clause or set apart before it ("ovhcloud
        // – does the big french provider show up in the founders list?"), or set apart after
        // it ("any of the big german public clouds on that list – ionos, stackit?"); not
        // after it in the clause ("did the founders pay for it themselfs?").
        words[..at].iter().any(|w| name(w))
            || i > 0 && clauses[i - 1].1 && named_in(i - 1)
            || clauses[i].1 && i + 1 < clauses.len() && named_in(i + 1)
    })
}

/// The words of `question` (normalized) that name one no page has: [`is_unknown_name`], of
/// three letters or more ("257k" is an amount), no misspelt word for the list; not a slip of
/// a common word ("emial", "agian", "Hackaton", a German noun typed with its capital) unless
/// typed as a name ([`typed_as_names`]: "Open-*Xchange*"); and the other parts of a name
/// typed as one word with such a word ("open" of "Open-Xchange"). Each word is looked up once.
fn names_no_page_has(src: &Sources, question: &Question) -> Vec<String> {
    let typed = typed_as_names(&question.text);
    let mut names: Vec<String> = Vec::new();
    for w in question.words() {
        if names.iter().any(|n| n == w) {
            continue;
        }
        if is_unknown_name(src, w)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !misspelt_noun(w)
            && (typed.iter().any(|t| t == w) || !crate::index::misspells_a_word(w))
        {
            names.push(w.to_string());
        }
    }
    if names.is_empty() {
        return names;
    }
    let parts: Vec<String> = question
        .text
        .split_whitespace()
        .map(super::question::normalize)
        .filter(|token| {
            token.contains(' ') && token.split(' ').any(|w| names.iter().any(|n| n == w))
        })
        .flat_map(|token| token.split(' ').map(str::to_string).collect::<Vec<_>>())
        .filter(|part| !is_list_noun(part))
        .collect();
    for part in parts {
        if !names.contains(&part) {
            names.push(part);
        }
    }
    names
}

/// The words (lower case) of the tokens of `text` typed as names: capitals inside a word
/// ("StackHPC", "OVHcloud") or parts joined by a mark, each with a capital ("Open-Xchange",
/// "T-Systems"); not one word with its first capital ("Hackaton", "Zertifizierungstelle").
fn typed_as_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for token in text.split_whitespace() {
        let parts: Vec<&str> = token
            .split(|c: char| !c.is_alphanumeric())
            .filter(|p| !p.is_empty())
            .collect();
        let inner = parts
            .iter()
            .any(|p| p.chars().skip(1).any(char::is_uppercase));
        let joined = parts.len() >= 2
            && parts
                .iter()
                .filter(|p| p.chars().any(char::is_alphabetic))
                .all(|p| p.starts_with(char::is_uppercase));
        if inner || joined {
            names.extend(parts.iter().map(|p| p.to_lowercase()));
        }
    }
    names
}

/// The words of `text` typed with a capital, lower-cased, but for its first.
fn capitalised_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .skip(1)
        .filter(|t| t.starts_with(char::is_uppercase))
        .map(str::to_lowercase)
        .collect()
}

/// Whether `word` may name a body: typed with a capital after the question's start
/// (`capitalised`: "Bitkom", "ECO") or a word of no language; not "paying", "premium".
fn names_a_body(word: &str, capitalised: &[String]) -> bool {
    capitalised.iter().any(|c| c == word) || !crate::index::is_common_word(word)
}

/// The definite articles, English and German.
const DEFINITE_ARTICLES: &[&str] = &["the", "der", "die", "das", "den", "dem", "des"];

/// Words after a word for members that say whose members they are ("a member *of* the CNCF",
/// "Mitglied *bei* Bitkom", "member *in* the forum").
const OF_A_BODY: &[&str] = &["of", "in", "at", "von", "des", "der", "bei", "beim", "im"];

/// The body a word for members at `at` says they are of, if it says ("member *of the
/// CNCF*", "Mitglied *bei Bitkom*", "member *in the forum*"): the first word after the
/// preposition and its article.
fn members_of<'w>(words: &[&'w str], at: usize) -> Option<&'w str> {
    if !words.get(at + 1).is_some_and(|w| OF_A_BODY.contains(w)) {
        return None;
    }
    words
        .iter()
        .skip(at + 2)
        .find(|w| !DEFINITE_ARTICLES.contains(w))
        .copied()
}

/// The clauses of `text`, each as its normalized words and whether a mark that sets a part
/// apart (a colon or a dash) ends it, not one that ends a sentence. What stands in brackets
/// is left out ("Ist IONOS (Montabaur) – dabei?"), and a clause of no words passes its mark
/// on to the one before.
fn clauses_set_apart(text: &str) -> Vec<(Vec<String>, bool)> {
    let mut unbracketed = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => unbracketed.push(c),
            _ => {}
        }
    }
    let text = unbracketed.as_str();
    let mut clauses: Vec<(Vec<String>, bool)> = Vec::new();
    let mut push = |part: &str, apart: bool| {
        let words = super::question::normalize(part);
        if words.is_empty() {
            if let Some(last) = clauses.last_mut() {
                last.1 |= apart;
            }
        } else {
            clauses.push((words.split(' ').map(str::to_string).collect(), apart));
        }
    };
    let mut from = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let apart = match c {
            ':' | '–' | '—' => Some(true),
            '-' if text[..at].ends_with(' ') && next == Some(' ') => Some(true),
            '?' | '!' | ';' => Some(false),
            '.' if next.is_none_or(char::is_whitespace) => Some(false),
            _ => None,
        };
        if let Some(apart) = apart {
            push(&text[from..at], apart);
            from = at + c.len_utf8();
        }
    }
    push(&text[from..], false);
    clauses
}

/// Whether the word for members at `at` is another body's, named right before it by a word
/// typed as a name or of no language (as `body` tells), not ours: after the one asked about
/// (a name, as `name` tells, in `words` or `named_before` them: "Is Zorblat a *Bitkom*
/// member?", "Zorblat – *Bitkom* member?"), or after an article ("Ist Zorblat ein *ECO*
/// Mitglied?"); not "Ist Open-Xchange Mitglied?", "how *many* members", "a *paying* member",
/// "a Forum SCS-*Standards* member".
fn members_named_before(
    words: &[&str],
    at: usize,
    name: &dyn Fn(&str) -> bool,
    body: &dyn Fn(&str) -> bool,
    named_before: bool,
) -> bool {
    let Some(&before) = at.checked_sub(1).and_then(|i| words.get(i)) else {
        return false;
    };
    let ours = words[at.saturating_sub(3)..at]
        .iter()
        .any(|w| OUR_BODY.contains(w));
    if ours || is_small_word(before) || OURS.contains(&before) || is_list_noun(before) {
        return false;
    }
    // The name before the word, with the words of its own ("Open-Xchange"): the one asked
    // about, unless another stands before it.
    let run = words[..at].iter().rev().take_while(|w| name(w)).count();
    let asked_before = named_before || words[..at - run.max(1)].iter().any(|w| name(w));
    if run > 0 {
        return asked_before;
    }
    MEMBER_NOUNS.contains(&words[at])
        && body(before)
        && (asked_before
            || at >= 2 && matches!(words[at - 2], "a" | "an" | "ein" | "eine" | "einem"))
}

/// Where the clause `words` says of one it names (`name`) that it is among the partners:
/// - a word for them or their list ([`is_list_noun`], "listed", "mitgegründet"); a word for a
///   list after a small word and before none but small ones ("on *the* list", "laut Liste";
///   not "list index out of range", "is the list view broken?"); neither another body's ("a
///   member of the CNCF", "a Bitkom member", "CNCF members") nor a list of things
///   ([`OTHER_LIST`]); or
/// - a word saying it takes part ([`TAKES_PART`]), with the forum named ("has T-Systems joined
///   the forum?"), or with names and small words before it, no article, and small words after
///   ("Ist IONOS dabei?"; not "part of scs?", the software, "does zorblat take part in the
///   hackathon?" nor "Ist der Hackaton dabei?").
fn membership_word(
    words: &[String],
    name: &dyn Fn(&str) -> bool,
    body: &dyn Fn(&str) -> bool,
    named_before: bool,
) -> Option<usize> {
    let clause = words.join(" ");
    if OTHER_LIST.iter().any(|p| clause.contains(p)) {
        return None;
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let small = |w: &str| is_small_word(w) || OURS.contains(&w) || LISTED_FILLER.contains(&w);
    let listed = (0..words.len()).find(|&i| {
        let w = words[i];
        let a_list = i > 0
            && (is_small_word(words[i - 1]) || words[i - 1] == "laut")
            && words
                .get(i + 1)
                .is_none_or(|next| small(next) || is_list_noun(next));
        // "listed" of the partners, not "listed in the docs".
        let listed_here = || words[i + 1..].iter().all(|w| small(w) || is_list_noun(w));
        // "one of the companies", not "did X found the company?".
        let one = matches!(w, "company" | "firm" | "firma" | "konzern");
        let noun = is_list_noun(w) && (!LIST_NOUNS.contains(&w) || a_list && !one)
            || matches!(w, "listed" | "mitgegründet" | "mitbegründet") && listed_here();
        let of_others = members_of(&words, i).is_some_and(|body| !OURS.contains(&body));
        // "Hetzner members": theirs.
        let theirs = i > 0 && name(words[i - 1]) && THEIR_LIST.contains(&w)
            || members_named_before(&words, i, name, body, named_before);
        noun && !of_others && !theirs
    });
    let ours = words.iter().any(|w| OUR_BODY.contains(w));
    let takes_part = (0..words.len())
        .find(|&i| TAKES_PART.contains(&words[i]))
        .filter(|&at| {
            // A name without an article: "Ist IONOS dabei?", not "Ist der Hackaton dabei?".
            let article = words[..at].iter().any(|w| DEFINITE_ARTICLES.contains(w));
            ours || !article
                && words[..at].iter().all(|w| is_small_word(w) || name(w))
                && words[at..]
                    .iter()
                    .all(|w| is_small_word(w) || TAKES_PART.contains(w))
        });
    listed.or(takes_part)
}

/// The body whose partners are asked about, as a question names it.
const OUR_BODY: &[&str] = &["forum", "forums", "network", "netzwerk", "netzwerks"];

/// Whether `word` is a word for the partners or their list ([`LIST_NOUNS`], [`MEMBER_NOUNS`]),
/// or a German compound of one ("Partnerliste", "Gründerkreis").
fn is_list_noun(word: &str) -> bool {
    let listed = |w: &str| LIST_NOUNS.contains(&w) || MEMBER_NOUNS.contains(&w);
    listed(word)
        || crate::index::compound_parts(word).is_some_and(|parts| parts.iter().any(|p| listed(p)))
}

/// Whether `word` is a small word of a question about a list ([`ABOUT_A_LIST`], [`YES_OR_NO`],
/// [`LEAD_IN`], [`LISTED_FILLER`]) or a number ("one of those 14 names").
fn is_small_word(word: &str) -> bool {
    ABOUT_A_LIST.contains(&word)
        || YES_OR_NO.contains(&word)
        || LEAD_IN.contains(&word)
        || LISTED_FILLER.contains(&word)
        || word.chars().all(|c| c.is_ascii_digit())
}

/// Whether `word` misspells a word for the partners or their list ("partnrs"): no name.
fn misspelt_noun(word: &str) -> bool {
    word.chars().count() >= 5
        && LIST_NOUNS
            .iter()
            .chain(MEMBER_NOUNS)
            .any(|n| strsim::osa_distance(n, word) == 1)
}

/// Words for the partners themselves, not for a list of anything ("Gründerkreis" counts by
/// its first part).
const MEMBER_NOUNS: &[&str] = &[
    "members",
    "member",
    "partners",
    "partner",
    "founders",
    "founder",
    "founding",
    "backers",
    "supporters",
    "mitglied",
    "mitglieder",
    "mitgliedern",
    "gründer",
    "gründern",
    "gründungsmitglieder",
    "gründungsmitgliedern",
    "partnern",
    "unterstützer",
    "unterstützern",
];

/// Words for the members of a body ([`names_their_list`]).
const THEIR_MEMBERS: &[&str] = &[
    "members",
    "founders",
    "backers",
    "supporters",
    "mitglieder",
    "gründer",
    "unterstützer",
];

/// Words for a list or its entries that, right after a name, make it the name of whose list
/// is asked for ("CNCF members?", "ALASCA Mitglieder?", "hackathon list?").
const THEIR_LIST: &[&str] = &[
    "members",
    "partners",
    "founders",
    "backers",
    "supporters",
    "companies",
    "firms",
    "list",
    "lists",
    "liste",
    "listen",
    "mitglieder",
    "unterstützer",
];

/// What the partner list shows of each partner, as a question asks for it in a table's
/// columns ("name | website", "Firma | Domain").
const LISTED_ATTRIBUTES: &[&str] = &[
    "name",
    "names",
    "website",
    "websites",
    "homepage",
    "url",
    "urls",
    "link",
    "links",
    "domain",
    "domains",
    "namen",
    "webseite",
    "webseiten",
];

/// The words of trigger phrases, and the parts of a compound among them ("partner", "liste"
/// of "Partnerliste"): what the search reads of them.
pub fn words_of_phrases<'a>(phrases: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut words = Vec::new();
    for phrase in phrases {
        words.extend(phrase.split(' ').map(str::to_string));
        if !phrase.contains(' ') {
            words.extend(crate::index::compound_parts(phrase).unwrap_or_default());
        }
    }
    words
}

/// The words of `hit` (the best hit for `question`) beyond those asking for `command`: the
/// words of its trigger phrases in the question (`triggers`) and, of the partner list, what
/// a partner is called ([`PARTNERISH`]) when the question asks for the partners by it
/// ([`asks_for_partners_by_name`]). Nor the form the answer is asked in ("as a markdown
/// table": [`crate::index::is_form_word`]), whatever page has those words, nor, of the partner
/// list, what it shows of each ([`LISTED_ATTRIBUTES`]). Only these can point the question
/// elsewhere.
pub fn beyond_command<'a>(
    question: &'a Question,
    command: &Command,
    triggers: &'a HashSet<&'a str>,
    hit: &'a SearchHit,
) -> impl Iterator<Item = &'a str> + 'a {
    let by_name = command.kind == CommandKind::Partners && asks_for_partners_by_name(question);
    let listing = command.kind == CommandKind::Partners;
    hit.coverage
        .matched
        .iter()
        .map(String::as_str)
        .filter(move |w| {
            !(triggers.contains(w)
                || (by_name && PARTNERISH.contains(w))
                || crate::index::is_form_word(w)
                || (listing && LISTED_ATTRIBUTES.contains(w)))
        })
}

/// Whether `question` asks for the partners by what they are called ("companies", "Firmen":
/// [`PARTNERISH`]): which they are, who, how many, their list ([`ASKS_FOR_THEM`]), or in a
/// few words ("Firmen im Forum", "member companies list"). Asked of the partner list, such a
/// word asks for the list, whatever other section says it. Not when the question asks about
/// becoming one or what one may or must do ([`MAY_BECOME`]: "can organisations be members?",
/// "wie wird mein Unternehmen Mitglied?"), nor what they do ("what is the role of member
/// companies in the forum?"): the section saying so answers.
fn asks_for_partners_by_name(question: &Question) -> bool {
    !question
        .words()
        .any(|w| BECOMING.contains(&w) || MAY_BECOME.contains(&w))
        && (question.words().any(|w| ASKS_FOR_THEM.contains(&w))
            || question.search_words.len() <= FEW_WORDS)
}

/// Words asking what one may or must do to become a partner, beside [`BECOMING`].
/// Not "can" ("can someone drop the list?"), but "be" ("can organisations be members?").
const MAY_BECOME: &[&str] = &[
    "be",
    "may",
    "must",
    "allowed",
    "eligible",
    "accepted",
    "admitted",
    "participate",
    "requirement",
    "requirements",
    "condition",
    "conditions",
    "wird",
    "werde",
    "wirst",
    "sein",
    "darf",
    "dürfen",
    "muss",
    "müssen",
    "mitmachen",
    "voraussetzung",
    "voraussetzungen",
];

/// Words asking for the partners themselves: which, who, how many, their list.
const ASKS_FOR_THEM: &[&str] = &[
    "which", "who", "welche", "welcher", "welches", "welchen", "wer", "list", "liste", "many",
    "viele", "all", "alle", "name", "names",
];

/// Most search words of a question that asks for the partners in a few words.
const FEW_WORDS: usize = 3;

/// Whether a question word (lower case) is a name the content doesn't know: three or more
/// characters, not a number, no common word, not held by any page, not known to the glossary
/// ("contabo", "proxmox"). What a partner list answers whether it is on it or not.
pub fn is_unknown_name(src: &Sources, word: &str) -> bool {
    word.chars().count() >= 3
        && !word.chars().all(|c| c.is_ascii_digit())
        && !crate::index::is_common_word(word)
        && !src.index.holds_word(word)
        && !crate::index::in_glossary(word)
}

/// Whether `word` (as typed, any case) is one of the words [`MEMBERSHIP`] asks with ("listed",
/// "founders", "Mitgliedern"), a word for the list's entries ([`PARTNERISH`]: "Mitglieder" of
/// "Mitgliederliste"), names whose list it is ([`OURS`]: "forum"; not "OSBA" nor
/// "SCS", which may be the one asked about) or asks yes or no ([`YES_OR_NO`]: "gehört"): no
/// topic of its own.
pub fn is_membership_word(word: &str) -> bool {
    // Matched words may be folded ("gehort" for "gehört").
    let fold = |w: &str| -> String {
        w.to_lowercase()
            .replace('ä', "a")
            .replace('ö', "o")
            .replace('ü', "u")
            .replace('ß', "ss")
    };
    let word = fold(word);
    MEMBERSHIP
        .iter()
        .flat_map(|phrase| phrase.split(' '))
        .chain(
            OURS.iter()
                .copied()
                .filter(|w| !matches!(*w, "osba" | "scs")),
        )
        .chain(YES_OR_NO.iter().copied())
        .chain(LISTED.iter().copied())
        .chain(PARTNERISH.iter().copied())
        .chain(["listed"])
        .any(|w| fold(w) == word)
}

/// Words a question asking yes or no starts with, in English and German, or a clause of it
/// ("is X one of the founders?", "kubermatic – do they show up as a founder?", "Gehört X zu
/// den Mitgliedern?", "any universities among the founders?").
const YES_OR_NO: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "would",
    "could",
    "does",
    "do",
    "did",
    "has",
    "have",
    "isn",
    "aren",
    "any",
    "gehört",
    "gehören",
    "gehörte",
    "zählt",
    "zählen",
    "ist",
    "sind",
    "war",
    "steht",
    "stehen",
    "taucht",
    "tauchen",
    "erscheint",
    "hat",
    "haben",
    "irgendwelche",
];

/// Words said before a question, not part of it ("so is X …", "ok and are they …").
const LEAD_IN: &[&str] = &[
    "so", "and", "ok", "okay", "hey", "also", "btw", "but", "und", "aber",
];

/// Whether `text` asks yes or no: a clause of it (between dashes, colons, commas) starts with
/// a word of [`YES_OR_NO`], or it ends in "or no" / "oder nicht" / "listed" ("gonicus:
/// listed?"). Not "how is the budget split among the members?", "one of the partners told me
/// …".
fn asks_yes_or_no(text: &str) -> bool {
    let normalized = super::question::normalize(text);
    if ["or no", "or not", "oder nicht", "listed"]
        .iter()
        .any(|end| normalized.ends_with(end))
    {
        return true;
    }
    text.split(['–', '—', ':', ',', ';', '?', '(', ')'])
        .chain(text.split(" - "))
        .any(|clause| {
            let normalized = super::question::normalize(clause);
            normalized
                .split(' ')
                .find(|w| !w.is_empty() && !LEAD_IN.contains(w))
                .is_some_and(|w| YES_OR_NO.contains(&w))
        })
}

/// A question that names one partner by a word that names nothing else on its page
/// (`stackxperts`, `syseleven`, not `cloud`) goes to the partner command with that name.
fn to_partner<'c>(src: &Sources<'c>, question: &Question, language: &str) -> Option<Route<'c>> {
    let command = src.catalog.partner_command()?;
    command.section(language)?;
    let words = src
        .catalog
        .partner_words(language, &src.config.default_language);
    let arg = partners::mentioned_one(words, question)?;
    Some(Route {
        command,
        arg: Some(arg),
        by: RoutedBy::Partner,
        below_best: false,
    })
}

/// Whether every word the search would look for in the question stands in one of the trigger
/// `phrases` it matched: then the question asks for the command and nothing else, however well
/// some other page happens to match its one word ("joining forces" for "how do I join?").
/// `also` are words that ask for the command too (a list command's [`LISTING`]).
fn only_trigger_words(question: &Question, phrases: &[&str], also: &[&str]) -> bool {
    let joined: Vec<String> = phrases
        .iter()
        .flat_map(|p| super::question::joined_verbs(p))
        .collect();
    let covered: HashSet<&str> = phrases
        .iter()
        .flat_map(|p| p.split(' '))
        .chain(also.iter().copied())
        .chain(joined.iter().map(String::as_str))
        .collect();
    !question.search_words.is_empty()
        && question.search_words.iter().all(|w| {
            w.split(|c: char| !c.is_alphanumeric())
                .filter(|part| !part.is_empty())
                .all(|part| {
                    covered.contains(part)
                        || crate::index::compound_parts(part)
                            .is_some_and(|parts| parts.iter().all(|p| covered.contains(p.as_str())))
                })
        })
}

/// Words that ask for a list, in a question naming a command that answers with one: "list the
/// members of the forum" and "Liste der Partner" ask for the partners, however well a page that
/// mentions "the list" and "partners" in passing matches.
const LISTING: &[&str] = &[
    "list",
    "lists",
    "listing",
    "show",
    "names",
    "all",
    "full",
    "complete",
    "overview",
    "liste",
    "listen",
    "zeig",
    "zeige",
    "namen",
    "alle",
    "vollständige",
    "komplette",
    "übersicht",
];

/// How much a trigger phrase weighs: the command's section wins when its search score times
/// this is at least the best score. A phrase of several words (`which companies`) says more
/// than one word (`partner`, which "a global partner" uses too).
fn route_boost(phrase: &str) -> f32 {
    if phrase.contains(' ') {
        2.5
    } else {
        1.5
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(question: &str, expect: bool) {
        assert_eq!(
            asks_membership(&Question::new(question)),
            expect,
            "{question}"
        );
    }

    #[test]
    fn membership_is_asked_of_the_partners_not_of_another_list_nor_of_other_things() {
        check("is X one of the founders?", true);
        check("Steht IONOS auf der Mitgliederliste?", true);
        check("is hetzner a member?", true);
        check("is hetzner a member of the forum?", true);
        check("Ist STACKIT ein Mitglied?", true);
        check("Gehört STACKIT zu den Unterstützern?", true);
        check("is there a member portal?", false);
        check("is scs a member of the openinfra foundation?", false);
        check("how do I become a member?", false);
        check("is X one of the partners of the forum?", true);
        check("gonicus: listed?", true);
        check("Gehört X zu den Mitgliedern?", true);
        check("Wer hat das Forum mitgegründet?", false);
        check("so which hackathons are on the list?", false);
        check("how is the budget split among the members?", false);
        check("Wann wurde das Forum mitgegründet?", false);
        check("Warum haben die Firmen das Forum mitgegründet?", false);
        check("does one of the partners offer GPU instances?", false);
        check(
            "one of the partners told me SCS is dead, is that true?",
            false,
        );
        check("is ceph on the list?", false);
        check("is one of the partners hiring?", false);
        check("is the venue listed?", false);
        check("is secunett listed?", true);
        check("is the training material listed here?", false);
        check("Können wir zu den Mitgliedern gehören?", false);
        check("giant swarm: on the founder roster or no?", true);
        check(
            "kubermatic – do they show up as a forum founder here?",
            true,
        );
        check("Hat die Bundesdruckerei das Forum mitgegründet?", true);
        check("is SCS one of the partners of GovStack?", false);
        check("which hackathons are on the list?", false);
        check("which companies are listed as gold sponsors?", false);
        check("which new clouds are on the list of SCS clouds?", false);
        check("how do we become one of the members?", false);
        check("what budget did the 14 founding companies agree on?", false);
        check("is the forum a member of Gaia-X?", false);
        check("Ist Vodafone einer der Partner?", true);
        check("Kann einer der Partner mir beim Aufbau helfen?", false);
    }

    #[test]
    fn how_the_partners_are_written_or_placed_on_their_list_is_asked_of_it() {
        let entries = |q: &str| asks_how_entries_are_listed(&Question::new(q));
        assert!(entries(
            "which founder has a comma inside its name on the list?"
        ));
        assert!(entries(
            "who's 5th on the founders list, counting from the top?"
        ));
        assert!(entries("wich founders are writen in all caps?"));
        assert!(entries(
            "hat irgendne firma auf der liste 'cloud' im namen?"
        ));
        assert!(entries(
            "any founders with an & sign in the name? which ones"
        ));
        assert!(entries("wich founder's name on the list ends with a dot?"));
        // Another list, becoming one, a place of something else, a letter to write.
        assert!(!entries(
            "by the 6th release, how many new entries had the list of scs clouds got?"
        ));
        assert!(!entries(
            "how do we become one of the members, in alphabetical terms?"
        ));
        assert!(!entries(
            "iaas v4 went stable with the 6th release – which companies use it?"
        ));
        assert!(!entries(
            "rewrite the get involved bit as a formal invitation letter to a potential member"
        ));
    }
}
