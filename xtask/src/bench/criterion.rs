//! The Rust side: which chapter crates have criterion benchmarks (from `cargo metadata`),
//! running one bench file with a progress line per benchmark, and reading the medians
//! criterion wrote (`<CRITERION_HOME>/<group>/<impl>/<size>/new/{benchmark,estimates}.json`).

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;

use super::Job;
use super::table::{Measurement, Side, Spread, Throughput, format_time};
use crate::util;

/// What the xtask needs to know about one workspace package.
#[derive(Debug, Default, Clone)]
pub struct Package {
    /// The package description, e.g. `Chapter 1: arrays in the ML ecosystem (...)`.
    pub description: String,
    /// The folder holding its Cargo.toml.
    pub dir: PathBuf,
    /// Its `[[bench]]` targets, sorted.
    pub benches: Vec<String>,
    /// `[package.metadata.bench] flop-groups`: groups whose `Throughput::Elements` count flops.
    pub flop_groups: Vec<String>,
}

/// The workspace as `cargo metadata` describes it.
pub struct Workspace {
    pub packages: BTreeMap<String, Package>,
}

impl Workspace {
    pub fn load(root: &Path) -> Result<Self> {
        let out = util::cargo()
            .current_dir(root)
            .args(["metadata", "--format-version", "1", "--no-deps"])
            .stderr(Stdio::inherit())
            .output()
            .context("running cargo metadata")?;
        if !out.status.success() {
            bail!("cargo metadata failed ({})", out.status);
        }
        Self::parse(&String::from_utf8_lossy(&out.stdout))
    }

    /// Reads the packages out of `cargo metadata --format-version 1` output.
    pub fn parse(json: &str) -> Result<Self> {
        #[derive(Deserialize)]
        struct Metadata {
            packages: Vec<MetaPackage>,
        }
        #[derive(Deserialize)]
        struct MetaPackage {
            name: String,
            description: Option<String>,
            manifest_path: PathBuf,
            targets: Vec<Target>,
            #[serde(default)]
            metadata: Option<PackageMetadata>,
        }
        #[derive(Deserialize)]
        struct Target {
            kind: Vec<String>,
            name: String,
        }
        #[derive(Deserialize)]
        struct PackageMetadata {
            bench: Option<BenchMetadata>,
        }
        #[derive(Deserialize)]
        struct BenchMetadata {
            #[serde(rename = "flop-groups", default)]
            flop_groups: Vec<String>,
        }
        let meta: Metadata = serde_json::from_str(json).context("parsing cargo metadata")?;
        let mut packages = BTreeMap::new();
        for p in meta.packages {
            let mut benches: Vec<String> = p
                .targets
                .into_iter()
                .filter(|t| t.kind.iter().any(|k| k == "bench"))
                .map(|t| t.name)
                .collect();
            benches.sort();
            let flop_groups = p
                .metadata
                .and_then(|m| m.bench)
                .map(|b| b.flop_groups)
                .unwrap_or_default();
            packages.insert(
                p.name,
                Package {
                    description: p.description.unwrap_or_default(),
                    dir: p
                        .manifest_path
                        .parent()
                        .map(Path::to_path_buf)
                        .unwrap_or_default(),
                    benches,
                    flop_groups,
                },
            );
        }
        Ok(Self { packages })
    }
}

/// `cargo bench -q -p <chapter> --bench <bench> -- <args>` with the threads pinned and the
/// run's Rust-only variables set.
fn bench_command(job: &Job) -> Command {
    let mut cmd = util::cargo();
    cmd.current_dir(job.root)
        .args(["bench", "-q", "-p", job.chapter, "--bench", job.bench, "--"])
        .envs(job.env.iter().chain(job.rust_env).map(|(k, v)| (k, v)));
    cmd
}

/// The benchmark ids of one bench file, in the order criterion runs them (`-- --list`).
pub fn list(job: &Job) -> Result<Vec<String>> {
    let what = format!("listing the benchmarks of {}/{}", job.chapter, job.bench);
    let out = bench_command(job)
        .arg("--list")
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| what.clone())?;
    if !out.status.success() {
        bail!("{what} failed ({})", out.status);
    }
    Ok(parse_list(&String::from_utf8_lossy(&out.stdout)))
}

/// Ids from criterion's `--list` output (`<id>: benchmark` lines).
pub fn parse_list(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.strip_suffix(": benchmark"))
        .map(str::to_owned)
        .collect()
}

/// Runs one bench file, with criterion writing under `home`, printing a progress line as
/// each benchmark finishes and keeping criterion's whole output in `log`.
pub fn run(job: &Job, ids: &[String], home: &Path, log: &Path) -> Result<()> {
    let (chapter, bench) = (job.chapter, job.bench);
    let mut cmd = bench_command(job);
    cmd.arg("--noplot");
    if job.quick {
        cmd.arg("--quick");
    }
    let mut child = cmd
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
                    job.clock.stamp(),
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
    Ok(())
}

/// Recognises criterion's result line, `<id>   time:   [low estimate high]` (the id is on
/// the line before when it is long), and returns the id and the middle estimate.
pub fn finished_benchmark(line: &str, previous: &str) -> Option<(String, String)> {
    let (before, after) = line.split_once("time:")?;
    let values = after.trim().strip_prefix('[')?.strip_suffix(']')?;
    let words: Vec<&str> = values.split_whitespace().collect();
    if words.len() != 6 {
        return None;
    }
    let id = if before.trim().is_empty() {
        previous.trim()
    } else {
        before.trim()
    };
    Some((id.to_owned(), format!("{} {}", words[2], words[3])))
}

/// Reads every benchmark criterion wrote under `home`, ordered as `ids` lists them.
/// Fails if one listed id has no result.
pub fn read_results(home: &Path, ids: &[String]) -> Result<Vec<Measurement>> {
    let mut found = Vec::new();
    // `<id>/new/benchmark.json`: this run's results (`base/` holds the previous run's).
    for entry in walkdir::WalkDir::new(home)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == "benchmark.json")
            && let Some(new_dir) = path.parent().filter(|p| p.ends_with("new"))
        {
            found.push(read_one(new_dir)?);
        }
    }
    let mut ordered = Vec::new();
    for id in ids {
        let position = found
            .iter()
            .position(|(full_id, _)| full_id == id)
            .ok_or_else(|| {
                anyhow!(
                    "criterion wrote no estimates for `{id}` under {}",
                    home.display()
                )
            })?;
        ordered.push(found.swap_remove(position).1);
    }
    Ok(ordered)
}

fn read_one(new_dir: &Path) -> Result<(String, Measurement)> {
    let read = |name: &str| {
        let path = new_dir.join(name);
        fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
    };
    let (full_id, mut m) = parse_benchmark(&read("benchmark.json")?)
        .with_context(|| format!("in {}", new_dir.join("benchmark.json").display()))?;
    (m.median_s, m.spread) = parse_median(&read("estimates.json")?)
        .map(|(median, ci)| (median, Some(ci)))
        .with_context(|| format!("in {}", new_dir.join("estimates.json").display()))?;
    Ok((full_id, m))
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

    #[test]
    fn cargo_metadata_gives_bench_targets_and_flop_groups() {
        let json = r#"{"packages":[{"name":"chapter09","description":"Chapter 9: linear algebra","manifest_path":"/w/crates/chapter09/Cargo.toml",
            "targets":[{"kind":["lib"],"name":"chapter09"},{"kind":["bench"],"name":"matmul"},{"kind":["bench"],"name":"axpy"},{"kind":["example"],"name":"solve"}],
            "metadata":{"bench":{"flop-groups":["matmul"]}}},
            {"name":"chapter02","description":null,"manifest_path":"/w/crates/chapter02/Cargo.toml","targets":[{"kind":["lib"],"name":"chapter02"}],"metadata":null}],
            "target_directory":"/w/target"}"#;
        let ws = Workspace::parse(json).unwrap();
        let ch9 = &ws.packages["chapter09"];
        assert_eq!(ch9.benches, ["axpy", "matmul"]);
        assert_eq!(ch9.flop_groups, ["matmul"]);
        assert_eq!(ch9.dir, PathBuf::from("/w/crates/chapter09"));
        assert!(ws.packages["chapter02"].benches.is_empty());
        assert_eq!(ws.packages["chapter02"].description, "");
    }
}
