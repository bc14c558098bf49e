//! PCA of the iris measurements via the SVD of the centred data: explained
//! variance ratios, the components, and the 2-D projection (figure
//! `pca_iris.svg`).

use chapter09::pca::Pca;
use plotters::prelude::*;
use support::plot::{
    axis_label_style, caption_style, color, draw_legend, draw_svg, tick_style,
};

fn main() -> Result<(), support::Report> {
    // ANCHOR: pca
    let iris = support::data::load_iris()?;
    let pca = Pca::fit(iris.features.view(), 2)?;
    let projected = pca.transform(iris.features.view())?; // 150 x 2
    println!(
        "explained variance ratio: {:.8}",
        pca.explained_variance_ratio
    );
    println!("components (rows):\n{:.6}", pca.components);
    println!("first flower projected: {:.8}", projected.row(0));
    // ANCHOR_END: pca
    let name = draw_svg("chapter09", "pca_iris.svg", |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "Iris projected on its first two principal components",
                caption_style(),
            )
            .margin(12)
            .x_label_area_size(45)
            .y_label_area_size(60)
            .build_cartesian_2d(-4.0..4.5, -1.5..1.5)?;
        chart
            .configure_mesh()
            .x_desc(format!(
                "PC1 ({:.1}% of the variance)",
                100.0 * pca.explained_variance_ratio[0]
            ))
            .y_desc(format!(
                "PC2 ({:.1}%)",
                100.0 * pca.explained_variance_ratio[1]
            ))
            .axis_desc_style(axis_label_style())
            .label_style(tick_style())
            .draw()?;
        for (class, species) in iris.target_names.iter().enumerate() {
            let points = projected
                .rows()
                .into_iter()
                .zip(&iris.target)
                .filter(|&(_, &t)| t == class)
                .map(|(p, _)| (p[0], p[1]))
                .collect::<Vec<_>>();
            chart
                .draw_series(
                    points
                        .iter()
                        .map(|&p| Circle::new(p, 4, color(class).filled())),
                )?
                .label(*species)
                .legend(move |(x, y)| {
                    Circle::new((x + 8, y), 4, color(class).filled())
                });
        }
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })?;
    println!("figure: {name}");
    Ok(())
}
