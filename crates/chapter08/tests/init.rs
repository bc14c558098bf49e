//! Initialisation, dropout and mini-batches: the variances the derivations
//! promise, within tolerances derived from the number of draws.

use chapter08::density::mean_and_variance;
use chapter08::init::{
    InitError, dropout_mask, he_normal, minibatches, xavier_uniform,
};
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

fn rng(seed: u64) -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus::seed_from_u64(seed)
}

#[test]
fn xavier_uniform_has_variance_two_over_fan_sum() {
    // n = 300 x 500 draws, uniform on [-a, a): variance a^2/3, and the sample
    // variance has standard error sqrt((m4 - s^4) / n) with m4 = a^4 / 5,
    // i.e. s^2 sqrt(0.8 / n); allow 5 of those.
    let w = xavier_uniform(300, 500, &mut rng(1)).unwrap();
    let a = (6.0_f64 / 800.0).sqrt();
    assert!(w.iter().all(|&v| v >= -a && v < a));
    let (_, var) = mean_and_variance(w.as_slice().unwrap());
    let expected = 2.0 / 800.0;
    let se = expected * (0.8 / w.len() as f64).sqrt();
    assert!((var - expected).abs() < 5.0 * se, "{var} vs {expected}");
}

#[test]
fn he_normal_has_variance_two_over_fan_in() {
    // Normal: the sample variance has standard error s^2 sqrt(2 / n).
    let w = he_normal(256, 400, &mut rng(2)).unwrap();
    let (mean, var) = mean_and_variance(w.as_slice().unwrap());
    let expected = 2.0 / 256.0;
    let n = w.len() as f64;
    assert!(mean.abs() < 5.0 * (expected / n).sqrt());
    assert!((var - expected).abs() < 5.0 * expected * (2.0 / n).sqrt());
}

#[test]
fn dropout_mask_drops_the_rate_and_keeps_the_mean() {
    // 10^6 Bernoulli(0.3) drops: 300,000 +- 458 (sd); allow 5 sd.
    let mask = dropout_mask((1000, 1000), 0.3, &mut rng(3)).unwrap();
    let dropped = mask.iter().filter(|&&m| m == 0.0).count();
    assert!(dropped.abs_diff(300_000) < 5 * 459, "{dropped}");
    let kept = 1.0 / 0.7;
    assert!(mask.iter().all(|&m| m == 0.0 || m == kept));
    // The mean is kept/n * (n - dropped): within the same 5 sd, scaled.
    let mean = mask.mean().unwrap();
    assert!((mean - 1.0).abs() < 5.0 * 459.0 * kept / 1e6, "{mean}");
}

#[test]
fn minibatches_cover_every_sample_once_per_epoch() {
    let mut rng = rng(4);
    let first = minibatches(103, 10, &mut rng).unwrap();
    let second = minibatches(103, 10, &mut rng).unwrap();
    for batches in [&first, &second] {
        assert_eq!(batches.len(), 11);
        assert!(batches[..10].iter().all(|b| b.len() == 10));
        assert_eq!(batches[10].len(), 3);
        let mut all: Vec<usize> = batches.concat();
        all.sort_unstable();
        assert_eq!(all, (0..103).collect::<Vec<_>>());
    }
    assert_ne!(first, second, "each epoch reshuffles");
}

#[test]
fn bad_arguments_are_errors() {
    assert_eq!(
        xavier_uniform(0, 3, &mut rng(0)),
        Err(InitError::EmptyLayer(0, 3))
    );
    assert_eq!(
        dropout_mask((2, 2), 1.0, &mut rng(0)),
        Err(InitError::Rate(1.0))
    );
    assert_eq!(minibatches(5, 0, &mut rng(0)), Err(InitError::EmptyBatch));
}
