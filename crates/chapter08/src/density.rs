//! What the samplers should produce: densities (continuous distributions) and
//! probabilities (discrete ones) for the figures to draw their histograms
//! against, and a histogram scaled to the same units.

use std::f64::consts::PI;

// ANCHOR: densities
/// The normal density with mean `mu` and standard deviation `sigma`.
pub fn normal_pdf(x: f64, mu: f64, sigma: f64) -> f64 {
    let z = (x - mu) / sigma;
    (-0.5 * z * z).exp() / (sigma * (2.0 * PI).sqrt())
}

/// The exponential density with rate `lambda` (mean `1 / lambda`).
pub fn exponential_pdf(x: f64, lambda: f64) -> f64 {
    if x < 0.0 {
        0.0
    } else {
        lambda * (-lambda * x).exp()
    }
}

/// `ln(k!)`, summed exactly enough for the small `k` a figure needs.
fn ln_factorial(k: u64) -> f64 {
    (2..=k).map(|i| (i as f64).ln()).sum()
}

/// The probability of `k` events for a Poisson distribution with mean
/// `lambda`: `exp(-lambda) lambda^k / k!`, computed in logarithms.
pub fn poisson_pmf(k: u64, lambda: f64) -> f64 {
    (k as f64 * lambda.ln() - lambda - ln_factorial(k)).exp()
}

/// The probability of `k` successes in `n` trials of probability `p`.
pub fn binomial_pmf(k: u64, n: u64, p: f64) -> f64 {
    if k > n {
        return 0.0;
    }
    let ln_choose = ln_factorial(n) - ln_factorial(k) - ln_factorial(n - k);
    let (k, n) = (k as f64, n as f64);
    (ln_choose + k * p.ln() + (n - k) * (1.0 - p).ln()).exp()
}
// ANCHOR_END: densities

// ANCHOR: density_histogram
/// A histogram of `samples` over `bins` equal bins from `lo` to `hi`, scaled
/// so that its area is the fraction of samples inside `[lo, hi)`: the units
/// of a density, so it can be drawn over the density curve (NumPy's
/// `np.histogram(x, bins, range=(lo, hi), density=True)` scales to area 1
/// over the samples in range instead; with every sample in range they agree).
pub fn density_histogram(
    samples: &[f64],
    lo: f64,
    hi: f64,
    bins: usize,
) -> Vec<f64> {
    let width = (hi - lo) / bins as f64;
    let mut counts = vec![0usize; bins];
    for &x in samples {
        if x >= lo && x < hi {
            let bin = (((x - lo) / width) as usize).min(bins - 1);
            counts[bin] += 1;
        }
    }
    let scale = 1.0 / (samples.len() as f64 * width);
    counts.iter().map(|&c| c as f64 * scale).collect()
}
// ANCHOR_END: density_histogram

/// The sample mean and the sample variance (`ddof = 1`) of `x`.
pub fn mean_and_variance(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let ss: f64 = x.iter().map(|v| (v - mean) * (v - mean)).sum();
    (mean, ss / (n - 1.0))
}
