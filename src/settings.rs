//! The settings, on the ground floor: what the command line and the config
//! file produce, and what the layout, the reader and `--print` read. Nothing
//! here knows where a setting came from, so nothing low has to import the
//! command line or the config file to know how to lay text out.

use clap::ValueEnum;
use ratatui::style::Color;

use crate::layout::LayoutOptions;

/// The widths a text column can have, on the command line and in the config
/// file alike, so no value can ask for gigabytes of row buffers.
pub const WIDTH_RANGE: std::ops::RangeInclusive<usize> = 1..=1000;

/// Who reorders right-to-left text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum BidiMode {
    /// hamish lays out and reorders; the terminal is asked not to.
    #[default]
    App,
    /// The terminal reorders (Konsole, mlterm with bidi on): hamish writes
    /// logical order.
    Terminal,
}

/// Arabic shaping.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ShapeMode {
    /// On, unless the terminal does its own bidi (`--bidi terminal`), which
    /// in practice means it shapes too.
    #[default]
    Auto,
    On,
    Off,
}

impl ShapeMode {
    /// Whether text is shaped when `bidi` does the reordering.
    pub fn enabled(self, bidi: BidiMode) -> bool {
        match self {
            ShapeMode::On => true,
            ShapeMode::Off => false,
            ShapeMode::Auto => bidi == BidiMode::App,
        }
    }
}

/// Colours, or none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Theme {
    #[default]
    Dark,
    Light,
    /// No colour at all: bold, underline and reverse video only.
    Mono,
}

/// The name a setting's value has on the command line and in the config
/// file (`dark`, `auto`, `terminal`…), from its `ValueEnum` derive.
pub fn value_name(value: &impl ValueEnum) -> String {
    value
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

/// Colours used by the dark and light themes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colors {
    pub heading: Color,
    pub marker: Color,
    pub search: Color,
}

impl Default for Colors {
    fn default() -> Self {
        Colors {
            heading: Color::Cyan,
            marker: Color::Yellow,
            search: Color::Blue,
        }
    }
}

/// Every setting but the key bindings (which belong to the reader).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Text column width in cells; narrower terminals use their full width.
    pub width: usize,
    pub shape: ShapeMode,
    pub bidi: BidiMode,
    pub theme: Theme,
    /// Capture the mouse (wheel, clicks on footnote markers).
    pub mouse: bool,
    pub colors: Colors,
    /// With `bidi = terminal`: how the status line is written for the
    /// terminal to reorder. Known from the terminal, not set by the user.
    pub status_line: StatusLine,
}

/// How the status line (Arabic titles, then numbers) is written when the
/// terminal reorders (`--bidi terminal`), so the numbers are not drawn
/// into the titles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusLine {
    /// In logical order, each title inside an FSI…PDI isolate (terminals
    /// that drop the marks lose nothing).
    #[default]
    Isolated,
    /// In hamish's own visual order, the row marked for the painter to ask
    /// the terminal to leave it alone (VTE keeps BiDi modes per row).
    Ordered,
    /// In logical order without marks: mlterm gives isolates a column each,
    /// which would push the line past the screen's edge.
    Plain,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            width: 80,
            shape: ShapeMode::Auto,
            bidi: BidiMode::App,
            theme: Theme::Dark,
            mouse: true,
            colors: Colors::default(),
            status_line: StatusLine::Isolated,
        }
    }
}

impl Settings {
    /// Whether Arabic is shaped.
    pub fn shaping(&self) -> bool {
        self.shape.enabled(self.bidi)
    }

    /// Whether hamish reorders rows itself (else the terminal does).
    pub fn reorders(&self) -> bool {
        self.bidi == BidiMode::App
    }

    /// The one way settings become layout options, for a column of
    /// `width` cells (at least one).
    pub fn layout_options(&self, width: usize) -> LayoutOptions {
        LayoutOptions {
            width: width.max(1),
            shape: self.shaping(),
            reorder: self.reorders(),
            // A terminal that reorders places RTL rows itself: no padding.
            align_rtl: self.reorders(),
            ..LayoutOptions::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reordering_terminal_gets_logical_unshaped_unpadded_rows() {
        let terminal = Settings {
            bidi: BidiMode::Terminal,
            ..Settings::default()
        };
        let options = terminal.layout_options(40);
        assert!(!options.shape && !options.reorder && !options.align_rtl);
        assert_eq!(options.width, 40);
        let app = Settings::default().layout_options(0);
        assert!(app.shape && app.reorder && app.align_rtl);
        assert_eq!(app.width, 1, "a column is at least one cell");
        let forced = Settings {
            bidi: BidiMode::Terminal,
            shape: ShapeMode::On,
            ..Settings::default()
        };
        assert!(forced.shaping());
    }

    #[test]
    fn value_names_are_the_command_line_spellings() {
        assert_eq!(value_name(&Theme::Mono), "mono");
        assert_eq!(value_name(&ShapeMode::Auto), "auto");
        assert_eq!(value_name(&BidiMode::Terminal), "terminal");
    }
}
