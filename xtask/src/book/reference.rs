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

use crate::book::captured;
use crate::book::text::first_difference;
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
    let scripts = reference_files(root, "py")?;
    let chapters = crate::chapters::names(&crate::chapters::registry(root)?);
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

/// Compares the fixtures a `check` run wrote into `fresh` (`<fresh>/<crate>/NAME.json`) with
/// the committed ones, and reports committed JSON that no script writes.
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
                 now prints `\"a\": 2` at line 2, the committed file has `\"a\": 1`",
                "crates/support/tests/fixtures/typed.json has no script beside it (fixtures are written \
                 by a .py, never by hand)",
            ]
        );
    }
}
