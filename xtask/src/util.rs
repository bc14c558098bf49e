//! Small helpers shared by the xtask subcommands: where the workspace is, a chapter's
//! examples, and running a command while saying what runs and how long it took.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::LazyLock;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use regex::Regex;
use wait_timeout::ChildExt;
use walkdir::WalkDir;

/// The workspace root (the folder that holds the top-level `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    // `cargo run` sets CARGO_MANIFEST_DIR for the process, naming the checkout it was started
    // in. The compile-time value is only a fallback: clones that share one target folder reuse
    // each other's xtask binary, and its baked-in path names whichever clone built it last.
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// The example names of one chapter crate (`crates/<chapter>/examples/*.rs`), sorted.
pub fn examples(root: &Path, chapter: &str) -> Result<Vec<String>> {
    let dir = root.join("crates").join(chapter).join("examples");
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    Ok(files(&dir)?
        .iter()
        .filter(|p| p.parent() == Some(&dir) && p.extension().is_some_and(|e| e == "rs"))
        .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
        .collect())
}

/// Every file below `dir`, depth first, each folder's entries sorted by name.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        if entry.file_type().is_file() {
            found.push(entry.into_path());
        }
    }
    Ok(found)
}

/// Fails with every problem listed when there are any.
pub fn report(what: &str, problems: Vec<String>) -> Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    for p in &problems {
        eprintln!("  {p}");
    }
    bail!("{what}: {} problem(s), listed above", problems.len());
}

/// A `cargo` command (the same cargo that runs this xtask).
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs `cmd` to completion with inherited output, printing what runs and how long it took.
pub fn run_step(what: &str, cmd: &mut Command) -> Result<()> {
    eprintln!("==> {what}");
    let start = Instant::now();
    let status = cmd.status().with_context(|| format!("starting {what}"))?;
    eprintln!("    {what}: {:.1} s", start.elapsed().as_secs_f64());
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

/// The variables that set the size of every thread pool an example, a NumPy listing or a
/// benchmark may use (OpenBLAS, OpenMP, MKL, rayon, Accelerate, numexpr). The book's build
/// sets each to 1, so that a parallel reduction, whose digits depend on how the work is
/// split, prints the same on every machine; `cargo xtask bench` sets them to `--threads`.
pub const PINNED_THREADS: [&str; 6] = [
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "RAYON_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
];

/// How long one example or reference script may run before the build gives up on it.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(300);

/// Runs `cmd` to completion with stdout and stderr captured, like `Command::output`, but kills
/// it and fails, naming `what`, when it runs longer than `timeout` (a hanging example must not
/// stall CI until its own limit).
pub fn output_with_timeout(what: &str, cmd: &mut Command, timeout: Duration) -> Result<Output> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {what}"))?;
    // Both pipes are drained while the child runs, so a full pipe cannot stall it.
    let (stdout, stderr) = (drain(child.stdout.take()), drain(child.stderr.take()));
    let Some(status) = child.wait_timeout(timeout)? else {
        let _ = child.kill();
        let _ = child.wait();
        bail!(
            "{what} did not finish within {} s and was stopped",
            timeout.as_secs()
        );
    };
    Ok(Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// Reads `pipe` to its end on a thread of its own.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

/// Test counts summed over the `test result:` lines of `cargo test`.
#[derive(Debug, Default, PartialEq)]
pub struct TestCounts {
    pub passed: u64,
    pub failed: u64,
    pub ignored: u64,
}

impl TestCounts {
    pub fn add(&mut self, other: &TestCounts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.ignored += other.ignored;
    }

    /// Adds the counts of one `test result: ok. 3 passed; 0 failed; 1 ignored; ...` line.
    pub fn add_line(&mut self, line: &str) {
        static COUNT: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(\d+) (passed|failed|ignored)").expect("a valid regex"));
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for count in COUNT.captures_iter(rest) {
            let n: u64 = count[1].parse().unwrap_or(0);
            match &count[2] {
                "passed" => self.passed += n,
                "failed" => self.failed += n,
                _ => self.ignored += n,
            }
        }
    }
}

/// Runs a `cargo test` command, echoing its output as it comes, and sums its results.
/// Fails when the command fails.
pub fn run_tests(what: &str, cmd: &mut Command) -> Result<TestCounts> {
    eprintln!("==> {what}");
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {what}"))?;
    let mut counts = TestCounts::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line?;
            counts.add_line(&line);
            println!("{line}");
        }
    }
    let status = child.wait()?;
    eprintln!("    {what}: {:.1} s", start.elapsed().as_secs_f64());
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_result_lines_are_summed() {
        let mut c = TestCounts::default();
        c.add_line("test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 1.06s");
        c.add_line(
            "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out",
        );
        c.add_line("running 3 tests");
        assert_eq!(
            c,
            TestCounts {
                passed: 15,
                failed: 2,
                ignored: 1
            }
        );
    }
}
