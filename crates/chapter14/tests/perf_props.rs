//! Property tests of the performance tasks' solutions: on random inputs of
//! random sizes, each agrees with its slow baseline (the checkers in
//! `chapter14::perf` test fixed awkward inputs; these test many ordinary
//! ones).

use chapter14::exercises::{
    gather_rows_fast, histogram_fast, moving_average_fast,
};
use chapter14::perf::{gather_rows_slow, histogram_slow, moving_average_slow};
use ndarray::{Array1, Array2};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn moving_average_matches_the_baseline(
        x in prop::collection::vec(-1e3..1e3_f64, 1..400),
        w_frac in 0.0..1.0_f64,
    ) {
        let w = 1 + (w_frac * (x.len() - 1) as f64) as usize;
        let x = Array1::from(x);
        let fast = moving_average_fast(x.view(), w).unwrap();
        let slow = moving_average_slow(x.view(), w).unwrap();
        prop_assert_eq!(fast.len(), slow.len());
        for (a, b) in fast.iter().zip(&slow) {
            // Values up to 1e3: sums up to 4e5, rounding well below 1e-9.
            prop_assert!((a - b).abs() < 1e-9, "{} vs {}", a, b);
        }
    }

    #[test]
    fn histogram_matches_the_baseline(
        x in prop::collection::vec(-2.0..2.0_f64, 0..300),
        lo in -1.5..0.0_f64,
        width in 0.01..3.0_f64,
        bins in 1_usize..40,
    ) {
        let x = Array1::from(x);
        let hi = lo + width;
        prop_assert_eq!(
            histogram_fast(x.view(), lo, hi, bins).unwrap(),
            histogram_slow(x.view(), lo, hi, bins).unwrap()
        );
    }

    #[test]
    fn gather_matches_the_baseline(
        rows in 1_usize..30,
        idx in prop::collection::vec(0_usize..1000, 0..60),
    ) {
        let x = Array2::from_shape_fn((rows, 3), |(i, j)| (10 * i + j) as f64);
        let idx: Vec<usize> = idx.into_iter().map(|i| i % rows).collect();
        prop_assert_eq!(
            gather_rows_fast(x.view(), &idx).unwrap(),
            gather_rows_slow(x.view(), &idx).unwrap()
        );
    }
}
