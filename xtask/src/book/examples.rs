//! Builds and runs every chapter example, capturing its stdout and SVG figures: the only way
//! outputs and figures get into the book.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail, ensure};
use cargo_metadata::{Message, TargetKind};

use crate::book::captured;
use crate::book::text::first_difference;
use crate::util;

/// Where the captured files of one run go.
pub struct OutputDirs {
    /// `<generated>/chapterNN/EXAMPLE.txt`
    pub generated: PathBuf,
    /// `<figures>/chapterNN/*.svg`
    pub figures: PathBuf,
}

/// Builds the examples of every chapter in release mode and returns each one's executable,
/// as `(chapter, example, path)`.
fn build_examples(root: &Path, chapters: &[String]) -> Result<Vec<(String, String, PathBuf)>> {
    let mut cmd = util::cargo();
    cmd.current_dir(root)
        .args(["build", "--release", "--examples"])
        .arg("--message-format=json-render-diagnostics")
        .args(chapters.iter().flat_map(|chapter| ["-p", chapter]));
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
    ensure!(output.status.success(), "building the examples failed");
    let mut found = Vec::new();
    for message in Message::parse_stream(output.stdout.as_slice()) {
        let Message::CompilerArtifact(artifact) = message.context("reading cargo's messages")?
        else {
            continue;
        };
        if !artifact.target.kind.contains(&TargetKind::Example) {
            continue;
        }
        let chapter = artifact.manifest_path.parent().and_then(|d| d.file_name());
        let (Some(exe), Some(chapter)) = (artifact.executable, chapter) else {
            bail!(
                "cargo reported no executable for the example {} ({})",
                artifact.target.name,
                artifact.manifest_path
            );
        };
        found.push((
            chapter.to_owned(),
            artifact.target.name,
            exe.into_std_path_buf(),
        ));
    }
    found.sort();
    Ok(found)
}

/// Cargo writes every package's examples into one folder (`target/release/examples/`), so two
/// chapters with an example of the same name overwrite each other's executable, and the
/// book would show one chapter's output under the other's name. Example names must therefore
/// be unique across the workspace.
fn check_unique_names(root: &Path, chapters: &[String]) -> Result<()> {
    let mut first_chapter: HashMap<String, &String> = HashMap::new();
    let mut clashes = Vec::new();
    for chapter in chapters {
        for example in util::examples(root, chapter)? {
            let first = first_chapter.entry(example.clone()).or_insert(chapter);
            if *first != chapter {
                clashes.push(format!(
                    "crates/{first}/examples/{example}.rs and crates/{chapter}/examples/{example}.rs"
                ));
            }
        }
    }
    ensure!(
        clashes.is_empty(),
        "example names must be unique across the workspace (cargo puts every example \
         executable in one folder); rename one of each pair:\n  {}",
        clashes.join("\n  ")
    );
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
        for example in util::examples(root, chapter)? {
            if !built.iter().any(|(c, e, _)| c == chapter && *e == example) {
                bail!("cargo built no executable for {chapter}/{example}");
            }
        }
    }
    for (i, (chapter, example, exe)) in built.iter().enumerate() {
        let stdout = captured::run(
            &format!("{chapter}/{example}"),
            (i, built.len()),
            Command::new(exe)
                .current_dir(root)
                .env("SCML_FIGURES_DIR", dirs.figures.join(chapter))
                // `support::output_part` prints its markers (see `captured.rs`).
                .env("SCML_OUTPUT_PARTS", "1")
                .envs(crate::util::PINNED_THREADS.map(|k| (k, "1")))
                .env_remove("SCML_DATA_DIR"),
        )?;
        // The first line of the captured output: the command a reader types to see it.
        let command = format!("$ cargo run --release -p {chapter} --example {example}");
        captured::write(&dirs.generated.join(chapter), example, &command, &stdout)?;
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

/// Where `book` records the machine that printed the outputs (see [`machine_identity`]):
/// `check` compares the machine-dependent ones only on that machine.
///
/// [`machine_identity`]: crate::bench::machine_identity
pub const CAPTURED_ON: &str = "book/src/generated/captured-on.txt";

/// The machine that printed the committed outputs, if recorded.
pub fn captured_on(root: &Path) -> Option<String> {
    let text = fs::read_to_string(root.join(CAPTURED_ON)).ok()?;
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

/// What [`compare_dirs`] found.
#[derive(Debug, Default)]
pub struct Comparison {
    /// Missing, extra and stale files.
    pub problems: Vec<String>,
    /// Files that differ and are machine-dependent: stale only on the machine that captured
    /// them (the caller knows which machine that was).
    pub machine_dependent: Vec<String>,
}

/// Compares the files of `fresh` with those of `committed` (one chapter folder each) and
/// describes every difference, naming the committed file. A difference in one of
/// `machine_dependent` (committed paths) is set apart.
pub fn compare_dirs(
    fresh: &Path,
    committed: &Path,
    root: &Path,
    machine_dependent: &BTreeSet<PathBuf>,
) -> Result<Comparison> {
    let list = |dir: &Path| -> Result<BTreeSet<PathBuf>> {
        if !dir.is_dir() {
            return Ok(BTreeSet::new());
        }
        let files = util::files(dir)?.into_iter();
        Ok(files
            .map(|p| p.strip_prefix(dir).map(Path::to_path_buf).unwrap_or(p))
            .collect())
    };
    let (fresh_names, committed_names) = (list(fresh)?, list(committed)?);
    let mut found = Comparison::default();
    let problems = &mut found.problems;
    for name in fresh_names.union(&committed_names) {
        let path = committed.join(name);
        let shown = path.strip_prefix(root).unwrap_or(&path).display();
        if !committed_names.contains(name) {
            problems.push(format!(
                "{shown} is missing (a new example output or figure)"
            ));
        } else if !fresh_names.contains(name) {
            problems.push(format!("{shown} is no longer produced by any example"));
        } else {
            let (new, old) = (fs::read(fresh.join(name))?, fs::read(&path)?);
            if new != old && machine_dependent.contains(&path) {
                found.machine_dependent.push(shown.to_string());
            } else if new != old {
                let (new, old) = (String::from_utf8_lossy(&new), String::from_utf8_lossy(&old));
                let (line, now, was) = first_difference(&new, &old);
                let clip = |s: &str| s.chars().take(120).collect::<String>();
                problems.push(format!(
                    "{shown} is stale: line {} is now `{}`, the committed file has `{}`",
                    line + 1,
                    clip(now),
                    clip(was)
                ));
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_a_missing_and_an_extra_file_are_each_named_by_their_committed_path() {
        let root = tempfile::tempdir().unwrap();
        let (fresh, committed) = (
            root.path().join("fresh"),
            root.path().join("book/generated"),
        );
        for (dir, files) in [
            (
                &fresh,
                [
                    ("same.txt", "a\n"),
                    ("ranges/grid.txt", "1\n2\n3\n"),
                    ("new.txt", "n\n"),
                ],
            ),
            (
                &committed,
                [
                    ("same.txt", "a\n"),
                    ("ranges/grid.txt", "1\n2\n"),
                    ("old.svg", "<svg/>"),
                ],
            ),
        ] {
            for (name, text) in files {
                fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
                fs::write(dir.join(name), text).unwrap();
            }
        }
        let none = BTreeSet::new();
        let mut problems = compare_dirs(&fresh, &committed, root.path(), &none)
            .unwrap()
            .problems;
        problems.sort();
        assert_eq!(
            problems,
            [
                "book/generated/new.txt is missing (a new example output or figure)",
                "book/generated/old.svg is no longer produced by any example",
                "book/generated/ranges/grid.txt is stale: line 3 is now `3`, the committed file \
                 has `<end of file>`",
            ]
        );
        assert!(
            compare_dirs(&committed, &committed, root.path(), &none)
                .unwrap()
                .problems
                .is_empty()
        );
        // A machine-dependent file that differs is set apart, not a problem.
        let stale = BTreeSet::from([committed.join("ranges/grid.txt")]);
        let found = compare_dirs(&fresh, &committed, root.path(), &stale).unwrap();
        assert_eq!(found.machine_dependent, ["book/generated/ranges/grid.txt"]);
        assert_eq!(found.problems.len(), 2, "{:?}", found.problems);
    }
}
