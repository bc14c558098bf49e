//! The hands-on: softmax over the rows of the digits' scaled dot-product
//! scores, from the formula as written (which overflows on these scores) to
//! the fused, stable version, with each row's log-sum-exp.

use chapter04::softmax::{
    attention_scores, softmax_fused, softmax_inplace, softmax_naive,
    softmax_stable,
};
use ndarray::{Array1, Array2, Axis};

fn main() -> Result<(), support::Report> {
    support::output_part("scores");
    // ANCHOR: scores
    let digits = support::data::load_digits()?;
    let s = attention_scores(digits.features.view()); // x x^T / sqrt(64)
    let largest = s.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
    println!("scores: shape {:?}, largest {largest}", s.shape());
    println!("exp(largest) = {}", largest.exp());
    // ANCHOR_END: scores

    support::output_part("naive");
    // ANCHOR: naive
    let naive = softmax_naive(s.view());
    let nan_rows = naive
        .rows()
        .into_iter()
        .filter(|row| row.iter().any(|v| v.is_nan()))
        .count();
    println!("naive: {nan_rows} of {} rows contain NaN", naive.nrows());
    // ANCHOR_END: naive

    support::output_part("stable");
    // ANCHOR: stable
    let stable = softmax_stable(s.view());
    let mut out = Array2::<f64>::zeros(s.raw_dim());
    softmax_inplace(out.view_mut(), s.view())?;
    let same = out == stable;
    let mut fused = Array2::<f64>::zeros(s.raw_dim());
    let mut lse = Array1::<f64>::zeros(s.nrows());
    softmax_fused(fused.view_mut(), s.view(), lse.view_mut())?;
    let worst = (&fused - &stable)
        .mapv(f64::abs)
        .fold(0.0, |m: f64, &v| m.max(v));
    println!("in place == stable: {same}");
    // Rounding level: `exp`'s last bit differs between C libraries.
    println!(
        "fused vs stable: largest difference {}",
        support::below(worst, 1e-14)
    );
    let sums = fused.sum_axis(Axis(1));
    let off = sums.fold(0.0, |m: f64, &v| m.max((v - 1.0).abs()));
    println!("largest |row sum − 1| {}", support::below(off, 1e-14));
    // Where does each row put most of its weight, and is that image the
    // same digit?
    let argmax = |row: ndarray::ArrayView1<'_, f64>| {
        (0..row.len())
            .fold(0, |best, j| if row[j] > row[best] { j } else { best })
    };
    let labels = &digits.target;
    let same_digit = fused
        .rows()
        .into_iter()
        .enumerate()
        .filter(|(i, row)| labels[argmax(row.view())] == labels[*i])
        .count();
    println!(
        "row 0: largest weight {:.6}",
        fused.row(0).fold(0.0, |m: f64, &v| m.max(v))
    );
    println!("rows whose largest weight is on the same digit: {same_digit}");
    println!("logsumexp of rows 0..3: {:.6}", lse.slice(ndarray::s![..3]));
    // ANCHOR_END: stable
    Ok(())
}
