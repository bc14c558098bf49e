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

/// A quantity at rounding level (a residual, a reconstruction error), printed
/// as the bound it stays below: `below(7.2e-16, 1e-14)` is `< 1e-14`.
///
/// Its own digits depend on the machine: which kernels OpenBLAS, faer or
/// matrixmultiply choose for the CPU, and whether they fuse multiplies and
/// adds. What holds on every machine is that it is tiny, so that is what the
/// book prints. A value that is not below the bound prints itself with a
/// warning, `3.1e-12 (not below 1e-14)`, and the book's check then fails.
pub fn below(value: f64, bound: f64) -> String {
    if value < bound {
        format!("< {bound:e}")
    } else {
        format!("{value:.1e} (not below {bound:e})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_below_its_bound_prints_the_bound_and_any_other_itself() {
        assert_eq!(below(7.2e-16, 1e-14), "< 1e-14");
        assert_eq!(below(0.0, 1e-15), "< 1e-15");
        assert_eq!(below(3.1e-12, 1e-14), "3.1e-12 (not below 1e-14)");
        assert_eq!(below(f64::NAN, 1e-14), "NaN (not below 1e-14)");
    }
}
