//! Checks mdBook does not make: every `{{#include}}` names a file and anchor that exist
//! (mdBook only logs a missing file and silently renders an empty block for a missing anchor),
//! and every relative link and fragment in the built HTML resolves.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

use anyhow::Result;
use regex::Regex;

use crate::book::text::{common_indent, find_includes, is_starter_line};

/// A page of the book: its Markdown file and its text, as SUMMARY.md lists them
/// ([`crate::book::site::pages`]).
pub type Page = (PathBuf, String);

/// mdBook's anchor markers (`ANCHOR: name`, `ANCHOR_END: name`, anywhere in a line).
static ANCHOR_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR:\s*([\w_-]+)").expect("a valid regex"));
static ANCHOR_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR_END:\s*([\w_-]+)").expect("a valid regex"));

/// The name of the anchor `marker` (start or end) on `line`, if any.
fn anchor_on<'a>(marker: &Regex, line: &'a str) -> Option<&'a str> {
    Some(marker.captures(line)?.get(1)?.as_str())
}

/// Checks every include of every page, and of every Markdown file a page includes (mdBook
/// expands those too). Returns one message per problem, naming the Markdown file and line.
pub fn check_includes(root: &Path, pages: &[Page]) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut queue = pages.to_vec();
    let mut i = 0;
    while let Some((md, text)) = queue.get(i).cloned() {
        i += 1;
        let shown = relative(root, &md);
        for inc in find_includes(&text) {
            let target = normalize(&md.parent().unwrap_or(root).join(&inc.path));
            let target_shown = relative(root, &target);
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
            if target.extension().is_some_and(|e| e == "md")
                && !queue.iter().any(|(p, _)| *p == target)
            {
                queue.push((target, contents));
            }
        }
    }
    Ok(problems)
}

/// `path` relative to the workspace root, for messages.
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// An anchor must open once, close after it opens, and hold at least one line of content.
fn check_anchor(contents: &str, anchor: &str) -> std::result::Result<(), String> {
    let lines_with = |marker: &Regex| -> Vec<usize> {
        let lines = contents.lines().enumerate();
        lines
            .filter(|(_, l)| anchor_on(marker, l) == Some(anchor))
            .map(|(i, _)| i)
            .collect()
    };
    let is_empty = || {
        let shown = included_lines(contents, Some(anchor));
        shown.iter().all(|(_, l)| l.trim().is_empty())
    };
    match (&lines_with(&ANCHOR_START)[..], &lines_with(&ANCHOR_END)[..]) {
        ([], _) => Err(format!("the file has no `ANCHOR: {anchor}`")),
        (_, []) => Err(format!("the file has no `ANCHOR_END: {anchor}`")),
        ([start], [end]) if end <= start => {
            Err(format!("`ANCHOR_END: {anchor}` comes before its start"))
        }
        ([_], [_]) if is_empty() => Err(format!("anchor `{anchor}` is empty")),
        ([_], [_]) => Ok(()),
        _ => Err(format!("anchor `{anchor}` is defined more than once")),
    }
}

/// The widest line a listing or an output may have: what fits the book's code column at the
/// default theme in a 1280-pixel window without scrolling (`crates/rustfmt.toml` formats the
/// chapter crates to it).
pub const LISTING_WIDTH: usize = 80;

/// The lines an include shows, with their 1-based line numbers in the file, as mdBook takes
/// them: an anchor's region without the marker lines of other anchors, or the whole file.
fn included_lines<'a>(contents: &'a str, anchor: Option<&str>) -> Vec<(usize, &'a str)> {
    let numbered = contents.lines().enumerate().map(|(i, l)| (i + 1, l));
    let Some(anchor) = anchor else {
        return numbered.collect();
    };
    numbered
        .skip_while(|(_, l)| anchor_on(&ANCHOR_START, l) != Some(anchor))
        .skip(1)
        .take_while(|(_, l)| anchor_on(&ANCHOR_END, l) != Some(anchor))
        .filter(|(_, l)| !ANCHOR_START.is_match(l) && !ANCHOR_END.is_match(l))
        .collect()
}

/// Checks what the fenced blocks of every page show:
/// - no code typed into the Markdown: a `rust` or `python` block holds only includes (a
///   listing is a file the build compiles or runs), and no block holds a typed compiler
///   message (`error[E...]`: capture it with trybuild);
/// - no included line, after the common indentation is removed, is wider than
///   [`LISTING_WIDTH`]; the message names the file and line.
pub fn check_listings(root: &Path, pages: &[Page]) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    for (md, text) in pages {
        let shown = relative(root, md);
        for fence in crate::book::listings::fences(text) {
            // An exercise shows its included signature followed by `todo!()` and `}`, as the
            // reader's starter file has it (the Comprehensive Rust pattern).
            let typed = fence.body.lines().any(|l| {
                let l = l.trim();
                !l.is_empty() && !l.starts_with("{{#") && !is_starter_line(l)
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
            for inc in find_includes(fence.body) {
                let target = normalize(&md.parent().unwrap_or(root).join(&inc.path));
                // rustc lays out its messages itself (a label can run past any width).
                if target.extension().is_some_and(|e| e == "stderr") {
                    continue;
                }
                let Ok(contents) = fs::read_to_string(&target) else {
                    continue; // reported by check_includes
                };
                let lines = included_lines(&contents, inc.anchor.as_deref());
                let indent = common_indent(lines.iter().map(|(_, l)| *l));
                let target = relative(root, &target);
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

/// The values of every `href="..."` and `src="..."` attribute, and of every `id="..."`.
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\s(?:href|src)="([^"]*)""#).expect("a valid regex"));
static ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\sid="([^"]*)""#).expect("a valid regex"));

/// `s` with its `%XX` escapes decoded (an invalid one stays as it is).
fn decode_percent(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Files the site links to that are written after mdBook builds it: `cargo xtask pdf` prints
/// `book.pdf` into the build folder (mdBook empties that folder on every build).
pub const WRITTEN_AFTER_THE_SITE: &[&str] = &["book.pdf"];

/// Checks the built site: every relative link and image resolves to a file, and every
/// `#fragment` names an id on the target page. (An include mdBook could not expand fails the
/// build itself: see `site::build`.) Links to
/// the files of [`WRITTEN_AFTER_THE_SITE`] may be missing; [`check_site_complete`] allows none.
pub fn check_site(build: &Path) -> Result<Vec<String>> {
    check_site_allowing(build, WRITTEN_AFTER_THE_SITE)
}

/// Like [`check_site`], for a site that must be complete (after `cargo xtask pdf`).
pub fn check_site_complete(build: &Path) -> Result<Vec<String>> {
    check_site_allowing(build, &[])
}

fn check_site_allowing(build: &Path, may_be_missing: &[&str]) -> Result<Vec<String>> {
    let pages = crate::util::files(build)?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"));
    let mut id_cache: HashMap<PathBuf, HashSet<String>> = HashMap::new();
    let mut problems = Vec::new();
    for page in pages {
        let html = fs::read_to_string(&page)?;
        let shown = relative(build, &page);
        // The print page repeats every chapter; links are checked on the chapter pages.
        if shown == "print.html" {
            continue;
        }
        for link in LINK.captures_iter(&html) {
            let target = &link[1];
            let not_checked = ["data:", "javascript:", "mailto:", "//"];
            if target.is_empty()
                || target.contains("{{")
                || target.contains("://")
                || not_checked.iter().any(|p| target.starts_with(p))
            {
                continue;
            }
            let (path_part, fragment) = target.split_once('#').unwrap_or((target, ""));
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
            if !fragment.is_empty() && file.extension().is_some_and(|e| e == "html") {
                if !id_cache.contains_key(&file) {
                    let text = fs::read_to_string(&file)?;
                    let ids = ID.captures_iter(&text).map(|c| c[1].to_owned()).collect();
                    id_cache.insert(file.clone(), ids);
                }
                if !id_cache[&file].contains(&decode_percent(fragment)) {
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
    fn includes_are_found_by_mdbooks_rules() {
        let md = "x\n{{#include ../a.rs:setup}}\n{{#include b.txt}} {{#include c.rs:3:9}}\n\
                  {{ #rustdoc_include d.rs:main }}\n{{#include e.rs::9}} {{#title T}}\n\
                  \\{{#include escaped.rs:gone}} and \\{{#include too.rs}}\n";
        let found = find_includes(md);
        let found: Vec<(usize, &str, Option<&str>)> = found
            .iter()
            .map(|i| (i.line, i.path.as_str(), i.anchor.as_deref()))
            .collect();
        let expected = [
            (2, "../a.rs", Some("setup")),
            (3, "b.txt", None),
            (3, "c.rs", None),
            (4, "d.rs", Some("main")),
            (5, "e.rs", None),
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn anchors_must_exist_close_and_hold_content() {
        let file = "// ANCHOR: a\nlet x = 1;\n// ANCHOR_END: a\n// ANCHOR: empty\n\
                    // ANCHOR: inner\n// ANCHOR_END: inner\n// ANCHOR_END: empty\n// ANCHOR: open\n\
                    /* ANCHOR_END: back */\n/* ANCHOR: back */\n// ANCHOR: twice\n// ANCHOR: twice\n";
        assert_eq!(check_anchor(file, "a"), Ok(()));
        for (anchor, says) in [
            ("missing", "no `ANCHOR: missing`"),
            ("empty", "`empty` is empty"),
            ("open", "no `ANCHOR_END: open`"),
            ("back", "comes before its start"),
            ("twice", "no `ANCHOR_END: twice`"),
        ] {
            let why = check_anchor(file, anchor).unwrap_err();
            assert!(why.contains(says), "{anchor}: {why}");
        }
        let twice = "// ANCHOR: t\nx\n// ANCHOR_END: t\n// ANCHOR: t\ny\n// ANCHOR_END: t\n";
        assert!(
            check_anchor(twice, "t")
                .unwrap_err()
                .contains("more than once")
        );
        // A name that is a prefix of another anchor is not that anchor.
        assert!(check_anchor("// ANCHOR: ab\nx\n// ANCHOR_END: ab\n", "a").is_err());
    }

    /// A page `book/src/page.md` in a temporary workspace, with `code.rs` at its root.
    fn workspace(page: &str, code: &str) -> (tempfile::TempDir, Vec<Page>) {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("book/src");
        fs::create_dir_all(&src).unwrap();
        fs::write(dir.path().join("code.rs"), code).unwrap();
        let pages = vec![(src.join("page.md"), page.to_owned())];
        (dir, pages)
    }

    #[test]
    fn a_missing_include_and_a_missing_anchor_are_reported_with_the_file() {
        let (dir, pages) = workspace(
            "{{#include ../../code.rs:here}}\n{{#include ../../code.rs:gone}}\n\
             {{#include ../../nope.rs}}\n\\{{#include ../../shown-as-text.rs}}\n\
             {{#include nested.md}}\n",
            "// ANCHOR: here\nfn f() {}\n// ANCHOR_END: here\n",
        );
        // A Markdown file a page includes is expanded by mdBook, its includes with it.
        fs::write(
            dir.path().join("book/src/nested.md"),
            "text\n{{#include ../../code.rs:lost}}\n",
        )
        .unwrap();
        let problems = check_includes(dir.path(), &pages).unwrap();
        assert_eq!(
            problems,
            [
                "book/src/page.md:2: includes anchor `gone` of code.rs, but the file has no \
                 `ANCHOR: gone`",
                "book/src/page.md:3: includes `../../nope.rs`, but nope.rs does not exist",
                "book/src/nested.md:2: includes anchor `lost` of code.rs, but the file has no \
                 `ANCHOR: lost`",
            ]
        );
    }

    #[test]
    fn typed_code_typed_errors_and_wide_lines_are_reported() {
        let wide = "x".repeat(LISTING_WIDTH + 1);
        let fits = "y".repeat(LISTING_WIDTH);
        let (dir, pages) = workspace(
            "```rust\n{{#include ../../code.rs:a}}\n```\n\n```python\nimport numpy\n```\n\n\
             ```text\nerror[E0382]: borrow of moved value\n```\n\n\
             ```text\n{{#include ../../code.rs:fits}}\n\\{{#include ../../code.rs:a}}\n```\n",
            &format!(
                "fn f() {{\n    // ANCHOR: a\n    {fits}\n    {wide}\n    // ANCHOR_END: a\n}}\n\
                 // ANCHOR: fits\n{fits}\n// ANCHOR_END: fits\n"
            ),
        );
        let problems = check_listings(dir.path(), &pages).unwrap();
        assert_eq!(
            problems,
            [
                "code.rs:4: 81 columns, wider than the book's 80 (included by book/src/page.md:2)",
                "book/src/page.md:5: a `python` block typed into the page: put the code in a file \
                 of its chapter crate and include it",
                "book/src/page.md:9: a compiler message typed into the page: capture it with a \
                 compile_fail listing (trybuild) and include its .stderr",
            ]
        );
    }

    #[test]
    fn broken_links_and_fragments_are_found_in_built_html() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        fs::create_dir_all(dir.join("figures")).unwrap();
        fs::write(dir.join("figures/a.svg"), "<svg/>").unwrap();
        fs::write(dir.join("b.html"), "<h1 id=\"top\">B</h1>").unwrap();
        fs::write(
            dir.join("a.html"),
            "<a href=\"b.html#top\">ok</a> <img src=\"figures/a.svg\"> <a href=\"https://x.org\">ext</a>\
             <a href=\"b.html#nope\">bad fragment</a> <a href=\"c.html\">bad file</a> <a href=\"#self\">s</a><p id=\"self\"></p>\
             <a data-href=\"d.html\">not a link</a>",
        )
        .unwrap();
        assert_eq!(
            check_site(dir).unwrap(),
            [
                "a.html: broken link `b.html#nope` (no id `nope` on that page)",
                "a.html: broken link `c.html` (no such file)",
            ]
        );
    }

    #[test]
    fn the_pdf_link_may_be_missing_until_the_pdf_is_printed() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
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
        let problems = check_site(dir).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("`other.pdf`"));
        let problems = check_site_complete(dir).unwrap();
        assert_eq!(problems.len(), 3, "{problems:?}");
        fs::write(dir.join("book.pdf"), "%PDF-").unwrap();
        assert_eq!(check_site_complete(dir).unwrap().len(), 1);
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(decode_percent("a%20b"), "a b");
        assert_eq!(decode_percent("100%"), "100%");
        // Escapes make bytes, decoded together as UTF-8; a broken escape stays as it is.
        assert_eq!(decode_percent("%E2%9C%93-%zz-%4"), "\u{2713}-%zz-%4");
    }
}
