//! Project 4: time series. Monthly means of the Mauna Loa CO₂ record and the
//! yearly sunspot numbers; moving averages by `windows`, exponential
//! smoothing, differencing, autocorrelation, a classical seasonal
//! decomposition, and an autoregressive model fitted by least squares, with
//! recursive and simulated (seeded) forecasts.

use ndarray::{Array1, ArrayView1, Axis, s};
use ndarray_linalg::LeastSquaresSvd;
use ndarray_rand::rand_distr::{Distribution, Normal};
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use support::data::Date;

use crate::Error;
use crate::features::lag_features;

/// Monthly means of a dated series, skipping NaN; a month with no value is
/// filled by linear interpolation between its neighbours (CO₂ has a few
/// such gaps). Returns the first month (year, month) and the means in order.
pub fn monthly_means(
    dates: &[Date],
    values: ArrayView1<'_, f64>,
) -> Result<((i32, u32), Array1<f64>), Error> {
    let first = dates.first().ok_or(Error::TooShort("no dates".into()))?;
    let index = |d: &Date| {
        (d.year - first.year) as usize * 12 + d.month as usize
            - first.month as usize
    };
    let last = dates.last().map(index).unwrap_or(0);
    let mut sums = vec![(0.0, 0usize); last + 1];
    for (d, &v) in dates.iter().zip(values) {
        if !v.is_nan() {
            let slot = &mut sums[index(d)];
            slot.0 += v;
            slot.1 += 1;
        }
    }
    let mut means: Array1<f64> = sums
        .iter()
        .map(|&(sum, count)| {
            if count == 0 {
                f64::NAN
            } else {
                sum / count as f64
            }
        })
        .collect();
    interpolate_gaps(&mut means)?;
    Ok(((first.year, first.month), means))
}

/// Replaces each run of NaN between two values by the straight line
/// between them; NaN at either end is an error.
pub fn interpolate_gaps(x: &mut Array1<f64>) -> Result<(), Error> {
    let known: Vec<usize> = (0..x.len()).filter(|&i| !x[i].is_nan()).collect();
    match (known.first(), known.last()) {
        (Some(&0), Some(&last)) if last == x.len() - 1 => {}
        _ => {
            return Err(Error::NonFinite(
                "a series starts or ends with a gap".into(),
            ));
        }
    }
    for pair in known.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        for i in a + 1..b {
            let t = (i - a) as f64 / (b - a) as f64;
            x[i] = x[a] + t * (x[b] - x[a]);
        }
    }
    Ok(())
}

// ANCHOR: moving_average
/// The trailing moving average of width `w`: the mean of every window of
/// `w` consecutive values, `n − w + 1` of them (`np.convolve(x,
/// np.ones(w) / w, "valid")`).
pub fn moving_average(
    x: ArrayView1<'_, f64>,
    w: usize,
) -> Result<Array1<f64>, Error> {
    if w == 0 || w > x.len() {
        return Err(Error::Parameter(format!(
            "window {w} for a series of {}",
            x.len()
        )));
    }
    Ok(x.windows(w)
        .into_iter()
        .map(|win| win.sum() / w as f64)
        .collect())
}

/// The centred moving average of an even `period` (the "2 × period" average
/// of classical decomposition): weights `1/2, 1, ..., 1, 1/2` over
/// `period + 1` values, divided by `period`. Value `i` is centred on
/// `x[i + period / 2]`.
pub fn centred_moving_average(
    x: ArrayView1<'_, f64>,
    period: usize,
) -> Result<Array1<f64>, Error> {
    if period == 0 || period % 2 == 1 || period >= x.len() {
        return Err(Error::Parameter(format!(
            "an even period below {}, got {period}",
            x.len()
        )));
    }
    let p = period as f64;
    Ok(x.windows(period + 1)
        .into_iter()
        .map(|win| (win.sum() - 0.5 * (win[0] + win[period])) / p)
        .collect())
}
// ANCHOR_END: moving_average

// ANCHOR: smoothing
/// Simple exponential smoothing: `s₀ = x₀`, `sₜ = α xₜ + (1 − α) sₜ₋₁`.
/// Each value depends on the previous one, so it is a loop (a scan), not a
/// window.
pub fn exponential_smoothing(
    x: ArrayView1<'_, f64>,
    alpha: f64,
) -> Result<Array1<f64>, Error> {
    if !(alpha > 0.0 && alpha <= 1.0) {
        return Err(Error::Parameter(format!("α = {alpha} is not in (0, 1]")));
    }
    let mut s = Array1::zeros(x.len());
    let mut level = match x.first() {
        Some(&x0) => x0,
        None => return Ok(s),
    };
    for (si, &xi) in s.iter_mut().zip(x) {
        level = alpha * xi + (1.0 - alpha) * level;
        *si = level;
    }
    Ok(s)
}

/// The lag-`lag` difference `x[t] − x[t − lag]`, `n − lag` values
/// (`x[lag:] - x[:-lag]`).
pub fn difference(
    x: ArrayView1<'_, f64>,
    lag: usize,
) -> Result<Array1<f64>, Error> {
    if lag == 0 || lag >= x.len() {
        return Err(Error::Parameter(format!(
            "lag {lag} for {} values",
            x.len()
        )));
    }
    Ok(&x.slice(s![lag..]) - &x.slice(s![..x.len() - lag]))
}
// ANCHOR_END: smoothing

// ANCHOR: acf
/// The sample autocorrelation at lags `0..=max_lag`:
/// `r_k = Σₜ (xₜ − x̄)(xₜ₊ₖ − x̄) / Σₜ (xₜ − x̄)²` (statsmodels' `acf`).
pub fn autocorrelation(
    x: ArrayView1<'_, f64>,
    max_lag: usize,
) -> Result<Array1<f64>, Error> {
    let n = x.len();
    if max_lag >= n {
        return Err(Error::Parameter(format!("lag {max_lag} for {n} values")));
    }
    let mean = x.mean().ok_or(Error::TooShort("empty series".into()))?;
    let d = x.mapv(|v| v - mean);
    let denominator = d.dot(&d);
    if denominator == 0.0 {
        return Err(Error::Parameter("a constant series".into()));
    }
    Ok((0..=max_lag)
        .map(|k| d.slice(s![..n - k]).dot(&d.slice(s![k..])) / denominator)
        .collect())
}
// ANCHOR_END: acf

/// The three parts of a classical additive decomposition, `x = trend +
/// seasonal + residual`, on the `n − period` values where the centred
/// moving average exists: they start at `offset = period / 2`.
#[derive(Debug, Clone)]
pub struct Decomposition {
    pub offset: usize,
    pub trend: Array1<f64>,
    /// One value per phase (month), summing to zero.
    pub seasonal_index: Array1<f64>,
    pub seasonal: Array1<f64>,
    pub residual: Array1<f64>,
}

// ANCHOR: decompose
/// Classical additive decomposition with an even `period`: the trend is the
/// centred moving average; the seasonal index of each phase is the mean of
/// `x − trend` over that phase, shifted to sum to zero; the residual is what
/// is left.
pub fn decompose(
    x: ArrayView1<'_, f64>,
    period: usize,
) -> Result<Decomposition, Error> {
    let trend = centred_moving_average(x, period)?;
    let offset = period / 2;
    let detrended = &x.slice(s![offset..offset + trend.len()]) - &trend;
    let mut sums = Array1::<f64>::zeros(period);
    let mut counts = Array1::<f64>::zeros(period);
    for (i, &v) in detrended.iter().enumerate() {
        sums[(i + offset) % period] += v;
        counts[(i + offset) % period] += 1.0;
    }
    let means = sums / counts;
    let seasonal_index = &means - means.mean().unwrap_or(0.0);
    let seasonal: Array1<f64> = (0..trend.len())
        .map(|i| seasonal_index[(i + offset) % period])
        .collect();
    let residual = &detrended - &seasonal;
    Ok(Decomposition {
        offset,
        trend,
        seasonal_index,
        seasonal,
        residual,
    })
}
// ANCHOR_END: decompose

/// An autoregressive model of order `p`:
/// `xₜ = c + φ₁ xₜ₋₁ + … + φₚ xₜ₋ₚ + εₜ`.
#[derive(Debug, Clone, PartialEq)]
pub struct ArModel {
    pub intercept: f64,
    /// `φ₁, …, φₚ`: the weight of lag 1 first.
    pub coefs: Array1<f64>,
    /// The standard deviation of the training residuals (divided by the
    /// number of residuals).
    pub sigma: f64,
}

// ANCHOR: ar_fit
/// Fits AR(`p`) by ordinary least squares: the lag matrix (one row per time
/// `t ≥ p`, columns `xₜ₋₁ … xₜ₋ₚ`, plus a column of ones) against `xₜ`.
pub fn fit_ar(x: ArrayView1<'_, f64>, p: usize) -> Result<ArModel, Error> {
    let lags: Vec<usize> = (1..=p).collect();
    let (lagged, target) = lag_features(x, &lags)?;
    if target.len() <= p + 1 {
        return Err(Error::TooShort(format!("{} values for AR({p})", x.len())));
    }
    let ones = Array1::<f64>::ones(target.len()).insert_axis(Axis(1));
    let design = ndarray::concatenate![Axis(1), ones, lagged];
    let beta = design
        .least_squares(&target)
        .map_err(|e| Error::Linalg(e.to_string()))?
        .solution;
    let residual = &target - &design.dot(&beta);
    let sigma = (residual.dot(&residual) / residual.len() as f64).sqrt();
    Ok(ArModel {
        intercept: beta[0],
        coefs: beta.slice(s![1..]).to_owned(),
        sigma,
    })
}
// ANCHOR_END: ar_fit

// ANCHOR: ar_forecast
impl ArModel {
    /// The next value after `history` (its last `p` values are used).
    fn one_step(&self, history: &[f64]) -> f64 {
        let recent = history.iter().rev(); // lag 1 first
        self.intercept
            + self
                .coefs
                .iter()
                .zip(recent)
                .map(|(c, v)| c * v)
                .sum::<f64>()
    }

    /// Forecasts `steps` values after `history` recursively: each forecast
    /// becomes the lag-1 value of the next.
    pub fn forecast(
        &self,
        history: ArrayView1<'_, f64>,
        steps: usize,
    ) -> Result<Array1<f64>, Error> {
        self.simulate_with(history, steps, |_| 0.0)
    }

    /// One simulated future: the recursive forecast with a Gaussian shock of
    /// standard deviation `sigma` added at every step, drawn from a
    /// generator seeded with `seed` (the same seed gives the same path).
    pub fn simulate(
        &self,
        history: ArrayView1<'_, f64>,
        steps: usize,
        seed: u64,
    ) -> Result<Array1<f64>, Error> {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let noise = Normal::new(0.0, self.sigma)
            .map_err(|e| Error::Parameter(e.to_string()))?;
        self.simulate_with(history, steps, |_| noise.sample(&mut rng))
    }

    fn simulate_with(
        &self,
        history: ArrayView1<'_, f64>,
        steps: usize,
        mut shock: impl FnMut(usize) -> f64,
    ) -> Result<Array1<f64>, Error> {
        let p = self.coefs.len();
        if history.len() < p {
            return Err(Error::TooShort(format!(
                "AR({p}) needs {p} values of history, got {}",
                history.len()
            )));
        }
        let mut values: Vec<f64> =
            history.slice(s![history.len() - p..]).to_vec();
        for t in 0..steps {
            let next = self.one_step(&values[values.len() - p..]) + shock(t);
            values.push(next);
        }
        Ok(Array1::from(values.split_off(p)))
    }
}
// ANCHOR_END: ar_forecast
