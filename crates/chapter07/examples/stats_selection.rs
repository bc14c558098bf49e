//! Inside the sampled bracket: what a sorted sample of 16384 values
//! predicts about the percentiles of 10 million, and how little of the data
//! is left to select from.

use chapter07::select::{
    brackets, percentiles_bracket, percentiles_select, splitmix_uniform,
};

fn main() -> Result<(), support::Report> {
    support::output_part("bracket");
    // ANCHOR: bracket
    let x = splitmix_uniform(10_000_000);
    let ps = [5.0, 50.0, 95.0];
    for (&p, (lo, hi)) in ps.iter().zip(brackets(&x, &ps)) {
        let below = x.iter().filter(|&&v| v < lo).count();
        let inside = x.iter().filter(|&&v| v >= lo && v <= hi).count();
        let rank = (x.len() - 1) as f64 * p / 100.0;
        let share = 100.0 * inside as f64 / x.len() as f64;
        println!(
            "p = {p}: bracket [{lo:.3}, {hi:.3}] keeps {inside} ({share:.1}%)"
        );
        println!("    ranks {below}..{} hold rank {rank:.2}", below + inside);
    }
    let by_bracket = percentiles_bracket(&x, &ps)?;
    let by_select = percentiles_select(&x, &ps)?;
    println!("bracket: {by_bracket:?}");
    println!("equal to select_nth_unstable: {}", by_bracket == by_select);
    // ANCHOR_END: bracket
    Ok(())
}
