//! Text helpers the book's modules share, kept in one leaf module (it imports none of them):
//! mdBook's `{{#...}}` directives and includes, line numbers, indentation, the first line two
//! texts differ at, and the exercise starter's body.

use std::sync::LazyLock;

use regex::Regex;

/// mdBook's own pattern for its `{{#...}}` directives (mdbook-driver's `links` preprocessor):
/// an escaped `\{{#...}}` (up to the last `}}` of its line) is text, not a directive.
static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\\\{\{#.*\}\}|\{\{\s*#([a-zA-Z0-9_]+)\s+([^}]+)\}\}").expect("a valid regex")
});

/// One `{{#kind args}}` directive of a Markdown text (escaped ones are not directives).
#[derive(Debug, PartialEq)]
pub struct Directive<'a> {
    /// `include`, `rustdoc_include`, `bench`, ...
    pub kind: &'a str,
    /// Everything after the kind, trimmed.
    pub args: &'a str,
    /// The byte range of the whole directive.
    pub range: std::ops::Range<usize>,
    /// The 1-based line it starts on.
    pub line: usize,
}

/// The directives of `markdown`, in order.
pub fn directives(markdown: &str) -> Vec<Directive<'_>> {
    DIRECTIVE
        .captures_iter(markdown)
        .filter_map(|found| {
            let (kind, args, whole) = (found.get(1)?, found.get(2)?, found.get(0)?);
            Some(Directive {
                kind: kind.as_str(),
                args: args.as_str().trim(),
                range: whole.range(),
                line: line_of(markdown, whole.start()),
            })
        })
        .collect()
}

/// One `{{#include path[:anchor]}}` (or `rustdoc_include`) found in a Markdown file.
#[derive(Debug, PartialEq)]
pub struct Include {
    pub line: usize,
    pub path: String,
    pub anchor: Option<String>,
}

/// Finds the include directives of one Markdown text, by mdBook's rules: the target is the
/// first word after the directive's name; after its first `:`, a number or nothing starts a
/// line range (`file:10:20`, `file::20`) and anything else names an anchor.
pub fn find_includes(markdown: &str) -> Vec<Include> {
    directives(markdown)
        .into_iter()
        .filter(|d| matches!(d.kind, "include" | "rustdoc_include"))
        .filter_map(|d| {
            let target = d.args.split_whitespace().next()?;
            let (path, range) = target.split_once(':').unwrap_or((target, ""));
            let first = range.split(':').next().unwrap_or_default();
            let anchor = !first.is_empty() && first.parse::<usize>().is_err();
            Some(Include {
                line: d.line,
                path: path.to_owned(),
                anchor: anchor.then(|| first.to_owned()),
            })
        })
        .collect()
}

/// The 1-based line of byte `offset` of `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// The number of leading spaces that all non-blank `lines` share.
pub fn common_indent<'a>(lines: impl IntoIterator<Item = &'a str>) -> usize {
    lines
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0)
}

/// The first line (0-based) where `new` and `old` differ, and that line of each.
pub fn first_difference<'a>(new: &'a str, old: &'a str) -> (usize, &'a str, &'a str) {
    let line = new
        .lines()
        .zip(old.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| new.lines().count().min(old.lines().count()));
    let at = |text: &'a str| text.lines().nth(line).unwrap_or("<end of file>");
    (line, at(new), at(old))
}

/// The body an exercise has in the starter file, and on its exercises page under the
/// included signature (the Comprehensive Rust pattern).
pub const STARTER_BODY: &str = "todo!()";

/// Whether `line` of an exercises page's code block is the starter's body or its closing
/// brace: the only text a page may type after an included signature.
pub fn is_starter_line(line: &str) -> bool {
    matches!(line.trim(), STARTER_BODY | "}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_skip_escaped_ones_and_know_their_line() {
        let md = "a\n\\{{#bench x}} is text\n{{#bench chapter07 std 10M_f64 welford median}}\n";
        let found = directives(md);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].kind, found[0].args, found[0].line),
            ("bench", "chapter07 std 10M_f64 welford median", 3)
        );
        assert_eq!(&md[found[0].range.clone()], md.lines().nth(2).unwrap());
    }

    #[test]
    fn first_difference_names_the_line_and_both_texts() {
        assert_eq!(first_difference("a\nb\n", "a\nc\n"), (1, "b", "c"));
        assert_eq!(first_difference("a\n", "a\nb\n"), (1, "<end of file>", "b"));
    }
}
