//! Covariance and Pearson correlation matrices of the wine data with
//! ndarray-stats, whose rows are the variables (NumPy's `rowvar=True`).

use ndarray::{Axis, s};
use ndarray_stats::CorrelationExt;

fn main() -> Result<(), support::Report> {
    let wine = support::load_wine()?;
    let names = &wine.feature_names;
    support::output_part("cov");
    // ANCHOR: cov
    let x = &wine.features; // 178 samples x 13 features
    // ndarray-stats: one variable per ROW, so pass the transpose (a view)
    let cov = x.t().cov(1.0)?; // ddof = 1, like np.cov's default
    println!("cov: {:?}", cov.dim());
    println!("first 3 x 3 (ddof = 1):\n{:.4}", cov.slice(s![..3, ..3]));
    // The diagonal holds the variances, var(ddof = 1):
    let variances = x.var_axis(Axis(0), 1.0);
    let gap = (&cov.diag() - &variances).fold(0.0, |m: f64, d| m.max(d.abs()));
    println!("largest |diagonal - var_axis(ddof = 1)|: {gap:.1e}");
    // Forgetting the transpose: 178 "variables" with 13 observations each
    println!("x.cov(1.0) without .t(): {:?}", x.cov(1.0)?.dim());
    // ANCHOR_END: cov

    support::output_part("pearson");
    // ANCHOR: pearson
    let corr = x.t().pearson_correlation()?;
    // The most strongly correlated pairs of different features
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    for i in 0..corr.nrows() {
        for j in i + 1..corr.ncols() {
            pairs.push((i, j, corr[[i, j]]));
        }
    }
    pairs.sort_by(|a, b| b.2.abs().total_cmp(&a.2.abs()));
    for &(i, j, r) in &pairs[..4] {
        println!("{:>15} ~ {:<28} r = {r:+.4}", names[i], names[j]);
    }
    // ANCHOR_END: pearson
    Ok(())
}
