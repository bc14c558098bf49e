//! Empty: a package needs a build script for its `[build-dependencies]` to be resolved, and
//! those are what this crate is for (see Cargo.toml).

fn main() {}
