//! `/help`: the commands in the user's language, and how to ask on the surface asked from.

use super::model::{Answer, AnsweredBy};
use super::{Sources, Surface};
use crate::messages::{self, slash};

/// The help answer: how to ask, then one line per command (`` `/name` — description ``).
pub fn help(src: &Sources, surface: Surface, language: &str, query: &str) -> Answer {
    let words = messages::of(language);
    let default = &src.config.default_language;
    let mut lines = vec![match surface {
        Surface::Chat => messages::fill(words.help_chat, &[("ask", &slash(language, "ask"))]),
        Surface::Console => words.help_console.to_string(),
    }];
    lines.push(String::new());
    for command in src.catalog.commands() {
        let description = command
            .description
            .get(language)
            .or_else(|| command.description.get(default))
            .map_or("", String::as_str);
        lines.push(format!(
            "`{}` — {description}",
            slash(language, &command.name)
        ));
    }
    lines.push(format!(
        "`{}` — {}",
        slash(language, "ask"),
        words.describe_ask
    ));
    lines.push(format!(
        "`{}` — {}",
        slash(language, "help"),
        words.describe_help
    ));
    match surface {
        Surface::Chat => lines.push(format!(
            "`{}` — {}",
            slash(language, "reload"),
            words.describe_reload
        )),
        Surface::Console => {
            lines.push(String::new());
            let languages = src.config.languages.join("|");
            lines.push(format!("`:lang {languages}` — {}", words.help_console_lang));
            lines.push(format!("`:reload` — {}", words.help_console_reload));
            lines.push(format!("`:quit` — {}", words.help_console_quit));
        }
    }
    let mut answer = Answer::new(query, language, AnsweredBy::Help);
    answer.contacts = vec![src.config.contact.clone()];
    answer.text = lines.join("\n");
    answer.title = words.help_title.into();
    answer
}
