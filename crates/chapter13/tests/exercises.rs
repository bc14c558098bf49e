//! Runs every exercise solution with real values.

use chapter13::exercises::*;
use ndarray::array;

#[test]
fn ex1_sum_of_squares() {
    // 1 + 4 + 9 = 14: a plain sum (6) or the square of the sum (36) fails.
    assert_eq!(sum_of_squares(array![1.0, 2.0, 3.0].view()), 14.0);
}
