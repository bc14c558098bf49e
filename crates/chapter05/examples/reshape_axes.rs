//! Adding and removing axes: `insert_axis` and `NewAxis` (NumPy's
//! `expand_dims` and `None`), `index_axis` and `remove_axis` (NumPy's
//! `a[i]` and a squeezed axis) with `remove_axis`'s trap, and `squeeze` for
//! dynamic arrays.

use chapter05::restructure::{describe, squeeze_axis};
use ndarray::{Array, Array3, ArrayD, Axis, IxDyn, NewAxis, array, s};

fn main() -> Result<(), support::Report> {
    support::output_part("insert");
    // ANCHOR: insert
    let x = array![1.0, 2.0, 3.0];
    // np.expand_dims(x, 0) and np.expand_dims(x, 1): views, no copy
    let row = x.view().insert_axis(Axis(0));
    let col = x.view().insert_axis(Axis(1));
    println!("row: {}", describe(&row));
    println!("col: {}", describe(&col));
    // x[None, :] and x[:, None] inside a slice
    println!("x[:, None]: {:?}", x.slice(s![.., NewAxis]).shape());
    // a single image as a batch of one, for a model that wants (N, H, W)
    let image = Array::from_iter(0..64).into_shape_with_order((8, 8))?;
    let batch_of_one = image.insert_axis(Axis(0));
    println!("batch of one: {:?}", batch_of_one.shape());
    // ANCHOR_END: insert

    support::output_part("remove");
    // ANCHOR: remove
    let batch = Array::from_iter(0..24).into_shape_with_order((2, 3, 4))?;
    // batch[1]: a view one axis smaller, Array3 -> ArrayView2
    let second = batch.index_axis(Axis(0), 1);
    println!("index_axis(Axis(0), 1): {:?}\n{second}", second.shape());
    // batch[:, :, 2]: the third column of every matrix
    println!("index_axis(Axis(2), 2):\n{}", batch.index_axis(Axis(2), 2));
    // remove_axis drops an axis of length 1 (it keeps its first entry)
    let one = Array3::<f64>::zeros((1, 3, 4));
    println!(
        "remove_axis(Axis(0)): {:?}",
        one.remove_axis(Axis(0)).shape()
    );
    // ANCHOR_END: remove

    support::output_part("remove_trap");
    // ANCHOR: remove_trap
    // the trap: on an axis longer than 1, remove_axis keeps index 0, silently
    let m = Array::from_iter(0..12).into_shape_with_order((3, 4))?;
    println!(
        "(3, 4).remove_axis(Axis(0)): {}",
        m.clone().remove_axis(Axis(0))
    );
    // np.squeeze(m, axis=0) raises; the crate's squeeze_axis errors too
    match squeeze_axis(m, Axis(0)) {
        Ok(row) => println!("squeeze_axis: {row}"),
        Err(e) => println!("squeeze_axis: {e}"),
    }
    // ANCHOR_END: remove_trap

    support::output_part("squeeze");
    // ANCHOR: squeeze
    // a model's output of shape (1, 10, 1): one sample, ten scores
    let scores = ArrayD::<f64>::zeros(IxDyn(&[1, 10, 1]));
    let squeezed = scores.squeeze(); // ArrayD only: the result's ndim varies
    println!("squeeze (1, 10, 1): {:?}", squeezed.shape());
    // back to a fixed number of axes, checked at run time
    let scores_1d = squeezed.into_dimensionality::<ndarray::Ix1>()?;
    println!("as Array1 of {}", scores_1d.len());
    // unlike NumPy's, it keeps one axis: (1, 1) becomes (1,), not ()
    let single = ArrayD::<f64>::zeros(IxDyn(&[1, 1]));
    println!("squeeze (1, 1): {:?}", single.squeeze().shape());
    // ANCHOR_END: squeeze
    Ok(())
}
