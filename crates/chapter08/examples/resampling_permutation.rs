//! A permutation test for a difference in means on real data: do the
//! diabetes patients' disease progression and HDL cholesterol (`s3`) differ
//! between the two sexes recorded in the study?

use chapter08::resampling::permutation_test;
use ndarray::Axis;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

fn main() -> Result<(), support::Report> {
    // ANCHOR: permutation
    let diabetes = support::data::load_diabetes()?;
    let sex = diabetes.features.column(1); // coded 1 and 2 in the raw data
    let hdl = diabetes.features.column(6); // s3, HDL cholesterol
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(9);
    for (name, values) in [("progression", diabetes.target.view()), ("s3", hdl)]
    {
        let group = |code: f64| -> Vec<f64> {
            let rows: Vec<usize> =
                (0..sex.len()).filter(|&i| sex[i] == code).collect();
            values.select(Axis(0), &rows).to_vec()
        };
        let (a, b) = (group(1.0), group(2.0));
        let test = permutation_test(&a, &b, 9_999, &mut rng)?;
        println!(
            "{name:<12} n = {} vs {}: difference {:+.2}, p = {:.4}",
            a.len(),
            b.len(),
            test.observed,
            test.p_value
        );
    }
    // ANCHOR_END: permutation
    Ok(())
}
