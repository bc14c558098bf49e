//! The Fisher-Yates shuffle, written out, and random permutations.
//!
//! `rand`'s `SliceRandom::shuffle` is this algorithm; writing it once shows
//! why it gives every one of the `n!` orders the same probability and why it
//! runs in one pass with no extra memory.

use rand::Rng;

// ANCHOR: fisher_yates
/// Shuffles `items` in place: for `i` from the last position down to 1, swap
/// item `i` with an item chosen uniformly among positions `0..=i`. Draws
/// indices as `u32` when they fit, as `rand` 0.8 does, so it reproduces
/// `SliceRandom::shuffle` exactly for the same generator state.
pub fn fisher_yates<T, R: Rng + ?Sized>(items: &mut [T], rng: &mut R) {
    for i in (1..items.len()).rev() {
        let j = if i < u32::MAX as usize {
            rng.gen_range(0..=i as u32) as usize
        } else {
            rng.gen_range(0..=i)
        };
        items.swap(i, j);
    }
}
// ANCHOR_END: fisher_yates

// ANCHOR: permutation
/// A random permutation of `0..n` (NumPy's `rng.permutation(n)`): the
/// identity, shuffled.
pub fn permutation<R: Rng + ?Sized>(n: usize, rng: &mut R) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    fisher_yates(&mut order, rng);
    order
}
// ANCHOR_END: permutation
