//! Arrays over memory-mapped files: a raw `f64` file and an `.npy` file
//! viewed in place (no copy), then every kind of bad file and its typed
//! error.

use std::fs;
use std::path::Path;

use chapter13::mapped::{
    MapError, map_file, view_npy_dyn, view_npy_f32_1d, view_npy_f64,
    view_raw_f64, write_raw_f64,
};
use ndarray::{Array2, Axis, array};
use support::alloc::{CountingAllocator, count_allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir()
        .join(format!("scml-ch13-mmap-{}", std::process::id()));
    fs::create_dir_all(&dir)?;
    let result = run(&dir);
    fs::remove_dir_all(&dir)?;
    result
}

/// Prints what a call returned, wrapping an error's message to the book's
/// width.
fn report(what: &str, result: Result<(), MapError>) {
    match result {
        Ok(()) => println!("{what}: no error"),
        Err(e) => {
            println!("{what}:");
            let mut line = String::from(" ");
            for word in e.to_string().split(' ') {
                if line.len() + word.len() > 76 {
                    println!("{line}");
                    line = String::from(" ");
                }
                line = format!("{line} {word}");
            }
            println!("{line}");
        }
    }
}

fn run(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("raw");
    // ANCHOR: raw
    // Four wines, three features: alcohol, malic acid, ash.
    let x: Array2<f64> = array![
        [14.23, 1.71, 2.43],
        [13.20, 1.78, 2.14],
        [13.16, 2.36, 2.67],
        [14.37, 1.95, 2.50],
    ];
    let path = dir.join("wine4.f64");
    write_raw_f64(&path, x.view())?; // x.astype('<f8').tofile(path)
    let map = map_file(&path)?;
    println!("file: {} bytes", map.len());
    // The view borrows the mapped pages: no heap allocation at all.
    let (view, seen) = count_allocations(|| view_raw_f64(&map, 4, 3));
    let view = view?;
    println!("view: shape {:?}, {seen}", view.dim());
    println!(
        "column means: {:.4}",
        view.mean_axis(Axis(0)).ok_or("empty")?
    );
    // ANCHOR_END: raw

    support::output_part("npy");
    // ANCHOR: npy
    let npy = dir.join("wine4.npy");
    ndarray_npy::write_npy(&npy, &x)?; // np.save(npy, x)
    let map = map_file(&npy)?;
    let view = view_npy_f64(&map)?; // np.load(npy, mmap_mode="r")
    let header = map.len() - view.len() * size_of::<f64>();
    println!("file: {} bytes, header {header} bytes", map.len());
    println!("view: shape {:?}, row 3 = {}", view.dim(), view.row(3));
    // ANCHOR_END: npy

    support::output_part("errors");
    // ANCHOR: errors
    let raw = fs::read(&path)?;
    // A raw file cut short: the length no longer matches the shape.
    let cut = dir.join("cut.f64");
    fs::write(&cut, &raw[..80])?;
    let map_cut = map_file(&cut)?;
    report("truncated raw", view_raw_f64(&map_cut, 4, 3).map(drop));
    // A wrong shape with the right length: 3 x 4 is 96 bytes too, and
    // nothing in a raw file can tell (the values are silently regrouped).
    let map_raw = map_file(&path)?;
    report("3 x 4 for 4 x 3", view_raw_f64(&map_raw, 3, 4).map(drop));
    // Bytes that do not start on an 8-byte boundary.
    report("misaligned", view_raw_f64(&map_raw[4..92], 1, 11).map(drop));
    // An .npy cut short, of the wrong dtype, of the wrong number of axes.
    let npy_bytes = fs::read(&npy)?;
    let cut_npy = dir.join("cut.npy");
    fs::write(&cut_npy, &npy_bytes[..npy_bytes.len() - 8])?;
    report(
        "truncated .npy",
        view_npy_f64(&map_file(&cut_npy)?).map(drop),
    );
    let f32_npy = dir.join("f32.npy");
    ndarray_npy::write_npy(&f32_npy, &x.mapv(|v| v as f32))?;
    let map_f32 = map_file(&f32_npy)?;
    report("f32 file as f64", view_npy_f64(&map_f32).map(drop));
    report("2-D file as 1-D", view_npy_f32_1d(&map_f32).map(drop));
    // A big-endian file ('>f8'): NumPy writes one with x.astype('>f8').
    let mut big = npy_bytes.clone();
    let at = big.windows(3).position(|w| w == b"<f8").ok_or("no '<f8'")?;
    big[at] = b'>';
    let big_npy = dir.join("big.npy");
    fs::write(&big_npy, &big)?;
    report(
        "big-endian .npy",
        view_npy_dyn(&map_file(&big_npy)?).map(drop),
    );
    // ANCHOR_END: errors
    Ok(())
}
