//! What importers tell the reader: one line per kind of problem however
//! often it occurs ("100000 footnote labels are used but never defined,
//! the first [^n0]; …"), and document text quoted in it only with its
//! control characters made visible, so no warning can carry an escape
//! sequence to a terminal.

use crate::layout::sanitize::visible_symbol;

/// Longest quote of document text in a warning, in characters.
const QUOTE_CHARS: usize = 60;

/// One kind of warning and how to say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WarningKind {
    /// Said once: `{}` stands for the quoted detail.
    pub one: &'static str,
    /// Said for several: `{n}` is how many, `{}` the first detail.
    pub many: &'static str,
}

/// A footnote label used in the text that no note defines.
pub const UNDEFINED_FOOTNOTE: WarningKind = WarningKind {
    one: "footnote [^{}] is used but never defined; its marker is kept",
    many: "{n} footnote labels are used but never defined, the first [^{}]; their markers are kept",
};

/// A footnote label defined a second time: the first definition is kept,
/// as CommonMark keeps the first of two link definitions.
pub const DUPLICATE_FOOTNOTE: WarningKind = WarningKind {
    one: "footnote [^{}] is defined twice; the first definition is kept",
    many: "{n} footnote definitions repeat a label, the first [^{}]; the first definition of each is kept",
};

/// A front-matter key hamish does not read.
pub const UNKNOWN_FRONT_MATTER_KEY: WarningKind = WarningKind {
    one: "front matter: unknown key `{}` ignored",
    many: "front matter: {n} unknown keys ignored; the first: `{}`",
};

/// Warnings gathered by kind, in the order each kind first occurred.
#[derive(Debug, Default)]
pub struct Warnings {
    tallies: Vec<Tally>,
}

#[derive(Debug)]
struct Tally {
    kind: WarningKind,
    count: usize,
    first: String,
}

impl Warnings {
    /// Count one more warning of `kind`; `detail` is document text.
    pub fn add(&mut self, kind: WarningKind, detail: &str) {
        // A handful of kinds at most: a scan is cheaper than a map.
        if let Some(tally) = self.tallies.iter_mut().find(|t| t.kind == kind) {
            tally.count += 1;
        } else {
            self.tallies.push(Tally {
                kind,
                count: 1,
                first: quote(detail),
            });
        }
    }

    /// One message per kind.
    pub fn into_messages(self) -> Vec<String> {
        self.tallies
            .into_iter()
            .map(|t| {
                if t.count == 1 {
                    t.kind.one.replacen("{}", &t.first, 1)
                } else {
                    t.kind
                        .many
                        .replacen("{n}", &t.count.to_string(), 1)
                        .replacen("{}", &t.first, 1)
                }
            })
            .collect()
    }
}

/// Document text as a warning may quote it: controls shown as visible
/// symbols, and at most [`QUOTE_CHARS`] characters (then "…").
pub fn quote(text: &str) -> String {
    let mut out = sanitize(text);
    if let Some((cut, _)) = out.char_indices().nth(QUOTE_CHARS) {
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// A message with every control character (C0, DEL, C1) replaced by the
/// visible symbol the reader shows for it.
pub fn sanitize(message: &str) -> String {
    message
        .chars()
        .map(|c| match c {
            // A tab in a one-line message is just a space.
            '\t' => ' ',
            c => visible_symbol(c).unwrap_or(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_of_a_kind_is_said_plainly() {
        let mut w = Warnings::default();
        w.add(UNDEFINED_FOOTNOTE, "9");
        assert_eq!(
            w.into_messages(),
            ["footnote [^9] is used but never defined; its marker is kept"]
        );
    }

    #[test]
    fn many_of_a_kind_are_counted_in_one_line() {
        let mut w = Warnings::default();
        for i in 0..1000 {
            w.add(UNDEFINED_FOOTNOTE, &i.to_string());
            w.add(UNKNOWN_FRONT_MATTER_KEY, "colour");
        }
        assert_eq!(
            w.into_messages(),
            [
                "1000 footnote labels are used but never defined, the first [^0]; their markers are kept",
                "front matter: 1000 unknown keys ignored; the first: `colour`",
            ]
        );
    }

    #[test]
    fn quotes_carry_no_controls_and_are_short() {
        // ESC ] 52 (clipboard write), BEL, an 8-bit CSI, DEL
        let q = quote("\u{1b}]52;c;aGk=\u{7}x\u{9b}6n\u{7f}");
        assert!(!q.chars().any(|c| c.is_control()), "{q:?}");
        assert_eq!(q, "\u{241B}]52;c;aGk=\u{2407}x\u{FFFD}6n\u{2421}");
        let long = quote(&"\u{0627}".repeat(500));
        assert_eq!(long.chars().count(), QUOTE_CHARS + 1);
        assert!(long.ends_with('…'));
    }
}
