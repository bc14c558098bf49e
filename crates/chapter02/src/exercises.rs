//! Solutions to the exercises of chapter 2 (the book's exercises page shows
//! each signature, then the solution). `tests/exercises.rs` runs every one of
//! them.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, ShapeError};

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// An `n × n` checkerboard of 0s and 1s with a 0 in the top-left corner, so
/// that element `[i, j]` is 1 exactly when `i + j` is odd.
pub fn checkerboard(n: usize) -> Array2<u8> {
    // ANCHOR_END: ex1_signature
    Array2::from_shape_fn((n, n), |(i, j)| ((i + j) % 2) as u8)
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// A table of `n` rows and two columns: `x` evenly spaced from `start` to `end`
/// (both included, like `np.linspace`) in column 0, and `f(x)` in column 1.
pub fn function_table(
    f: impl Fn(f64) -> f64,
    start: f64,
    end: f64,
    n: usize,
) -> Array2<f64> {
    // ANCHOR_END: ex2_signature
    let xs = Array1::linspace(start, end, n);
    let mut table = Array2::zeros((n, 2));
    table.column_mut(0).assign(&xs);
    table.column_mut(1).assign(&xs.mapv(f));
    table
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// Scales `x` to the range `[0, 1]` using its smallest and largest values,
/// `(x - min) / (max - min)`, in `x`'s own buffer: no new allocation. When all
/// values are equal (`max == min`), the result is all zeros.
pub fn min_max_scale(x: Array2<f64>) -> Array2<f64> {
    // ANCHOR_END: ex3_signature
    let min = x.fold(f64::INFINITY, |m, &v| m.min(v));
    let max = x.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
    let range = if max > min { max - min } else { 1.0 };
    // An owned array on the left: each operator reuses its buffer.
    (x - min) / range
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// The strides, in elements, of a contiguous array of shape `shape` in
/// row-major order (`fortran == false`) or column-major order, computed from
/// the shape alone. Like ndarray, return all zeros when some axis has length 0.
pub fn contiguous_strides(shape: &[usize], fortran: bool) -> Vec<usize> {
    // ANCHOR_END: ex4_signature
    if shape.contains(&0) {
        return vec![0; shape.len()];
    }
    let mut strides = vec![0; shape.len()];
    let mut step = 1;
    // Row-major: the last axis moves fastest, so walk the axes from the back.
    // Column-major: the first axis moves fastest, so walk them from the front.
    let axes: Vec<usize> = if fortran {
        (0..shape.len()).collect()
    } else {
        (0..shape.len()).rev().collect()
    };
    for axis in axes {
        strides[axis] = step;
        step *= shape[axis];
    }
    strides
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// The outer product `out[i, j] = a[i] * b[j]` (NumPy's `np.outer`), written
/// into an array created with `Array2::uninit`, without zeroing it first.
pub fn outer_product(
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
) -> Array2<f64> {
    // ANCHOR_END: ex5_signature
    let mut out = Array2::<f64>::uninit((a.len(), b.len()));
    for ((i, j), slot) in out.indexed_iter_mut() {
        slot.write(a[i] * b[j]);
    }
    // SAFETY: `indexed_iter_mut` visits every element of `out` exactly once,
    // and the loop body writes each one, so all `a.len() * b.len()` elements
    // are initialised.
    unsafe { out.assume_init() }
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// Kahan (compensated) summation in `f32`: a second variable carries the
/// low-order bits that each addition rounds away, and feeds them back into the
/// next addition.
pub fn kahan_sum(values: &[f32]) -> f32 {
    // ANCHOR_END: ex6_signature
    let mut sum = 0.0_f32;
    let mut compensation = 0.0_f32; // what the previous additions lost, negated
    for &value in values {
        let corrected = value - compensation;
        let new_sum = sum + corrected;
        // (new_sum - sum) is what was really added; subtracting `corrected`
        // leaves the rounding error of this step, to be taken off the next
        // value.
        compensation = (new_sum - sum) - corrected;
        sum = new_sum;
    }
    sum
}
// ANCHOR_END: ex6_solution

// ANCHOR: ex7_solution
// ANCHOR: ex7_signature
/// Reshapes `a` to `(rows, cols)` reading it in row-major order, as
/// `a.to_shape` does, and tells whether that needed a copy (`true`) or could
/// return a view of the same memory. A shape with a different number of
/// elements is an error.
pub fn reshape_copies(
    a: ArrayView2<'_, f64>,
    rows: usize,
    cols: usize,
) -> Result<bool, ShapeError> {
    // ANCHOR_END: ex7_signature
    let reshaped = a.to_shape((rows, cols))?;
    // A view starts at the same element as `a`; a copy lives in a new
    // allocation.
    Ok(reshaped.as_ptr() != a.as_ptr())
}
// ANCHOR_END: ex7_solution

// ANCHOR: ex8_solution
// ANCHOR: ex8_signature
/// How many elements of `other` are also elements of `parent`, that is, live at
/// the same address in memory. A slice of `parent` shares all of its elements,
/// a copy none.
pub fn shared_element_count(
    parent: ArrayView2<'_, f64>,
    other: ArrayView2<'_, f64>,
) -> usize {
    // ANCHOR_END: ex8_signature
    // Addresses are compared as integers; nothing is ever read through them.
    let mut parent_addresses: Vec<usize> =
        parent.iter().map(|x| x as *const f64 as usize).collect();
    parent_addresses.sort_unstable();
    other
        .iter()
        .filter(|&x| {
            parent_addresses
                .binary_search(&(x as *const f64 as usize))
                .is_ok()
        })
        .count()
}
// ANCHOR_END: ex8_solution
