//! The hands-on's selections on the Palmer penguins agree with NumPy
//! (`tests/fixtures/penguins.py`). Masks, copies and orders: `==`
//! throughout.

use chapter03::filter::{complete_rows, equals, top_k};
use chapter03::mask::rows_where_copy;
use ndarray::{Array1, Array2, array};
use support::fixtures::array2;

#[derive(serde::Deserialize)]
struct NumPy {
    missing_per_column: Vec<usize>,
    complete: Vec<bool>,
    #[serde(deserialize_with = "array2")]
    usable_rows: Array2<f64>,
    present: Vec<f64>,
    counts: Vec<Vec<usize>>,
    heaviest: Vec<usize>,
    descending_all: Vec<usize>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "penguins").unwrap()
}

fn count(mask: &Array1<bool>) -> usize {
    mask.iter().filter(|&&m| m).count()
}

#[test]
fn missing_values_and_complete_rows() {
    let numpy = numpy();
    let penguins = support::data::load_penguins().unwrap();
    let x = penguins.measurements.view();
    let missing: Vec<usize> = x
        .columns()
        .into_iter()
        .map(|c| c.iter().filter(|v| v.is_nan()).count())
        .collect();
    assert_eq!(missing, numpy.missing_per_column);
    let complete = complete_rows(x);
    assert_eq!(complete.to_vec(), numpy.complete);
    let sexed: Array1<bool> =
        penguins.sex.iter().map(Option::is_some).collect();
    let usable = rows_where_copy(x, (&complete & &sexed).view()).unwrap();
    assert_eq!(usable, numpy.usable_rows);
    let present: Vec<f64> = x.iter().copied().filter(|v| !v.is_nan()).collect();
    assert_eq!(present, numpy.present);
    // A row with one NaN among numbers is incomplete, not only all-NaN rows.
    let partly = array![[1.0, f64::NAN], [2.0, 3.0]];
    assert_eq!(complete_rows(partly.view()).to_vec(), vec![false, true]);
}

#[test]
fn masks_from_text_columns() {
    let numpy = numpy();
    let penguins = support::data::load_penguins().unwrap();
    let complete = complete_rows(penguins.measurements.view());
    for (i, island) in ["Biscoe", "Dream", "Torgersen"].iter().enumerate() {
        let here = &equals(&penguins.island, island) & &complete;
        for (k, kind) in ["Adelie", "Chinstrap", "Gentoo"].iter().enumerate() {
            let both = &here & &equals(&penguins.species, kind);
            assert_eq!(count(&both), numpy.counts[i][k], "{island}, {kind}");
        }
    }
}

#[test]
fn heaviest_keeps_ties_in_order_and_nan_last() {
    let numpy = numpy();
    let x = support::data::load_penguins().unwrap().measurements;
    assert_eq!(top_k(x.column(3), 5), numpy.heaviest);
    assert_eq!(top_k(x.column(3), 1000), numpy.descending_all);
}
