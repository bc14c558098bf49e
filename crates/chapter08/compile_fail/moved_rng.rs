//! Taking the generator by value: the first call moves it, so the second
//! cannot use it (the fix is `rng: &mut impl Rng`).

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

// ANCHOR: moved
fn noise(n: usize, mut rng: impl Rng) -> Vec<f64> {
    (0..n).map(|_| rng.r#gen()).collect()
}

fn main() {
    let rng = Xoshiro256PlusPlus::seed_from_u64(1);
    let train_noise = noise(100, rng);
    let test_noise = noise(100, rng);
    println!("{} {}", train_noise.len(), test_noise.len());
}
// ANCHOR_END: moved
