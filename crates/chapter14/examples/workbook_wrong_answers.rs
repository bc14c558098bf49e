//! Chapter 14: the checkers of seven exercises accept the solutions and
//! reject plausible wrong answers (`chapter14::workbook_wrong`), saying on
//! which input and how the answer went wrong.

use chapter14::exercises;
use chapter14::workbook_checks::{self as checks, Verdict};
use chapter14::workbook_wrong as wrong;

/// "accepted", or "rejected" and the checker's reason.
fn say(verdict: Verdict) -> String {
    match verdict {
        Ok(()) => "accepted".to_owned(),
        Err(why) => format!("rejected\n    {}", why.replace('\n', "\n    ")),
    }
}

fn main() {
    // ANCHOR: verdicts
    let verdicts = [
        (
            "ex10 solution",
            checks::check_moving_average(exercises::moving_average),
        ),
        (
            "ex10 one window short",
            checks::check_moving_average(wrong::moving_average_one_short),
        ),
        (
            "ex11 unshifted softmax",
            checks::check_softmax_rows(wrong::softmax_unshifted),
        ),
        (
            "ex32 side=\"right\"",
            checks::check_search_sorted(wrong::search_sorted_right),
        ),
        (
            "ex38 half-open bins",
            checks::check_histogram(wrong::histogram_half_open),
        ),
        (
            "ex38 binned by division alone",
            checks::check_histogram(wrong::histogram_by_division),
        ),
        (
            "ex42 window one too wide",
            checks::check_sliding_max(wrong::sliding_max_one_late),
        ),
        (
            "ex43 all positive values",
            checks::check_max_run_sum(wrong::sum_of_positives),
        ),
        (
            "ex44 Kahan's summation",
            checks::check_compensated_sum(wrong::kahan_sum),
        ),
    ];
    for (answer, verdict) in verdicts {
        println!("{answer}: {}", say(verdict));
    }
    // ANCHOR_END: verdicts
}
