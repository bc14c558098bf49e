//! The hands-on pipeline: every step of the k-nearest-neighbour prediction
//! of digits, checked against the naive version. `cargo run --release
//! --example perf_knn -- naive` (or `-- fused`) runs that one step alone,
//! ten times over (enough samples for a profile), as the profiles in
//! `crates/chapter10/profile/` recorded it.

use chapter10::knn::{
    Knn, digits_split, predict_fused, predict_gemm, predict_layout,
    predict_naive, predict_select,
};
use chapter10::parallel::pool;
use ndarray::Array1;

/// One step, ten times, for a profiler.
fn profiled(
    split: &chapter10::knn::Split,
    step: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let (train, labels, test) = (
        split.train.view(),
        split.train_labels.view(),
        split.test.view(),
    );
    for _ in 0..10 {
        let p = match step {
            "naive" => predict_naive(train, labels, test, 5)?,
            "fused" => predict_fused(train, labels, test, 5)?,
            _ => return Err(format!("no step `{step}`").into()),
        };
        std::hint::black_box(p);
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("steps");
    // ANCHOR: steps
    let split = digits_split()?;
    let (train, labels, test) = (
        split.train.view(),
        split.train_labels.view(),
        split.test.view(),
    );
    let k = 5;
    if let Some(step) = std::env::args().nth(1) {
        profiled(&split, &step)?;
        return Ok(());
    }
    let naive = predict_naive(train, labels, test, k)?;
    let accuracy = |p: &Array1<usize>| {
        let hits = p.iter().zip(&split.test_labels).filter(|(a, b)| a == b);
        hits.count() as f64 / p.len() as f64
    };
    println!("train {:?}, test {:?}, k = {k}", train.dim(), test.dim());
    println!("naive accuracy: {:.4}", accuracy(&naive));

    let knn = Knn::fit(train, labels, k)?;
    let mut reused = Array1::zeros(test.nrows());
    let slice = reused.as_slice_mut().ok_or("contiguous")?;
    knn.predict_into(test, &mut knn.workspace(), slice)?;
    let mut parallel = Array1::zeros(test.nrows());
    let slice = parallel.as_slice_mut().ok_or("contiguous")?;
    pool(2)?.install(|| knn.predict_par_into(test, slice))?;
    let steps = [
        ("select", predict_select(train, labels, test, k)?),
        ("layout", predict_layout(train, labels, test, k)?),
        ("gemm", predict_gemm(train, labels, test, k)?),
        ("fused", predict_fused(train, labels, test, k)?),
        ("reuse", reused),
        ("parallel", parallel),
    ];
    for (name, predictions) in &steps {
        let same = predictions == naive;
        println!("{name:>8}: same labels as naive: {same}");
    }
    // ANCHOR_END: steps
    support::output_part("errors");
    // ANCHOR: errors
    let wrong = test.slice(ndarray::s![.., ..60]);
    println!("{:?}", predict_naive(train, labels, wrong, k));
    println!("{:?}", predict_naive(train, labels, test, 0));
    let mut short = [0usize; 10];
    println!(
        "{:?}",
        knn.predict_into(test, &mut knn.workspace(), &mut short)
    );
    // ANCHOR_END: errors
    Ok(())
}
