//! The hands-on: feature engineering on the diabetes data with broadcasting,
//! standardised columns, scalings fitted on the training rows only, min-max
//! scaling, L2-normalised rows, degree-2 polynomial and interaction
//! features, and RBF kernel features against 8 landmark patients.

use chapter06::features::{polynomial_features, rbf_features};
use chapter06::normalise::{ColumnScaling, l2_normalise_rows};
use chapter06::standardise::{column_stats, standardise_fused};
use ndarray::{Axis, s};

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

    support::output_part("split");
    // ANCHOR: split
    let (test, train): (Vec<usize>, Vec<usize>) =
        (0..x.nrows()).partition(|i| i % 4 == 0); // every 4th patient
    let (train_x, test_x) =
        (x.select(Axis(0), &train), x.select(Axis(0), &test));
    let fitted = ColumnScaling::standard(train_x.view())?; // train rows only
    let z_test = fitted.transform(test_x.view())?; // (111, 10)
    let test_means = z_test.mean_axis(Axis(0)).ok_or("no test rows")?;
    println!("test means   {:.4}", test_means.slice(s![..4]));
    println!("fit on train {:.4}", fitted.offset.slice(s![..4]));
    println!("fit on all   {:.4}", mean.slice(s![..4])); // leaks the test
    // ANCHOR_END: split

    support::output_part("min_max");
    // ANCHOR: min_max
    let min_max = ColumnScaling::min_max(train_x.view())?;
    let m_test = min_max.transform(test_x.view())?; // (111, 10) - (10,)
    let lowest = m_test.fold_axis(Axis(0), f64::INFINITY, |a, &v| a.min(v));
    let highest =
        m_test.fold_axis(Axis(0), f64::NEG_INFINITY, |a, &v| a.max(v));
    println!("test minima {:.4}", lowest.slice(s![..4])); // may leave [0, 1]
    println!("test maxima {:.4}", highest.slice(s![..4]));
    // ANCHOR_END: min_max

    support::output_part("l2");
    // ANCHOR: l2
    let u = l2_normalise_rows(z.view()); // (442, 10) / (442, 1)
    let lengths = u.map_axis(Axis(1), |row| row.dot(&row).sqrt());
    println!("row lengths {:.4}", lengths.slice(s![..3]));
    let first = u.slice(s![..3, ..]);
    println!("cosines of rows 0-2:\n{:.4}", first.dot(&first.t()));
    // ANCHOR_END: l2

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
