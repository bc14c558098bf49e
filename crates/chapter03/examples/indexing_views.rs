//! Views and mutation: a slice is a view, so writing through it changes the
//! array; `select` copies. Two mutable views of one array at once need
//! `multi_slice_mut`, and an update that reads what it writes needs a copy.
//!
//! Each part is a function that returns what it printed, so that
//! `tests/basics.rs` runs this very code and checks it against NumPy.

use ndarray::{Array1, Axis, s};

/// `b` after a write through a view and one into a copy, and the copy.
pub fn view_or_copy() -> (Array1<f64>, Array1<f64>) {
    // ANCHOR: view_or_copy
    let mut b = Array1::from_iter((0..6).map(f64::from));
    let mut window = b.slice_mut(s![1..3]); // a view: writes reach b
    window.fill(-1.0);
    println!("after writing the view: {b}");
    let mut picked = b.select(Axis(0), &[1, 2]); // a copy (an Array)
    picked.fill(99.0);
    println!("after writing the copy: {b} (copy: {picked})");
    // ANCHOR_END: view_or_copy
    (b, picked)
}

/// `x` after `left += right; right = 0` on two disjoint views.
pub fn multi_slice() -> Array1<f64> {
    // ANCHOR: multi_slice
    let mut x = Array1::from_iter((0..6).map(f64::from));
    // Two disjoint mutable views at once: checked at run time
    let (mut left, mut right) = x.multi_slice_mut((s![..3], s![3..]));
    left.zip_mut_with(&right, |l, r| *l += r);
    right.fill(0.0);
    println!("left += right, then right = 0: {x}");
    // ANCHOR_END: multi_slice
    x
}

/// `c` after NumPy's `c[1:] += c[:-1]`, written with an explicit copy.
pub fn overlap() -> Array1<f64> {
    // ANCHOR: overlap
    let mut c = Array1::from_iter((1..=5).map(f64::from));
    // NumPy: c[1:] += c[:-1] (NumPy copies the overlapping input first)
    let previous = c.slice(s![..-1]).to_owned(); // the copy, made explicit
    let mut rest = c.slice_mut(s![1..]);
    rest += &previous;
    println!("c[1:] += c[:-1]: {c}");
    // ANCHOR_END: overlap
    c
}

#[allow(dead_code)] // `tests/basics.rs` includes this file and calls the parts
fn main() -> Result<(), support::Report> {
    support::output_part("view_or_copy");
    view_or_copy();
    support::output_part("multi_slice");
    multi_slice();
    support::output_part("overlap");
    overlap();
    Ok(())
}
