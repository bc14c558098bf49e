//! Welford's algorithm and the summations of `stable.rs` against exact values
//! (`tests/fixtures/stable.py`, with Python's fractions and `math.fsum`).

use chapter07::stable::{
    Welford, naive_sum_f32, pairwise_sum_f32, std_blocked, textbook_variance,
    two_pass_variance,
};

#[derive(serde::Deserialize)]
struct Exact {
    offset_values: Vec<f64>,
    offset_variance_exact: f64,
    offset_variance_numpy: f64,
    tenths_exact_sum: f64,
    tenths_numpy_sum: f64,
}

fn exact() -> Exact {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "stable").unwrap()
}

#[test]
fn large_offset_breaks_only_the_textbook_formula() {
    let exact = exact();
    let x = &exact.offset_values;
    let w: Welford = x.iter().copied().collect();
    // 22.5 exactly, for Welford, two passes, the blocked std and NumPy.
    assert_eq!(exact.offset_variance_exact, 22.5);
    assert_eq!(w.variance(0), Some(exact.offset_variance_exact));
    assert_eq!(two_pass_variance(x), exact.offset_variance_exact);
    assert_eq!(std_blocked(x, 0), Some(exact.offset_variance_exact.sqrt()));
    assert_eq!(exact.offset_variance_numpy, exact.offset_variance_exact);
    // E[x²] - E[x]²: squares of 1e9 have no room left for the spread.
    let textbook = textbook_variance(x);
    assert!((textbook - 22.5).abs() > 1.0, "textbook gave {textbook}");
}

#[test]
fn merging_summaries_equals_one_pass() {
    let x: Vec<f64> =
        (0..1000).map(|i| ((i * 37) % 101) as f64 * 0.5).collect();
    let whole: Welford = x.iter().copied().collect();
    let (a, b) = x.split_at(333);
    let merged = a
        .iter()
        .copied()
        .collect::<Welford>()
        .merge(&b.iter().copied().collect());
    assert_eq!(merged.count(), 1000);
    let rel = |p: f64, q: f64| ((p - q) / q).abs();
    assert!(
        rel(merged.variance(1).unwrap(), whole.variance(1).unwrap()) < 1e-13
    );
    assert!(rel(merged.mean().unwrap(), whole.mean().unwrap()) < 1e-14);
    assert_eq!(Welford::default().mean(), None);
    assert_eq!(whole.variance(1000), None);
}

#[test]
fn pairwise_f32_sum_is_far_closer_than_the_running_sum() {
    let exact = exact();
    let x = vec![0.1_f32; 1_000_000];
    let err = |s: f32| {
        ((f64::from(s) - exact.tenths_exact_sum) / exact.tenths_exact_sum).abs()
    };
    let (naive, pairwise) = (naive_sum_f32(&x), pairwise_sum_f32(&x));
    assert!(err(naive) > 1e-3, "naive error {}", err(naive));
    assert!(err(pairwise) < 1e-6, "pairwise error {}", err(pairwise));
    // NumPy's pairwise sum is as good.
    assert!(err(exact.tenths_numpy_sum as f32) < 1e-6);
}
