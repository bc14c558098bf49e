//! The NumPy side: the project's Python environment (`crate::python`), what it runs on
//! (versions, BLAS, threads), and running a chapter's `benches/<bench>.py`, which prints one
//! JSON object (see the bench conventions).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, anyhow, bail};
use serde_json::Value;

use super::table::Measurement;

/// A Python with the pinned NumPy, ready to run the scripts.
#[derive(Debug, Clone)]
pub struct Python {
    pub exe: PathBuf,
    pub python_version: String,
    pub numpy_version: String,
    /// NumPy's BLAS as threadpoolctl sees it at run time, e.g.
    /// `scipy-openblas 0.3.31 (openblas, SkylakeX kernels, pthreads), 1 thread`.
    pub blas: String,
    /// NumPy's BLAS thread count, to check the pinning took.
    pub blas_threads: Option<usize>,
}

/// Prepares the shared environment (`crate::python`) and describes it with the threads
/// pinned. `Err` carries the reason NumPy cannot be measured, for the tables to say.
pub fn prepare(root: &Path, env: &[(String, String)]) -> std::result::Result<Python, String> {
    let python = crate::python::prepare(root)?;
    describe(&python, env)
        .map_err(|e| format!("NumPy does not import in {}: {e:#}", crate::python::VENV))
}

/// Asks the environment's Python for its versions and NumPy's BLAS (with the threads pinned).
const DESCRIBE: &str = r#"
import json, platform
import numpy
try:
    import threadpoolctl
    pools = threadpoolctl.threadpool_info()
except Exception:
    pools = []
print(json.dumps({"python": platform.python_version(), "numpy": numpy.__version__, "pools": pools}))
"#;

fn describe(python: &Path, env: &[(String, String)]) -> Result<Python> {
    let out = Command::new(python)
        .args(["-c", DESCRIBE])
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("running {}", python.display()))?;
    if !out.status.success() {
        bail!("{} exited with {}", python.display(), out.status);
    }
    let mut described = parse_describe(&String::from_utf8_lossy(&out.stdout))?;
    described.exe = python.to_path_buf();
    Ok(described)
}

/// Reads the output of [`DESCRIBE`].
pub fn parse_describe(json: &str) -> Result<Python> {
    let v: Value = serde_json::from_str(json.trim()).context("parsing the description")?;
    let text = |v: &Value| v.as_str().unwrap_or("unknown").to_owned();
    let blas_pool = v["pools"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["user_api"] == "blas");
    let (blas, blas_threads) = match blas_pool {
        Some(p) => {
            let threads = p["num_threads"].as_u64().map(|n| n as usize);
            let prefix = text(&p["prefix"]);
            let name = prefix
                .strip_prefix("lib")
                .unwrap_or(&prefix)
                .replace('_', "-");
            let plural = if threads == Some(1) { "" } else { "s" };
            (
                format!(
                    "{name} {} ({}, {} kernels, {}), {} thread{plural}",
                    text(&p["version"]),
                    text(&p["internal_api"]),
                    text(&p["architecture"]),
                    text(&p["threading_layer"]),
                    threads.map_or_else(|| "?".to_owned(), |n| n.to_string()),
                ),
                threads,
            )
        }
        None => ("unknown (threadpoolctl found no BLAS)".to_owned(), None),
    };
    Ok(Python {
        exe: PathBuf::new(),
        python_version: text(&v["python"]),
        numpy_version: text(&v["numpy"]),
        blas,
        blas_threads,
    })
}

/// The NumPy script of a bench file, if the chapter has one: `benches/<bench>.py`.
pub fn script(chapter_dir: &Path, bench: &str) -> Option<PathBuf> {
    let path = chapter_dir.join("benches").join(format!("{bench}.py"));
    path.is_file().then_some(path)
}

/// What one script run printed.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptRun {
    pub numpy_version: String,
    pub results: Vec<Measurement>,
}

/// Runs one NumPy script with the threads pinned and reads its JSON.
pub fn run(
    python: &Python,
    root: &Path,
    script: &Path,
    quick: bool,
    env: &[(String, String)],
) -> Result<ScriptRun> {
    let mut cmd = Command::new(&python.exe);
    cmd.arg(script)
        .current_dir(root)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stderr(Stdio::inherit());
    if quick {
        cmd.arg("--quick");
    }
    let out = cmd
        .output()
        .with_context(|| format!("running {}", script.display()))?;
    if !out.status.success() {
        bail!("{} exited with {}", script.display(), out.status);
    }
    parse_script_output(&String::from_utf8_lossy(&out.stdout))
        .with_context(|| format!("reading the JSON printed by {}", script.display()))
}

/// Reads `{"numpy_version": ..., "results": [{"id": "GROUP/IMPL/SIZE", "median_s": ...}]}`.
pub fn parse_script_output(stdout: &str) -> Result<ScriptRun> {
    let v: Value = serde_json::from_str(stdout.trim()).context("not one JSON object")?;
    let mut results = Vec::new();
    for r in v["results"]
        .as_array()
        .ok_or_else(|| anyhow!("no `results` array"))?
    {
        let id = r["id"]
            .as_str()
            .ok_or_else(|| anyhow!("a result has no `id`: {r}"))?;
        let (group, implementation, size) =
            Measurement::split_id(id).ok_or_else(|| anyhow!("id `{id}` is not GROUP/IMPL/SIZE"))?;
        let median_s = r["median_s"]
            .as_f64()
            .filter(|s| s.is_finite() && *s > 0.0)
            .ok_or_else(|| anyhow!("`{id}` has no positive `median_s`"))?;
        if results.iter().any(|m: &Measurement| m.id() == id) {
            bail!("`{id}` appears twice");
        }
        results.push(Measurement {
            group,
            implementation,
            size,
            median_s,
            throughput: None,
        });
    }
    Ok(ScriptRun {
        numpy_version: v["numpy_version"].as_str().unwrap_or("unknown").to_owned(),
        results,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_output_is_read_and_checked() {
        let out = r#"{"numpy_version": "2.4.6", "python_version": "3.11.7", "results": [
            {"id": "standardize/numpy/150x4_f64", "median_s": 4.1e-06, "runs": 5},
            {"id": "standardize/python_lists/150x4_f64", "median_s": 0.00031, "runs": 5}]}"#;
        let run = parse_script_output(out).unwrap();
        assert_eq!(run.numpy_version, "2.4.6");
        assert_eq!(run.results.len(), 2);
        assert_eq!(run.results[1].implementation, "python_lists");
        assert_eq!(run.results[0].median_s, 4.1e-6);
        for bad in [
            "not json",
            r#"{"results": [{"id": "numpy/150x4", "median_s": 1.0}]}"#,
            r#"{"results": [{"id": "g/numpy/1", "median_s": 0}]}"#,
            r#"{"results": [{"id": "g/numpy/1", "median_s": 1}, {"id": "g/numpy/1", "median_s": 2}]}"#,
        ] {
            assert!(parse_script_output(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_description_names_numpys_blas_and_its_threads() {
        let json = r#"{"python": "3.11.7", "numpy": "2.4.6", "pools": [{"user_api": "blas",
            "internal_api": "openblas", "num_threads": 1, "prefix": "libscipy_openblas",
            "version": "0.3.31.188.0", "threading_layer": "pthreads", "architecture": "SkylakeX"}]}"#;
        let p = parse_describe(json).unwrap();
        assert_eq!(p.numpy_version, "2.4.6");
        assert_eq!(p.blas_threads, Some(1));
        assert_eq!(
            p.blas,
            "scipy-openblas 0.3.31.188.0 (openblas, SkylakeX kernels, pthreads), 1 thread"
        );
        let none =
            parse_describe(r#"{"python": "3.12.1", "numpy": "2.4.6", "pools": []}"#).unwrap();
        assert!(none.blas.starts_with("unknown"));
    }
}
