//! Project 4: time series. Monthly CO₂ at Mauna Loa (smoothing,
//! differencing, seasonal decomposition) and yearly sunspots
//! (autocorrelation, an AR model and its forecast); draws the decomposition
//! and the forecast.

use chapter12::linreg::rmse;
use chapter12::timeseries::{
    autocorrelation, decompose, difference, exponential_smoothing, fit_ar,
    monthly_means, moving_average,
};
use ndarray::{Array1, s};
use plotters::prelude::*;
use support::plot;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("smoothing");
    // ANCHOR: smoothing
    let co2 = support::data::load_co2_weekly()?;
    let (start, monthly) = monthly_means(&co2.dates, co2.ppm.view())?;
    println!("{} months from {}-{:02}", monthly.len(), start.0, start.1);
    let yearly_average = moving_average(monthly.view(), 12)?;
    let smoothed = exponential_smoothing(monthly.view(), 0.3)?;
    let year_on_year = difference(monthly.view(), 12)?;
    println!(
        "first 12-month average {:.2}, last {:.2}",
        yearly_average[0],
        yearly_average[yearly_average.len() - 1]
    );
    println!(
        "smoothed (α = 0.3), last 3: {:.2}",
        smoothed.slice(s![-3..])
    );
    println!(
        "year-on-year growth: mean {:.3} ppm, last {:.2} ppm",
        year_on_year.mean().unwrap_or(f64::NAN),
        year_on_year[year_on_year.len() - 1]
    );
    // ANCHOR_END: smoothing

    support::output_part("decompose");
    // ANCHOR: decompose
    let parts = decompose(monthly.view(), 12)?;
    // Phase 0 is the first month of the series (March): rotate to January.
    let first_month = start.1 as usize - 1;
    let by_month: Array1<f64> = (0..12)
        .map(|m| parts.seasonal_index[(m + 12 - first_month) % 12])
        .collect();
    println!("seasonal index, January to December (ppm):\n{by_month:.2}");
    let residual_sd = parts.residual.std(0.0);
    println!(
        "trend {:.2} -> {:.2} ppm; residual sd {residual_sd:.3} ppm",
        parts.trend[0],
        parts.trend[parts.trend.len() - 1]
    );
    // ANCHOR_END: decompose
    let first_year = f64::from(start.0) + f64::from(start.1 - 1) / 12.0;
    let t = |i: usize| first_year + i as f64 / 12.0;
    let file = plot::draw_svg_sized(
        "chapter12",
        "co2_decomposition.svg",
        (720, 560),
        |root| {
            let panels = root.split_evenly((3, 1));
            let series: [(&str, Vec<(f64, f64)>); 3] = [
                (
                    "monthly CO₂ and its trend (ppm)",
                    monthly
                        .iter()
                        .enumerate()
                        .map(|(i, &v)| (t(i), v))
                        .collect(),
                ),
                (
                    "seasonal component (ppm)",
                    parts
                        .seasonal
                        .iter()
                        .enumerate()
                        .map(|(i, &v)| (t(i + parts.offset), v))
                        .collect(),
                ),
                (
                    "residual (ppm)",
                    parts
                        .residual
                        .iter()
                        .enumerate()
                        .map(|(i, &v)| (t(i + parts.offset), v))
                        .collect(),
                ),
            ];
            for (k, (panel, (title, points))) in
                panels.iter().zip(series).enumerate()
            {
                let lo =
                    points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
                let hi = points
                    .iter()
                    .map(|p| p.1)
                    .fold(f64::NEG_INFINITY, f64::max);
                let mut chart = ChartBuilder::on(panel)
                    .caption(title, plot::axis_label_style())
                    .margin(8)
                    .x_label_area_size(25)
                    .y_label_area_size(55)
                    .build_cartesian_2d(1958.0..2002.0f64, lo..hi)?;
                chart
                    .configure_mesh()
                    .light_line_style(plot::GRID)
                    .label_style(plot::tick_style())
                    .draw()?;
                chart.draw_series(LineSeries::new(
                    points,
                    plot::color(k).stroke_width(1),
                ))?;
                if k == 0 {
                    let trend = parts
                        .trend
                        .iter()
                        .enumerate()
                        .map(|(i, &v)| (t(i + parts.offset), v));
                    chart.draw_series(LineSeries::new(
                        trend,
                        BLACK.stroke_width(2),
                    ))?;
                }
            }
            Ok(())
        },
    )?;
    println!("figure: {file}");

    support::output_part("ar");
    // ANCHOR: ar
    let sun = support::data::load_sunspots_yearly()?;
    let acf = autocorrelation(sun.activity.view(), 12)?;
    println!("acf, lags 0..=6:  {:.2}", acf.slice(s![..7]));
    println!("acf, lags 7..=12: {:.2}", acf.slice(s![7..]));
    let split = sun.years.iter().position(|&y| y == 1980).ok_or("no 1980")?;
    let (train, test) = sun.activity.view().split_at(ndarray::Axis(0), split);
    let model = fit_ar(train, 9)?;
    println!(
        "AR(9): intercept {:.3}\nφ = {:.3}",
        model.intercept, model.coefs
    );
    let forecast = model.forecast(train, test.len())?;
    let mean_forecast =
        Array1::from_elem(test.len(), train.mean().unwrap_or(0.0));
    println!(
        "forecast 1980-2008: RMSE {:.2} (the training mean: {:.2})",
        rmse(test, forecast.view())?,
        rmse(test, mean_forecast.view())?
    );
    let path = model.simulate(train, test.len(), 42)?;
    let again = model.simulate(train, test.len(), 42)?;
    println!(
        "simulated path, seed 42: {:.1} ... (again: same = {})",
        path.slice(s![..4]),
        path == again
    );
    // ANCHOR_END: ar
    let year_list: Vec<f64> = sun.years.iter().map(|&y| f64::from(y)).collect();
    let years =
        |offset: usize, n: usize| year_list[offset..offset + n].to_vec();
    let file = plot::draw_svg("chapter12", "sunspot_forecast.svg", |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "AR(9) forecast of yearly sunspots from 1980",
                plot::caption_style(),
            )
            .margin(15)
            .x_label_area_size(45)
            .y_label_area_size(60)
            .build_cartesian_2d(1900.0..2009.0f64, 0.0..200.0f64)?;
        chart
            .configure_mesh()
            .light_line_style(plot::GRID)
            .x_desc("year")
            .y_desc("sunspot number")
            .axis_desc_style(plot::axis_label_style())
            .label_style(plot::tick_style())
            .draw()?;
        let observed = years(0, sun.years.len())
            .into_iter()
            .zip(sun.activity.iter().copied())
            .filter(|p| p.0 >= 1900.0);
        let lines = [
            ("observed", observed.collect::<Vec<_>>()),
            (
                "forecast",
                years(split, test.len())
                    .into_iter()
                    .zip(forecast.iter().copied())
                    .collect(),
            ),
            (
                "simulated, seed 42",
                years(split, test.len())
                    .into_iter()
                    .zip(path.iter().copied())
                    .collect(),
            ),
        ];
        for (i, (name, points)) in lines.into_iter().enumerate() {
            plot::labelled_line(&mut chart, i, name, points)?;
        }
        plot::draw_legend(&mut chart, SeriesLabelPosition::MiddleRight)?;
        Ok(())
    })?;
    println!("figure: {file}");
    Ok(())
}
