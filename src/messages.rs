//! Every sentence the bot says, in every language it speaks: one table per language.
//!
//! The answer layer, the core's front door, the console and the Discord renderer take their
//! wording from here and nowhere else. Adding a language is adding one [`Messages`] table and
//! one line in [`TABLES`]; a language without a table speaks English.
//!
//! Templates hold named placeholders (`{name}`), filled by [`fill`]. A placeholder a caller
//! does not fill stays visible, so a missing value shows up in a snapshot instead of vanishing.
//! Command names in templates are placeholders too (`{help}`), because the name a user types
//! depends on the language (`/hilfe`).

/// The wording of one language.
#[derive(Debug)]
pub struct Messages {
    /// The names users of this language type, for commands whose name differs from the
    /// registered (English) one: `(registered, localized)`.
    pub command_names: &'static [(&'static str, &'static str)],
    /// Likewise for the options of commands.
    pub option_names: &'static [(&'static str, &'static str)],

    // --- refusals and gates (the front door) ---
    /// Title of every refusal.
    pub refused_title: &'static str,
    /// Empty input.
    pub empty: &'static str,
    /// `/ask` without a question.
    pub ask_empty: &'static str,
    pub too_long_title: &'static str,
    /// `{chars}`, `{max}`.
    pub too_long: &'static str,
    pub unknown_title: &'static str,
    /// `{command}`, `{help}`.
    pub unknown: &'static str,

    // --- answers ---
    pub not_found_title: &'static str,
    /// `{contact}`, `{help}`.
    pub not_found: &'static str,
    /// A command whose section the content lacks: `{section}`.
    pub no_section: &'static str,
    /// `{name}`.
    pub no_partner_match: &'static str,
    /// The title of the partner list asked whether one no page names is on it: `{name}`.
    pub not_a_partner: &'static str,
    /// What people say that is no question (normalized words): greetings, thanks, "ok".
    pub smalltalk_words: &'static [&'static str],
    /// Small talk ("hi", "thanks"): `{help}`.
    pub smalltalk_title: &'static str,
    pub smalltalk: &'static str,

    // --- help ---
    pub help_title: &'static str,
    /// How to ask in a chat: `{ask}`.
    pub help_chat: &'static str,
    /// How to ask in the console.
    pub help_console: &'static str,
    /// Descriptions of the commands that are not configured (Discord shows them too).
    pub describe_ask: &'static str,
    pub describe_help: &'static str,
    pub describe_reload: &'static str,
    pub describe_report: &'static str,
    /// Descriptions of the commands' options.
    pub option_partner: &'static str,
    pub option_question: &'static str,
    pub option_private: &'static str,
    /// Console-only lines of `/help`.
    pub help_console_lang: &'static str,
    pub help_console_reload: &'static str,
    pub help_console_quit: &'static str,

    // --- rendering ---
    pub contact: &'static str,
    pub source: &'static str,
    pub sources: &'static str,
    /// `{n}`.
    pub more: &'static str,
    pub previous: &'static str,
    pub next: &'static str,

    // --- Discord's own situations ---
    pub reloaded_title: &'static str,
    pub reloaded_same: &'static str,
    pub reloaded_changed: &'static str,
    pub pages_added: &'static str,
    pub pages_removed: &'static str,
    pub pages_changed: &'static str,
    pub partners_added: &'static str,
    pub partners_removed: &'static str,
    pub content_problems: &'static str,
    pub reload_failed_title: &'static str,
    /// `{reload}`.
    pub reload_failed: &'static str,
    /// `{commit}`, `{previous}`: a reload that pulled a new commit of the `[git]` repository.
    pub pulled: &'static str,
    /// `{commit}`: the first clone.
    pub pulled_first: &'static str,
    /// `{commit}`: nothing new upstream.
    pub pulled_same: &'static str,
    pub pull_failed_title: &'static str,
    /// `{serving}`, `{reload}`: after the reason (which names the `[git]` key).
    pub pull_failed: &'static str,
    pub moderators_title: &'static str,
    /// `{reload}`.
    pub moderators: &'static str,
    pub not_yours_title: &'static str,
    /// `{command}`.
    pub not_yours: &'static str,
    pub cooldown_title: &'static str,
    /// `{secs}`.
    pub cooldown: &'static str,
    pub stale_title: &'static str,
    pub stale: &'static str,
    pub failure_title: &'static str,
    pub failure: &'static str,
    /// The feedback buttons under an answer.
    pub feedback_up: &'static str,
    pub feedback_down: &'static str,
    pub feedback_thanks_title: &'static str,
    /// `{vote}` (the button's label).
    pub feedback_thanks: &'static str,
    /// `/report`: the coverage-gap report for moderators.
    pub report_title: &'static str,
    /// `{days}`.
    pub report_about: &'static str,
    pub report_top: &'static str,
    pub report_not_found: &'static str,
    pub report_voted_down: &'static str,
    pub report_empty: &'static str,
    pub report_failed_title: &'static str,
    /// `{error}`.
    pub report_failed: &'static str,

    // --- the console ---
    /// `{pages}`.
    pub console_welcome: &'static str,
    /// `{language}`.
    pub console_language: &'static str,
    /// `{language}`, `{supported}`.
    pub console_language_unknown: &'static str,
    /// `{language}`, `{fallback}`.
    pub console_language_fallback: &'static str,
    pub console_unreadable_line: &'static str,
    /// `{summary}`.
    pub console_reloaded: &'static str,
    pub console_nothing_changed: &'static str,
    /// `{error}`.
    pub console_reload_failed: &'static str,
    /// `{serving}`, `{error}`.
    pub console_pull_failed: &'static str,
}

/// English, the fallback for every language without a table.
pub const EN: Messages = Messages {
    command_names: &[],
    option_names: &[],
    refused_title: "Can't answer that",
    empty: "Ask a question, or see `{help}` for the commands.",
    ask_empty: "Ask me something, e.g. `{ask} how do I join?`",
    too_long_title: "That question is too long",
    too_long: "That question is too long: it has {chars} characters, I take at most {max}. Please ask it in fewer words.",
    unknown_title: "Unknown command",
    unknown: "I don't know `/{command}` (any more). `{help}` shows what I can do.",

    not_found_title: "Nothing found",
    not_found: "I found nothing about that in the SCS pages. Try other words, see `{help}` for the commands, or ask the forum at {contact}",
    no_section: "The content has no section \"{section}\". A moderator can fix `config.toml` or the pages.",
    no_partner_match: "No partner matches \"{name}\". These are all the partners:",
    not_a_partner: "\"{name}\" is not among the partners",
    smalltalk_words: &[
        "hi", "hello", "hey", "hiya", "yo", "thanks", "thank", "you", "thx", "ty", "ok", "okay",
        "k", "lol", "cool", "great", "nice", "bye", "goodbye", "cheers", "good", "morning",
        "evening", "afternoon", "night", "awesome", "perfect", "got", "it", "much", "very", "so",
        "there", "all", "folks", "haha", "sure", "yes", "no", "np", "welcome", "a", "lot", "lots",
        "bot", "lmao", "rofl", "wow", "alright", "appreciate", "appreciated",
        // A newcomer saying hello: "yo, just joined the server 👋", "hi everyone, I'm new here"
        "just", "joined", "the", "server", "discord", "channel", "new", "here", "everyone",
        "everybody", "guys", "yall", "i", "m", "am", "glad", "happy", "to", "be", "meet",
    ],
    smalltalk_title: "Hello!",
    smalltalk: "I answer questions about the Sovereign Cloud Stack network. Ask me one, or see `{help}` for what I can do.",

    help_title: "How to ask scs-bot",
    help_chat: "Ask me about the Sovereign Cloud Stack network: use `{ask}`, mention me with a question (\"@scs-bot how do I join?\"), or use one of these commands:",
    help_console: "Ask me about the Sovereign Cloud Stack network: type a question (\"how do I join?\") or one of these commands:",
    describe_ask: "Ask a question about the SCS network",
    describe_help: "What scs-bot can answer, and how to ask",
    describe_reload: "Moderators: re-read the content and rebuild the index",
    describe_report: "Moderators: what people ask, and what the content doesn't answer",
    option_partner: "The partner (type to search)",
    option_question: "Your question, e.g. how do I join?",
    option_private: "Show the answer only to you",
    help_console_lang: "the language of the answers",
    help_console_reload: "re-read the content and say what changed",
    help_console_quit: "leave (Ctrl-D does too)",

    contact: "Contact",
    source: "Source",
    sources: "Sources",
    more: "…and {n} more",
    previous: "◀ Previous",
    next: "Next ▶",

    reloaded_title: "Content reloaded",
    reloaded_same: "Nothing changed in the pages or the partners; the index was rebuilt.",
    reloaded_changed: "The bot now answers from the new content.",
    pages_added: "Pages added",
    pages_removed: "Pages removed",
    pages_changed: "Pages changed",
    partners_added: "Partners added",
    partners_removed: "Partners removed",
    content_problems: "Content problems",
    reload_failed_title: "Reload failed",
    reload_failed: "The bot keeps answering from the previous content. Fix the problem (`scs-bot check` lists content problems) and run `{reload}` again.",
    pulled: "Website repository: now at commit {commit} (was {previous}).",
    pulled_first: "Website repository: cloned at commit {commit}.",
    pulled_same: "Website repository: still at commit {commit}, nothing new upstream.",
    pull_failed_title: "Couldn't update from the website repository",
    pull_failed: "The bot keeps answering from the last good copy (commit {serving}). Fix the `[git]` setting named above, or wait for the network, and run `{reload}` again.",
    moderators_title: "Moderators only",
    moderators: "`{reload}` needs the Manage Server permission, in a server. Ask a moderator to run it.",
    not_yours_title: "Not your list",
    not_yours: "Only the person who asked can turn these pages. Run `/{command}` yourself to page through the list.",
    cooldown_title: "One moment, please",
    cooldown: "You've asked several questions in a row. You can ask again in {secs} s.",
    stale_title: "These buttons have expired",
    stale: "Run the command again to get a fresh list.",
    failure_title: "Something went wrong",
    failure: "That failed on my side. Please try again in a moment; if it keeps failing, tell a moderator (the bot's log says why).",
    feedback_up: "Helpful",
    feedback_down: "Not what I asked",
    feedback_thanks_title: "Thanks for your feedback",
    feedback_thanks: "Recorded: {vote}. Press the other button to change your vote.",
    report_title: "What people ask",
    report_about: "Questions of the last {days} days, by language, most frequent first: what the content should answer next.",
    report_top: "Asked most",
    report_not_found: "Answered \"not found\"",
    report_voted_down: "Voted \"Not what I asked\"",
    report_empty: "Nothing recorded yet.",
    report_failed_title: "No report",
    report_failed: "The feedback database can't be read: {error}",

    console_welcome: "scs-bot console: {pages} pages loaded. Type /help, a command or a question; :lang de|en switches the language, :reload re-reads the content, Ctrl-D leaves.",
    console_language: "language: {language}",
    console_language_unknown: "I don't answer in \"{language}\". Supported: {supported}.",
    console_language_fallback: "The content has no pages in {language}: answers come from the {fallback} pages.",
    console_unreadable_line: "I couldn't read that line (it is not valid UTF-8). Please type it again.",
    console_reloaded: "reloaded: {summary}",
    console_nothing_changed: "nothing changed",
    console_reload_failed: "reload failed, still answering from the last good content: {error}",
    console_pull_failed: "couldn't update from the website repository, still answering from commit {serving}: {error}",
};

/// German.
pub const DE: Messages = Messages {
    command_names: &[
        ("partners", "partner"),
        ("join", "mitmachen"),
        ("links", "links"),
        ("about", "über"),
        ("goals", "ziele"),
        ("ask", "frage"),
        ("help", "hilfe"),
        ("reload", "neu-laden"),
        ("report", "bericht"),
    ],
    option_names: &[("question", "frage"), ("private", "privat")],
    refused_title: "Das kann ich nicht beantworten",
    empty: "Stell eine Frage, oder schau in `{help}` nach den Befehlen.",
    ask_empty: "Frag mich etwas, z. B. `{ask} wie kann ich mitmachen?`",
    too_long_title: "Die Frage ist zu lang",
    too_long: "Die Frage ist zu lang: sie hat {chars} Zeichen, ich nehme höchstens {max}. Bitte frag mit weniger Worten.",
    unknown_title: "Unbekannter Befehl",
    unknown: "`/{command}` kenne ich nicht (mehr). `{help}` zeigt, was ich kann.",

    not_found_title: "Nichts gefunden",
    not_found: "Dazu habe ich in den SCS-Seiten nichts gefunden. Versuch es mit anderen Worten, schau in `{help}`, oder frag das Forum unter {contact}",
    no_section: "Die Inhalte haben keinen Abschnitt \"{section}\". Ein Moderator kann `config.toml` oder die Seiten anpassen.",
    no_partner_match: "Kein Partner passt zu \"{name}\". Das sind alle Partner:",
    not_a_partner: "\"{name}\" ist nicht unter den Partnern",
    smalltalk_words: &[
        "hallo", "moin", "servus", "hi", "hey", "danke", "dankeschön", "vielen", "dank", "ok",
        "okay", "super", "toll", "prima", "gut", "guten", "morgen", "tag", "abend", "nacht",
        "tschüss", "tschüs", "ciao", "lg", "gruß", "grüße", "liebe", "schön", "alles", "klar",
        "ja", "nein", "bitte", "zusammen", "leute", "perfekt", "dir", "euch", "dich", "schon",
        "sehr", "bot", "cool", "lol", "wow",
        // Ein Neuling grüßt: "hi zusammen, bin neu hier", "moin, grad dem Server beigetreten"
        "ich", "bin", "neu", "hier", "grad", "gerade", "beigetreten", "dem", "server", "discord",
        "allerseits", "freue", "mich",
    ],
    smalltalk_title: "Hallo!",
    smalltalk: "Ich beantworte Fragen zum Netzwerk des Sovereign Cloud Stack. Stell mir eine, oder schau in `{help}`, was ich kann.",

    help_title: "So fragst du scs-bot",
    help_chat: "Frag mich zum Netzwerk des Sovereign Cloud Stack: mit `{ask}`, indem du mich mit einer Frage erwähnst (\"@scs-bot wie kann ich mitmachen?\"), oder mit einem dieser Befehle:",
    help_console: "Frag mich zum Netzwerk des Sovereign Cloud Stack: tipp eine Frage (\"wie kann ich mitmachen?\") oder einen dieser Befehle:",
    describe_ask: "Stell eine Frage zum SCS-Netzwerk",
    describe_help: "Was scs-bot beantwortet, und wie man fragt",
    describe_reload: "Moderation: Inhalte neu lesen und den Index neu bauen",
    describe_report: "Moderation: was gefragt wird, und was die Inhalte nicht beantworten",
    option_partner: "Der Partner (tippen zum Suchen)",
    option_question: "Deine Frage, z. B. wie kann ich mitmachen?",
    option_private: "Die Antwort nur dir zeigen",
    help_console_lang: "die Sprache der Antworten",
    help_console_reload: "die Inhalte neu lesen und sagen, was sich geändert hat",
    help_console_quit: "beenden (Strg-D auch)",

    contact: "Kontakt",
    source: "Quelle",
    sources: "Quellen",
    more: "…und {n} weitere",
    previous: "◀ Zurück",
    next: "Weiter ▶",

    reloaded_title: "Inhalte neu geladen",
    reloaded_same: "An den Seiten und Partnern hat sich nichts geändert; der Index wurde neu gebaut.",
    reloaded_changed: "Der Bot antwortet jetzt aus den neuen Inhalten.",
    pages_added: "Neue Seiten",
    pages_removed: "Entfernte Seiten",
    pages_changed: "Geänderte Seiten",
    partners_added: "Neue Partner",
    partners_removed: "Entfernte Partner",
    content_problems: "Probleme in den Inhalten",
    reload_failed_title: "Neu laden fehlgeschlagen",
    reload_failed: "Der Bot antwortet weiter aus den bisherigen Inhalten. Behebe das Problem (`scs-bot check` listet Probleme in den Inhalten) und starte `{reload}` noch einmal.",
    pulled: "Website-Repository: jetzt auf Commit {commit} (vorher {previous}).",
    pulled_first: "Website-Repository: geklont auf Commit {commit}.",
    pulled_same: "Website-Repository: weiter auf Commit {commit}, nichts Neues.",
    pull_failed_title: "Aktualisieren aus dem Website-Repository fehlgeschlagen",
    pull_failed: "Der Bot antwortet weiter aus der letzten guten Kopie (Commit {serving}). Korrigiere die oben genannte `[git]`-Einstellung oder warte auf das Netz, und starte `{reload}` noch einmal.",
    moderators_title: "Nur für die Moderation",
    moderators: "`{reload}` braucht die Berechtigung „Server verwalten“, auf einem Server. Bitte jemanden aus der Moderation darum.",
    not_yours_title: "Nicht deine Liste",
    not_yours: "Nur wer gefragt hat, kann hier blättern. Ruf `/{command}` selbst auf, um die Liste zu sehen.",
    cooldown_title: "Einen Moment bitte",
    cooldown: "Du hast mehrere Fragen hintereinander gestellt. Du kannst in {secs} s wieder fragen.",
    stale_title: "Diese Knöpfe sind abgelaufen",
    stale: "Ruf den Befehl noch einmal auf, um eine neue Liste zu bekommen.",
    failure_title: "Etwas ist schiefgegangen",
    failure: "Das hat bei mir nicht geklappt. Bitte versuch es gleich noch einmal; wenn es weiter scheitert, sag der Moderation Bescheid (das Log des Bots nennt den Grund).",
    feedback_up: "Hilfreich",
    feedback_down: "Nicht, was ich gefragt habe",
    feedback_thanks_title: "Danke für die Rückmeldung",
    feedback_thanks: "Gespeichert: {vote}. Mit dem anderen Knopf änderst du deine Stimme.",
    report_title: "Was gefragt wird",
    report_about: "Fragen der letzten {days} Tage, nach Sprache, die häufigsten zuerst: was die Inhalte als Nächstes beantworten sollten.",
    report_top: "Am häufigsten gefragt",
    report_not_found: "Beantwortet mit „nichts gefunden“",
    report_voted_down: "Bewertet mit „Nicht, was ich gefragt habe“",
    report_empty: "Noch nichts aufgezeichnet.",
    report_failed_title: "Kein Bericht",
    report_failed: "Die Feedback-Datenbank lässt sich nicht lesen: {error}",

    console_welcome: "scs-bot-Konsole: {pages} Seiten geladen. Tipp /hilfe, einen Befehl oder eine Frage; :lang de|en wechselt die Sprache, :reload liest die Inhalte neu, Strg-D beendet.",
    console_language: "Sprache: {language}",
    console_language_unknown: "In \"{language}\" antworte ich nicht. Möglich: {supported}.",
    console_language_fallback: "Die Inhalte haben keine Seiten auf {language}: die Antworten kommen aus den Seiten auf {fallback}.",
    console_unreadable_line: "Diese Zeile konnte ich nicht lesen (sie ist kein gültiges UTF-8). Bitte tipp sie noch einmal.",
    console_reloaded: "neu geladen: {summary}",
    console_nothing_changed: "nichts geändert",
    console_reload_failed: "Neu laden fehlgeschlagen, ich antworte weiter aus den letzten guten Inhalten: {error}",
    console_pull_failed: "Aktualisieren aus dem Website-Repository fehlgeschlagen, ich antworte weiter aus Commit {serving}: {error}",
};

/// Every table, by language code.
pub const TABLES: &[(&str, &Messages)] = &[("en", &EN), ("de", &DE)];

/// The wording for `language` (a content language such as `de`), English when there is none.
pub fn of(language: &str) -> &'static Messages {
    TABLES
        .iter()
        .find(|(code, _)| *code == language)
        .map_or(&EN, |(_, table)| table)
}

/// The name a user of `language` types for the command registered as `command` (`hilfe` for
/// `help` in German).
pub fn command_name<'a>(language: &str, command: &'a str) -> &'a str {
    of(language)
        .command_names
        .iter()
        .find(|(registered, _)| *registered == command)
        .map_or(command, |(_, localized)| localized)
}

/// The registered name of a command typed as `typed` in any language (`mitmachen` → `join`);
/// `typed` itself when no table localizes it.
pub fn registered_name(typed: &str) -> &str {
    TABLES
        .iter()
        .flat_map(|(_, table)| table.command_names.iter())
        .find(|(_, localized)| *localized == typed)
        .map_or(typed, |(registered, _)| registered)
}

/// `/name` as a user of `language` types it.
pub fn slash(language: &str, command: &str) -> String {
    format!("/{}", command_name(language, command))
}

/// Fills the `{name}` placeholders of `template` with `values`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) => match values.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => {
                    out.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            },
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(template: &str, values: &[(&str, &str)], expect: &str) {
        assert_eq!(fill(template, values), expect);
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        check(
            "ask again in {secs} s",
            &[("secs", "4")],
            "ask again in 4 s",
        );
        check("{a}{b}{a}", &[("a", "x"), ("b", "y")], "xyx");
    }

    #[test]
    fn unknown_or_unclosed_placeholders_stay_visible() {
        check("see {help} {", &[], "see {help} {");
        check("{n", &[("n", "1")], "{n");
    }

    #[test]
    fn localized_command_names_resolve_both_ways() {
        assert_eq!(command_name("de", "help"), "hilfe");
        assert_eq!(command_name("en", "help"), "help");
        assert_eq!(command_name("de", "gaiax"), "gaiax");
        assert_eq!(registered_name("mitmachen"), "join");
        assert_eq!(registered_name("join"), "join");
    }

    #[test]
    fn a_language_without_a_table_speaks_english() {
        assert_eq!(of("fr").not_found_title, EN.not_found_title);
        assert_eq!(of("de").not_found_title, "Nichts gefunden");
    }

    #[test]
    fn every_table_keeps_the_placeholders_of_english() {
        fn names(s: &str) -> Vec<&str> {
            let mut names: Vec<&str> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n))
                .collect();
            names.sort_unstable();
            names
        }
        for (code, table) in TABLES {
            let pairs = [
                (EN.too_long, table.too_long),
                (EN.unknown, table.unknown),
                (EN.not_found, table.not_found),
                (EN.no_section, table.no_section),
                (EN.no_partner_match, table.no_partner_match),
                (EN.not_a_partner, table.not_a_partner),
                (EN.smalltalk, table.smalltalk),
                (EN.help_chat, table.help_chat),
                (EN.more, table.more),
                (EN.reload_failed, table.reload_failed),
                (EN.moderators, table.moderators),
                (EN.not_yours, table.not_yours),
                (EN.cooldown, table.cooldown),
                (EN.feedback_thanks, table.feedback_thanks),
                (EN.report_about, table.report_about),
                (EN.report_failed, table.report_failed),
                (EN.empty, table.empty),
                (EN.ask_empty, table.ask_empty),
                (EN.console_welcome, table.console_welcome),
                (EN.console_language_unknown, table.console_language_unknown),
                (
                    EN.console_language_fallback,
                    table.console_language_fallback,
                ),
                (EN.console_reloaded, table.console_reloaded),
                (EN.console_reload_failed, table.console_reload_failed),
                (EN.pulled, table.pulled),
                (EN.pulled_first, table.pulled_first),
                (EN.pulled_same, table.pulled_same),
                (EN.pull_failed, table.pull_failed),
                (EN.console_pull_failed, table.console_pull_failed),
            ];
            for (en, other) in pairs {
                assert_eq!(names(en), names(other), "{code}: {other:?}");
            }
        }
    }
}
