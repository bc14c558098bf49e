//! Storing data in a smaller element type, and what it costs: the memory a
//! dataset takes in `f64`, `f32`, `f16`, `bf16` or `u8`, the rounding error of
//! the round trip, and the effect of that error on a computation (a mean image
//! and a nearest-centroid classifier).
//!
//! Stable Rust has no 16-bit float type; the `half` crate provides `f16`
//! (IEEE binary16) and `bf16` (bfloat16). They are ordinary `Copy` types, so
//! an `Array2<bf16>` needs no special support from ndarray: `mapv` converts
//! into them and out of them.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, Zip};

// ANCHOR: round_trip
/// The largest absolute and relative differences between `exact` and `back`,
/// the same values after a round trip through a smaller type. The relative
/// error is taken over the non-zero values of `exact` only.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoundTrip {
    pub max_abs: f64,
    pub max_rel: f64,
}

pub fn round_trip_error(
    exact: ArrayView2<'_, f64>,
    back: ArrayView2<'_, f64>,
) -> RoundTrip {
    let mut worst = RoundTrip {
        max_abs: 0.0,
        max_rel: 0.0,
    };
    Zip::from(exact).and(back).for_each(|&x, &y| {
        let abs = (x - y).abs();
        worst.max_abs = worst.max_abs.max(abs);
        if x != 0.0 {
            worst.max_rel = worst.max_rel.max(abs / x.abs());
        }
    });
    worst
}
// ANCHOR_END: round_trip

/// The rows of `x` whose index `i` satisfies `keep(i)`, copied into a new
/// array (chapter 3 does this with `select`).
pub fn rows_where(
    x: ArrayView2<'_, f64>,
    keep: impl Fn(usize) -> bool,
) -> Array2<f64> {
    let rows: Vec<usize> = (0..x.nrows()).filter(|&i| keep(i)).collect();
    Array2::from_shape_fn((rows.len(), x.ncols()), |(r, j)| x[[rows[r], j]])
}

/// The elements of `y` whose index satisfies `keep`.
pub fn labels_where(
    y: ArrayView1<'_, usize>,
    keep: impl Fn(usize) -> bool,
) -> Array1<usize> {
    y.iter()
        .enumerate()
        .filter(|&(i, _)| keep(i))
        .map(|(_, &label)| label)
        .collect()
}

/// The centroid (mean row) of every class `0..n_classes` of `x`: chapter 1's
/// nearest-centroid classifier, trained. A class without samples gets a row
/// of NaN.
pub fn class_centroids(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, usize>,
    n_classes: usize,
) -> Array2<f64> {
    let mut sums = Array2::<f64>::zeros((n_classes, x.ncols()));
    let mut counts = vec![0.0; n_classes];
    for (row, &label) in x.rows().into_iter().zip(&y) {
        let mut class_sum = sums.row_mut(label);
        class_sum += &row;
        counts[label] += 1.0;
    }
    for (mut centroid, count) in sums.axis_iter_mut(Axis(0)).zip(counts) {
        centroid /= count;
    }
    sums
}

/// The class of the nearest centroid (squared Euclidean distance; the lowest
/// class wins a tie) for every row of `x`.
pub fn nearest_centroid(
    centroids: ArrayView2<'_, f64>,
    x: ArrayView2<'_, f64>,
) -> Array1<usize> {
    x.rows()
        .into_iter()
        .map(|sample| {
            let mut best = (0, f64::INFINITY);
            for (class, centroid) in centroids.rows().into_iter().enumerate() {
                let d: f64 = Zip::from(&sample)
                    .and(&centroid)
                    .fold(0.0, |acc, &s, &c| acc + (s - c) * (s - c));
                if d < best.1 {
                    best = (class, d);
                }
            }
            best.0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn round_trip_error_ignores_zeros_for_the_relative_error() {
        let exact = array![[0.0, 2.0], [4.0, -1.0]];
        let back = array![[0.5, 2.0], [4.5, -1.0]];
        let e = round_trip_error(exact.view(), back.view());
        assert_eq!(
            e,
            RoundTrip {
                max_abs: 0.5,
                max_rel: 0.125
            }
        );
    }

    #[test]
    fn centroids_classify_their_own_points() {
        let x = array![[0.0, 0.0], [0.0, 2.0], [10.0, 10.0], [12.0, 10.0]];
        let y = array![0, 0, 1, 1];
        let c = class_centroids(x.view(), y.view(), 2);
        assert_eq!(c, array![[0.0, 1.0], [11.0, 10.0]]);
        assert_eq!(nearest_centroid(c.view(), x.view()), y);
        let odd = rows_where(x.view(), |i| i % 2 == 1);
        assert_eq!(odd, array![[0.0, 2.0], [12.0, 10.0]]);
        assert_eq!(labels_where(y.view(), |i| i % 2 == 1), array![0, 1]);
    }
}
