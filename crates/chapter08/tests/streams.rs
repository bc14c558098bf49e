//! Generators: the same seed gives the same stream, the hand-written
//! Fisher-Yates is `rand`'s shuffle, jumped and spawned streams differ, and
//! parallel results do not depend on thread scheduling.

use chapter08::shuffle::{fisher_yates, fisher_yates_batched, permutation};
use chapter08::streams::{jump_streams, parallel_means, spawned_streams};
use rand::seq::SliceRandom;
use rand::{Rng, RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

#[test]
fn same_seed_same_numbers() {
    let mut a = Xoshiro256PlusPlus::seed_from_u64(42);
    let mut b = Xoshiro256PlusPlus::seed_from_u64(42);
    let xs: Vec<u64> = (0..100).map(|_| a.next_u64()).collect();
    let ys: Vec<u64> = (0..100).map(|_| b.next_u64()).collect();
    assert_eq!(xs, ys);
}

#[test]
fn fisher_yates_is_rands_shuffle() {
    let mut ours: Vec<usize> = (0..1000).collect();
    let mut theirs = ours.clone();
    fisher_yates(&mut ours, &mut Xoshiro256PlusPlus::seed_from_u64(5));
    theirs.shuffle(&mut Xoshiro256PlusPlus::seed_from_u64(5));
    assert_eq!(ours, theirs);
}

#[test]
fn batched_fisher_yates_is_the_same_shuffle() {
    for n in [0, 1, 2, 31, 32, 33, 1000] {
        let mut plain: Vec<usize> = (0..n).collect();
        let mut batched = plain.clone();
        fisher_yates(&mut plain, &mut Xoshiro256PlusPlus::seed_from_u64(9));
        fisher_yates_batched(
            &mut batched,
            &mut Xoshiro256PlusPlus::seed_from_u64(9),
        );
        assert_eq!(plain, batched, "n = {n}");
    }
}

#[test]
fn permutation_is_uniform_over_positions() {
    // Where does element 0 land? Each of 10 positions with probability 1/10:
    // over 20,000 permutations each count is 2000 +- 42.4 (binomial sd);
    // allow 5 sd.
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(6);
    let mut landed = [0usize; 10];
    for _ in 0..20_000 {
        let p = permutation(10, &mut rng);
        let mut sorted = p.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
        landed[p.iter().position(|&v| v == 0).unwrap()] += 1;
    }
    for count in landed {
        assert!(count.abs_diff(2000) <= 212, "{landed:?}");
    }
}

#[test]
fn jumped_and_spawned_streams_are_distinct_and_reproducible() {
    for streams in [jump_streams(1, 4), spawned_streams(1, 4)] {
        let firsts: Vec<u64> =
            streams.into_iter().map(|mut r| r.next_u64()).collect();
        let mut unique = firsts.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), 4);
    }
    // The first jumped stream is the seeded generator itself.
    let mut first = jump_streams(1, 2).remove(0);
    assert_eq!(
        first.next_u64(),
        Xoshiro256PlusPlus::seed_from_u64(1).next_u64()
    );
}

#[test]
fn parallel_means_do_not_depend_on_scheduling() {
    let a = parallel_means(jump_streams(3, 4), 10_000);
    let b = parallel_means(jump_streams(3, 4), 10_000);
    assert_eq!(a, b);
    // Each is a mean of 10,000 standard normals: sd 0.01; allow 5 sd.
    assert!(a.iter().all(|m| m.abs() < 0.05), "{a:?}");
    // ...and a sequential run of stream 2 gives the same mean.
    let mut rng = jump_streams(3, 4).remove(2);
    let total: f64 = (0..10_000)
        .map(|_| rng.sample::<f64, _>(rand_distr::StandardNormal))
        .sum();
    assert_eq!(total / 10_000.0, a[2]);
}
