//! The chapter's pitfalls, from real runs: an index past the end panics (with
//! the messages ndarray really prints in a release build, caught here), and a
//! negative step in `s![..]` walks the range from its end, unlike NumPy's.

use std::panic::{self, AssertUnwindSafe};

use ndarray::{Array1, Array2, Axis, Zip, s};

/// Runs `f`, and returns the message it panicked with, if it did.
fn panic_message(f: impl FnOnce()) -> Option<String> {
    let payload = panic::catch_unwind(AssertUnwindSafe(f)).err()?;
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned());
    Some(text.unwrap_or_else(|| "(no message)".into()))
}

// ANCHOR: fix
/// The first `n` rows of a freshly made table, returned as an owned array:
/// `slice_move` keeps the table's buffer instead of borrowing from it.
fn head(n: usize) -> Array2<f64> {
    let table = Array2::from_shape_fn((100, 4), |(i, j)| (4 * i + j) as f64);
    table.slice_move(s![..n.min(100), ..])
}
// ANCHOR_END: fix

fn main() -> Result<(), support::Report> {
    // Keep the default hook from printing each caught panic to stderr.
    panic::set_hook(Box::new(|_| {}));
    support::output_part("out_of_bounds");
    // ANCHOR: out_of_bounds
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (4 * i + j) as f64);
    let caught = [
        ("a[[3, 0]]", panic_message(|| println!("{}", a[[3, 0]]))),
        (
            "a.select(Axis(0), &[0, 5])",
            panic_message(|| println!("{}", a.select(Axis(0), &[0, 5]))),
        ),
        (
            "a.slice(s![..5, ..])",
            panic_message(|| println!("{}", a.slice(s![..5, ..]))),
        ),
        (
            "Zip of (3, 4) and (3, 1)",
            panic_message(|| {
                let b = Array2::<f64>::zeros((3, 1));
                Zip::from(&a).and(&b).for_each(|_, _| {});
            }),
        ),
    ];
    for (expression, message) in caught {
        let message = message.unwrap_or_default();
        println!("{expression:<27} panics: {message}");
    }
    println!("a.get((3, 0)) = {:?}", a.get((3, 0))); // the checked way
    println!("built with debug assertions: {}", cfg!(debug_assertions));
    // ANCHOR_END: out_of_bounds

    support::output_part("negative_step");
    // ANCHOR: negative_step
    let v = Array1::from_iter(0..10);
    for (info, expression) in [
        (s![..;-1], "s![..;-1]"),
        (s![..;-2], "s![..;-2]"),
        (s![2..8;-2], "s![2..8;-2]"),
        (s![1..;-2], "s![1..;-2]"),
        (s![..9;-2], "s![..9;-2]"),
    ] {
        let call = format!("v.slice({expression})");
        println!("{call:<21} = {}", v.slice(info));
    }
    // ANCHOR_END: negative_step

    support::output_part("fix");
    println!("head(2) =\n{}", head(2));
    Ok(())
}
