//! Every command the reader understands. Keys and mouse events become
//! actions (see `keymap`), and only `App::update` changes state in answer.

/// A command. The doc comment of each variant is what the help screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Scroll one line down (in a list: next entry)
    LineDown,
    /// Scroll one line up (in a list: previous entry)
    LineUp,
    /// Page down
    PageDown,
    /// Page up
    PageUp,
    /// Half a page down
    HalfPageDown,
    /// Half a page up
    HalfPageUp,
    /// Start of the document
    Top,
    /// End of the document
    Bottom,
    /// Next section
    NextSection,
    /// Previous section
    PrevSection,
    /// Table of contents
    Toc,
    /// Next footnote marker: select it, scroll to it, open its note
    NextFootnote,
    /// Previous footnote marker
    PrevFootnote,
    /// Open or jump to the selected entry; in a note: go to it in the notes list
    Activate,
    /// Go back to where you were before the last jump
    JumpBack,
    /// Close the popup or overlay
    Close,
    /// Side-by-side view: English abstract beside the Arabic text
    SideBySide,
    /// Side-by-side: switch the focused pane
    SwitchPane,
    /// Side-by-side: link or unlink the scrolling of the panes
    ToggleLinkedScroll,
    /// Side-by-side: Arabic abstract or the whole Arabic text on the right
    ToggleArabicWhole,
    /// This help
    Help,
    /// Library of essays
    Library,
    /// Quit (closes an open overlay first)
    Quit,
    /// Quit at once
    QuitNow,
    /// Search as you type (Enter keeps it, Esc goes back)
    Search,
    /// Next search match
    SearchNext,
    /// Previous search match
    SearchPrev,
    /// Set a mark: m then a letter
    SetMark,
    /// Jump to a mark: ' then a letter ('' jumps back)
    GotoMark,
}

impl Action {
    /// Every action, in help-screen order.
    pub const ALL: &'static [Action] = &[
        Action::LineDown,
        Action::LineUp,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::NextSection,
        Action::PrevSection,
        Action::Toc,
        Action::NextFootnote,
        Action::PrevFootnote,
        Action::Activate,
        Action::JumpBack,
        Action::Close,
        Action::SideBySide,
        Action::SwitchPane,
        Action::ToggleLinkedScroll,
        Action::ToggleArabicWhole,
        Action::Help,
        Action::Library,
        Action::Quit,
        Action::QuitNow,
        Action::Search,
        Action::SearchNext,
        Action::SearchPrev,
        Action::SetMark,
        Action::GotoMark,
    ];

    /// The name used in the config file's `[keys]` table.
    pub fn name(self) -> &'static str {
        match self {
            Action::LineDown => "line_down",
            Action::LineUp => "line_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextSection => "next_section",
            Action::PrevSection => "prev_section",
            Action::Toc => "toc",
            Action::NextFootnote => "next_footnote",
            Action::PrevFootnote => "prev_footnote",
            Action::Activate => "activate",
            Action::JumpBack => "jump_back",
            Action::Close => "close",
            Action::SideBySide => "side_by_side",
            Action::SwitchPane => "switch_pane",
            Action::ToggleLinkedScroll => "toggle_linked_scroll",
            Action::ToggleArabicWhole => "toggle_arabic_whole",
            Action::Help => "help",
            Action::Library => "library",
            Action::Quit => "quit",
            Action::QuitNow => "quit_now",
            Action::Search => "search",
            Action::SearchNext => "search_next",
            Action::SearchPrev => "search_prev",
            Action::SetMark => "set_mark",
            Action::GotoMark => "goto_mark",
        }
    }

    /// What the help screen says it does.
    pub fn describe(self) -> &'static str {
        match self {
            Action::LineDown => "line down (in a list: next entry)",
            Action::LineUp => "line up (in a list: previous entry)",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half page down",
            Action::HalfPageUp => "half page up",
            Action::Top => "start of the document",
            Action::Bottom => "end of the document",
            Action::NextSection => "next section",
            Action::PrevSection => "previous section",
            Action::Toc => "table of contents (j/k, Enter to jump, Esc)",
            Action::NextFootnote => "next footnote: select, scroll to it, open it",
            Action::PrevFootnote => "previous footnote",
            Action::Activate => "open / jump; in a note: go to it in the notes",
            Action::JumpBack => "back to where you were before the jump",
            Action::Close => "close the popup or overlay",
            Action::SideBySide => "side by side: English abstract | Arabic",
            Action::SwitchPane => "side by side: switch the focused pane",
            Action::ToggleLinkedScroll => "side by side: link / unlink scrolling",
            Action::ToggleArabicWhole => "side by side: Arabic abstract / whole text",
            Action::Help => "this help",
            Action::Library => "library of essays",
            Action::Quit => "quit (closes an overlay first)",
            Action::QuitNow => "quit at once",
            Action::Search => "search as you type; Ctrl-e exact; Esc back",
            Action::SearchNext => "next match",
            Action::SearchPrev => "previous match",
            Action::SetMark => "set mark: m then a letter",
            Action::GotoMark => "go to mark: ' then a letter ('' back)",
        }
    }
}
