//! Fancy indexing: `select` with a list of indices (repeats allowed), shuffled
//! mini-batches, reordering rows by an argsort, and scattering rows back.

use chapter03::gather::{argsort, gather_rows, scatter_rows};
use ndarray::{Array1, Array2, Axis, array};

fn main() -> Result<(), support::Report> {
    support::output_part("select");
    // ANCHOR: select
    let x = Array2::from_shape_fn((5, 3), |(i, j)| (10 * i + j) as f64);
    let picked = x.select(Axis(0), &[3, 0, 3]); // NumPy: x[[3, 0, 3]]
    println!("x.select(Axis(0), &[3, 0, 3]) =\n{picked}");
    let columns = x.select(Axis(1), &[2, 0]); // x[:, [2, 0]]
    println!("x.select(Axis(1), &[2, 0]) =\n{columns}");
    let checked = gather_rows(x.view(), &[4, 7]); // x[[4, 7]]: no row 7
    println!("gather_rows(x, &[4, 7]): {}", checked.unwrap_err());
    // ANCHOR_END: select

    support::output_part("minibatch");
    // ANCHOR: minibatch
    let features = Array2::from_shape_fn((10, 2), |(i, j)| (i + j) as f64);
    let labels = Array1::from_iter((0..10).map(|i| i % 3));
    // one epoch's shuffle, e.g. NumPy's rng.permutation(10)
    let order = [7, 2, 9, 0, 5, 3, 8, 1, 6, 4];
    for (b, batch) in order.chunks(4).enumerate() {
        let xb = features.select(Axis(0), batch);
        let yb = labels.select(Axis(0), batch);
        println!(
            "batch {b}: rows {batch:?}, x[:, 0] = {}, y = {yb}",
            xb.column(0)
        );
    }
    // ANCHOR_END: minibatch

    support::output_part("argsort");
    // ANCHOR: argsort
    let scores = array![0.7, 0.2, 0.9, 0.2, 0.5];
    let order = argsort(scores.view()); // np.argsort(scores, kind="stable")
    println!(
        "argsort: {order:?}, sorted: {}",
        scores.select(Axis(0), &order)
    );
    let table = Array2::from_shape_fn((5, 2), |(i, j)| (i * 10 + j) as f64);
    let by_score = table.select(Axis(0), &order); // rows in score order
    println!("rows reordered by score:\n{by_score}");
    let descending: Vec<usize> = order.iter().rev().copied().collect();
    println!("descending (ties reversed!): {descending:?}");
    // ANCHOR_END: argsort

    support::output_part("scatter");
    // ANCHOR: scatter
    let mut out = Array2::<f64>::zeros((4, 2));
    let rows = array![[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]];
    // NumPy: out[[3, 0, 3]] = rows
    scatter_rows(out.view_mut(), &[3, 0, 3], rows.view())?;
    println!("out =\n{out}");
    // The inverse of a permutation is a scatter: inverse[order[k]] = k
    let mut inverse = vec![0; order.len()];
    for (k, &i) in order.iter().enumerate() {
        inverse[i] = k;
    }
    println!("inverse of {order:?}: {inverse:?}");
    // ANCHOR_END: scatter
    Ok(())
}
