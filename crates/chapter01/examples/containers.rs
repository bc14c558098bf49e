//! The same computation, standardising the columns of a small table, over three
//! containers: a `Vec<Vec<f64>>`, a flat `Vec<f64>` and an `ndarray::Array2`.
//! They agree bit for bit.

use chapter01::{
    benchmark_table, flat_to_array, flat_to_rows, rows_to_array,
    standardize_flat, standardize_ndarray, standardize_vec_of_vec,
};

fn main() -> Result<(), support::Report> {
    // ANCHOR: three_ways
    let (n_rows, n_cols) = (5, 3);
    // row-major: row 0, then row 1, ...
    let flat = benchmark_table(n_rows, n_cols);
    // the same numbers, one Vec per row
    let rows = flat_to_rows(&flat, n_cols)?;
    // the same numbers as an Array2
    let array = flat_to_array(flat.clone(), n_cols)?;

    let z_rows = standardize_vec_of_vec(&rows)?;
    let z_flat = standardize_flat(&flat, n_cols)?;
    let z_array = standardize_ndarray(array.view())?;
    // ANCHOR_END: three_ways

    println!("input ({n_rows} x {n_cols}):\n{array:5.1}");
    println!("standardised with ndarray:\n{z_array:7.4}");
    let same_rows = rows_to_array(&z_rows)? == z_array;
    let same_flat =
        z_flat.as_slice() == z_array.as_slice().ok_or("not contiguous")?;
    println!("Vec<Vec<f64>> result identical: {same_rows}");
    println!("flat Vec<f64> result identical: {same_flat}");
    Ok(())
}
