//! Marks where one part of an example's output ends and the next begins, so
//! the book can show each part right under the listing that printed it.
//!
//! `cargo xtask book` runs every example with `SCML_OUTPUT_PARTS` set; then
//! [`output_part`] prints a marker line (`--8<-- NAME`), and the xtask cuts the
//! output there into `book/src/generated/chapterNN/EXAMPLE/NAME.txt`. Run by
//! hand, an example prints no markers, only its output.

/// The environment variable that asks for marker lines.
pub const PARTS_VARIABLE: &str = "SCML_OUTPUT_PARTS";

/// Starts the part `name` (letters `a-z`, digits and `_`) of this program's
/// output, when the book's build asks for parts; does nothing otherwise.
pub fn output_part(name: &str) {
    if std::env::var_os(PARTS_VARIABLE).is_some() {
        println!("--8<-- {name}");
    }
}
