//! A deterministic, realistic content corpus for benchmarks, load tests and fault tests.
//!
//! Not part of the product: included with `#[path]` by `benches/answer.rs`,
//! `examples/gen_corpus.rs` and `tests/corpus.rs` (which runs these unit tests).
//!
//! [`pages`] makes `count` markdown pages from a seed: half English under `en/`, half German
//! under `de/`, each with YAML front matter (title, language, slug, template, date), an intro,
//! `###` sections (some with a `####` inside), paragraphs drawn from a word list with SCS terms
//! mixed in, bullet lists and partner lists of `[Name](url)` links. About 5 KB per page, so
//! 1,000 pages are about 5 MB. [`generate`] writes them into a folder.
//!
//! Invariants: the same `(count, seed)` always gives byte-identical pages (a small SplitMix64
//! generator, no outside randomness); every (language, slug) is unique; the text is clean UTF-8
//! with no mojibake, so loading the corpus reports no problems.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// SplitMix64: tiny, fast and good enough for making text.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.range(0, items.len() - 1)]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

#[rustfmt::skip]
const EN_WORDS: &[&str] = &[
    "the", "a", "of", "and", "to", "in", "for", "with", "on", "by", "is", "are", "was", "be",
    "that", "this", "as", "from", "at", "it", "we", "our", "their", "which", "can", "will",
    "cloud", "open", "source", "standard", "standards", "sovereign", "sovereignty", "digital",
    "infrastructure", "provider", "providers", "operator", "operators", "community", "network",
    "partner", "partners", "project", "projects", "platform", "service", "services", "container",
    "containers", "cluster", "clusters", "kubernetes", "openstack", "storage", "compute",
    "network", "security", "certification", "compliance", "federation", "federated", "data",
    "interoperability", "transparency", "public", "sector", "administration", "europe",
    "european", "germany", "german", "development", "release", "releases", "upgrade", "test",
    "tests", "conformance", "monitoring", "observability", "identity", "management", "access",
    "policy", "policies", "governance", "meeting", "meetings", "team", "teams", "working",
    "group", "groups", "contribute", "contribution", "contributors", "developer", "developers",
    "documentation", "guide", "guides", "tutorial", "architecture", "design", "decision",
    "record", "records", "implementation", "deployment", "automation", "pipeline", "operations",
    "lifecycle", "hardware", "software", "virtual", "machine", "machines", "image", "images",
    "flavor", "flavors", "region", "regions", "availability", "zone", "zones", "backup",
    "recovery", "scalable", "reliable", "sustainable", "efficient", "modular", "secure",
    "latest", "new", "current", "stable", "future", "important", "central", "common", "shared",
    "local", "global", "regional", "independent", "funded", "ministry", "economic", "affairs",
    "climate", "action", "foundation", "alliance", "business", "forum", "members", "founding",
    "support", "supports", "supported", "provide", "provides", "offer", "offers", "build",
    "builds", "run", "runs", "operate", "certified", "conformant", "tested", "published",
    "announced", "announcement", "event", "events", "summit", "hackathon", "workshop", "talk",
];

#[rustfmt::skip]
const DE_WORDS: &[&str] = &[
    "der", "die", "das", "und", "zu", "in", "für", "mit", "auf", "von", "ist", "sind", "war",
    "ein", "eine", "einer", "dass", "diese", "als", "aus", "bei", "es", "wir", "unsere", "ihre",
    "welche", "kann", "wird", "Cloud", "offene", "Quelle", "Standard", "Standards", "souveräne",
    "Souveränität", "digitale", "Infrastruktur", "Anbieter", "Betreiber", "Gemeinschaft",
    "Netzwerk", "Partner", "Projekt", "Projekte", "Plattform", "Dienst", "Dienste", "Container",
    "Cluster", "Kubernetes", "OpenStack", "Speicher", "Rechenleistung", "Sicherheit",
    "Zertifizierung", "Konformität", "Föderation", "föderierte", "Daten", "Interoperabilität",
    "Transparenz", "öffentliche", "Verwaltung", "Europa", "europäische", "Deutschland",
    "deutsche", "Entwicklung", "Veröffentlichung", "Aktualisierung", "Prüfung", "Tests",
    "Überwachung", "Beobachtbarkeit", "Identität", "Verwaltung", "Zugriff", "Richtlinie",
    "Richtlinien", "Steuerung", "Treffen", "Arbeitsgruppe", "Arbeitsgruppen", "beitragen",
    "Beitrag", "Mitwirkende", "Entwickler", "Entwicklerinnen", "Dokumentation", "Anleitung",
    "Architektur", "Entwurf", "Entscheidung", "Umsetzung", "Bereitstellung", "Automatisierung",
    "Betrieb", "Lebenszyklus", "Hardware", "Software", "virtuelle", "Maschine", "Maschinen",
    "Abbild", "Region", "Regionen", "Verfügbarkeit", "Zone", "Sicherung", "Wiederherstellung",
    "skalierbare", "zuverlässige", "nachhaltige", "effiziente", "modulare", "sichere",
    "neueste", "neue", "aktuelle", "stabile", "Zukunft", "wichtige", "zentrale", "gemeinsame",
    "lokale", "globale", "regionale", "unabhängige", "gefördert", "Bundesministerium",
    "Wirtschaft", "Klimaschutz", "Stiftung", "Allianz", "Forum", "Mitglieder", "Gründung",
    "unterstützt", "bietet", "baut", "betreibt", "zertifiziert", "konform", "getestet",
    "veröffentlicht", "angekündigt", "Ankündigung", "Veranstaltung", "Gipfel", "Werkstatt",
    "Vortrag", "Größe", "Straße", "Übersicht", "Äußerung", "grün", "schön", "Bürger",
];

#[rustfmt::skip]
const EN_HEADINGS: &[&str] = &[
    "Overview", "Getting Started", "Architecture", "Our Partners", "Release Notes",
    "Certification", "Security Advisory", "Community Meetings", "Working Groups", "Roadmap",
    "Operations", "Standards", "Conformance Tests", "Contact", "Funding", "Events",
    "Documentation", "Deployment", "Monitoring", "Identity Management", "Storage",
    "Kubernetes as a Service", "Infrastructure as a Service", "Further Reading", "Background",
];

#[rustfmt::skip]
const DE_HEADINGS: &[&str] = &[
    "Überblick", "Erste Schritte", "Architektur", "Unsere Partner", "Versionshinweise",
    "Zertifizierung", "Sicherheitshinweis", "Community-Treffen", "Arbeitsgruppen", "Fahrplan",
    "Betrieb", "Standards", "Konformitätstests", "Kontakt", "Förderung", "Veranstaltungen",
    "Dokumentation", "Bereitstellung", "Überwachung", "Identitätsverwaltung", "Speicher",
    "Kubernetes als Dienst", "Infrastruktur als Dienst", "Weiterführende Lektüre", "Hintergrund",
];

const COMPANY_PARTS: &[&str] = &[
    "Alpha", "Nordwind", "Rhein", "Elbe", "Stack", "Cloud", "Data", "Net", "Sys", "Berg", "Falke",
    "Quelle", "Wolke", "Hafen", "Brücke", "Kern", "Licht", "Sonne", "Iris", "Orbit",
];

const COMPANY_FORMS: &[&str] = &["GmbH", "AG", "GmbH & Co. KG", "e.V.", "SE", "AöR", "s.r.o."];

const TEMPLATES: &[&str] = &["staticPage", "newsPage", "standardsPage", "post"];

/// The relative path and text of `count` generated pages (half `en/`, half `de/`).
pub fn pages(count: usize, seed: u64) -> Vec<(PathBuf, String)> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|i| {
            let german = i % 2 == 1;
            let lang = if german { "de" } else { "en" };
            let slug = format!("page-{i:05}");
            let text = page(&mut rng, lang, &slug, i);
            let folder = if rng.chance(30) {
                "announcements"
            } else {
                "pages"
            };
            (PathBuf::from(format!("{lang}/{folder}/{slug}.md")), text)
        })
        .collect()
}

/// Writes `count` generated pages under `dir` (created if missing). Returns the bytes written.
pub fn generate(dir: &Path, count: usize, seed: u64) -> io::Result<u64> {
    let mut bytes = 0;
    for (rel, text) in pages(count, seed) {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &text)?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

fn page(rng: &mut Rng, lang: &str, slug: &str, n: usize) -> String {
    let (words, headings) = if lang == "de" {
        (DE_WORDS, DE_HEADINGS)
    } else {
        (EN_WORDS, EN_HEADINGS)
    };
    let mut out = String::with_capacity(6_000);
    let title = title(rng, words, n);
    let _ = write!(
        out,
        "---\ntitle: '{title}'\nlanguage: '{lang}'\nslug: '{slug}'\ntemplate: '{}'\ndate: {}\n---\n\n",
        rng.pick(TEMPLATES),
        date(rng),
    );
    paragraph(rng, words, &mut out, 30, 60);
    let sections = rng.range(4, 6);
    let mut used = Vec::new();
    for s in 0..sections {
        let mut heading = rng.pick(headings).to_string();
        if used.contains(&heading) {
            heading = format!("{heading} {}", s + 1);
        }
        used.push(heading.clone());
        if rng.chance(50) {
            let _ = writeln!(out, "### **{heading}**\n");
        } else {
            let _ = writeln!(out, "### {heading}\n");
        }
        for _ in 0..rng.range(1, 2) {
            paragraph(rng, words, &mut out, 28, 58);
        }
        match rng.range(0, 3) {
            0 => partner_list(rng, &mut out),
            1 => bullet_list(rng, words, &mut out),
            _ => {}
        }
        if rng.chance(25) {
            let _ = writeln!(out, "#### {}\n", rng.pick(headings));
            bullet_list(rng, words, &mut out);
            paragraph(rng, words, &mut out, 20, 40);
        }
        if rng.chance(20) {
            let _ = writeln!(
                out,
                "Write to <team-{}@example.org> or see [the docs](https://docs.example.org/{slug}/{s}).\n",
                n % 97
            );
        }
        if rng.chance(30) {
            out.push_str("---\n\n");
        }
    }
    out
}

fn title(rng: &mut Rng, words: &[&str], n: usize) -> String {
    let mut t = String::new();
    for i in 0..rng.range(2, 5) {
        let w = loop {
            let w = rng.pick(words);
            if w.chars().count() > 3 {
                break w;
            }
        };
        if i > 0 {
            t.push(' ');
        }
        let mut cs = w.chars();
        if let Some(first) = cs.next() {
            t.extend(first.to_uppercase());
            t.push_str(cs.as_str());
        }
    }
    let _ = write!(t, " {n}");
    t
}

fn date(rng: &mut Rng) -> String {
    let d = format!(
        "{}-{:02}-{:02}",
        rng.range(2021, 2025),
        rng.range(1, 12),
        rng.range(1, 28)
    );
    match rng.range(0, 2) {
        0 => d,
        1 => format!("'{d}'"),
        _ => format!("\"{d}\""),
    }
}

fn paragraph(rng: &mut Rng, words: &[&str], out: &mut String, min: usize, max: usize) {
    let n = rng.range(min, max);
    let mut start = true;
    for i in 0..n {
        let w = rng.pick(words);
        if start {
            let mut cs = w.chars();
            if let Some(first) = cs.next() {
                out.extend(first.to_uppercase());
                out.push_str(cs.as_str());
            }
            start = false;
        } else {
            out.push_str(w);
        }
        if i + 1 == n {
            out.push('.');
        } else if rng.chance(8) {
            out.push_str(". ");
            start = true;
        } else if rng.chance(6) {
            out.push_str(", ");
        } else if rng.chance(3) {
            out.push_str(" **");
            out.push_str(rng.pick(words));
            out.push_str("** ");
        } else {
            out.push(' ');
        }
    }
    out.push_str("\n\n");
}

fn company(rng: &mut Rng) -> String {
    format!(
        "{}{} {}",
        rng.pick(COMPANY_PARTS),
        rng.pick(COMPANY_PARTS).to_lowercase(),
        rng.pick(COMPANY_FORMS)
    )
}

fn partner_list(rng: &mut Rng, out: &mut String) {
    for _ in 0..rng.range(4, 10) {
        let name = company(rng);
        let host: String = name
            .split_whitespace()
            .next()
            .unwrap_or("x")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if rng.chance(5) {
            let _ = writeln!(out, "- {name}");
        } else {
            let _ = writeln!(out, "- [{name}](https://{host}.example.com)");
        }
    }
    out.push('\n');
}

fn bullet_list(rng: &mut Rng, words: &[&str], out: &mut String) {
    for _ in 0..rng.range(3, 6) {
        out.push_str("- ");
        let n = rng.range(3, 10);
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(rng.pick(words));
        }
        out.push('\n');
    }
    out.push('\n');
}
