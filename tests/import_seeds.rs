//! The importers against the essays they were made for.
//! `seed_000_matches_the_outline` checks everything that
//! ../shared/golden/000_outline.md (copied in spirit into the comments here)
//! says a correct import of seed 000 contains.

use hamish::document::import::paginated::repair;
use hamish::document::import::{import_path, markdown};
use hamish::document::{export, BlockKind, Document, Format, Inline, SectionKind};

mod common;
use common::words::{ABSTRACT_AR, CONCLUSION, INTRODUCTION, KEYWORDS_AR, LENIN, SOURCES, STALIN};
use common::{seed000, seed003, SEED_003};

/// All body text (sections), without markers.
fn body_text(doc: &Document) -> String {
    doc.sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .map(|b| b.plain_text())
        .collect::<Vec<_>>()
        .join("\n")
}

fn note_text(doc: &Document, i: usize) -> String {
    doc.notes[i]
        .blocks
        .iter()
        .map(|b| b.plain_text())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seed_000_is_detected_as_pdf_text() {
    assert_eq!(seed000().meta.format, Format::Pdftext);
}

#[test]
fn seed_000_matches_the_outline() {
    let doc = seed000();
    // Blocks, in reading order: kind, title as shown, first words.
    let expected: [(SectionKind, &str, Option<&str>, &str); 7] = [
        (
            SectionKind::Abstract,
            "Abstract",
            Some("en"),
            "The Russian revolution is not a revolution",
        ),
        // الملخص (abstract): "ان الثورة الروسية لا تعد ثورة"
        (
            SectionKind::Abstract,
            ABSTRACT_AR,
            Some("ar"),
            "ان الثورة الروسية لا تعد ثورة",
        ),
        // الكلمات المفتاحية (keywords)
        (
            SectionKind::Keywords,
            KEYWORDS_AR,
            Some("ar"),
            "تروتسكي ، ثورة اكتوبر ، روسيا ، لينين ، ستالين ، الثورة البلشفية",
        ),
        // المقدمة (introduction): "the Bolshevik revolution in Russia"
        (
            SectionKind::Body,
            INTRODUCTION,
            None,
            "الثورة البلشفية في روسيا",
        ),
        // "Trotsky's role in the Bolshevik revolution 1917-1924"
        (
            SectionKind::Body,
            "دور ليون تروتسكي في الثورة البلشفية 1917-1924",
            None,
            "لا يمكن النظر الى الثورة البلشفية",
        ),
        // الخاتمة (conclusion): its first paragraph is seed line 755 as
        // extracted, runs swapped ("in a way … 1917: it appears from the
        // above the great size that Trotsky occupied in the revolution
        // first"), so it ends with أولا (first), the first numbered point.
        (
            SectionKind::Body,
            CONCLUSION,
            None,
            "بشكل م 1917: يظهر مما سبق الحجم الكبير الذي شغله تروتسكي في ثورة أولا",
        ),
        // المصادر (sources): the first entry, seed line 823 after its U+F0B7
        // bullet ("The Twentieth Century, translated by Mustafa …")
        (
            SectionKind::References,
            SOURCES,
            None,
            "القرن العشرين، ترجمة مصطفى روبرت بنيويك و فيليب جرين",
        ),
    ];
    assert_eq!(
        doc.sections.len(),
        7,
        "sections: {:?}",
        doc.sections.iter().map(|s| &s.title).collect::<Vec<_>>()
    );
    for (section, (kind, title, lang, first_words)) in doc.sections.iter().zip(expected) {
        assert_eq!(section.kind, kind, "{title}");
        assert_eq!(section.title.as_deref(), Some(title));
        if kind == SectionKind::Abstract {
            assert_eq!(section.lang.as_deref(), lang, "{title}");
        }
        let text = section
            .blocks
            .first()
            .map(|b| b.plain_text())
            .unwrap_or_default();
        assert!(
            text.starts_with(first_words),
            "{title}: starts with {:?}",
            &text.chars().take(60).collect::<String>()
        );
    }
    // The conclusion's numbered points, أولا … خامسا, then ختاما.
    let conclusion: String = doc.sections[5]
        .blocks
        .iter()
        .map(|b| b.plain_text())
        .collect();
    for word in ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "ختاما"] {
        assert!(conclusion.contains(word), "conclusion lacks {word}");
    }
    // 19 references, each a reference entry.
    assert_eq!(doc.references().count(), 19);
    assert!(doc.references().all(|b| b.kind == BlockKind::Reference));
    // Six keywords.
    assert_eq!(doc.keywords().len(), 6);
    // The English abstract: 3 paragraphs, lines joined.
    let en = doc.abstract_in("en").expect("English abstract");
    assert_eq!(en.blocks.len(), 3);
    assert!(en.blocks[1]
        .plain_text()
        .starts_with("Trotsky did not seek power"));
    assert!(en.blocks[2]
        .plain_text()
        .starts_with("Despite the deliberate absence"));
    for b in &en.blocks {
        assert!(!b.plain_text().contains('\n'));
        assert!(!b.plain_text().contains("  "));
    }
    assert!(doc.abstract_in("ar").is_some());
}

#[test]
fn seed_000_footnotes_are_linked_once_each() {
    let doc = seed000();
    assert_eq!(doc.notes.len(), 7);
    // Every note is referenced by exactly one marker, in order.
    let refs: Vec<(Option<String>, String, String)> = doc
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .flat_map(|b| {
            b.note_refs()
                .map(move |(n, l)| (n.clone(), l.to_string(), b.plain_text()))
        })
        .collect();
    let linked: Vec<&str> = refs.iter().filter_map(|(n, _, _)| n.as_deref()).collect();
    assert_eq!(linked, ["fn1", "fn2", "fn3", "fn4", "fn5", "fn6", "fn7"]);
    assert!(
        refs.iter().all(|(n, _, _)| n.is_some()),
        "no dangling markers: {refs:?}"
    );
    // The last marker is the printed "(2)".
    assert_eq!(refs[6].1, "(2)");
    assert_eq!(doc.notes[6].label, "(2)");
    // What each note is about (the year ranges were repaired).
    let about: [&[&str]; 7] = [
        &[LENIN, "1870-1924"],                                      // Lenin (1870-1924)
        &[STALIN, "1879-1953", "ثم تولى رئاسة"], // Stalin, continued on the next page
        &["اسحق دويتشر", "1907-1967"],           // Isaac Deutscher
        &["زوجة تروتسكي الأولى"],                 // Trotsky's first wife
        &["ديكتاتورية البروليتاريا", "https://"], // dictatorship of the proletariat, a URL
        &["فيلهلم الثاني", "1859-1941", "https://www.marefa.org/"], // Wilhelm II, a URL
        &["كونارار", "18"],                      // Konarar, p. 18
    ];
    for (i, words) in about.iter().enumerate() {
        let text = note_text(&doc, i);
        for w in *words {
            assert!(text.contains(w), "note {} lacks {w}: {text}", i + 1);
        }
    }
    // Markers sit in the paragraphs they belong to.
    assert!(refs[0].2.contains("فلاديمير لينين")); // after "Vladimir Lenin"
    assert!(refs[1].2.contains(STALIN)); // after "Stalin"
    assert!(refs[4].2.contains("البروليتاريا")); // after "the proletariat"
}

#[test]
fn seed_000_keeps_body_and_notes_apart() {
    let doc = seed000();
    let body = body_text(&doc);
    // Note text never leaks into the body…
    for note_words in [
        "ثم تولى رئاسة",
        "يعد لينين هو مؤسس الشيوعية",
        "مؤرخ وكاتب وعالم اجتماع",
        "marefa.org",
    ] {
        assert!(
            !body.contains(note_words),
            "body contains note text {note_words}"
        );
    }
    // …and the body that resumes after a footnote area is body again.
    for body_words in [
        "ل دور ليون تروتسكي في الثورة البلشفية منذ",
        "البروليتارية من الوضع كله",
        "وسعى بعد",
        "للشعب، إنها كاملة",
        "النسبي الثانية انعدام",
    ] {
        assert!(body.contains(body_words), "body lacks {body_words}");
    }
    let notes: String = (0..doc.notes.len()).map(|i| note_text(&doc, i)).collect();
    assert!(!notes.contains("ل دور ليون تروتسكي في الثورة البلشفية منذ"));
    // Not footnotes: inline citations and the "(3)" with no note body.
    assert!(body.contains("(3)"));
    assert!(body.contains("البنا")); // (البنا، 1977، 195), scattered by the extraction
                                     // The "1" printed before the first marker's glyph is the
                                     // marker's own label: the marker takes its place, and no
                                     // digit is left beside it (issue 13: "قائد1¹").
    let first = doc.sections[3]
        .blocks
        .iter()
        .find(|b| b.note_refs().next().is_some())
        .unwrap();
    let before_marker = first
        .inlines
        .iter()
        .take_while(|i| matches!(i, Inline::Text { .. }))
        .last();
    // "…بقوله أثناء " ("in his saying, during"), then the marker.
    assert!(
        matches!(before_marker, Some(Inline::Text { text }) if text.ends_with("\u{623}\u{62b}\u{646}\u{627}\u{621} ")),
        "{before_marker:?}"
    );
}

#[test]
fn seed_000_page_furniture_is_dropped() {
    let doc = seed000();
    let all = format!(
        "{}\n{}",
        body_text(&doc),
        (0..doc.notes.len())
            .map(|i| note_text(&doc, i))
            .collect::<String>()
    );
    assert!(!all.contains("JUAH"));
    assert!(!all.contains("ISSN"));
    assert!(!all.contains("مجلة جامعة الانبار")); // the running header
    assert!(!all.contains("108)"), "page number (108)");
    assert!(
        !all.contains('\u{F02B}') && !all.contains('\u{F0B7}'),
        "symbol-font glyphs are gone"
    );
}

#[test]
fn seed_000_repairs_are_recorded() {
    let doc = seed000();
    let repaired: Vec<_> = doc
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .filter(|b| !b.repairs.is_empty())
        .collect();
    assert!(!repaired.is_empty());
    // The bracket pair that spans the page break (lines 460-473) is whole.
    assert!(body_text(&doc).contains("(إلى ذلك الحين"));
}

#[test]
fn json_round_trip_is_exact() {
    for doc in [seed000(), seed003()] {
        let json = export::to_json(&doc);
        let back = hamish::document::import::json::import(&json).expect("reads back");
        assert_eq!(back, doc);
    }
}

#[test]
fn markdown_round_trip_keeps_sections_paragraphs_and_notes() {
    for doc in [seed000(), seed003()] {
        let md = export::to_markdown(&doc);
        let back = markdown::import(&md);
        assert_eq!(back.meta.title, doc.meta.title);
        let shape = |d: &Document| {
            d.sections
                .iter()
                .map(|s| {
                    (
                        s.kind,
                        s.title.clone(),
                        s.blocks
                            .iter()
                            .map(|b| (b.kind, b.plain_text()))
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        };
        let (ours, theirs) = (shape(&back), shape(&doc));
        assert_eq!(ours.len(), theirs.len(), "section count");
        for (a, b) in ours.iter().zip(&theirs) {
            assert_eq!((a.0, &a.1), (b.0, &b.1), "section kind and title");
            assert_eq!(a.2.len(), b.2.len(), "paragraph count in {:?}", b.1);
            for (pa, pb) in a.2.iter().zip(&b.2) {
                assert!(pa == pb, "paragraph differs in {:?}:\n{pa:?}\n{pb:?}", b.1);
            }
        }
        let notes = |d: &Document| {
            d.notes
                .iter()
                .map(|n| n.blocks.iter().map(|b| b.plain_text()).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        };
        assert_eq!(notes(&back), notes(&doc));
        // Markers point at the same notes (by position).
        let markers = |d: &Document| {
            d.sections
                .iter()
                .flat_map(|s| s.blocks.iter())
                .flat_map(|b| {
                    b.note_refs().map(|(n, _)| {
                        n.as_ref()
                            .and_then(|id| d.notes.iter().position(|x| &x.id == id))
                    })
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(markers(&back), markers(&doc));
    }
}

#[test]
fn markdown_export_has_the_checkable_shape() {
    let md = export::to_markdown(&seed000());
    assert!(md.contains("\n# Abstract\n"));
    assert!(md.contains("\n# الملخص\n"));
    assert_eq!(
        md.matches("\n- ").count(),
        19,
        "19 references as list items"
    );
    for i in 1..=7 {
        assert!(md.contains(&format!("[^{i}]:")), "definition {i}");
        assert_eq!(
            md.matches(&format!("[^{i}]")).count(),
            2,
            "marker and definition of {i}"
        );
    }
}

#[test]
fn seed_003_is_a_plain_essay_to_be_continued() {
    let doc = seed003();
    assert_eq!(doc.meta.format, Format::Plain);
    assert!(
        doc.meta.continued,
        "the trailing يتبع is a continuation note"
    );
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.sections[0].blocks.len(), 8);
    assert!(!body_text(&doc).contains("يتبع\n"));
    // No title line in the file: the title comes from the file name.
    assert_eq!(doc.meta.title, "003 5eac0dfd78b8d8c0");
}

#[test]
fn repairs_never_fire_on_the_clean_seed_003() {
    let text = std::fs::read_to_string(SEED_003).unwrap();
    for line in text.lines() {
        assert_eq!(repair::mirrored_brackets(line), None, "{line}");
        assert_eq!(repair::reversed_year_ranges(line), None, "{line}");
        assert_eq!(repair::swapped_heading(line), None, "{line}");
    }
    // And forced through the PDF importer, nothing is marked repaired.
    let doc = import_path(std::path::Path::new(SEED_003), Some(Format::Pdftext)).unwrap();
    assert!(doc
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .all(|b| b.repairs.is_empty()));
}
