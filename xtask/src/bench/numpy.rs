//! The NumPy side: a project-local virtual environment with the pinned NumPy
//! (`xtask/requirements-bench.txt`), what it runs on (versions, BLAS, threads), and running a
//! chapter's `numpy/<bench>.py`, which prints one JSON object (see the bench conventions).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, anyhow, bail};
use serde_json::Value;

use super::table::Measurement;

/// The pinned requirements, relative to the workspace root.
pub const REQUIREMENTS: &str = "xtask/requirements-bench.txt";
/// The virtual environment, relative to the workspace root (under the ignored `target/`).
pub const VENV: &str = "target/bench-venv";

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

/// The Python interpreter that creates the environment: `SCML_PYTHON`, else `python3`.
fn base_python() -> PathBuf {
    std::env::var_os("SCML_PYTHON").map_or_else(|| PathBuf::from("python3"), PathBuf::from)
}

fn venv_python(venv: &Path) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    }
}

/// Creates (or reuses) the virtual environment and installs the pinned requirements.
/// `Err` carries the reason NumPy cannot be measured, for the tables to say.
pub fn prepare(root: &Path, env: &[(String, String)]) -> std::result::Result<Python, String> {
    let requirements = fs::read_to_string(root.join(REQUIREMENTS))
        .map_err(|e| format!("cannot read {REQUIREMENTS}: {e}"))?;
    let venv = root.join(VENV);
    let python = venv_python(&venv);
    // The requirements the environment was built from: reinstall when they change.
    let stamp = venv.join("xtask-requirements.txt");
    let up_to_date =
        python.is_file() && fs::read_to_string(&stamp).is_ok_and(|s| s == requirements);
    if !up_to_date {
        let base = base_python();
        let version = Command::new(&base).arg("--version").output();
        match version {
            Ok(out) if out.status.success() => {}
            _ => {
                return Err(format!(
                    "{} was not found (install Python 3 with venv, or set SCML_PYTHON)",
                    base.display()
                ));
            }
        }
        eprintln!("==> creating {VENV} and installing {REQUIREMENTS} (pip, from PyPI)");
        if venv.exists() {
            fs::remove_dir_all(&venv).map_err(|e| format!("cannot clear {VENV}: {e}"))?;
        }
        quiet_status(Command::new(&base).args(["-m", "venv"]).arg(&venv)).map_err(|e| {
            format!(
                "`{} -m venv` failed ({e}; on Debian/Ubuntu: apt-get install python3-venv)",
                base.display()
            )
        })?;
        quiet_status(
            Command::new(&python)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "-r",
                ])
                .arg(root.join(REQUIREMENTS)),
        )
        .map_err(|e| format!("pip could not install {REQUIREMENTS} ({e})"))?;
        fs::write(&stamp, &requirements)
            .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    }
    describe(&python, env).map_err(|e| format!("NumPy does not import in {VENV}: {e:#}"))
}

/// Runs `cmd` with its output shown; `Err` is a short reason.
fn quiet_status(cmd: &mut Command) -> std::result::Result<(), String> {
    match cmd.status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(status.to_string()),
        Err(e) => Err(e.to_string()),
    }
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

/// The NumPy script of a bench file, if the chapter has one: `numpy/<bench>.py`.
pub fn script(chapter_dir: &Path, bench: &str) -> Option<PathBuf> {
    let path = chapter_dir.join("numpy").join(format!("{bench}.py"));
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
