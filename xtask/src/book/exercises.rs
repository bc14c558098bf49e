//! The reader's exercise workflow, in the way of rustlings: a starter file to edit and one
//! command that tests it, without touching the solutions.
//!
//! A chapter's solutions live in `crates/<chapter>/src/exercises.rs`, each one between
//! `// ANCHOR: exN_solution` and `// ANCHOR_END: exN_solution`, with its signature and doc
//! comment in a nested `exN_signature` anchor (the exercises page shows the signature, the
//! solution page the whole function).
//!
//! - `cargo xtask exercises <chapter>` writes `exercises/<chapter>.rs`: the solutions file with
//!   every body replaced by `todo!()`. It never overwrites a file the reader has edited.
//! - The chapter's cargo feature `my-exercises` compiles that file as the crate's `exercises`
//!   module (`include!` of `$SCML_EXERCISES_DIR/<chapter>.rs`; `.cargo/config.toml` points
//!   the variable at `exercises/`), so `cargo test --release -p <chapter> --features my-exercises --test
//!   exercises` runs the chapter's exercise tests on the reader's code.
//! - `cargo xtask check` proves the workflow: the starter compiles, and every exercise test
//!   fails on it with "not yet implemented" (so each test really calls its exercise).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail, ensure};

use crate::book::text::STARTER_BODY;
use crate::util;

/// Where the readers' files go, relative to the workspace root.
pub const READER_DIR: &str = "exercises";

/// The test command a reader runs, for `chapter`.
pub fn test_command(chapter: &str) -> String {
    format!("cargo test --release -p {chapter} --features my-exercises --test exercises")
}

/// The solutions file of a chapter, if it has exercises.
fn solutions(root: &Path, chapter: &str) -> Option<PathBuf> {
    let path = root.join("crates").join(chapter).join("src/exercises.rs");
    path.is_file().then_some(path)
}

/// The starter file made from a solutions file: every `exN_solution` region keeps its
/// `exN_signature` part, followed by `todo!()` and the closing brace; code outside the
/// solution regions (imports, types the exercises share) stays; the anchor lines and the
/// module's own `//!` documentation go.
pub fn starter(chapter: &str, solutions: &str) -> Result<String> {
    let mut out = format!(
        "// Your answers to the exercises of {chapter}, written by\n\
         // `cargo xtask exercises {chapter}` from crates/{chapter}/src/exercises.rs.\n\
         // Replace each `todo!()` with your code, then run\n\
         //     {}\n\
         // The book's exercises page has a hint for each one.\n",
        test_command(chapter)
    );
    // The name after an `ANCHOR:` or `ANCHOR_END:` (`kind`) on `line`.
    fn marker<'a>(line: &'a str, kind: &str) -> Option<&'a str> {
        Some(line.split_once(kind)?.1.trim())
    }
    let mut lines = solutions.lines().enumerate();
    let mut exercises = 0;
    while let Some((i, line)) = lines.next() {
        if line.trim_start().starts_with("//!") {
            continue;
        }
        let Some(name) = marker(line, "ANCHOR:") else {
            if !line.contains("ANCHOR_END:") {
                writeln!(out, "{line}")?;
            }
            continue;
        };
        let Some(exercise) = name.strip_suffix("_solution") else {
            continue; // another anchor: its lines are copied as they come
        };
        exercises += 1;
        let signature_end = format!("{exercise}_signature");
        let mut in_signature = false;
        let mut closed = false;
        for (_, line) in lines.by_ref() {
            match (marker(line, "ANCHOR:"), marker(line, "ANCHOR_END:")) {
                (Some(n), _) if n == signature_end => in_signature = true,
                (_, Some(n)) if n == signature_end => {
                    in_signature = false;
                    let indent = &line[..line.len() - line.trim_start().len()];
                    writeln!(out, "{indent}{STARTER_BODY}\n}}")?;
                    closed = true;
                }
                (_, Some(n)) if n == name => break,
                _ if in_signature => writeln!(out, "{line}")?,
                _ => {}
            }
        }
        ensure!(
            closed,
            "line {}: `{name}` has no `ANCHOR_END: {signature_end}` inside it",
            i + 1
        );
    }
    ensure!(exercises > 0, "no `ANCHOR: exN_solution` regions");
    Ok(out)
}

/// `cargo xtask exercises <chapter>`: writes the reader's starter file.
pub fn write_starter(root: &Path, args: &[String]) -> Result<()> {
    let mut with_exercises = crate::chapters::names(&crate::chapters::registry(root)?);
    with_exercises.retain(|c| solutions(root, c).is_some());
    let with_exercises = with_exercises.join(", ");
    let [chapter] = args else {
        bail!(
            "usage: cargo xtask exercises <chapter>   (chapters with exercises: {with_exercises})"
        );
    };
    let Some(solutions) = solutions(root, chapter) else {
        bail!("{chapter} has no exercises (chapters with exercises: {with_exercises})");
    };
    let text = fs::read_to_string(&solutions)?;
    let fresh = starter(chapter, &text)
        .with_context(|| format!("making a starter from {}", solutions.display()))?;
    let target = root.join(READER_DIR).join(format!("{chapter}.rs"));
    let shown = format!("{READER_DIR}/{chapter}.rs");
    match fs::read_to_string(&target) {
        Ok(existing) if existing == fresh => {
            eprintln!("{shown} is already there, untouched since it was written.");
        }
        Ok(_) => bail!(
            "{shown} already exists and holds your edits, so it was not overwritten. \
             To start again from scratch, delete it (or move it away) and run this again."
        ),
        Err(_) => {
            fs::create_dir_all(target.parent().unwrap_or(root))?;
            fs::write(&target, &fresh)?;
            eprintln!("wrote {shown}: one `todo!()` for each exercise of {chapter}.");
        }
    }
    eprintln!(
        "Edit it, then test your answers with\n    {}",
        test_command(chapter)
    );
    Ok(())
}

/// Proves the workflow for every chapter with exercises: the starter compiles, and every
/// exercise test fails on it, with "not yet implemented".
pub fn check_starters(root: &Path) -> Result<()> {
    let dir = root.join("target/xtask-check/exercises");
    for chapter in crate::chapters::names(&crate::chapters::registry(root)?) {
        let Some(solutions) = solutions(root, &chapter) else {
            continue;
        };
        let text = fs::read_to_string(&solutions)?;
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(format!("{chapter}.rs")), starter(&chapter, &text)?)?;
        let what = format!("{chapter}'s exercise tests on the starter file (all must fail)");
        eprintln!("==> {what}");
        let output = util::output_with_timeout(
            &what,
            util::cargo()
                .current_dir(root)
                .env("SCML_EXERCISES_DIR", &dir)
                .args(["test", "--release", "-p", &chapter])
                .args(["--features", "my-exercises", "--test", "exercises"]),
            util::RUN_TIMEOUT,
        )?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let results = test_results(&stdout);
        ensure!(
            !results.is_empty(),
            "{what}: no test ran; the starter may not compile:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let problems = results.iter().filter_map(|(test, failure)| match failure {
            None => Some(format!(
                "{chapter}: `{test}` passes on the starter file, so it does not test its exercise"
            )),
            Some(message) if !message.contains("not yet implemented") => Some(format!(
                "{chapter}: `{test}` fails on the starter file, but not at a `todo!()`: {}",
                message.lines().take(3).collect::<Vec<_>>().join(" / ")
            )),
            Some(_) => None,
        });
        util::report("exercise workflow", problems.collect())?;
        eprintln!(
            "    all {} exercise tests of {chapter} fail on the starter with \"not yet implemented\"",
            results.len()
        );
    }
    Ok(())
}

/// Each test of a libtest run and, when it failed, what it printed (its section of the
/// failures that follow the results: `---- NAME stdout ----`, then the panic message, up to
/// the next section or the closing list of failures).
fn test_results(stdout: &str) -> BTreeMap<String, Option<String>> {
    let mut results: BTreeMap<String, Option<String>> = stdout
        .lines()
        .filter_map(|line| {
            let (name, outcome) = line.strip_prefix("test ")?.rsplit_once(" ... ")?;
            let failed = outcome.trim() == "FAILED";
            Some((name.to_owned(), failed.then(String::new)))
        })
        .collect();
    for section in stdout.split("\n---- ").skip(1) {
        if let Some((name, text)) = section.split_once(" stdout ----\n")
            && let Some(Some(failure)) = results.get_mut(name)
        {
            let text = text.split("\nfailures:\n").next().unwrap_or_default();
            *failure = format!("{text}\n");
        }
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOLUTIONS: &str = "//! Solutions.\n\nuse ndarray::Array2;\n\n\
        // ANCHOR: ex1_solution\n// ANCHOR: ex1_signature\n/// Doc.\n\
        pub fn one(n: usize) -> usize {\n    // ANCHOR_END: ex1_signature\n    n + 1\n}\n\
        // ANCHOR_END: ex1_solution\n\n// ANCHOR: ex2_error\npub struct E;\n// ANCHOR_END: ex2_error\n\n\
        // ANCHOR: ex2_solution\n// ANCHOR: ex2_signature\npub fn two(\n    a: &[f64],\n) -> f64 {\n\
        \x20   // ANCHOR_END: ex2_signature\n    a.iter().sum()\n}\n// ANCHOR_END: ex2_solution\n";

    #[test]
    fn the_starter_keeps_signatures_and_shared_items_and_drops_the_bodies() {
        let s = starter("chapter09", SOLUTIONS).unwrap();
        let body = s.split_once("hint for each one.\n").unwrap().1;
        assert_eq!(
            body,
            "\nuse ndarray::Array2;\n\n/// Doc.\npub fn one(n: usize) -> usize {\n    todo!()\n}\n\n\
             pub struct E;\n\npub fn two(\n    a: &[f64],\n) -> f64 {\n    todo!()\n}\n"
        );
        assert!(s.contains(
            "cargo test --release -p chapter09 --features my-exercises --test exercises"
        ));
        assert!(!s.contains("n + 1") && !s.contains("ANCHOR") && !s.contains("//!"));
    }

    #[test]
    fn a_solution_without_its_signature_anchor_is_an_error() {
        let broken = "// ANCHOR: ex1_solution\npub fn f() {}\n// ANCHOR_END: ex1_solution\n";
        let err = starter("c", broken).unwrap_err().to_string();
        assert!(err.contains("no `ANCHOR_END: ex1_signature`"), "{err}");
        assert!(starter("c", "fn f() {}\n").is_err());
    }

    #[test]
    fn libtest_output_gives_each_test_and_its_panic() {
        let out = "running 3 tests\ntest ex1 ... FAILED\ntest ex2 ... ok\ntest ex3 ... FAILED\n\n\
                   failures:\n\n---- ex1 stdout ----\n\nthread 'ex1' panicked at src/x.rs:3:5:\n\
                   not yet implemented\n\n---- ex3 stdout ----\nthread 'ex3' panicked:\nassertion failed\n\n\
                   failures:\n    ex1\n    ex3\n\ntest result: FAILED. 1 passed; 2 failed\n";
        let r = test_results(out);
        assert_eq!(r.len(), 3);
        assert!(r["ex1"].as_deref().unwrap().contains("not yet implemented"));
        assert_eq!(r["ex2"], None);
        assert!(r["ex3"].as_deref().unwrap().contains("assertion failed"));
    }
}
