//! Hands-on: selecting from the Palmer penguins, real data with real
//! problems: missing measurements (NaN) and sexes (`None`), text categories,
//! and a top-k that must keep the missing values out.

use chapter03::filter::{complete_rows, equals, top_k};
use chapter03::mask::{rows_where_copy, true_indices};
use ndarray::{Array1, Axis, Zip};

fn main() -> Result<(), support::Report> {
    let penguins = support::data::load_penguins()?;
    let x = penguins.measurements.view();
    support::output_part("missing");
    // ANCHOR: missing
    let missing = x.mapv(f64::is_nan); // a 2-D mask: np.isnan(x)
    let per_column =
        missing.map_axis(Axis(0), |c| c.iter().filter(|&&m| m).count());
    println!("{} rows; missing per column: {per_column}", x.nrows());
    let complete = complete_rows(x); // ~np.isnan(x).any(axis=1)
    println!("incomplete rows: {:?}", true_indices((!&complete).view()));
    let sexed: Array1<bool> =
        penguins.sex.iter().map(Option::is_some).collect();
    let usable = &complete & &sexed; // measured and sexed
    let clean = rows_where_copy(x, usable.view())?; // x[usable]
    println!(
        "complete: {}, also sexed: {}",
        complete.iter().filter(|&&c| c).count(),
        clean.nrows()
    );
    // ANCHOR_END: missing

    support::output_part("flatten");
    // ANCHOR: flatten
    // A 2-D mask on a 2-D array keeps elements, not rows: x[~np.isnan(x)]
    let present: Array1<f64> = Zip::from(&x)
        .and(&missing)
        .fold(Vec::new(), |mut kept, &v, &m| {
            if !m {
                kept.push(v);
            }
            kept
        })
        .into();
    println!(
        "x[~np.isnan(x)]: shape {:?}, from {:?}",
        present.dim(),
        x.dim()
    );
    // ANCHOR_END: flatten

    support::output_part("categories");
    // ANCHOR: categories
    let kinds = ["Adelie", "Chinstrap", "Gentoo"];
    let count = |mask: &Array1<bool>| mask.iter().filter(|&&m| m).count();
    for name in ["Biscoe", "Dream", "Torgersen"] {
        let here = &equals(&penguins.island, name) & &complete;
        let counts: Vec<String> = kinds
            .iter()
            .map(|kind| {
                let n = count(&(&here & &equals(&penguins.species, kind)));
                format!("{kind}: {n}")
            })
            .collect();
        println!("{name:<9} {:>3}: {}", count(&here), counts.join(", "));
    }
    let gentoo = &equals(&penguins.species, "Gentoo") & &complete;
    let mass = rows_where_copy(x, gentoo.view())?.column(3).mean();
    println!("Gentoo mean mass: {:.1} g", mass.ok_or("no Gentoo")?);
    // ANCHOR_END: categories

    support::output_part("heaviest");
    // ANCHOR: heaviest
    let mass = x.column(3);
    let heaviest = top_k(mass, 5); // np.argsort(-mass, kind="stable")[:5]
    println!(
        "heaviest: rows {heaviest:?}, {}",
        mass.select(Axis(0), &heaviest)
    );
    // ANCHOR_END: heaviest
    Ok(())
}
