//! Runs every exercise solution with real values.

use chapter12::exercises::*;
use ndarray::array;

#[test]
fn ex1_sum_of_squares() {
    // 1 + 4 + 9 = 14: a plain sum (6) or the square of the sum (36) fails.
    assert_eq!(sum_of_squares(array![1.0, 2.0, 3.0].view()), 14.0);
}

// The neural network project (capstone, ch12-neural-network.md).

#[test]
fn ex7_fashion_mnist_accuracy() {
    // The recipe reaches 0.81 (324 of 400 test images); pixels divided by
    // 16 as the digits' are reach 0.7925, pixels left at 0..=255 0.76.
    let acc = fashion_mnist_accuracy(15).expect("the data loads");
    assert!(acc >= 0.80, "test accuracy {acc}");
    assert!(acc <= 1.0);
}

#[test]
fn ex8_dropout() {
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
    // The same seed drops the same elements; rate 0 keeps everything.
    let mut again = ndarray::Array2::<f64>::ones((200, 50));
    assert_eq!(dropout(&mut again, 0.3, 7).expect("a rate"), mask);
    let mut kept = ndarray::Array2::<f64>::ones((3, 4));
    dropout(&mut kept, 0.0, 7).expect("0 is a rate");
    assert!(kept.iter().all(|&v| v == 1.0));
    for bad in [1.0, -0.1, f64::NAN] {
        assert!(dropout(&mut kept, bad, 7).is_err(), "rate {bad}");
    }
}

#[test]
fn ex9_cosine_lr() {
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
