//! Every step of the hands-on returns the naive version's labels, which are
//! NumPy's (fixture `knn.json`), and bad input is a typed error.

use chapter10::knn::{
    Knn, KnnError, digits_split, predict_fused, predict_gemm, predict_layout,
    predict_naive, predict_select,
};
use chapter10::parallel::pool;
use ndarray::{Array1, Array2, array};

#[derive(serde::Deserialize)]
struct Reference {
    predicted: Vec<usize>,
    accuracy: f64,
}

#[test]
fn every_step_agrees_with_numpy() {
    let numpy: Reference =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "knn").unwrap();
    let s = digits_split().unwrap();
    let (train, labels, test) =
        (s.train.view(), s.train_labels.view(), s.test.view());
    let naive = predict_naive(train, labels, test, 5).unwrap();
    // `==`: whole-number distances are exact on every path, and ties are
    // broken the same way (earlier training row, smaller label).
    assert_eq!(naive.to_vec(), numpy.predicted);
    let hits = naive.iter().zip(&s.test_labels).filter(|(a, b)| a == b);
    assert_eq!(hits.count() as f64 / 360.0, numpy.accuracy);
    for step in [predict_select, predict_layout, predict_gemm, predict_fused] {
        assert_eq!(step(train, labels, test, 5).unwrap(), naive);
    }
    let knn = Knn::fit(train, labels, 5).unwrap();
    let mut out = vec![0; test.nrows()];
    knn.predict_into(test, &mut knn.workspace(), &mut out)
        .unwrap();
    assert_eq!(out, naive.to_vec());
    let mut par = vec![0; test.nrows()];
    pool(2)
        .unwrap()
        .install(|| knn.predict_par_into(test, &mut par))
        .unwrap();
    assert_eq!(par, naive.to_vec());
}

#[test]
fn ties_go_to_the_earlier_row_and_the_smaller_label() {
    // Two training points at the same distance from the test point: k = 1
    // takes the first (label 7); k = 2 is a tied vote, won by label 3.
    let train = array![[1.0, 0.0], [-1.0, 0.0], [5.0, 5.0]];
    let labels = array![7, 3, 0];
    let test = array![[0.0, 0.0]];
    type Step = fn(
        ndarray::ArrayView2<'_, f64>,
        ndarray::ArrayView1<'_, usize>,
        ndarray::ArrayView2<'_, f64>,
        usize,
    ) -> Result<Array1<usize>, KnnError>;
    let steps: [Step; 5] = [
        predict_naive,
        predict_select,
        predict_layout,
        predict_gemm,
        predict_fused,
    ];
    for step in steps {
        let (t, l, x) = (train.view(), labels.view(), test.view());
        assert_eq!(step(t, l, x, 1).unwrap(), array![7]);
        assert_eq!(step(t, l, x, 2).unwrap(), array![3]);
    }
}

#[test]
fn blocks_cover_every_test_row() {
    // 70 test rows: two full blocks of 32 and one of 6.
    let s = digits_split().unwrap();
    let (train, labels) = (s.train.view(), s.train_labels.view());
    let test = s.test.slice(ndarray::s![..70, ..]);
    let naive = predict_naive(train, labels, test, 3).unwrap();
    assert_eq!(predict_fused(train, labels, test, 3).unwrap(), naive);
    let knn = Knn::fit(train, labels, 3).unwrap();
    let mut out = vec![usize::MAX; 70];
    pool(2)
        .unwrap()
        .install(|| knn.predict_par_into(test, &mut out))
        .unwrap();
    assert_eq!(out, naive.to_vec());
}

#[test]
fn bad_input_is_an_error() {
    let train = Array2::<f64>::zeros((3, 2));
    let labels = array![0, 1, 2];
    let test = Array2::<f64>::zeros((1, 2));
    let (t, l, x) = (train.view(), labels.view(), test.view());
    assert_eq!(predict_naive(t, l, x, 0), Err(KnnError::ZeroK));
    assert_eq!(
        predict_gemm(t, l, x, 4),
        Err(KnnError::KTooLarge { k: 4, n_train: 3 })
    );
    let empty = Array2::<f64>::zeros((0, 2));
    let none = Array1::<usize>::zeros(0);
    assert_eq!(
        predict_fused(empty.view(), none.view(), x, 1),
        Err(KnnError::EmptyTraining)
    );
    let wide = Array2::<f64>::zeros((1, 3));
    assert_eq!(
        predict_layout(t, l, wide.view(), 1),
        Err(KnnError::Features { train: 2, test: 3 })
    );
    assert_eq!(
        predict_select(t, array![0, 1].view(), x, 1),
        Err(KnnError::Labels {
            n_train: 3,
            n_labels: 2
        })
    );
    let knn = Knn::fit(t, l, 1).unwrap();
    assert_eq!(
        knn.predict_into(x, &mut knn.workspace(), &mut []),
        Err(KnnError::Output {
            n_test: 1,
            n_out: 0
        })
    );
}
