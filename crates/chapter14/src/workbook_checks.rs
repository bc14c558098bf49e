//! Checkers for seven of the workbook's exercises, each of which takes a
//! candidate answer (any function with the exercise's signature) and says
//! whether it is right: against NumPy's values from the fixture
//! `tests/fixtures/workbook.json`, against a naive loop on seeded random
//! inputs, and on the edge cases a plausible wrong answer gets wrong.
//!
//! `tests/exercises.rs` runs them on the solutions (or the reader's answers),
//! and `tests/workbook_wrong_answers.rs` runs them on deliberately wrong
//! answers, which each must reject.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, array, s};
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde_json::Value;

use crate::workbook::WorkbookError;

/// Why a candidate was rejected: the input, what it returned and what was
/// expected.
pub type Verdict = Result<(), String>;

/// The workbook fixture: each exercise's inputs and NumPy's results.
pub fn fixture() -> Value {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "workbook")
        .expect("tests/fixtures/workbook.json is committed with the crate")
}

/// A list of numbers of the fixture as an array.
pub fn floats(value: &Value) -> Array1<f64> {
    let list = value.as_array().expect("a list");
    list.iter().map(|v| v.as_f64().expect("a number")).collect()
}

/// A list of integers of the fixture.
pub fn ints(value: &Value) -> Vec<i64> {
    let list = value.as_array().expect("a list");
    list.iter()
        .map(|v| v.as_i64().expect("an integer"))
        .collect()
}

/// A list of rows of the fixture as a matrix.
pub fn matrix(value: &Value) -> Array2<f64> {
    let rows: Vec<Array1<f64>> = value
        .as_array()
        .expect("a list of rows")
        .iter()
        .map(floats)
        .collect();
    let n_cols = rows.first().map_or(0, Array1::len);
    Array2::from_shape_fn((rows.len(), n_cols), |(i, j)| rows[i][j])
}

/// `Err` naming `what` unless `actual` and `expected` have the same length
/// and agree to `|a - e| <= tol * (1 + |e|)` everywhere.
pub fn close(
    what: &str,
    actual: ArrayView1<'_, f64>,
    expected: ArrayView1<'_, f64>,
    tol: f64,
) -> Verdict {
    if actual.len() != expected.len() {
        return Err(format!(
            "{what}:\n    {} values, expected {}",
            actual.len(),
            expected.len()
        ));
    }
    for (i, (&a, &e)) in actual.iter().zip(expected).enumerate() {
        if !(a == e || (a - e).abs() <= tol * (1.0 + e.abs())) {
            return Err(format!("{what}:\n    value {i} is {a}, expected {e}"));
        }
    }
    Ok(())
}

/// `Err` naming `what` unless `actual == expected`.
fn same<T: PartialEq + std::fmt::Debug>(
    what: &str,
    actual: T,
    expected: T,
) -> Verdict {
    if actual == expected {
        Ok(())
    } else {
        Err(format!(
            "{what}:\n    got {actual:?}, expected {expected:?}"
        ))
    }
}

/// `n` random values in `[-10, 10)`, rounded to quarters so that ties and
/// repeats occur, from a generator seeded with `seed`.
pub fn random_values(seed: u64, n: usize) -> Array1<f64> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    Array1::from_shape_fn(n, |_| (rng.gen_range(-40..40) as f64) / 4.0)
}

/// The yearly sunspot numbers (the fixture's real data).
fn sunspots() -> Array1<f64> {
    support::load_sunspots_yearly()
        .expect("data/sunspots_yearly.csv is committed")
        .activity
}

/// Exercise 10: the moving average of the sunspot numbers (NumPy's
/// `np.convolve`), random inputs against a loop that sums each window
/// afresh, and the windows that do not fit.
pub fn check_moving_average(
    candidate: impl Fn(
        ArrayView1<'_, f64>,
        usize,
    ) -> Result<Array1<f64>, WorkbookError>,
) -> Verdict {
    let numpy = &fixture()["ex10"];
    let w = numpy["w"].as_u64().expect("w") as usize;
    let ours = candidate(sunspots().view(), w).map_err(|e| e.to_string())?;
    // A running sum and NumPy's per-window dot products round differently.
    close(
        "sunspots",
        ours.view(),
        floats(&numpy["expected"]).view(),
        1e-10,
    )?;
    for (seed, n, w) in [(1, 40, 5), (2, 7, 7), (3, 9, 1)] {
        let x = random_values(seed, n);
        let naive: Array1<f64> = (0..=n - w)
            .map(|i| x.slice(s![i..i + w]).sum() / w as f64)
            .collect();
        let ours = candidate(x.view(), w).map_err(|e| e.to_string())?;
        close(
            &format!("n = {n}, w = {w}"),
            ours.view(),
            naive.view(),
            1e-12,
        )?;
    }
    for w in [0, 8] {
        let bad = candidate(random_values(4, 7).view(), w).is_err();
        same(&format!("w = {w} of 7 values is an error"), bad, true)?;
    }
    Ok(())
}

/// Exercise 11: NumPy's softmax of logits up to 1002, and rows summing to 1.
pub fn check_softmax_rows(
    candidate: impl Fn(ArrayView2<'_, f64>) -> Array2<f64>,
) -> Verdict {
    let numpy = &fixture()["ex11"];
    let (a, expected) = (matrix(&numpy["a"]), matrix(&numpy["expected"]));
    let p = candidate(a.view());
    same("shape", p.dim(), expected.dim())?;
    for (i, (ours, theirs)) in
        p.rows().into_iter().zip(expected.rows()).enumerate()
    {
        close(&format!("row {i}"), ours, theirs, 1e-14)?;
    }
    Ok(())
}

/// Exercise 32: NumPy's `np.searchsorted` with repeated values, and random
/// sorted arrays against counting the values that are smaller.
pub fn check_search_sorted(
    candidate: impl Fn(ArrayView1<'_, f64>, ArrayView1<'_, f64>) -> Vec<usize>,
) -> Verdict {
    let numpy = &fixture()["ex32"];
    let (a, v) = (floats(&numpy["a"]), floats(&numpy["v"]));
    let expected: Vec<usize> = ints(&numpy["expected"])
        .iter()
        .map(|&i| i as usize)
        .collect();
    same(
        &format!("a = {a}, v = {v}"),
        candidate(a.view(), v.view()),
        expected,
    )?;
    for seed in 10..14 {
        let mut a = random_values(seed, 30).to_vec();
        a.sort_by(f64::total_cmp);
        let v = random_values(seed + 100, 10);
        let naive: Vec<usize> = v
            .iter()
            .map(|&v| a.iter().filter(|&&x| x < v).count())
            .collect();
        let a = Array1::from(a);
        same(
            &format!("seed {seed}"),
            candidate(a.view(), v.view()),
            naive,
        )?;
    }
    Ok(())
}

/// Exercise 38: NumPy's histogram of the wines' alcohol, and the edges:
/// a value equal to the upper end belongs to the last bin, and a value on
/// one of NumPy's computed edges belongs to the bin to its right even where
/// `(v - lo) / width` rounds below the edge (13 bins on [0.1, 0.7], 30 on
/// [-0.5, 1.5]; the widths of the first two inputs are powers of two, for
/// which the division is exact). An empty range is widened by a half on each
/// side; no bins, a reversed range or an infinite one are errors.
pub fn check_histogram(
    candidate: impl Fn(
        ArrayView1<'_, f64>,
        usize,
        f64,
        f64,
    ) -> Result<Vec<usize>, WorkbookError>,
) -> Verdict {
    let numpy = &fixture()["ex38"];
    let alcohol = support::load_wine()
        .expect("data/wine.csv is committed")
        .features
        .column(0)
        .to_owned();
    let as_usize = |v: &Value| -> Vec<usize> {
        ints(v).iter().map(|&i| i as usize).collect()
    };
    let bins = numpy["bins"].as_u64().expect("bins") as usize;
    let (lo, hi) = (11.0, 15.0);
    same(
        "alcohol, 8 bins on [11, 15]",
        candidate(alcohol.view(), bins, lo, hi).map_err(|e| e.to_string())?,
        as_usize(&numpy["expected"]),
    )?;
    let edge = floats(&numpy["edge_x"]);
    same(
        &format!("{edge}, 4 bins on [0, 1]"),
        candidate(edge.view(), 4, 0.0, 1.0).map_err(|e| e.to_string())?,
        as_usize(&numpy["edge_expected"]),
    )?;
    let cases = numpy["on_edges"].as_array().expect("a list of inputs");
    for case in cases {
        let number = |key: &str| case[key].as_f64().expect("a number");
        let (lo, hi) = (number("lo"), number("hi"));
        let bins = case["bins"].as_u64().expect("bins") as usize;
        let x = floats(&case["x"]);
        let got =
            candidate(x.view(), bins, lo, hi).map_err(|e| e.to_string())?;
        let expected = as_usize(&case["expected"]);
        if got != expected {
            // One list a line: the two lists side by side are too wide.
            return Err(format!(
                "the {} edges of {bins} bins on [{lo}, {hi}] and {} other \
                 values:\n    got {got:?},\n    expected {expected:?}",
                bins + 1,
                x.len() - (bins + 1)
            ));
        }
    }
    // NumPy widens an empty range to [lo - 0.5, hi + 0.5] ...
    let widened = as_usize(&numpy["empty_range_expected"]);
    match candidate(edge.view(), 4, 1.0, 1.0) {
        Ok(counts) if counts == widened => {}
        other => {
            return Err(format!(
                "{edge}, 4 bins on [1, 1]: expected NumPy's {widened:?} \
                 (the range widened to [0.5, 1.5]), got {other:?}"
            ));
        }
    }
    // ... and raises for no bins, a reversed range or an infinite one.
    let bad = [(0, 0.0, 1.0), (4, 1.0, 0.0), (4, 0.0, f64::INFINITY)];
    for (bins, lo, hi) in bad {
        if candidate(edge.view(), bins, lo, hi).is_ok() {
            return Err(format!(
                "{bins} bins on [{lo}, {hi}]: expected an error, got counts"
            ));
        }
    }
    Ok(())
}

/// Exercise 42: the largest sunspot number of every 11 years (NumPy's
/// `sliding_window_view(...).max(axis=1)`), and random inputs against the
/// maximum of each window taken afresh.
pub fn check_sliding_max(
    candidate: impl Fn(
        ArrayView1<'_, f64>,
        usize,
    ) -> Result<Vec<f64>, WorkbookError>,
) -> Verdict {
    let numpy = &fixture()["ex42"];
    let ours = candidate(sunspots().view(), 11).map_err(|e| e.to_string())?;
    let expected = floats(&numpy["expected"]);
    close(
        "sunspots, w = 11",
        Array1::from(ours).view(),
        expected.view(),
        0.0,
    )?;
    for (seed, n, w) in [(20, 50, 4), (21, 12, 12), (22, 6, 1)] {
        let x = random_values(seed, n);
        let naive: Array1<f64> = (0..=n - w)
            .map(|i| x.slice(s![i..i + w]).fold(f64::MIN, |m, &v| m.max(v)))
            .collect();
        let ours = candidate(x.view(), w).map_err(|e| e.to_string())?;
        let what = format!("{x}, w = {w}");
        close(&what, Array1::from(ours).view(), naive.view(), 0.0)?;
    }
    same(
        "w = 0 is an error",
        candidate(array![1.0].view(), 0).is_err(),
        true,
    )
}

/// Exercise 43: NumPy's cumulative-sum answer, an all-negative input (the
/// empty run wins) and random inputs against trying every run.
pub fn check_max_run_sum(candidate: impl Fn(&[i64]) -> i64) -> Verdict {
    let numpy = &fixture()["ex43"];
    let x = ints(&numpy["x"]);
    same(
        &format!("{x:?}"),
        candidate(&x),
        numpy["expected"].as_i64().expect("int"),
    )?;
    same("[-3, -1, -2]", candidate(&[-3, -1, -2]), 0)?;
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(43);
    for n in [1, 5, 20] {
        let x: Vec<i64> = (0..n).map(|_| rng.gen_range(-9..10)).collect();
        let naive = (0..=n)
            .flat_map(|i| (i..=n).map(move |j| (i, j)))
            .map(|(i, j)| x[i..j].iter().sum::<i64>())
            .max()
            .unwrap_or(0);
        same(&format!("{x:?}"), candidate(&x), naive)?;
    }
    Ok(())
}

/// Exercise 44: Python's `math.fsum` of an input that cancels twice, and of
/// a million tenths.
pub fn check_compensated_sum(
    candidate: impl Fn(ArrayView1<'_, f64>) -> f64,
) -> Verdict {
    let numpy = &fixture()["ex44"];
    let x = floats(&numpy["x"]);
    let fsum = numpy["expected"].as_f64().expect("a number");
    // Neumaier's sum is within a few units in the last place of fsum here.
    let ours = candidate(x.view());
    let shown: Vec<String> = x.iter().map(|v| format!("{v:e}")).collect();
    close(
        &format!("[{}]", shown.join(", ")),
        array![ours].view(),
        array![fsum].view(),
        1e-15,
    )?;
    let tenths = Array1::from_elem(1_000_000, 0.1);
    let fsum = numpy["tenths"].as_f64().expect("a number");
    same("a million times 0.1", candidate(tenths.view()), fsum)
}
