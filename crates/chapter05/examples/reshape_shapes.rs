//! Reshaping (`into_shape_with_order`, `to_shape`, in row-major and
//! column-major order), transposing (`t`, `reversed_axes`) and permuting axes
//! (`permuted_axes`, `swap_axes`): new shapes and strides over the same
//! memory, and the one case where a reshape must copy.

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
