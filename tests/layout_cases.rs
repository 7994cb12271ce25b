//! Readable layout cases: each Arabic string is written with a comment that
//! reads it out, and expectations are given in visual order (left to right as
//! the terminal shows them).

use hamish::layout::{layout_paragraph, Direction, Glyph, LayoutOptions, StyleSpan};

fn options(width: usize, shape: bool) -> LayoutOptions {
    LayoutOptions {
        width,
        shape,
        ..LayoutOptions::default()
    }
}

fn rows(text: &str, width: usize, shape: bool) -> Vec<String> {
    layout_paragraph(text, &options(width, shape), &[]).row_strings(text)
}

fn trimmed(rows: &[String]) -> Vec<&str> {
    rows.iter().map(|r| r.trim_start()).collect()
}

#[test]
fn number_inside_arabic_keeps_its_digit_order() {
    // "عام 1917،" (year 1917, Arabic comma) shows as "،1917 ماع"
    let text = "\u{0639}\u{0627}\u{0645} 1917\u{060C}";
    assert_eq!(
        trimmed(&rows(text, 80, false)),
        ["\u{060C}1917 \u{0645}\u{0627}\u{0639}"]
    );
}

#[test]
fn rtl_rows_are_right_aligned_and_ltr_rows_are_not() {
    // "عام" (year)
    let r = rows("\u{0639}\u{0627}\u{0645}", 10, false);
    assert_eq!(r, ["       \u{0645}\u{0627}\u{0639}"]);
    assert_eq!(rows("year", 10, false), ["year"]);
}

#[test]
fn parentheses_mirror_in_right_to_left_text() {
    // "(ثورة)" (revolution, in parentheses): logical "(" opens on the right,
    // so visually the row is "(ةروث)" with each bracket mirrored.
    let text = "(\u{062B}\u{0648}\u{0631}\u{0629})";
    assert_eq!(
        trimmed(&rows(text, 80, false)),
        ["(\u{0629}\u{0631}\u{0648}\u{062B})"]
    );
    let laid = layout_paragraph(text, &options(80, false), &[]);
    let cells = laid.row_cells(0);
    // The leftmost cell is the logical ")" shown mirrored as "(".
    assert_eq!(cells[0].range(), text.len() - 1..text.len());
    assert_eq!(cells[0].glyph, Glyph::Replace('('));
}

#[test]
fn latin_citation_inside_arabic_stays_readable() {
    // "قال (Service, 2009, 990) إن" (he said (Service, 2009, 990) that)
    let text = "\u{0642}\u{0627}\u{0644} (Service, 2009, 990) \u{0625}\u{0646}";
    let row = rows(text, 80, false);
    assert_eq!(
        trimmed(&row),
        ["\u{0646}\u{0625} (Service, 2009, 990) \u{0644}\u{0627}\u{0642}"]
    );
}

#[test]
fn arabic_word_inside_english_is_reversed_in_place() {
    // "The word ثورة means" — the Arabic word reads right to left inside it
    let text = "The word \u{062B}\u{0648}\u{0631}\u{0629} means";
    assert_eq!(
        rows(text, 80, false),
        ["The word \u{0629}\u{0631}\u{0648}\u{062B} means"]
    );
}

#[test]
fn shadda_stays_on_its_letter_after_reversal() {
    // "الشَّعب" (the people): shadda U+0651 and fatha U+064E follow sheen
    let text = "\u{0627}\u{0644}\u{0634}\u{0651}\u{064E}\u{0639}\u{0628}";
    let row = &rows(text, 80, false)[0];
    // visual: beh, ain, sheen+shadda+fatha, lam, alef
    assert_eq!(
        row.trim_start(),
        "\u{0628}\u{0639}\u{0634}\u{0651}\u{064E}\u{0644}\u{0627}"
    );
}

#[test]
fn lam_alef_and_shadda_survive_a_row_break() {
    // "السّلام عليكم" (peace be upon you) at width 5 with shaping:
    // row 1 is "السّلام" shaped, row 2 "عليكم".
    let text = "\u{0627}\u{0644}\u{0633}\u{0651}\u{0644}\u{0627}\u{0645} \u{0639}\u{0644}\u{064A}\u{0643}\u{0645}";
    let laid = layout_paragraph(text, &options(6, true), &[]);
    let r = laid.row_strings(text);
    assert_eq!(r.len(), 2, "{r:?}");
    // Row 1, visual: meem isolated (alef never joins onwards), lam-alef
    // final ligature, seen medial + shadda, lam initial, alef isolated: 5 cells.
    assert_eq!(
        r[0].trim_start(),
        "\u{FEE1}\u{FEFC}\u{FEB4}\u{0651}\u{FEDF}\u{FE8D}"
    );
    assert_eq!(laid.rows[0].width, 5);
    // Row 2: "عليكم" shaped: meem final, kaf medial, yeh medial, lam medial, ain initial
    assert_eq!(
        r[1].trim_start(),
        "\u{FEE2}\u{FEDC}\u{FEF4}\u{FEE0}\u{FECB}"
    );
    // The ligature cell covers both logical letters, lam and alef.
    let lig = laid
        .row_cells(0)
        .iter()
        .find(|c| c.glyph == Glyph::Replace('\u{FEFC}'))
        .unwrap();
    assert_eq!(&text[lig.range()], "\u{0644}\u{0627}");
}

#[test]
fn shaping_makes_a_row_narrower_not_wider() {
    // "لا" (no): two cells unshaped, one ligature cell shaped
    let text = "\u{0644}\u{0627}";
    assert_eq!(
        layout_paragraph(text, &options(10, false), &[]).rows[0].width,
        2
    );
    assert_eq!(
        layout_paragraph(text, &options(10, true), &[]).rows[0].width,
        1
    );
}

#[test]
fn bidi_controls_steer_but_take_no_cell() {
    // RLE "abc" PDF: Latin letters inside a right-to-left embedding get
    // level 2, so they still read left to right; the controls leave no cell.
    let text = "x \u{202B}abc\u{202C} y";
    let laid = layout_paragraph(text, &options(80, false), &[]);
    let s = laid.row_strings(text);
    assert_eq!(s, ["x abc y"]);
    assert!(laid
        .cells
        .iter()
        .all(|c| !text[c.range()].contains('\u{202B}')));
    // RLO forces right-to-left: "abc" is shown reversed.
    let text = "\u{202E}abc\u{202C}";
    assert_eq!(rows(text, 80, false), ["cba"]);
}

#[test]
fn control_characters_become_visible_symbols() {
    let text = "a\u{1b}[31mb\u{9b}c\u{7f}";
    let r = rows(text, 80, false);
    assert_eq!(r, ["a\u{241B}[31mb\u{FFFD}c\u{2421}"]);
    assert!(!r[0].chars().any(|c| c.is_control()));
}

#[test]
fn private_use_glyphs_pass_through_one_cell_each() {
    // U+F02B, a symbol-font footnote marker from the PDF, after "لينين" (Lenin)
    let text = "\u{0644}\u{064A}\u{0646}\u{064A}\u{0646}\u{F02B}";
    let laid = layout_paragraph(text, &options(80, false), &[]);
    assert_eq!(laid.rows[0].width, 6);
    assert!(laid.row_strings(text)[0].contains('\u{F02B}'));
}

#[test]
fn style_spans_follow_their_characters_through_reversal() {
    // "قال لينين" (Lenin said): highlight "لينين" (bytes of the second word)
    let text = "\u{0642}\u{0627}\u{0644} \u{0644}\u{064A}\u{0646}\u{064A}\u{0646}";
    let start = text.find(' ').unwrap() + 1;
    let spans = [StyleSpan {
        range: start..text.len(),
        style: 7,
    }];
    let laid = layout_paragraph(text, &options(80, false), &spans);
    let cells = laid.row_cells(0);
    // Visually the highlighted word is now on the left: the first 5 cells.
    let styled: Vec<bool> = cells.iter().map(|c| c.style == Some(7)).collect();
    assert_eq!(
        styled,
        [true, true, true, true, true, false, false, false, false]
    );
}

#[test]
fn forced_direction_overrides_auto() {
    let text = "abc \u{0639}\u{0627}\u{0645}";
    let ltr = layout_paragraph(
        text,
        &LayoutOptions {
            direction: Direction::Ltr,
            ..options(20, false)
        },
        &[],
    );
    let rtl = layout_paragraph(
        text,
        &LayoutOptions {
            direction: Direction::Rtl,
            ..options(20, false)
        },
        &[],
    );
    assert!(!ltr.rtl && rtl.rtl);
    assert_eq!(ltr.row_strings(text), ["abc \u{0645}\u{0627}\u{0639}"]);
    assert_eq!(
        rtl.row_strings(text)[0].trim_start(),
        "\u{0645}\u{0627}\u{0639} abc"
    );
}

#[test]
fn orphan_combining_mark_gets_a_dotted_circle() {
    // a fatha with no letter before it
    let r = rows("\u{064E}x", 10, false);
    assert_eq!(r, ["\u{25CC}\u{064E}x"]);
}

#[test]
fn rows_come_out_in_reading_order() {
    // Three Arabic words at width 4: the first word is on the first row,
    // unlike fribidi --width, which reorders before wrapping.
    // "واحد اثنان ثلاثة" (one two three), shaping off
    let text = "\u{0648}\u{0627}\u{062D}\u{062F} \u{0627}\u{062B}\u{0646}\u{0627}\u{0646} \u{062B}\u{0644}\u{0627}\u{062B}\u{0629}";
    let r = rows(text, 5, false);
    assert_eq!(
        trimmed(&r),
        [
            "\u{062F}\u{062D}\u{0627}\u{0648}",
            "\u{0646}\u{0627}\u{0646}\u{062B}\u{0627}",
            "\u{0629}\u{062B}\u{0627}\u{0644}\u{062B}"
        ]
    );
}

#[test]
fn a_path_or_link_in_arabic_reads_left_to_right_across_rows() {
    // "افتح /usr/share/doc/hamish ثم" (open … then), cut at 12 columns:
    // the path is one left-to-right token, so its first row shows "/usr/"
    // (bare UAX #9 gives "usr//": the leading slash is a neutral that
    // takes the Arabic direction).
    let text = "\u{0627}\u{0641}\u{062A}\u{062D} /usr/share/doc/hamish \u{062B}\u{0645}";
    let r = rows(text, 12, false);
    assert_eq!(
        trimmed(&r),
        [
            "/usr/ \u{062D}\u{062A}\u{0641}\u{0627}",
            "share/doc/",
            "\u{0645}\u{062B} hamish"
        ]
    );
    // A link with its scheme: "انظر http://example.org/a/b." (see …)
    let text = "\u{0627}\u{0646}\u{0638}\u{0631} http://example.org/a/b.";
    assert_eq!(
        trimmed(&rows(text, 80, false)),
        [".http://example.org/a/b \u{0631}\u{0638}\u{0646}\u{0627}"]
    );
}
