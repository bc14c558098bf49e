//! The chapter's pitfalls, shown for real: a shape error without the shapes in
//! it, `as_slice()` on a transposed view, `==` on floats, and `len()` counting
//! elements.

use chapter02::precision::allclose;
use ndarray::{Array1, Array2, array};

fn main() -> Result<(), support::Report> {
    support::output_part("shape_context");
    // ANCHOR: shape_context
    let pixels = vec![0.0; 63]; // one value short of an 8x8 image
    let image = Array2::from_shape_vec((8, 8), pixels.clone())
        .map_err(|e| format!("{} values, shape (8, 8): {e}", pixels.len()));
    println!("{}", image.err().unwrap_or_default());
    // ANCHOR_END: shape_context

    support::output_part("as_slice");
    // ANCHOR: as_slice
    let a = Array2::from_shape_fn((2, 3), |(i, j)| (3 * i + j) as f64);
    println!("a.as_slice():     {:?}", a.as_slice());
    println!("a.t().as_slice(): {:?}", a.t().as_slice());
    // copy into row-major order
    let contiguous = a.t().as_standard_layout().into_owned();
    println!("after as_standard_layout(): {:?}", contiguous.as_slice());
    // ANCHOR_END: as_slice

    support::output_part("float_eq");
    // ANCHOR: float_eq
    let computed = array![0.1 + 0.2, 1.0 / 3.0 * 3.0];
    let expected = array![0.3, 1.0];
    println!("computed == expected: {}", computed == expected);
    println!(
        "allclose(rtol 1e-9, atol 0): {}",
        allclose(&computed, &expected, 1e-9, 0.0)?
    );
    match allclose(&computed, &array![0.3], 1e-9, 0.0) {
        Ok(close) => println!("unexpected: {close}"),
        Err(e) => println!("allclose with a shorter array: {e}"),
    }
    // ANCHOR_END: float_eq

    support::output_part("range_steps");
    // ANCHOR: range_steps
    for end in [1.2, 1.3] {
        let r = Array1::range(1.0, end, 0.1);
        println!("range(1.0, {end}, 0.1) = {r} ({} values)", r.len());
    }
    // say how many values you want instead
    let safe = Array1::linspace(1.0, 1.2, 3);
    println!("linspace(1.0, 1.2, 3): {safe}");
    // ANCHOR_END: range_steps

    support::output_part("len");
    // ANCHOR: len
    let table = Array2::<f64>::zeros((150, 4));
    println!(
        "len() = {}, nrows() = {}, ncols() = {}",
        table.len(),
        table.nrows(),
        table.ncols()
    );
    // ANCHOR_END: len
    Ok(())
}
