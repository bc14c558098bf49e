//! NumPy's broadcasting rule, written out: which shape two operands broadcast
//! to, or which axis stops them, with an error that names both shapes.

use std::fmt;

/// Two shapes that do not broadcast: the first axis (counted from the right,
/// as the rule aligns them) where the lengths differ and neither is 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "shapes {} and {} do not broadcast: axis {axis_from_right} from the right \
     has lengths {left_len} and {right_len}, and neither is 1",
    Shape(left),
    Shape(right)
)]
pub struct BroadcastError {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    /// 1 for the last axis, 2 for the one before it...
    pub axis_from_right: usize,
    pub left_len: usize,
    pub right_len: usize,
}

/// Prints a shape as NumPy does: `(3, 4)`, `(4,)`, `()`.
#[derive(Debug, Clone, Copy)]
pub struct Shape<'a>(pub &'a [usize]);

impl fmt::Display for Shape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            [n] => write!(f, "({n},)"),
            dims => {
                let dims: Vec<String> =
                    dims.iter().map(ToString::to_string).collect();
                write!(f, "({})", dims.join(", "))
            }
        }
    }
}

// ANCHOR: broadcast_shape
/// The shape `a` and `b` broadcast to (NumPy's `np.broadcast_shapes`):
/// align the shapes on the right, pad the shorter one with 1s on the left,
/// and on every axis take the longer length, if the other one is 1 or equal.
pub fn broadcast_shape(
    a: &[usize],
    b: &[usize],
) -> Result<Vec<usize>, BroadcastError> {
    let ndim = a.len().max(b.len());
    // Axis k from the right, or 1 where the shape has no such axis.
    let len_at = |shape: &[usize], k: usize| {
        shape.len().checked_sub(k).map_or(1, |i| shape[i])
    };
    let mut shape = vec![0; ndim];
    for k in 1..=ndim {
        let (m, n) = (len_at(a, k), len_at(b, k));
        shape[ndim - k] = match (m, n) {
            _ if m == n => m,
            (1, _) => n,
            (_, 1) => m,
            _ => {
                return Err(BroadcastError {
                    left: a.to_vec(),
                    right: b.to_vec(),
                    axis_from_right: k,
                    left_len: m,
                    right_len: n,
                });
            }
        };
    }
    Ok(shape)
}
// ANCHOR_END: broadcast_shape
