//! Builds and runs every chapter example, capturing its stdout and SVG figures: the only way
//! outputs and figures get into the book.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::book::captured;
use crate::util;

/// Where the captured files of one run go.
pub struct OutputDirs {
    /// `<generated>/chapterNN/EXAMPLE.txt`
    pub generated: PathBuf,
    /// `<figures>/chapterNN/*.svg`
    pub figures: PathBuf,
}

/// The first line of every captured output: the command a reader types to see it.
pub fn command_line(chapter: &str, example: &str) -> String {
    format!("$ cargo run --release -p {chapter} --example {example}")
}

/// Builds the examples of every chapter in release mode and returns each one's executable,
/// as `(chapter, example, path)`.
fn build_examples(root: &Path, chapters: &[String]) -> Result<Vec<(String, String, PathBuf)>> {
    let mut cmd = util::cargo();
    cmd.current_dir(root).args([
        "build",
        "--release",
        "--examples",
        "--message-format=json-render-diagnostics",
    ]);
    for chapter in chapters {
        cmd.args(["-p", chapter]);
    }
    eprintln!(
        "==> building the examples of {} (release)",
        chapters.join(", ")
    );
    let start = Instant::now();
    let output = cmd
        .stderr(Stdio::inherit())
        .output()
        .context("starting cargo build")?;
    eprintln!("    built in {:.1} s", start.elapsed().as_secs_f64());
    if !output.status.success() {
        bail!("building the examples failed");
    }
    let mut found = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let is_example = msg["reason"] == "compiler-artifact"
            && msg["target"]["kind"]
                .as_array()
                .is_some_and(|k| k.iter().any(|k| k == "example"));
        if !is_example {
            continue;
        }
        let (Some(exe), Some(name), Some(manifest)) = (
            msg["executable"].as_str(),
            msg["target"]["name"].as_str(),
            msg["manifest_path"].as_str(),
        ) else {
            continue;
        };
        let chapter = Path::new(manifest)
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        found.push((chapter, name.to_owned(), PathBuf::from(exe)));
    }
    found.sort();
    Ok(found)
}

/// Cargo writes every package's examples into one folder (`target/release/examples/`), so two
/// chapters with an example of the same name overwrite each other's executable, and the
/// book would show one chapter's output under the other's name. Example names must therefore
/// be unique across the workspace.
fn check_unique_names(root: &Path, chapters: &[String]) -> Result<()> {
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut clashes = Vec::new();
    for chapter in chapters {
        for example in util::examples(root, chapter)? {
            if let Some((other, _)) = seen.iter().find(|(_, e)| *e == example) {
                clashes.push(format!(
                    "crates/{other}/examples/{example}.rs and crates/{chapter}/examples/{example}.rs"
                ));
            }
            seen.push((chapter.clone(), example));
        }
    }
    if !clashes.is_empty() {
        bail!(
            "example names must be unique across the workspace (cargo puts every example \
             executable in one folder); rename one of each pair:\n  {}",
            clashes.join("\n  ")
        );
    }
    Ok(())
}

/// Runs every example of `chapters` and writes outputs and figures into `dirs`, replacing
/// what was there for those chapters (so a deleted example leaves no stale file behind).
pub fn generate(root: &Path, chapters: &[String], dirs: &OutputDirs) -> Result<()> {
    let with_examples: Vec<String> = chapters
        .iter()
        .filter(|c| util::examples(root, c).is_ok_and(|e| !e.is_empty()))
        .cloned()
        .collect();
    if with_examples.is_empty() {
        return Ok(());
    }
    check_unique_names(root, &with_examples)?;
    let built = build_examples(root, &with_examples)?;
    for chapter in &with_examples {
        // The NumPy listings' outputs (`numpy/`) are written by `reference.rs`.
        clear_except(
            &dirs.generated.join(chapter),
            crate::book::reference::LISTINGS_DIR,
        )?;
        clear_except(&dirs.figures.join(chapter), "")?;
        fs::create_dir_all(dirs.generated.join(chapter))?;
        let expected = util::examples(root, chapter)?;
        let have: Vec<&String> = built
            .iter()
            .filter(|b| &b.0 == chapter)
            .map(|b| &b.1)
            .collect();
        if let Some(missing) = expected.iter().find(|e| !have.contains(e)) {
            bail!("cargo built no executable for {chapter}/{missing}");
        }
    }
    let total = built.len();
    for (i, (chapter, example, exe)) in built.iter().enumerate() {
        let start = Instant::now();
        eprint!("[{:>2}/{total}] {chapter}/{example} ... ", i + 1);
        let output = util::output_with_timeout(
            &format!("{chapter}/{example}"),
            Command::new(exe)
                .current_dir(root)
                .env("SCML_FIGURES_DIR", dirs.figures.join(chapter))
                // `support::output_part` prints its markers (see `captured.rs`).
                .env("SCML_OUTPUT_PARTS", "1")
                .env_remove("SCML_DATA_DIR"),
            util::RUN_TIMEOUT,
        )?;
        eprintln!("{:.2} s", start.elapsed().as_secs_f64());
        if !output.status.success() {
            bail!(
                "{chapter}/{example} failed ({}):\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let stdout = String::from_utf8(output.stdout)
            .with_context(|| format!("{chapter}/{example} printed invalid UTF-8"))?;
        captured::write(
            &dirs.generated.join(chapter),
            example,
            &command_line(chapter, example),
            &stdout,
        )?;
    }
    Ok(())
}

/// Empties `dir` except its entry named `keep`; a missing `dir` is fine.
fn clear_except(dir: &Path, keep: &str) -> Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    for entry in fs::read_dir(dir).with_context(|| format!("clearing {}", dir.display()))? {
        let path = entry?.path();
        if path.file_name().is_some_and(|n| n == keep) {
            continue;
        } else if path.is_dir() {
            fs::remove_dir_all(&path)?;
        } else {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Compares the files of `fresh` with those of `committed` (one chapter folder each) and
/// describes every difference, naming the committed file.
pub fn compare_dirs(fresh: &Path, committed: &Path, root: &Path) -> Result<Vec<String>> {
    let list = |dir: &Path| -> Result<Vec<String>> {
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut names: Vec<String> = crate::book::checks::files_with_suffix(dir, "")?
            .iter()
            .map(|p| p.strip_prefix(dir).unwrap_or(p).display().to_string())
            .collect();
        names.sort();
        Ok(names)
    };
    let shown = |name: &str| {
        let p = committed.join(name);
        p.strip_prefix(root).unwrap_or(&p).display().to_string()
    };
    let fresh_names = list(fresh)?;
    let committed_names = list(committed)?;
    let mut problems = Vec::new();
    for name in &fresh_names {
        if !committed_names.contains(name) {
            problems.push(format!(
                "{} is missing (a new example output or figure)",
                shown(name)
            ));
            continue;
        }
        let new = fs::read(fresh.join(name))?;
        let old = fs::read(committed.join(name))?;
        if new != old {
            let new = String::from_utf8_lossy(&new);
            let old = String::from_utf8_lossy(&old);
            let line = new
                .lines()
                .zip(old.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| new.lines().count().min(old.lines().count()));
            let now = new.lines().nth(line).unwrap_or("<end of file>");
            let was = old.lines().nth(line).unwrap_or("<end of file>");
            let clip = |s: &str| s.chars().take(120).collect::<String>();
            problems.push(format!(
                "{} is stale: line {} is now `{}`, the committed file has `{}`",
                shown(name),
                line + 1,
                clip(now),
                clip(was)
            ));
        }
    }
    for name in &committed_names {
        if !fresh_names.contains(name) {
            problems.push(format!(
                "{} is no longer produced by any example",
                shown(name)
            ));
        }
    }
    Ok(problems)
}
