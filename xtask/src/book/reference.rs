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

use anyhow::{Context, Result, bail};

use crate::book::{captured, checks};
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

/// Every reference script of the workspace, sorted by path.
fn scripts(root: &Path) -> Result<Vec<Script>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(root.join("crates")).context("reading crates/")? {
        let krate = entry?.file_name().to_string_lossy().into_owned();
        for (dir, kind) in [(LISTINGS_DIR, Kind::Listing), (FIXTURES_DIR, Kind::Fixture)] {
            let dir = root.join("crates").join(&krate).join(dir);
            if !dir.is_dir() {
                continue;
            }
            for file in fs::read_dir(&dir)? {
                let path = file?.path();
                if path.extension().is_none_or(|e| e != "py") {
                    continue;
                }
                let name = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let rel = path.strip_prefix(root).unwrap_or(&path);
                found.push(Script {
                    krate: krate.clone(),
                    name,
                    path: rel.to_string_lossy().replace('\\', "/"),
                    kind,
                });
            }
        }
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
                if let Err(e) = serde_json::from_str::<serde_json::Value>(&stdout) {
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
    for file in checks::files_with_suffix(from, "")? {
        let target = to.join(file.strip_prefix(from).unwrap_or(&file));
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
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
            let line = new
                .lines()
                .zip(old.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| new.lines().count().min(old.lines().count()));
            problems.push(format!(
                "{shown} is stale: {} now prints `{}` at line {}, the committed file has `{}`",
                script.path,
                new.lines().nth(line).unwrap_or("<end of file>").trim(),
                line + 1,
                old.lines().nth(line).unwrap_or("<end of file>").trim(),
            ));
        }
    }
    for entry in fs::read_dir(root.join("crates"))? {
        let dir = entry?.path().join(FIXTURES_DIR);
        if !dir.is_dir() {
            continue;
        }
        for json in checks::files_with_suffix(&dir, ".json")? {
            if !json.with_extension("py").is_file() {
                let shown = json
                    .strip_prefix(root)
                    .unwrap_or(&json)
                    .display()
                    .to_string();
                problems.push(format!(
                    "{shown} has no script beside it (fixtures are written by a .py, never by hand)"
                ));
            }
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_names_the_script_from_the_root() {
        let s = Script {
            krate: "chapter02".into(),
            name: "casting".into(),
            path: "crates/chapter02/numpy/casting.py".into(),
            kind: Kind::Listing,
        };
        assert_eq!(
            command_line(&s),
            "$ python3 crates/chapter02/numpy/casting.py"
        );
    }
}
