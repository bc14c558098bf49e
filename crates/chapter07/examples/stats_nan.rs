//! Missing values: NaN poisons a mean, ndarray-stats refuses to order it,
//! and the NaN-skipping versions play NumPy's `nanmean` and `nanmedian`.

use chapter07::describe::{Method, nanmean, nanmedian, quantile};
use ndarray::array;
use ndarray_stats::QuantileExt;

fn main() -> Result<(), support::Report> {
    support::output_part("nan");
    // ANCHOR: nan
    let x = array![2.0, f64::NAN, 5.0, 1.0, f64::NAN, 4.0];
    println!("mean:      {:?}", x.mean()); // NaN spreads through the sum
    println!("nanmean:   {:?}", nanmean(x.view()));
    println!("nanmedian: {:?}", nanmedian(x.view()));
    println!("min:       {:?}", x.min()); // no order with NaN: an Err
    println!("min_skipnan: {}", x.min_skipnan());
    match quantile(x.view(), 0.5, Method::Linear) {
        Ok(median) => println!("median: {median}"),
        Err(error) => println!("median: error: {error}"),
    }
    // ANCHOR_END: nan
    Ok(())
}
