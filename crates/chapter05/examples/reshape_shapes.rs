//! Reshaping (`into_shape_with_order`, `to_shape`, in row-major and
//! column-major order, NumPy's `-1` computed), transposing (`t`,
//! `reversed_axes`), splitting an axis of a transpose, flattening (`flatten`,
//! `into_flat`) and permuting axes (`permuted_axes`, `swap_axes`): new shapes
//! and strides over the same memory, and when a reshape must copy.

use chapter05::restructure::describe;
use ndarray::{Array, Order};

fn main() -> Result<(), support::Report> {
    support::output_part("reshape");
    // ANCHOR: reshape
    let a = Array::from_iter(0..12).into_shape_with_order((3, 4))?;
    println!("a:     {}", describe(&a));
    // to_shape borrows: a view when the memory allows it
    let r = a.to_shape((2, 6))?;
    println!("(2, 6) view: {}, {}", r.is_view(), describe(&r));
    println!("{r}");
    // the same call, reading and writing in column-major order
    let f = a.to_shape(((2, 6), Order::ColumnMajor))?;
    println!("(2, 6) in F order, view: {}\n{f}", f.is_view());
    // into_shape_with_order consumes an owned array: never a copy
    let owned = a.clone().into_shape_with_order((6, 2))?;
    println!("owned (6, 2): {}", describe(&owned));
    // ANCHOR_END: reshape

    support::output_part("infer");
    // ANCHOR: infer
    // NumPy's a.reshape(-1, 2): a shape is made of usize, so there is no -1;
    // compute the length, and to_shape checks that nothing is left over
    let cols = 2;
    let r = a.to_shape((a.len() / cols, cols))?;
    println!("(len / 2, 2): {:?}", r.shape());
    let cols = 5; // 12 / 5 = 2 rows of 5 is 10 elements, not 12
    match a.to_shape((a.len() / cols, cols)) {
        Ok(r) => println!("(len / 5, 5): {:?}", r.shape()),
        Err(e) => println!("(len / 5, 5): {e}"),
    }
    // ANCHOR_END: infer

    support::output_part("transpose");
    // ANCHOR: transpose
    let t = a.t(); // a view: the shape and the strides reversed
    println!("a.t():           {}", describe(&t));
    let reversed = a.clone().reversed_axes(); // the owned version
    println!("reversed_axes(): {}", describe(&reversed));
    // reshaping the transpose cannot be a view: to_shape copies
    let copied = t.to_shape((2, 6))?;
    println!("t (2, 6) view: {}\n{copied}", copied.is_view());
    // ANCHOR_END: transpose

    support::output_part("split");
    // ANCHOR: split
    // splitting an axis of the transpose, (4, 3) -> (2, 2, 3): a view
    let s = t.to_shape((2, 2, 3))?;
    println!("t (2, 2, 3) view: {}, {}", s.is_view(), describe(&s));
    // into_shape_with_order refuses anything not row-major, view or not
    match t.into_shape_with_order((2, 2, 3)) {
        Ok(v) => println!("into_shape_with_order: {}", describe(&v)),
        Err(e) => println!("into_shape_with_order: {e}"),
    }
    // ANCHOR_END: split

    support::output_part("flatten");
    // ANCHOR: flatten
    // NumPy's ravel(): a view when the memory allows it, else a copy
    let flat = a.flatten();
    println!("a.flatten() view: {}, {flat}", flat.is_view());
    let flat_t = t.flatten();
    println!("t.flatten() view: {}, {flat_t}", flat_t.is_view());
    // ravel(order="F"): the transpose read in column-major order is its memory
    let flat_f = t.flatten_with_order(Order::ColumnMajor);
    println!("in F order, view: {}, {flat_f}", flat_f.is_view());
    // into_flat consumes an owned array: no copy when it is row-major
    let b = a.clone();
    let ptr = b.as_ptr();
    let b_flat = b.into_flat();
    println!(
        "into_flat: {b_flat}, same memory: {}",
        b_flat.as_ptr() == ptr
    );
    // ANCHOR_END: flatten

    support::output_part("permute");
    // ANCHOR: permute
    // a batch of 2 RGB images of 3 x 4 pixels, channels last (N, H, W, C)
    let nhwc = Array::from_iter(0..72).into_shape_with_order((2, 3, 4, 3))?;
    println!("NHWC:          {}", describe(&nhwc));
    // channels first, as PyTorch wants them: np.transpose(x, (0, 3, 1, 2))
    let nchw = nhwc.view().permuted_axes([0, 3, 1, 2]);
    println!("NCHW view:     {}", describe(&nchw));
    // the red channel of image 0, pixel (1, 2), seen from both sides
    println!(
        "same element: {} {}",
        nhwc[[0, 1, 2, 0]],
        nchw[[0, 0, 1, 2]]
    );
    // np.swapaxes(x, 1, 2): exchange two axes, in place, on a view
    let mut nwhc = nhwc.view();
    nwhc.swap_axes(1, 2);
    println!("swap_axes(1, 2): {}", describe(&nwhc));
    // ANCHOR_END: permute
    Ok(())
}
