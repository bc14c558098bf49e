//! Runs every exercise solution with real values.

use chapter14::exercises::*;
use ndarray::array;

#[test]
fn ex1_sum_of_squares() {
    // 1 + 4 + 9 = 14: a plain sum (6) or the square of the sum (36) fails.
    assert_eq!(sum_of_squares(array![1.0, 2.0, 3.0].view()), 14.0);
}

// Part B: each test runs its answer through the checker in
// `chapter14::perf` or `chapter14::ml_check`, which compares it with the
// slow baseline or with scikit-learn; `tests/perf_wrong_answers.rs` and
// `tests/ml_wrong_answers.rs` show the same checkers rejecting plausible
// mistakes.

use chapter14::ml::MiniBatches;
use chapter14::{ml_check, perf};

/// Fails the test with the checker's reason.
fn pass(verdict: perf::Verdict) {
    if let Err(why) = verdict {
        panic!("{why}");
    }
}

#[test]
fn perf1_pairwise_sq_distances() {
    pass(perf::check_pairwise(pairwise_sq_distances_fast));
}

#[test]
fn perf2_column_mean_std() {
    pass(perf::check_column_stats(column_mean_std_fast));
}

#[test]
fn perf3_moving_average() {
    pass(perf::check_moving_average(moving_average_fast));
}

#[test]
fn perf4_histogram() {
    pass(perf::check_histogram(histogram_fast));
}

#[test]
fn perf5_gather_rows() {
    pass(perf::check_gather(gather_rows_fast));
}

#[test]
fn ml1_binary_cross_entropy() {
    pass(ml_check::check_log_loss(binary_cross_entropy));
}

#[test]
fn ml2_precision_recall_f1() {
    pass(ml_check::check_precision_recall_f1(precision_recall_f1));
}

#[test]
fn ml3_roc_auc() {
    pass(ml_check::check_roc_auc(roc_auc));
}

#[test]
fn ml4_fit_standard_scaler() {
    pass(ml_check::check_scaler(fit_standard_scaler));
}

#[test]
fn ml5_minibatches() {
    pass(ml_check::check_minibatches(MiniBatches::new));
}

#[test]
fn ml6_adam_step() {
    pass(ml_check::check_adam(adam_step));
}
