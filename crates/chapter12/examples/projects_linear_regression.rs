//! Project 1: linear regression on the diabetes data, in closed form and by
//! gradient descent, scored on held-out patients; draws the loss curves of
//! four learning rates.

use chapter12::linreg::{
    GdConfig, Standardiser, fit_closed_form, fit_gradient_descent, r2_score,
    rmse, split_every,
};
use ndarray::s;
use plotters::prelude::*;
use support::plot;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("closed_form");
    // ANCHOR: closed_form
    let data = support::data::load_diabetes()?;
    let (x_train, y_train, x_test, y_test) =
        split_every(data.features.view(), data.target.view(), 5)?;
    let model = fit_closed_form(x_train.view(), y_train.view())?;
    let prediction = model.predict(x_test.view())?;
    println!(
        "train {} rows, test {} rows",
        x_train.nrows(),
        x_test.nrows()
    );
    println!("coef[..5] = {:.4}", model.coef.slice(s![..5]));
    println!("coef[5..] = {:.4}", model.coef.slice(s![5..]));
    println!("intercept = {:.4}", model.intercept);
    let r2 = r2_score(y_test.view(), prediction.view())?;
    let error = rmse(y_test.view(), prediction.view())?;
    println!("test R² = {r2:.4}, RMSE = {error:.2}");
    // ANCHOR_END: closed_form

    support::output_part("gradient_descent");
    // ANCHOR: gradient_descent
    let scaler = Standardiser::fit(x_train.view())?;
    let xs_train = scaler.transform(x_train.view());
    let xs_test = scaler.transform(x_test.view());
    let runs = [(0.01, None), (0.1, None), (0.5, None), (0.02, Some(32))];
    let mut curves = Vec::new();
    for (rate, batch) in runs {
        let config = GdConfig {
            learning_rate: rate,
            epochs: 200,
            batch_size: batch,
            seed: 7,
        };
        let fit =
            fit_gradient_descent(xs_train.view(), y_train.view(), config)?;
        let raw = scaler.unscale(&fit.model); // back to raw units
        let gap =
            (&raw.coef - &model.coef).fold(0.0_f64, |m, v| m.max(v.abs()));
        let pred = fit.model.predict(xs_test.view())?;
        let test = rmse(y_test.view(), pred.view())?;
        let name = match batch {
            None => format!("batch η={rate}"),
            Some(b) => format!("mini-batch {b} η={rate}"),
        };
        let last = fit.losses[fit.losses.len() - 1];
        if last > 1e6 {
            println!("{name:<20} diverged: loss {last:.0e} after 200 epochs");
        } else {
            println!(
                "{name:<20} loss {last:>7.2}  test RMSE {test:>6.2}  \
                      max |w − w*| {gap:>6.3}"
            );
        }
        curves.push((name, fit.losses));
    }
    // ANCHOR_END: gradient_descent
    let file = plot::draw_svg("chapter12", "gd_learning_rates.svg", |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "Gradient descent on the diabetes data",
                plot::caption_style(),
            )
            .margin(15)
            .x_label_area_size(45)
            .y_label_area_size(70)
            .build_cartesian_2d(
                1..200usize,
                (1000.0..20000.0f64).log_scale(),
            )?;
        chart
            .configure_mesh()
            .light_line_style(plot::GRID)
            .x_desc("epoch")
            .y_desc("training loss (half the MSE)")
            .axis_desc_style(plot::axis_label_style())
            .label_style(plot::tick_style())
            .draw()?;
        for (i, (name, losses)) in curves.iter().enumerate() {
            let points = losses
                .iter()
                .enumerate()
                .map(|(e, &l)| (e + 1, l.clamp(1000.0, 20000.0)));
            plot::labelled_line(&mut chart, i, name, points)?;
        }
        plot::draw_legend(&mut chart, SeriesLabelPosition::MiddleRight)?;
        Ok(())
    })?;
    println!("figure: {file}");
    Ok(())
}
