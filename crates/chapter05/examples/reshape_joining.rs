//! Joining arrays (`concatenate`, `stack`, NumPy's `hstack`, `vstack` and
//! `column_stack`), growing one row at a time (`push_row`), and splitting
//! (`split_at`, `axis_chunks_iter`).

use ndarray::{Array, Array2, Axis, array, concatenate, stack};

fn main() -> Result<(), support::Report> {
    support::output_part("concatenate");
    // ANCHOR: concatenate
    let a = Array::from_iter(0..6).into_shape_with_order((2, 3))?;
    let b = Array::from_iter(6..12).into_shape_with_order((2, 3))?;
    // np.concatenate([a, b], axis=0) and axis=1: the same number of axes
    let rows = concatenate(Axis(0), &[a.view(), b.view()])?;
    let cols = concatenate(Axis(1), &[a.view(), b.view()])?;
    println!("axis 0 {:?}:\n{rows}", rows.shape());
    println!("axis 1 {:?}:\n{cols}", cols.shape());
    // np.stack([a, b]): a new axis in front, (2, 2, 3)
    let stacked = stack(Axis(0), &[a.view(), b.view()])?;
    let second_is_b = stacked.index_axis(Axis(0), 1) == b;
    println!(
        "stack {:?}, stacked[1] == b: {second_is_b}",
        stacked.shape()
    );
    // ANCHOR_END: concatenate

    support::output_part("hstack");
    // ANCHOR: hstack
    let x = array![1, 2, 3];
    let y = array![4, 5, 6];
    let xy = [x.view(), y.view()];
    // np.hstack([x, y]) on 1-D arrays: their one axis
    println!("hstack:       {}", concatenate(Axis(0), &xy)?);
    // np.vstack([x, y]): one row each
    println!("vstack:\n{}", stack(Axis(0), &xy)?);
    // np.column_stack([x, y]): one column each
    println!("column_stack:\n{}", stack(Axis(1), &xy)?);
    // ANCHOR_END: hstack

    support::output_part("mismatch");
    // ANCHOR: mismatch
    let three_cols = Array2::<i32>::zeros((2, 3));
    let four_cols = Array2::<i32>::zeros((2, 4));
    match concatenate(Axis(0), &[three_cols.view(), four_cols.view()]) {
        Ok(joined) => println!("joined: {:?}", joined.shape()),
        Err(e) => println!("concatenate (2, 3) and (2, 4), axis 0:\n{e}"),
    }
    // ANCHOR_END: mismatch

    support::output_part("push_row");
    // ANCHOR: push_row
    // Rows arriving one at a time: push_row grows the buffer in place,
    // doubling its capacity, unlike np.append, which copies every time.
    let mut table = Array2::<i32>::zeros((0, 3));
    for i in 0..4 {
        table.push_row(array![i, 10 * i, 100 * i].view())?;
    }
    println!("{table}");
    // ANCHOR_END: push_row

    support::output_part("split");
    // ANCHOR: split
    let data = Array::from_iter(0..10);
    // np.split(data, [7]): two views of the same memory
    let (train, test) = data.view().split_at(Axis(0), 7);
    println!("train {train}, test {test}");
    // chunks of at most 4, the last one shorter
    for chunk in data.axis_chunks_iter(Axis(0), 4) {
        println!("chunk {chunk}");
    }
    // ANCHOR_END: split
    Ok(())
}
