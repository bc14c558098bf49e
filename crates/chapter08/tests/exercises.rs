//! Runs every exercise solution with real values. scikit-learn's and
//! NumPy's values come from `tests/fixtures/exercises.py`; every statistical
//! tolerance says how it was derived.

use chapter08::exercises::*;
use ndarray::Array2;
use ndarray_rand::RandomExt;
use rand::SeedableRng;
use rand_distr::Uniform;
use rand_xoshiro::Xoshiro256PlusPlus;

#[derive(serde::Deserialize)]
struct Reference {
    wine_1nn_cv_mean_over_seeds: f64,
    wine_1nn_cv_sd_over_seeds: f64,
    diabetes_bmi_correlation: f64,
    diabetes_bmi_interval_95: Vec<f64>,
    diabetes_bmi_bootstrap_sd: f64,
    diabetes_bmi_bootstrap_resamples: usize,
    normal_density_at_1_96: f64,
}

fn reference() -> Reference {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "exercises").unwrap()
}

fn rng(seed: u64) -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus::seed_from_u64(seed)
}

/// Asserts that the `k`-subsets of `0..10` in `samples` are uniform, not just
/// their marginals: every item in 3/10 of them and every pair in 1/15.
///
/// A sampler that returns the cyclic block `{r, r + 1, r + 2}` (mod 10) for a
/// uniform `r` has the right marginals but gives neighbouring pairs 1/5 and
/// distant ones 0, so the pair counts catch it. With 20,000 samples of 3, an
/// item is seen 6000 +- 64.8 times and a pair 1333 +- 35.3 (binomial sd);
/// allow 5 sd each.
fn assert_uniform_subsets(samples: &[Vec<usize>]) {
    let n = samples.len() as f64;
    let mut items = [0usize; 10];
    let mut pairs = [[0usize; 10]; 10];
    for s in samples {
        assert_eq!(s.len(), 3);
        assert!(s[0] != s[1] && s[0] != s[2] && s[1] != s[2], "{s:?}");
        for (a, &i) in s.iter().enumerate() {
            items[i] += 1;
            for &j in &s[a + 1..] {
                pairs[i.min(j)][i.max(j)] += 1;
            }
        }
    }
    let within = |count: usize, p: f64| {
        let sd = (n * p * (1.0 - p)).sqrt();
        (count as f64 - n * p).abs() <= 5.0 * sd
    };
    assert!(items.iter().all(|&c| within(c, 0.3)), "items: {items:?}");
    for (i, row) in pairs.iter().enumerate() {
        for (j, &c) in row.iter().enumerate().skip(i + 1) {
            assert!(within(c, 1.0 / 15.0), "pair ({i}, {j}): {c} of {n}");
        }
    }
}

#[test]
fn ex1_seeded_uniform() {
    let a = seeded_uniform(3, 4, -1.0, 2.0, 7).unwrap();
    let expected =
        Array2::random_using((3, 4), Uniform::new(-1.0, 2.0), &mut rng(7));
    assert_eq!(a, expected);
    assert_eq!(seeded_uniform(3, 4, -1.0, 2.0, 7).unwrap(), a);
    assert_ne!(seeded_uniform(3, 4, -1.0, 2.0, 8).unwrap(), a);
    // 100,000 draws on [-1, 2): mean 0.5, variance 9/12, standard error
    // sqrt(0.75 / 1e5) = 0.0027; allow 5 of them.
    let big = seeded_uniform(200, 500, -1.0, 2.0, 1).unwrap();
    assert!(big.iter().all(|&v| (-1.0..2.0).contains(&v)));
    assert!((big.mean().unwrap() - 0.5).abs() < 5.0 * 0.00274);
    assert!(seeded_uniform(2, 2, 1.0, 1.0, 0).is_err());
    assert!(seeded_uniform(2, 2, 2.0, 1.0, 0).is_err());
}

#[test]
fn ex2_sample_without_replacement() {
    let mut rng = rng(2);
    assert_eq!(sample_without_replacement(3, 4, &mut rng), None);
    let all = sample_without_replacement(5, 5, &mut rng).unwrap();
    let mut sorted = all.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, vec![0, 1, 2, 3, 4]);
    let samples: Vec<Vec<usize>> = (0..20_000)
        .map(|_| sample_without_replacement(10, 3, &mut rng).unwrap())
        .collect();
    assert_uniform_subsets(&samples);
}

#[test]
fn ex3_bootstrap_standard_error_on_iris() {
    // Iris sepal length: the bootstrap standard error of the mean estimates
    // s sqrt((n-1)/n) / sqrt(n); with B = 2000 resamples its relative Monte
    // Carlo error is about 1 / sqrt(2 (B - 1)) = 1.6%; allow 5 of those.
    let iris = support::data::load_iris().unwrap();
    let sepal = iris.features.column(0);
    let se = bootstrap_standard_error(sepal, 2000, &mut rng(3)).unwrap();
    let n = sepal.len() as f64;
    let expected = sepal.std(1.0) * ((n - 1.0) / n).sqrt() / n.sqrt();
    let relative = (se - expected).abs() / expected;
    assert!(
        relative < 5.0 / (2.0_f64 * 1999.0).sqrt(),
        "{se} vs {expected}"
    );
    let empty = ndarray::Array1::<f64>::zeros(0);
    assert_eq!(
        bootstrap_standard_error(empty.view(), 10, &mut rng(0)),
        None
    );
    assert_eq!(bootstrap_standard_error(sepal, 1, &mut rng(0)), None);
}

#[test]
fn ex4_reservoir_sample() {
    let mut rng = rng(4);
    assert_eq!(reservoir_sample(0..2, 5, &mut rng), vec![0, 1]);
    let samples: Vec<Vec<usize>> = (0..20_000)
        .map(|_| reservoir_sample(0..10, 3, &mut rng))
        .collect();
    assert_uniform_subsets(&samples);
}

#[test]
fn ex5_cross_validated_1nn_on_wine() {
    // scikit-learn's KNeighborsClassifier(1) with StratifiedKFold(5), averaged
    // over 40 shuffles: one shuffle's mean accuracy varies with sd 0.016;
    // ours, from one shuffle, must lie within 5 of those.
    let reference = reference();
    let wine = support::data::load_wine().unwrap();
    let labels = wine.target.to_vec();
    let accuracy =
        cross_validated_1nn(wine.features.view(), &labels, 5, &mut rng(5))
            .unwrap();
    let sd = reference.wine_1nn_cv_sd_over_seeds;
    assert!(
        (accuracy - reference.wine_1nn_cv_mean_over_seeds).abs() < 5.0 * sd,
        "{accuracy} vs {}",
        reference.wine_1nn_cv_mean_over_seeds
    );
    assert!(
        cross_validated_1nn(wine.features.view(), &labels, 1, &mut rng(5))
            .is_err()
    );
}

#[test]
fn ex6_correlation_interval_on_diabetes() {
    let r = reference();
    let diabetes = support::data::load_diabetes().unwrap();
    let (bmi, y) = (diabetes.features.column(2), diabetes.target.view());
    let b = 4000;
    let (lo, hi) = correlation_interval(bmi, y, b, 0.95, &mut rng(6)).unwrap();
    assert!(lo < r.diabetes_bmi_correlation && r.diabetes_bmi_correlation < hi);
    // The Monte Carlo sd of a 2.5% quantile estimated from B replicates is
    // sqrt(p (1 - p) / B) / f, with f the replicates' density there,
    // about phi(1.96) / sd for a near-normal bootstrap distribution. Ours
    // (B = 4000) and NumPy's (B = 20,000) both vary: allow 5 sd of the
    // difference.
    let f = r.normal_density_at_1_96 / r.diabetes_bmi_bootstrap_sd;
    let var_one = |b: usize| 0.025 * 0.975 / b as f64 / (f * f);
    let tol =
        5.0 * (var_one(b) + var_one(r.diabetes_bmi_bootstrap_resamples)).sqrt();
    assert!((lo - r.diabetes_bmi_interval_95[0]).abs() < tol, "{lo}");
    assert!((hi - r.diabetes_bmi_interval_95[1]).abs() < tol, "{hi}");
    assert_eq!(
        correlation_interval(
            bmi,
            y.slice(ndarray::s![..3]),
            10,
            0.95,
            &mut rng(0)
        ),
        None
    );
    assert_eq!(correlation_interval(bmi, y, 10, 1.0, &mut rng(0)), None);
}
