//! The hands-on: feature engineering on the diabetes data with broadcasting,
//! standardised columns, degree-2 polynomial and interaction features, and
//! RBF kernel features against 8 landmark patients.

use chapter06::features::{polynomial_features, rbf_features};
use chapter06::standardise::{column_stats, standardise_fused};
use ndarray::s;

fn main() -> Result<(), support::Report> {
    let diabetes = support::load_diabetes()?;
    let x = diabetes.features; // (442, 10), raw units

    support::output_part("scale");
    // ANCHOR: scale
    let z = standardise_fused(x.view())?; // (442, 10) - (10,), / (10,)
    let (mean, std) = column_stats(x.view())?;
    println!("mean  {:.4}", mean.slice(s![..4]));
    println!("scale {:.4}", std.slice(s![..4]));
    println!("row 0 {:.4} ...", z.slice(s![0, ..5]));
    // ANCHOR_END: scale

    support::output_part("poly");
    // ANCHOR: poly
    let p = polynomial_features(z.view()); // (442, 66)
    println!("{:?}", p.shape());
    let names = &diabetes.feature_names;
    println!("columns 1, 11, 12: {}, {0}^2, {0} {}", names[0], names[1]);
    println!("row 0, columns 0..4:   {:.4}", p.slice(s![0, ..4]));
    println!("row 0, columns 11..14: {:.4}", p.slice(s![0, 11..14]));
    // ANCHOR_END: poly

    support::output_part("rbf");
    // ANCHOR: rbf
    let centres = z.slice(s![..8, ..]); // 8 landmark patients
    let k = rbf_features(z.view(), centres, 0.1)?; // (442, 8)
    println!("{:?}", k.shape());
    println!("{:.4}", k.slice(s![..3, ..]));
    let ones: Vec<bool> = (0..8).map(|i| k[[i, i]] == 1.0).collect();
    println!("k(c, c) == 1: {ones:?}");
    // ANCHOR_END: rbf
    Ok(())
}
