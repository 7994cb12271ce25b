//! What each kind of text looks like, per theme. The mono theme (and
//! NO_COLOR) uses bold, underline and reverse video only, never colour.

use ratatui::style::{Color, Modifier, Style};

use crate::settings::{Colors, Theme};

/// Styles for one theme.
#[derive(Clone, Copy, Debug)]
pub struct Styles {
    pub text: Style,
    pub title: Style,
    pub heading: Style,
    pub marker: Style,
    pub marker_selected: Style,
    pub status: Style,
    pub border: Style,
    pub border_focus: Style,
    pub selected: Style,
    pub dim: Style,
    pub search: Style,
    pub search_current: Style,
}

impl Styles {
    pub fn new(theme: Theme, colors: Colors) -> Styles {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let reverse = Style::default().add_modifier(Modifier::REVERSED);
        match theme {
            Theme::Mono => Styles {
                text: Style::default(),
                title: bold.add_modifier(Modifier::UNDERLINED),
                heading: bold,
                marker: bold.add_modifier(Modifier::UNDERLINED),
                marker_selected: reverse.add_modifier(Modifier::BOLD),
                status: reverse,
                border: Style::default(),
                border_focus: bold,
                selected: reverse,
                dim: Style::default(),
                search: Style::default().add_modifier(Modifier::UNDERLINED),
                search_current: reverse.add_modifier(Modifier::BOLD),
            },
            Theme::Dark | Theme::Light => {
                // The config file's colours; light terminals may want others.
                let (accent, marker) = (colors.heading, colors.marker);
                Styles {
                    text: Style::default(),
                    title: bold.fg(accent).add_modifier(Modifier::UNDERLINED),
                    heading: bold.fg(accent),
                    marker: bold.fg(marker),
                    marker_selected: reverse.fg(marker).add_modifier(Modifier::BOLD),
                    status: reverse,
                    border: Style::default().fg(Color::DarkGray),
                    border_focus: Style::default().fg(accent),
                    selected: reverse,
                    dim: Style::default().fg(Color::DarkGray),
                    search: Style::default().bg(colors.search),
                    search_current: reverse.add_modifier(Modifier::BOLD),
                }
            }
        }
    }
}
