//! Three ways to sample a distribution that has no ready-made sampler:
//! inverse-transform sampling (through the inverse CDF), rejection sampling
//! (under a bound on the density), and weighted sampling of categories (a
//! cumulative table searched by bisection, what `rand`'s `WeightedIndex` and
//! NumPy's `rng.choice(p=...)` do).

use rand::Rng;

/// Why a sampler could not be built.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SamplerError {
    /// A rate, bound or interval that is not positive and finite.
    #[error("{0} must be positive and finite, got {1}")]
    NotPositive(&'static str, f64),
    /// A weight that is negative or not finite.
    #[error("weight {index} is {weight}: weights must be finite and >= 0")]
    BadWeight { index: usize, weight: f64 },
    /// No weights, or all of them zero.
    #[error("the weights sum to zero")]
    ZeroTotal,
    /// The density went above the bound rejection sampling was given.
    #[error("the density {density} at {x} is above the bound {bound}")]
    AboveBound { x: f64, density: f64, bound: f64 },
}

// ANCHOR: inverse
/// `n` exponential draws with rate `rate` by inversion: if `U` is uniform on
/// [0, 1), `F^-1(U) = -ln(1 - U) / rate` has the CDF `F(x) = 1 - e^(-rate x)`.
pub fn exponential_by_inversion<R: Rng + ?Sized>(
    rate: f64,
    n: usize,
    rng: &mut R,
) -> Result<Vec<f64>, SamplerError> {
    if !(rate > 0.0 && rate.is_finite()) {
        return Err(SamplerError::NotPositive("rate", rate));
    }
    // ln_1p(-u) = ln(1 - u), accurate for small u; 1 - u is never 0
    Ok((0..n)
        .map(|_| -(-rng.r#gen::<f64>()).ln_1p() / rate)
        .collect())
}
// ANCHOR_END: inverse

// ANCHOR: rejection
/// `n` draws from the density `pdf` on `[lo, hi)`, given `bound >= pdf`:
/// propose `x` uniform on `[lo, hi)` and a height `y` uniform on
/// `[0, bound)`, keep `x` when `y < pdf(x)`. Returns the draws and the share
/// of proposals accepted, `1 / (bound * (hi - lo))` on average.
pub fn rejection_sample<R: Rng + ?Sized>(
    pdf: impl Fn(f64) -> f64,
    (lo, hi): (f64, f64),
    bound: f64,
    n: usize,
    rng: &mut R,
) -> Result<(Vec<f64>, f64), SamplerError> {
    if !(hi - lo > 0.0 && (hi - lo).is_finite()) {
        return Err(SamplerError::NotPositive("hi - lo", hi - lo));
    }
    if !(bound > 0.0 && bound.is_finite()) {
        return Err(SamplerError::NotPositive("bound", bound));
    }
    let (mut draws, mut proposals) = (Vec::with_capacity(n), 0_u64);
    while draws.len() < n {
        proposals += 1;
        let x = lo + (hi - lo) * rng.r#gen::<f64>();
        let density = pdf(x);
        if density > bound {
            return Err(SamplerError::AboveBound { x, density, bound });
        }
        if bound * rng.r#gen::<f64>() < density {
            draws.push(x);
        }
    }
    Ok((draws, n as f64 / proposals.max(1) as f64))
}
// ANCHOR_END: rejection

// ANCHOR: weighted
/// Category `i` with probability `weights[i] / sum(weights)`, by bisection
/// in the cumulative sums.
#[derive(Debug, Clone)]
pub struct WeightedChoice {
    cumulative: Vec<f64>,
}

impl WeightedChoice {
    pub fn new(weights: &[f64]) -> Result<Self, SamplerError> {
        let mut total = 0.0;
        let mut cumulative = Vec::with_capacity(weights.len());
        for (index, &weight) in weights.iter().enumerate() {
            if !(weight >= 0.0 && weight.is_finite()) {
                return Err(SamplerError::BadWeight { index, weight });
            }
            total += weight;
            cumulative.push(total);
        }
        if total <= 0.0 {
            return Err(SamplerError::ZeroTotal);
        }
        Ok(WeightedChoice { cumulative })
    }

    /// The first `i` whose cumulative weight exceeds a uniform point of
    /// `[0, total)`: a zero weight is never chosen.
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> usize {
        let total = self.cumulative[self.cumulative.len() - 1];
        let point = total * rng.r#gen::<f64>();
        let i = self.cumulative.partition_point(|&c| c <= point);
        i.min(self.cumulative.len() - 1) // guard against rounding at the top
    }
}
// ANCHOR_END: weighted
