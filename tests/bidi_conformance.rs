//! Unicode's own bidi conformance suites (BidiTest.txt and
//! BidiCharacterTest.txt, Unicode 17.0, vendored gzipped under tests/data/),
//! run through the engine's own path: `ParagraphLevels` for levels and L1,
//! `visual_order` for L2, with X9-removed characters skipped the way the
//! layout skips them.

use std::io::{BufRead, BufReader};

use hamish::layout::bidi::{visual_order, ParagraphLevels};
use hamish::layout::Direction;

fn lines(name: &str) -> Vec<String> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(|l| l.expect("readable test data"))
        .collect()
}

/// What the engine makes of one paragraph: the paragraph level, the level of
/// each char (None when removed by X9) and the visual order of the others.
fn run(text: &str, direction: Direction) -> (u8, Vec<Option<u8>>, Vec<usize>) {
    let para = ParagraphLevels::new(text, direction);
    let mut byte_levels = Vec::new();
    para.line_levels(0..text.len(), &mut byte_levels);
    let mut levels = Vec::new();
    let mut kept = Vec::new(); // (char index, level)
    for (i, (at, _)) in text.char_indices().enumerate() {
        if para.removed_by_x9(at) {
            levels.push(None);
        } else {
            levels.push(Some(byte_levels[at]));
            kept.push((i, byte_levels[at]));
        }
    }
    let kept_levels: Vec<u8> = kept.iter().map(|&(_, l)| l).collect();
    let order = visual_order(&kept_levels)
        .into_iter()
        .map(|k| kept[k].0)
        .collect();
    (para.paragraph_level(), levels, order)
}

fn parse_levels(field: &str) -> Vec<Option<u8>> {
    field
        .split_whitespace()
        .map(|t| {
            if t == "x" {
                None
            } else {
                Some(t.parse().expect("level"))
            }
        })
        .collect()
}

fn parse_order(field: &str) -> Vec<usize> {
    field
        .split_whitespace()
        .map(|t| t.parse().expect("index"))
        .collect()
}

#[test]
fn bidi_character_test_all_pass() {
    let mut passed = 0;
    let mut failures = Vec::new();
    for line in lines("BidiCharacterTest-17.0.0.txt.gz") {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(';').collect();
        assert_eq!(fields.len(), 5, "malformed line: {line}");
        let text: String = fields[0]
            .split_whitespace()
            .map(|h| char::from_u32(u32::from_str_radix(h, 16).expect("hex")).expect("scalar"))
            .collect();
        let direction = match fields[1] {
            "0" => Direction::Ltr,
            "1" => Direction::Rtl,
            "2" => Direction::Auto,
            other => panic!("unknown direction {other}"),
        };
        let expected = (
            fields[2].parse::<u8>().expect("paragraph level"),
            parse_levels(fields[3]),
            parse_order(fields[4]),
        );
        if run(&text, direction) == expected {
            passed += 1;
        } else if failures.len() < 20 {
            failures.push(line.to_string());
        } else {
            failures.push(String::new());
        }
    }
    println!(
        "BidiCharacterTest: {passed} passed, {} failed",
        failures.len()
    );
    assert!(passed > 90_000, "too few cases ran: {passed}");
    assert!(
        failures.is_empty(),
        "failures (first 20):\n{}",
        failures.join("\n")
    );
}

fn representative(class: &str) -> char {
    match class {
        "L" => 'a',
        "R" => '\u{05D0}',
        "AL" => '\u{0627}',
        "EN" => '0',
        "ES" => '+',
        "ET" => '$',
        "AN" => '\u{0660}',
        "CS" => ',',
        "NSM" => '\u{0300}',
        "BN" => '\u{00AD}',
        "B" => '\u{2029}',
        "S" => '\t',
        "WS" => ' ',
        "ON" => '!',
        "LRE" => '\u{202A}',
        "LRO" => '\u{202D}',
        "RLE" => '\u{202B}',
        "RLO" => '\u{202E}',
        "PDF" => '\u{202C}',
        "LRI" => '\u{2066}',
        "RLI" => '\u{2067}',
        "FSI" => '\u{2068}',
        "PDI" => '\u{2069}',
        other => panic!("unknown bidi class {other}"),
    }
}

#[test]
fn bidi_test_all_pass_in_all_three_directions() {
    let mut levels = Vec::new();
    let mut order = Vec::new();
    let mut passed = 0;
    let mut per_direction = [0usize; 3];
    let mut failures = Vec::new();
    for line in lines("BidiTest-17.0.0.txt.gz") {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("@Levels:") {
            levels = parse_levels(rest);
            continue;
        }
        if let Some(rest) = line.strip_prefix("@Reorder:") {
            order = parse_order(rest);
            continue;
        }
        if line.starts_with('@') {
            continue;
        }
        let (input, bits) = line.split_once(';').expect("data line");
        let bits = u8::from_str_radix(bits.trim(), 16).expect("bitset");
        let text: String = input.split_whitespace().map(representative).collect();
        for (k, (bit, direction)) in [
            (1, Direction::Auto),
            (2, Direction::Ltr),
            (4, Direction::Rtl),
        ]
        .into_iter()
        .enumerate()
        {
            if bits & bit == 0 {
                continue;
            }
            let (_, got_levels, got_order) = run(&text, direction);
            if got_levels == levels && got_order == order {
                passed += 1;
                per_direction[k] += 1;
            } else if failures.len() < 20 {
                failures.push(format!(
                    "{input}; {direction:?}: got {got_levels:?} {got_order:?}"
                ));
            } else {
                failures.push(String::new());
            }
        }
    }
    println!(
        "BidiTest: {passed} passed, {} failed (auto {}, ltr {}, rtl {})",
        failures.len(),
        per_direction[0],
        per_direction[1],
        per_direction[2]
    );
    assert!(
        per_direction.iter().all(|&n| n > 100_000),
        "too few cases ran: {per_direction:?}"
    );
    assert!(
        failures.is_empty(),
        "failures (first 20):\n{}",
        failures.join("\n")
    );
}
