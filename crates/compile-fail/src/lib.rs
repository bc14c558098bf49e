//! The test behind every chapter's listings that must not compile, `compile_fail/*.rs`.
//! Each chapter's `tests/compile_fail.rs` is one line, `compile_fail::listings_test!();`.
//!
//! rustc's messages change from one Rust release to the next, so the test depends on the
//! compiler that runs it:
//!
//! - On the compiler that captured the messages (named in `compile_fail/rustc-version.txt`),
//!   trybuild compares each listing's message with its `.stderr` exactly: that text is what
//!   the book shows.
//! - On any other compiler (a reader's newer Rust), each listing must still fail to compile,
//!   with every error code its `.stderr` has (`error[E0382]`, ...), and the test says that the
//!   text was not compared. trybuild writes each message into a scratch copy of the listings
//!   (its `TRYBUILD=overwrite` mode, in a child run of the same test binary, so the chapter's
//!   own `.stderr` files stay as they are), and the codes are read from there.
//!
//! `TRYBUILD=overwrite cargo test --release -p chapterNN --test compile_fail` refreshes the
//! messages after a Rust update and records the compiler in `rustc-version.txt`; read the diff
//! before committing it.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder of a chapter crate that holds its listings and their `.stderr`.
pub const LISTINGS_DIR: &str = "compile_fail";
/// The file in [`LISTINGS_DIR`] that names the compiler which wrote the `.stderr` files.
pub const VERSION_FILE: &str = "rustc-version.txt";
/// Set for the child run: the scratch folder whose listings trybuild is to write messages for.
const SCRATCH_VAR: &str = "SCML_COMPILE_FAIL_SCRATCH";

/// Defines the test `compile_fail_listings`, which calls [`check`] for the calling crate.
#[macro_export]
macro_rules! listings_test {
    () => {
        #[test]
        fn compile_fail_listings() {
            $crate::check(
                env!("CARGO_MANIFEST_DIR"),
                env!("CARGO_TARGET_TMPDIR"),
                "compile_fail_listings",
            );
        }
    };
}

/// Runs the listings of the crate at `manifest_dir` (see the module documentation). `tmp` is
/// a folder for the scratch copy; `test_name` is the calling test, which the child run runs.
/// Panics, as a test does, with what failed.
pub fn check(manifest_dir: &str, tmp: &str, test_name: &str) {
    if let Some(scratch) = std::env::var_os(SCRATCH_VAR) {
        trybuild::TestCases::new()
            .compile_fail(Path::new(&scratch).join("*.rs"));
        return;
    }
    let listings = Path::new(manifest_dir).join(LISTINGS_DIR);
    let rustc = rustc_version();
    let captured = fs::read_to_string(listings.join(VERSION_FILE))
        .map(|text| text.trim().to_owned())
        .ok();
    let overwrite =
        std::env::var_os("TRYBUILD").is_some_and(|v| v == "overwrite");
    if overwrite || captured.as_deref() == Some(rustc.as_str()) {
        // trybuild runs the listings when its `TestCases` is dropped, at the end of this block.
        {
            let tests = trybuild::TestCases::new();
            tests.compile_fail(format!("{LISTINGS_DIR}/*.rs"));
        }
        if overwrite {
            let path = listings.join(VERSION_FILE);
            if let Err(e) = fs::write(&path, format!("{rustc}\n")) {
                panic!("writing {}: {e}", path.display());
            }
        }
        return;
    }
    let captured = captured
        .unwrap_or_else(|| format!("an unknown compiler (no {VERSION_FILE})"));
    if let Err(problems) = codes_only(&listings, Path::new(tmp), test_name) {
        panic!(
            "these listings no longer fail as the book says (on {rustc}; the messages were \
             captured on {captured}):\n  {}",
            problems.join("\n  ")
        );
    }
    // Straight to stderr: libtest captures only the print macros of a passing test.
    let _ = writeln!(
        std::io::stderr(),
        "note: {}: the compiler messages were captured on {captured}, and this is {rustc}: \
         each listing was checked to fail with its error codes; the text was not compared",
        listings.display()
    );
}

/// `rustc --version` without the leading `rustc `.
fn rustc_version() -> String {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = Command::new(&rustc)
        .arg("--version")
        .output()
        .unwrap_or_else(|e| panic!("running `rustc --version`: {e}"));
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim().trim_start_matches("rustc ").to_owned()
}

/// The error codes of a compiler message: `E0382` of `error[E0382]: borrow of moved value`.
pub fn error_codes(stderr: &str) -> BTreeSet<String> {
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix("error[")?.split_once(']'))
        .map(|(code, _)| code.to_owned())
        .collect()
}

/// Copies the listings into a scratch folder, has a child run of this test binary write
/// their messages there with trybuild, and compares the error codes of each with its
/// committed `.stderr`. Returns one message per listing whose codes differ.
fn codes_only(
    listings: &Path,
    tmp: &Path,
    test_name: &str,
) -> Result<(), Vec<String>> {
    let crate_name = listings.parent().and_then(Path::file_name).map_or_else(
        || "listings".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let scratch = tmp.join(format!("compile-fail-{crate_name}"));
    let io = |what: &str, path: &Path, e: std::io::Error| {
        vec![format!("{what} {}: {e}", path.display())]
    };
    let _ = fs::remove_dir_all(&scratch);
    fs::create_dir_all(&scratch).map_err(|e| io("creating", &scratch, e))?;
    let mut names: Vec<PathBuf> = fs::read_dir(listings)
        .map_err(|e| io("reading", listings, e))?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect();
    names.sort();
    for listing in &names {
        let copy = scratch.join(listing.file_name().unwrap_or_default());
        fs::copy(listing, &copy).map_err(|e| io("copying", listing, e))?;
    }
    let exe = std::env::current_exe()
        .map_err(|e| vec![format!("finding this test binary: {e}")])?;
    let output = Command::new(exe)
        .args([test_name, "--exact", "--nocapture", "--test-threads=1"])
        .env(SCRATCH_VAR, &scratch)
        .env("TRYBUILD", "overwrite")
        .output()
        .map_err(|e| vec![format!("running this test binary again: {e}")])?;
    if !output.status.success() {
        return Err(vec![format!(
            "trybuild failed (a listing compiles, or the build broke):\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )]);
    }
    let mut problems = Vec::new();
    for listing in &names {
        let stderr = listing.with_extension("stderr");
        let fresh = scratch.join(stderr.file_name().unwrap_or_default());
        let (Ok(committed), Ok(now)) =
            (fs::read_to_string(&stderr), fs::read_to_string(&fresh))
        else {
            problems
                .push(format!("{}: no message to compare", listing.display()));
            continue;
        };
        let (want, got) = (error_codes(&committed), error_codes(&now));
        if !want.is_subset(&got)
            || (want.is_empty() && !now.starts_with("error"))
        {
            problems.push(format!(
                "{}: the book shows {:?}, this compiler reports {:?}",
                listing.display(),
                want,
                got
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_from_the_error_lines_only() {
        let message = "error[E0382]: borrow of moved value: `a`\n  --> x.rs:12:16\n   |\n\
                       note: see error[E9999] in the text\n\
                       error[E0308]: mismatched types\nerror: aborting due to 2 previous errors\n";
        let codes: Vec<String> = error_codes(message).into_iter().collect();
        assert_eq!(codes, ["E0308", "E0382"]);
        assert!(error_codes("error: could not compile").is_empty());
    }
}
