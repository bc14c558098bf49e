//! What a broadcasting mismatch looks like at run time: the panic of an
//! operator, the `None` of `broadcast()`, the panic of `Zip`, and the error
//! of the chapter's own checked rule, each caught and printed.

use std::panic;
use std::sync::Mutex;

use chapter04::broadcast::broadcast_shape;
use ndarray::{Array1, Array2, Zip};

/// Where the last panic happened, as the panic hook saw it.
static LOCATION: Mutex<String> = Mutex::new(String::new());

/// `text` broken into lines of at most 76 columns, each indented by two
/// spaces (the book's listings are 80 columns wide).
fn wrap(text: &str) -> String {
    let mut lines = vec![String::from(" ")];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("never empty");
        if line.len() + 1 + word.len() > 78 && line.len() > 2 {
            lines.push(format!("  {word}"));
        } else {
            line.push(' ');
            line.push_str(word);
        }
    }
    lines.join("\n")
}

/// Runs `f`, which is expected to panic, and returns the panic's message and
/// the source file and line it names (from `ndarray-...` on: the part that
/// does not depend on where cargo keeps its downloads).
fn panic_message(f: impl FnOnce() + panic::UnwindSafe) -> String {
    match panic::catch_unwind(f) {
        Ok(()) => "(no panic)".to_owned(),
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| {
                    payload.downcast_ref::<&str>().map(|s| s.to_string())
                })
                .unwrap_or_else(|| "(a panic without a message)".to_owned());
            let location =
                LOCATION.lock().map(|l| l.clone()).unwrap_or_default();
            format!("{}\n  at {location}", wrap(&message))
        }
    }
}

fn main() {
    // The default hook would print each caught panic to stderr; this one
    // only remembers where it happened.
    panic::set_hook(Box::new(|info| {
        if let (Some(at), Ok(mut location)) = (info.location(), LOCATION.lock())
        {
            let file = at.file();
            let short = file.find("ndarray-").map_or(file, |i| &file[i..]);
            *location = format!("{short}:{}", at.line());
        }
    }));

    support::output_part("operator");
    // ANCHOR: operator
    let table = Array2::<f64>::zeros((3, 4));
    let per_row = Array1::<f64>::ones(3); // one value per row, as (3,)
    let message = panic_message(|| {
        let _ = &table + &per_row;
    });
    println!("&table + &per_row panicked:\n{message}");
    // ANCHOR_END: operator

    support::output_part("checked");
    // ANCHOR: checked
    // `broadcast` returns None instead of panicking...
    println!("per_row.broadcast((3, 4)): {:?}", per_row.broadcast((3, 4)));
    // ... and the chapter's rule names the axis that stops it.
    match broadcast_shape(table.shape(), per_row.shape()) {
        Ok(shape) => println!("broadcasts to {shape:?}"),
        Err(error) => println!("error:\n{}", wrap(&error.to_string())),
    }
    // The fix: make the per-row values a column, (3, 1).
    let column = per_row.view().insert_axis(ndarray::Axis(1));
    let fixed = &table + &column;
    println!("&table + &column: shape {:?}", fixed.shape());
    // ANCHOR_END: checked

    support::output_part("zip");
    // ANCHOR: zip
    let message = panic_message(|| {
        let mut out = Array2::<f64>::zeros((3, 4));
        let narrow = Array2::<f64>::ones((3, 1));
        Zip::from(&mut out).and(&narrow).for_each(|o, &x| *o = x);
    });
    println!("Zip of (3, 4) and (3, 1) panicked:\n{message}");
    // ANCHOR_END: zip

    support::output_part("inplace");
    // ANCHOR: inplace
    let message = panic_message(|| {
        let mut column = Array2::<f64>::zeros((3, 1));
        let row = Array1::<f64>::ones(4);
        column += &row; // the result would be (3, 4): no room in `column`
    });
    println!("column (3, 1) += row (4,) panicked:\n{message}");
    // ANCHOR_END: inplace
}
