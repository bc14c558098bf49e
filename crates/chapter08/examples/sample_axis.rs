//! Sampling rows of a real table with ndarray-rand's `sample_axis_using`,
//! with and without replacement, and the panic when asking for more rows
//! than there are without replacement.

use ndarray::Axis;
use ndarray_rand::{RandomExt, SamplingStrategy};
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

/// How many different rows `rows` holds (rows compared exactly).
fn distinct_rows(rows: &ndarray::Array2<f64>) -> usize {
    let mut keys: Vec<Vec<u64>> = rows
        .rows()
        .into_iter()
        .map(|r| r.iter().map(|v| v.to_bits()).collect())
        .collect();
    keys.sort();
    keys.dedup();
    keys.len()
}

fn main() -> Result<(), support::Report> {
    support::output_part("sample_axis");
    // ANCHOR: sample_axis
    let iris = support::data::load_iris()?.features; // 150 x 4
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
    let with = iris.sample_axis_using(
        Axis(0),
        150,
        SamplingStrategy::WithReplacement,
        &mut rng,
    );
    let without = iris.sample_axis_using(
        Axis(0),
        150,
        SamplingStrategy::WithoutReplacement,
        &mut rng,
    );
    println!(
        "distinct rows in iris itself:        {}",
        distinct_rows(&iris)
    );
    println!(
        "with replacement, 150 of 150 rows:   {}",
        distinct_rows(&with)
    );
    println!(
        "without replacement, 150 of 150:     {}",
        distinct_rows(&without)
    );
    // ANCHOR_END: sample_axis

    support::output_part("too_many");
    std::panic::set_hook(Box::new(|_| {}));
    // ANCHOR: too_many
    let caught = std::panic::catch_unwind(|| {
        iris.sample_axis_using(
            Axis(0),
            200,
            SamplingStrategy::WithoutReplacement,
            &mut Xoshiro256PlusPlus::seed_from_u64(3),
        )
    });
    if let Err(payload) = caught {
        let message = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()));
        println!("200 of 150 rows without replacement panics:\n{message:?}");
    }
    // ANCHOR_END: too_many
    Ok(())
}
