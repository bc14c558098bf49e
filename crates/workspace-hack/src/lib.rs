//! No code: this crate only exists for its dependencies' features (see its Cargo.toml).
