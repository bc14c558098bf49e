//! Seeded generators: `StdRng::seed_from_u64` and `Xoshiro256PlusPlus` give the
//! same numbers for the same seed, every run; `jump()` and child seeds give
//! independent streams for parallel workers.

use chapter08::streams::{jump_streams, parallel_means, spawned_streams};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

fn main() -> Result<(), support::Report> {
    support::output_part("seed");
    // ANCHOR: seed
    let mut rng = StdRng::seed_from_u64(42);
    let first: Vec<f64> = (0..3).map(|_| rng.r#gen()).collect();
    let mut again = StdRng::seed_from_u64(42); // the same seed ...
    let second: Vec<f64> = (0..3).map(|_| again.r#gen()).collect();
    let mut other = StdRng::seed_from_u64(43); // ... and a neighbour
    let third: Vec<f64> = (0..3).map(|_| other.r#gen()).collect();
    println!("seed 42: {first:.6?}");
    println!("seed 42: {second:.6?}  (identical: {})", first == second);
    println!("seed 43: {third:.6?}");
    // ANCHOR_END: seed

    support::output_part("xoshiro");
    // ANCHOR: xoshiro
    // A fast, small generator whose algorithm is fixed by its crate's name.
    let mut fast = Xoshiro256PlusPlus::seed_from_u64(42);
    let bits: u64 = fast.r#gen();
    let unit: f64 = fast.r#gen(); // uniform on [0, 1)
    let die: u32 = fast.gen_range(1..=6);
    println!("u64: {bits:#018x}");
    println!("f64: {unit:.6}   die: {die}");
    println!("state: {} bytes", size_of::<Xoshiro256PlusPlus>());
    // ANCHOR_END: xoshiro

    support::output_part("streams");
    // ANCHOR: streams
    // Four workers, each with its own stream: jumped, then spawned.
    let jumped = parallel_means(jump_streams(42, 4), 100_000);
    let spawned = parallel_means(spawned_streams(42, 4), 100_000);
    let rerun = parallel_means(jump_streams(42, 4), 100_000);
    println!("jumped:  {jumped:+.5?}");
    println!("spawned: {spawned:+.5?}");
    println!("rerun of jumped identical: {}", jumped == rerun);
    // ANCHOR_END: streams
    Ok(())
}
