//! Writes what an example or a NumPy listing printed into `book/src/generated/`, whole and cut
//! into parts, so that each output block of a page can follow the listing that printed it.
//!
//! A program starts a part by printing a marker line `--8<-- NAME` (NAME of `a-z`, `0-9`, `_`;
//! Rust examples call `support::output_part`, which prints it only when the xtask sets
//! `SCML_OUTPUT_PARTS`). An output with parts is written as `NAME/PART.txt`, one file a part;
//! one without as `NAME.txt`. The first line of the whole file and of the first
//! part is the command a reader types to see it.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail, ensure};

use crate::util;

/// What starts a marker line.
pub const PART_MARKER: &str = "--8<-- ";

/// The whole output (markers removed) and each named part, in order.
#[derive(Debug, PartialEq)]
pub struct Captured {
    pub whole: String,
    pub parts: Vec<(String, String)>,
}

/// Splits `stdout` at its marker lines and puts `command` first. An output with parts must
/// not print anything before its first marker (no page could show it).
pub fn split(command: &str, stdout: &str) -> Result<Captured> {
    let mut whole = format!("{command}\n");
    let mut parts: Vec<(String, String)> = Vec::new();
    for (i, line) in stdout.lines().enumerate() {
        if let Some(name) = line.strip_prefix(PART_MARKER) {
            let valid = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !valid {
                bail!(
                    "output line {}: `{line}` is not a part marker (`{PART_MARKER}NAME`, NAME of a-z, 0-9, _)",
                    i + 1
                );
            }
            if parts.iter().any(|(n, _)| n == name) {
                bail!("output line {}: part `{name}` starts twice", i + 1);
            }
            parts.push((name.to_owned(), String::new()));
            continue;
        }
        whole += &format!("{line}\n");
        match parts.last_mut() {
            Some((_, text)) => *text += &format!("{line}\n"),
            None if !line.trim().is_empty() && stdout.contains(PART_MARKER) => bail!(
                "output line {}: `{line}` comes before the first part marker, so no page \
                 could show it; start a part before it",
                i + 1
            ),
            None => {}
        }
    }
    if let Some((name, _)) = parts
        .iter()
        .find(|(_, text)| text.lines().all(|l| l.trim().is_empty() || l == command))
    {
        bail!("part `{name}` is empty");
    }
    if let Some((_, first)) = parts.first_mut() {
        first.insert_str(0, &format!("{command}\n"));
    }
    Ok(Captured { whole, parts })
}

/// Runs program `i` of `total` (`what`), printing its progress and time, and returns what it
/// printed; fails with its stderr, or when it runs past [`util::RUN_TIMEOUT`].
pub fn run(what: &str, (i, total): (usize, usize), cmd: &mut Command) -> Result<String> {
    let start = Instant::now();
    eprint!("[{:>2}/{total}] {what} ... ", i + 1);
    let output = util::output_with_timeout(what, cmd, util::RUN_TIMEOUT)?;
    eprintln!("{:.2} s", start.elapsed().as_secs_f64());
    ensure!(
        output.status.success(),
        "{what} failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).with_context(|| format!("{what} printed invalid UTF-8"))
}

/// Writes `<dir>/<name>/<part>.txt` for each part of the output or, when it has none,
/// `<dir>/<name>.txt` (the book shows either the parts or the whole, never both).
pub fn write(dir: &Path, name: &str, command: &str, stdout: &str) -> Result<()> {
    let captured = split(command, stdout).with_context(|| format!("the output of {name}"))?;
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    if captured.parts.is_empty() {
        fs::write(dir.join(format!("{name}.txt")), &captured.whole)?;
        return Ok(());
    }
    let parts_dir = dir.join(name);
    fs::create_dir_all(&parts_dir)?;
    for (part, text) in &captured.parts {
        fs::write(parts_dir.join(format!("{part}.txt")), text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_cut_at_markers_and_the_command_leads_the_first() {
        let out = "\n--8<-- shape\n(3, 4)\n--8<-- dtype\nfloat64\nint32\n";
        let c = split("$ run", out).unwrap();
        assert_eq!(c.whole, "$ run\n\n(3, 4)\nfloat64\nint32\n");
        assert_eq!(
            c.parts,
            vec![
                ("shape".to_owned(), "$ run\n(3, 4)\n".to_owned()),
                ("dtype".to_owned(), "float64\nint32\n".to_owned())
            ]
        );
    }

    #[test]
    fn output_without_markers_has_no_parts() {
        let c = split("$ run", "a\nb").unwrap();
        assert_eq!(c.whole, "$ run\na\nb\n");
        assert!(c.parts.is_empty());
    }

    #[test]
    fn bad_empty_and_repeated_markers_are_errors() {
        for (out, says) in [
            ("--8<-- Bad Name\nx\n", "not a part marker"),
            ("--8<-- a\nx\n--8<-- a\ny\n", "starts twice"),
            ("--8<-- a\n--8<-- b\ny\n", "part `a` is empty"),
            ("intro\n--8<-- a\nx\n", "comes before the first part marker"),
        ] {
            let err = split("$ run", out).unwrap_err().to_string();
            assert!(err.contains(says), "{out:?}: {err}");
        }
    }
}
