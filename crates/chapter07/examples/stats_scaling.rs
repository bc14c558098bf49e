//! Min-max, z-score and robust scaling of the wine data, fitted on the
//! training rows and applied to the test rows.

use chapter07::scaling::{fit_min_max, fit_robust, fit_standard};
use ndarray::Axis;

fn main() -> Result<(), support::Report> {
    let wine = support::load_wine()?;
    let x = &wine.features;
    support::output_part("fit_apply");
    // ANCHOR: fit_apply
    // Every 4th wine is held out as the test set.
    let test_rows: Vec<usize> = (0..x.nrows()).filter(|i| i % 4 == 0).collect();
    let train_rows: Vec<usize> =
        (0..x.nrows()).filter(|i| i % 4 != 0).collect();
    let train = x.select(Axis(0), &train_rows);
    let test = x.select(Axis(0), &test_rows);
    let proline = 12; // the feature with the largest values
    for (name, scaler) in [
        ("min-max", fit_min_max(train.view())?),
        ("z-score", fit_standard(train.view())?),
        ("robust", fit_robust(train.view())?),
    ] {
        // fitted on train only, then the same numbers applied to both
        let tr = scaler.transform(train.view())?.column(proline).to_owned();
        let te = scaler.transform(test.view())?.column(proline).to_owned();
        println!(
            "{name:>7}: train mean {:+.3} std {:.3} | test mean {:+.3} \
             std {:.3}",
            tr.mean().ok_or("empty")?,
            tr.std(0.0),
            te.mean().ok_or("empty")?,
            te.std(0.0),
        );
    }
    // ANCHOR_END: fit_apply

    Ok(())
}
