//! Floating-point precision: how the order of additions decides the error of a
//! sum, and how to compare floats with a tolerance instead of `==`.
//!
//! [`running_sum`] adds the values one after another into a single accumulator,
//! as a plain `for` loop does. Its rounding error grows roughly in proportion
//! to the number of values. [`pairwise_sum`] is the algorithm behind NumPy's
//! `np.sum` for floats: it splits the input in halves recursively and adds the
//! halves' sums, so every value takes part in only about `log2(n)` roundings
//! and the error grows roughly like `log2(n)`. For `f32` it gives the same bits
//! as `np.sum` on a contiguous array (the tests check this).

use std::ops::Add;

use ndarray::{ArrayBase, Data, Dimension, Zip};

// ANCHOR: running_sum
/// Adds `values` left to right into one accumulator, as a plain loop does.
///
/// NumPy's equivalent is the last element of `np.cumsum(values)`, which also
/// adds sequentially.
pub fn running_sum<A>(values: &[A]) -> A
where
    A: Copy + Default + Add<Output = A>,
{
    let mut total = A::default(); // 0.0 for f32 and f64
    for &value in values {
        total = total + value;
    }
    total
}
// ANCHOR_END: running_sum

/// Blocks of at most this many values are summed directly (NumPy's
/// `PW_BLOCKSIZE`).
const PAIRWISE_BLOCK: usize = 128;

// ANCHOR: pairwise_sum
/// Pairwise summation, as NumPy's `np.sum` does it for floating-point arrays:
/// blocks of up to 128 values are summed with eight interleaved accumulators;
/// longer inputs are split in two (at a multiple of 8) and the two halves' sums
/// are added.
pub fn pairwise_sum<A>(values: &[A]) -> A
where
    A: Copy + Default + Add<Output = A>,
{
    let n = values.len();
    if n < 8 {
        running_sum(values)
    } else if n <= PAIRWISE_BLOCK {
        let mut lanes = [A::default(); 8];
        lanes.copy_from_slice(&values[..8]);
        let whole_chunks_end = n - n % 8;
        for chunk in values[8..whole_chunks_end].chunks_exact(8) {
            for (lane, &value) in lanes.iter_mut().zip(chunk) {
                *lane = *lane + value;
            }
        }
        let mut total = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]))
            + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        for &value in &values[whole_chunks_end..] {
            total = total + value;
        }
        total
    } else {
        let half = n / 2;
        let split = half - half % 8;
        pairwise_sum(&values[..split]) + pairwise_sum(&values[split..])
    }
}
// ANCHOR_END: pairwise_sum

/// The relative error `|computed - exact| / |exact|`, computed in `f64`.
pub fn relative_error(computed: f64, exact: f64) -> f64 {
    ((computed - exact) / exact).abs()
}

/// Two arrays that [`allclose`] cannot compare because their shapes differ.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot compare arrays of shapes {left:?} and {right:?}")]
pub struct ShapeMismatch {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
}

// ANCHOR: allclose
/// NumPy's `np.allclose(a, b, rtol, atol)`: true when every pair of elements
/// satisfies `|a - b| <= atol + rtol * |b|`. `NaN` is close to nothing, not
/// even to `NaN`.
///
/// NumPy broadcasts the two arrays against each other; this version requires
/// equal shapes and returns an error otherwise (chapter 4 is about
/// broadcasting).
pub fn allclose<S1, S2, D>(
    a: &ArrayBase<S1, D>,
    b: &ArrayBase<S2, D>,
    rtol: f64,
    atol: f64,
) -> Result<bool, ShapeMismatch>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    D: Dimension,
{
    if a.shape() != b.shape() {
        return Err(ShapeMismatch {
            left: a.shape().to_vec(),
            right: b.shape().to_vec(),
        });
    }
    Ok(Zip::from(a)
        .and(b)
        .all(|&x, &y| (x - y).abs() <= atol + rtol * y.abs()))
}
// ANCHOR_END: allclose

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn short_inputs_are_summed_exactly_like_a_loop() {
        let values = [1.0_f64, 2.0, 3.0];
        assert_eq!(pairwise_sum(&values), 6.0);
        assert_eq!(running_sum::<f32>(&[]), 0.0);
        assert_eq!(pairwise_sum::<f32>(&[]), 0.0);
    }

    #[test]
    fn allclose_follows_numpys_formula() {
        let a = array![1.0, 2.0];
        assert!(allclose(&a, &array![1.0 + 1e-9, 2.0], 1e-5, 1e-8).unwrap());
        assert!(!allclose(&a, &array![1.1, 2.0], 1e-5, 1e-8).unwrap());
        assert!(
            !allclose(&array![f64::NAN], &array![f64::NAN], 1e-5, 1e-8)
                .unwrap()
        );
    }
}
