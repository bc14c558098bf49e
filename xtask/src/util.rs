//! Small helpers shared by the xtask subcommands: where the workspace is, which chapters
//! exist, and running a command while saying what runs and how long it took.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};

/// The workspace root (the folder that holds the top-level `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// The chapter crates, sorted: `["chapter01", "chapter02", ...]`.
pub fn chapters(root: &Path) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(root.join("crates")).context("reading crates/")? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with("chapter")
            && root.join("crates").join(&name).join("Cargo.toml").is_file()
        {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// The example names of one chapter crate (`crates/<chapter>/examples/*.rs`), sorted.
pub fn examples(root: &Path, chapter: &str) -> Result<Vec<String>> {
    let dir = root.join("crates").join(chapter).join("examples");
    let mut names = Vec::new();
    if dir.is_dir() {
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?
        {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "rs")
                && let Some(stem) = path.file_stem()
            {
                names.push(stem.to_string_lossy().into_owned());
            }
        }
    }
    names.sort();
    Ok(names)
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
