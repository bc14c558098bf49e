//! Sampling without a ready-made sampler: exponential draws by inversion,
//! Beta(2, 5) by rejection, and categories by weight (ours and rand's
//! `WeightedIndex`).

use chapter08::density::mean_and_variance;
use chapter08::samplers::{
    WeightedChoice, exponential_by_inversion, rejection_sample,
};
use rand::SeedableRng;
use rand::distributions::{Distribution, WeightedIndex};
use rand_xoshiro::Xoshiro256PlusPlus;

fn main() -> Result<(), support::Report> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
    support::output_part("inverse");
    // ANCHOR: inverse
    let x = exponential_by_inversion(0.5, 100_000, &mut rng)?;
    let (mean, var) = mean_and_variance(&x);
    println!("inversion, rate 0.5: mean {mean:.3} (2), var {var:.3} (4)");
    // ANCHOR_END: inverse

    support::output_part("rejection");
    // ANCHOR: rejection
    // Beta(2, 5): density 30 x (1 - x)^4 on [0, 1), largest 2.4576 at 0.2
    let beta = |x: f64| 30.0 * x * (1.0 - x).powi(4);
    let (x, accepted) =
        rejection_sample(beta, (0.0, 1.0), 2.5, 100_000, &mut rng)?;
    let (mean, var) = mean_and_variance(&x);
    println!(
        "rejection, Beta(2, 5): mean {mean:.4} (0.2857), var {var:.4} \
              (0.0255)"
    );
    println!("accepted {accepted:.3} of proposals (1 / 2.5 = 0.4)");
    // ANCHOR_END: rejection

    support::output_part("weighted");
    // ANCHOR: weighted
    let weights = [0.1, 0.0, 0.6, 0.3];
    let ours = WeightedChoice::new(&weights)?;
    let rands = WeightedIndex::new(weights)?;
    let (mut a, mut b) = ([0u32; 4], [0u32; 4]);
    for _ in 0..100_000 {
        a[ours.sample(&mut rng)] += 1;
        b[rands.sample(&mut rng)] += 1;
    }
    println!("WeightedChoice: {a:?}");
    println!("WeightedIndex:  {b:?}");
    println!("zero weights: {:?}", WeightedChoice::new(&[0.0, 0.0]).err());
    // ANCHOR_END: weighted
    Ok(())
}
