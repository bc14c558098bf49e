//! Creating arrays from data you already have (a `Vec`, a slice, nested
//! literals), from a function of the index, and from an iterator, and what
//! `from_shape_vec` says when the data does not fit the shape.

use ndarray::{Array, Array1, Array2, Array3, arr1, arr2, array};

fn main() -> Result<(), support::Report> {
    support::output_part("from_data");
    // ANCHOR: from_data
    // takes the Vec, no copy
    let from_vec = Array1::from_vec(vec![1.0, 2.0, 3.0]);
    let from_slice = arr1(&[1.0, 2.0, 3.0]); // copies the slice
    // fixed-size rows: ragged is a compile error
    let from_rows = arr2(&[[1, 2, 3], [4, 5, 6]]);
    let from_macro = array![[1.5, 2.5], [3.5, 4.5]]; // any number of axes
    // row-major
    let reshaped = Array2::from_shape_vec((2, 3), vec![1, 2, 3, 4, 5, 6])?;
    println!("from_vec:   {from_vec}");
    println!("arr1:       {from_slice}");
    println!("arr2:\n{from_rows}");
    println!("array!:\n{from_macro}");
    println!("from_shape_vec((2, 3), 1..=6):\n{reshaped}");
    // ANCHOR_END: from_data

    support::output_part("shape_error");
    // ANCHOR: shape_error
    let too_few = Array2::from_shape_vec((2, 3), vec![1, 2, 3, 4, 5]);
    let too_many = Array2::from_shape_vec((2, 3), vec![1, 2, 3, 4, 5, 6, 7]);
    println!("5 values into (2, 3): {too_few:?}");
    println!("7 values into (2, 3): {too_many:?}");
    // ANCHOR_END: shape_error

    support::output_part("from_functions");
    // ANCHOR: from_functions
    // Element [i, j] is computed from its index, like np.fromfunction.
    let multiplication_table =
        Array2::from_shape_fn((3, 4), |(i, j)| (i + 1) * (j + 1));
    // Every element the same value, like np.full.
    let sevens = Array3::from_elem((2, 2, 2), 7_u8);
    println!(
        "from_shape_fn((3, 4), (i + 1) * (j + 1)):\n{multiplication_table}"
    );
    println!(
        "from_elem((2, 2, 2), 7), shape {:?}, sum {}",
        sevens.shape(),
        sevens.sum()
    );
    // ANCHOR_END: from_functions

    support::output_part("from_iterators");
    // ANCHOR: from_iterators
    let squares = Array::from_iter((0..6).map(|x| x * x)); // one-dimensional
    // collect works too
    let evens: Array1<i32> = (0..12).filter(|x| x % 2 == 0).collect();
    // then give it a shape
    let grid = Array::from_iter(0..12).into_shape_with_order((3, 4))?;
    println!("from_iter(squares): {squares}");
    println!("collect(evens):     {evens}");
    println!("from_iter(0..12) reshaped to (3, 4):\n{grid}");
    // ANCHOR_END: from_iterators
    Ok(())
}
