//! The essays hamish was made for, embedded in the binary so that an
//! installed `hamish` can show them from anywhere.

/// A document shipped inside the binary.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// File name it was bundled from (also its identity for saved state).
    pub name: &'static str,
    /// A short human title for lists.
    pub title: &'static str,
    pub text: &'static str,
}

/// The bundled essays, in the order the library lists them.
pub const ESSAYS: &[Bundled] = &[
    Bundled {
        name: "000_888738dd473cd04e.txt",
        title: "دور ليون تروتسكي في الثورة البلشفية 1917-1924",
        text: include_str!("../seeds/000_888738dd473cd04e.txt"),
    },
    Bundled {
        name: "003_5eac0dfd78b8d8c0.txt",
        title: "تروتسكي ولينين (يتبع)",
        text: include_str!("../seeds/003_5eac0dfd78b8d8c0.txt"),
    },
];
