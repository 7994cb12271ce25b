//! Fuzz the layout engine: any text at any width, shaped or not, reordered
//! or not; rows never exceed the width and never carry a raw control.
#![no_main]

use hamish::layout::{layout_paragraph, Direction, LayoutOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Some((&width, rest)) = rest.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let options = LayoutOptions {
        width: usize::from(width),
        direction: match flags % 3 {
            0 => Direction::Auto,
            1 => Direction::Ltr,
            _ => Direction::Rtl,
        },
        shape: flags & 4 != 0,
        align_rtl: flags & 8 != 0,
        reorder: flags & 16 == 0,
    };
    let laid = layout_paragraph(&text, &options, &[]);
    for i in 0..laid.rows.len() {
        let mut row = String::new();
        laid.push_row_text(&text, i, &mut row);
        assert!(
            !row.chars().any(|c| c.is_control() && c != '\t'),
            "a control character reached a row"
        );
    }
});
