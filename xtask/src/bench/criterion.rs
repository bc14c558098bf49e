//! The Rust side: running one bench file with a progress line per benchmark, and reading the medians
//! criterion wrote (`<CRITERION_HOME>/<group>/<impl>/<size>/new/{benchmark,estimates}.json`).

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;

use super::table::{Measurement, Side, Spread, Throughput, format_time};
use super::{Run, stamp, stdout_of};
use crate::util;

/// `cargo bench -q -p <chapter> --bench <bench> -- <args>` with the threads pinned and the
/// run's Rust-only variables set.
fn bench_command(run: &Run, chapter: &str, bench: &str) -> Command {
    let mut cmd = util::cargo();
    cmd.current_dir(&run.root)
        .args(["bench", "-q", "-p", chapter, "--bench", bench, "--"])
        .envs(run.rust_env.iter().map(|(k, v)| (k, v)));
    cmd
}

/// The benchmark ids of one bench file, in the order criterion runs them (`-- --list`).
pub fn list(run: &Run, chapter: &str, bench: &str) -> Result<Vec<String>> {
    let what = format!("`cargo bench -p {chapter} --bench {bench} -- --list`");
    let listed = stdout_of(&what, bench_command(run, chapter, bench).arg("--list"))?;
    Ok(parse_list(&listed))
}

/// Ids from criterion's `--list` output (`<id>: benchmark` lines).
pub fn parse_list(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.strip_suffix(": benchmark"))
        .map(str::to_owned)
        .collect()
}

/// Runs one bench file, with criterion writing under `home`, printing a progress line as
/// each benchmark finishes and keeping criterion's whole output in `log`; returns its results
/// (see [`read_results`]).
pub fn run(
    run: &Run,
    chapter: &str,
    bench: &str,
    ids: &[String],
    home: &Path,
    log: &Path,
) -> Result<Vec<Measurement>> {
    let mut child = bench_command(run, chapter, bench)
        .arg("--noplot")
        .args(run.options.quick.then_some("--quick"))
        .env("CRITERION_HOME", home)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting the benchmarks of {chapter}/{bench}"))?;
    let log =
        Mutex::new(fs::File::create(log).with_context(|| format!("creating {}", log.display()))?);
    let stdout = child.stdout.take().expect("stdout is piped");
    let stderr = child.stderr.take().expect("stderr is piped");
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = writeln!(log.lock().expect("log lock"), "{line}");
                // Criterion's status lines are noise here; warnings and panics are not.
                if !line.starts_with("Benchmarking ") && !line.trim().is_empty() {
                    eprintln!("      {line}");
                }
            }
        });
        let mut previous = String::new();
        let mut done = 0;
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = writeln!(log.lock().expect("log lock"), "{line}");
            if let Some((id, estimate)) = finished_benchmark(&line, &previous) {
                done += 1;
                // Criterion saved the estimates just before printing: show the median the
                // table will use (criterion's own line shows its slope or mean estimate).
                let estimate = fs::read_to_string(home.join(&id).join("new/estimates.json"))
                    .ok()
                    .and_then(|json| parse_median(&json).ok())
                    .map_or(estimate, |(s, _)| format!("median {}", format_time(s)));
                eprintln!(
                    "  {} {chapter}/{bench} [{done}/{}] {id}: {estimate}",
                    stamp(run.started),
                    ids.len()
                );
            }
            if !line.trim().is_empty() {
                previous = line;
            }
        }
    });
    let status = child.wait()?;
    if !status.success() {
        bail!("the benchmarks of {chapter}/{bench} failed ({status})");
    }
    read_results(home, ids)
}

/// Recognises criterion's result line, `<id>   time:   [low estimate high]` (the id is on
/// the line before when it is long), and returns the id and the middle estimate.
pub fn finished_benchmark(line: &str, previous: &str) -> Option<(String, String)> {
    let (before, after) = line.split_once("time:")?;
    let values = after.trim().strip_prefix('[')?.strip_suffix(']')?;
    let [_, _, estimate, unit, _, _] = values.split_whitespace().collect::<Vec<_>>()[..] else {
        return None;
    };
    let id = match before.trim() {
        "" => previous.trim(),
        id => id,
    };
    Some((id.to_owned(), format!("{estimate} {unit}")))
}

/// Reads every benchmark criterion wrote under `home`, ordered as `ids` lists them.
/// Fails if one listed id has no result.
pub fn read_results(home: &Path, ids: &[String]) -> Result<Vec<Measurement>> {
    let read = |path: &Path| {
        fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
    };
    let mut found = BTreeMap::new();
    for entry in walkdir::WalkDir::new(home).into_iter().flatten() {
        // `<id>/new/benchmark.json`: this run's results (`base/` holds the previous run's).
        let path = entry.path();
        if path.ends_with("new/benchmark.json") {
            let (full_id, mut m) =
                parse_benchmark(&read(path)?).with_context(|| format!("in {}", path.display()))?;
            let path = path.with_file_name("estimates.json");
            let (median, ci) =
                parse_median(&read(&path)?).with_context(|| format!("in {}", path.display()))?;
            (m.median_s, m.spread) = (median, Some(ci));
            found.insert(full_id, m);
        }
    }
    let missing = |id| {
        anyhow!(
            "criterion wrote no estimates for `{id}` under {}",
            home.display()
        )
    };
    ids.iter()
        .map(|id| found.remove(id).ok_or_else(|| missing(id)))
        .collect()
}

/// Criterion's `benchmark.json`: the id's parts and the declared throughput. The median is
/// left at zero for [`parse_median`] to fill.
pub fn parse_benchmark(json: &str) -> Result<(String, Measurement)> {
    #[derive(Deserialize)]
    struct Benchmark {
        full_id: String,
        group_id: String,
        function_id: Option<String>,
        value_str: Option<String>,
        throughput: Option<Throughput>,
    }
    let b: Benchmark = serde_json::from_str(json)?;
    let (Some(implementation), Some(size)) = (b.function_id, b.value_str) else {
        bail!("`{}` is not GROUP/IMPL/SIZE", b.full_id);
    };
    Ok((
        b.full_id,
        Measurement {
            group: b.group_id,
            implementation,
            size,
            side: Side::Rust,
            median_s: 0.0,
            spread: None,
            throughput: b.throughput,
        },
    ))
}

/// The median and its 95% confidence interval from criterion's `estimates.json`
/// (nanoseconds there), in seconds.
pub fn parse_median(json: &str) -> Result<(f64, Spread)> {
    #[derive(Deserialize)]
    struct Estimates {
        median: Estimate,
    }
    #[derive(Deserialize)]
    struct Estimate {
        point_estimate: f64,
        confidence_interval: Interval,
    }
    #[derive(Deserialize)]
    struct Interval {
        lower_bound: f64,
        upper_bound: f64,
    }
    let e: Estimates = serde_json::from_str(json)?;
    let ns = e.median.point_estimate;
    if !(ns.is_finite() && ns > 0.0) {
        bail!("median {ns} ns is not a positive time");
    }
    let ci = &e.median.confidence_interval;
    Ok((
        ns * 1e-9,
        Spread::Ci95(ci.lower_bound * 1e-9, ci.upper_bound * 1e-9),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Written by criterion 0.8 for `standardize/flat/150x4_f64` (values shortened).
    const BENCHMARK_JSON: &str = r#"{"group_id":"standardize","function_id":"flat","value_str":"150x4_f64","throughput":{"Elements":600},"full_id":"standardize/flat/150x4_f64","directory_name":"standardize/flat/150x4_f64","title":"standardize/flat/150x4_f64"}"#;
    const ESTIMATES_JSON: &str = r#"{"mean":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1071.5,"upper_bound":1116.2},"point_estimate":1093.9,"standard_error":15.8},"median":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1071.5,"upper_bound":1116.2},"point_estimate":1093.5,"standard_error":15.8},"median_abs_dev":{"confidence_interval":{"confidence_level":0.95,"lower_bound":0.0,"upper_bound":33.1},"point_estimate":33.1,"standard_error":16.5},"slope":null,"std_dev":{"confidence_interval":{"confidence_level":0.95,"lower_bound":0.0,"upper_bound":31.6},"point_estimate":31.6,"standard_error":15.8}}"#;

    #[test]
    fn criterion_json_gives_the_id_throughput_and_median() {
        let (id, m) = parse_benchmark(BENCHMARK_JSON).unwrap();
        assert_eq!(id, "standardize/flat/150x4_f64");
        assert_eq!(m.id(), id);
        assert_eq!(m.throughput, Some(Throughput::Elements(600)));
        let (median, ci) = parse_median(ESTIMATES_JSON).unwrap();
        assert!((median - 1093.5e-9).abs() < 1e-15);
        let Spread::Ci95(lo, hi) = ci else {
            panic!("criterion gives a confidence interval")
        };
        assert!((lo - 1071.5e-9).abs() < 1e-15 && (hi - 1116.2e-9).abs() < 1e-15);
        let both = BENCHMARK_JSON.replace(
            r#"{"Elements":600}"#,
            r#"{"ElementsAndBytes":{"elements":3,"bytes":24}}"#,
        );
        assert_eq!(
            parse_benchmark(&both).unwrap().1.throughput,
            Some(Throughput::ElementsAndBytes {
                elements: 3,
                bytes: 24
            })
        );
        let none = BENCHMARK_JSON.replace(r#"{"Elements":600}"#, "null");
        assert_eq!(parse_benchmark(&none).unwrap().1.throughput, None);
        assert!(
            parse_median(
                r#"{"median":{"point_estimate":-1.0,"confidence_interval":{"lower_bound":0,"upper_bound":0}}}"#
            )
            .is_err()
        );
        assert!(parse_median("{}").is_err());
    }

    #[test]
    fn results_are_read_from_the_criterion_folder_in_list_order() {
        let scratch = tempfile::tempdir().unwrap();
        let home = scratch.path();
        for (size, median) in [("150x4_f64", "1000.0"), ("1000x1000_f64", "2000000.0")] {
            let dir = home.join("standardize/flat").join(size).join("new");
            fs::create_dir_all(&dir).unwrap();
            fs::write(
                dir.join("benchmark.json"),
                BENCHMARK_JSON.replace("150x4_f64", size),
            )
            .unwrap();
            fs::write(
                dir.join("estimates.json"),
                ESTIMATES_JSON.replace("1093.5", median),
            )
            .unwrap();
        }
        let ids = [
            "standardize/flat/1000x1000_f64".to_owned(),
            "standardize/flat/150x4_f64".to_owned(),
        ];
        let results = read_results(home, &ids).unwrap();
        assert_eq!(results[0].size, "1000x1000_f64");
        assert!((results[0].median_s - 2e-3).abs() < 1e-12);
        assert!((results[1].median_s - 1e-6).abs() < 1e-15);
        let missing = read_results(home, &["standardize/ndarray/150x4_f64".to_owned()]);
        assert!(missing.unwrap_err().to_string().contains("no estimates"));
    }

    #[test]
    fn progress_follows_criterion_result_lines() {
        let list =
            "standardize/vec_of_vec/150x4_f64: benchmark\nstandardize/flat/150x4_f64: benchmark\n";
        assert_eq!(parse_list(list).len(), 2);
        let long = "                        time:   [5.0603 µs 5.0787 µs 5.1522 µs]";
        assert_eq!(
            finished_benchmark(long, "standardize/vec_of_vec/150x4_f64"),
            Some((
                "standardize/vec_of_vec/150x4_f64".into(),
                "5.0787 µs".into()
            ))
        );
        let short = "g/f/1                   time:   [1.0 ns 2.0 ns 3.0 ns]";
        assert_eq!(
            finished_benchmark(short, "whatever"),
            Some(("g/f/1".into(), "2.0 ns".into()))
        );
        let thrpt =
            "                        thrpt:  [116.45 Melem/s 118.14 Melem/s 118.57 Melem/s]";
        assert_eq!(finished_benchmark(thrpt, "x"), None);
    }
}
