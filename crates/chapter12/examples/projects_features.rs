//! Project 5: the feature-engineering functions on real data: one-hot
//! encoding and binning of the penguins, polynomial features of the
//! diabetes data (and what they do to a held-out score), lag features of the
//! sunspots.

use chapter12::features::{
    bin_uniform, lag_features, one_hot, polynomial_features,
};
use chapter12::linreg::{Standardiser, fit_closed_form, r2_score, split_every};
use ndarray::{Axis, s};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("encode");
    // ANCHOR: encode
    let penguins = support::data::load_penguins()?;
    let (islands, encoded) = one_hot(&penguins.island);
    println!("categories {islands:?}");
    println!("counts {}", encoded.sum_axis(Axis(0)));
    let mass = penguins.measurements.column(3);
    let known: Vec<f64> =
        mass.iter().copied().filter(|v| v.is_finite()).collect();
    let known = ndarray::Array1::from(known);
    let (edges, bins) = bin_uniform(known.view(), known.view(), 4)?;
    let mut counts = [0; 4];
    bins.iter().for_each(|&b| counts[b] += 1);
    println!("body-mass edges {edges:.0}, counts {counts:?}");
    // ANCHOR_END: encode

    support::output_part("polynomial");
    // ANCHOR: polynomial
    let data = support::data::load_diabetes()?;
    let (x_train, y_train, x_test, y_test) =
        split_every(data.features.view(), data.target.view(), 5)?;
    let scaler = Standardiser::fit(x_train.view())?;
    let (xs_train, xs_test) = (
        scaler.transform(x_train.view()),
        scaler.transform(x_test.view()),
    );
    for (name, degree, interaction_only) in [
        ("linear", 1, false),
        ("interactions", 2, true),
        ("degree 2", 2, false),
    ] {
        // Drop the bias column: the fit has its own intercept.
        let train =
            polynomial_features(xs_train.view(), degree, interaction_only)?;
        let test =
            polynomial_features(xs_test.view(), degree, interaction_only)?;
        let (train, test) = (train.slice(s![.., 1..]), test.slice(s![.., 1..]));
        let model = fit_closed_form(train, y_train.view())?;
        let r2_train = r2_score(y_train.view(), model.predict(train)?.view())?;
        let r2_test = r2_score(y_test.view(), model.predict(test)?.view())?;
        println!(
            "{name:<13} {:>2} features: R² train {r2_train:.3}, test {r2_test:.3}",
            train.ncols()
        );
    }
    // ANCHOR_END: polynomial

    support::output_part("lags");
    // ANCHOR: lags
    let sun = support::data::load_sunspots_yearly()?;
    let (lagged, target) = lag_features(sun.activity.view(), &[1, 2, 11])?;
    println!(
        "{} rows; the first (lags 1, 2, 11 of {}): {} -> {}",
        lagged.nrows(),
        sun.years[11],
        lagged.row(0),
        target[0]
    );
    // ANCHOR_END: lags
    Ok(())
}
