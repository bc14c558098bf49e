//! Project 5: feature engineering as reusable, tested functions: one-hot
//! encoding of text categories, polynomial and interaction features, binning
//! into equal-width bins, and lag features of a series. Standardisation is
//! [`crate::linreg::Standardiser`] (chapters 6 and 7 build it step by step).

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, s};

use crate::Error;

// ANCHOR: one_hot
/// One-hot encoding of text categories, as scikit-learn's `OneHotEncoder`:
/// the categories sorted, one column each, a 1 where the row has it.
/// Returns the categories and the `(n, categories)` matrix.
pub fn one_hot<S: AsRef<str>>(values: &[S]) -> (Vec<String>, Array2<f64>) {
    let mut categories: Vec<String> =
        values.iter().map(|v| v.as_ref().to_owned()).collect();
    categories.sort();
    categories.dedup();
    let mut encoded = Array2::zeros((values.len(), categories.len()));
    for (mut row, v) in encoded.rows_mut().into_iter().zip(values) {
        // Every value is among the categories, which are sorted.
        if let Ok(j) =
            categories.binary_search_by(|c| c.as_str().cmp(v.as_ref()))
        {
            row[j] = 1.0;
        }
    }
    (categories, encoded)
}
// ANCHOR_END: one_hot

/// The column powers of [`polynomial_features`]: one multiset of column
/// indices per output column, in scikit-learn's order (degree by degree,
/// each degree in lexicographic order).
pub fn polynomial_terms(
    n_features: usize,
    degree: usize,
    interaction_only: bool,
) -> Vec<Vec<usize>> {
    let mut terms = vec![Vec::new()]; // the bias column
    let mut previous: Vec<Vec<usize>> = vec![Vec::new()];
    for _ in 1..=degree {
        let mut next = Vec::new();
        for term in &previous {
            let start = match term.last() {
                Some(&last) if interaction_only => last + 1,
                Some(&last) => last,
                None => 0,
            };
            for j in start..n_features {
                let mut t = term.clone();
                t.push(j);
                next.push(t);
            }
        }
        terms.extend(next.iter().cloned());
        previous = next;
    }
    terms
}

// ANCHOR: polynomial
/// Polynomial features up to `degree`, as scikit-learn's
/// `PolynomialFeatures(degree, interaction_only, include_bias=True)`: a
/// column of ones, the columns, then every product of `2..=degree` columns
/// (distinct columns only, with `interaction_only`).
pub fn polynomial_features(
    x: ArrayView2<'_, f64>,
    degree: usize,
    interaction_only: bool,
) -> Result<Array2<f64>, Error> {
    if degree == 0 {
        return Err(Error::Parameter("degree 0 leaves only the bias".into()));
    }
    let terms = polynomial_terms(x.ncols(), degree, interaction_only);
    let mut out = Array2::ones((x.nrows(), terms.len()));
    for (mut column, term) in out.columns_mut().into_iter().zip(&terms) {
        for &j in term {
            column *= &x.column(j);
        }
    }
    Ok(out)
}
// ANCHOR_END: polynomial

// ANCHOR: binning
/// Equal-width binning, as `KBinsDiscretizer(strategy="uniform",
/// encode="ordinal")`: `n_bins + 1` edges from the minimum to the maximum
/// (fitted on `fit_on`), and for each value of `x` the number of inner edges
/// at or below it. Values outside the fitted range land in the first or
/// last bin.
pub fn bin_uniform(
    fit_on: ArrayView1<'_, f64>,
    x: ArrayView1<'_, f64>,
    n_bins: usize,
) -> Result<(Array1<f64>, Array1<usize>), Error> {
    if n_bins < 2 {
        return Err(Error::Parameter(format!(
            "{n_bins} bins: need two or more"
        )));
    }
    if !fit_on.iter().chain(x.iter()).all(|v| v.is_finite()) {
        return Err(Error::NonFinite("values to bin".into()));
    }
    let min = fit_on.iter().copied().fold(f64::INFINITY, f64::min);
    let max = fit_on.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max.partial_cmp(&min) != Some(std::cmp::Ordering::Greater) {
        return Err(Error::Parameter(
            "no range to bin (constant or empty)".into(),
        ));
    }
    let edges = Array1::linspace(min, max, n_bins + 1);
    let inner = edges.slice(s![1..n_bins]);
    // searchsorted(inner, v, side="right"): the inner edges <= v.
    let bins = x.mapv(|v| inner.iter().take_while(|&&e| e <= v).count());
    Ok((edges, bins))
}
// ANCHOR_END: binning

// ANCHOR: lags
/// Lag features of a series: for every time `t ≥ max(lags)`, a row with
/// `x[t − lag]` for each lag, and the target `x[t]`. The building block of
/// autoregressive models (the time-series project) and of any model that
/// predicts from the recent past.
pub fn lag_features(
    x: ArrayView1<'_, f64>,
    lags: &[usize],
) -> Result<(Array2<f64>, Array1<f64>), Error> {
    let max_lag = lags.iter().copied().max().unwrap_or(0);
    if lags.contains(&0) || max_lag >= x.len() {
        return Err(Error::Parameter(format!(
            "lags {lags:?} for a series of {}: each must be in 1..{}",
            x.len(),
            x.len()
        )));
    }
    let n = x.len() - max_lag;
    let mut rows = Array2::zeros((n, lags.len()));
    for (mut column, &lag) in rows.columns_mut().into_iter().zip(lags) {
        column.assign(&x.slice(s![max_lag - lag..max_lag - lag + n]));
    }
    Ok((rows, x.slice(s![max_lag..]).to_owned()))
}
// ANCHOR_END: lags
