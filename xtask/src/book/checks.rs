//! Checks mdBook does not make: every `{{#include}}` names a file and anchor that exist
//! (mdBook only logs a missing file and silently renders an empty block for a missing anchor),
//! and every relative link and fragment in the built HTML resolves.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result};

/// All files below `dir` whose name ends with `suffix`, sorted.
pub fn files_with_suffix(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// One `{{#include path[:anchor]}}` (or `rustdoc_include`) found in a Markdown file.
#[derive(Debug, PartialEq)]
pub struct Include {
    pub line: usize,
    pub path: String,
    pub anchor: Option<String>,
}

/// Finds the include directives of one Markdown text.
pub fn find_includes(markdown: &str) -> Vec<Include> {
    let mut found = Vec::new();
    for (i, line) in markdown.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find("{{#") {
            let after = &rest[start + 3..];
            let Some(end) = after.find("}}") else { break };
            let directive = after[..end].trim();
            rest = &after[end + 2..];
            let Some(spec) = directive
                .strip_prefix("include ")
                .or_else(|| directive.strip_prefix("rustdoc_include "))
            else {
                continue;
            };
            let spec = spec.trim();
            let (path, anchor) = match spec.split_once(':') {
                Some((p, a)) => (p, Some(a)),
                None => (spec, None),
            };
            // `file:10:20` and `file:10` are line ranges, not anchors.
            let anchor = anchor
                .filter(|a| {
                    !a.split(':')
                        .all(|part| part.is_empty() || part.chars().all(|c| c.is_ascii_digit()))
                })
                .map(str::to_owned);
            found.push(Include {
                line: i + 1,
                path: path.to_owned(),
                anchor,
            });
        }
    }
    found
}

/// Checks every include of every Markdown file under `src` (except generated ones, which
/// include nothing). `exists` decides whether an included file exists: the normal check
/// looks at the disk; `cargo xtask check` also accepts generated files it is about to compare.
/// Returns one message per problem, naming the Markdown file and line.
pub fn check_includes(root: &Path, src: &Path) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    for md in files_with_suffix(src, ".md")? {
        let text = fs::read_to_string(&md)?;
        let shown = md.strip_prefix(root).unwrap_or(&md).display().to_string();
        for inc in find_includes(&text) {
            let target = md.parent().unwrap_or(src).join(&inc.path);
            let target_shown = normalize(&target);
            let target_shown = target_shown
                .strip_prefix(root)
                .unwrap_or(&target_shown)
                .display()
                .to_string();
            let Ok(contents) = fs::read_to_string(&target) else {
                problems.push(format!(
                    "{shown}:{}: includes `{}`, but {target_shown} does not exist",
                    inc.line, inc.path
                ));
                continue;
            };
            if let Some(anchor) = &inc.anchor
                && let Err(why) = check_anchor(&contents, anchor)
            {
                problems.push(format!(
                    "{shown}:{}: includes anchor `{anchor}` of {target_shown}, but {why}",
                    inc.line
                ));
            }
        }
    }
    Ok(problems)
}

/// An anchor must open once, close after it opens, and hold at least one line of content.
fn check_anchor(contents: &str, anchor: &str) -> std::result::Result<(), String> {
    let is_marker = |line: &str, kind: &str| {
        line.split_once(kind)
            .is_some_and(|(_, name)| name.trim().trim_end_matches("*/").trim() == anchor)
    };
    let lines: Vec<&str> = contents.lines().collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| is_marker(lines[i], "ANCHOR:"))
        .collect();
    let ends: Vec<usize> = (0..lines.len())
        .filter(|&i| is_marker(lines[i], "ANCHOR_END:"))
        .collect();
    match (starts.as_slice(), ends.as_slice()) {
        ([], _) => Err(format!("the file has no `ANCHOR: {anchor}`")),
        (_, []) => Err(format!("the file has no `ANCHOR_END: {anchor}`")),
        ([start], [end]) if end <= start => {
            Err(format!("`ANCHOR_END: {anchor}` comes before its start"))
        }
        ([start], [end]) => {
            let has_content = lines[start + 1..*end]
                .iter()
                .any(|l| !l.trim().is_empty() && !l.contains("ANCHOR"));
            if has_content {
                Ok(())
            } else {
                Err(format!("anchor `{anchor}` is empty"))
            }
        }
        _ => Err(format!("anchor `{anchor}` is defined more than once")),
    }
}

/// The widest line a listing or an output may have: what fits the book's code column at the
/// default theme in a 1280-pixel window without scrolling (`crates/rustfmt.toml` formats the
/// chapter crates to it).
pub const LISTING_WIDTH: usize = 80;

/// The lines an include shows, with their 1-based line numbers in the file: an anchor's
/// region without the marker lines of other anchors (as mdBook does), or the whole file.
/// `None` for a line range, which the book does not use.
fn included_lines<'a>(contents: &'a str, inc: &Include) -> Vec<(usize, &'a str)> {
    let numbered = contents.lines().enumerate().map(|(i, l)| (i + 1, l));
    let Some(anchor) = &inc.anchor else {
        return numbered.collect();
    };
    let is_marker = |line: &str, kind: &str| {
        line.split_once(kind)
            .is_some_and(|(_, name)| name.trim().trim_end_matches("*/").trim() == anchor)
    };
    numbered
        .skip_while(|(_, l)| !is_marker(l, "ANCHOR:"))
        .skip(1)
        .take_while(|(_, l)| !is_marker(l, "ANCHOR_END:"))
        .filter(|(_, l)| !l.contains("ANCHOR:") && !l.contains("ANCHOR_END:"))
        .collect()
}

/// Checks what the fenced blocks of every page show:
/// - no code typed into the Markdown: a `rust` or `python` block holds only includes (a
///   listing is a file the build compiles or runs), and no block holds a typed compiler
///   message (`error[E...]`: capture it with trybuild);
/// - no included line, after the common indentation is removed, is wider than
///   [`LISTING_WIDTH`]; the message names the file and line.
pub fn check_listings(root: &Path, src: &Path) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let generated = src.join("generated");
    for md in files_with_suffix(src, ".md")? {
        if md.starts_with(&generated) {
            continue;
        }
        let text = fs::read_to_string(&md)?;
        let shown = md.strip_prefix(root).unwrap_or(&md).display().to_string();
        for fence in crate::book::listings::fences(&text) {
            // An exercise shows its included signature followed by `todo!()` and `}`, as the
            // reader's starter file has it (the Comprehensive Rust pattern).
            let typed = fence.body.lines().any(|l| {
                let l = l.trim();
                !l.is_empty() && !l.starts_with("{{#") && l != "todo!()" && l != "}"
            });
            if typed && matches!(fence.lang.as_str(), "rust" | "python" | "py") {
                problems.push(format!(
                    "{shown}:{}: a `{}` block typed into the page: put the code in a file of its \
                     chapter crate and include it",
                    fence.line, fence.lang
                ));
            } else if typed && fence.body.contains("error[E") {
                problems.push(format!(
                    "{shown}:{}: a compiler message typed into the page: capture it with a \
                     compile_fail listing (trybuild) and include its .stderr",
                    fence.line
                ));
            }
            for inc in find_includes(&fence.body) {
                let target = md.parent().unwrap_or(src).join(&inc.path);
                // rustc lays out its messages itself (a label can run past any width).
                if target.extension().is_some_and(|e| e == "stderr") {
                    continue;
                }
                let Ok(contents) = fs::read_to_string(&target) else {
                    continue; // reported by check_includes
                };
                let lines = included_lines(&contents, &inc);
                let indent = lines
                    .iter()
                    .filter(|(_, l)| !l.trim().is_empty())
                    .map(|(_, l)| l.len() - l.trim_start_matches(' ').len())
                    .min()
                    .unwrap_or(0);
                let target = normalize(&target);
                let target = target
                    .strip_prefix(root)
                    .unwrap_or(&target)
                    .display()
                    .to_string();
                for (number, line) in lines {
                    let width = line.chars().count().saturating_sub(indent);
                    if width > LISTING_WIDTH {
                        problems.push(format!(
                            "{target}:{number}: {width} columns, wider than the book's \
                             {LISTING_WIDTH} (included by {shown}:{})",
                            fence.line + inc.line
                        ));
                    }
                }
            }
        }
    }
    Ok(problems)
}

/// Resolves `.` and `..` without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The values of every `href="..."` and `src="..."` attribute in `html`.
fn link_targets(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(pos) = rest.find(attr) {
            // Only attributes: the character before must be whitespace.
            let boundary = pos == 0 || rest.as_bytes()[pos - 1].is_ascii_whitespace();
            rest = &rest[pos + attr.len()..];
            let Some(end) = rest.find('"') else { break };
            if boundary {
                out.push(rest[..end].to_owned());
            }
            rest = &rest[end..];
        }
    }
    out
}

/// Every `id="..."` in `html`.
fn ids(html: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut rest = html;
    while let Some(pos) = rest.find(" id=\"") {
        rest = &rest[pos + 5..];
        if let Some(end) = rest.find('"') {
            out.insert(rest[..end].to_owned());
        }
    }
    out
}

pub(crate) fn decode_percent(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(v) =
                u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("-"), 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Files the site links to that are written after mdBook builds it: `cargo xtask pdf` prints
/// `book.pdf` into the build folder (mdBook empties that folder on every build).
pub const WRITTEN_AFTER_THE_SITE: &[&str] = &["book.pdf"];

/// Checks the built site: no include directive left in the text, every relative link and
/// image resolves to a file, and every `#fragment` names an id on the target page. Links to
/// the files of [`WRITTEN_AFTER_THE_SITE`] may be missing; [`check_site_complete`] allows none.
pub fn check_site(build: &Path) -> Result<Vec<String>> {
    check_site_allowing(build, WRITTEN_AFTER_THE_SITE)
}

/// Like [`check_site`], for a site that must be complete (after `cargo xtask pdf`).
pub fn check_site_complete(build: &Path) -> Result<Vec<String>> {
    check_site_allowing(build, &[])
}

fn check_site_allowing(build: &Path, may_be_missing: &[&str]) -> Result<Vec<String>> {
    let pages = files_with_suffix(build, ".html")?;
    let mut id_cache: HashMap<PathBuf, HashSet<String>> = HashMap::new();
    let mut problems = Vec::new();
    for page in &pages {
        let html = fs::read_to_string(page)?;
        let shown = page
            .strip_prefix(build)
            .unwrap_or(page)
            .display()
            .to_string();
        for leftover in ["{{#include", "{{#rustdoc_include"] {
            if html.contains(leftover) {
                problems.push(format!("{shown}: the text still contains `{leftover}`"));
            }
        }
        // The print page repeats every chapter; links are checked on the chapter pages.
        if shown == "print.html" {
            continue;
        }
        for target in link_targets(&html) {
            if target.is_empty()
                || target.contains("{{")
                || target.starts_with("data:")
                || target.starts_with("javascript:")
                || target.starts_with("mailto:")
                || target.starts_with("//")
                || target.contains("://")
            {
                continue;
            }
            let (path_part, fragment) = match target.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (target.as_str(), None),
            };
            let path_part = path_part.split('?').next().unwrap_or("");
            let file = if path_part.is_empty() {
                page.clone()
            } else {
                // A root-relative path (404.html's `<base href="/">`) starts at the site root.
                let base = match path_part.strip_prefix('/') {
                    Some(_) => build,
                    None => page.parent().unwrap_or(build),
                };
                let mut f =
                    normalize(&base.join(decode_percent(path_part.trim_start_matches('/'))));
                if path_part.ends_with('/') || f.is_dir() {
                    f = f.join("index.html");
                }
                f
            };
            if !file.is_file() {
                if may_be_missing.iter().any(|m| file == build.join(m)) {
                    continue;
                }
                problems.push(format!("{shown}: broken link `{target}` (no such file)"));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty())
                && file.extension().is_some_and(|e| e == "html")
            {
                let ids = match id_cache.get(&file) {
                    Some(ids) => ids,
                    None => {
                        let text = fs::read_to_string(&file)?;
                        id_cache.entry(file.clone()).or_insert_with(|| ids(&text))
                    }
                };
                if !ids.contains(&decode_percent(fragment)) {
                    problems.push(format!(
                        "{shown}: broken link `{target}` (no id `{fragment}` on that page)"
                    ));
                }
            }
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn includes_with_anchors_and_line_ranges_are_told_apart() {
        let md = "x\n{{#include ../a.rs:setup}}\n{{#include b.txt}} {{#include c.rs:3:9}}\n{{#rustdoc_include d.rs:main}}";
        let found = find_includes(md);
        assert_eq!(
            found,
            vec![
                Include {
                    line: 2,
                    path: "../a.rs".into(),
                    anchor: Some("setup".into())
                },
                Include {
                    line: 3,
                    path: "b.txt".into(),
                    anchor: None
                },
                Include {
                    line: 3,
                    path: "c.rs".into(),
                    anchor: None
                },
                Include {
                    line: 4,
                    path: "d.rs".into(),
                    anchor: Some("main".into())
                },
            ]
        );
    }

    #[test]
    fn anchors_must_exist_close_and_hold_content() {
        let file = "// ANCHOR: a\nlet x = 1;\n// ANCHOR_END: a\n// ANCHOR: empty\n// ANCHOR_END: empty\n// ANCHOR: open\n";
        assert!(check_anchor(file, "a").is_ok());
        assert!(
            check_anchor(file, "missing")
                .unwrap_err()
                .contains("no `ANCHOR: missing`")
        );
        assert!(
            check_anchor(file, "empty")
                .unwrap_err()
                .contains("is empty")
        );
        assert!(
            check_anchor(file, "open")
                .unwrap_err()
                .contains("no `ANCHOR_END: open`")
        );
        // A name that is a prefix of another anchor is not that anchor.
        assert!(check_anchor("// ANCHOR: ab\nx\n// ANCHOR_END: ab\n", "a").is_err());
    }

    #[test]
    fn a_missing_include_and_a_missing_anchor_are_reported_with_the_file() {
        let dir = std::env::temp_dir().join(format!("xtask-includes-{}", std::process::id()));
        let src = dir.join("book/src");
        fs::create_dir_all(&src).unwrap();
        fs::write(
            dir.join("code.rs"),
            "// ANCHOR: here\nfn f() {}\n// ANCHOR_END: here\n",
        )
        .unwrap();
        fs::write(
            src.join("page.md"),
            "{{#include ../../code.rs:here}}\n{{#include ../../code.rs:gone}}\n{{#include ../../nope.rs}}\n",
        )
        .unwrap();
        let problems = check_includes(&dir, &src).unwrap();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("book/src/page.md:2: includes anchor `gone` of code.rs"));
        assert!(problems[1].starts_with(
            "book/src/page.md:3: includes `../../nope.rs`, but nope.rs does not exist"
        ));
    }

    #[test]
    fn typed_code_typed_errors_and_wide_lines_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("book/src");
        fs::create_dir_all(src.join("generated")).unwrap();
        let wide = "x".repeat(LISTING_WIDTH + 1);
        let fits = "y".repeat(LISTING_WIDTH);
        fs::write(
            dir.path().join("code.rs"),
            format!(
                "fn f() {{\n    // ANCHOR: a\n    {fits}\n    {wide}\n    // ANCHOR_END: a\n}}\n"
            ),
        )
        .unwrap();
        fs::write(src.join("generated/out.txt"), format!("{fits}\n")).unwrap();
        fs::write(
            src.join("page.md"),
            "```rust\n{{#include ../../code.rs:a}}\n```\n\n```python\nimport numpy\n```\n\n\
             ```text\nerror[E0382]: borrow of moved value\n```\n\n\
             ```text\n{{#include generated/out.txt}}\n```\n",
        )
        .unwrap();
        let problems = check_listings(dir.path(), &src).unwrap();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].starts_with("code.rs:4: 81 columns"),
            "{}",
            problems[0]
        );
        assert!(
            problems[0].ends_with("(included by book/src/page.md:2)"),
            "{}",
            problems[0]
        );
        assert!(problems[1].starts_with("book/src/page.md:5: a `python` block typed"));
        assert!(problems[2].starts_with("book/src/page.md:9: a compiler message typed"));
    }

    #[test]
    fn broken_links_and_fragments_are_found_in_built_html() {
        let dir = std::env::temp_dir().join(format!("xtask-site-{}", std::process::id()));
        fs::create_dir_all(dir.join("figures")).unwrap();
        fs::write(dir.join("figures/a.svg"), "<svg/>").unwrap();
        fs::write(dir.join("b.html"), "<h1 id=\"top\">B</h1>").unwrap();
        fs::write(
            dir.join("a.html"),
            "<a href=\"b.html#top\">ok</a> <img src=\"figures/a.svg\"> <a href=\"https://x.org\">ext</a>\
             <a href=\"b.html#nope\">bad fragment</a> <a href=\"c.html\">bad file</a> <a href=\"#self\">s</a><p id=\"self\"></p>",
        )
        .unwrap();
        let problems = check_site(&dir).unwrap();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("`b.html#nope`")));
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`c.html` (no such file)"))
        );
    }

    #[test]
    fn the_pdf_link_may_be_missing_until_the_pdf_is_printed() {
        let dir = std::env::temp_dir().join(format!("xtask-site-pdf-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(
            dir.join("index.html"),
            "<a href=\"book.pdf\">PDF</a> <a href=\"other.pdf\">no</a>",
        )
        .unwrap();
        fs::write(dir.join("sub/page.html"), "<a href=\"../book.pdf\">PDF</a>").unwrap();
        // mdBook's 404 page links to the site root.
        fs::write(
            dir.join("404.html"),
            "<base href=\"/\"> <a href=\"/sub/page.html\">x</a>",
        )
        .unwrap();
        let problems = check_site(&dir).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("`other.pdf`"));
        let problems = check_site_complete(&dir).unwrap();
        assert_eq!(problems.len(), 3, "{problems:?}");
        fs::write(dir.join("book.pdf"), "%PDF-").unwrap();
        assert_eq!(check_site_complete(&dir).unwrap().len(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(decode_percent("a%20b"), "a b");
        assert_eq!(decode_percent("100%"), "100%");
    }
}
