//! Tiling and repeating: NumPy's `np.tile` and `np.repeat` with `broadcast`
//! (a view with stride 0) followed by a copy, and why the copy is often not
//! needed at all.

use chapter05::restructure::describe;
use ndarray::{Axis, array};

fn main() -> Result<(), support::Report> {
    support::output_part("broadcast");
    // ANCHOR: broadcast
    let x = array![1, 2, 3];
    // np.broadcast_to(x, (4, 3)): a read-only view, stride 0 down the rows
    let view = x.broadcast((4, 3)).ok_or("cannot broadcast")?;
    println!("broadcast: {}", describe(&view));
    // np.tile(x, (4, 1)): the same, copied into memory of its own
    let tiled = view.to_owned();
    println!("to_owned:  {}\n{tiled}", describe(&tiled));
    // ANCHOR_END: broadcast

    support::output_part("tile_repeat");
    // ANCHOR: tile_repeat
    let m = array![[1, 2], [3, 4]];
    // np.tile(m, (1, 3)): whole copies of m side by side.
    // (2, 2) -> (2, 1, 2) -> broadcast (2, 3, 2) -> (2, 6)
    let across = m.view().insert_axis(Axis(1));
    let across = across.broadcast((2, 3, 2)).ok_or("cannot broadcast")?;
    println!("tile (1, 3):\n{}", across.to_shape((2, 6))?);
    // np.repeat(m, 3, axis=1): each element three times in a row.
    // (2, 2) -> (2, 2, 1) -> broadcast (2, 2, 3) -> (2, 6)
    let each = m.view().insert_axis(Axis(2));
    let each = each.broadcast((2, 2, 3)).ok_or("cannot broadcast")?;
    println!("repeat 3, axis 1:\n{}", each.to_shape((2, 6))?);
    // ANCHOR_END: tile_repeat
    Ok(())
}
