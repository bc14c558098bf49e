//! Row-major (C) and column-major (Fortran) layouts, strides in elements and in
//! bytes, and transposes and slices as nothing but new strides over the same
//! memory.

use chapter02::layout::{byte_strides, layout_summary};
use ndarray::{Array2, ShapeBuilder, s};

fn main() -> Result<(), support::Report> {
    support::output_part("orders");
    // ANCHOR: orders
    let values: Vec<i32> = (0..12).collect();
    // fills rows first
    let c_order = Array2::from_shape_vec((3, 4), values.clone())?;
    // fills columns first
    let f_order = Array2::from_shape_vec((3, 4).f(), values)?;
    println!("C order:\n{c_order}\n{}", layout_summary(&c_order));
    println!("F order:\n{f_order}\n{}", layout_summary(&f_order));
    println!("memory of C: {:?}", c_order.as_slice_memory_order());
    println!("memory of F: {:?}", f_order.as_slice_memory_order());
    println!("F as_slice() (row-major slice): {:?}", f_order.as_slice());
    // ANCHOR_END: orders

    support::output_part("bytes");
    // ANCHOR: bytes
    let c_f64 = Array2::<f64>::zeros((3, 4));
    let f_f64 = Array2::<f64>::zeros((3, 4).f());
    println!(
        "f64 (3, 4) C: strides {:?} elements = {:?} bytes",
        c_f64.strides(),
        byte_strides(&c_f64)
    );
    println!(
        "f64 (3, 4) F: strides {:?} elements = {:?} bytes",
        f_f64.strides(),
        byte_strides(&f_f64)
    );
    // ANCHOR_END: bytes

    support::output_part("transpose");
    // ANCHOR: transpose
    // a view: same memory, axes (and strides) swapped
    let transposed = c_order.t();
    println!("t():            {}", layout_summary(&transposed));
    println!("t() as_slice(): {:?}", transposed.as_slice());
    // owned, still no data moved
    let owned_transposed = c_order.clone().reversed_axes();
    println!("reversed_axes(): {}", layout_summary(&owned_transposed));
    println!(
        "a (4, 3) array in F order has the same strides: {:?}",
        Array2::<i32>::zeros((4, 3).f()).strides()
    );
    // ANCHOR_END: transpose

    support::output_part("slices");
    // ANCHOR: slices
    let every_other_column = c_order.slice(s![.., ..;2]);
    let rows_reversed = c_order.slice(s![..;-1, ..]);
    println!("s![.., ..;2]:  {}", layout_summary(&every_other_column));
    println!("s![..;-1, ..]: {}", layout_summary(&rows_reversed));
    println!(
        "first element of the reversed view: {}",
        rows_reversed[[0, 0]]
    );
    // ANCHOR_END: slices
    Ok(())
}
