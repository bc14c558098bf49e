//! Draws the flame graph of the naive k-nearest-neighbour step (figure
//! `knn_naive_flamegraph.svg`) from the folded stacks committed in
//! `profile/knn_naive.folded`, and prints the functions that were on the
//! stack for the largest shares of the samples.

use chapter10::flame::{Frame, from_frame, inclusive_shares, layout, parse};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use support::plot::{FONT, color, draw_svg_sized};

/// The last path segment of a Rust name, closures and generics left out:
/// `core::slice::sort::stable::drift::sort` is drawn as `drift::sort`.
fn short(name: &str) -> String {
    let parts: Vec<&str> = name.split("::").collect();
    let tail = &parts[parts.len().saturating_sub(2)..];
    tail.join("::")
}

fn main() -> Result<(), support::Report> {
    // ANCHOR: read
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/profile/knn_naive.folded");
    let stacks = parse(&std::fs::read_to_string(path)?)?;
    let all: u64 = stacks.iter().map(|(_, n)| n).sum();
    // From the program's own `main` up (the runtime's frames left out).
    let stacks = from_frame(stacks, "perf_knn::main");
    let total: u64 = stacks.iter().map(|(_, n)| n).sum();
    println!("{total} of {all} samples in perf_knn::main; on the stack for");
    println!("at least 5% of them:");
    for (name, share) in inclusive_shares(&stacks) {
        if share >= 5.0 {
            println!("{share:5.1}%  {}", short(&name));
        }
    }
    // ANCHOR_END: read
    let frames: Vec<Frame> = layout(stacks);
    let depth = frames.iter().map(|f| f.depth).max().unwrap_or(0) + 1;
    let (width, row) = (900u32, 17u32);
    let height = 40 + row * depth as u32;
    let name = draw_svg_sized(
        "chapter10",
        "knn_naive_flamegraph.svg",
        (width, height),
        |root| {
            let title = TextStyle::from((FONT, 15).into_font());
            root.draw(&Text::new(
                "predict_naive: cpu-clock samples (x: share of samples)",
                (10, 8),
                title,
            ))?;
            let label = TextStyle::from((FONT, 11).into_font())
                .pos(Pos::new(HPos::Left, VPos::Center));
            let x = |s: u64| {
                5 + (s as f64 / total as f64 * f64::from(width - 10)) as i32
            };
            for f in &frames {
                let y1 = (height - 4 - row * f.depth as u32) as i32;
                let y0 = y1 - row as i32 + 1;
                let (x0, x1) = (x(f.start), x(f.start + f.samples));
                let hue = if f.name.starts_with("chapter10") {
                    5
                } else {
                    1
                };
                let fill =
                    color(hue).mix(0.35 + 0.5 * ((f.depth % 3) as f64 / 3.0));
                root.draw(&Rectangle::new(
                    [(x0, y0), (x1, y1)],
                    fill.filled(),
                ))?;
                root.draw(&Rectangle::new(
                    [(x0, y0), (x1, y1)],
                    WHITE.stroke_width(1),
                ))?;
                let text = short(&f.name);
                let room = ((x1 - x0) / 6) as usize;
                if room >= 4 {
                    let text: String = text.chars().take(room).collect();
                    root.draw(&Text::new(
                        text,
                        (x0 + 3, (y0 + y1) / 2),
                        label.clone(),
                    ))?;
                }
            }
            Ok(())
        },
    )?;
    println!("wrote {name}");
    Ok(())
}
