//! Documents: the model (sections, paragraphs, footnotes, abstracts,
//! references), the importers that build it from files, and the exporters
//! that write it back out.

pub mod bound;
pub mod export;
pub mod id;
pub mod import;
pub mod model;
pub mod reading_order;

pub use id::Id;
pub use model::*;
