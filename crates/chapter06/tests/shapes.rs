//! NumPy's broadcasting rule as `shapes::broadcast_shape` computes it, on
//! the shapes of the chapter and of NumPy's broadcasting documentation.

use chapter06::BroadcastError;
use chapter06::shapes::{array_bytes, broadcast_shape};

#[test]
fn broadcast_shapes_follow_numpys_rule() {
    assert_eq!(
        broadcast_shape(&[2000, 1, 64], &[1, 1500, 64]).unwrap(),
        [2000, 1500, 64]
    );
    assert_eq!(broadcast_shape(&[4], &[4, 1]).unwrap(), [4, 4]);
    assert_eq!(
        broadcast_shape(&[8, 1, 6, 1], &[7, 1, 5]).unwrap(),
        [8, 7, 6, 5]
    );
    assert_eq!(
        broadcast_shape(&[4, 3], &[4]).unwrap_err(),
        BroadcastError::Incompatible {
            a: vec![4, 3],
            b: vec![4],
            axis: 0,
            len_a: 3,
            len_b: 4
        }
    );
    assert_eq!(array_bytes(&[2000, 1500, 64], 8), 1_536_000_000);
    assert_eq!(array_bytes(&[usize::MAX, 2], 8), usize::MAX);
}
