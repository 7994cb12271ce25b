//! Arabic words the tests look for in several places, each named once with
//! its reading and meaning, written with escapes so a reviewer can check
//! every letter.

/// تروتسكي "trotski", Trotsky, whom both seeds are about.
pub const TROTSKY: &str = "\u{62a}\u{631}\u{648}\u{62a}\u{633}\u{643}\u{64a}";
/// لينين "linin", Lenin (the first note of seed 000).
pub const LENIN: &str = "\u{644}\u{64a}\u{646}\u{64a}\u{646}";
/// ستالين "stalin", Stalin (the second note of seed 000).
pub const STALIN: &str = "\u{633}\u{62a}\u{627}\u{644}\u{64a}\u{646}";
/// المقدمة "al-muqaddima", the introduction.
pub const INTRODUCTION: &str = "\u{627}\u{644}\u{645}\u{642}\u{62f}\u{645}\u{629}";
/// الخاتمة "al-khatima", the conclusion.
pub const CONCLUSION: &str = "\u{627}\u{644}\u{62e}\u{627}\u{62a}\u{645}\u{629}";
/// الهوامش "al-hawamish", the notes (margins): the notes' heading.
pub const NOTES: &str = "\u{627}\u{644}\u{647}\u{648}\u{627}\u{645}\u{634}";
/// المصادر "al-masadir", the sources (the references section).
pub const SOURCES: &str = "\u{627}\u{644}\u{645}\u{635}\u{627}\u{62f}\u{631}";
/// الملخص "al-mulakhkhas", the abstract (the Arabic one's heading).
pub const ABSTRACT_AR: &str = "\u{627}\u{644}\u{645}\u{644}\u{62e}\u{635}";
/// الكلمات المفتاحية "al-kalimat al-miftahiyya", the keywords.
pub const KEYWORDS_AR: &str =
    "\u{627}\u{644}\u{643}\u{644}\u{645}\u{627}\u{62a} \u{627}\u{644}\u{645}\u{641}\u{62a}\u{627}\u{62d}\u{64a}\u{629}";
/// الثورة "ath-thawra", the revolution.
pub const THE_REVOLUTION: &str = "\u{627}\u{644}\u{62b}\u{648}\u{631}\u{629}";
/// الروسية "ar-rusiyya", Russian (feminine: the Russian revolution).
pub const RUSSIAN: &str = "\u{627}\u{644}\u{631}\u{648}\u{633}\u{64a}\u{629}";
/// هامش "hamish", margin or footnote: the program's name, in the demo's title.
pub const HAMISH: &str = "\u{647}\u{627}\u{645}\u{634}";
/// اكتوبر "uktubar", October (written without the hamza seed 000 also has).
pub const OCTOBER: &str = "\u{627}\u{643}\u{62a}\u{648}\u{628}\u{631}";
