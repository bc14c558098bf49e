//! Links the system OpenBLAS, which provides BLAS, CBLAS and LAPACK, into every binary that
//! uses a crate which names this one (`extern crate openblas_src` in ndarray-linalg's `lax`;
//! `use openblas_src as _;` in machine-limits).
//!
//! The root Cargo.toml puts this crate in the place of the crates.io `openblas-src`
//! (`[patch.crates-io]`). That crate's `system` feature does the same for an installed
//! library, but its 0.10.16 build helper does not compile without a TLS feature (`rustls`
//! or `native-tls`), for a download the `system` feature never makes: rustls, ring and an
//! HTTP client were compiled into every build. Here build.rs only tells the linker where the
//! library is.
