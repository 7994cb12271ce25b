//! The expected outlines of the extraction corpus (tests/corpus/expected,
//! written by tests/corpus/make/outline.py from the essays' sources) and
//! the scoring of an imported document against one.
//!
//! Text is compared after [`norm`]: NFC-free (the sources and extractions
//! are both NFC), harakat and tatweel out, and all whitespace out, because
//! extractors put spaces inside words by glyph gaps (`طو يل`) that no
//! importer can tell from real ones. Everything else must match: letters,
//! digits, their order, punctuation.

use hamish::document::{BlockKind, Document, Inline, SectionKind};

/// One expected fact, as written in the outline file.
#[derive(Debug)]
pub enum Fact {
    Title(String),
    /// How many columns the essay is set in (not scored: it groups).
    Columns(u32),
    Furniture(String),
    Section {
        kind: SectionKind,
        lang: Option<String>,
        title: String,
    },
    Para {
        first: String,
        last: String,
    },
    Ref(String),
    Note {
        n: usize,
        before: String,
        first: String,
        last: String,
    },
}

pub fn parse(text: &str) -> Vec<Fact> {
    let mut facts = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let s = |i: usize| f.get(i).copied().unwrap_or("").to_string();
        facts.push(match f[0] {
            "title" => Fact::Title(s(1)),
            "columns" => Fact::Columns(f[1].parse().expect("columns")),
            "furniture" => Fact::Furniture(s(1)),
            "section" => Fact::Section {
                kind: match f[1] {
                    "abstract" => SectionKind::Abstract,
                    "keywords" => SectionKind::Keywords,
                    "references" => SectionKind::References,
                    _ => SectionKind::Body,
                },
                lang: (f[2] != "-").then(|| s(2)),
                title: s(3),
            },
            "para" => Fact::Para {
                first: s(1),
                last: s(2),
            },
            "ref" => Fact::Ref(s(1)),
            "note" => Fact::Note {
                n: f[1].parse().expect("note number"),
                before: s(2),
                first: s(3),
                last: s(4),
            },
            other => panic!("unknown outline line {other}"),
        });
    }
    facts
}

/// Text for comparison: harakat, tatweel and whitespace out.
pub fn norm(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_whitespace() && !('\u{64B}'..='\u{65F}').contains(&c) && c != '\u{640}')
        .filter(|&c| c != '\u{670}')
        .collect()
}

/// A heading's text without its numbering (`1.`, `أولاً:`) or final colon.
fn bare_heading(title: &str) -> String {
    let t = title.trim();
    let t = t
        .trim_start_matches(|c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c))
        .trim_start_matches(['.', '-', ')', ' ']);
    let t = match t.split_once([':', '-', '–']) {
        Some((head, rest)) if head.split_whitespace().count() == 1 && !rest.trim().is_empty() => {
            rest
        }
        _ => t,
    };
    norm(t.trim_end_matches([':', '.', ' ']))
}

/// The result of scoring one document: checks passed, checks made, and
/// what failed, one line each.
#[derive(Debug, Default)]
pub struct Score {
    pub passed: usize,
    pub total: usize,
    pub failures: Vec<String>,
}

impl Score {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.passed += 1;
        } else {
            self.failures.push(what());
        }
    }
}

/// Every text of the document the reader can show, for the control check.
fn all_texts(doc: &Document) -> Vec<String> {
    let mut texts = vec![doc.meta.title.clone()];
    for s in &doc.sections {
        texts.extend(s.title.clone());
        texts.extend(s.blocks.iter().map(|b| b.plain_text()));
    }
    for n in &doc.notes {
        texts.push(n.label.clone());
        texts.extend(n.blocks.iter().map(|b| b.plain_text()));
    }
    texts
}

fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A block that is only a page number in one of the corpus's forms.
fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c))
    };
    let inner = t.trim_matches(['-', '(', ')']);
    digits(inner)
        || t.strip_prefix("صفحة")
            .is_some_and(|r| r.split("من").all(digits))
}

pub fn score(doc: &Document, facts: &[Fact]) -> Score {
    let mut score = Score::default();
    let body: Vec<(SectionKind, String, &hamish::document::Block)> = doc
        .sections
        .iter()
        .flat_map(|s| {
            s.blocks
                .iter()
                .map(move |b| (s.kind, norm(&b.plain_text()), b))
        })
        .collect();
    let notes: Vec<String> = doc
        .notes
        .iter()
        .map(|n| norm(&n.blocks.iter().map(|b| b.plain_text()).collect::<String>()))
        .collect();
    let all_body: String = body.iter().map(|(_, t, _)| t.as_str()).collect();
    for fact in facts {
        match fact {
            Fact::Title(t) => score.check(norm(&doc.meta.title) == norm(t), || {
                format!("title {:?}", doc.meta.title)
            }),
            Fact::Furniture(f) => {
                let allowed =
                    usize::from(facts.iter().any(|x| matches!(x, Fact::Title(t) if t == f)));
                let found = all_body.matches(&norm(f)).count()
                    + notes
                        .iter()
                        .map(|n| n.matches(&norm(f)).count())
                        .sum::<usize>();
                score.check(found <= allowed, || format!("furniture kept: {f}"));
            }
            Fact::Section { kind, lang, title } => {
                let ok = doc.sections.iter().any(|s| {
                    s.kind == *kind
                        && (lang.is_none() || s.lang == *lang)
                        && s.title.as_deref().is_some_and(|st| {
                            norm(st) == norm(title) || bare_heading(st) == bare_heading(title)
                        })
                });
                score.check(ok, || format!("section {kind:?} {title}"));
            }
            Fact::Para { first, last } => {
                let (f, l) = (norm(first), norm(last));
                let ok = body
                    .iter()
                    .any(|(_, t, _)| t.contains(&f) && t.contains(&l));
                score.check(ok, || format!("paragraph {first} … {last}"));
            }
            Fact::Columns(_) => {}
            Fact::Ref(first) => {
                let f = norm(first);
                let ok = body.iter().any(|(k, t, b)| {
                    *k == SectionKind::References
                        && b.kind == BlockKind::Reference
                        && t.starts_with(&f)
                });
                score.check(ok, || format!("reference {first}"));
            }
            Fact::Note {
                n,
                before,
                first,
                last,
            } => score_note(&mut score, doc, &notes, *n, before, first, last),
        }
    }
    score.check(
        all_texts(doc).iter().all(|t| !t.chars().any(is_control)),
        || "control characters".into(),
    );
    score.check(
        !body.iter().any(|(_, _, b)| is_page_number(&b.plain_text())),
        || "page number kept".into(),
    );
    score
}

/// Two checks for note `n`: its text is a note, and a marker right after
/// the word `before` links to that note.
fn score_note(
    score: &mut Score,
    doc: &Document,
    notes: &[String],
    n: usize,
    before: &str,
    first: &str,
    last: &str,
) {
    let (f, l) = (norm(first), norm(last));
    let found = notes.iter().position(|t| t.contains(&f) && t.contains(&l));
    score.check(found.is_some(), || {
        format!("note {n} text {first} … {last}")
    });
    // The marker is checked on its own: the note with the text, or else
    // the note numbered n (its text may be damaged beyond the check).
    let found = found.or_else(|| {
        doc.notes
            .iter()
            .position(|note| note.label == n.to_string())
    });
    let Some(i) = found else {
        score.check(false, || format!("note {n} marker (no note)"));
        return;
    };
    let id = &doc.notes[i].id;
    let b = norm(before);
    let linked = doc.sections.iter().flat_map(|s| &s.blocks).any(|block| {
        let mut text = String::new();
        block.inlines.iter().any(|inline| match inline {
            Inline::Text { text: t } => {
                text.push_str(t);
                false
            }
            Inline::Note { note, .. } => {
                note.as_ref() == Some(id)
                    && norm(&text)
                        .trim_end_matches(['.', '،', ',', ')', '('])
                        .ends_with(&b)
            }
        })
    });
    score.check(linked, || format!("note {n} marker after {before}"));
}
