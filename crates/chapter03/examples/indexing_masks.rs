//! Boolean masks: building them with `mapv`, `Zip` and `&`/`|`/`!`, counting
//! their true entries, selecting rows with them, `np.where` in both its forms,
//! and masked assignment.

use chapter03::mask::{
    rows_where_copy, rows_where_select, true_indices, where_,
};
use ndarray::{Array1, Array2, Zip, array};

fn main() -> Result<(), support::Report> {
    support::output_part("build");
    // ANCHOR: build
    let x: Array2<f64> = array![
        [1.2, 0.5, 3.0],
        [-0.3, 2.1, 1.0],
        [2.5, -1.0, 0.0],
        [0.8, 0.9, -2.0],
        [-1.5, 1.5, 2.2],
        [3.1, 0.2, 1.1],
    ];
    let positive: Array1<bool> = x.column(0).mapv(|v| v > 0.0); // x[:, 0] > 0
    // Zip walks several arrays in step: x[:, 1] < x[:, 2]
    let rising = Zip::from(x.column(1))
        .and(x.column(2))
        .map_collect(|&a, &b| a < b);
    let both = &positive & &rising; // NumPy: positive & rising
    let either = &positive | &rising;
    let neither = !&either; // NumPy: ~either
    println!("positive: {positive}\nrising:   {rising}");
    println!("both:     {both}\nneither:  {neither}");
    let count = positive.iter().filter(|&&p| p).count(); // mask.sum()
    let any = rising.iter().any(|&r| r); // rising.any()
    let all = positive.iter().all(|&p| p); // positive.all()
    println!("positive count {count}, any rising {any}, all positive {all}");
    // ANCHOR_END: build

    support::output_part("select");
    // ANCHOR: select
    let kept = true_indices(positive.view()); // np.flatnonzero(positive)
    println!("rows where positive: {kept:?}");
    let by_select = rows_where_select(x.view(), positive.view())?;
    let by_copy = rows_where_copy(x.view(), positive.view())?;
    println!("x[positive] =\n{by_select}");
    println!("both ways agree: {}", by_select == by_copy);
    let wrong = Array1::from_elem(5, true); // one entry short
    if let Err(e) = rows_where_copy(x.view(), wrong.view()) {
        println!("a 5-entry mask: {e}");
    }
    // ANCHOR_END: select

    support::output_part("where");
    // ANCHOR: where
    let first = x.column(0);
    let clipped = where_(positive.view(), first, Array1::zeros(6).view())?;
    println!("np.where(x0 > 0, x0, 0) = {clipped}");
    let same = first.mapv(|v| if v > 0.0 { v } else { 0.0 }); // one pass
    println!("the same with mapv:       {same}");
    // ANCHOR_END: where

    support::output_part("assign");
    // ANCHOR: assign
    let mut y = x.clone();
    y.mapv_inplace(|v| if v < 0.0 { 0.0 } else { v }); // y[y < 0] = 0
    let mut z = x.clone();
    // z[positive, 1] = -1: a row mask and a column, written with Zip
    Zip::from(z.column_mut(1)).and(&positive).for_each(|v, &p| {
        if p {
            *v = -1.0
        }
    });
    println!("y[y < 0] = 0:\n{y}\nz[positive, 1] = -1:\n{z}");
    // ANCHOR_END: assign
    Ok(())
}
