//! Integer overflow: what `+` does when the result does not fit (it depends on
//! the build profile), the methods that say what you want instead, and sums of
//! `u8` pixels.

use std::any::Any;
use std::hint::black_box;
use std::panic::catch_unwind;

use ndarray::array;

/// The text of a panic payload (`panic!` with a message gives a `&str` or a
/// `String`).
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text.to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "(no message)".to_string()
    }
}

fn main() -> Result<(), support::Report> {
    support::output_part("plain");
    // ANCHOR: plain
    // keep stderr quiet; we print the message
    std::panic::set_hook(Box::new(|_| {}));
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    // black_box: stop the compiler from rejecting 250 + 10
    let level = black_box(250_u8);
    match catch_unwind(|| level + 10) {
        Ok(value) => println!("{profile} build: 250_u8 + 10 = {value}"),
        Err(payload) => println!(
            "{profile} build: 250_u8 + 10 panicked: {}",
            panic_message(&*payload)
        ),
    }
    // ANCHOR_END: plain

    support::output_part("explicit");
    // ANCHOR: explicit
    // modulo 256, like NumPy arrays
    println!("wrapping_add:    {}", level.wrapping_add(10));
    // None on overflow
    println!("checked_add:     {:?}", level.checked_add(10));
    // clamps at u8::MAX
    println!("saturating_add:  {}", level.saturating_add(10));
    // (wrapped, overflowed?)
    println!("overflowing_add: {:?}", level.overflowing_add(10));
    // ANCHOR_END: explicit

    support::output_part("arrays");
    // ANCHOR: arrays
    let pixels = array![250_u8, 100, 5];
    println!(
        "pixels + 10, wrapping:   {}",
        pixels.mapv(|p| p.wrapping_add(10))
    );
    println!(
        "pixels + 10, saturating: {}",
        pixels.mapv(|p| p.saturating_add(10))
    );
    let checked: Option<Vec<u8>> =
        pixels.iter().map(|p| p.checked_add(10)).collect();
    println!("pixels + 10, checked:    {checked:?}");
    match catch_unwind(|| pixels.sum()) {
        Ok(total) => println!("pixels.sum() in u8:      {total}"),
        Err(payload) => println!(
            "pixels.sum() in u8 panicked: {}",
            panic_message(&*payload)
        ),
    }
    println!(
        "pixels.mapv(u32::from).sum(): {}",
        pixels.mapv(u32::from).sum()
    );
    // ANCHOR_END: arrays
    let _ = std::panic::take_hook(); // restore the default hook
    Ok(())
}
