//! Controlled randomness: one seed per experiment, the generator passed down
//! as `&mut impl Rng`, and why adding one draw changes every later number.

use ndarray::Array1;
use ndarray_rand::RandomExt;
use rand::{Rng, SeedableRng};
use rand_distr::{Normal, Uniform};
use rand_xoshiro::Xoshiro256PlusPlus;

// ANCHOR: experiment
/// A noisy line y = 2x + 1 + noise at `n` random points: the data of one
/// experiment. It borrows the caller's generator; it never makes its own.
fn noisy_line(
    n: usize,
    rng: &mut impl Rng,
) -> Result<(Array1<f64>, Array1<f64>), rand_distr::NormalError> {
    let x = Array1::random_using(n, Uniform::new(0.0, 1.0), rng);
    let noise = Array1::random_using(n, Normal::new(0.0, 0.1)?, rng);
    let y = 2.0 * &x + 1.0 + noise;
    Ok((x, y))
}

/// The least-squares slope of y on x.
fn slope(x: &Array1<f64>, y: &Array1<f64>) -> f64 {
    let (mx, my) = (x.mean().unwrap_or(0.0), y.mean().unwrap_or(0.0));
    let sxy = ((x - mx) * (y - my)).sum();
    sxy / x.mapv(|v| (v - mx).powi(2)).sum()
}

fn experiment(seed: u64) -> Result<f64, rand_distr::NormalError> {
    // One seed, at the top of the experiment, written down.
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let (x, y) = noisy_line(50, &mut rng)?;
    Ok(slope(&x, &y))
}
// ANCHOR_END: experiment

fn main() -> Result<(), support::Report> {
    support::output_part("experiment");
    // ANCHOR: run
    for seed in [1, 1, 2] {
        println!("seed {seed}: slope {:.6}", experiment(seed)?);
    }
    // ANCHOR_END: run

    support::output_part("order");
    // ANCHOR: order
    // The same seed, but one extra draw first: every later number moves.
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
    let _extra: f64 = rng.r#gen();
    let (x, y) = noisy_line(50, &mut rng)?;
    println!("seed 1 after one extra draw: slope {:.6}", slope(&x, &y));
    // A generator per purpose keeps the data fixed when the rest changes.
    let mut data_rng = Xoshiro256PlusPlus::seed_from_u64(1);
    let mut other_rng = Xoshiro256PlusPlus::seed_from_u64(1_000);
    let _extra: f64 = other_rng.r#gen();
    let (x, y) = noisy_line(50, &mut data_rng)?;
    println!("seed 1, separate generators: slope {:.6}", slope(&x, &y));
    // ANCHOR_END: order
    Ok(())
}
