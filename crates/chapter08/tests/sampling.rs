//! The chapter's Monte Carlo estimator (`src/montecarlo.rs`: standard error,
//! interval coverage, antithetic variance, parallel streams), densities and
//! density histogram against SciPy's and NumPy's values
//! (`tests/fixtures/distributions.py`), the chapter's inversion, rejection
//! and weighted samplers (`src/samplers.rs`), and the rand_distr samplers
//! the page uses,
//! whose moments must match SciPy's within tolerances derived from the
//! sample size.
//!
//! How the tolerances are derived: for `n` independent draws from a
//! distribution with variance `s2` and fourth central moment `m4`, the sample
//! mean has standard error `sqrt(s2 / n)` and the sample variance
//! `sqrt((m4 - s2^2) / n)` (to first order), where `m4 = (excess kurtosis +
//! 3) s2^2`. Each test uses a fixed seed and allows 5 standard errors: a
//! correct sampler fails such a check with probability below 6e-7 per seed,
//! while a wrong parameter (say, a rate used as a scale) misses by hundreds.

use std::collections::BTreeMap;

use chapter08::density::{
    binomial_pmf, density_histogram, exponential_pdf, mean_and_variance,
    normal_pdf, poisson_pmf,
};
use chapter08::montecarlo::{
    Estimate, McError, integrate, integrate_antithetic, integrate_parallel,
};
use chapter08::samplers::{
    SamplerError, WeightedChoice, exponential_by_inversion, rejection_sample,
};
use ndarray::Array1;
use ndarray_rand::RandomExt;
use rand::SeedableRng;
use rand_distr::{
    Binomial, Dirichlet, Distribution, Exp, Normal, Poisson, Uniform,
};
use rand_xoshiro::Xoshiro256PlusPlus;
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct Moments {
    mean: f64,
    var: f64,
    excess_kurtosis: f64,
}

#[derive(serde::Deserialize)]
struct SciPy {
    xs: Vec<f64>,
    normal_pdf_1_2: Vec<f64>,
    exponential_pdf_1_5: Vec<f64>,
    ks: Vec<u64>,
    poisson_pmf_4: Vec<f64>,
    binomial_pmf_12_0_4: Vec<f64>,
    moments: BTreeMap<String, Moments>,
    histogram_values: Vec<f64>,
    mc_exact: f64,
    mc_var: f64,
    mc_pair_var: f64,
    histogram_density: Vec<f64>,
}

fn scipy() -> SciPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "distributions")
        .unwrap()
}

const N: usize = 200_000;

// ANCHOR: assert_moments
/// Asserts that the sample mean and variance of `x` are within 5 standard
/// errors of SciPy's moments for `name`.
fn assert_moments(name: &str, x: &[f64]) {
    let theory = &scipy().moments[name];
    let (mean, var) = mean_and_variance(x);
    let n = x.len() as f64;
    let se_mean = (theory.var / n).sqrt();
    let m4 = (theory.excess_kurtosis + 3.0) * theory.var * theory.var;
    let se_var = ((m4 - theory.var * theory.var) / n).sqrt();
    assert!(
        (mean - theory.mean).abs() < 5.0 * se_mean,
        "{name}: mean {mean} vs {} (se {se_mean})",
        theory.mean
    );
    assert!(
        (var - theory.var).abs() < 5.0 * se_var,
        "{name}: variance {var} vs {} (se {se_var})",
        theory.var
    );
}
// ANCHOR_END: assert_moments

fn rng(seed: u64) -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus::seed_from_u64(seed)
}

#[test]
fn uniform_moments() {
    let x = Array1::random_using(N, Uniform::new(0.0, 10.0), &mut rng(1));
    assert!(x.iter().all(|&v| (0.0..10.0).contains(&v)));
    assert_moments("uniform_0_10", x.as_slice().unwrap());
}

#[test]
fn normal_moments() {
    let x =
        Array1::random_using(N, Normal::new(5.0, 2.0).unwrap(), &mut rng(2));
    assert_moments("normal_5_2", x.as_slice().unwrap());
}

#[test]
fn exponential_moments() {
    // rand_distr takes the rate (0.5), SciPy the scale (2).
    let x = Array1::random_using(N, Exp::new(0.5).unwrap(), &mut rng(3));
    assert_moments("exponential_0_5", x.as_slice().unwrap());
}

#[test]
fn binomial_moments() {
    let x =
        Array1::random_using(N, Binomial::new(20, 0.3).unwrap(), &mut rng(4))
            .mapv(|k| k as f64);
    assert!(x.iter().all(|&k| (0.0..=20.0).contains(&k)));
    assert_moments("binomial_20_0_3", x.as_slice().unwrap());
}

#[test]
fn poisson_moments() {
    let x = Array1::random_using(N, Poisson::new(3.5).unwrap(), &mut rng(5));
    assert!(x.iter().all(|&k: &f64| k >= 0.0 && k.fract() == 0.0));
    assert_moments("poisson_3_5", x.as_slice().unwrap());
}

#[test]
fn dirichlet_rows_sum_to_one_and_have_beta_marginals() {
    // The first coordinate of Dirichlet(1, 2, 1) is Beta(1, 2 + 1).
    let dirichlet = Dirichlet::new(&[1.0, 2.0, 1.0]).unwrap();
    let mut rng = rng(6);
    let mut first = Vec::with_capacity(N);
    for _ in 0..N {
        let row: Vec<f64> = dirichlet.sample(&mut rng);
        assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        first.push(row[0]);
    }
    assert_moments("beta_1_3", &first);
}

#[test]
fn densities_match_scipy() {
    let s = scipy();
    // Closed forms evaluated in a different order than SciPy's: 1e-13
    // relative covers a few roundings in exp and ln.
    let normal: Vec<f64> =
        s.xs.iter().map(|&x| normal_pdf(x, 1.0, 2.0)).collect();
    assert_allclose(
        &Array1::from(normal),
        &Array1::from(s.normal_pdf_1_2),
        1e-13,
        0.0,
    );
    let exp: Vec<f64> = s.xs.iter().map(|&x| exponential_pdf(x, 1.5)).collect();
    assert_allclose(
        &Array1::from(exp),
        &Array1::from(s.exponential_pdf_1_5),
        1e-13,
        0.0,
    );
    // ln(k!) as a sum of logs: up to 15 roundings, well within 1e-12.
    let poisson: Vec<f64> = s.ks.iter().map(|&k| poisson_pmf(k, 4.0)).collect();
    assert_allclose(
        &Array1::from(poisson),
        &Array1::from(s.poisson_pmf_4),
        1e-12,
        0.0,
    );
    let binomial: Vec<f64> =
        s.ks.iter().map(|&k| binomial_pmf(k, 12, 0.4)).collect();
    assert_allclose(
        &Array1::from(binomial),
        &Array1::from(s.binomial_pmf_12_0_4),
        1e-12,
        0.0,
    );
}

#[test]
fn density_histogram_matches_numpy() {
    let s = scipy();
    let ours = density_histogram(&s.histogram_values, -2.5, 3.0, 12);
    // Counts are exact; the scale differs by a rounding or two.
    assert_allclose(
        &Array1::from(ours),
        &Array1::from(s.histogram_density),
        1e-14,
        0.0,
    );
}

#[test]
fn monte_carlo_estimate_and_standard_error() {
    // The estimate is within 5 standard errors of the integral, and the
    // reported standard error estimates sqrt(Var(e^U) / n): its relative
    // error is about sqrt((kurtosis - 1) / 4n) < 0.01 at n = 100,000 for
    // this bounded f; allow 0.03.
    let s = scipy();
    let n = 100_000;
    let est = integrate(f64::exp, n, &mut rng(11)).unwrap();
    let se = (s.mc_var / n as f64).sqrt();
    assert!((est.mean - s.mc_exact).abs() < 5.0 * se, "{est:?}");
    assert!(
        (est.std_error / se - 1.0).abs() < 0.03,
        "{est:?} vs se {se}"
    );
    assert_eq!(est.n, n);
}

#[test]
fn monte_carlo_interval_covers_95_percent() {
    // 2000 intervals from n = 500 each: the number that cover the integral
    // is Binomial(2000, 0.95), 1900 +- 9.7; allow 5 sd. A wrong z (1.0, a
    // 68% interval) covers about 1370, and a standard error without the
    // 1/sqrt(n) covers all 2000: both fail.
    let s = scipy();
    let mut r = rng(12);
    let covered = (0..2000)
        .filter(|_| {
            let (lo, hi) =
                integrate(f64::exp, 500, &mut r).unwrap().interval(1.96);
            lo <= s.mc_exact && s.mc_exact <= hi
        })
        .count();
    assert!(covered.abs_diff(1900) <= 48, "{covered} of 2000");
}

#[test]
fn antithetic_variance_matches_quadrature() {
    // n / 2 pair means: their variance (std_error^2 * pairs) estimates the
    // quadrature's 0.0039 (against 0.242 for one draw); its relative error
    // at 50,000 pairs is below 0.01 for this bounded f: allow 0.05.
    let s = scipy();
    let est = integrate_antithetic(f64::exp, 100_000, &mut rng(13)).unwrap();
    assert_eq!(est.n, 50_000);
    let var = est.std_error * est.std_error * est.n as f64;
    assert!((var / s.mc_pair_var - 1.0).abs() < 0.05, "{var}");
    let se = (s.mc_pair_var / est.n as f64).sqrt();
    assert!((est.mean - s.mc_exact).abs() < 5.0 * se);
}

#[test]
fn parallel_streams_are_reproducible_and_independent() {
    let s = scipy();
    let a = integrate_parallel(f64::exp, 20_000, 4, 42).unwrap();
    assert_eq!(a, integrate_parallel(f64::exp, 20_000, 4, 42).unwrap());
    assert_ne!(a, integrate_parallel(f64::exp, 20_000, 4, 43).unwrap());
    assert_eq!(a.n, 80_000);
    let se = (s.mc_var / a.n as f64).sqrt();
    assert!((a.mean - s.mc_exact).abs() < 5.0 * se);
    // Four workers on one stream would draw the same numbers four times:
    // with distinct streams, each worker's mean differs.
    let one = |k| integrate_parallel(f64::exp, 1000, 1, k).unwrap().mean;
    assert_ne!(one(0), one(1));
}

#[test]
fn monte_carlo_bad_input_is_an_error() {
    assert_eq!(
        integrate(f64::exp, 1, &mut rng(0)).err(),
        Some(McError::TooFewSamples(1))
    );
    assert_eq!(
        integrate_antithetic(f64::exp, 3, &mut rng(0)).err(),
        Some(McError::TooFewSamples(1))
    );
    assert_eq!(
        integrate_parallel(f64::exp, 10, 0, 0).err(),
        Some(McError::NoWorkers)
    );
    assert!(Estimate::from_values(&[1.0, 3.0]).is_ok());
}

#[test]
fn exponential_by_inversion_has_rate_moments() {
    // Rate 0.5: mean 2 and variance 4. A scale taken for a rate (mean 0.5)
    // misses by hundreds of standard errors.
    let x = exponential_by_inversion(0.5, N, &mut rng(21)).unwrap();
    assert!(x.iter().all(|&v| v >= 0.0 && v.is_finite()));
    assert_moments("exponential_0_5", &x);
    assert_eq!(
        exponential_by_inversion(-1.0, 3, &mut rng(0)).err(),
        Some(SamplerError::NotPositive("rate", -1.0))
    );
}

#[test]
fn rejection_sampling_draws_beta_2_5() {
    let beta = |x: f64| 30.0 * x * (1.0 - x).powi(4);
    let (x, accepted) =
        rejection_sample(beta, (0.0, 1.0), 2.5, N, &mut rng(22)).unwrap();
    assert_moments("beta_2_5", &x);
    // The share accepted is 1 / 2.5 = 0.4; over about 500,000 proposals
    // its standard error is sqrt(0.4 * 0.6 / 5e5) = 0.0007: allow 5.
    assert!((accepted - 0.4).abs() < 5.0 * 0.0007, "{accepted}");
    // A bound below the density's maximum (2.4576) is an error, not a
    // silently wrong distribution.
    let low = rejection_sample(beta, (0.0, 1.0), 2.0, N, &mut rng(22));
    assert!(matches!(low, Err(SamplerError::AboveBound { .. })));
}

#[test]
fn weighted_choice_frequencies_match_the_weights() {
    // 100,000 draws: category i is Binomial(100,000, p_i); allow 5 sd.
    // The weights sum to 10, not 1, so a sampler that forgets to scale its
    // uniform point by the total (and always picks category 0) fails.
    let weights = [1.0, 0.0, 6.0, 3.0];
    let choice = WeightedChoice::new(&weights).unwrap();
    let mut counts = [0usize; 4];
    let mut r = rng(23);
    for _ in 0..100_000 {
        counts[choice.sample(&mut r)] += 1;
    }
    assert_eq!(counts[1], 0, "a zero weight is never chosen");
    for (&c, &w) in counts.iter().zip(&weights) {
        let p = w / 10.0;
        let sd = (1e5 * p * (1.0 - p)).sqrt();
        assert!((c as f64 - 1e5 * p).abs() <= 5.0 * sd, "{counts:?}");
    }
    assert_eq!(
        WeightedChoice::new(&[1.0, -1.0]).err(),
        Some(SamplerError::BadWeight {
            index: 1,
            weight: -1.0
        })
    );
    assert_eq!(
        WeightedChoice::new(&[]).err(),
        Some(SamplerError::ZeroTotal)
    );
    assert!(WeightedChoice::new(&[f64::NAN]).is_err());
}
