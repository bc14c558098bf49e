//! Independent streams of random numbers for parallel work.
//!
//! Two ways to give each worker its own generator: cut one long sequence
//! into non-overlapping blocks with Xoshiro256++'s `jump()` (each jump skips
//! 2^128 draws), or seed each child generator from a parent generator (what
//! NumPy's `SeedSequence.spawn` does with a hash of the seed and the child's
//! number). Either way the results do not depend on which thread runs first.

use rand::{Rng, SeedableRng};
use rand_distr::StandardNormal;
use rand_xoshiro::Xoshiro256PlusPlus;

// ANCHOR: jump_streams
/// `n` generators for `n` workers: the first is seeded from `seed`, and each
/// next one starts 2^128 draws further along the same sequence, so no two
/// streams can overlap unless a worker draws more than 2^128 numbers.
pub fn jump_streams(seed: u64, n: usize) -> Vec<Xoshiro256PlusPlus> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut streams = Vec::with_capacity(n);
    for _ in 0..n {
        streams.push(rng.clone());
        rng.jump(); // skip 2^128 draws
    }
    streams
}
// ANCHOR_END: jump_streams

// ANCHOR: spawned_streams
/// `n` generators whose seeds are drawn from one parent generator seeded with
/// `seed`: streams that are independent for all practical purposes (an
/// overlap is as likely as guessing a 256-bit key).
pub fn spawned_streams(seed: u64, n: usize) -> Vec<Xoshiro256PlusPlus> {
    let mut parent = Xoshiro256PlusPlus::seed_from_u64(seed);
    (0..n)
        .map(|_| Xoshiro256PlusPlus::from_seed(parent.r#gen()))
        .collect()
}
// ANCHOR_END: spawned_streams

// ANCHOR: parallel_means
/// The mean of `per_worker` standard normal draws for each stream, each
/// computed on its own thread: the same streams give the same means however
/// the threads are scheduled.
pub fn parallel_means(
    streams: Vec<Xoshiro256PlusPlus>,
    per_worker: usize,
) -> Vec<f64> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = streams
            .into_iter()
            .map(|mut rng| {
                scope.spawn(move || {
                    let total: f64 = (0..per_worker)
                        .map(|_| rng.sample::<f64, _>(StandardNormal))
                        .sum();
                    total / per_worker as f64
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker panicked"))
            .collect()
    })
}
// ANCHOR_END: parallel_means
