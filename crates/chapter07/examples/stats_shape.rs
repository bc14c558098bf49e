//! The shape of a distribution (skewness and kurtosis, with SciPy's
//! conventions), a weighted mean, and the most common value.

use chapter07::describe::{mode, skew_kurtosis, weighted_mean};
use ndarray::{Array1, array};

fn main() -> Result<(), support::Report> {
    let wine = support::load_wine()?;
    let (x, names) = (&wine.features, &wine.feature_names);

    support::output_part("moments");
    // ANCHOR: moments
    for j in [1, 9, 12] {
        // malic_acid, color_intensity, proline
        let (skew, excess) = skew_kurtosis(x.column(j))?;
        println!(
            "{:<16} skew {skew:6.3}  excess kurtosis {excess:6.3}",
            names[j]
        );
    }
    // ANCHOR_END: moments

    support::output_part("weighted");
    // ANCHOR: weighted
    // The mean alcohol of each class, weighted by the class sizes, is the
    // mean alcohol of all 178 wines.
    let mut sums = Array1::<f64>::zeros(3);
    let mut counts = Array1::<f64>::zeros(3);
    for (&value, &class) in x.column(0).iter().zip(&wine.target) {
        sums[class] += value;
        counts[class] += 1.0;
    }
    let class_means = &sums / &counts;
    println!("class means {class_means:.3}, sizes {counts}");
    let weighted = weighted_mean(class_means.view(), counts.view())?;
    let overall = x.column(0).mean().ok_or("no wines")?;
    println!("weighted mean of class means {weighted:.6}");
    println!("mean of all wines            {overall:.6}");
    let zero = weighted_mean(class_means.view(), array![1.0, -1.0, 0.0].view());
    println!("weights summing to 0: {}", zero.unwrap_err());
    // ANCHOR_END: weighted

    support::output_part("mode");
    // ANCHOR: mode
    let (value, count) = mode(x.column(4))?; // magnesium, whole numbers
    println!("magnesium: mode {value}, {count} wines");
    let tie = array![3.0, 1.0, 3.0, 1.0, 2.0]; // 1 and 3 twice each
    println!("tie: {:?}", mode(tie.view())?);
    // ANCHOR_END: mode
    Ok(())
}
