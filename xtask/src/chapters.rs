//! The chapter registry. A chapter is a crate `crates/chapterNN` whose Cargo.toml has a
//! `[package.metadata.book]` table naming its title, page, exercises page and search term;
//! `cargo metadata` lists them, and everything the xtask does per chapter starts from that
//! list: the examples it runs, the benchmarks, the search terms of the browser tests, the
//! versions stamp. [`check`] proves that each chapter has its crate, page, exercises page,
//! SUMMARY.md entries and README row, and `cargo xtask new-chapter` (`scaffold.rs`) writes
//! all of them at once.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use cargo_metadata::{MetadataCommand, TargetKind};
use serde::Deserialize;

/// The `[package.metadata.book]` table of a chapter crate.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct BookTable {
    /// The chapter's title, as its page's heading and SUMMARY.md give it.
    title: String,
    /// Its page, relative to `book/src/`.
    page: String,
    /// Its exercises page, relative to `book/src/`, when it has exercises (`src/exercises.rs`).
    exercises: Option<String>,
    /// A word the book's search must lead from to the chapter's page (the browser tests).
    search: String,
    /// Outputs and figures (paths in `book/src/`) whose digits depend on the machine that
    /// printed them, beyond what printing bounds can hide (see [`Chapter::machine_dependent`]).
    #[serde(rename = "machine-dependent", default)]
    machine_dependent: Vec<String>,
}

/// The `[package.metadata.bench]` table of a crate with benchmarks.
#[derive(Debug, Default, Clone, Deserialize)]
struct BenchTable {
    /// Groups whose `Throughput::Elements` count floating-point operations.
    #[serde(rename = "flop-groups", default)]
    flop_groups: Vec<String>,
}

/// One chapter of the book.
#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    /// The crate's name, `chapter09`: the key everything else is found by.
    pub name: String,
    pub number: u32,
    /// The folder holding its Cargo.toml.
    pub dir: PathBuf,
    pub title: String,
    pub page: String,
    pub exercises: Option<String>,
    pub search: String,
    /// Outputs and figures, as paths in `book/src/` (`generated/chapter09/x.txt`,
    /// `figures/chapter09/y.svg`), whose digits depend on the CPU and its BLAS kernels: the
    /// errors of ill-conditioned solves, for example. `check` compares them only on the
    /// machine that captured them (`generated/captured-on.txt`), reports them as not
    /// re-verified elsewhere, and the book says under each where it was printed. Rounding-level
    /// values that a bound can state (`< 1e-14`) are printed as bounds instead.
    pub machine_dependent: Vec<String>,
    /// Its `[[bench]]` targets, sorted.
    pub benches: Vec<String>,
    pub flop_groups: Vec<String>,
}

/// `cargo metadata` of the workspace's own packages.
fn metadata(root: &Path) -> Result<cargo_metadata::Metadata> {
    MetadataCommand::new()
        .cargo_path(crate::util::cargo().get_program())
        .current_dir(root)
        .no_deps()
        .exec()
        .context("running `cargo metadata`")
}

/// The chapters of the workspace at `root`, in order.
pub fn registry(root: &Path) -> Result<Vec<Chapter>> {
    let metadata = metadata(root)?;
    let mut chapters = Vec::new();
    for package in metadata.workspace_packages() {
        let number = package
            .name
            .strip_prefix("chapter")
            .and_then(|n| (n.len() == 2).then_some(n)?.parse::<u32>().ok());
        let book = &package.metadata["book"];
        let manifest = package.manifest_path.as_std_path();
        let shown = manifest.strip_prefix(root).unwrap_or(manifest).display();
        let (Some(number), false) = (number, book.is_null()) else {
            if number.is_some() || !book.is_null() {
                bail!(
                    "{shown}: a chapter is a crate named chapterNN with a \
                     [package.metadata.book] table (title, page, exercises, search); \
                     `cargo xtask new-chapter NN slug` writes one"
                );
            }
            continue;
        };
        let table: BookTable = serde_json::from_value(book.clone())
            .with_context(|| format!("{shown}: [package.metadata.book]"))?;
        let bench = &package.metadata["bench"];
        let bench: BenchTable = if bench.is_null() {
            BenchTable::default()
        } else {
            serde_json::from_value(bench.clone())
                .with_context(|| format!("{shown}: [package.metadata.bench]"))?
        };
        let mut benches: Vec<String> = package
            .targets
            .iter()
            .filter(|t| t.kind.contains(&TargetKind::Bench))
            .map(|t| t.name.clone())
            .collect();
        benches.sort();
        chapters.push(Chapter {
            name: package.name.to_string(),
            number,
            dir: manifest.parent().unwrap_or(root).to_path_buf(),
            title: table.title,
            page: table.page,
            exercises: table.exercises,
            search: table.search,
            machine_dependent: table.machine_dependent,
            benches,
            flop_groups: bench.flop_groups,
        });
    }
    chapters.sort_by_key(|c| c.number);
    Ok(chapters)
}

/// The crates whose versions the versions stamp names (`[workspace.metadata.book] stamp` in
/// the root Cargo.toml), in the order shown.
pub fn stamped_crates(root: &Path) -> Result<Vec<String>> {
    serde_json::from_value(metadata(root)?.workspace_metadata["book"]["stamp"].clone())
        .context("Cargo.toml: [workspace.metadata.book] stamp, a list of crate names")
}

/// The chapters' crate names, in order.
pub fn names(chapters: &[Chapter]) -> Vec<String> {
    chapters.iter().map(|c| c.name.clone()).collect()
}

/// What each chapter must have besides its crate, one message per thing missing:
/// - its page in `book/src/`, whose first line is `# <title>`, and its exercises page there
///   exactly when the crate has `src/exercises.rs`;
/// - its entry `- [<title>](<page>)` in SUMMARY.md, with `[Exercises](<exercises page>)`
///   nested under it;
/// - its row in the README's chapter table, linking the page and naming the crate;
/// - `tests/compile_fail.rs` exactly when it has listings in `compile_fail/`, with
///   `compile_fail/rustc-version.txt`.
pub fn check(root: &Path, chapters: &[Chapter]) -> Result<Vec<String>> {
    let summary = fs::read_to_string(root.join("book/src/SUMMARY.md"))
        .context("reading book/src/SUMMARY.md")?;
    let readme = fs::read_to_string(root.join("README.md")).context("reading README.md")?;
    let mut problems = Vec::new();
    for chapter in chapters {
        let name = &chapter.name;
        let page = root.join("book/src").join(&chapter.page);
        match fs::read_to_string(&page) {
            Err(_) => problems.push(format!(
                "{name}: its page book/src/{} is missing",
                chapter.page
            )),
            Ok(text) if text.lines().next() != Some(&format!("# {}", chapter.title)) => problems
                .push(format!(
                    "{name}: book/src/{} must start with `# {}` (its title in Cargo.toml)",
                    chapter.page, chapter.title
                )),
            Ok(_) => {}
        }
        let entry = format!("- [{}]({})", chapter.title, chapter.page);
        let Some(at) = summary.lines().position(|l| l == entry) else {
            problems.push(format!("{name}: book/src/SUMMARY.md has no line `{entry}`"));
            continue;
        };
        let has_solutions = chapter.dir.join("src/exercises.rs").is_file();
        match (&chapter.exercises, has_solutions) {
            (Some(exercises), true) => {
                if !root.join("book/src").join(exercises).is_file() {
                    problems.push(format!(
                        "{name}: its exercises page book/src/{exercises} is missing"
                    ));
                }
                let nested = format!("[Exercises]({exercises})");
                let under: Vec<&str> = summary
                    .lines()
                    .skip(at + 1)
                    .take_while(|l| l.starts_with(' '))
                    .collect();
                if !under
                    .iter()
                    .any(|l| l.trim_start() == format!("- {nested}"))
                {
                    problems.push(format!(
                        "{name}: book/src/SUMMARY.md has no `- {nested}` under `{entry}`"
                    ));
                }
            }
            (None, true) => problems.push(format!(
                "{name}: it has src/exercises.rs but no `exercises` page in [package.metadata.book]"
            )),
            (Some(exercises), false) => problems.push(format!(
                "{name}: [package.metadata.book] names the exercises page {exercises}, but the \
                 crate has no src/exercises.rs"
            )),
            (None, false) => {}
        }
        let row = format!(
            "| {} | [{}](book/src/{}) | `{name}` |",
            chapter.number, chapter.title, chapter.page
        );
        if !readme.lines().any(|l| l.starts_with(&row)) {
            problems.push(format!(
                "{name}: README.md's chapter table has no row starting `{row}`"
            ));
        }
        for output in &chapter.machine_dependent {
            let ours = [format!("generated/{name}/"), format!("figures/{name}/")];
            if !ours.iter().any(|dir| output.starts_with(dir.as_str())) {
                problems.push(format!(
                    "{name}: machine-dependent `{output}` is not one of its outputs \
                     (generated/{name}/... or figures/{name}/...)"
                ));
            } else if !root.join("book/src").join(output).is_file() {
                problems.push(format!(
                    "{name}: machine-dependent `{output}` does not exist in book/src"
                ));
            }
        }
        let listings = chapter.dir.join("compile_fail");
        let has_listings = fs::read_dir(&listings).is_ok_and(|entries| {
            entries
                .filter_map(|e| e.ok())
                .any(|e| e.path().extension().is_some_and(|x| x == "rs"))
        });
        let has_test = chapter.dir.join("tests/compile_fail.rs").is_file();
        if has_listings && !has_test {
            problems.push(format!(
                "{name}: it has compile_fail/ listings but no tests/compile_fail.rs \
                 (one line: `compile_fail::listings_test!();`)"
            ));
        } else if has_listings && !listings.join("rustc-version.txt").is_file() {
            problems.push(format!(
                "{name}: compile_fail/rustc-version.txt is missing: run `TRYBUILD=overwrite \
                 cargo test --release -p {name} --test compile_fail`"
            ));
        }
    }
    let numbers: BTreeSet<u32> = chapters.iter().map(|c| c.number).collect();
    if numbers.len() != chapters.len() {
        problems.push("two chapter crates have the same number".to_owned());
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapter(root: &Path) -> Chapter {
        Chapter {
            name: "chapter07".into(),
            number: 7,
            dir: root.join("crates/chapter07"),
            title: "Statistical operations".into(),
            page: "ch07-statistics.md".into(),
            exercises: Some("ch07-exercises.md".into()),
            search: "variance".into(),
            machine_dependent: vec![],
            benches: vec![],
            flop_groups: vec![],
        }
    }

    fn write(root: &Path, files: &[(&str, &str)]) {
        for (path, text) in files {
            let path = root.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
    }

    #[test]
    fn the_workspace_registers_its_chapters_with_their_benchmarks() {
        let chapters = registry(&crate::util::workspace_root()).unwrap();
        let ch9 = chapters.iter().find(|c| c.name == "chapter09").unwrap();
        assert_eq!(
            (ch9.number, ch9.title.as_str(), ch9.page.as_str()),
            (9, "Linear algebra", "ch09-linear-algebra.md")
        );
        assert_eq!(
            (ch9.benches.as_slice(), ch9.flop_groups.as_slice()),
            (&["linalg".to_owned()][..], &["matmul".to_owned()][..])
        );
        assert!(ch9.dir.ends_with("crates/chapter09"));
        let numbers: Vec<u32> = chapters.iter().map(|c| c.number).collect();
        assert_eq!(numbers[..9], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }

    #[test]
    fn a_complete_chapter_passes_and_each_missing_piece_is_named() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        let complete = [
            ("book/src/ch07-statistics.md", "# Statistical operations\n"),
            ("book/src/ch07-exercises.md", "# Exercises\n"),
            (
                "book/src/SUMMARY.md",
                "# Summary\n\n- [Statistical operations](ch07-statistics.md)\n    \
                 - [Exercises](ch07-exercises.md)\n",
            ),
            (
                "README.md",
                "| 7 | [Statistical operations](book/src/ch07-statistics.md) | `chapter07` | \
                 written |\n",
            ),
            ("crates/chapter07/src/exercises.rs", ""),
            ("crates/chapter07/compile_fail/x.rs", ""),
            (
                "crates/chapter07/compile_fail/rustc-version.txt",
                "1.95.0\n",
            ),
            ("crates/chapter07/tests/compile_fail.rs", ""),
        ];
        write(root, &complete);
        let ch = chapter(root);
        assert_eq!(
            check(root, std::slice::from_ref(&ch)).unwrap(),
            Vec::<String>::new()
        );

        write(
            root,
            &[
                ("book/src/ch07-statistics.md", "# Statistics\n"),
                (
                    "book/src/SUMMARY.md",
                    "- [Statistical operations](ch07-statistics.md)\n",
                ),
                ("README.md", "| 7 | Statistical operations | | planned |\n"),
            ],
        );
        fs::remove_file(root.join("crates/chapter07/tests/compile_fail.rs")).unwrap();
        let problems = check(root, &[ch]).unwrap();
        assert_eq!(
            problems,
            [
                "chapter07: book/src/ch07-statistics.md must start with `# Statistical \
                 operations` (its title in Cargo.toml)",
                "chapter07: book/src/SUMMARY.md has no `- [Exercises](ch07-exercises.md)` under \
                 `- [Statistical operations](ch07-statistics.md)`",
                "chapter07: README.md's chapter table has no row starting `| 7 | [Statistical \
                 operations](book/src/ch07-statistics.md) | `chapter07` |`",
                "chapter07: it has compile_fail/ listings but no tests/compile_fail.rs (one line: \
                 `compile_fail::listings_test!();`)",
            ]
        );
    }
}
