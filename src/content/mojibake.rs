//! Repairing mojibake: UTF-8 text that was decoded once as Latin-1 or Windows-1252
//! (`AÃ¶R` for `AöR`, `â€™` for `’`).
//!
//! Rule: a run of characters is repaired only when every character in it stands for one byte
//! (Latin-1 `U+0080..=U+00FF` or one of the Windows-1252 punctuation characters such as `€`
//! or `’`) and those bytes form exactly one valid multi-byte UTF-8 character (checked with
//! [`std::str::from_utf8`]), and the run is a plausible mojibake:
//! - two-byte runs only with the lead `Â`, `Ã`, `Ä` or `Å` (they stand for `U+0080..=U+017F`:
//!   Latin-1 and Latin Extended-A, `é`, `ö`, `ß`, `č`, `ł`, …). Other leads are ordinary text:
//!   `ß` + no-break space would otherwise read as an NKo letter, `×` + no-break space as Hebrew;
//!   so Greek, Cyrillic and other two-byte scripts are not repaired;
//! - three-byte runs only with the lead `â` (`U+2000..=U+2FFF`: punctuation, currency, arrows,
//!   symbols, `â€™` → `’`) or for the byte-order mark and the replacement character
//!   (`ï»¿`, `ï¿½`); four-byte runs only with the lead `ð` (`U+10000..=U+3FFFF`, emoji:
//!   `ðŸš€` → `🚀`). Other leads are common letters (`é…»` in "après…»" would read as a
//!   Chinese character), so CJK mojibake is not repaired;
//! - three- and four-byte runs never contain a no-break space, which in real text follows a
//!   word (`«\u{a0}café\u{a0}»`) rather than sits inside one.
//!
//! Invariants:
//! - ASCII is never touched, so markdown syntax, line breaks and line numbers survive repair;
//! - clean text is never damaged: a repair needs at least two such characters in a row that
//!   also decode to a plausible character, which real text ("São Paulo", "Müller",
//!   "naturgemäß\u{a0}ein", "Ã" alone, emoji, CJK) does not contain; the one known exception is
//!   an uppercase `Â`/`Ã`/`Ä`/`Å` directly followed by a Windows-1252 punctuation mark or a
//!   Latin-1 symbol (`Ä“`), which is read as mojibake;
//! - `repair(garble(s)) == s` for every `s` made of ASCII and the characters listed above
//!   (any character up to `U+017F`, `U+2000..=U+2FFF`, `U+FEFF`, `U+FFFD` and
//!   `U+10000..=U+3FFFF`, as long as its UTF-8 holds no byte `A0` after a three- or four-byte
//!   lead).
//!
//! No crate: `encoding_rs` converts whole buffers between encodings and cannot tell mojibake
//! from clean text inside one UTF-8 string; this module repairs only the plausible runs above
//! and [`find`] names the garbled word and its offset, from which `check` reports the line.

use std::borrow::Cow;

/// The byte a character stands for when UTF-8 bytes were decoded as Latin-1 or
/// Windows-1252; `None` for ASCII and for characters no single high byte decodes to.
fn byte_of(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// How a byte reads in Windows-1252; the five bytes it leaves undefined read as the Latin-1
/// control character of the same value.
pub fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Number of bytes of the UTF-8 character that starts with lead byte `b`, if `b` can lead a
/// multi-byte character this module repairs.
fn sequence_len(b: u8) -> Option<usize> {
    match b {
        0xC2..=0xC5 => Some(2),
        0xE2 | 0xEF => Some(3),
        0xF0 => Some(4),
        _ => None,
    }
}

/// A mojibake sequence starting at `chars[0]`: the repaired character and how many input
/// characters it replaces.
fn decode_at(chars: &[char]) -> Option<(char, usize)> {
    let lead = byte_of(*chars.first()?)?;
    let len = sequence_len(lead)?;
    if chars.len() < len {
        return None;
    }
    let mut bytes = [0u8; 4];
    bytes[0] = lead;
    for i in 1..len {
        let b = byte_of(chars[i])?;
        if !(0x80..=0xBF).contains(&b) || (len > 2 && b == 0xA0) {
            return None;
        }
        bytes[i] = b;
    }
    let s = std::str::from_utf8(&bytes[..len]).ok()?;
    let c = s.chars().next()?;
    if lead == 0xEF && !matches!(c, '\u{feff}' | '\u{fffd}') {
        return None;
    }
    Some((c, len))
}

/// One stretch of mojibake found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte offset of the first garbled character in the text.
    pub offset: usize,
    /// The garbled word as written (`AÃ¶R`).
    pub garbled: String,
    /// The same word repaired (`AöR`).
    pub repaired: String,
}

/// Repairs every mojibake sequence in `text`; borrows when there is nothing to repair.
pub fn repair(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let Some(first) = (0..chars.len()).find(|&i| decode_at(&chars[i..]).is_some()) else {
        return Cow::Borrowed(text);
    };
    let mut out: String = chars[..first].iter().collect();
    out.reserve(text.len());
    let mut i = first;
    while i < chars.len() {
        match decode_at(&chars[i..]) {
            Some((c, n)) => {
                out.push(c);
                i += n;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// The first mojibake sequence in `text`, with the word around it, if any.
pub fn find(text: &str) -> Option<Finding> {
    if text.is_ascii() {
        return None;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let plain: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
    let at = (0..plain.len()).find(|&i| decode_at(&plain[i..]).is_some())?;
    let is_word = |c: char| !c.is_whitespace() && !"[]()<>*`\"|{}".contains(c);
    let mut start = at;
    while start > 0 && is_word(plain[start - 1]) {
        start -= 1;
    }
    let mut end = at;
    while end < plain.len() && is_word(plain[end]) {
        end += 1;
    }
    let is_edge_punct = |c: char| c.is_ascii_punctuation();
    while start < at && is_edge_punct(plain[start]) {
        start += 1;
    }
    while end > at + 1 && is_edge_punct(plain[end - 1]) {
        end -= 1;
    }
    let garbled: String = plain[start..end].iter().collect();
    let repaired = repair(&garbled).into_owned();
    Some(Finding {
        offset: chars[at].0,
        garbled,
        repaired,
    })
}

#[cfg(test)]
/// What `text` looks like after its UTF-8 bytes were decoded as Windows-1252: the damage
/// this module repairs. Used by tests and to describe the problem.
pub fn garble(text: &str) -> String {
    text.bytes().map(windows_1252).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(repair(input), expect, "repairing {input:?}");
    }

    #[test]
    fn latin1_umlaut_is_repaired() {
        check("Dataport AÃ¶R", "Dataport AöR");
    }

    #[test]
    fn windows_1252_quotes_are_repaired() {
        check(
            "GovStackâ€™s new â€œspecsâ€\u{9d}",
            "GovStack’s new “specs”",
        );
        check("Ãœber SCS", "Über SCS");
        check("FÃ¶rderung â€“ Ã¤uÃŸerst", "Förderung – äußerst");
    }

    #[test]
    fn four_byte_emoji_is_repaired() {
        check(&garble("Launch 🚀 done"), "Launch 🚀 done");
    }

    #[test]
    fn clean_text_is_left_alone() {
        for clean in [
            "São Paulo",
            "Müller & Söhne",
            "Ã alone",
            "AöR",
            "naïve café",
            "Straße",
            "日本語のテキスト",
            "emoji 🎉 and ™ and © and ±",
            "„Zitat“ – mit ’Apostroph’",
            "½ ¼ ¾ × ÷",
            "",
        ] {
            check(clean, clean);
        }
    }

    #[test]
    fn invalid_sequences_are_left_alone() {
        // C0 and C1 are never lead bytes; E0 80 is an overlong form; ED A0 is a surrogate.
        check("À»", "À»");
        check("Á©", "Á©");
        check("à\u{80}\u{80}", "à\u{80}\u{80}");
        check("í\u{a0}\u{80}", "í\u{a0}\u{80}");
        check("Ã", "Ã");
    }

    #[test]
    fn finding_names_the_word_and_its_repair() {
        let found = find("- [Dataport AÃ¶R](https://dataport.de)").unwrap();
        assert_eq!(found.garbled, "AÃ¶R");
        assert_eq!(found.repaired, "AöR");
        assert_eq!(found.offset, "- [Dataport A".len());
        assert_eq!(find("Dataport AöR"), None);
        assert_eq!(find("title: 'CafÃ©'").unwrap().garbled, "CafÃ©");
    }

    #[test]
    fn clean_text_borrows() {
        assert!(matches!(repair("São Paulo"), Cow::Borrowed(_)));
    }

    /// Two characters in a row that both stand for a high byte: the only place a repair can
    /// happen. Strings without such a pair are "clean" by construction.
    fn has_high_pair(s: &str) -> bool {
        let cs: Vec<char> = s.chars().collect();
        cs.windows(2)
            .any(|w| byte_of(w[0]).is_some() && byte_of(w[1]).is_some())
    }

    /// Whether this module promises to repair `c` after garbling (see the module doc).
    fn repairable(c: &char) -> bool {
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        match bytes.len() {
            1 => true,
            2 => (0xC2..=0xC5).contains(&bytes[0]),
            _ => {
                let lead_ok =
                    matches!(bytes[0], 0xE2 | 0xF0) || matches!(c, '\u{feff}' | '\u{fffd}');
                lead_ok && !bytes[1..].contains(&0xA0)
            }
        }
    }

    #[test]
    fn typography_after_words_is_left_alone() {
        let words = [
            "après",
            "naturgemäß",
            "Fuß",
            "café",
            "Müller",
            "Ørsted",
            "3×",
            "Übersicht",
            "été",
            "año",
            "ÉTÉ",
            "KÖLN",
        ];
        let marks = [
            "\u{a0}", "“", "”", "»", "«", "’", "‘", "–", "—", "…", "©", "®", "°", "²", "½", "€",
            "™",
        ];
        for word in words {
            for a in marks {
                for b in marks.iter().chain(&[" ", "x", ""]) {
                    let text = format!("«\u{a0}{word}{a}{b} ein");
                    check(&text, &text);
                }
            }
        }
    }

    proptest! {
        #[test]
        fn repairing_clean_text_is_identity(s in any::<String>().prop_filter("no high pair", |s| !has_high_pair(s))) {
            prop_assert_eq!(repair(&s), s.as_str());
        }

        #[test]
        fn repairing_clean_latin_text_is_identity(s in "[a-zA-Z ÄÖÜäöüßéèàçãõñÃÂ€’“”–—…©®™±½ 😀日本]{0,40}".prop_filter("no high pair", |s| !has_high_pair(s))) {
            prop_assert_eq!(repair(&s), s.as_str());
        }

        #[test]
        fn repairing_garbled_text_gives_the_original(s in any::<String>().prop_map(|s| s.chars().filter(repairable).collect::<String>())) {
            let garbled = garble(&s);
            prop_assert_eq!(repair(&garbled), s.as_str());
        }

        #[test]
        fn repairing_garbled_latin_text_gives_the_original(s in "[a-zA-Z ÄÖÜäöüßéèàçãõñÃÂ€’“”–—…©®™±½ 😀🚀🎉łčřőŠ\u{feff}\u{fffd}\u{85}\u{a0}]{0,40}") {
            let garbled = garble(&s);
            prop_assert_eq!(repair(&garbled), s.as_str());
        }
    }
}
