//! The NumPy side: the project's Python environment (`crate::python`), what it runs on
//! (versions, BLAS, threads, SIMD dispatch), and running a chapter's `benches/<bench>.py`,
//! which prints one JSON object with the time per call of every timed run.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use super::table::Measurement;
use super::{Run, plural, stdout_of};

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
    /// NumPy's SIMD: the baseline it was compiled for and the run-time dispatch targets this
    /// CPU supports, e.g. `baseline X86_V2, dispatching at run time to X86_V3, X86_V4`.
    pub simd: String,
}

/// Prepares the shared environment (`crate::python`) and describes it with the threads
/// pinned ([`DESCRIBE`]). `Err` carries the reason NumPy cannot be measured, for the tables
/// to say.
pub fn prepare(root: &Path, env: &[(String, String)]) -> std::result::Result<Python, String> {
    let exe = crate::python::prepare(root)?;
    let mut cmd = Command::new(&exe);
    cmd.args(["-c", DESCRIBE])
        .envs(env.iter().map(|(k, v)| (k, v)));
    let described = stdout_of(&exe.display().to_string(), &mut cmd)
        .and_then(|json| parse_describe(&json))
        .map_err(|e| format!("NumPy does not import in {}: {e:#}", crate::python::VENV))?;
    Ok(Python { exe, ..described })
}

/// Asks the environment's Python for its versions, NumPy's BLAS (with the threads pinned)
/// and NumPy's SIMD baseline and dispatch targets.
const DESCRIBE: &str = r#"
import json, platform
import numpy
try:
    import threadpoolctl
    pools = threadpoolctl.threadpool_info()
except Exception:
    pools = []
try:
    from numpy._core import _multiarray_umath as core
    simd = {"baseline": list(core.__cpu_baseline__),
            "dispatch": [t for t in core.__cpu_dispatch__ if core.__cpu_features__.get(t)]}
except Exception:
    simd = None
print(json.dumps({"python": platform.python_version(), "numpy": numpy.__version__,
                  "pools": pools, "simd": simd}))
"#;

#[derive(Deserialize)]
struct Description {
    python: String,
    numpy: String,
    pools: Vec<Pool>,
    simd: Option<Simd>,
}

#[derive(Deserialize)]
struct Pool {
    user_api: String,
    internal_api: Option<String>,
    num_threads: Option<usize>,
    prefix: Option<String>,
    version: Option<String>,
    threading_layer: Option<String>,
    architecture: Option<String>,
}

#[derive(Deserialize)]
struct Simd {
    baseline: Vec<String>,
    dispatch: Vec<String>,
}

/// Reads the output of [`DESCRIBE`].
pub fn parse_describe(json: &str) -> Result<Python> {
    let d: Description = serde_json::from_str(json.trim()).context("parsing the description")?;
    let unknown = |s: &Option<String>| s.clone().unwrap_or_else(|| "unknown".to_owned());
    let pool = d.pools.iter().find(|p| p.user_api == "blas");
    let blas = pool.map_or_else(
        || "unknown (threadpoolctl found no BLAS)".to_owned(),
        |p| {
            let prefix = unknown(&p.prefix);
            let name = prefix
                .strip_prefix("lib")
                .unwrap_or(&prefix)
                .replace('_', "-");
            let threads = p
                .num_threads
                .map_or_else(|| "?".to_owned(), |n| n.to_string());
            format!(
                "{name} {} ({}, {} kernels, {}), {threads} thread{}",
                unknown(&p.version),
                unknown(&p.internal_api),
                unknown(&p.architecture),
                unknown(&p.threading_layer),
                p.num_threads.map_or("s", plural),
            )
        },
    );
    let simd = match d.simd {
        Some(s) if s.dispatch.is_empty() => {
            format!(
                "baseline {}, no run-time dispatch on this CPU",
                s.baseline.join(", ")
            )
        }
        Some(s) => format!(
            "baseline {}, dispatching at run time to {}",
            s.baseline.last().map_or("none", String::as_str),
            s.dispatch.join(", ")
        ),
        None => "SIMD level unknown".to_owned(),
    };
    Ok(Python {
        exe: PathBuf::new(),
        python_version: d.python,
        numpy_version: d.numpy,
        blas,
        blas_threads: pool.and_then(|p| p.num_threads),
        simd,
    })
}

/// The NumPy script of a bench file, if the chapter has one: `benches/<bench>.py`.
pub fn script(chapter_dir: &Path, bench: &str) -> Option<PathBuf> {
    let path = chapter_dir.join("benches").join(format!("{bench}.py"));
    path.is_file().then_some(path)
}

/// One workload's timings from one script run: seconds per call of every timed run.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Timings {
    pub id: String,
    pub times_s: Vec<f64>,
}

#[derive(Deserialize)]
struct ScriptOutput {
    results: Vec<Timings>,
}

/// How long a script warms each workload up before timing it: as long as the chapters'
/// benches configure criterion's warm-up (`warm_up_time(500 ms)`), a fifth of it when quick.
const WARM_UP_S: f64 = 0.5;

/// Runs one NumPy script (a path relative to the workspace root) with the threads pinned
/// and reads its JSON; a quick run asks it for fewer runs.
pub fn run(run: &Run, python: &Python, script: &Path) -> Result<Vec<Timings>> {
    let quick = run.options.quick;
    let warm_up_s = if quick { WARM_UP_S / 5.0 } else { WARM_UP_S };
    let mut cmd = Command::new(&python.exe);
    cmd.arg(script)
        .args(["--warm-up", &warm_up_s.to_string()])
        .args(quick.then_some("--quick"))
        .current_dir(&run.root)
        .envs(run.env.iter().map(|(k, v)| (k, v)));
    let script = script.display().to_string();
    parse_script_output(&stdout_of(&script, &mut cmd)?)
        .with_context(|| format!("reading the JSON printed by {script}"))
}

/// Reads `{"results": [{"id": "GROUP/IMPL/SIZE", "times_s": [...]}, ...]}` and checks it.
pub fn parse_script_output(stdout: &str) -> Result<Vec<Timings>> {
    let out: ScriptOutput = serde_json::from_str(stdout.trim()).context("not one JSON object")?;
    for (i, t) in out.results.iter().enumerate() {
        if Measurement::split_id(&t.id).is_none() {
            bail!("id `{}` is not GROUP/IMPL/SIZE", t.id);
        }
        if t.times_s.is_empty() || t.times_s.iter().any(|s| !(s.is_finite() && *s > 0.0)) {
            bail!("`{}` needs at least one positive time in `times_s`", t.id);
        }
        if out.results[..i].iter().any(|u| u.id == t.id) {
            bail!("`{}` appears twice", t.id);
        }
    }
    Ok(out.results)
}

/// The median and the quartiles of `times` (NumPy's default linear interpolation).
pub fn quartiles(times: &[f64]) -> (f64, f64, f64) {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let pos = q * (sorted.len() - 1) as f64;
        let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
        sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
    };
    (at(0.5), at(0.25), at(0.75))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_output_is_read_and_checked() {
        let out = r#"{"numpy_version": "2.4.6", "results": [
            {"id": "standardize/numpy_idiomatic/150x4_f64", "times_s": [4.1e-06, 4.3e-06]},
            {"id": "standardize/python_lists/150x4_f64", "times_s": [0.00031]}]}"#;
        let run = parse_script_output(out).unwrap();
        assert_eq!(run.len(), 2);
        assert_eq!(run[0].times_s, [4.1e-6, 4.3e-6]);
        for bad in [
            "not json",
            r#"{"results": [{"id": "numpy/150x4", "times_s": [1.0]}]}"#,
            r#"{"results": [{"id": "g/numpy/1", "times_s": [0]}]}"#,
            r#"{"results": [{"id": "g/numpy/1", "times_s": []}]}"#,
            r#"{"results": [{"id": "g/numpy/1", "median_s": 1.0}]}"#,
            r#"{"results": [{"id": "g/n/1", "times_s": [1]}, {"id": "g/n/1", "times_s": [2]}]}"#,
        ] {
            assert!(parse_script_output(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn quartiles_interpolate_like_numpy() {
        // np.percentile([4, 1, 3, 2, 10], [50, 25, 75]) -> [3., 2., 4.]
        assert_eq!(quartiles(&[4.0, 1.0, 3.0, 2.0, 10.0]), (3.0, 2.0, 4.0));
        // np.percentile([1, 2, 3, 4], [50, 25, 75]) -> [2.5, 1.75, 3.25]
        assert_eq!(quartiles(&[1.0, 2.0, 3.0, 4.0]), (2.5, 1.75, 3.25));
        assert_eq!(quartiles(&[7.0]), (7.0, 7.0, 7.0));
    }

    #[test]
    fn the_description_names_numpys_blas_threads_and_simd() {
        let json = r#"{"python": "3.11.7", "numpy": "2.4.6", "pools": [{"user_api": "blas",
            "internal_api": "openblas", "num_threads": 1, "prefix": "libscipy_openblas",
            "version": "0.3.31.188.0", "threading_layer": "pthreads", "architecture": "SkylakeX"}],
            "simd": {"baseline": ["SSE", "SSE2", "X86_V2"], "dispatch": ["X86_V3", "X86_V4"]}}"#;
        let p = parse_describe(json).unwrap();
        assert_eq!(p.numpy_version, "2.4.6");
        assert_eq!(p.blas_threads, Some(1));
        assert_eq!(
            p.blas,
            "scipy-openblas 0.3.31.188.0 (openblas, SkylakeX kernels, pthreads), 1 thread"
        );
        assert_eq!(
            p.simd,
            "baseline X86_V2, dispatching at run time to X86_V3, X86_V4"
        );
        let none =
            parse_describe(r#"{"python": "3.12.1", "numpy": "2.4.6", "pools": [], "simd": null}"#)
                .unwrap();
        assert!(none.blas.starts_with("unknown"));
        assert_eq!(none.simd, "SIMD level unknown");
    }
}
