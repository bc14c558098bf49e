//! The checkers of `chapter14::workbook_checks` accept the solutions and
//! reject the plausible wrong answers of `chapter14::workbook_wrong`: the
//! tests of exercises 10, 11, 32, 38, 42, 43 and 44 catch those mistakes.

use chapter14::exercises;
use chapter14::workbook_checks as checks;
use chapter14::workbook_wrong as wrong;

/// `verdict` is a rejection whose message contains `detail`.
#[track_caller]
fn rejected(verdict: checks::Verdict, detail: &str) {
    let message = verdict.expect_err("the wrong answer was accepted");
    assert!(message.contains(detail), "{message}");
}

#[test]
fn a_moving_average_one_window_short_is_rejected() {
    checks::check_moving_average(exercises::moving_average).unwrap();
    let verdict = checks::check_moving_average(wrong::moving_average_one_short);
    rejected(verdict, "298 values, expected 299");
}

#[test]
fn a_softmax_that_overflows_is_rejected() {
    checks::check_softmax_rows(exercises::softmax_rows).unwrap();
    let verdict = checks::check_softmax_rows(wrong::softmax_unshifted);
    rejected(verdict, "value 0 is NaN");
}

#[test]
fn a_search_after_equal_values_is_rejected() {
    checks::check_search_sorted(exercises::search_sorted).unwrap();
    let verdict = checks::check_search_sorted(wrong::search_sorted_right);
    rejected(verdict, "got [0, 4, 4, 6, 6], expected [0, 1, 4, 5, 6]");
}

#[test]
fn a_histogram_without_its_right_edge_is_rejected() {
    checks::check_histogram(exercises::histogram).unwrap();
    let verdict = checks::check_histogram(wrong::histogram_half_open);
    // The alcohol values never reach 15.0: only the edge case catches it.
    rejected(verdict, "got [1, 1, 1, 0], expected [1, 1, 1, 2]");
}

#[test]
fn a_histogram_by_division_alone_is_rejected() {
    let verdict = checks::check_histogram(wrong::histogram_by_division);
    // Both widths of the first inputs (0.5 and 0.25) divide exactly: only
    // values on the edges of 13 bins on [0.1, 0.7] catch it, where the
    // division puts the third edge, 0.1923076923076923, in the second bin.
    rejected(
        verdict,
        "got [1, 2, 1, 1, 1, 2, 4, 1, 2, 1, 2, 1, 3],\n    \
         expected [1, 1, 2, 1, 1, 2, 4, 1, 2, 1, 2, 1, 3]",
    );
}

#[test]
fn a_sliding_maximum_one_value_too_wide_is_rejected() {
    checks::check_sliding_max(exercises::sliding_max).unwrap();
    let verdict = checks::check_sliding_max(wrong::sliding_max_one_late);
    rejected(verdict, "sunspots, w = 11");
}

#[test]
fn a_sum_of_all_positive_values_is_rejected() {
    checks::check_max_run_sum(exercises::max_run_sum).unwrap();
    let verdict = checks::check_max_run_sum(wrong::sum_of_positives);
    rejected(verdict, "got 15, expected 6");
}

#[test]
fn kahans_original_summation_is_rejected() {
    checks::check_compensated_sum(exercises::compensated_sum).unwrap();
    let verdict = checks::check_compensated_sum(wrong::kahan_sum);
    rejected(verdict, "value 0 is 0, expected 5.001");
}
