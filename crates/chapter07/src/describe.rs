//! Quantiles with each interpolation method of ndarray-stats, matched to
//! NumPy's `method=` names; NumPy's own `nearest` rule; and the NaN-skipping
//! statistics NumPy calls `nanmean` and `nanmedian`; skewness and excess
//! kurtosis as SciPy computes them, the weighted mean of `np.average`, and
//! the mode of `scipy.stats.mode`.

use ndarray::{Array1, ArrayView1, Axis};
use ndarray_stats::HistogramExt;
use ndarray_stats::errors::MultiInputError;
use ndarray_stats::histogram::{Bins, Edges, Grid};
use ndarray_stats::interpolate::{Higher, Linear, Lower, Midpoint, Nearest};
use ndarray_stats::{Quantile1dExt, QuantileExt, SummaryStatisticsExt};
use noisy_float::types::{N64, n64};

use crate::StatsError;

/// The interpolation methods ndarray-stats offers, which are five of NumPy's
/// thirteen `method=` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Linear,
    Lower,
    Higher,
    Midpoint,
    Nearest,
}

impl Method {
    /// Every method, in the order the book's tables print them.
    pub const ALL: [Method; 5] = [
        Method::Linear,
        Method::Lower,
        Method::Higher,
        Method::Midpoint,
        Method::Nearest,
    ];

    /// NumPy's name for the method (`np.quantile(x, q, method=...)`).
    pub fn numpy_name(self) -> &'static str {
        match self {
            Method::Linear => "linear",
            Method::Lower => "lower",
            Method::Higher => "higher",
            Method::Midpoint => "midpoint",
            Method::Nearest => "nearest",
        }
    }
}

// ANCHOR: to_n64
/// Copies `x` into `N64`s, ndarray-stats' floats that cannot be NaN and are
/// therefore `Ord`; the index of the first NaN is an error.
pub fn to_n64(x: ArrayView1<'_, f64>) -> Result<Array1<N64>, StatsError> {
    x.iter()
        .enumerate()
        .map(|(i, &v)| N64::try_new(v).ok_or(StatsError::NaN(i)))
        .collect()
}
// ANCHOR_END: to_n64

// ANCHOR: quantile
/// The `q`-th quantile of `x` (`q` in `[0, 1]`) with ndarray-stats'
/// `quantile_mut`, which reorders its input: it works on a copy.
pub fn quantile(
    x: ArrayView1<'_, f64>,
    q: f64,
    method: Method,
) -> Result<f64, StatsError> {
    if x.is_empty() {
        return Err(StatsError::Empty("quantile"));
    }
    if !(0.0..=1.0).contains(&q) {
        return Err(StatsError::InvalidQuantile(q));
    }
    let mut data = to_n64(x)?;
    let q = n64(q);
    let value = match method {
        Method::Linear => data.quantile_mut(q, &Linear),
        Method::Lower => data.quantile_mut(q, &Lower),
        Method::Higher => data.quantile_mut(q, &Higher),
        Method::Midpoint => data.quantile_mut(q, &Midpoint),
        Method::Nearest => data.quantile_mut(q, &Nearest),
    };
    // Empty input and q outside [0, 1] were ruled out above.
    Ok(value.expect("checked input").raw())
}
// ANCHOR_END: quantile

// ANCHOR: numpy_nearest
/// NumPy's `method="nearest"`: the element at the position `(n - 1) q`
/// rounded half to even, as `np.around` rounds. ndarray-stats' `Nearest`
/// rounds a fraction of exactly one half up instead.
pub fn quantile_nearest_numpy(
    x: ArrayView1<'_, f64>,
    q: f64,
) -> Result<f64, StatsError> {
    if x.is_empty() {
        return Err(StatsError::Empty("quantile"));
    }
    if !(0.0..=1.0).contains(&q) {
        return Err(StatsError::InvalidQuantile(q));
    }
    let mut data = to_n64(x)?;
    let position = ((data.len() - 1) as f64 * q).round_ties_even() as usize;
    let (_, value, _) = data
        .as_slice_mut()
        .expect("a fresh array is contiguous")
        .select_nth_unstable(position);
    Ok(value.raw())
}
// ANCHOR_END: numpy_nearest

// ANCHOR: nan_stats
/// NumPy's `np.nanmean`: the mean of the values that are not NaN, `None`
/// when there are none.
pub fn nanmean(x: ArrayView1<'_, f64>) -> Option<f64> {
    let (sum, count) = x
        .iter()
        .filter(|v| !v.is_nan())
        .fold((0.0, 0usize), |(s, n), &v| (s + v, n + 1));
    (count > 0).then(|| sum / count as f64)
}

/// NumPy's `np.nanmedian`, through ndarray-stats'
/// `quantile_axis_skipnan_mut`, which works on `f64` directly; `None` when
/// every value is NaN.
pub fn nanmedian(x: ArrayView1<'_, f64>) -> Option<f64> {
    let mut data = x.to_owned();
    let median = data
        .quantile_axis_skipnan_mut(Axis(0), n64(0.5), &Linear)
        .ok()?;
    let value = median.into_scalar();
    (!value.is_nan()).then_some(value)
}
// ANCHOR_END: nan_stats

// ANCHOR: histogram
/// Counts of `x` in the bins between consecutive `edges` (increasing), as
/// `np.histogram(x, bins=edges)` counts them: every bin is half-open,
/// `[a, b)`, except the last, which also holds its right edge. Values
/// outside the edges are not counted.
pub fn histogram(
    x: ArrayView1<'_, f64>,
    edges: &[f64],
) -> Result<Array1<usize>, StatsError> {
    if edges.len() < 2 {
        return Err(StatsError::Empty("histogram bins"));
    }
    let edges_n64 = to_n64(ArrayView1::from(edges))?;
    let grid = Grid::from(vec![Bins::new(Edges::from(edges_n64.to_vec()))]);
    // One observation per row: an n x 1 table.
    let points = to_n64(x)?.insert_axis(Axis(1));
    let histogram = points.histogram(grid);
    let mut counts: Array1<usize> =
        histogram.counts().iter().copied().collect();
    // ndarray-stats' last bin is half-open too: add the right edge's values.
    let last = edges[edges.len() - 1];
    counts[edges.len() - 2] += x.iter().filter(|&&v| v == last).count();
    Ok(counts)
}
// ANCHOR_END: histogram

/// The index of the first NaN, as an error.
fn refuse_nan(x: ArrayView1<'_, f64>) -> Result<(), StatsError> {
    match x.iter().position(|v| v.is_nan()) {
        Some(i) => Err(StatsError::NaN(i)),
        None => Ok(()),
    }
}

// ANCHOR: shape
/// Skewness and excess kurtosis with SciPy's defaults: `scipy.stats.skew(x)`
/// and `scipy.stats.kurtosis(x)`, both from the population moments
/// (`bias=True`), the kurtosis with the normal distribution's 3 subtracted
/// (`fisher=True`). ndarray-stats' `kurtosis` is Pearson's, without the -3.
pub fn skew_kurtosis(x: ArrayView1<'_, f64>) -> Result<(f64, f64), StatsError> {
    refuse_nan(x)?;
    if x.is_empty() {
        return Err(StatsError::Empty("skewness"));
    }
    if x.var(0.0) == 0.0 {
        return Err(StatsError::Constant("skewness"));
    }
    let skew = x.skewness().map_err(|_| StatsError::Empty("skewness"))?;
    let pearson = x.kurtosis().map_err(|_| StatsError::Empty("kurtosis"))?;
    Ok((skew, pearson - 3.0))
}
// ANCHOR_END: shape

// ANCHOR: weighted_mean
/// `np.average(x, weights=w)`: ndarray-stats' `weighted_mean`, which is
/// `Σ wᵢxᵢ / Σ wᵢ`, after the check it leaves to the caller: weights that
/// sum to zero (NumPy raises; ndarray-stats would divide by zero).
pub fn weighted_mean(
    x: ArrayView1<'_, f64>,
    w: ArrayView1<'_, f64>,
) -> Result<f64, StatsError> {
    if x.len() != w.len() {
        return Err(StatsError::WeightsLength {
            values: x.len(),
            weights: w.len(),
        });
    }
    if !x.is_empty() && w.sum() == 0.0 {
        return Err(StatsError::WeightsSumToZero);
    }
    let (values, weights) = (x.len(), w.len());
    // Reborrowed views, so that both have the one lifetime `&Self` needs.
    x.view()
        .weighted_mean(&w.view())
        .map_err(|error| match error {
            MultiInputError::EmptyInput => StatsError::Empty("weighted mean"),
            MultiInputError::ShapeMismatch(_) => {
                StatsError::WeightsLength { values, weights }
            }
        })
}
// ANCHOR_END: weighted_mean

// ANCHOR: mode
/// The most frequent value and its count, the smallest such value on a
/// tie: `scipy.stats.mode(x)`, or the first maximum of
/// `np.unique(x, return_counts=True)`. Values count as equal only when they
/// are exactly equal, which suits integer-valued data (counts, ratings,
/// codes); continuous data needs binning first (a histogram).
pub fn mode(x: ArrayView1<'_, f64>) -> Result<(f64, usize), StatsError> {
    let mut sorted = to_n64(x)?.to_vec(); // refuses NaN, which has no count
    sorted.sort_unstable();
    let mut best: Option<(N64, usize)> = None;
    for run in sorted.chunk_by(|a, b| a == b) {
        // `>`, not `>=`: on a tie the first, smallest, value stays.
        if best.is_none_or(|(_, count)| run.len() > count) {
            best = Some((run[0], run.len()));
        }
    }
    let (value, count) = best.ok_or(StatsError::Empty("mode"))?;
    Ok((value.raw(), count))
}
// ANCHOR_END: mode
