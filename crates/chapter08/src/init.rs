//! Randomness inside training: weight initialisation (Xavier/Glorot and He),
//! dropout masks and shuffled mini-batches.

use ndarray::Array2;
use ndarray_rand::RandomExt;
use rand::Rng;
use rand_distr::{Bernoulli, Normal, Uniform};

use crate::shuffle::fisher_yates;

/// What can go wrong when building a layer's random parts.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum InitError {
    #[error("a layer needs at least one input and one output, got {0} x {1}")]
    EmptyLayer(usize, usize),
    #[error("a dropout rate must lie in [0, 1), not {0}")]
    Rate(f64),
    #[error("a mini-batch needs at least one sample")]
    EmptyBatch,
}

fn check(fan_in: usize, fan_out: usize) -> Result<(), InitError> {
    if fan_in == 0 || fan_out == 0 {
        return Err(InitError::EmptyLayer(fan_in, fan_out));
    }
    Ok(())
}

// ANCHOR: xavier
/// Xavier/Glorot uniform initialisation of a `fan_in x fan_out` weight
/// matrix: uniform on `[-a, a)` with `a = sqrt(6 / (fan_in + fan_out))`, so
/// that the variance is `2 / (fan_in + fan_out)`.
pub fn xavier_uniform<R: Rng + ?Sized>(
    fan_in: usize,
    fan_out: usize,
    rng: &mut R,
) -> Result<Array2<f64>, InitError> {
    check(fan_in, fan_out)?;
    let a = (6.0 / (fan_in + fan_out) as f64).sqrt();
    Ok(Array2::random_using(
        (fan_in, fan_out),
        Uniform::new(-a, a),
        rng,
    ))
}

/// He (Kaiming) normal initialisation for ReLU layers: normal with mean 0
/// and variance `2 / fan_in`.
pub fn he_normal<R: Rng + ?Sized>(
    fan_in: usize,
    fan_out: usize,
    rng: &mut R,
) -> Result<Array2<f64>, InitError> {
    check(fan_in, fan_out)?;
    let std = (2.0 / fan_in as f64).sqrt();
    let normal = Normal::new(0.0, std).expect("std is finite and positive");
    Ok(Array2::random_using((fan_in, fan_out), normal, rng))
}
// ANCHOR_END: xavier

/// Normal initialisation with a given standard deviation (for comparing
/// with the two schemes above: 1.0 or 0.01 are the classic wrong choices).
pub fn normal_init<R: Rng + ?Sized>(
    fan_in: usize,
    fan_out: usize,
    std: f64,
    rng: &mut R,
) -> Result<Array2<f64>, InitError> {
    check(fan_in, fan_out)?;
    let normal = Normal::new(0.0, std).map_err(|_| InitError::Rate(std))?;
    Ok(Array2::random_using((fan_in, fan_out), normal, rng))
}

// ANCHOR: dropout
/// An inverted-dropout mask of `shape`: each entry is 0 with probability
/// `rate` and `1 / (1 - rate)` otherwise, so that multiplying activations by
/// it keeps their expected value unchanged.
pub fn dropout_mask<R: Rng + ?Sized>(
    shape: (usize, usize),
    rate: f64,
    rng: &mut R,
) -> Result<Array2<f64>, InitError> {
    if !(0.0..1.0).contains(&rate) {
        return Err(InitError::Rate(rate));
    }
    let keep = Bernoulli::new(1.0 - rate).map_err(|_| InitError::Rate(rate))?;
    let scale = 1.0 / (1.0 - rate);
    let kept = Array2::<bool>::random_using(shape, keep, rng);
    Ok(kept.mapv(|k| if k { scale } else { 0.0 }))
}
// ANCHOR_END: dropout

// ANCHOR: minibatches
/// One epoch's mini-batches: the indices `0..n` in a fresh random order, cut
/// into batches of `batch_size` (the last one may be smaller).
pub fn minibatches<R: Rng + ?Sized>(
    n: usize,
    batch_size: usize,
    rng: &mut R,
) -> Result<Vec<Vec<usize>>, InitError> {
    if batch_size == 0 {
        return Err(InitError::EmptyBatch);
    }
    let mut order: Vec<usize> = (0..n).collect();
    fisher_yates(&mut order, rng);
    Ok(order.chunks(batch_size).map(<[usize]>::to_vec).collect())
}
// ANCHOR_END: minibatches
