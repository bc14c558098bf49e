//! Runs every exercise solution with real values. The workbook's exercises
//! (1 to 50) take their inputs and NumPy's or SciPy's results from
//! `tests/fixtures/workbook.json` (written by `workbook.py`) and, where a
//! naive loop is easy to write, compare with it on random inputs (proptest,
//! 32 cases each). Seven of them run through the checkers of
//! `chapter14::workbook_checks`, which `tests/workbook_wrong_answers.rs` shows
//! rejecting plausible wrong answers.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chapter14::exercises::*;
use chapter14::workbook::{Csr, WorkbookError};
use chapter14::workbook_checks::{self as checks, floats, ints, matrix};
use ndarray::{Array1, Array2, Array3, Axis, array, s};
use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::Value;
use support::fixtures::assert_allclose;

/// The workbook fixture, read once.
fn numpy(exercise: &str) -> &'static Value {
    static FIXTURE: OnceLock<Value> = OnceLock::new();
    &FIXTURE.get_or_init(checks::fixture)[exercise]
}

/// 32 cases, and no regression files written into the source tree.
fn few_cases() -> ProptestConfig {
    ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Random values in quarters (so that ties occur) as an array.
fn quarters(max_len: usize) -> impl Strategy<Value = Array1<f64>> {
    vec(-40i32..40, 0..max_len)
        .prop_map(|v| v.into_iter().map(|q| f64::from(q) / 4.0).collect())
}

fn usizes(value: &Value) -> Vec<usize> {
    ints(value).into_iter().map(|i| i as usize).collect()
}

fn scalar(value: &Value) -> f64 {
    value.as_f64().expect("a number")
}

fn wine() -> support::Classification {
    support::load_wine().expect("data/wine.csv")
}

fn sunspots() -> Array1<f64> {
    support::load_sunspots_yearly().expect("sunspots").activity
}

#[test]
fn ex1_second_difference_matrix() {
    let l = second_difference_matrix(5);
    assert_eq!(l, matrix(&numpy("ex1")["expected"]));
    // L applied to a straight line is zero inside: its second derivative.
    let line = Array1::range(0.0, 5.0, 1.0);
    assert_eq!(l.dot(&line).slice(s![1..4]), array![0.0, 0.0, 0.0]);
    assert_eq!(second_difference_matrix(1), array![[2.0]]);
    assert_eq!(second_difference_matrix(0).dim(), (0, 0));
}

#[test]
fn ex2_vandermonde() {
    let ex = numpy("ex2");
    let v = vandermonde(floats(&ex["x"]).view(), 4);
    // Repeated multiplication, as np.vander does: the same roundings.
    assert_allclose(&v, &matrix(&ex["expected"]), 1e-15, 0.0);
    proptest!(few_cases(), |(x in quarters(8), n in 0usize..6)| {
        let v = vandermonde(x.view(), n);
        let naive = Array2::from_shape_fn((x.len(), n), |(i, j)| {
            (0..j).fold(1.0, |p, _| p * x[i])
        });
        prop_assert_eq!(v, naive);
    });
}

#[test]
fn ex3_every_other_reversed() {
    let ex = numpy("ex3");
    let odd = every_other_reversed(Array1::range(0.0, 5.0, 1.0).view());
    let even = every_other_reversed(Array1::range(0.0, 6.0, 1.0).view());
    assert_eq!(odd, floats(&ex["odd"]));
    // [5, 3, 1]: ndarray applies a negative step from the end, as NumPy
    // does for x[::-2]; a reversal of x[::2] would give [4, 2, 0].
    assert_eq!(even, floats(&ex["even"]));
}

#[test]
fn ex4_mean_alcohol_of_strong_wines() {
    let ex = numpy("ex4");
    let alcohol = wine().features.column(0).to_owned();
    let mean = mean_above(alcohol.view(), scalar(&ex["threshold"]));
    assert_allclose(
        &[mean.unwrap()][..],
        &[scalar(&ex["expected"])][..],
        1e-12,
        0.0,
    );
    assert_eq!(mean_above(alcohol.view(), 100.0), None);
}

#[test]
fn ex5_penguins_missing_values_filled() {
    let ex = numpy("ex5");
    let penguins = support::load_penguins().expect("penguins").measurements;
    let filled = fill_nan_with_column_means(penguins.view()).unwrap();
    // The test would pass on an unchanged table only if it had no NaN.
    assert!(!ex["missing"].as_array().unwrap().is_empty());
    assert_allclose(&filled, &matrix(&ex["expected"]), 1e-12, 0.0);
    let empty_column = array![[1.0, f64::NAN], [2.0, f64::NAN]];
    assert_eq!(
        fill_nan_with_column_means(empty_column.view()),
        Err(WorkbookError::EmptyColumn(1))
    );
}

#[test]
fn ex6_top_k_with_ties() {
    let ex = numpy("ex6");
    let x = floats(&ex["x"]);
    // [1, 3, 5, 4]: the two 9s in index order, then 7, then the first 4.
    assert_eq!(top_k(x.view(), 4), usizes(&ex["expected"]));
    assert_eq!(top_k(x.view(), 99).len(), x.len());
    proptest!(few_cases(), |(x in quarters(20), k in 0usize..25)| {
        let mut naive: Vec<usize> = (0..x.len()).collect();
        naive.sort_by(|&i, &j| x[j].total_cmp(&x[i]).then(i.cmp(&j)));
        naive.truncate(k);
        prop_assert_eq!(top_k(x.view(), k), naive);
    });
}

#[test]
fn ex7_leaky_relu() {
    let ex = numpy("ex7");
    let y = leaky_relu(floats(&ex["x"]).view(), scalar(&ex["alpha"]));
    assert_eq!(y, floats(&ex["expected"]));
}

#[test]
fn ex8_yearly_change_of_sunspots() {
    let change = diff(sunspots().view());
    assert_eq!(change, floats(&numpy("ex8")["expected"]));
    assert!(diff(Array1::zeros(0).view()).is_empty());
    assert!(diff(array![1.0].view()).is_empty());
}

#[test]
fn ex9_polyval() {
    let ex = numpy("ex9");
    let (c, x) = (floats(&ex["c"]), floats(&ex["x"]));
    assert_allclose(
        &polyval(c.view(), x.view()),
        &floats(&ex["expected"]),
        1e-14,
        0.0,
    );
    proptest!(few_cases(), |(c in quarters(6), x in quarters(10))| {
        let y = polyval(c.view(), x.view());
        let n = c.len();
        for (i, &xi) in x.iter().enumerate() {
            let naive: f64 = c.iter().enumerate()
                .map(|(k, &ck)| ck * xi.powi((n - 1 - k) as i32))
                .sum();
            // Quarters up to 10 to the 5th power: both sides are exact.
            prop_assert_eq!(y[i], naive);
        }
    });
}

#[test]
fn ex10_moving_average_of_sunspots() {
    checks::check_moving_average(moving_average).unwrap();
}

#[test]
fn ex11_softmax_rows() {
    checks::check_softmax_rows(softmax_rows).unwrap();
}

#[test]
fn ex12_logsumexp() {
    let ex = numpy("ex12");
    let lse = logsumexp(floats(&ex["x"]).view()).unwrap();
    assert_allclose(&[lse][..], &[scalar(&ex["expected"])][..], 1e-14, 0.0);
    let small = logsumexp(floats(&ex["small"]).view()).unwrap();
    assert_allclose(
        &[small][..],
        &[scalar(&ex["small_expected"])][..],
        1e-14,
        0.0,
    );
    assert_eq!(logsumexp(Array1::zeros(0).view()), None);
    assert_eq!(
        logsumexp(array![f64::NEG_INFINITY].view()),
        Some(f64::NEG_INFINITY)
    );
}

#[test]
fn ex13_column_major_order() {
    let ex = numpy("ex13");
    let flat = ravel_column_major(matrix(&ex["a"]).view());
    assert_eq!(flat, floats(&ex["expected"]));
}

#[test]
fn ex14_roll() {
    let ex = numpy("ex14");
    let x = floats(&ex["x"]);
    assert_eq!(roll(x.view(), 2), floats(&ex["right2"]));
    assert_eq!(roll(x.view(), -3), floats(&ex["left3"]));
    // 16 = 2 × 7 + 2: the same as a shift by 2 (a `%` would also do for
    // this one; -3 % 7 is -3 in Rust, which is why rem_euclid is needed).
    assert_eq!(roll(x.view(), 16), floats(&ex["right16"]));
    assert!(roll(Array1::zeros(0).view(), 3).is_empty());
}

#[test]
fn ex15_interleave() {
    let ex = numpy("ex15");
    let mixed = interleave(floats(&ex["a"]).view(), floats(&ex["b"]).view());
    assert_eq!(mixed.unwrap(), floats(&ex["expected"]));
    assert_eq!(
        interleave(array![1.0].view(), array![1.0, 2.0].view()),
        Err(WorkbookError::LengthMismatch { left: 1, right: 2 })
    );
}

#[test]
fn ex16_block_sums() {
    let ex = numpy("ex16");
    let a = matrix(&ex["a"]);
    let pooled = block_sum(a.view(), 2).unwrap();
    // NumPy sums the four values of a block in another order.
    assert_allclose(&pooled, &matrix(&ex["expected"]), 1e-14, 0.0);
    assert_eq!(
        block_sum(a.view(), 4),
        Err(WorkbookError::NotDivisible { size: 6, block: 4 })
    );
    assert!(block_sum(a.view(), 0).is_err());
    let shapes = (1usize..4, 1usize..4, 1usize..4);
    proptest!(few_cases(), |((bh, bw, b) in shapes, seed in 0u64..1000)| {
        let a = checks::random_values(seed, bh * b * bw * b)
            .into_shape_with_order((bh * b, bw * b)).unwrap();
        let pooled = block_sum(a.view(), b).unwrap();
        let mut naive = Array2::<f64>::zeros((bh, bw));
        for ((i, j), &v) in a.indexed_iter() {
            naive[[i / b, j / b]] += v;
        }
        // Quarters: every partial sum is exact.
        prop_assert_eq!(pooled, naive);
    });
}

#[test]
fn ex17_frames_without_a_copy() {
    let ex = numpy("ex17");
    let x = floats(&ex["x"]).to_vec();
    let framed = frames(&x, 4, 3).unwrap();
    assert_eq!(framed, matrix(&ex["expected"]));
    // A view into x, as NumPy's (np.shares_memory is True): no copy.
    assert!(ex["shares_memory"].as_bool().unwrap());
    assert_eq!(framed.as_ptr(), x.as_ptr());
    assert_eq!(
        frames(&x, 11, 1),
        Err(WorkbookError::BadWindow {
            window: 11,
            len: 10
        })
    );
    assert!(frames(&x, 4, 0).is_err());
    proptest!(few_cases(), |(x in quarters(20), w in 1usize..6, hop in 1usize..6)| {
        let x = x.to_vec();
        if let Ok(framed) = frames(&x, w, hop) {
            let naive: Vec<Vec<f64>> = (0..)
                .map(|r| r * hop)
                .take_while(|&start| start + w <= x.len())
                .map(|start| x[start..start + w].to_vec())
                .collect();
            let rows: Vec<Vec<f64>> =
                framed.rows().into_iter().map(|r| r.to_vec()).collect();
            prop_assert_eq!(rows, naive);
        } else {
            prop_assert!(w > x.len());
        }
    });
}

#[test]
fn ex18_count_larger() {
    let ex = numpy("ex18");
    let larger = count_larger(floats(&ex["a"]).view(), floats(&ex["b"]).view());
    // [5, 2, 1, 0]: the two 2s of b are not larger than 2.0.
    assert_eq!(larger, usizes(&ex["expected"]));
}

#[test]
fn ex19_one_hot_wine_classes() {
    let ex = numpy("ex19");
    let encoded = one_hot(wine().target.view(), 3).unwrap();
    assert_eq!(encoded.sum_axis(Axis(0)), floats(&ex["column_sums"]));
    let rows = encoded.select(Axis(0), &[0, 59, 130]);
    assert_eq!(rows, matrix(&ex["first_rows"]));
    assert_eq!(
        one_hot(array![0, 3].view(), 3),
        Err(WorkbookError::OutOfRange { index: 3, size: 3 })
    );
}

#[test]
fn ex20_standardised_wine() {
    let z = standardise_columns(wine().features.view()).unwrap();
    assert_allclose(&z, &matrix(&numpy("ex20")["expected"]), 1e-12, 1e-12);
    let constant = array![[1.0, 5.0], [2.0, 5.0]];
    assert_eq!(
        standardise_columns(constant.view()),
        Err(WorkbookError::ConstantColumn(1))
    );
}

#[test]
fn ex21_pairwise_squared_distances() {
    let ex = numpy("ex21");
    let (x, y) = (matrix(&ex["x"]), matrix(&ex["y"]));
    let d2 = pairwise_sq_distances(x.view(), y.view()).unwrap();
    assert_allclose(&d2, &matrix(&ex["expected"]), 1e-14, 0.0);
    assert!(pairwise_sq_distances(x.view(), x.t()).is_err());
    let seeds = (0u64..1000, 0u64..1000);
    proptest!(few_cases(), |((sx, sy) in seeds, n in 0usize..5, d in 1usize..4)| {
        let x = checks::random_values(sx, n * d).into_shape_with_order((n, d)).unwrap();
        let y = checks::random_values(sy, 3 * d).into_shape_with_order((3, d)).unwrap();
        let d2 = pairwise_sq_distances(x.view(), y.view()).unwrap();
        for i in 0..n {
            for j in 0..3 {
                let diff = &x.row(i) - &y.row(j);
                prop_assert_eq!(d2[[i, j]], diff.dot(&diff));
            }
        }
    });
}

#[test]
fn ex22_nearest_class_mean_of_the_wines() {
    let ex = numpy("ex22");
    let z = matrix(&numpy("ex20")["expected"]);
    let nearest = nearest_centroid(z.view(), matrix(&ex["centroids"]).view());
    let nearest = nearest.unwrap();
    assert_eq!(nearest, usizes(&ex["expected"]));
    let agree = nearest
        .iter()
        .zip(&wine().target)
        .filter(|(a, b)| a == b)
        .count();
    assert_eq!(agree as i64, ex["agree"].as_i64().unwrap());
}

#[test]
fn ex23_weighted_mean() {
    let ex = numpy("ex23");
    let mean = weighted_mean(floats(&ex["x"]).view(), floats(&ex["w"]).view());
    assert_allclose(
        &[mean.unwrap()][..],
        &[scalar(&ex["expected"])][..],
        1e-15,
        0.0,
    );
    let x = array![1.0, 2.0];
    assert_eq!(
        weighted_mean(x.view(), array![1.0, -1.0].view()),
        Err(WorkbookError::ZeroWeights)
    );
    assert!(weighted_mean(x.view(), array![1.0].view()).is_err());
}

#[test]
fn ex24_wine_correlations() {
    let r = correlation_matrix(wine().features.view()).unwrap();
    assert_allclose(&r, &matrix(&numpy("ex24")["expected"]), 1e-12, 1e-14);
}

#[test]
fn ex25_batched_matvec() {
    let ex = numpy("ex25");
    let stack: Vec<Array2<f64>> =
        ex["a"].as_array().unwrap().iter().map(matrix).collect();
    let a = Array3::from_shape_fn((3, 2, 4), |(b, i, j)| stack[b][[i, j]]);
    let y = batched_matvec(a.view(), matrix(&ex["x"]).view()).unwrap();
    assert_allclose(&y, &matrix(&ex["expected"]), 1e-14, 1e-15);
    assert!(batched_matvec(a.view(), Array2::zeros((3, 3)).view()).is_err());
}

#[test]
fn ex26_trace_of_a_product() {
    let ex = numpy("ex26");
    let (a, b) = (matrix(&ex["a"]), matrix(&ex["b"]));
    let trace = trace_of_product(a.view(), b.view()).unwrap();
    assert_allclose(&[trace][..], &[scalar(&ex["expected"])][..], 1e-14, 0.0);
    assert!(trace_of_product(a.view(), a.view()).is_err());
    proptest!(few_cases(), |(n in 1usize..5, m in 1usize..5, seed in 0u64..1000)| {
        let a = checks::random_values(seed, n * m)
            .into_shape_with_order((n, m))
            .unwrap();
        let b = checks::random_values(seed + 1, n * m)
            .into_shape_with_order((m, n))
            .unwrap();
        let naive = a.dot(&b).diag().sum();
        prop_assert_eq!(trace_of_product(a.view(), b.view()).unwrap(), naive);
    });
}

#[test]
fn ex27_rows_normalised_in_place() {
    let ex = numpy("ex27");
    let mut a = matrix(&ex["a"]);
    normalise_rows_in_place(a.view_mut()).unwrap();
    assert_allclose(&a, &matrix(&ex["expected"]), 1e-15, 0.0);
    let mut zero_row = array![[1.0, 1.0], [0.0, 0.0]];
    let before = zero_row.clone();
    assert_eq!(
        normalise_rows_in_place(zero_row.view_mut()),
        Err(WorkbookError::ZeroRow(1))
    );
    assert_eq!(zero_row, before);
}

#[test]
fn ex28_exponential_by_inversion() {
    let ex = numpy("ex28");
    let u = floats(&ex["u"]);
    let samples = exponential_by_inversion(u.view(), scalar(&ex["rate"]));
    assert_allclose(&samples, &floats(&ex["expected"]), 1e-15, 0.0);
    // ln_1p keeps the digits of a tiny u, where -ln(1 - u) / 2 loses them.
    let tiny = exponential_by_inversion(array![1e-17].view(), 2.0);
    assert_eq!(tiny[0], 5e-18);
}

#[test]
fn ex29_box_muller() {
    let ex = numpy("ex29");
    let z = box_muller(floats(&ex["u1"]).view(), floats(&ex["u2"]).view());
    assert_allclose(&z.unwrap(), &floats(&ex["expected"]), 1e-14, 1e-15);
    assert!(box_muller(array![0.5].view(), array![].view()).is_err());
}

#[test]
fn ex30_integral_image() {
    let ex = numpy("ex30");
    let sat = integral_image(matrix(&ex["a"]).view());
    assert_eq!(sat, matrix(&ex["expected"]));
}

#[test]
fn ex31_sunspot_records() {
    let ex = numpy("ex31");
    let record = running_max(sunspots().view());
    assert_eq!(record, floats(&ex["expected"]));
    let years = support::load_sunspots_yearly().unwrap().years;
    let mut new_record_years = vec![years[0]];
    for i in 1..record.len() {
        if record[i] > record[i - 1] {
            new_record_years.push(years[i]);
        }
    }
    let expected: Vec<i32> = ints(&ex["record_years"])
        .iter()
        .map(|&y| y as i32)
        .collect();
    assert_eq!(new_record_years, expected);
}

#[test]
fn ex32_search_sorted() {
    checks::check_search_sorted(search_sorted).unwrap();
}

#[test]
fn ex33_unique_counts() {
    let ex = numpy("ex33");
    let (values, counts) = unique_counts(&ints(&ex["x"]));
    assert_eq!(values, ints(&ex["values"]));
    assert_eq!(counts, usizes(&ex["counts"]));
    proptest!(few_cases(), |(x in vec(-5i64..5, 0..30))| {
        let mut naive = BTreeMap::new();
        for &v in &x {
            *naive.entry(v).or_insert(0usize) += 1;
        }
        let (values, counts) = unique_counts(&x);
        prop_assert_eq!(values, naive.keys().copied().collect::<Vec<_>>());
        prop_assert_eq!(counts, naive.values().copied().collect::<Vec<_>>());
    });
}

#[test]
fn ex34_merge_sorted() {
    let ex = numpy("ex34");
    let merged =
        merge_sorted(&floats(&ex["a"]).to_vec(), &floats(&ex["b"]).to_vec());
    assert_eq!(merged, floats(&ex["expected"]).to_vec());
    proptest!(few_cases(), |(a in quarters(20), b in quarters(20))| {
        let (mut a, mut b) = (a.to_vec(), b.to_vec());
        a.sort_by(f64::total_cmp);
        b.sort_by(f64::total_cmp);
        let mut naive = [a.clone(), b.clone()].concat();
        naive.sort_by(f64::total_cmp);
        prop_assert_eq!(merge_sorted(&a, &b), naive);
    });
}

#[test]
fn ex35_intersect_sorted() {
    let ex = numpy("ex35");
    let common = intersect_sorted(&ints(&ex["a"]), &ints(&ex["b"]));
    assert_eq!(common, ints(&ex["expected"]));
    let lists = (vec(0i64..12, 0..15), vec(0i64..12, 0..15));
    proptest!(few_cases(), |((mut a, mut b) in lists)| {
        a.sort_unstable();
        b.sort_unstable();
        let (sa, sb): (BTreeSet<i64>, BTreeSet<i64>) =
            (a.iter().copied().collect(), b.iter().copied().collect());
        let naive: Vec<i64> = sa.intersection(&sb).copied().collect();
        prop_assert_eq!(intersect_sorted(&a, &b), naive);
    });
}

#[test]
fn ex36_solar_cycle_peaks() {
    let peaks = local_maxima(sunspots().view());
    assert_eq!(peaks, usizes(&numpy("ex36")["expected"]));
    assert!(local_maxima(array![1.0, 2.0].view()).is_empty());
    proptest!(few_cases(), |(x in quarters(20))| {
        let naive: Vec<usize> = (1..x.len().saturating_sub(1))
            .filter(|&i| x[i] > x[i - 1] && x[i] > x[i + 1])
            .collect();
        prop_assert_eq!(local_maxima(x.view()), naive);
    });
}

#[test]
fn ex37_run_length_encoding() {
    let ex = numpy("ex37");
    let (values, lengths) = run_length_encode(&ints(&ex["x"]));
    assert_eq!(values, ints(&ex["values"]));
    assert_eq!(lengths, usizes(&ex["lengths"]));
    proptest!(few_cases(), |(x in vec(0i64..3, 0..30))| {
        let (values, lengths) = run_length_encode(&x);
        // Decoding gives x back, and neighbouring runs differ.
        let decoded: Vec<i64> = values.iter().zip(&lengths)
            .flat_map(|(&v, &n)| std::iter::repeat_n(v, n))
            .collect();
        prop_assert_eq!(decoded, x);
        prop_assert!(values.windows(2).all(|w| w[0] != w[1]));
        prop_assert!(lengths.iter().all(|&n| n > 0));
    });
}

#[test]
fn ex38_histogram_of_alcohol() {
    checks::check_histogram(histogram).unwrap();
}

#[test]
fn ex39_dense_ranks() {
    let ex = numpy("ex39");
    assert_eq!(
        dense_ranks(floats(&ex["x"]).view()),
        usizes(&ex["expected"])
    );
    proptest!(few_cases(), |(x in quarters(20))| {
        let ranks = dense_ranks(x.view());
        // The rank is the number of distinct values below.
        for (i, &xi) in x.iter().enumerate() {
            let below: BTreeSet<i64> = x.iter()
                .filter(|&&v| v < xi)
                .map(|&v| (v * 4.0) as i64)
                .collect();
            prop_assert_eq!(ranks[i], below.len());
        }
    });
}

#[test]
fn ex40_segment_sums() {
    let ex = numpy("ex40");
    let sums = segment_sums(floats(&ex["x"]).view(), &usizes(&ex["offsets"]));
    // [3, 0, 12, 6]: np.add.reduceat(x, [0, 2, 2, 5]) would give x[2] = 3
    // for the empty segment, not 0.
    assert_eq!(sums.unwrap(), floats(&ex["expected"]).to_vec());
    let x = array![1.0, 2.0];
    assert!(segment_sums(x.view(), &[0, 3]).is_err());
    assert!(segment_sums(x.view(), &[1, 2]).is_err());
    assert!(segment_sums(x.view(), &[0, 2, 1]).is_err());
    proptest!(few_cases(), |(x in quarters(20), cuts in vec(0usize..20, 0..6))| {
        let mut offsets: Vec<usize> = cuts.into_iter().map(|c| c.min(x.len())).collect();
        offsets.push(0);
        offsets.push(x.len());
        offsets.sort_unstable();
        let naive: Vec<f64> = offsets.windows(2)
            .map(|w| (w[0]..w[1]).map(|i| x[i]).sum())
            .collect();
        prop_assert_eq!(segment_sums(x.view(), &offsets).unwrap(), naive);
    });
}

#[test]
fn ex41_group_max() {
    let ex = numpy("ex41");
    let max = group_max(&usizes(&ex["ids"]), floats(&ex["values"]).view(), 4);
    // NumPy's np.maximum.at leaves the empty group at its -inf: None here.
    let expected: Vec<Option<f64>> = ex["expected"]
        .as_array()
        .unwrap()
        .iter()
        .map(Value::as_f64)
        .collect();
    assert_eq!(max.unwrap(), expected);
    assert_eq!(
        group_max(&[0, 5], array![1.0, 2.0].view(), 3),
        Err(WorkbookError::OutOfRange { index: 5, size: 3 })
    );
    proptest!(few_cases(), |(pairs in vec((0usize..4, -40i32..40), 0..20))| {
        let ids: Vec<usize> = pairs.iter().map(|p| p.0).collect();
        let values: Array1<f64> = pairs.iter().map(|p| f64::from(p.1)).collect();
        let naive: Vec<Option<f64>> = (0..4)
            .map(|g| {
                ids.iter().zip(&values)
                    .filter(|(i, _)| **i == g)
                    .map(|(_, &v)| v)
                    .reduce(f64::max)
            })
            .collect();
        prop_assert_eq!(group_max(&ids, values.view(), 4).unwrap(), naive);
    });
}

#[test]
fn ex42_sliding_maximum_of_sunspots() {
    checks::check_sliding_max(sliding_max).unwrap();
}

#[test]
fn ex43_largest_run_sum() {
    checks::check_max_run_sum(max_run_sum).unwrap();
}

#[test]
fn ex44_compensated_sum() {
    checks::check_compensated_sum(compensated_sum).unwrap();
}

#[test]
fn ex45_power_iteration() {
    let ex = numpy("ex45");
    // Eigenvalues 6, 3, 2, 1, 0.5: the error shrinks by (3/6)² a step.
    let largest = power_iteration(matrix(&ex["a"]).view(), 100);
    assert_allclose(&[largest][..], &[scalar(&ex["expected"])][..], 1e-13, 0.0);
}

#[test]
fn ex46_least_squares_on_diabetes() {
    let ex = numpy("ex46");
    let diabetes = support::load_diabetes().expect("diabetes");
    let columns = usizes(&ex["columns"]);
    let n = diabetes.target.len();
    let mut x = Array2::ones((n, 4));
    x.slice_mut(s![.., 1..])
        .assign(&diabetes.features.select(Axis(1), &columns));
    let coef = least_squares(x.view(), diabetes.target.view()).unwrap();
    // Both call LAPACK's gelsd, but on different BLAS kernels: rtol 1e-9.
    assert_allclose(&coef, &floats(&ex["expected"]), 1e-9, 0.0);
    assert!(least_squares(x.view(), array![1.0].view()).is_err());
}

#[test]
fn ex47_log_determinant_of_a_covariance() {
    let ex = numpy("ex47");
    let features = wine().features;
    let centred = &features - &features.mean_axis(Axis(0)).unwrap();
    let cov = centred.t().dot(&centred) / (features.nrows() - 1) as f64;
    let log_det = log_det_spd(cov.view()).unwrap();
    // np.cov sums in another order, and LAPACK's kernels differ: 1e-9.
    assert_allclose(&[log_det][..], &[scalar(&ex["expected"])][..], 1e-9, 0.0);
    // det(0.01 I) = 1e-400 underflows to 0 in NumPy; its log does not.
    assert_eq!(scalar(&ex["small_det"]), 0.0);
    let small = Array2::<f64>::eye(200) * 0.01;
    let log_det = log_det_spd(small.view()).unwrap();
    assert_allclose(
        &[log_det][..],
        &[scalar(&ex["small_logdet"])][..],
        1e-14,
        0.0,
    );
    let indefinite = array![[1.0, 2.0], [2.0, 1.0]];
    let result = log_det_spd(indefinite.view());
    assert!(
        matches!(result, Err(WorkbookError::Linalg(_))),
        "{result:?}"
    );
}

#[test]
fn ex48_sparse_matrix_times_vector() {
    let ex = numpy("ex48");
    let m = Csr {
        n_cols: 4,
        indptr: usizes(&ex["indptr"]),
        indices: usizes(&ex["indices"]),
        data: floats(&ex["data"]).to_vec(),
    };
    let y = csr_matvec(&m, floats(&ex["x"]).view()).unwrap();
    assert_eq!(y, floats(&ex["expected"]));
    assert!(csr_matvec(&m, array![1.0].view()).is_err());
}

#[test]
fn ex49_dense_to_csr() {
    let ex = numpy("ex49");
    let csr = dense_to_csr(matrix(&ex["dense"]).view());
    assert_eq!(csr.indptr, usizes(&ex["indptr"]));
    assert_eq!(csr.indices, usizes(&ex["indices"]));
    assert_eq!(csr.data, floats(&ex["data"]).to_vec());
    assert_eq!(csr.n_cols, 4);
    proptest!(few_cases(), |(n in 0usize..5, seed in 0u64..1000)| {
        // Quarters in [-10, 10): about one value in 80 is zero; make more.
        let a = checks::random_values(seed, n * 3)
            .mapv(|v| if v.abs() < 4.0 { 0.0 } else { v })
            .into_shape_with_order((n, 3)).unwrap();
        let x = array![1.0, -2.0, 0.5];
        let csr = dense_to_csr(a.view());
        prop_assert_eq!(csr.data.len(), a.iter().filter(|&&v| v != 0.0).count());
        prop_assert_eq!(csr_matvec(&csr, x.view()).unwrap(), a.dot(&x));
    });
}

#[test]
fn ex50_triplets_to_csr() {
    let ex = numpy("ex50");
    let csr = coo_to_csr(
        &usizes(&ex["rows"]),
        &usizes(&ex["cols"]),
        &floats(&ex["values"]).to_vec(),
        (3, 4),
    )
    .unwrap();
    assert_eq!(csr.indptr, usizes(&ex["indptr"]));
    assert_eq!(csr.indices, usizes(&ex["indices"]));
    assert_eq!(csr.data, floats(&ex["data"]).to_vec());
    assert_eq!(
        coo_to_csr(&[0, 3], &[0, 0], &[1.0, 1.0], (3, 4)),
        Err(WorkbookError::OutOfRange { index: 3, size: 3 })
    );
    let triplet = (0usize..3, 0usize..4, -40i32..40);
    proptest!(few_cases(), |(triplets in vec(triplet, 0..20))| {
        let rows: Vec<usize> = triplets.iter().map(|t| t.0).collect();
        let cols: Vec<usize> = triplets.iter().map(|t| t.1).collect();
        let values: Vec<f64> = triplets.iter().map(|t| f64::from(t.2)).collect();
        let csr = coo_to_csr(&rows, &cols, &values, (3, 4)).unwrap();
        let mut dense = Array2::<f64>::zeros((3, 4));
        for t in &triplets {
            dense[[t.0, t.1]] += f64::from(t.2);
        }
        // Each row's columns rise strictly, and the matrix is the same.
        for w in csr.indptr.windows(2) {
            prop_assert!(csr.indices[w[0]..w[1]].windows(2).all(|c| c[0] < c[1]));
        }
        let mut rebuilt = Array2::<f64>::zeros((3, 4));
        for (i, w) in csr.indptr.windows(2).enumerate() {
            for k in w[0]..w[1] {
                rebuilt[[i, csr.indices[k]]] = csr.data[k];
            }
        }
        prop_assert_eq!(rebuilt, dense);
    });
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
