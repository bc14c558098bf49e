//! The book: running the examples and NumPy listings and capturing what they print
//! (`examples`, `reference`, `captured`), the readers' exercise workflow (`exercises`), the
//! checks mdBook does not make (`checks`), and the site itself: listings captioned and
//! dedented (`listings`), math rendered at build time (`math`), numbers quoted from the benchmark tables
//! (`quotes`), the versions stamp (`stamp`),
//! built with mdBook as a library (`site`); `text` holds the text helpers they share.

pub mod captured;
pub mod checks;
pub mod examples;
pub mod exercises;
pub mod listings;
pub mod math;
pub mod quotes;
pub mod reference;
pub mod site;
pub mod stamp;
pub mod text;
