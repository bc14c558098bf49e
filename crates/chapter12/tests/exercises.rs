//! Runs every exercise solution with real values.

use chapter12::exercises::*;
use chapter12::kmeans::{KMeansConfig, fit};
use chapter12::linreg::{LinearModel, Standardiser, half_mse};
use ndarray::{Array1, Array2, array, s};
use support::fixtures::{array2, assert_allclose, load};

#[derive(serde::Deserialize)]
struct Projects {
    #[serde(deserialize_with = "array2")]
    median_crop: Array2<f64>,
    wine_purity_raw: f64,
    wine_purity_standardised: f64,
}

fn projects() -> Projects {
    load(env!("CARGO_MANIFEST_DIR"), "exercises_projects").unwrap()
}

#[test]
fn ex1_loss_gradient() {
    let x = array![[1.0, 2.0], [3.0, -1.0], [0.5, 0.0]];
    let y = array![1.0, 2.0, 4.0];
    let model = LinearModel {
        coef: array![0.5, -1.0],
        intercept: 0.25,
    };
    // Residuals: -2.25, 0.75, -3.5; xᵀr / 3 and Σr / 3 by hand.
    let (gw, gb) = loss_gradient(&model, x.view(), y.view()).unwrap();
    assert_allclose(&gw, &array![-1.75 / 3.0, -5.25 / 3.0], 1e-15, 0.0);
    assert!((gb - (-5.0 / 3.0)).abs() < 1e-15);
    // Central differences of the loss agree (a missing 1/n or a flipped
    // residual sign fails here too).
    let h = 1e-6;
    for j in 0..2 {
        let mut plus = model.clone();
        plus.coef[j] += h;
        let mut minus = model.clone();
        minus.coef[j] -= h;
        let numeric = (half_mse(&plus, x.view(), y.view())
            - half_mse(&minus, x.view(), y.view()))
            / (2.0 * h);
        assert!((numeric - gw[j]).abs() < 1e-6, "coefficient {j}");
    }
    assert!(loss_gradient(&model, x.view(), array![1.0].view()).is_err());
}

#[test]
fn ex2_median_filter3() {
    let photo = support::data::load_chelsea().unwrap();
    let gray =
        chapter12::imaging::grayscale(photo.slice(s![100..140, 200..260, ..]))
            .unwrap();
    let ours = median_filter3(gray.view()).unwrap();
    // A median picks one of the inputs: equal to scipy.ndimage's exactly.
    assert_eq!(ours, projects().median_crop);
    // A salt pixel disappears (a mean filter would keep a trace of it).
    let mut salt = Array2::<f64>::zeros((3, 3));
    salt[[1, 1]] = 255.0;
    assert_eq!(median_filter3(salt.view()).unwrap(), array![[0.0]]);
    assert!(median_filter3(Array2::<f64>::zeros((2, 5)).view()).is_err());
}

#[test]
fn ex3_seasonal_naive() {
    let x = Array1::from_iter((0..10).map(f64::from));
    // The last period is 7, 8, 9: forecasts repeat it.
    let forecast = seasonal_naive(x.view(), 3, 7).unwrap();
    assert_eq!(forecast, array![7.0, 8.0, 9.0, 7.0, 8.0, 9.0, 7.0]);
    assert!(seasonal_naive(x.view(), 11, 2).is_err());
    assert!(seasonal_naive(x.view(), 0, 2).is_err());
}

#[test]
fn ex4_purity() {
    // Cluster 0 holds classes 0, 0, 1; cluster 1 holds 1, 2, 2, 2: purity
    // (2 + 3) / 7. Per class instead of per cluster it would be 6 / 7.
    let clusters = array![0, 0, 0, 1, 1, 1, 1];
    let classes = array![0, 0, 1, 1, 2, 2, 2];
    let p = purity(clusters.view(), classes.view(), 2, 3).unwrap();
    assert!((p - 5.0 / 7.0).abs() < 1e-15);
    assert!(purity(array![0, 3].view(), array![0, 1].view(), 2, 2).is_err());
    // The experiment: k-means on the wine data finds the cultivars only
    // once the features are standardised, as scikit-learn's KMeans does.
    let wine = support::data::load_wine().unwrap();
    let config = KMeansConfig {
        k: 3,
        n_init: 10,
        seed: 0,
        ..Default::default()
    };
    let raw = fit(wine.features.view(), config).unwrap();
    let scaled_x = Standardiser::fit(wine.features.view())
        .unwrap()
        .transform(wine.features.view());
    let scaled = fit(scaled_x.view(), config).unwrap();
    let sk = projects();
    let raw_purity =
        purity(raw.labels.view(), wine.target.view(), 3, 3).unwrap();
    let scaled_purity =
        purity(scaled.labels.view(), wine.target.view(), 3, 3).unwrap();
    assert!((raw_purity - sk.wine_purity_raw).abs() < 0.02);
    assert!((scaled_purity - sk.wine_purity_standardised).abs() < 0.02);
}

// The neural network project (capstone, ch12-neural-network.md).

#[test]
fn ex5_fashion_mnist_accuracy() {
    // The recipe reaches 0.81 (324 of 400 test images); pixels divided by
    // 16 as the digits' are reach 0.7925, pixels left at 0..=255 0.76.
    let acc = fashion_mnist_accuracy(15).expect("the data loads");
    assert!(acc >= 0.80, "test accuracy {acc}");
    assert!(acc <= 1.0);
}

#[test]
fn ex6_dropout() {
    let mut a = ndarray::Array2::<f64>::ones((200, 50));
    let mask = dropout(&mut a, 0.3, 7).expect("0.3 is a rate");
    assert_eq!(a, mask, "a of ones times the mask is the mask");
    let dropped = a.iter().filter(|&&v| v == 0.0).count() as f64 / 1e4;
    // 10000 draws: the dropped share is 0.3 +- 0.014 (3 sigma); a rate
    // read as the keep probability drops 0.7.
    assert!((dropped - 0.3).abs() < 0.014, "dropped {dropped}");
    // The survivors are scaled by 1 / (1 - 0.3): unscaled ones fail.
    assert!(a.iter().all(|&v| v == 0.0 || v == 1.0 / 0.7));
    assert!((a.mean().expect("not empty") - 1.0).abs() < 0.03);
    // Element i (row-major) is dropped exactly when draw i of stream 7 is
    // below the rate, as the signature's comment says.
    let mut stream = chapter12::nn::Stream::new(7, 0);
    assert!(mask.iter().all(|&m| (m == 0.0) == (stream.uniform() < 0.3)));
    // The same seed drops the same elements; rate 0 keeps everything.
    let mut again = ndarray::Array2::<f64>::ones((200, 50));
    assert_eq!(dropout(&mut again, 0.3, 7).expect("a rate"), mask);
    let mut kept = ndarray::Array2::<f64>::ones((3, 4));
    dropout(&mut kept, 0.0, 7).expect("0 is a rate");
    assert!(kept.iter().all(|&v| v == 1.0));
    for bad in [1.0, -0.1, f64::NAN] {
        let err = dropout(&mut kept, bad, 7);
        assert!(
            matches!(err, Err(chapter12::nn::NnError::Hyperparameter { .. })),
            "rate {bad}"
        );
    }
}

#[test]
fn ex7_cosine_lr() {
    let lr = |e| cosine_lr(1e-2, 1e-4, e, 50).expect("0 <= e <= 50");
    assert!((lr(0) - 1e-2).abs() < 1e-15);
    // Halfway, the mean of base and floor; dividing by epochs - 1 (49)
    // instead gives 0.00489..., forgetting the floor 0.005.
    assert!((lr(25) - 0.00505).abs() < 1e-12, "{}", lr(25));
    assert!((lr(50) - 1e-4).abs() < 1e-15, "{}", lr(50));
    assert!((1..=50).all(|e| lr(e) < lr(e - 1)), "falls every epoch");
    assert!(cosine_lr(1e-2, 1e-4, 51, 50).is_err());
    assert!(cosine_lr(1e-2, 1e-4, 0, 0).is_err());
}
