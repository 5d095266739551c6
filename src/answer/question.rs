//! A question analysed once: the visible text, its normalized words, the words the search looks
//! for, and the numbers in it. Routing, partner matching and the search all read this one
//! value, so no stage tokenizes the question again.

use crate::index;
use std::borrow::Cow;

/// A free question, analysed.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// The question as asked (invisible characters removed, trimmed).
    pub text: String,
    /// Lower-case words of letters and digits, separated by single spaces.
    pub normalized: String,
    /// The words the search looks for: stopwords and question words dropped, in order, not
    /// stemmed (`how do I join?` → `join`).
    pub search_words: Vec<String>,
    /// The numbers written in digits (`release 9`, `R9`, `9th`).
    pub numbers: Vec<u64>,
    /// Words a heading may answer its question words with (`when` → "When", "Date").
    pub hints: Vec<String>,
    /// Whether it asks when the next of something is, a time to come (see `index::asks_next`).
    pub next: bool,
    /// Whether it asks when something will be (see `index::asks_when_will`): only a section
    /// that says when (a date, a span of time, "soon": `index::states_when`) answers it.
    pub will: bool,
    /// What it asks of a time, when that is all it asks (see `index::asks_when`): only a
    /// section that says when answers it.
    pub when: index::AskedWhen,
    /// Of a task, the words that say what to make and how, not what of ("a *short* *poem*",
    /// "*eine Tabelle*": see `index::task_words`); none of a question that is no task.
    pub how: Vec<String>,
    /// What it asks a count of ("how many *people* came …", see `index::counted`): only a
    /// section that states one answers it; none of a question that counts nothing.
    pub counted: index::Counted,
    /// Whether it asks for a share in percent (see `index::asks_percent`): only a section
    /// that states one answers it.
    pub percent: bool,
    /// What kind of superlative it asks for, if any ("which of the founders was the *first*
    /// to join?", see `index::asks_superlative`): only a section that states one answers it.
    pub superlative: index::Superlative,
    /// What class of measured quantity it asks an amount of, if any ("how much *RAM* …",
    /// "what *uptime* …", see `index::asks_measure`): only a section that states one answers
    /// it.
    pub measure: Option<index::Measure>,
    /// What it asks the version of, if any ("which *harbor* version …", see
    /// `index::asks_version`): only a section that states a version beside it answers it.
    pub version: Option<String>,
    /// Of a task, the words of the thing it asks to make, in its own words ("draft *a speaker
    /// bio* for …", "… *as a typescript string array*": see [`Question::made_as`]); those no
    /// page has say how, not what of. None of a question that is no task.
    pub made: Vec<String>,
    /// Whether it names what to make before a colon, without a verb
    /// ([`Question::headed_task`]), read once.
    headed: bool,
    /// The verb of a task ([`Question::task_verb`]), read once: its place in [`TASK_VERBS`]
    /// (a byte, where a `&str` would make every question a word longer).
    verb: Option<u8>,
}

impl Question {
    pub fn new(text: &str) -> Question {
        let text = visible(text.trim()).trim().to_string();
        // "yo, just joined the server – who are the partners?" asks what follows the greeting.
        let asked = without_greeting(&text);
        let normalized = normalize(asked);
        let mut search_words = index::question_words(asked);
        drop_measure_words(&normalized, &mut search_words);
        drop_where_in_the_text(&normalized, &mut search_words);
        join_separable_verb(&normalized, &mut search_words);
        let numbers = normalized
            .split(' ')
            .filter_map(|w| {
                let digits = w.trim_start_matches(|c: char| c.is_alphabetic());
                let digits = digits.trim_end_matches(|c: char| c.is_alphabetic());
                (!digits.is_empty()
                    && digits.len() <= 9
                    && digits.chars().all(|c| c.is_ascii_digit()))
                .then(|| digits.parse().ok())
                .flatten()
            })
            .collect();
        let hints = index::question_hints(&normalized);
        let next = index::asks_next(&normalized);
        let will = index::asks_when_will(&normalized);
        let when = index::asks_when(&normalized);
        let counted = index::counted(&normalized);
        let percent = index::asks_percent(&normalized);
        let superlative = index::asks_superlative(&normalized);
        let measure = index::asks_measure(&normalized);
        let version = index::asks_version(&normalized);
        let mut question = Question {
            text,
            normalized,
            search_words,
            numbers,
            hints,
            next,
            will,
            when,
            how: Vec::new(),
            counted,
            percent,
            superlative,
            measure,
            version,
            made: Vec::new(),
            headed: false,
            verb: None,
        };
        question.verb = question.find_task_verb();
        question.headed = question.headed_task().is_some() || question.made_without_verb();
        if question.is_task() {
            question.how = index::task_words(question.words());
            question.made = question.made_as();
        }
        question
    }

    /// Of a task, the words of what it asks to make, in words of its own ([`is_task`]): named
    /// with an indefinite article or a number right after the verb ("draft *a kanban card*
    /// for …", "mach mir *eine Roadmap-Folie* aus …", "write *3 tweets* on …"), or after "as",
    /// "als", "into" ("give me the founders *as a typescript string array*", "… *als
    /// Jira-Epics*"), up to a word saying of what or for whom ([`MADE_UNTIL`]) or the clause's
    /// end; or before the colon of a task without a verb ([`Question::headed_task`]). What a
    /// task makes is no topic of the pages ("opml", "kanban", "Roadmap-Folie"), as the form
    /// words the lexicon knows are not ([`index::task_words`]).
    fn made_as(&self) -> Vec<String> {
        let mut made = self.headed_task().unwrap_or_default();
        for (n, clause) in self
            .text
            .split([',', '.', ';', ':', '!', '?', '–', '—', '(', ')'])
            .enumerate()
        {
            let clause = normalize(clause);
            let words: Vec<&str> = clause.split(' ').filter(|w| !w.is_empty()).collect();
            let mut take_from = |from: usize| {
                for w in words[from..].iter().take_while(|w| !MADE_UNTIL.contains(w)) {
                    if !MADE_BY.contains(w) {
                        made.push((*w).to_string());
                    }
                }
            };
            // Right after the verb (and "me", "mir"), in the question's first clause.
            if n == 0 {
                if let Some(verb) = words.iter().position(|w| !TASK_LEAD_IN.contains(w)) {
                    let mut at = verb + 1;
                    while words.get(at).is_some_and(|w| FOR_ME.contains(w)) {
                        at += 1;
                    }
                    if words.get(at).is_some_and(|w| MADE_BY.contains(w)) {
                        take_from(at + 1);
                    }
                }
            }
            // Not "as well as", "such as".
            let as_form = |&i: &usize| {
                matches!(words[i], "as" | "als" | "into")
                    && !(i > 0 && matches!(words[i - 1], "well" | "such" | "so"))
            };
            if let Some(at) = (0..words.len()).find(as_form) {
                take_from(at + 1);
            }
        }
        made
    }

    /// The question without the search words `words` (normalized) stand for ("standards"
    /// and "page" of "according to the standards page, who certifies?"); `None` when it
    /// holds none of them or nothing else.
    pub fn without_words(&self, words: &[String]) -> Option<Question> {
        let named = |w: &String| {
            let parts = normalize(w);
            !parts.is_empty() && parts.split(' ').all(|p| words.iter().any(|n| n == p))
        };
        let kept: Vec<String> = self
            .search_words
            .iter()
            .filter(|w| !named(w))
            .cloned()
            .collect();
        (!kept.is_empty() && kept.len() < self.search_words.len()).then(|| Question {
            search_words: kept,
            ..self.clone()
        })
    }

    /// The normalized words.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.normalized.split(' ').filter(|w| !w.is_empty())
    }

    /// Whether the normalized `phrase` stands in the question as whole words.
    pub fn has_phrase(&self, phrase: &str) -> bool {
        contains_phrase(&self.normalized, phrase)
    }

    /// Whether the question is only small talk ("hi", "thanks!", "ok lol", "vielen Dank"):
    /// every word is one of some language's small-talk words.
    pub fn is_smalltalk(&self) -> bool {
        is_smalltalk(&self.normalized)
    }

    /// Whether `raw` (a lower-cased word of the question) was typed as a distinctive word: an
    /// acronym or a name written with capitals inside (`BMWK`, `SysEleven`), or letters and
    /// digits together (`R9`).
    pub fn is_distinctive(&self, raw: &str) -> bool {
        self.text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| t.to_lowercase() == raw)
            .any(|typed| {
                let capitals = typed.chars().skip(1).filter(|c| c.is_uppercase()).count();
                let digits = typed.chars().any(|c| c.is_ascii_digit());
                let letters = typed.chars().any(char::is_alphabetic);
                capitals >= 1 || (digits && letters)
            })
    }

    /// Whether the question points at the content it is asked of ("does the page say …",
    /// "per this page", "auf der Seite", "on the website"): it asks what the pages say, not
    /// about the world ([`POINTS_AT_CONTENT`]).
    pub fn points_at_content(&self) -> bool {
        POINTS_AT_CONTENT.iter().any(|phrase| {
            self.has_phrase(phrase)
                // "the website of Hetzner", "die Webseite von Syself": another site ("die
                // Seite von …" is as often what the page speaks of).
                && !(phrase.ends_with("site")
                    && ["of", "von", "vom", "des"]
                        .iter()
                        .any(|of| self.has_phrase(&format!("{phrase} {of}"))))
        })
    }

    /// Whether only a section that says when can answer it: it asks when the next of
    /// something is, when something will be, or (no task) when something was or is.
    pub fn held_to_a_time(&self) -> bool {
        self.next || self.will || (self.when != index::AskedWhen::No && !self.is_task())
    }

    /// Whether the question is a request for a task: it starts with a verb of [`TASK_VERBS`]
    /// (after "pls", "can you", "bitte" …), or names what to make before a colon, without a
    /// verb ([`Question::headed_task`]: "tweet thread, 3 tweets: when the forum took over …").
    pub fn is_task(&self) -> bool {
        self.headed || self.task_verb().is_some()
    }

    /// The question alone, when a remark that asks nothing follows it ("is syseleven in?
    /// asking because my boss wants to know", "Ist Dataport dabei? Bei mir steht da irgendwas
    /// Komisches"): the text up to its only question mark, when words follow it that hold no
    /// question word, no task's verb and no correction ([`CORRECTIONS`]).
    pub fn remark_after(&self) -> Option<Question> {
        let (asked, remark) = self.text.split_once('?')?;
        let remark = normalize(remark);
        // A remark asks nothing: no question word, no task ("… never mind, how do I reset my
        // router").
        let asks = remark
            .split(' ')
            .any(|w| WH.contains(&w) || TASK_VERBS.contains(&w))
            // A correction says what is asked: "who are the partners? I mean the sponsors".
            || CORRECTIONS.iter().any(|c| contains_phrase(&remark, c));
        (!remark.is_empty() && !asks && !normalize(asked).is_empty())
            .then(|| Question::new(&format!("{asked}?")))
    }

    /// The words of what a task without a verb asks to make, before its colon: a few words,
    /// one of them a kind of text, a form or a measure ([`index::task_words`]: "pinned *msg*
    /// for #general: 3 bullets on …", "*tweet* thread, 3 tweets: …", "Slack-Statuszeile (max
    /// 60 Zeichen): …"); in a request, not a question ("?"), and not "Tweet: is it on X?".
    fn headed_task(&self) -> Option<Vec<String>> {
        if self.text.contains('?') {
            return None;
        }
        let (head, _) = self.text.split_once(':')?;
        let head = normalize(head);
        let words: Vec<&str> = head.split(' ').filter(|w| !w.is_empty()).collect();
        ((1..=HEAD_WORDS).contains(&words.len())
            && !index::task_words(words.iter().copied()).is_empty())
        .then(|| words.iter().map(|w| w.to_string()).collect())
    }

    /// Whether the question asks to make a text: a task ([`Question::is_task`]) naming what
    /// to make, its form or measure ([`Question::how`]: "write a *short* *post* …", "count the
    /// rows of that *table*"), not to explain how something works ("explain in simple words
    /// how vaccines work" asks about the world).
    pub fn makes_a_text(&self) -> bool {
        self.is_task()
            && !self.how.is_empty()
            && !self
                .task_verb()
                .is_some_and(|v| EXPLAINING_VERBS.contains(&v))
    }

    /// Whether a request without a verb names what to make: it starts with it ("a haiku
    /// about when the forum took over", "forum badge tooltip, max 100 chars") or asks for
    /// the pages' words as one ("gaia-x paragraph *as a* subway-ad *slogan*", "Forumsmitglieder
    /// samt Link *als Markdown-Liste*", "the goals *in three bullets*"); not a question ("?").
    fn made_without_verb(&self) -> bool {
        if self.text.contains('?') || self.task_verb().is_some() {
            return false;
        }
        let words: Vec<&str> = self.words().collect();
        let start = words
            .iter()
            .position(|w| !TASK_LEAD_IN.contains(w) && !INDEFINITE.contains(w))
            .unwrap_or(words.len());
        let named = |from: usize| {
            let made = words
                .iter()
                .skip(from)
                .skip_while(|w| INDEFINITE.contains(w))
                .take(MADE_WITHIN);
            !index::task_words(made.copied()).is_empty()
        };
        named(start)
            || (start + 1..words.len()).any(|i| {
                matches!(words[i], "as" | "als" | "into" | "in")
                    && !matches!(words[i - 1], "well" | "such" | "so")
                    && named(i + 1)
            })
    }

    /// The verb a task starts with ("write", "mach"), when the question is one ([`is_task`]):
    /// the first word of the question, or of a clause after a dash, colon, semicolon or full
    /// stop, once it says what it is for ("we list openinfra in our footer – *write* two
    /// sentences on why it matters").
    pub fn task_verb(&self) -> Option<&'static str> {
        self.verb.map(|at| TASK_VERBS[usize::from(at)])
    }

    fn find_task_verb(&self) -> Option<u8> {
        // Of normalized words.
        let verb_of = |words: &str| {
            let first = words
                .split(' ')
                .find(|w| !w.is_empty() && !TASK_LEAD_IN.contains(w))?;
            TASK_VERBS
                .iter()
                .position(|v| *v == first)
                .and_then(|at| u8::try_from(at).ok())
        };
        verb_of(&self.normalized).or_else(|| {
            self.text
                .split(CLAUSE_MARKS)
                .skip(1)
                .find_map(|clause| verb_of(&normalize(clause)))
        })
    }

    /// Whether a task's object is the page itself: its verb, then "the (whole) page" ("fass
    /// die Seite in fünf Stichpunkten zusammen", "translate the whole page", "give me the
    /// page as json"); not the page as a source ("… using only what this page says") nor a
    /// thing of it ("the page's key facts").
    pub fn tasks_the_page_itself(&self) -> bool {
        let words: Vec<&str> = self
            .normalized
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect();
        let Some(verb) = words.iter().position(|w| !TASK_LEAD_IN.contains(w)) else {
            return false;
        };
        if !TASK_VERBS.contains(&words[verb]) {
            return false;
        }
        let mut rest = words[verb + 1..]
            .iter()
            .copied()
            .skip_while(|w| matches!(*w, "me" | "us" | "mir" | "uns" | "bitte" | "please" | "pls"));
        rest.next().is_some_and(|w| DEFINITE.contains(&w))
            && rest.find(|w| !WHOLE.contains(w)).is_some_and(is_page_part)
            && rest.next().is_none_or(|w| AFTER_THE_PAGE.contains(&w))
    }

    /// Whether a task is on "the (whole) page" somewhere after its verb, and nothing says
    /// whose page ("write a haiku about the page", "mach aus der Seite einen Tweet"; not "the
    /// page i sent you", "die Seite meines Tagebuchs"): the page is the task's object or its
    /// source. Which, the caller tells by what else the question names.
    pub fn tasks_on_the_page(&self) -> bool {
        if !self.is_task() {
            return false;
        }
        let words: Vec<&str> = self
            .normalized
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect();
        (1..words.len()).any(|i| {
            is_page_part(words[i])
                && words[..i]
                    .iter()
                    .rev()
                    .find(|w| !WHOLE.contains(w))
                    .is_some_and(|w| DEFINITE.contains(w))
                && words.get(i + 1).is_none_or(|w| AFTER_THE_PAGE.contains(w))
        })
    }

    /// The part of a page a request for a task names, when the question is one: it starts
    /// with a verb of [`TASK_VERBS`] (after "pls", "can you", "bitte" …) and names a part
    /// of a page ([`CONTENT_PARTS`]) with a definite article a few words before it: "turn
    /// the further links into a markdown table", "sum up the gaia-x paragraph in one line for
    /// my slide deck", "Übersetz mir bitte den Absatz unter „Get Involved“". Whether the
    /// words naming it are the pages' is for the caller to know (`compose`): "translate the
    /// intro of harry potter" names no part of these pages.
    pub fn task_part(&self) -> Option<TaskPart<'_>> {
        let words: Vec<&str> = self
            .normalized
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect();
        let start = words.iter().position(|w| !TASK_LEAD_IN.contains(w))?;
        // A task starts with its verb ("turn the further links into …"), or says what it is
        // to be made from ("channel topic for our channel, *based only on* the intro"): the
        // part is named after it.
        // Or it names what to make without a verb ("elevator pitch for this whole page"): the
        // part is named after its first word.
        let (start, verb) = if TASK_VERBS.contains(&words[start]) {
            (start, words[start])
        } else if let Some(at) = based_on(&words) {
            (at, "")
        } else if self.headed {
            (start, "")
        } else {
            return None;
        };
        // "in the style of the get involved paragraph": the part is a model to imitate, not
        // what the task works on.
        if words.windows(3).any(|w| {
            matches!(
                w,
                ["style", "of", _] | ["stil", "des" | "der" | "von" | "vom", _]
            )
        }) {
            return None;
        }
        // "… in my thesis", "of our company wiki", "in meinem Projektplan": the user's own
        // text; "for my slide deck", "in unseren Newsletter" (into) say what the task is for.
        let own_text = (1..words.len()).any(|i| {
            POSSESSIVES.contains(&words[i])
                && match words[i - 1] {
                    "of" | "from" | "aus" | "von" | "vom" => true,
                    "in" => !GERMAN_INTO.contains(&words[i]),
                    // "write the partners section for my startup website": a section of the
                    // asker's own text, not one of these pages made into something; not
                    // what the made thing is for ("turn this page into a faq for our wiki").
                    "for" | "für" => {
                        i >= 2
                            && CONTENT_PARTS.contains(&words[i - 2])
                            && words[i + 1..]
                                .iter()
                                .take(OWN_DOCUMENT_WITHIN)
                                .any(|w| OWN_DOCUMENTS.contains(w))
                    }
                    _ => false,
                }
        });
        if own_text {
            return None;
        }
        // Where each clause of the text ends, in words (none known when the words differ
        // from the text's, as when a greeting was dropped).
        let mut clause_ends = Vec::new();
        let mut count = 0;
        for clause in self
            .text
            .split([',', ';', '?', '!', '–', '—', ':', '(', ')'])
        {
            count += normalize(clause)
                .split(' ')
                .filter(|w| !w.is_empty())
                .count();
            clause_ends.push(count);
        }
        if count != words.len() {
            clause_ends.clear();
        }
        let part = (start + 1..words.len()).find_map(|i| {
            // A German compound of a part ("der *Partnerliste*") is that part, named by the
            // rest of the word.
            let (part, compound_name) = match compound_part(words[i]) {
                Some((name, part)) => (part, Some(name)),
                None if CONTENT_PARTS.contains(&words[i]) => (words[i], None),
                None => return None,
            };
            let from = i.saturating_sub(TASK_PART_WITHIN).max(start + 1);
            let article = (from..i).rev().find(|&a| DEFINITE.contains(&words[a]))?;
            // "aus der Partnerliste *eine* Tabelle": a part after an indefinite article is
            // the thing to make, not one of the page.
            if words[article + 1..i].iter().any(|w| INDEFINITE.contains(w)) {
                return None;
            }
            // The words between the article and the part ("the *gaia-x* paragraph"), and
            // those after a preposition after it ("the paragraph *about openinfra*", "den
            // Absatz *unter get involved*"), articles and a possessive "s" left out; those
            // after "of" or "from" say whose it is. A comma (or other mark) ends them: "den
            // Absatz unter „Get Involved“, wir wollen …".
            let after =
                |from: usize| naming_words(&words, &clause_ends, i, from).take(TASK_NAME_AFTER);
            let mut named_by: Vec<&str> = words[article + 1..i]
                .iter()
                .copied()
                .filter(|w| *w != "s" && !DEFINITE.contains(w) && !WHOLE.contains(w))
                .collect();
            let mut owner = Vec::new();
            match words.get(i + 1) {
                Some(w) if PART_OWNER.contains(w) || (*w == "to" && is_intro_part(words[i])) => {
                    owner.extend(after(i + 2))
                }
                // "die Einleitung *der DSGVO*": an introduction's genitive says whose.
                Some(&"der") if is_intro_part(words[i]) => owner.extend(after(i + 2)),
                // A new text's introduction for something ("draft the intro *for the
                // keynote*", "schreib die Einleitung *für meinen Blogpost*") is that thing's;
                // one rewritten for someone ("rewrite the intro for kids") is still the
                // page's.
                Some(&("for" | "für"))
                    if is_intro_part(words[i]) && CREATING_VERBS.contains(&verb) =>
                {
                    owner.extend(after(i + 2))
                }
                // "… on a slide" says where the result goes.
                Some(w)
                    if PART_OF.contains(w)
                        && !words.get(i + 2).is_some_and(|a| INDEFINITE.contains(a)) =>
                {
                    named_by.extend(after(i + 2))
                }
                _ => {}
            }
            if let Some(from) = (i + 1..words.len()).find(|&f| PART_SOURCE.contains(&words[f])) {
                owner.extend(after(from + 1));
            }
            named_by.extend(compound_name);
            Some(TaskPart {
                part,
                named_by,
                owner,
                verb,
            })
        });
        // No word for a part: the thing the task is on, after the first definite article
        // ("give me *the three forum goals* as jira ticket titles"), in two words or more
        // that are no stopwords, names a section by its heading ([`TaskPart::part`] empty).
        part.or_else(|| {
            let article = (start + 1..words.len()).find(|&a| DEFINITE.contains(&words[a]))?;
            let named_by: Vec<&str> = naming_words(&words, &clause_ends, article, article + 1)
                .filter(|w| !COUNTED.contains(w) && *w != "s")
                .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
                .filter(|w| !crate::index::question_words(w).is_empty())
                .take(TASK_NAME_AFTER)
                .collect();
            // One word ("the forum", "the goals for my new year resolutions") names too much.
            (named_by.len() >= 2).then_some(TaskPart {
                part: "",
                named_by,
                owner: Vec::new(),
                verb,
            })
        })
    }

    /// The language the question is most likely written in, among `languages` (see
    /// [`language_hint`]).
    pub fn language_hint<'a>(&self, languages: &'a [String], default: &'a str) -> &'a str {
        language_hint(&self.normalized, languages, default)
    }
}

/// Where "based on" (or "based only on", "basierend auf") ends in `words`: what follows is
/// what a task is to be made from.
fn based_on(words: &[&str]) -> Option<usize> {
    let at = words
        .iter()
        .position(|w| *w == "based" || *w == "basierend")?;
    let rest = &words[at + 1..];
    let skip = usize::from(rest.first().is_some_and(|w| ONLY.contains(w)));
    matches!(rest.get(skip), Some(&("on" | "upon" | "auf"))).then_some(at + 1 + skip)
}

/// Words between "based" and "on" that narrow it: "based *only* on the intro".
const ONLY: &[&str] = &["only", "solely", "strictly", "purely", "just", "nur"];

/// Words that, after "how"/"wie", make the question word ("how long", "wie viele", "wie hoch"
/// = how much): they say what kind of answer is wanted, as "much" and "many" do (query
/// stopwords), not what it is about.
const MEASURE_WORDS: &[&str] = &[
    "long", "often", "big", "large", "late", "far", "old", "viel", "viele", "vieler", "hoch",
    "lange", "oft", "groß", "gross", "spät", "weit", "alt",
];

/// Words for where in the text, said of what the text does ("is XFSC *written out* in full
/// *anywhere* here?", "*mentioned* *anywhere*", "*irgendwo* *erwähnt*"); else they ask where in
/// the world ("is there anywhere to rent a server in Berlin?").
const WHERE_IN_THE_TEXT: &[&str] = &["anywhere", "somewhere", "irgendwo"];

/// Drops the words of [`WHERE_IN_THE_TEXT`] from the search words of a question that reads the
/// pages (it has a word about the text: `index::is_reading_word`): they say nothing of its
/// topic, and no page has them.
fn drop_where_in_the_text(normalized: &str, search_words: &mut Vec<String>) {
    if !search_words
        .iter()
        .any(|w| WHERE_IN_THE_TEXT.contains(&w.as_str()))
    {
        return;
    }
    let reads_the_pages = normalized
        .split(' ')
        .any(|w| index::is_reading_word(w) || w == "written" || w == "show");
    if reads_the_pages && search_words.len() > 1 {
        search_words.retain(|w| !WHERE_IN_THE_TEXT.contains(&w.as_str()));
    }
}

/// Drops the measure word of each "how long" / "wie viele" (see [`MEASURE_WORDS`]) from the
/// search words, unless it is all they have.
fn drop_measure_words(normalized: &str, search_words: &mut Vec<String>) {
    let words: Vec<&str> = normalized.split(' ').collect();
    for pair in words.windows(2) {
        if ["how", "wie"].contains(&pair[0]) && MEASURE_WORDS.contains(&pair[1]) {
            if search_words.len() <= 1 {
                return;
            }
            if let Some(at) = search_words.iter().position(|w| w == pair[1]) {
                search_words.remove(at);
            }
        }
    }
}

/// The particles German splits off a verb to the end of a clause ("wer *macht* … *mit*",
/// "welche Firmen *setzen* SCS *ein*", "wer *trägt* dazu *bei*").
const SEPARABLE_PARTICLES: &[&str] = &[
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "los", "mit", "nach", "statt", "teil", "vor",
    "weg", "zu", "zurück", "zusammen",
];

/// A German separable verb split over the question ("wer macht mit?", "welche Firmen setzen SCS
/// ein?") is searched as the verb it is (`mitmachen`, `einsetzen`): the particle ends the
/// question, and the search word that joined with it makes a verb the glossary knows (as
/// typed, or as its infinitive: `macht` → `mitmachen`) is replaced by that verb, the
/// particle dropped; a light verb ("findet … statt") is dropped with it. Only glossary verbs:
/// their pages' words are known, where an unknown joined form would read as a word no page has.
fn join_separable_verb(normalized: &str, search_words: &mut Vec<String>) {
    let Some(particle) = normalized.rsplit(' ').next() else {
        return;
    };
    if !SEPARABLE_PARTICLES.contains(&particle) {
        return;
    }
    let joined = search_words.iter().enumerate().find_map(|(i, word)| {
        if word == particle {
            return None;
        }
        verb_forms(particle, word)
            .into_iter()
            .find(|verb| index::in_glossary(verb) || index::is_light_verb(verb))
            .map(|verb| (i, verb))
    });
    if let Some((i, verb)) = joined {
        // A light verb ("findet … statt") says nothing of what is asked: both go.
        if index::is_light_verb(&verb) {
            search_words.remove(i);
        } else {
            search_words[i] = verb;
        }
        search_words.retain(|w| w != particle);
        return;
    }
    // The verb may be one the search drops by itself ("wie *mache* ich beim Forum *mit*?":
    // "mache" is a light verb); joined, it asks for something.
    let words: Vec<&str> = normalized.split(' ').collect();
    let dropped = words[..words.len() - 1]
        .iter()
        .filter(|w| !search_words.iter().any(|s| s == *w))
        .find_map(|word| {
            verb_forms(particle, word)
                .into_iter()
                .find(|verb| index::in_glossary(verb))
        });
    if let Some(verb) = dropped {
        search_words.retain(|w| w != particle);
        search_words.push(verb);
    }
}

/// The verbs `particle` and the conjugated `word` may make, the infinitive first: "mit" +
/// "macht" → `mitmachen`, `mitmacht`.
fn verb_forms(particle: &str, word: &str) -> [String; 2] {
    let stem = word
        .strip_suffix("en")
        .or_else(|| word.strip_suffix("st"))
        .or_else(|| word.strip_suffix('t'))
        .or_else(|| word.strip_suffix('e'))
        .unwrap_or(word);
    [format!("{particle}{stem}en"), format!("{particle}{word}")]
}

/// The verbs a phrase ending in a separable particle stands for ("wer macht mit" →
/// `mitmachen`, …): a question searched as that verb (see `join_separable_verb`) still
/// says only the phrase.
pub fn joined_verbs(phrase: &str) -> Vec<String> {
    let Some((rest, particle)) = phrase.rsplit_once(' ') else {
        return Vec::new();
    };
    if !SEPARABLE_PARTICLES.contains(&particle) {
        return Vec::new();
    }
    rest.split(' ')
        .flat_map(|word| verb_forms(particle, word))
        .collect()
}

/// German words that show a question is German (and not English).
const DE_FUNCTION_WORDS: &[&str] = &[
    "wie",
    "was",
    "wer",
    "wo",
    "welche",
    "welcher",
    "ich",
    "kann",
    "können",
    "man",
    "der",
    "die",
    "das",
    "und",
    "ist",
    "sind",
    "ein",
    "eine",
    "gibt",
    "es",
    "mit",
    "für",
    "mitmachen",
    "beitreten",
    "nicht",
    "wann",
    "warum",
];

/// English words that show a question is English.
const EN_FUNCTION_WORDS: &[&str] = &[
    "how", "what", "who", "where", "which", "i", "can", "the", "and", "is", "are", "a", "an",
    "there", "do", "does", "with", "for", "join", "not", "of", "when", "why",
];

/// The language `normalized` words (see [`normalize`]) are most likely written in, among
/// `languages`: German when they hold more German than English function words (and German is
/// answered in), else `default`. For inputs that carry no locale (chat mentions); reads no
/// analyzer, so the gate can ask it of any line.
pub fn language_hint<'a>(normalized: &str, languages: &'a [String], default: &'a str) -> &'a str {
    let (de, en) = function_words(normalized);
    match languages.iter().find(|l| *l == "de") {
        Some(de_answered) if de > en => de_answered,
        _ => default,
    }
}

/// How many German and English function words `normalized` holds.
fn function_words(normalized: &str) -> (usize, usize) {
    let count = |list: &[&str]| normalized.split(' ').filter(|w| list.contains(w)).count();
    (count(DE_FUNCTION_WORDS), count(EN_FUNCTION_WORDS))
}

/// The language a question is plainly written in when that is another answered language than
/// `language` (the asker's locale): at least two function words of it and none of `language`'s
/// ("when's the lunch break at the summit?" asked with a German locale). `None` otherwise.
pub fn plainly_written_in<'a>(
    normalized: &str,
    languages: &'a [String],
    language: &str,
) -> Option<&'a str> {
    let (de, en) = function_words(normalized);
    let other = match language {
        "en" if de >= 2 && en == 0 => "de",
        "de" if en >= 2 && de == 0 => "en",
        _ => return None,
    };
    languages.iter().find(|l| *l == other).map(String::as_str)
}

/// Characters that show nothing but split words for the index: zero-width spaces and joiners,
/// the word joiner, byte-order marks, soft hyphens and bidirectional marks.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// `text` without invisible characters (borrowed when it has none).
pub fn visible(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_invisible) {
        Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` without a greeting before the question ("hi all, …", "yo, just joined the server –
/// …", "moin zusammen, bin neu hier. …"): the leading clauses of nothing but small-talk words,
/// each ended by punctuation, when something follows them. A greeting alone stays as it is.
/// Whether `normalized` (lower case, words apart) has words and all are small talk in some
/// language ("hi", "danke", "just joined the server").
fn is_smalltalk(normalized: &str) -> bool {
    let mut words = normalized.split(' ').filter(|w| !w.is_empty()).peekable();
    words.peek().is_some()
        && words.all(|w| {
            crate::messages::TABLES
                .iter()
                .any(|(_, table)| table.smalltalk_words.contains(&w))
        })
}

fn without_greeting(text: &str) -> &str {
    let is_smalltalk = |clause: &str| is_smalltalk(&normalize(clause));
    // Most questions have no clause before them, or start with no small-talk word: nothing
    // to look at.
    const ENDS: [char; 7] = [',', '.', '!', ';', ':', '–', '—'];
    let Some(end) = text.find(ENDS) else {
        return text;
    };
    let first = text[..end]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    if !first.is_some_and(&is_smalltalk) {
        return text;
    }
    let mut rest = text;
    while let Some(end) = rest.find(ENDS) {
        let (clause, after) = rest.split_at(end);
        let after = after[after.chars().next().map_or(0, char::len_utf8)..].trim_start();
        if !is_smalltalk(clause) || normalize(after).is_empty() {
            break;
        }
        rest = after;
    }
    rest
}

/// The spans of `text` in quotes: „…“, “…”, "…", ‚…‘, ‘…’ or '…' (a single quote opens only
/// at the start or after a space, so "it's" and "SCS' goals" quote nothing).
pub fn quotes(text: &str) -> impl Iterator<Item = &str> {
    const PAIRS: &[(char, &[char])] = &[
        ('„', &['“', '”', '"']),
        ('“', &['”', '“']),
        ('"', &['"']),
        ('‚', &['‘', '’']),
        ('‘', &['’']),
        ('\'', &['\'']),
    ];
    // Most questions quote nothing: one pass over the bytes rules them out.
    let quoted = text.contains(['„', '“', '"', '‚', '‘', '\'']);
    let mut rest = if quoted { text } else { "" };
    std::iter::from_fn(move || loop {
        let (at, open) = rest.char_indices().find(|&(at, c)| {
            PAIRS.iter().any(|(o, _)| *o == c)
                && (c != '\''
                    || rest[..at]
                        .chars()
                        .next_back()
                        .is_none_or(char::is_whitespace))
        })?;
        let closes = PAIRS.iter().find(|(o, _)| *o == open)?.1;
        let inner = &rest[at + open.len_utf8()..];
        let Some(end) = inner.find(closes) else {
            rest = inner;
            continue;
        };
        let quote = &inner[..end];
        let close_len = inner[end..].chars().next().map_or(0, char::len_utf8);
        rest = &inner[end + close_len..];
        if !quote.trim().is_empty() {
            return Some(quote.trim());
        }
    })
}

/// Phrases that point at the content a question is asked of.
const POINTS_AT_CONTENT: &[&str] = &[
    "this page",
    "the page",
    "that page",
    "page s",
    "this site",
    "the site",
    "the website",
    "this website",
    "auf der seite",
    "diese seite",
    "dieser seite",
    "der seite",
    "die seite",
    "laut seite",
    "der webseite",
    "die webseite",
    "der website",
    "die website",
];

/// The words from `from` that may name a part of a page, found at `anchor`: up to the end of
/// `anchor`'s clause (`clause_ends`, in words; the whole of `words` when none is known) or a
/// word of [`PHRASE_END`], articles left out.
fn naming_words<'a, 'q>(
    words: &'a [&'q str],
    clause_ends: &[usize],
    anchor: usize,
    from: usize,
) -> impl Iterator<Item = &'q str> + 'a {
    let end = clause_ends
        .iter()
        .copied()
        .find(|&e| e > anchor)
        .unwrap_or(words.len());
    words[from.min(end)..end]
        .iter()
        .copied()
        .take_while(|w| !PHRASE_END.contains(w))
        .filter(|w| !DEFINITE.contains(w))
}

/// The part of a page a request for a task names ([`Question::task_part`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskPart<'q> {
    /// The word for the part ("paragraph", "links", "page"); empty when the task names the
    /// thing itself ("the three forum goals"): then a section's heading must hold it.
    pub part: &'q str,
    /// The words naming which ("gaia-x", "further"; "get", "involved" of "den Absatz unter
    /// „Get Involved“"); none for "the page", "the intro".
    pub named_by: Vec<&'q str>,
    /// The words naming whose part it is: of which text ("the intro *of the gdpr*") or from
    /// where ("… *from the handelsblatt* article").
    pub owner: Vec<&'q str>,
    /// The task's verb ("turn", "count"), or "" for a task said by what it is made from.
    pub verb: &'q str,
}

impl TaskPart<'_> {
    /// Whether the task makes a text of the part's text (translates, sums up, rewrites,
    /// turns it into a table), not counts or ranks what it holds ("count the servers in the
    /// partners section" asks what the part may not say).
    pub fn rewrites(&self) -> bool {
        !COUNTING_VERBS.contains(&self.verb)
    }
}

/// Task verbs that ask what a part holds rather than to make a text of it.
const COUNTING_VERBS: &[&str] = &[
    "count", "rank", "extract", "pull", "zähl", "zähle", "nenn", "nenne",
];

/// Whether a part of a page is the page itself, which a definite article alone names ("make a
/// quiz about this page").
pub fn is_page_part(part: &str) -> bool {
    matches!(part, "page" | "seite")
}

/// The German parts of a page a compound may end with ("Partner*liste*", "Schluss*absatz*").
const COMPOUND_PARTS: &[&str] = &["liste", "absatz", "abschnitt", "zitat", "tabelle", "text"];

/// A German compound of a part of a page: the words naming which and the part ("partnerliste"
/// → ("partner", "liste")). Not a part word itself, nor one that has its own entry among
/// [`CONTENT_PARTS`] ("linkliste").
fn compound_part(word: &str) -> Option<(&str, &str)> {
    if CONTENT_PARTS.contains(&word) {
        return None;
    }
    COMPOUND_PARTS.iter().find_map(|part| {
        let name = word.strip_suffix(part)?;
        (name.chars().count() >= 3).then_some((name, &word[name.len()..]))
    })
}

/// Whether a part of a page is its introduction, which a definite article alone names ("based
/// on the intro"): the page's first text.
pub fn is_intro_part(part: &str) -> bool {
    matches!(part, "intro" | "introduction" | "einleitung")
}

/// Whether a task's part is its page's introduction, however named: "the intro", "the intro
/// paragraph", "the first paragraph", "den ersten Absatz", "die Einleitung".
pub fn is_intro(task: &TaskPart) -> bool {
    let first_paragraph = matches!(task.part, "paragraph" | "absatz" | "text")
        && matches!(
            task.named_by.as_slice(),
            ["intro"
                | "introduction"
                | "einleitung"
                | "einleitungs"
                | "first"
                | "opening"
                | "erste"
                | "ersten"]
        );
    (is_intro_part(task.part) && task.named_by.is_empty()) || first_paragraph
}

/// Prepositions after a part of a page that name which ("the paragraph about openinfra", "den
/// Absatz unter …").
const PART_OF: &[&str] = &["about", "on", "under", "unter", "über", "zu", "zum", "zur"];

/// Marks after which a clause may start a task ([`Question::task_verb`]); not a comma
/// ("the partners, make it quick" is no task on them).
const CLAUSE_MARKS: &[char] = &['–', '—', ':', ';', '.', '!'];

/// Task verbs that ask how something is or works rather than for a text
/// ([`Question::makes_a_text`]).
const EXPLAINING_VERBS: &[&str] = &["explain", "erklär", "erkläre"];

/// Task verbs that make a new text ("write", "draft", "entwirf"), not one of a text there
/// ("rewrite", "summarize", "kürze").
const CREATING_VERBS: &[&str] = &[
    "write", "draft", "compose", "create", "prepare", "generate", "schreib", "schreibe", "erstell",
    "erstelle", "entwirf",
];

/// Prepositions after a part of a page that name whose it is ("the intro of the GDPR", "the
/// page of the book"); and "to" after an introduction ("the intro to the Cloud Act"; not
/// "translate the partners section to german").
const PART_OWNER: &[&str] = &["of", "von", "vom", "des"];

/// Prepositions that name where a part is taken from, anywhere after it ("the gaia-x
/// paragraph from the handelsblatt article").
const PART_SOURCE: &[&str] = &["from", "aus"];

/// How many of something a task asks for ("the three goals", "all the links"): no name of it.
const COUNTED: &[&str] = &[
    "all", "every", "each", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "alle", "jeden", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
];

/// What may follow "the page" when it is a task's object: what to make of it ("… into a
/// tweet", "… in fünf Stichpunkten", "… zusammen"); not whose it is ("die Seite *meines*
/// Tagebuchs", "the page *i* sent you", "the page*'s* key facts").
const AFTER_THE_PAGE: &[&str] = &[
    "in",
    "into",
    "as",
    "to",
    "for",
    "pls",
    "please",
    "plz",
    "und",
    "and",
    "als",
    "auf",
    "ins",
    "für",
    "zu",
    "zusammen",
    "bitte",
    "kurz",
    "nochmal",
    "again",
    "briefly",
    "like",
    "so",
    "with",
    "mit",
    "wie",
    "a",
    "an",
    "ein",
    "eine",
    "einen",
    "under",
    "unter",
    "max",
    "maximal",
    "höchstens",
];

/// Words for all of a part ("the *whole* page", "die *ganze* Seite"): they name none.
const WHOLE: &[&str] = &[
    "whole",
    "entire",
    "full",
    "complete",
    "ganze",
    "ganzen",
    "gesamte",
    "gesamten",
    "komplette",
    "kompletten",
];

/// Articles that make what follows a preposition no part of a page ("… on a slide").
const INDEFINITE: &[&str] = &["a", "an", "ein", "eine", "einer"];

/// Texts of one's own a part may be written for ("… for my startup *website*", "… for our
/// project *readme*"): a part of that text, not of these pages.
const OWN_DOCUMENTS: &[&str] = &[
    "website",
    "site",
    "homepage",
    "readme",
    "thesis",
    "proposal",
    "paper",
    "report",
    "wiki",
    "docs",
    "documentation",
    "application",
    "webseite",
    "arbeit",
    "antrag",
    "bericht",
    "doku",
    "bewerbung",
];
/// How many words after "for my" may stand before the text's noun ("for my startup website").
const OWN_DOCUMENT_WITHIN: usize = 3;

/// Possessives after German "in" that say where something goes ("in unseren Newsletter"),
/// not where it is ("in unserem Newsletter").
const GERMAN_INTO: &[&str] = &["meine", "meinen", "unsere", "unseren"];

/// Words saying a text is the asker's own ("my homework", "in meinem Projektplan").
const POSSESSIVES: &[&str] = &[
    "my", "our", "mein", "meine", "meinem", "meinen", "meiner", "meines", "unser", "unsere",
    "unserem", "unseren", "unserer", "unseres",
];

/// Words that end the words naming a part after its preposition ("den Absatz unter „Get
/// Involved“ *ins* Deutsche", "the paragraph about openinfra *in* simple german").
const PHRASE_END: &[&str] = &[
    "in", "ins", "into", "to", "for", "für", "as", "als", "with", "mit", "and", "und", "so",
    "from", "aus", "im", "auf", "onto", "like", "wie", "a", "an", "ein", "eine", "einen", "einer",
    "einem", "bitte", "please", "pls", "plz",
];

/// How many words after such a preposition name the part ("the section on *gaia-x trust
/// framework* …").
const TASK_NAME_AFTER: usize = 4;

/// Words before a task's verb that ask politely ("pls sum up …", "can you turn …", "kannst du
/// mir bitte … übersetzen" starts with "kannst"; "bitte übersetz …").
const TASK_LEAD_IN: &[&str] = &[
    "pls",
    "please",
    "plz",
    "bitte",
    "hey",
    "ok",
    "okay",
    "so",
    "can",
    "could",
    "would",
    "you",
    "kannst",
    "könntest",
    "du",
    "mir",
    "mal",
    "quick",
    "quickly",
    "just",
    "also",
];

/// Question words, English and German: a remark after a question that holds one asks
/// something too ([`Question::remark_after`]); a question holding one asks more than whether
/// someone is listed (`route`).
pub(super) const WH: &[&str] = &[
    "who", "what", "which", "when", "where", "why", "how", "wer", "was", "welche", "welcher",
    "welches", "welchen", "wann", "wo", "warum", "wie", "wieso", "weshalb",
];

/// What a remark that corrects the question says ("… ? *I mean* the summit sponsors", "…?
/// *ich meine* die Sponsoren").
const CORRECTIONS: &[&str] = &[
    "i mean",
    "i meant",
    "meaning",
    "rather",
    "instead",
    "ich meine",
    "ich meinte",
    "eher",
    "sondern",
    "stattdessen",
];

/// How many words a task without a verb names what to make in, at most ("pinned msg for
/// #general", "tweet thread, 3 tweets").
const HEAD_WORDS: usize = 6;

/// How many words from where a request without a verb may name what to make
/// ([`Question::made_without_verb`]): "as a *slogan*", "a subway-ad *slogan*", "in three *bullets*".
const MADE_WITHIN: usize = 3;

/// Words a task's thing to make starts with ([`Question::made_as`]): an indefinite article
/// or a number ("*a* slide", "*eine* Folie", "*3* tweets", "*zwei* Sätze").
const MADE_BY: &[&str] = &[
    "a", "an", "ein", "eine", "einen", "einem", "einer", "some", "two", "three", "four", "five",
    "zwei", "drei", "vier", "fünf", "1", "2", "3", "4", "5",
];

/// Words after the verb of a task that name whom it is for ("write *me* a …", "mach *mir*
/// eine …").
const FOR_ME: &[&str] = &["me", "us", "mir", "uns"];

/// Words that end the thing a task makes ([`Question::made_as`]): what it is made of, about or
/// for ("a slide *about* the goals", "eine Folie *aus* den drei Zielen", "an outline *so* I
/// can …").
const MADE_UNTIL: &[&str] = &[
    "about", "on", "of", "for", "from", "with", "that", "which", "so", "to", "and", "or", "in",
    "using", "based", "over", "the", "this", "these", "über", "zu", "zum", "zur", "aus", "mit",
    "für", "von", "vom", "damit", "und", "oder", "die", "der", "das", "den", "dem", "im", "where",
    "what", "who", "wo", "was", "wer", "wie", "welche",
];

/// Verbs that start a request to do something with what a page says, in English and German
/// (the imperative, as chat writes it: "schreib", "übersetz").
const TASK_VERBS: &[&str] = &[
    "write",
    "turn",
    "make",
    "sum",
    "summarize",
    "summarise",
    "translate",
    "rewrite",
    "draft",
    "give",
    "put",
    "create",
    "suggest",
    "rank",
    "count",
    "dump",
    "convert",
    "format",
    "paraphrase",
    "compose",
    "prepare",
    "generate",
    "extract",
    "pull",
    "copy",
    "paste",
    "condense",
    "shorten",
    "simplify",
    "reword",
    "say",
    "sag",
    "schreib",
    "schreibe",
    "mach",
    "mache",
    "fass",
    "fasse",
    "übersetz",
    "übersetze",
    "gib",
    "erstell",
    "erstelle",
    "formulier",
    "formuliere",
    "zähl",
    "zähle",
    "nenn",
    "nenne",
    "pack",
    "bau",
    "entwirf",
    "kopier",
    "kürz",
    "kürze",
    "vereinfach",
    "vereinfache",
    "redo",
    "rephrase",
    "reformulate",
    "adapt",
    "tweak",
    "polish",
    "explain",
    "erklär",
    "erkläre",
    "verwandle",
    "verwandel",
    "sort",
    "sortier",
    "sortiere",
    "alphabetize",
    "export",
    "build",
    "pick",
    "boil",
];

/// Names of a part of a page a task may be on ("the openinfra paragraph", "den Absatz", "the
/// further links", "the page's headings").
const CONTENT_PARTS: &[&str] = &[
    "paragraph",
    "paragraphs",
    "section",
    "sections",
    "quote",
    "links",
    "list",
    "liste",
    "headings",
    "heading",
    "intro",
    "introduction",
    "page",
    "bit",
    "part",
    "absatz",
    "absätze",
    "abschnitt",
    "abschnitte",
    "zitat",
    "seite",
    "überschrift",
    "überschriften",
    "einleitung",
    "teil",
    "blurb",
    "passage",
    "statement",
    "box",
    "kasten",
    "table",
    "tabelle",
    "linkliste",
];

/// Articles and determiners that make a part of a page the one the question means.
const DEFINITE: &[&str] = &[
    "the", "this", "that", "its", "den", "die", "das", "dem", "der", "des", "diesen", "diese",
    "dieser", "diesem",
];

/// How many words before a part of a page its article may stand ("the gaia-x paragraph",
/// "the page s section headings").
const TASK_PART_WITHIN: usize = 4;

/// Lowercase words of letters and digits, separated by single spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// Whether the normalized `phrase` stands in the normalized `words` as whole words.
pub fn contains_phrase(words: &str, phrase: &str) -> bool {
    // Tried at each word's start: cheaper than a substring search on a question's few words
    // (this runs for every trigger phrase of every command).
    let mut starts = std::iter::once(0).chain(
        words
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b' ')
            .map(|(at, _)| at + 1),
    );
    !phrase.is_empty()
        && starts.any(|at| {
            let end = at + phrase.len();
            words.as_bytes()[at..].starts_with(phrase.as_bytes())
                && (end == words.len() || words.as_bytes()[end] == b' ')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, normalized: &str, search: &[&str], numbers: &[u64]) {
        let q = Question::new(input);
        assert_eq!(q.normalized, normalized, "{input:?}");
        assert_eq!(q.search_words, search, "{input:?}");
        assert_eq!(q.numbers, numbers, "{input:?}");
    }

    fn check_task(input: &str, expect: Option<(&str, &[&str], &[&str])>) {
        let q = Question::new(input);
        let task = q.task_part();
        let got = task
            .as_ref()
            .map(|t| (t.part, t.named_by.as_slice(), t.owner.as_slice()));
        assert_eq!(got, expect, "{input:?}");
    }

    fn check_made(input: &str, verb: Option<&str>, makes_a_text: bool) {
        let q = Question::new(input);
        assert_eq!(q.task_verb(), verb, "{input:?}");
        assert_eq!(q.makes_a_text(), makes_a_text, "{input:?}");
    }

    #[test]
    fn a_task_may_start_a_later_clause_and_asks_to_make_a_text_when_it_names_one() {
        check_made(
            "write a short post about the forum goals",
            Some("write"),
            true,
        );
        // What it is for first, then the task, after a dash or a colon.
        check_made(
            "we list openinfra in our website footer – write two sentences on why it matters",
            Some("write"),
            true,
        );
        check_made(
            "Wir sind neu im Forum: schreib uns eine kurze Mail an alle Kollegen",
            Some("schreib"),
            true,
        );
        check_made(
            "export the further links as an opml outline",
            Some("export"),
            false,
        );
        // Not after a comma: "the partners, make it quick" is no task on them.
        check_made("who are the partners, make it quick", None, false);
        // Explaining how something works asks about the world, in however few words.
        check_made(
            "explain in simple words how vaccines train the immune system",
            Some("explain"),
            false,
        );
        check_made("what are the goals of the forum?", None, false);
    }

    #[test]
    fn a_request_without_a_verb_that_names_what_to_make_is_a_task() {
        for text in [
            "a haiku about when the forum took over and where it lives",
            "gaia-x paragraph as a subway-ad slogan plus one supporting line",
            "Forumsmitglieder samt Link als Markdown-Liste",
            "the goals in three bullets",
        ] {
            assert!(Question::new(text).is_task(), "{text:?}");
        }
        for text in [
            "what is known as a sovereign cloud?",
            "the partners as well as the goals",
            "scs summit in berlin",
            "forum goals",
        ] {
            assert!(!Question::new(text).is_task(), "{text:?}");
        }
    }

    #[test]
    fn a_request_for_a_task_names_the_part_of_the_page_it_is_on() {
        check_task(
            "sum up the gaia-x paragraph in one line for my slide deck",
            Some(("paragraph", &["gaia", "x"], &[])),
        );
        check_task(
            "pls turn the further links into a markdown table",
            Some(("links", &["further"], &[])),
        );
        check_task(
            "Übersetz mir bitte den Absatz unter „Get Involved“ ins Deutsche",
            Some(("absatz", &["get", "involved"], &[])),
        );
        check_task(
            "make a 3-question quiz about this page",
            Some(("page", &[], &[])),
        );
        // Without a verb, after what it names to make.
        check_task(
            "elevator pitch for this whole page, under 60 words",
            Some(("page", &[], &[])),
        );
        check_task(
            "paste the partner list as a markdown table",
            Some(("list", &["partner"], &[])),
        );
        check_task(
            "translate the intro of harry potter into german",
            Some(("intro", &[], &["harry", "potter"])),
        );
        check_task(
            "sum up the gaia-x paragraph from the handelsblatt article",
            Some(("paragraph", &["gaia", "x"], &["handelsblatt", "article"])),
        );
        // A word asking politely ends the words naming whose part it is.
        check_task(
            "Gib das Zitat von Ganten bitte als indirekte Rede wieder",
            Some(("zitat", &[], &["ganten"])),
        );
        // The asker's own text, unless it is what the task is for.
        check_task("summarize the gaia-x paragraph in my thesis", None);
        check_task("fass den gaia-x absatz in meiner hausarbeit zusammen", None);
        check_task(
            "übersetz den absatz unter get involved, wir wollen ihn in unseren newsletter packen",
            Some(("absatz", &["get", "involved"], &[])),
        );
        check_task(
            "put the openinfra paragraph on a slide for our team",
            Some(("paragraph", &["openinfra"], &[])),
        );
        // No word for a part: the thing itself, in two words or more, for a heading to name.
        check_task(
            "give me the three forum goals as jira ticket titles",
            Some(("", &["forum", "goals"], &[])),
        );
        check_task("give me the goals for my new year resolutions", None);
        // No task, or no part of a page.
        check_task("write me a poem about cats", None);
        check_task("make a list of good restaurants in berlin", None);
        check_task("what does the gaia-x paragraph say?", None);
    }

    #[test]
    fn a_greeting_before_the_question_is_not_part_of_it() {
        for (text, asked) in [
            ("hi all, how do I join?", "how do I join?"),
            (
                "yo, just joined the server – who are the partners?",
                "who are the partners?",
            ),
            (
                "moin zusammen! bin neu hier. wie kann ich mitmachen?",
                "wie kann ich mitmachen?",
            ),
            ("hi, thanks!", "thanks!"),
            ("hi", "hi"),
            (
                "the server is down, who do I ask?",
                "the server is down, who do I ask?",
            ),
        ] {
            assert_eq!(without_greeting(text), asked, "{text}");
        }
    }

    #[test]
    fn quotes_are_found_in_every_style_and_apostrophes_are_none() {
        let check = |text: &str, expect: &[&str]| {
            assert_eq!(quotes(text).collect::<Vec<_>>(), expect, "{text}");
        };
        check(
            "die Punkte unter „Warum sollten Sie dabei sein?“ bitte",
            &["Warum sollten Sie dabei sein?"],
        );
        check(
            "what does 'Get Involved' say? and \"Further Links\"",
            &["Get Involved", "Further Links"],
        );
        check("it's SCS' goals, isn't it?", &[]);
        check("an “open” and ‚closed‘ quote", &["open", "closed"]);
        check("unclosed „quote", &[]);
    }

    #[test]
    fn a_phrase_is_contained_only_as_whole_words() {
        assert!(contains_phrase("how do i join", "join"));
        assert!(contains_phrase("how do i join", "how do"));
        assert!(contains_phrase("join us", "join"));
        assert!(!contains_phrase("how do i rejoin", "join"));
        assert!(!contains_phrase("joining forces", "join"));
        assert!(!contains_phrase("how do i join", ""));
        assert!(!contains_phrase("", "join"));
        // A match that starts inside a word doesn't hide the whole-word one after it.
        assert!(contains_phrase("yx x x", "x x"));
        assert!(contains_phrase(
            "which companies are partners",
            "which companies"
        ));
    }

    #[test]
    fn a_question_is_split_into_words_search_words_and_numbers() {
        check("How do I join?", "how do i join", &["join"], &[]);
        check(
            "When was Release 9 published?",
            "when was release 9 published",
            &["release", "9", "published"],
            &[9],
        );
        check(
            "R9 and the 10th",
            "r9 and the 10th",
            &["release", "9", "10"],
            &[9, 10],
        );
    }

    #[test]
    fn light_verbs_are_not_searched_unless_they_are_all_the_question_has() {
        check(
            "what happened on jan 1 2025",
            "what happened on jan 1 2025",
            &["jan", "1", "2025"],
            &[1, 2025],
        );
        check(
            "Wann kam Release 6 raus?",
            "wann kam release 6 raus",
            &["release", "6"],
            &[6],
        );
        check("was passiert", "was passiert", &["passiert"], &[]);
    }

    #[test]
    fn a_german_verb_split_to_the_end_of_the_question_is_searched_whole() {
        check("wer macht mit?", "wer macht mit", &["mitmachen"], &[]);
        // A verb the search drops by itself ("mache") still makes one with its particle.
        check(
            "wie mache ich beim Forum mit?",
            "wie mache ich beim forum mit",
            &["forum", "mitmachen"],
            &[],
        );
        check(
            "Welche Firmen setzen SCS ein?",
            "welche firmen setzen scs ein",
            &["firmen", "einsetzen", "scs"],
            &[],
        );
        // A light verb goes, with its particle.
        check(
            "Wo findet der Summit statt?",
            "wo findet der summit statt",
            &["summit"],
            &[],
        );
        // Not a verb the glossary knows: left as it is.
        check(
            "wo steht das haus zusammen",
            "wo steht das haus zusammen",
            &["steht", "haus", "zusammen"],
            &[],
        );
    }

    #[test]
    fn what_a_task_makes_is_read_in_its_own_words() {
        let how = |text: &str| Question::new(text).made;
        let check = |text: &str, made: &[&str]| {
            let how = how(text);
            for word in made {
                assert!(how.iter().any(|w| w == word), "{text}: {how:?}");
            }
        };
        check(
            "draft a 3-sentence speaker bio for kurt garloff",
            &["speaker", "bio"],
        );
        check(
            "Schreib mir eine kurze Teams-Nachricht an die Kollegen",
            &["teams", "nachricht"],
        );
        check(
            "give me the founders as a typescript string array",
            &["typescript", "string", "array"],
        );
        // Not what it is made of or about ("as well as" is no form), nor the words of a
        // question that is no task.
        let made = how("write a kanban card about the forum goals");
        assert!(
            !made.iter().any(|w| w == "forum" || w == "goals"),
            "{made:?}"
        );
        assert!(how("what is a kanban card?").is_empty());
        // A task without a verb names what to make before its colon.
        check(
            "kanban card for our backlog: title + 2-line description for 'apply'",
            &["kanban", "card", "backlog"],
        );
        assert!(Question::new("tweet thread, 3 tweets: when the forum took over").is_task());
        assert!(!Question::new("Tweet: is the forum on mastodon?").is_task());
        assert!(!Question::new("Note: the forum is new").is_task());
        let made = how("write a summary of the goals as well as the partners");
        assert!(!made.iter().any(|w| w == "partners"), "{made:?}");
    }

    #[test]
    fn the_measure_word_of_how_long_or_wie_viele_is_not_searched() {
        check(
            "Wie viele Leute arbeiten mit?",
            "wie viele leute arbeiten mit",
            &["leute", "arbeiten"],
            &[],
        );
        check(
            "how long are logs kept?",
            "how long are logs kept",
            &["logs", "kept"],
            &[],
        );
        check("wie hoch", "wie hoch", &["hoch"], &[]);
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        check("jo\u{00ad}in", "join", &["join"], &[]);
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let q = Question::new("how do I join the forum?");
        assert!(q.has_phrase("how do i join"));
        assert!(!q.has_phrase("joi"));
        assert!(!q.has_phrase(""));
    }

    #[test]
    fn german_function_words_hint_at_german() {
        let languages = vec!["en".to_string(), "de".to_string()];
        assert_eq!(
            Question::new("wie kann ich mitmachen?").language_hint(&languages, "en"),
            "de"
        );
        assert_eq!(
            Question::new("how do I join?").language_hint(&languages, "en"),
            "en"
        );
    }

    #[test]
    fn a_question_is_plainly_in_another_language_only_without_a_word_of_the_locales() {
        let languages = vec!["en".to_string(), "de".to_string()];
        let check = |text: &str, locale: &str| {
            plainly_written_in(&normalize(text), &languages, locale).map(str::to_string)
        };
        assert_eq!(
            check("when is the lunch break at the summit?", "de"),
            Some("en".into())
        );
        assert_eq!(check("wann ist die Mittagspause?", "en"), Some("de".into()));
        assert_eq!(check("wann ist die Mittagspause?", "de"), None);
        // A function word of the locale's language among the others, or a single one, is no
        // sign.
        assert_eq!(check("what is die Mittagspause beim summit", "de"), None);
        assert_eq!(check("Was heißt SCS-4?", "en"), None);
    }
}
