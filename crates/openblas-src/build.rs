//! Links the system OpenBLAS (`libopenblas`): BLAS, CBLAS (`cblas_dgemm`) and LAPACK.
//!
//! `OPENBLAS_LIB_DIR` names a folder to search first; on macOS the Homebrew prefix of
//! `openblas` is added (Homebrew does not link it into the default search path).

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=OPENBLAS_LIB_DIR");
    if let Some(dir) = std::env::var_os("OPENBLAS_LIB_DIR") {
        println!("cargo:rustc-link-search=native={}", dir.to_string_lossy());
    }
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("macos")
        && let Ok(out) =
            Command::new("brew").args(["--prefix", "openblas"]).output()
        && out.status.success()
    {
        let prefix = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        println!("cargo:rustc-link-search=native={prefix}/lib");
    }
    println!("cargo:rustc-link-lib=dylib=openblas");
}
