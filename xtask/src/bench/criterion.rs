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
use serde_json::Value;

use super::Job;
use super::table::{Measurement, Throughput, format_time};
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
        let meta: Value = serde_json::from_str(json).context("parsing cargo metadata")?;
        let mut packages = BTreeMap::new();
        for p in meta["packages"].as_array().into_iter().flatten() {
            let name = p["name"].as_str().unwrap_or_default().to_owned();
            let manifest = PathBuf::from(p["manifest_path"].as_str().unwrap_or_default());
            let mut benches: Vec<String> = p["targets"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|t| {
                    t["kind"]
                        .as_array()
                        .is_some_and(|k| k.iter().any(|k| k == "bench"))
                })
                .filter_map(|t| t["name"].as_str().map(str::to_owned))
                .collect();
            benches.sort();
            let flop_groups = p["metadata"]["bench"]["flop-groups"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|g| g.as_str().map(str::to_owned))
                .collect();
            packages.insert(
                name,
                Package {
                    description: p["description"].as_str().unwrap_or_default().to_owned(),
                    dir: manifest.parent().map(Path::to_path_buf).unwrap_or_default(),
                    benches,
                    flop_groups,
                },
            );
        }
        Ok(Self { packages })
    }
}

/// `cargo bench -q -p <chapter> --bench <bench> -- <args>` with the threads pinned.
fn bench_command(job: &Job) -> Command {
    let mut cmd = util::cargo();
    cmd.current_dir(job.root)
        .args(["bench", "-q", "-p", job.chapter, "--bench", job.bench, "--"])
        .envs(job.env.iter().map(|(k, v)| (k, v)));
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
                    .map_or(estimate, |s| format!("median {}", format_time(s)));
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
    let mut stack = vec![home.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n == "new") {
                    if path.join("benchmark.json").is_file() {
                        found.push(read_one(&path)?);
                    }
                } else if path
                    .file_name()
                    .is_none_or(|n| n != "base" && n != "report")
                {
                    stack.push(path);
                }
            }
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
    m.median_s = parse_median(&read("estimates.json")?)
        .with_context(|| format!("in {}", new_dir.join("estimates.json").display()))?;
    Ok((full_id, m))
}

/// Criterion's `benchmark.json`: the id's parts and the declared throughput. The median is
/// left at zero for [`parse_median`] to fill.
pub fn parse_benchmark(json: &str) -> Result<(String, Measurement)> {
    let v: Value = serde_json::from_str(json)?;
    let text = |key: &str| {
        v[key]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("`{key}` is missing; benchmark ids must be GROUP/IMPL/SIZE"))
    };
    let full_id = text("full_id")?;
    let throughput = match &v["throughput"] {
        Value::Null => None,
        t => Some(parse_throughput(t).ok_or_else(|| anyhow!("unknown throughput {t}"))?),
    };
    Ok((
        full_id,
        Measurement {
            group: text("group_id")?,
            implementation: text("function_id")?,
            size: text("value_str")?,
            median_s: 0.0,
            throughput,
        },
    ))
}

fn parse_throughput(t: &Value) -> Option<Throughput> {
    let (kind, value) = t.as_object()?.iter().next()?;
    Some(match kind.as_str() {
        "Bits" => Throughput::Bits(value.as_u64()?),
        "Bytes" | "BytesDecimal" => Throughput::Bytes(value.as_u64()?),
        "Elements" => Throughput::Elements(value.as_u64()?),
        "ElementsAndBytes" => Throughput::ElementsAndBytes {
            elements: value["elements"].as_u64()?,
            bytes: value["bytes"].as_u64()?,
        },
        _ => return None,
    })
}

/// The median from criterion's `estimates.json` (nanoseconds there), in seconds.
pub fn parse_median(json: &str) -> Result<f64> {
    let v: Value = serde_json::from_str(json)?;
    let ns = v["median"]["point_estimate"]
        .as_f64()
        .ok_or_else(|| anyhow!("no median.point_estimate"))?;
    if !(ns.is_finite() && ns > 0.0) {
        bail!("median {ns} ns is not a positive time");
    }
    Ok(ns * 1e-9)
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
        let median = parse_median(ESTIMATES_JSON).unwrap();
        assert!((median - 1093.5e-9).abs() < 1e-15);
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
        assert!(parse_median(r#"{"median":{"point_estimate":-1.0}}"#).is_err());
        assert!(parse_median("{}").is_err());
    }

    #[test]
    fn results_are_read_from_the_criterion_folder_in_list_order() {
        let home = std::env::temp_dir().join(format!("xtask-bench-crit-{}", std::process::id()));
        let _ = fs::remove_dir_all(&home);
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
        let results = read_results(&home, &ids).unwrap();
        assert_eq!(results[0].size, "1000x1000_f64");
        assert!((results[0].median_s - 2e-3).abs() < 1e-12);
        assert!((results[1].median_s - 1e-6).abs() < 1e-15);
        let missing = read_results(&home, &["standardize/ndarray/150x4_f64".to_owned()]);
        assert!(missing.unwrap_err().to_string().contains("no estimates"));
        fs::remove_dir_all(&home).unwrap();
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
