//! Centring and standardising the columns of a table, `(x - mean) / std` with
//! the population standard deviation (`ddof = 0`, as scikit-learn's
//! `StandardScaler`): the idiomatic way, and fused into two passes.

use ndarray::{Array1, Array2, ArrayView2, ArrayViewMut2, Axis, Zip};

use crate::BroadcastError;

// ANCHOR: idiomatic
/// `(x - x.mean(0)) / x.std(0)`, as NumPy writes it: a pass for the mean,
/// one Welford pass inside `std_axis`, and a third pass in which `&x - &mean`
/// allocates the result and `/ &std` divides that owned array in place (one
/// full-size allocation).
pub fn standardise_idiomatic(
    x: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, BroadcastError> {
    let mean = x.mean_axis(Axis(0)).ok_or(BroadcastError::Empty)?;
    let std = x.std_axis(Axis(0), 0.0);
    Ok((&x - &mean) / &std)
}
// ANCHOR_END: idiomatic

// ANCHOR: column_stats
/// The mean and the population standard deviation of every column, in one
/// pass over the rows. Sums of `x - k` and `(x - k)²` are taken with a shift
/// `k` (the first row), which keeps the classic one-pass formula
/// `var = (Σt² − (Σt)²/n) / n` from cancelling when the data sit far from 0.
pub fn column_stats(
    x: ArrayView2<'_, f64>,
) -> Result<(Array1<f64>, Array1<f64>), BroadcastError> {
    let n = x.nrows();
    if n == 0 {
        return Err(BroadcastError::Empty);
    }
    let shift = x.row(0);
    let mut s1 = Array1::<f64>::zeros(x.ncols());
    let mut s2 = Array1::<f64>::zeros(x.ncols());
    for row in x.rows() {
        Zip::from(&mut s1)
            .and(&mut s2)
            .and(&row)
            .and(&shift)
            .for_each(|s1, s2, &v, &k| {
                let t = v - k;
                *s1 += t;
                *s2 += t * t;
            });
    }
    let nf = n as f64;
    let mean = Zip::from(&s1).and(&shift).map_collect(|&s, &k| k + s / nf);
    let std = Zip::from(&s1)
        .and(&s2)
        .map_collect(|&s1, &s2| ((s2 - s1 * s1 / nf) / nf).max(0.0).sqrt());
    Ok((mean, std))
}
// ANCHOR_END: column_stats

// ANCHOR: fused
/// Standardised columns in two passes: [`column_stats`] reads `x` once, and
/// one `Zip` reads it again and writes `out`, with the mean and the
/// reciprocal of the standard deviation broadcast along the rows. A constant
/// column (std 0) is only centred, as `StandardScaler` does.
pub fn standardise_into(
    x: ArrayView2<'_, f64>,
    mut out: ArrayViewMut2<'_, f64>,
) -> Result<(), BroadcastError> {
    if out.dim() != x.dim() {
        return Err(BroadcastError::OutputShape {
            expected: x.shape().to_vec(),
            found: out.shape().to_vec(),
        });
    }
    let (mean, std) = column_stats(x)?;
    let inv_std = std.mapv(|s| if s > 0.0 { 1.0 / s } else { 1.0 });
    Zip::from(&mut out)
        .and(&x)
        .and_broadcast(mean.view().insert_axis(Axis(0))) // (1, d)
        .and_broadcast(inv_std.view().insert_axis(Axis(0))) // (1, d)
        .for_each(|o, &v, &m, &s| *o = (v - m) * s);
    Ok(())
}

/// [`standardise_into`] a new array.
pub fn standardise_fused(
    x: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, BroadcastError> {
    let mut out = Array2::zeros(x.raw_dim());
    standardise_into(x, out.view_mut())?;
    Ok(out)
}
// ANCHOR_END: fused

// ANCHOR: in_place
/// Standardises `x` in its own buffer: no output allocation at all, for when
/// the raw values are not needed afterwards.
pub fn standardise_in_place(x: &mut Array2<f64>) -> Result<(), BroadcastError> {
    let (mean, std) = column_stats(x.view())?;
    let inv_std = std.mapv(|s| if s > 0.0 { 1.0 / s } else { 1.0 });
    for mut row in x.rows_mut() {
        Zip::from(&mut row)
            .and(&mean)
            .and(&inv_std)
            .for_each(|v, &m, &s| *v = (*v - m) * s);
    }
    Ok(())
}
// ANCHOR_END: in_place
