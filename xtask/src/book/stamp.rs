//! The versions stamp: which rustc and which versions of the main crates the book was built
//! and verified with, and which NumPy, SciPy and scikit-learn printed its reference outputs,
//! read from `Cargo.lock`, `xtask/requirements.txt` and `rustc --version`, never typed by hand.
//!
//! `cargo xtask book` writes it to `book/src/generated/versions.md` (the preface includes it)
//! and every site build adds it to each page's footer; `cargo xtask check` fails when the
//! crate versions in the file no longer match `Cargo.lock`.

use std::collections::HashMap;
use std::fmt::Write;
use std::fs;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};
use regex::Regex;

/// The reference side's packages the stamp names (pinned in `xtask/requirements.txt`).
pub const PYTHON_PACKAGES: &[&str] = &["numpy", "scipy", "scikit-learn"];

/// What the stamp says of a crate that `Cargo.lock` does not contain.
pub const NOT_USED: &str = "not used by any chapter yet";

/// The stamp's path, relative to the workspace root.
pub const PATH: &str = "book/src/generated/versions.md";

const HEADER: &str = "<!-- Written by `cargo xtask book` from Cargo.lock, xtask/requirements.txt \
                      and `rustc --version`; do not edit. -->";

/// The versions of `name` in a `Cargo.lock` text, in the order they appear (cargo writes
/// each package's `name` line, then its `version` line).
pub fn lock_versions(lock: &str, name: &str) -> Vec<String> {
    let package = format!(
        r#"(?m)^name = "{}"\r?\nversion = "([^"]+)""#,
        regex::escape(name)
    );
    let package = Regex::new(&package).expect("a valid regex");
    package
        .captures_iter(lock)
        .map(|c| c[1].to_owned())
        .collect()
}

/// The version pinned for `name` in a requirements text (`name==version`), if any.
pub fn pinned_version(requirements: &str, name: &str) -> Option<String> {
    requirements.lines().find_map(|line| {
        let spec = line.split(['#', ';']).next()?.trim();
        let (n, v) = spec.split_once("==")?;
        (n.trim().eq_ignore_ascii_case(name)).then(|| v.trim().to_owned())
    })
}

/// `rustc --version` of the toolchain that builds the workspace, e.g.
/// `1.88.0 (6b00bc388 2025-06-23)`.
pub fn rustc_version(root: &Path) -> Result<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = Command::new(&rustc)
        .arg("--version")
        .current_dir(root)
        .output()
        .context("running `rustc --version`")?;
    if !output.status.success() {
        bail!("`rustc --version` failed ({})", output.status);
    }
    let text = String::from_utf8_lossy(&output.stdout);
    Ok(text.trim().trim_start_matches("rustc ").to_owned())
}

/// The stamp's Markdown: a table of rustc, the crates' and the reference packages' versions.
pub fn render(rustc: &str, crates: &[String], lock: &str, requirements: &str) -> String {
    let mut out =
        format!("{HEADER}\n\n| tool or crate | version |\n|---|---|\n| rustc | {rustc} |\n");
    for name in crates {
        let versions = lock_versions(lock, name);
        let shown = if versions.is_empty() {
            NOT_USED.to_owned()
        } else {
            versions.join(" and ")
        };
        writeln!(out, "| {name} | {shown} |").expect("writing to a String");
    }
    for name in PYTHON_PACKAGES {
        if let Some(version) = pinned_version(requirements, name) {
            writeln!(out, "| {name} | {version} |").expect("writing to a String");
        }
    }
    out
}

/// The `(name, version)` rows of a stamp written by [`render`].
pub fn parse(stamp: &str) -> Vec<(String, String)> {
    stamp
        .lines()
        .filter_map(|line| {
            let cells = line.trim().strip_prefix('|')?.strip_suffix('|')?;
            let (name, version) = cells.split_once('|')?;
            let (name, version) = (name.trim(), version.trim());
            let is_row = !name.is_empty()
                && name != "tool or crate"
                && !name.starts_with("---")
                && !version.starts_with("---")
                && !version.contains('|');
            is_row.then(|| (name.to_owned(), version.to_owned()))
        })
        .collect()
}

/// The stamp for the current `Cargo.lock`, requirements and toolchain.
fn fresh(root: &Path) -> Result<String> {
    let lock = fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let requirements = fs::read_to_string(root.join(crate::python::REQUIREMENTS))
        .with_context(|| format!("reading {}", crate::python::REQUIREMENTS))?;
    Ok(render(
        &rustc_version(root)?,
        &crate::chapters::stamped_crates(root)?,
        &lock,
        &requirements,
    ))
}

/// Writes the stamp for the current `Cargo.lock` and toolchain (`cargo xtask book`).
pub fn write(root: &Path) -> Result<()> {
    let text = fresh(root)?;
    let path = root.join(PATH);
    fs::create_dir_all(path.parent().expect("the stamp lives in a folder"))?;
    if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Problems with the committed stamp (`cargo xtask check`): missing, or a crate version that
/// differs from `Cargo.lock`. A different rustc is only noted: CI may run a newer stable
/// toolchain than the one the stamp was written with, and the Pages build re-stamps the site.
pub fn check(root: &Path) -> Result<Vec<String>> {
    let fresh = fresh(root)?;
    let Ok(committed) = fs::read_to_string(root.join(PATH)) else {
        return Ok(vec![format!(
            "{PATH} is missing: run `cargo xtask book` to write it"
        )]);
    };
    let committed: HashMap<String, String> = parse(&committed).into_iter().collect();
    let mut problems = Vec::new();
    for (name, version) in parse(&fresh) {
        let was = committed.get(&name).map(String::as_str);
        if was == Some(version.as_str()) {
            continue;
        } else if name == "rustc" {
            eprintln!(
                "note: {PATH} names rustc {}; this toolchain is {version}",
                was.unwrap_or("(none)")
            );
        } else {
            problems.push(format!(
                "{PATH} is stale: {name} is `{version}` in Cargo.lock, the stamp says `{}`; \
                 run `cargo xtask book`",
                was.unwrap_or("nothing")
            ));
        }
    }
    Ok(problems)
}

/// The footer line for the stamp's rows, e.g. "Built and verified with rustc 1.88.0,
/// ndarray 0.16.1 and ndarray-linalg 0.17.0 (polars and linfa: not used by any chapter yet)."
pub fn footer_text(rows: &[(String, String)]) -> String {
    let (used, unused): (Vec<_>, Vec<_>) = rows.iter().partition(|(_, v)| v != NOT_USED);
    // rustc's commit and date stay in the preface's table.
    let used: Vec<String> = used
        .iter()
        .map(|(name, version)| format!("{name} {}", version.split(" (").next().unwrap_or("")))
        .collect();
    let unused: Vec<String> = unused.iter().map(|(name, _)| name.clone()).collect();
    let mut text = format!("Built and verified with {}", join_and(&used));
    if !unused.is_empty() {
        write!(text, " ({}: {NOT_USED})", join_and(&unused)).expect("writing to a String");
    }
    text + "."
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Adds the versions footer to every page of the built site (except the print page, whose
/// preface already shows the table), if `book/src/generated/versions.md` exists. The stamp
/// goes in after mdBook has built the search index, so searching for "ndarray" does not
/// find every page.
pub fn add_footer(book: &Path, build: &Path) -> Result<()> {
    let Ok(stamp) = fs::read_to_string(book.join("src/generated/versions.md")) else {
        return Ok(());
    };
    let text = footer_text(&parse(&stamp));
    for page in crate::util::files(build)? {
        if page.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let relative = page.strip_prefix(build).unwrap_or(&page);
        if relative == Path::new("print.html") {
            continue;
        }
        let mut html = fs::read_to_string(&page)?;
        let Some(end) = html.rfind("</main>") else {
            continue;
        };
        let to_root = "../".repeat(relative.components().count() - 1);
        html.insert_str(
            end,
            &format!(
                "<footer class=\"versions-stamp\"><a href=\"{to_root}preface.html#versions\">{text}</a></footer>\n"
            ),
        );
        fs::write(&page, html)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = "version = 4\n\n[[package]]\nname = \"ndarray\"\nversion = \"0.16.1\"\nsource = \"registry\"\n\n\
        [[package]]\nname = \"ndarray-linalg\"\nversion = \"0.17.0\"\n\n[[package]]\nname = \"linfa\"\nversion = \"0.8.0\"\n\n\
        [[package]]\nname = \"ndarray\"\nversion = \"0.15.6\"\n\n[[package]]\nname = \"ndarray-stats\"\nversion = \"0.6.0\"\n";

    fn crates() -> Vec<String> {
        ["ndarray", "ndarray-linalg", "polars", "linfa"]
            .map(String::from)
            .to_vec()
    }

    const REQUIREMENTS: &str = "# pinned\nnumpy==2.4.6; python_version >= \"3.11\"\nscikit-learn==1.9.1\nthreadpoolctl==3.8.0\n";

    #[test]
    fn pinned_versions_are_read_from_requirements() {
        assert_eq!(
            pinned_version(REQUIREMENTS, "numpy").as_deref(),
            Some("2.4.6")
        );
        assert_eq!(pinned_version(REQUIREMENTS, "scipy"), None);
    }

    #[test]
    fn versions_are_read_from_the_lock_by_exact_name() {
        assert_eq!(lock_versions(LOCK, "ndarray"), ["0.16.1", "0.15.6"]);
        assert_eq!(lock_versions(LOCK, "ndarray-linalg"), ["0.17.0"]);
        assert!(lock_versions(LOCK, "polars").is_empty());
    }

    #[test]
    fn the_stamp_renders_parses_and_reads_as_a_sentence() {
        let stamp = render(
            "1.88.0 (6b00bc388 2025-06-23)",
            &crates(),
            LOCK,
            REQUIREMENTS,
        );
        assert!(
            stamp.contains("| polars | not used by any chapter yet |"),
            "{stamp}"
        );
        let rows = parse(&stamp);
        assert_eq!(rows.len(), 7, "{rows:?}");
        assert_eq!(rows[5], ("numpy".into(), "2.4.6".into()));
        assert_eq!(rows[6], ("scikit-learn".into(), "1.9.1".into()));
        assert_eq!(
            rows[0],
            ("rustc".into(), "1.88.0 (6b00bc388 2025-06-23)".into())
        );
        assert_eq!(rows[1], ("ndarray".into(), "0.16.1 and 0.15.6".into()));
        assert_eq!(
            footer_text(&rows),
            "Built and verified with rustc 1.88.0, ndarray 0.16.1 and 0.15.6, ndarray-linalg 0.17.0, \
             linfa 0.8.0, numpy 2.4.6 and scikit-learn 1.9.1 (polars: not used by any chapter yet)."
        );
    }

    #[test]
    fn the_footer_goes_inside_main_of_every_page_but_print() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        fs::create_dir_all(dir.join("src/generated")).unwrap();
        fs::create_dir_all(dir.join("build/ch01")).unwrap();
        fs::write(
            dir.join("src/generated/versions.md"),
            render("1.90.0", &crates(), LOCK, REQUIREMENTS),
        )
        .unwrap();
        let page = "<main><h1>x</h1></main><nav></nav>";
        for name in ["index.html", "print.html", "ch01/a.html"] {
            fs::write(dir.join("build").join(name), page).unwrap();
        }
        add_footer(dir, &dir.join("build")).unwrap();
        let index = fs::read_to_string(dir.join("build/index.html")).unwrap();
        assert!(index.starts_with("<main><h1>x</h1><footer class=\"versions-stamp\"><a href=\"preface.html#versions\">Built and verified with rustc 1.90.0,"), "{index}");
        assert!(index.ends_with("</footer>\n</main><nav></nav>"), "{index}");
        let nested = fs::read_to_string(dir.join("build/ch01/a.html")).unwrap();
        assert!(
            nested.contains("href=\"../preface.html#versions\""),
            "{nested}"
        );
        assert_eq!(
            fs::read_to_string(dir.join("build/print.html")).unwrap(),
            page
        );
    }
}
