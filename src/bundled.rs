//! The essays hamish was made for, and the demonstration essay, embedded in
//! the binary so that an installed `hamish` can show them from anywhere.

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
    Bundled {
        name: "demo.md",
        title: "هامش: القراءة في الطرفية بين العربية والإنجليزية",
        text: include_str!("../assets/demo.md"),
    },
];

/// Import a bundled essay (by its content, as a file of that name would be).
pub fn import(essay: &Bundled) -> crate::document::Document {
    let source = crate::source_file::SourceText::new(
        std::path::PathBuf::from(essay.name),
        essay.text.to_string(),
    );
    let mut doc = crate::document::import::import_source(&source, None)
        .unwrap_or_else(|_| crate::document::import::lines(essay.text));
    if doc.meta.title.is_empty()
        || doc.meta.title == crate::document::import::title_from_path(&source.path)
    {
        doc.meta.title = essay.title.to_string();
    }
    doc
}
