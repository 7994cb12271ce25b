//! The text importer against every extraction in tests/corpus: each
//! fixture scored against the outline written from its essay's source
//! (headings, paragraphs present and joined, abstracts, references, notes
//! and their markers, no furniture, no control characters). The table and
//! the totals print with `cargo test --test extraction_corpus -- --show-output`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hamish::document::import::import_path;
use hamish::document::import::paginated::repair::lam_alef_doc;
use hamish::document::Format;

mod common;
use common::outline::{parse, score, Fact};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// One fixture's result.
struct Scored {
    tool: String,
    file: String,
    columns: u32,
    passed: usize,
    total: usize,
    failures: Vec<String>,
}

/// Every fixture under `root` (the corpus or its held-out set), scored.
fn score_all(root: &Path) -> Vec<Scored> {
    let mut out = Vec::new();
    let mut tools: Vec<PathBuf> = std::fs::read_dir(root.join("text"))
        .expect("tests/corpus/text")
        .map(|e| e.expect("entry").path())
        .collect();
    tools.sort();
    for tool in tools {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&tool)
            .expect("tool dir")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        for file in files {
            let stem = file.file_stem().unwrap().to_string_lossy().to_string();
            let essay = stem.split('.').next().unwrap().to_string();
            let expected = std::fs::read_to_string(root.join(format!("expected/{essay}.outline")))
                .expect("expected outline");
            let doc = import_path(&file, None).expect("imports");
            let facts = parse(&expected);
            let columns = facts
                .iter()
                .find_map(|f| match f {
                    Fact::Columns(n) => Some(*n),
                    _ => None,
                })
                .unwrap_or(1);
            let mut s = score(&doc, &facts);
            s.total += 1;
            if doc.meta.format == Format::Pdftext {
                s.passed += 1;
            } else {
                s.failures
                    .push(format!("detected as {:?}", doc.meta.format));
            }
            let tool = tool.file_name().unwrap().to_string_lossy().to_string();
            out.push(Scored {
                tool,
                file: stem,
                columns,
                passed: s.passed,
                total: s.total,
                failures: s.failures,
            });
        }
    }
    out
}

fn percent(passed: usize, total: usize) -> f64 {
    100.0 * passed as f64 / total.max(1) as f64
}

/// The per-fixture lines and the per-tool totals, printed under `label`;
/// returns each tool's score over all its essays and the set's total.
fn table(label: &str, results: &[Scored]) -> (BTreeMap<String, f64>, f64) {
    // (tool, columns) -> (passed, total); columns 0 for all essays.
    let mut by_tool: BTreeMap<(&str, u32), (usize, usize)> = BTreeMap::new();
    let (mut passed, mut total) = (0, 0);
    for r in results {
        println!(
            "{:18} {:24} {:3}/{:3} {:5.1}%",
            r.tool,
            r.file,
            r.passed,
            r.total,
            percent(r.passed, r.total)
        );
        for f in r.failures.iter().take(40) {
            println!("    {f}");
        }
        for key in [(r.tool.as_str(), 0), (r.tool.as_str(), r.columns)] {
            let e = by_tool.entry(key).or_default();
            e.0 += r.passed;
            e.1 += r.total;
        }
        passed += r.passed;
        total += r.total;
    }
    let mut scores = BTreeMap::new();
    for ((tool, columns), (p, t)) in &by_tool {
        let which = match columns {
            0 => "all essays",
            1 => "one column",
            _ => "two columns",
        };
        println!("{tool:18} {which:12} {p:4}/{t:4} {:5.1}%", percent(*p, *t));
        if *columns == 0 {
            scores.insert(tool.to_string(), percent(*p, *t));
        }
    }
    let whole = percent(passed, total);
    println!("{label:18} {passed:4}/{total:4} {whole:5.1}%");
    (scores, whole)
}

/// Every tool's score at or above its floor.
fn assert_floors(scores: &BTreeMap<String, f64>, floors: &[(&str, f64)]) {
    for (tool, floor) in floors {
        let score = scores.get(*tool).copied().unwrap_or(0.0);
        assert!(score >= *floor, "{tool}: {score:.1}% < {floor}%");
    }
}

#[test]
fn every_extraction_is_scored_against_its_source() {
    let results = score_all(&corpus());
    assert!(results.len() >= 40, "fixtures: {}", results.len());
    let (scores, whole) = table("corpus total", &results);
    // Floors: the figures reached when this was written (README, Formats),
    // so that a change that loses ground fails here. The targets (95% over
    // the corpus, 100% on pdftotext and PyMuPDF) are not reached yet.
    let floors = [
        ("pdftotext", 86.5),
        ("pdftotext-layout", 92.5),
        ("pdftotext-raw", 79.0),
        ("pymupdf", 80.0),
        ("pdfminer", 58.5),
    ];
    assert_floors(&scores, &floors);
    assert!(whole >= 79.4);
}

/// The held-out set (tests/corpus/heldout): essays of another structure,
/// typeset by LibreOffice in other fonts and page sizes, plus a viewer's
/// copy-paste, that the importer was never tuned to. It measures how far
/// the rules generalise. First measured at 50.2% before any change made
/// after it was added; the floors are the figures reached since.
#[test]
fn the_held_out_set_is_scored_against_its_source() {
    let results = score_all(&corpus().join("heldout"));
    assert!(results.len() >= 12, "fixtures: {}", results.len());
    let (scores, whole) = table("held-out total", &results);
    let floors = [
        ("pdftotext", 94.0),
        ("pdftotext-layout", 93.0),
        ("pdftotext-raw", 75.0),
        ("pymupdf", 87.5),
        ("pdfminer", 52.5),
        ("evince-copy", 47.0),
    ];
    assert_floors(&scores, &floors);
    assert!(whole >= 75.0);
}

/// The two-column check set (tests/corpus/twocol): an essay written for
/// it, set in two columns by LibreOffice (Amiri) and Typst (Noto Kufi
/// Arabic), each extracted by the five tools, so that the rules for two
/// columns are measured on material they were not tuned to. First
/// measured before any two-column rule was written: 51.9% (pdftotext
/// 60.9%, `-layout` 57.8%, `-raw` 45.3%, PyMuPDF 51.6%, pdfminer 43.8%);
/// the floors are the figures reached since.
#[test]
fn the_two_column_set_is_scored_against_its_source() {
    let results = score_all(&corpus().join("twocol"));
    assert!(results.len() >= 10, "fixtures: {}", results.len());
    let (scores, whole) = table("two-column total", &results);
    let floors = [
        ("pdftotext", 62.0),
        ("pdftotext-layout", 93.5),
        ("pdftotext-raw", 65.5),
        ("pymupdf", 68.5),
        ("pdfminer", 48.0),
    ];
    assert_floors(&scores, &floors);
    assert!(whole >= 67.5);
}

/// The fresh set (tests/corpus/fresh): two essays written in session 5,
/// typeset by LibreOffice, WeasyPrint and Typst, every PDF extracted by
/// the five tools, and kept from everyone writing rules until the end of
/// that session. First measured before any of that session's rules:
/// 70.0% (pdftotext 79.3%, `-layout` 81.0%, `-raw` 67.5%, PyMuPDF 71.3%,
/// pdfminer 50.6%); after them 72.2% (81.9%, 85.7%, 70.0%, 73.8%,
/// 49.8%). Session 6 checked its rules for pdftotext, `-layout` and
/// PyMuPDF on it with the other sets: 79.2% (91.1%, 91.6%, 79.7%, 82.7%,
/// 51.1%); the floors of those three tools and the total are raised to
/// that.
#[test]
fn the_fresh_set_is_scored_against_its_source() {
    let results = score_all(&corpus().join("fresh"));
    assert!(results.len() >= 30, "fixtures: {}", results.len());
    let (scores, whole) = table("fresh total", &results);
    let floors = [
        ("pdftotext", 91.0),
        ("pdftotext-layout", 91.5),
        ("pdftotext-raw", 80.0),
        ("pymupdf", 82.5),
        ("pdfminer", 66.0),
    ];
    assert_floors(&scores, &floors);
    assert!(whole >= 82.0);
}

/// The unseen set (tests/corpus/unseen): two essays written in session 6,
/// typeset by LibreOffice, WeasyPrint, Typst and XeLaTeX, every PDF
/// extracted by the five tools, and kept from everyone writing rules until
/// the end of that session. Before that session's rules: 53.2% (pdftotext
/// 59.2%, `-layout` 56.3%, `-raw` 54.6%, PyMuPDF 51.7%, pdfminer 44.3%);
/// after them 54.8% (59.5%, 58.6%, 53.4%, 54.0%, 48.3%). The floors are
/// those figures, measured once.
#[test]
fn the_unseen_set_is_scored_against_its_source() {
    let results = score_all(&corpus().join("unseen"));
    assert!(results.len() >= 40, "fixtures: {}", results.len());
    let (scores, whole) = table("unseen total", &results);
    let floors = [
        ("pdftotext", 59.0),
        ("pdftotext-layout", 58.0),
        ("pdftotext-raw", 53.0),
        ("pymupdf", 53.5),
        ("pdfminer", 48.0),
    ];
    assert_floors(&scores, &floors);
    assert!(whole >= 54.5);
}

/// Words cut by justification (`ال راوي`) are rejoined in an extraction
/// that cuts them (LibreOffice's Noto Sans Arabic, pdftotext), and never
/// in the essays' own sources: clean text, forced through the same
/// importer, keeps every word as written.
#[test]
fn cut_words_are_rejoined_only_where_the_extraction_cut_them() {
    let cut = "words cut by justification rejoined";
    let has_repair = |doc: &hamish::document::Document| {
        doc.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .any(|b| b.repairs.iter().any(|r| r == cut))
    };
    let file = corpus().join("text/pdftotext/04_maqama.lo.txt");
    let doc = import_path(&file, None).expect("imports");
    assert!(has_repair(&doc));
    // الراوي (the narrator), extracted as ال راوي: whole again.
    let narrator = "\u{627}\u{644}\u{631}\u{627}\u{648}\u{64a}";
    let text: String = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| b.plain_text())
        .collect();
    assert!(text.contains(narrator));
    assert!(!text.contains("\u{627}\u{644} \u{631}\u{627}\u{648}\u{64a}"));
    for set in ["", "heldout", "twocol"] {
        let dir = corpus().join(set).join("src");
        for entry in std::fs::read_dir(&dir).expect("sources") {
            let path = entry.expect("entry").path();
            let doc = import_path(&path, Some(Format::Pdftext)).expect("imports");
            assert!(!has_repair(&doc), "{}", path.display());
        }
    }
}

/// Lam-alef swapped by a font throughout a document (`إال` for `إلا`) is
/// put back where the document shows the damage everywhere, and the
/// evidence never shows in the essays' own sources: clean text, forced
/// through the same importer, is never marked.
#[test]
fn lam_alef_is_put_back_only_in_a_document_that_swapped_it_throughout() {
    let fixed = "lam-alef put in order";
    let has_repair = |doc: &hamish::document::Document| {
        doc.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .chain(doc.notes.iter().flat_map(|n| &n.blocks))
            .any(|b| b.repairs.iter().any(|r| r == fixed))
    };
    let file = corpus().join("fresh/text/pdftotext/08_astrolabe.wp.txt");
    let doc = import_path(&file, None).expect("imports");
    assert!(has_repair(&doc));
    let text: String = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .chain(doc.notes.iter().flat_map(|n| &n.blocks))
        .map(|b| b.plain_text())
        .collect();
    // إلا القليل (but little), extracted as إال القليل
    assert!(text.contains("\u{625}\u{644}\u{627} \u{627}\u{644}\u{642}\u{644}\u{64a}\u{644}"));
    assert!(!text.contains("\u{625}\u{627}\u{644} "));
    for set in ["", "heldout", "twocol", "fresh"] {
        let dir = corpus().join(set).join("src");
        for entry in std::fs::read_dir(&dir).expect("sources") {
            let path = entry.expect("entry").path();
            let source = std::fs::read_to_string(&path).expect("source");
            assert!(!lam_alef_doc::swapped_throughout(source.lines()));
            let doc = import_path(&path, Some(Format::Pdftext)).expect("imports");
            assert!(!has_repair(&doc), "{}", path.display());
        }
    }
}

/// `hamish convert --to outline` on a pdftotext extraction: each source
/// line with what it became, the notes' markers, and no bidi control left.
#[test]
fn the_outline_says_what_each_line_became() {
    use hamish::document::import::outline_path;
    let file = corpus().join("text/pdftotext/01_water.lo.txt");
    let outline = outline_path(&file, None).expect("outline");
    let source_lines = std::fs::read_to_string(&file).unwrap().split('\n').count();
    let rows: Vec<&str> = outline
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains(" | "))
        .collect();
    assert_eq!(rows.len(), source_lines);
    // مجلة دراسات الهامش (the journal's name): the running header
    let journal = "\u{645}\u{62c}\u{644}\u{629} \u{62f}\u{631}\u{627}\u{633}\u{627}\u{62a} \u{627}\u{644}\u{647}\u{627}\u{645}\u{634}";
    assert!(rows
        .iter()
        .any(|r| r.contains("furniture") && r.ends_with(journal)));
    // 1. المقدمة (1. the introduction)
    assert!(rows.iter().any(|r| r.contains("heading")
        && r.ends_with("1. \u{627}\u{644}\u{645}\u{642}\u{62f}\u{645}\u{629}")));
    assert!(rows.iter().any(|r| r.contains("note 1 ")));
    assert!(outline.contains("note 1 (fn1): marker in"));
    assert!(!outline
        .chars()
        .any(|c| ('\u{202A}'..='\u{202E}').contains(&c)));
}
