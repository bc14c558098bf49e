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

// ANCHOR: prefetch
/// Asks the CPU to start loading the cache line that holds `item`, without
/// waiting for it (a no-op on targets other than x86-64).
#[inline(always)]
fn prefetch<T>(item: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: a prefetch is only a hint: it never faults and changes no
        // memory, and `item` is a valid reference anyway.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((item as *const T).cast()) };
    }
}

/// The same shuffle as [`fisher_yates`], the same result for the same
/// generator, but faster on arrays larger than the cache: the random
/// positions do not depend on the data, so it draws them `BATCH` at a time,
/// asks for all their cache lines at once, and only then swaps, so that the
/// memory fetches overlap instead of waiting one after the other.
pub fn fisher_yates_batched<T, R: Rng + ?Sized>(items: &mut [T], rng: &mut R) {
    const BATCH: usize = 32;
    let mut targets = [0usize; BATCH];
    let mut i = items.len();
    while i > 1 {
        // the positions i - 1, i - 2, ... down to 1, at most BATCH of them
        let count = (i - 1).min(BATCH);
        for (t, target) in targets[..count].iter_mut().enumerate() {
            let top = i - 1 - t;
            *target = if top < u32::MAX as usize {
                rng.gen_range(0..=top as u32) as usize
            } else {
                rng.gen_range(0..=top)
            };
            prefetch(&items[*target]);
        }
        for (t, &target) in targets[..count].iter().enumerate() {
            items.swap(i - 1 - t, target);
        }
        i -= count;
    }
}
// ANCHOR_END: prefetch
