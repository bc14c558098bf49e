//! Out-of-core statistics: a 96 MB file of 750,000 x 16 `f64`s, three times
//! a 32 MiB memory budget, standardised in 1 MiB chunks, next to the
//! in-memory version and a memory-mapped one, with the heap and resident
//! memory each needed.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;

use chapter13::mapped::map_file;
use chapter13::outofcore::{
    Residency, column_moments_chunked, column_moments_view,
    standardise_chunked, standardise_in_memory,
};
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use support::alloc::{CountingAllocator, measure_peak};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const ROWS: usize = 750_000;
const COLS: usize = 16;
const BUDGET_MIB: usize = 32;
const CHUNK_ROWS: usize = 8192; // 8192 x 16 x 8 bytes = 1 MiB

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir()
        .join(format!("scml-ch13-ooc-{}", std::process::id()));
    fs::create_dir_all(&dir)?;
    let result = run(&dir);
    fs::remove_dir_all(&dir)?;
    result
}

/// Writes the synthetic table chunk by chunk: column `j` is uniform with
/// mean `10 j` and a spread that grows with `j`.
fn write_table(path: &Path) -> std::io::Result<()> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(13);
    let mut out = BufWriter::new(File::create(path)?);
    for _ in 0..ROWS {
        for j in 0..COLS {
            let v = 10.0 * j as f64 + (1.0 + j as f64) * rng.r#gen::<f64>();
            out.write_all(&v.to_le_bytes())?;
        }
    }
    out.flush()
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn run(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let input = dir.join("table.f64");
    let output = dir.join("standardised.f64");
    write_table(&input)?;

    support::output_part("chunked");
    // ANCHOR: chunked
    let shape = (ROWS, COLS);
    let size = fs::metadata(&input)?.len() as usize;
    println!("file: {ROWS} x {COLS} f64 = {:.1} MiB", mib(size));
    println!("budget: {BUDGET_MIB} MiB, chunk: {CHUNK_ROWS} rows");
    let moments = standardise_chunked(&input, &output, shape, CHUNK_ROWS)?;
    let std = moments.std(0)?;
    for j in [0, 1, 15] {
        let (m, s) = (moments.mean[j], std[j]);
        println!("column {j:2}: mean {m:8.4}, std {s:.4}");
    }
    // The output, read back the same way, is standardised.
    let check = column_moments_chunked(&output, shape, CHUNK_ROWS)?;
    let worst_mean = check.mean.iter().fold(0.0_f64, |a, m| a.max(m.abs()));
    let worst_std = check
        .std(0)?
        .iter()
        .fold(0.0_f64, |a, s| a.max((s - 1.0).abs()));
    println!("output: |mean| {}", support::below(worst_mean, 1e-12));
    println!("        |std - 1| {}", support::below(worst_std, 1e-12));
    // ANCHOR_END: chunked

    support::output_part("compare");
    // ANCHOR: compare
    let in_memory = standardise_in_memory(&input, shape)?;
    let map = map_file(&output)?;
    let chunked = chapter13::mapped::view_raw_f64(&map, ROWS, COLS)?;
    let diff = (&in_memory - &chunked).mapv(f64::abs);
    let worst = diff.iter().fold(0.0_f64, |a, &d| a.max(d));
    println!(
        "chunked vs in-memory: largest difference {}",
        support::below(worst, 1e-11)
    );
    // ANCHOR_END: compare
    drop((in_memory, map));

    support::output_part("memory");
    // ANCHOR: memory
    let now = || Residency::now().ok_or("no /proc/self/status");
    println!(
        "{:<10} {:>10} {:>10} {:>10}",
        "", "peak heap", "RSS anon", "RSS file"
    );
    let row = |name: &str, heap: usize, a: Residency, b: Residency| {
        let grew = |x: u64, y: u64| y.saturating_sub(x) as f64 / 1024.0;
        println!(
            "{name:<10} {:>6.1} MiB {:>6.0} MiB {:>6.0} MiB",
            mib(heap),
            grew(a.anon_kib, b.anon_kib),
            grew(a.file_kib, b.file_kib)
        );
    };
    // Chunked: one reused 1 MiB buffer.
    let before = now()?;
    let (moments, heap) =
        measure_peak(|| column_moments_chunked(&input, shape, CHUNK_ROWS));
    row("chunked", heap, before, now()?);
    // Mapped: no heap, but every page read stays mapped while `map` lives.
    let before = now()?;
    let map = map_file(&input)?;
    let (mapped, heap) = measure_peak(|| {
        let x = chapter13::mapped::view_raw_f64(&map, ROWS, COLS)?;
        column_moments_view(x, CHUNK_ROWS)
    });
    row("mapped", heap, before, now()?);
    drop(map);
    // In memory: the whole file in one Array2, kept until the row is shown.
    let before = now()?;
    let (x, heap) =
        measure_peak(|| chapter13::outofcore::read_raw_f64(&input, shape));
    let x = x?;
    let in_memory = column_moments_view(x.view(), CHUNK_ROWS)?;
    row("in memory", heap, before, now()?);
    drop(x);
    // The same chunked merge over the same values: identical moments.
    let same = moments? == in_memory && mapped? == in_memory;
    println!("identical moments: {same}");
    // ANCHOR_END: memory
    Ok(())
}
