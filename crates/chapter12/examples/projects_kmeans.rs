//! Project 2: k-means from scratch on iris and on a larger synthetic set,
//! next to linfa-clustering's KMeans; draws the elbow curve and the iris
//! clusters.

use chapter12::kmeans::{KMeansConfig, fit, synthetic_blobs};
use linfa::prelude::*;
use linfa_clustering::KMeans;
use ndarray::Array2;
use plotters::prelude::*;
use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::SeedableRng;
use support::plot;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("iris");
    // ANCHOR: iris
    let iris = support::data::load_iris()?;
    let config = KMeansConfig {
        k: 3,
        n_init: 10,
        seed: 1,
        ..Default::default()
    };
    let model = fit(iris.features.view(), config)?;
    println!(
        "inertia {:.4} after {} iterations",
        model.inertia, model.n_iter
    );
    let history: Vec<String> =
        model.history.iter().map(|v| format!("{v:.2}")).collect();
    println!("inertia per iteration: {}", history.join(" > "));
    println!("centroids:\n{:.3}", model.centroids);
    // ANCHOR_END: iris

    support::output_part("linfa");
    // ANCHOR: linfa
    let dataset = DatasetBase::from(iris.features.clone());
    let linfa_model =
        KMeans::params_with_rng(3, Xoshiro256PlusPlus::seed_from_u64(1))
            .n_runs(10)
            .fit(&dataset)?;
    let n = iris.features.nrows() as f64;
    println!(
        "linfa inertia() = {:.4} (a mean: × {n} = {:.4})",
        linfa_model.inertia(),
        linfa_model.inertia() * n
    );
    let labels = linfa_model.predict(&iris.features);
    let exact = chapter12::kmeans::inertia(
        iris.features.view(),
        labels.view(),
        linfa_model.centroids().view(),
    );
    println!("linfa's centroids, exact inertia = {exact:.4}");
    // ANCHOR_END: linfa

    support::output_part("elbow");
    // ANCHOR: elbow
    let blobs = synthetic_blobs(20_000, 16, 8);
    let mut elbow = Vec::new();
    for k in 1..=12 {
        let config = KMeansConfig {
            k,
            n_init: 3,
            seed: 3,
            ..Default::default()
        };
        let fitted = fit(blobs.view(), config)?;
        elbow.push((k, fitted.inertia / blobs.nrows() as f64));
    }
    for (k, inertia) in &elbow {
        println!("k = {k:>2}: inertia per point {inertia:>8.2}");
    }
    // ANCHOR_END: elbow
    let file = plot::draw_svg("chapter12", "kmeans_elbow.svg", |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "Elbow: 20000 points around 8 centres in 16-D",
                plot::caption_style(),
            )
            .margin(15)
            .x_label_area_size(45)
            .y_label_area_size(70)
            .build_cartesian_2d(0.5..12.5f64, 0.0..(elbow[0].1 * 1.05))?;
        chart
            .configure_mesh()
            .light_line_style(plot::GRID)
            .x_desc("number of clusters k")
            .y_desc("inertia per point")
            .axis_desc_style(plot::axis_label_style())
            .label_style(plot::tick_style())
            .draw()?;
        let points: Vec<(f64, f64)> =
            elbow.iter().map(|&(k, v)| (k as f64, v)).collect();
        plot::lines_with_markers(
            &mut chart,
            &[("k-means++, 3 restarts", points)],
        )?;
        Ok(())
    })?;
    println!("figure: {file}");
    let file = draw_clusters(&iris.features, &model.labels, &model.centroids)?;
    println!("figure: {file}");
    Ok(())
}

/// Petal length against petal width, each flower coloured by its cluster,
/// with the centroids as crosses.
fn draw_clusters(
    x: &Array2<f64>,
    labels: &ndarray::Array1<usize>,
    centroids: &Array2<f64>,
) -> Result<String, Box<dyn std::error::Error>> {
    plot::draw_svg("chapter12", "kmeans_iris.svg", |root| {
        let mut chart = ChartBuilder::on(root)
            .caption("k-means on iris (k = 3)", plot::caption_style())
            .margin(15)
            .x_label_area_size(45)
            .y_label_area_size(60)
            .build_cartesian_2d(0.5..7.5f64, 0.0..2.75f64)?;
        chart
            .configure_mesh()
            .light_line_style(plot::GRID)
            .x_desc("petal length (cm)")
            .y_desc("petal width (cm)")
            .axis_desc_style(plot::axis_label_style())
            .label_style(plot::tick_style())
            .draw()?;
        for (row, &l) in x.rows().into_iter().zip(labels) {
            let style = plot::color(l).mix(0.7).filled();
            chart.draw_series([Circle::new((row[2], row[3]), 4, style)])?;
        }
        for c in centroids.rows() {
            chart.draw_series([Cross::new(
                (c[2], c[3]),
                9,
                BLACK.stroke_width(3),
            )])?;
        }
        Ok(())
    })
}
