//! `cargo xtask bench`: being written (issue 3).

use std::path::Path;

use anyhow::{Result, bail};

pub fn run(_root: &Path, _args: &[String]) -> Result<()> {
    bail!("bench: being written")
}
