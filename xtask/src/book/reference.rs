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
//! one thread for BLAS so their digits do not depend on the machine's core count. Without
//! Python, `book` keeps the committed files and `check` counts them as not re-verified.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use std::sync::LazyLock;

use anyhow::{Context, Result, bail};
use regex::Regex;

use crate::book::captured;
use crate::book::examples::first_difference;
use crate::{python, util};

/// The folder of a chapter crate that holds its NumPy listings, and of
/// `book/src/generated/<chapter>/` that holds their outputs.
pub const LISTINGS_DIR: &str = "numpy";
/// The folder of a crate that holds its fixture scripts and the JSON they write.
pub const FIXTURES_DIR: &str = "tests/fixtures";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Listing,
    Fixture,
}

/// One reference script.
#[derive(Debug)]
struct Script {
    /// The crate folder's name, e.g. `chapter02` or `support`.
    krate: String,
    /// The file stem.
    name: String,
    /// Relative to the workspace root, with `/` separators.
    path: String,
    kind: Kind,
}

/// The files of the workspace's crates whose path (from the root, with `/`) matches
/// `pattern`, sorted, with the pattern's captures.
fn crate_files(root: &Path, pattern: &Regex) -> Result<Vec<(String, Vec<String>)>> {
    let mut found = Vec::new();
    for path in util::files(&root.join("crates"))? {
        let rel = path.strip_prefix(root).unwrap_or(&path);
        let rel = rel.to_string_lossy().replace('\\', "/");
        if let Some(caps) = pattern.captures(&rel) {
            let caps = caps
                .iter()
                .skip(1)
                .map(|c| c.map_or("", |c| c.as_str()).to_owned());
            found.push((rel.clone(), caps.collect()));
        }
    }
    found.sort();
    Ok(found)
}

/// Every reference script of the workspace, sorted by path.
fn scripts(root: &Path) -> Result<Vec<Script>> {
    static SCRIPT: LazyLock<Regex> = LazyLock::new(|| {
        let dirs = format!("{LISTINGS_DIR}|{FIXTURES_DIR}");
        Regex::new(&format!(r"^crates/([^/]+)/({dirs})/([^/]+)\.py$")).expect("a valid regex")
    });
    let scripts = crate_files(root, &SCRIPT)?
        .into_iter()
        .map(|(path, caps)| Script {
            krate: caps[0].clone(),
            name: caps[2].clone(),
            kind: if caps[1] == LISTINGS_DIR {
                Kind::Listing
            } else {
                Kind::Fixture
            },
            path,
        });
    Ok(scripts.collect())
}

/// Where one run writes.
pub struct Destinations {
    /// `<generated>/<chapter>/numpy/NAME.txt`
    pub generated: PathBuf,
    /// `None`: the fixtures are written in place, beside their scripts (`book`);
    /// `Some(dir)`: into `<dir>/<crate>/NAME.json`, to be compared (`check`).
    pub fixtures: Option<PathBuf>,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Scripts not run, their committed results kept (no Python); with the reason.
    pub not_verified: usize,
    pub reason: Option<String>,
}

/// The command line a reader types to see a listing's output.
fn command_line(script: &Script) -> String {
    format!("$ python3 {}", script.path)
}

/// Runs every reference script and writes its results into `dest`. Without Python it says so
/// in one line and keeps (or, for a scratch `dest`, copies) the committed results.
pub fn generate(root: &Path, dest: &Destinations) -> Result<Outcome> {
    let scripts = scripts(root)?;
    let committed_generated = root.join("book/src/generated");
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
            if dest.generated != committed_generated {
                for chapter in util::chapters(root)? {
                    let from = committed_generated.join(&chapter).join(LISTINGS_DIR);
                    if from.is_dir() {
                        copy_dir(&from, &dest.generated.join(&chapter).join(LISTINGS_DIR))?;
                    }
                }
            }
            return Ok(Outcome {
                not_verified: scripts.len(),
                reason: Some(reason),
            });
        }
    };
    // Outputs of listings that no longer exist must not survive.
    for chapter in util::chapters(root)? {
        let dir = dest.generated.join(&chapter).join(LISTINGS_DIR);
        if dir.exists() {
            fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
        }
    }
    let total = scripts.len();
    for (i, script) in scripts.iter().enumerate() {
        let start = Instant::now();
        eprint!("[{:>2}/{total}] {} ... ", i + 1, script.path);
        let stdout = run(root, &python, script)?;
        eprintln!("{:.2} s", start.elapsed().as_secs_f64());
        match (script.kind, &dest.fixtures) {
            (Kind::Listing, _) => captured::write(
                &dest.generated.join(&script.krate).join(LISTINGS_DIR),
                &script.name,
                &command_line(script),
                &stdout,
            )?,
            (Kind::Fixture, into) => {
                if let Err(e) =
                    serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&stdout)
                {
                    bail!("{} did not print one JSON object: {e}", script.path);
                }
                let dir = match into {
                    None => root.join("crates").join(&script.krate).join(FIXTURES_DIR),
                    Some(dir) => dir.join(&script.krate),
                };
                fs::create_dir_all(&dir)?;
                let mut text = stdout;
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                fs::write(dir.join(format!("{}.json", script.name)), text)?;
            }
        }
    }
    Ok(Outcome::default())
}

/// Runs one script and returns its stdout; fails with its stderr.
fn run(root: &Path, python: &Path, script: &Script) -> Result<String> {
    let output = util::output_with_timeout(
        &script.path,
        Command::new(python)
            .arg(&script.path)
            .current_dir(root)
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("PYTHONIOENCODING", "utf-8")
            .envs(["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"].map(|k| (k, "1"))),
        util::RUN_TIMEOUT,
    )?;
    if !output.status.success() {
        bail!(
            "{} failed ({}):\n{}",
            script.path,
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    String::from_utf8(output.stdout)
        .with_context(|| format!("{} printed invalid UTF-8", script.path))
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for file in util::files(from)? {
        let target = to.join(file.strip_prefix(from).unwrap_or(&file));
        fs::create_dir_all(target.parent().unwrap_or(to))?;
        fs::copy(&file, &target)?;
    }
    Ok(())
}

/// Compares the fixtures a `check` run wrote into `fresh` (`<fresh>/<crate>/NAME.json`) with
/// the committed ones, and reports committed JSON that no script writes.
pub fn compare_fixtures(root: &Path, fresh: &Path) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let scripts = scripts(root)?;
    for script in scripts.iter().filter(|s| s.kind == Kind::Fixture) {
        let committed = root
            .join("crates")
            .join(&script.krate)
            .join(FIXTURES_DIR)
            .join(format!("{}.json", script.name));
        let shown = committed
            .strip_prefix(root)
            .unwrap_or(&committed)
            .display()
            .to_string();
        let new = fresh
            .join(&script.krate)
            .join(format!("{}.json", script.name));
        let (Ok(new), Ok(old)) = (fs::read_to_string(&new), fs::read_to_string(&committed)) else {
            problems.push(format!("{shown} is missing (run `cargo xtask book`)"));
            continue;
        };
        if new != old {
            let (line, now, was) = first_difference(&new, &old);
            problems.push(format!(
                "{shown} is stale: {} now prints `{}` at line {}, the committed file has `{}`",
                script.path,
                now.trim(),
                line + 1,
                was.trim(),
            ));
        }
    }
    static JSON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^(crates/[^/]+/{FIXTURES_DIR}/[^/]+)\.json$")).expect("a valid regex")
    });
    for (json, caps) in crate_files(root, &JSON)? {
        if !root.join(format!("{}.py", caps[0])).is_file() {
            problems.push(format!(
                "{json} has no script beside it (fixtures are written by a .py, never by hand)"
            ));
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let found = scripts(root).unwrap();
        let found: Vec<_> = found
            .iter()
            .map(|s| (s.krate.as_str(), s.name.as_str(), s.kind, command_line(s)))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "chapter02",
                    "casting",
                    Kind::Listing,
                    "$ python3 crates/chapter02/numpy/casting.py".to_owned()
                ),
                (
                    "support",
                    "iris",
                    Kind::Fixture,
                    "$ python3 crates/support/tests/fixtures/iris.py".to_owned()
                ),
            ]
        );
        assert_eq!(
            compare_fixtures(root, &root.join("fresh")).unwrap(),
            [
                "crates/support/tests/fixtures/iris.json is stale: crates/support/tests/fixtures/iris.py \
                 now prints `\"a\": 2` at line 2, the committed file has `\"a\": 1`",
                "crates/support/tests/fixtures/typed.json has no script beside it (fixtures are written \
                 by a .py, never by hand)",
            ]
        );
    }
}
