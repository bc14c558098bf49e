//! The build budget's guard: each dependency must resolve to one set of features in every
//! build the README's test command and the readers' commands make, or Cargo compiles it (and
//! everything above it) once per set.
//!
//! Cargo unifies features only among the packages one command builds, and `cargo xtask test`
//! builds the xtask alone, then every chapter's examples, then each chapter's exercise tests,
//! then the whole workspace; a reader runs `cargo test --release -p chapterNN`. The
//! `workspace-hack` crate, which every crate depends on, asks for the union of the features;
//! [`check`] fails, naming the crate and the missing features, when a change (a new chapter's
//! dependency, say) makes one of those builds resolve differently from the whole workspace.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result};

use crate::chapters::Chapter;

/// Each package's feature sets in one build: `name version` -> `{"default,std", ...}` (a
/// package built for the host and for the target with different features has two).
type Features = BTreeMap<String, BTreeSet<String>>;

/// Reads `cargo tree -f '{p} [{f}]' --prefix none` output; workspace packages (with a path)
/// are left out, since they are compiled for each build anyway.
fn parse_tree(text: &str) -> Features {
    let mut features = Features::new();
    for line in text.lines() {
        let Some((package, rest)) = line.split_once(" [") else {
            continue;
        };
        let package = package.trim_end_matches(" (proc-macro)");
        let mut words = package.split_whitespace();
        let (Some(name), Some(version)) = (words.next(), words.next()) else {
            continue;
        };
        if words.next().is_some_and(|w| w.starts_with('(')) {
            continue; // `name v0.1.0 (/path/to/crate)`: a workspace package
        }
        let set = rest.trim_end_matches(" (*)").trim_end_matches(']');
        features
            .entry(format!("{name} {version}"))
            .or_default()
            .insert(set.to_owned());
    }
    features
}

/// The feature sets of the build that `cargo tree args` describes.
fn resolve(root: &Path, args: &[String]) -> Result<Features> {
    let mut cmd = crate::util::cargo();
    cmd.current_dir(root)
        .args([
            "tree",
            "-e",
            "normal,build,dev",
            "-f",
            "{p} [{f}]",
            "--prefix",
            "none",
        ])
        .args(args);
    let output = cmd.output().context("running `cargo tree`")?;
    anyhow::ensure!(
        output.status.success(),
        "`cargo tree {}` failed:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(parse_tree(&String::from_utf8_lossy(&output.stdout)))
}

/// Each dependency of `build` whose features differ from the whole workspace's, as a message.
fn differences(what: &str, build: &Features, workspace: &Features) -> Vec<String> {
    build
        .iter()
        .filter(|(package, sets)| workspace.get(*package) != Some(*sets))
        .map(|(package, sets)| {
            let show = |sets: Option<&BTreeSet<String>>| {
                sets.map_or_else(
                    || "(absent)".to_owned(),
                    |s| {
                        s.iter()
                            .map(|f| format!("[{f}]"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    },
                )
            };
            format!(
                "{what} builds {package} with features {}, the whole workspace with {}: \
                 add the workspace's to crates/workspace-hack/Cargo.toml",
                show(Some(sets)),
                show(workspace.get(package))
            )
        })
        .collect()
}

/// Every dependency whose features in one of the test command's or readers' builds differ
/// from the whole workspace's.
pub fn check(root: &Path, chapters: &[Chapter]) -> Result<Vec<String>> {
    let workspace = resolve(root, &["--workspace".to_owned()])?;
    let packages = |names: &[&str]| -> Vec<String> {
        names
            .iter()
            .flat_map(|n| ["-p".to_owned(), (*n).to_owned()])
            .collect()
    };
    let names: Vec<&str> = chapters.iter().map(|c| c.name.as_str()).collect();
    let mut builds = vec![
        (
            "`cargo xtask` (the xtask alone)".to_owned(),
            packages(&["xtask"]),
        ),
        ("the examples' build".to_owned(), packages(&names)),
    ];
    for name in &names {
        builds.push((
            format!("`cargo test --release -p {name}`"),
            packages(&[name]),
        ));
    }
    let mut problems = Vec::new();
    for (what, args) in builds {
        problems.extend(differences(&what, &resolve(root, &args)?, &workspace));
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_read_per_package_and_differences_named() {
        let workspace = parse_tree(
            "chapter01 v0.1.0 (/w/crates/chapter01) []\n\
             ndarray v0.16.1 [approx,default,rayon,std]\n\
             syn v2.0.119 [default,full] (*)\n\
             serde_derive v1.0.229 (proc-macro) [default]\n",
        );
        assert_eq!(
            workspace.keys().collect::<Vec<_>>(),
            ["ndarray v0.16.1", "serde_derive v1.0.229", "syn v2.0.119"]
        );
        assert!(workspace["syn v2.0.119"].contains("default,full"));
        let alone = parse_tree("ndarray v0.16.1 [default,std]\nsyn v2.0.119 [default,full]\n");
        assert_eq!(
            differences("chapter01 alone", &alone, &workspace),
            [
                "chapter01 alone builds ndarray v0.16.1 with features [default,std], the whole \
              workspace with [approx,default,rayon,std]: add the workspace's to \
              crates/workspace-hack/Cargo.toml"
            ]
        );
    }

    /// The workspace as it is: every build resolves as the whole workspace does.
    #[test]
    fn every_build_of_this_workspace_resolves_one_feature_set() {
        let root = crate::util::workspace_root();
        let chapters = crate::chapters::registry(&root).unwrap();
        assert_eq!(check(&root, &chapters).unwrap(), Vec::<String>::new());
    }
}
