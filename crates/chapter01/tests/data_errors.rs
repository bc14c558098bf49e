//! A real example, run on a malformed copy of iris: it must fail with a
//! message a reader can act on (file:line:column, the column's name and the bad
//! text) on stderr, and a non-zero exit code.
//!
//! The example is built with the same cargo, profile and target folder as this
//! test (a no-op when `cargo test` or `cargo xtask book` built it already:
//! `cargo test --all-targets` builds examples only as test harnesses, so its
//! plain binary may be missing).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds `example` of this package and returns its executable.
fn build_example(example: &str) -> PathBuf {
    // This test runs as <target>/<profile folder>/deps/data_errors-<hash>.
    let exe = std::env::current_exe().expect("the test's own path");
    let profile_dir = exe
        .ancestors()
        .nth(2)
        .expect("the test runs from <target>/<profile>/deps");
    let target_dir = profile_dir.parent().expect("the target folder");
    let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") => "dev",
        Some(name) => name,
        None => panic!("no profile folder in {}", exe.display()),
    };
    let cargo =
        std::env::var_os("CARGO").unwrap_or_else(|| env!("CARGO").into());
    let output = Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["build", "--quiet", "-p", env!("CARGO_PKG_NAME")])
        .args(["--example", example, "--profile", profile])
        .arg("--target-dir")
        .arg(target_dir)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "building the example {example} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = profile_dir
        .join("examples")
        .join(example)
        .with_extension(std::env::consts::EXE_EXTENSION);
    assert!(path.is_file(), "cargo built no {}", path.display());
    path
}

/// A copy of `data/iris.csv` whose line `line` has `text` in `column` (both
/// 1-based, as in an editor), in a fresh temp folder.
fn malformed_iris(
    test: &str,
    line: usize,
    column: usize,
    text: &str,
) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("chapter01-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dir = dir.canonicalize().unwrap();
    let iris = support::data_dir().join("iris.csv");
    let original = std::fs::read_to_string(iris).unwrap();
    let mut lines: Vec<String> = original.lines().map(str::to_owned).collect();
    let mut fields: Vec<&str> = lines[line - 1].split(',').collect();
    fields[column - 1] = text;
    lines[line - 1] = fields.join(",");
    std::fs::write(dir.join("iris.csv"), lines.join("\n") + "\n").unwrap();
    dir
}

fn run_on(exe: &Path, data_dir: &Path) -> std::process::Output {
    Command::new(exe)
        // Run from the data folder, so the message names `iris.csv` relative
        // to it, as it would name `data/iris.csv` from the repository root.
        .current_dir(data_dir)
        .env("SCML_DATA_DIR", data_dir)
        .env_remove("SCML_OUTPUT_PARTS")
        .output()
        .expect("the example runs")
}

#[test]
fn an_example_reports_a_bad_number_readably_and_fails() {
    let exe = build_example("first_arrays");
    let dir = malformed_iris("bad-number", 5, 2, "abc");
    let output = run_on(&exe, &dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr:\n{stderr}");
    assert_eq!(
        stderr,
        "Error: iris.csv:5:2: column `sepal_width_cm`: `abc` is not a number\n"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_example_reports_a_missing_file_readably_and_fails() {
    let exe = build_example("first_arrays");
    let dir = std::env::temp_dir()
        .join(format!("chapter01-{}-empty", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let output = run_on(&exe, &dir.canonicalize().unwrap());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr:\n{stderr}");
    assert!(
        stderr.starts_with("Error: iris.csv: cannot read: ")
            && !stderr.contains("Io {"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
