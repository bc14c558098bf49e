//! The reference side, run by the build: NumPy listings and parity fixtures.
//!
//! - A NumPy listing is `crates/<chapter>/numpy/NAME.py`. The page includes its anchored
//!   regions; the build runs it and writes what it printed to
//!   `book/src/generated/<chapter>/numpy/NAME.txt` (and its parts, see `captured.rs`).
//! - A parity fixture is written by `crates/<crate>/tests/fixtures/NAME.py`, which prints one
//!   JSON object computed with NumPy or scikit-learn; the build stores it as `NAME.json` beside
//!   the script, and the crate's tests compare their results with it.
//!
//! Both run in the project's Python environment (`python.rs`), from the workspace root, with
//! one thread for BLAS ([`util::PINNED_THREADS`]) so their digits do not depend on the
//! machine's core count. Without
//! Python, `book` keeps the committed files and `check` counts them as not re-verified.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use anyhow::{Context, Result};
use regex::Regex;
use serde_json::Value;

use crate::book::captured;
use crate::{python, util};

/// The folder of a chapter crate that holds its NumPy listings, and of
/// `book/src/generated/<chapter>/` that holds their outputs.
pub const LISTINGS_DIR: &str = "numpy";
/// The folder of a crate that holds its fixture scripts and the JSON they write.
pub const FIXTURES_DIR: &str = "tests/fixtures";

/// One reference file: `crates/<krate>/<LISTINGS_DIR or FIXTURES_DIR>/<name>.<py or json>`.
#[derive(Debug)]
struct RefFile {
    krate: String,
    name: String,
    /// Relative to the workspace root, with `/` separators.
    path: String,
    /// In `LISTINGS_DIR` (a NumPy listing), else in `FIXTURES_DIR` (a parity fixture).
    listing: bool,
}

/// Every reference file of the workspace with extension `ext` (`py`: the scripts; `json`: what
/// fixture scripts wrote), sorted by path.
fn reference_files(root: &Path, ext: &str) -> Result<Vec<RefFile>> {
    static FILE: LazyLock<Regex> = LazyLock::new(|| {
        let dirs = format!("{LISTINGS_DIR}|{FIXTURES_DIR}");
        Regex::new(&format!(r"^crates/([^/]+)/({dirs})/([^/]+)\.(py|json)$"))
            .expect("a valid regex")
    });
    let mut found = Vec::new();
    for path in util::files(&root.join("crates"))? {
        let path = path.strip_prefix(root).unwrap_or(&path);
        let path = path.to_string_lossy().replace('\\', "/");
        let Some(parts) = FILE.captures(&path).filter(|c| &c[4] == ext) else {
            continue;
        };
        found.push(RefFile {
            krate: parts[1].to_owned(),
            name: parts[3].to_owned(),
            listing: &parts[2] == LISTINGS_DIR,
            path: path.clone(),
        });
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

/// Where one run writes.
pub struct Destinations {
    /// `<generated>/<chapter>/numpy/NAME.txt`
    pub generated: PathBuf,
    /// `None`: the fixtures are written in place, beside their scripts (`book`);
    /// `Some(dir)`: into `<dir>/<crate>/NAME.json`, to be compared (`check`).
    pub fixtures: Option<PathBuf>,
    /// Only these chapters' scripts (`book chapterNN ...`); empty: every chapter's.
    pub only: Vec<String>,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Scripts not run, their committed results kept (no Python); with the reason.
    pub not_verified: usize,
    pub reason: Option<String>,
}

/// The command line a reader types to see a listing's output.
fn command_line(script: &RefFile) -> String {
    format!("$ python3 {}", script.path)
}

/// Runs every reference script and writes its results into `dest`. Without Python it says so
/// in one line and keeps (or, for a scratch `dest`, copies) the committed results.
pub fn generate(root: &Path, dest: &Destinations) -> Result<Outcome> {
    let keep = |krate: &str| dest.only.is_empty() || dest.only.iter().any(|c| c == krate);
    let mut scripts = reference_files(root, "py")?;
    scripts.retain(|s| keep(&s.krate));
    let mut chapters = crate::chapters::names(&crate::chapters::registry(root)?);
    chapters.retain(|c| keep(c));
    let python = if scripts.is_empty() {
        Ok(PathBuf::new())
    } else {
        python::prepare(root)
    };
    let python = match python {
        Ok(python) => python,
        Err(reason) => {
            eprintln!(
                "==> the {} NumPy listings and fixtures were not run ({reason}): \
                 the committed outputs are kept, not re-verified",
                scripts.len()
            );
            let committed = root.join("book/src/generated");
            for chapter in chapters.iter().filter(|_| dest.generated != committed) {
                let from = committed.join(chapter).join(LISTINGS_DIR);
                if from.is_dir() {
                    copy_dir(&from, &dest.generated.join(chapter).join(LISTINGS_DIR))?;
                }
            }
            return Ok(Outcome {
                not_verified: scripts.len(),
                reason: Some(reason),
            });
        }
    };
    // Chapter 13's listings import its extension module: build and install it first.
    if chapters.iter().any(|c| c == "chapter13") && root.join(python::EXTENSION).is_dir() {
        python::install_extension(root, &python).map_err(anyhow::Error::msg)?;
    }
    // Outputs of listings that no longer exist must not survive.
    for chapter in &chapters {
        let dir = dest.generated.join(chapter).join(LISTINGS_DIR);
        if dir.exists() {
            fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
        }
    }
    for (i, script) in scripts.iter().enumerate() {
        let stdout = captured::run(
            &script.path,
            (i, scripts.len()),
            Command::new(&python)
                .arg(&script.path)
                .current_dir(root)
                .env("PYTHONHASHSEED", "0")
                .env("PYTHONDONTWRITEBYTECODE", "1")
                .env("PYTHONIOENCODING", "utf-8")
                .envs(util::PINNED_THREADS.map(|k| (k, "1"))),
        )?;
        if script.listing {
            let dir = dest.generated.join(&script.krate).join(LISTINGS_DIR);
            captured::write(&dir, &script.name, &command_line(script), &stdout)?;
            continue;
        }
        serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&stdout)
            .with_context(|| format!("{} did not print one JSON object", script.path))?;
        let dir = match &dest.fixtures {
            None => root.join("crates").join(&script.krate).join(FIXTURES_DIR),
            Some(dir) => dir.join(&script.krate),
        };
        fs::create_dir_all(&dir)?;
        let newline = if stdout.ends_with('\n') { "" } else { "\n" };
        fs::write(dir.join(format!("{}.json", script.name)), stdout + newline)?;
    }
    Ok(Outcome::default())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for file in util::files(from)? {
        let target = to.join(file.strip_prefix(from).unwrap_or(&file));
        fs::create_dir_all(target.parent().unwrap_or(to))?;
        fs::copy(&file, &target)?;
    }
    Ok(())
}

/// How far a number of a fresh fixture may be from the committed one, by NumPy's `allclose`
/// rule `|new − old| ≤ atol + rtol·|old|`: by default `rtol = 1e-9`, `atol = 1e-12`. The reference libraries compute through OpenBLAS,
/// which picks its kernels for the CPU, so their last digits move from one machine to the
/// next (about 1e-15 relative on the book's fixtures); a changed script or dataset moves them
/// by far more. The Rust tests state their own tolerances against the committed values.
/// A script that computes something less stable (a condition number near `1/ε`, whose own
/// relative accuracy is about `κ ε`) states its own with a comment line, which [`Tolerance::of`]
/// reads: `# fixture tolerance: rtol=0.1, atol=0` (with the reason next to it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerance {
    pub rtol: f64,
    pub atol: f64,
}

impl Default for Tolerance {
    fn default() -> Self {
        Self {
            rtol: 1e-9,
            atol: 1e-12,
        }
    }
}

impl Tolerance {
    /// The tolerance a fixture script states, or the default.
    pub fn of(script: &str) -> Result<Self> {
        static LINE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?m)^#\s*fixture tolerance:\s*rtol=(\S+?)(?:,\s*atol=(\S+))?\s*$")
                .expect("a valid regex")
        });
        let Some(found) = LINE.captures(script) else {
            return Ok(Self::default());
        };
        let number = |text: &str| {
            text.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && *x >= 0.0)
                .with_context(|| format!("`# fixture tolerance:` has `{text}`, not a number"))
        };
        Ok(Self {
            rtol: number(&found[1])?,
            atol: found
                .get(2)
                .map_or(Ok(Self::default().atol), |a| number(a.as_str()))?,
        })
    }
}

/// Where `new` differs from `old` beyond the fixture tolerance, as a JSON path and both
/// values; `None` when they agree (same structure, same strings, numbers within tolerance).
fn fixture_difference(path: &str, new: &Value, old: &Value, tol: Tolerance) -> Option<String> {
    match (new, old) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64()?, b.as_f64()?);
            let close = (a - b).abs() <= tol.atol + tol.rtol * b.abs();
            (!close).then(|| format!("{path} is now {a}, the committed file has {b}"))
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (a, b))| fixture_difference(&format!("{path}[{i}]"), a, b, tol)),
        (Value::Object(a), Value::Object(b)) if a.len() == b.len() => {
            a.iter().find_map(|(k, a)| {
                let Some(b) = b.get(k) else {
                    return Some(format!("{path}.{k} is new"));
                };
                fixture_difference(&format!("{path}.{k}"), a, b, tol)
            })
        }
        _ if new == old => None,
        _ => Some(format!(
            "{path} is now `{new}`, the committed file has `{old}`"
        )),
    }
}

/// Compares the fixtures a `check` run wrote into `fresh` (`<fresh>/<crate>/NAME.json`) with
/// the committed ones, numbers within each script's [`Tolerance`], and reports
/// committed JSON that no script writes.
pub fn compare_fixtures(root: &Path, fresh: &Path) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    for script in reference_files(root, "py")?.iter().filter(|s| !s.listing) {
        let (krate, name) = (&script.krate, &script.name);
        let shown = format!("crates/{krate}/{FIXTURES_DIR}/{name}.json");
        let new = fs::read_to_string(fresh.join(krate).join(format!("{name}.json")));
        let (Ok(new), Ok(old)) = (new, fs::read_to_string(root.join(&shown))) else {
            problems.push(format!("{shown} is missing (run `cargo xtask book`)"));
            continue;
        };
        let tol = Tolerance::of(&fs::read_to_string(root.join(&script.path))?)
            .with_context(|| script.path.clone())?;
        let parsed = |text: &str| serde_json::from_str::<Value>(text).ok();
        let difference = match (parsed(&new), parsed(&old)) {
            (Some(new), Some(old)) => fixture_difference("$", &new, &old, tol),
            _ => Some(format!("{shown} is not valid JSON")),
        };
        if let Some(difference) = difference {
            problems.push(format!(
                "{shown} is stale: {} now prints a different result ({difference}, \
                 beyond rtol {:e} and atol {:e})",
                script.path, tol.rtol, tol.atol,
            ));
        }
    }
    for json in reference_files(root, "json")? {
        if !json.listing && !root.join(&json.path).with_extension("py").is_file() {
            problems.push(format!(
                "{} has no script beside it (fixtures are written by a .py, never by hand)",
                json.path
            ));
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixtures_agree_within_the_tolerance_and_name_the_first_difference() {
        let json = |text: &str| serde_json::from_str::<Value>(text).unwrap();
        let old = json(r#"{"r": [0.13669791176947982, 1e-16], "name": "pca", "n": 3}"#);
        // The last digits of a CPU's own kernels: within tolerance.
        let moved = json(r#"{"r": [0.13669791176947974, 3e-16], "name": "pca", "n": 3}"#);
        let tol = Tolerance::default();
        assert_eq!(fixture_difference("$", &moved, &old, tol), None);
        for (new, says) in [
            (
                r#"{"r": [0.1367, 1e-16], "name": "pca", "n": 3}"#,
                "$.r[0] is now 0.1367",
            ),
            (
                r#"{"r": [0.13669791176947982], "name": "pca", "n": 3}"#,
                "$.r is now",
            ),
            (
                r#"{"r": [0.13669791176947982, 1e-16], "name": "svd", "n": 3}"#,
                "$.name is now",
            ),
            (
                r#"{"r": [0.13669791176947982, 1e-16], "name": "pca", "m": 3}"#,
                "$.m is new",
            ),
        ] {
            let found = fixture_difference("$", &json(new), &old, tol).unwrap();
            assert!(found.starts_with(says), "{new}: {found}");
        }
        // A script's own, looser tolerance.
        let loose = Tolerance::of("import json\n# fixture tolerance: rtol=1e-3, atol=0\n").unwrap();
        assert_eq!(
            loose,
            Tolerance {
                rtol: 1e-3,
                atol: 0.0
            }
        );
        let near = json(r#"{"r": [0.1367, 1e-16], "name": "pca", "n": 3}"#);
        assert_eq!(fixture_difference("$", &near, &old, loose), None);
        assert_eq!(Tolerance::of("# rtol=5\n").unwrap(), Tolerance::default());
        assert!(Tolerance::of("# fixture tolerance: rtol=big\n").is_err());
    }

    #[test]
    fn scripts_are_found_by_their_folder_and_fixtures_compared_with_their_json() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        for (path, text) in [
            ("crates/chapter02/numpy/casting.py", ""),
            ("crates/chapter02/numpy/notes.txt", ""),
            ("crates/chapter02/src/numpy/not_a_listing.py", ""),
            ("crates/support/tests/fixtures/iris.py", ""),
            (
                "crates/support/tests/fixtures/iris.json",
                "{\n \"a\": 1\n}\n",
            ),
            ("crates/support/tests/fixtures/typed.json", "{}\n"),
            ("fresh/support/iris.json", "{\n \"a\": 2\n}\n"),
        ] {
            fs::create_dir_all(root.join(path).parent().unwrap()).unwrap();
            fs::write(root.join(path), text).unwrap();
        }
        let found = reference_files(root, "py").unwrap();
        let found: Vec<_> = found
            .iter()
            .map(|s| {
                (
                    s.krate.as_str(),
                    s.name.as_str(),
                    s.listing,
                    command_line(s),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "chapter02",
                    "casting",
                    true,
                    "$ python3 crates/chapter02/numpy/casting.py".to_owned()
                ),
                (
                    "support",
                    "iris",
                    false,
                    "$ python3 crates/support/tests/fixtures/iris.py".to_owned()
                ),
            ]
        );
        assert_eq!(
            compare_fixtures(root, &root.join("fresh")).unwrap(),
            [
                "crates/support/tests/fixtures/iris.json is stale: crates/support/tests/fixtures/iris.py \
                 now prints a different result ($.a is now 2, the committed file has 1, beyond \
                 rtol 1e-9 and atol 1e-12)",
                "crates/support/tests/fixtures/typed.json has no script beside it (fixtures are written \
                 by a .py, never by hand)",
            ]
        );
    }
}
