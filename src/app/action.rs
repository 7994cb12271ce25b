//! Every command the reader understands, declared once: its variant, the
//! name the config file's `[keys]` table uses, what the help screen says,
//! and its default keys. Keys become actions through the `keymap`, and
//! `App::handle` is where the App answers them.

/// Declares `Action`, `Action::ALL`, `Action::name`, `Action::describe` and
/// `DEFAULT_KEYS` from one table (as helix's `static_commands!` does), so
/// that adding a command is one line and the five can never disagree.
macro_rules! actions {
    ($( $variant:ident $name:literal [$($key:literal),*] $help:literal; )*) => {
        /// A command. The doc of each variant is what the help screen shows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Action {
            $( #[doc = $help] $variant, )*
        }

        impl Action {
            /// Every action, in help-screen order.
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            /// The name used in the config file's `[keys]` table.
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)*
                }
            }

            /// What the help screen says it does.
            pub fn describe(self) -> &'static str {
                match self {
                    $(Action::$variant => $help,)*
                }
            }
        }

        /// All default bindings, in help order.
        pub const DEFAULT_KEYS: &[(Action, &[&str])] = &[
            $((Action::$variant, &[$($key),*]),)*
        ];
    };
}

actions! {
    LineDown "line_down" ["j", "down"] "line down (in a list: next entry)";
    LineUp "line_up" ["k", "up"] "line up (in a list: previous entry)";
    PageDown "page_down" ["space", "pagedown", "ctrl-f"] "page down";
    PageUp "page_up" ["b", "pageup", "ctrl-b"] "page up";
    HalfPageDown "half_page_down" ["ctrl-d"] "half page down";
    HalfPageUp "half_page_up" ["ctrl-u"] "half page up";
    Top "top" ["g", "home"] "start of the document";
    Bottom "bottom" ["G", "end"] "end of the document";
    GotoPercent "goto_percent" ["%", "p"] "go to N% of the document: type N first (50% or 50p)";
    NextSection "next_section" ["]"] "next section";
    PrevSection "prev_section" ["["] "previous section";
    Toc "toc" ["t"] "table of contents (j/k, Enter to jump, Esc)";
    NextFootnote "next_footnote" ["f"] "next footnote: select, scroll to it, open it";
    PrevFootnote "prev_footnote" ["F"] "previous footnote";
    Activate "activate" ["enter"] "open / jump; in a note: go to it in the notes";
    JumpBack "jump_back" ["backspace", "ctrl-o", "alt-left"] "back to where you were before the jump";
    JumpForward "jump_forward" ["ctrl-t", "alt-right"] "forward again, undoing a jump back";
    Close "close" ["esc"] "close the popup or overlay";
    SideBySide "side_by_side" ["s"] "side by side: English abstract | Arabic";
    SwitchPane "switch_pane" ["tab"] "side by side: switch the focused pane";
    ToggleLinkedScroll "toggle_linked_scroll" ["l"] "side by side: link / unlink scrolling";
    ToggleArabicWhole "toggle_arabic_whole" ["a"] "side by side: Arabic abstract / whole text";
    Help "help" ["?"] "this help";
    Library "library" ["o"] "library of essays";
    NextFile "next_file" [">"] "next file of those named (or of the folder)";
    PrevFile "prev_file" ["<"] "previous file of those named (or of the folder)";
    Forget "forget" ["d"] "library: forget a document read before";
    Quit "quit" ["q"] "quit (closes an overlay first)";
    QuitNow "quit_now" ["ctrl-c"] "quit at once";
    Search "search" ["/"] "search as you type (its keys: end of this help)";
    SearchNext "search_next" ["n"] "next match (the status line says when it wraps)";
    SearchPrev "search_prev" ["N"] "previous match";
    SetMark "set_mark" ["m"] "set mark: m then a letter";
    GotoMark "goto_mark" ["'"] "go to mark: ' then a letter ('' back)";
    GotoPage "goto_page" [":"] "go to a printed page (PDFs): : number Enter";
    Redraw "redraw" ["ctrl-l"] "redraw the whole screen";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_gives_every_action_a_unique_name_and_keys() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
        assert_eq!(DEFAULT_KEYS.len(), Action::ALL.len());
        for (i, (action, keys)) in DEFAULT_KEYS.iter().enumerate() {
            assert_eq!(*action, Action::ALL[i], "same order as ALL");
            assert!(!keys.is_empty() && !action.describe().is_empty());
        }
        assert_eq!(Action::NextFootnote.name(), "next_footnote");
    }
}
