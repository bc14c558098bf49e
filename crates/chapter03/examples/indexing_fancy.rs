//! Fancy indexing: `select` with a list of indices (repeats allowed), shuffled
//! mini-batches, one element per row (`p[np.arange(n), y]`), reordering rows
//! by an argsort, and scattering rows back.

use chapter03::gather::{
    argsort, gather_rows, inverse_permutation, pick_per_row, scatter_rows,
};
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

    support::output_part("pointwise");
    // ANCHOR: pointwise
    // class probabilities of 4 samples, and their true classes
    let p = array![
        [0.7, 0.2, 0.1],
        [0.1, 0.8, 0.1],
        [0.3, 0.3, 0.4],
        [0.25, 0.5, 0.25]
    ];
    let y = array![0, 1, 2, 1];
    let p_true = pick_per_row(p.view(), y.view())?; // p[np.arange(4), y]
    println!("p of the true class: {p_true}");
    let loss = -p_true.mapv(f64::ln).mean().ok_or("no samples")?;
    println!("cross-entropy: {loss:.4}");
    let crossed = p.select(Axis(1), y.as_slice().ok_or("y")?); // p[:, y]
    println!("p[:, y] is {:?}: every row with every label", crossed.dim());
    // ANCHOR_END: pointwise

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
    let inverse = inverse_permutation(&order)?;
    println!("inverse of {order:?}: {inverse:?}");
    // ANCHOR_END: scatter
    Ok(())
}
