//! The attributes NumPy users reach for first (`shape`, `ndim`, `size`,
//! `dtype`, `itemsize`, `nbytes`, `strides`) and their ndarray spellings.

use std::any::type_name;
use std::mem::size_of;

use ndarray::{Array2, Array3, Axis};

fn main() -> Result<(), support::Report> {
    support::output_part("shape");
    // ANCHOR: shape
    let batch = Array3::<f32>::zeros((10, 8, 8)); // ten 8x8 images
    println!("shape():      {:?}", batch.shape()); // a slice: &[usize]
    println!("dim():        {:?}", batch.dim()); // a tuple, for destructuring
    // the Dimension value itself
    println!("raw_dim():    {:?}", batch.raw_dim());
    println!("ndim():       {}", batch.ndim());
    // number of ELEMENTS, NumPy's size
    println!("len():        {}", batch.len());
    // length of axis 0, NumPy's len()
    println!("len_of(0):    {}", batch.len_of(Axis(0)));
    println!("is_empty():   {}", batch.is_empty());
    let (images, height, width) = batch.dim();
    println!("destructured: {images} images of {height}x{width}");
    // ANCHOR_END: shape

    support::output_part("dtype");
    // ANCHOR: dtype
    let table = Array2::<f64>::zeros((150, 4));
    let element = type_name::<f64>(); // dtype: part of the array's type
    let itemsize = size_of::<f64>(); // bytes per element
    let nbytes = table.len() * itemsize; // bytes of element data
    println!("element type: {element}, itemsize {itemsize}, nbytes {nbytes}");
    println!("strides:      {:?} (in elements)", table.strides());
    println!(
        "f32 batch:    itemsize {}, nbytes {}",
        size_of::<f32>(),
        batch.len() * size_of::<f32>()
    );
    // ANCHOR_END: dtype

    support::output_part("empty");
    // ANCHOR: empty
    // a table with columns but no samples yet
    let no_rows = Array2::<f64>::zeros((0, 4));
    println!(
        "zeros((0, 4)): shape {:?}, len {}, is_empty {}",
        no_rows.shape(),
        no_rows.len(),
        no_rows.is_empty()
    );
    // ANCHOR_END: empty
    Ok(())
}
