//! Masked statistics of the weekly CO2 series equal `np.ma`'s.

use chapter13::masked::{Masked, mean_of_present};
use ndarray::array;
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct NumpyMa {
    count: usize,
    mean: f64,
    std: f64,
    var_ddof1: f64,
    min: f64,
    max: f64,
    filled_head: Vec<f64>,
    years: Vec<i32>,
    year_means: Vec<f64>,
}

#[test]
fn masked_statistics_equal_numpy_ma() {
    let numpy: NumpyMa =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "masked").unwrap();
    let co2 = support::data::load_co2_weekly().unwrap();
    let x = Masked::masked_invalid(co2.ppm.view());
    assert_eq!(x.count(), numpy.count);
    // A sequential sum against NumPy's pairwise one: 1e-13 relative.
    assert_allclose(&[x.mean().unwrap()][..], &[numpy.mean][..], 1e-13, 0.0);
    assert_allclose(
        &[x.var(0).unwrap().sqrt()][..],
        &[numpy.std][..],
        1e-12,
        0.0,
    );
    assert_allclose(
        &[x.var(1).unwrap()][..],
        &[numpy.var_ddof1][..],
        1e-12,
        0.0,
    );
    assert_eq!(x.min_max(), Some((numpy.min, numpy.max)));
    assert_eq!(
        x.filled(-1.0).slice(ndarray::s![..20]).to_vec(),
        numpy.filled_head
    );
    for (year, expected) in numpy.years.iter().zip(&numpy.year_means) {
        let weeks: Vec<Option<f64>> = co2
            .dates
            .iter()
            .zip(&co2.ppm)
            .filter(|(d, _)| d.year == *year)
            .map(|(_, &v)| (!v.is_nan()).then_some(v))
            .collect();
        let mean = mean_of_present(&weeks).unwrap();
        assert_allclose(&[mean][..], &[*expected][..], 1e-13, 0.0);
    }
}

#[test]
fn fully_masked_statistics_are_none_not_nan() {
    let x = Masked::masked_invalid(array![f64::NAN, f64::INFINITY].view());
    assert_eq!((x.count(), x.mean(), x.var(0)), (0, None, None));
    assert_eq!(x.min_max(), None);
    let one = Masked::masked_invalid(array![2.0, f64::NAN].view());
    assert_eq!((one.var(0), one.var(1)), (Some(0.0), None));
    assert_eq!(mean_of_present(&[None, None]), None);
}
