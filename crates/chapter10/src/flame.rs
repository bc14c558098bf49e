//! Folded stacks, as `perf script` output folds into (one line per distinct
//! call stack: `main;predict;dot 1234`), laid out as a flame graph: one box
//! per function on a stack, as wide as the share of samples it was on.

/// Why a folded-stacks file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FoldedError {
    #[error("line {line}: expected `frame;frame;... COUNT`, found `{text}`")]
    Line { line: usize, text: String },
    #[error("no samples")]
    Empty,
}

/// One box of the graph: a function at a depth, over a span of samples.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub name: String,
    pub depth: usize,
    /// The first sample it covers and how many, after sorting stacks.
    pub start: u64,
    pub samples: u64,
}

/// Reads folded stacks: `(frames root first, count)` per line.
pub fn parse(text: &str) -> Result<Vec<(Vec<String>, u64)>, FoldedError> {
    let mut stacks = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = || FoldedError::Line {
            line: n + 1,
            text: line.to_owned(),
        };
        let (stack, count) = line.rsplit_once(' ').ok_or_else(bad)?;
        let count: u64 = count.parse().map_err(|_| bad())?;
        let frames = stack.split(';').map(str::to_owned).collect();
        stacks.push((frames, count));
    }
    if stacks.is_empty() {
        return Err(FoldedError::Empty);
    }
    Ok(stacks)
}

/// Lays the stacks out: sorted by their frames, so that equal prefixes sit
/// side by side and merge into one box per function and depth.
pub fn layout(mut stacks: Vec<(Vec<String>, u64)>) -> Vec<Frame> {
    stacks.sort();
    let mut frames: Vec<Frame> = Vec::new();
    // The box open at each depth, as an index into `frames`.
    let mut open: Vec<usize> = Vec::new();
    let mut start = 0;
    for (stack, count) in stacks {
        // How many leading frames continue the boxes already open.
        let shared = open
            .iter()
            .zip(&stack)
            .take_while(|(i, name)| frames[**i].name == **name)
            .count();
        open.truncate(shared);
        for &i in &open {
            frames[i].samples += count;
        }
        for (depth, name) in stack.iter().enumerate().skip(shared) {
            open.push(frames.len());
            frames.push(Frame {
                name: name.clone(),
                depth,
                start,
                samples: count,
            });
        }
        start += count;
    }
    frames
}

/// The share of all samples each function was on the stack for (a
/// function counted once per sample however deep it recurses), largest
/// first, as "inclusive" percentages.
pub fn inclusive_shares(stacks: &[(Vec<String>, u64)]) -> Vec<(String, f64)> {
    use std::collections::BTreeMap;
    let total: u64 = stacks.iter().map(|(_, c)| c).sum();
    let mut on_stack: BTreeMap<&str, u64> = BTreeMap::new();
    for (frames, count) in stacks {
        let mut seen: Vec<&str> = frames.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for name in seen {
            *on_stack.entry(name).or_default() += count;
        }
    }
    let mut shares: Vec<(String, f64)> = on_stack
        .into_iter()
        .map(|(name, c)| (name.to_owned(), 100.0 * c as f64 / total as f64))
        .collect();
    shares.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    shares
}

/// Each stack from its first frame named `root` on (stacks without it are
/// dropped): the runtime frames below a program's `main`, which the unwinder
/// reaches only on some samples, would otherwise split one box into several.
pub fn from_frame(
    stacks: Vec<(Vec<String>, u64)>,
    root: &str,
) -> Vec<(Vec<String>, u64)> {
    stacks
        .into_iter()
        .filter_map(|(frames, n)| {
            let at = frames.iter().position(|f| f == root)?;
            Some((frames[at..].to_vec(), n))
        })
        .collect()
}
