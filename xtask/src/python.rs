//! The reference side's Python: one project-local virtual environment (`target/py-venv`) with
//! the versions pinned in `xtask/requirements.txt`, shared by the NumPy listings and parity
//! fixtures (`reference.rs`) and the NumPy side of the benchmarks (`bench/numpy.rs`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned requirements, relative to the workspace root.
pub const REQUIREMENTS: &str = "xtask/requirements.txt";
/// The virtual environment, relative to the workspace root (under the ignored `target/`).
pub const VENV: &str = "target/py-venv";

/// The Python interpreter that creates the environment: `SCML_PYTHON`, else `python3`.
fn base_python() -> PathBuf {
    std::env::var_os("SCML_PYTHON").map_or_else(|| PathBuf::from("python3"), PathBuf::from)
}

fn venv_python(venv: &Path) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    }
}

/// Creates (or reuses) the virtual environment with the pinned requirements and returns its
/// interpreter. `Err` is the reason there is none, in words a reader can act on.
pub fn prepare(root: &Path) -> Result<PathBuf, String> {
    let requirements = fs::read_to_string(root.join(REQUIREMENTS))
        .map_err(|e| format!("cannot read {REQUIREMENTS}: {e}"))?;
    let venv = root.join(VENV);
    let python = venv_python(&venv);
    // The requirements the environment was built from: reinstall when they change.
    let stamp = venv.join("xtask-requirements.txt");
    let up_to_date =
        python.is_file() && fs::read_to_string(&stamp).is_ok_and(|s| s == requirements);
    if up_to_date {
        return Ok(python);
    }
    let base = base_python();
    match Command::new(&base).arg("--version").output() {
        Ok(out) if out.status.success() => {}
        _ => {
            return Err(format!(
                "{} was not found (install Python 3.11+ with venv, or set SCML_PYTHON)",
                base.display()
            ));
        }
    }
    eprintln!("==> creating {VENV} and installing {REQUIREMENTS} (pip, from PyPI)");
    if venv.exists() {
        fs::remove_dir_all(&venv).map_err(|e| format!("cannot clear {VENV}: {e}"))?;
    }
    status(Command::new(&base).args(["-m", "venv"]).arg(&venv)).map_err(|e| {
        format!(
            "`{} -m venv` failed ({e}; on Debian/Ubuntu: apt-get install python3-venv)",
            base.display()
        )
    })?;
    status(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg("-r")
            .arg(root.join(REQUIREMENTS)),
    )
    .map_err(|e| format!("pip could not install {REQUIREMENTS} ({e})"))?;
    fs::write(&stamp, &requirements)
        .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(python)
}

/// Chapter 13's Python extension module, relative to the workspace root.
pub const EXTENSION: &str = "crates/chapter13-ext";
/// Where its wheel is built, relative to the workspace root.
const WHEELS: &str = "target/py-ext";

/// Builds chapter 13's extension module with maturin (pinned in the requirements) and installs
/// it into the environment of `python`, so that chapter 13's NumPy listings and the Python test
/// (`crates/chapter13-ext/tests/test_ext.py`) can `import scml_ext`. maturin runs cargo with
/// the workspace's target folder, so only the module itself and PyO3 are compiled.
pub fn install_extension(root: &Path, python: &Path) -> Result<(), String> {
    let wheels = root.join(WHEELS);
    if wheels.exists() {
        fs::remove_dir_all(&wheels).map_err(|e| format!("cannot clear {WHEELS}: {e}"))?;
    }
    eprintln!("==> building {EXTENSION} with maturin and installing it into {VENV}");
    status(
        Command::new(python)
            .args([
                "-m",
                "maturin",
                "build",
                "--release",
                "--quiet",
                "--manifest-path",
            ])
            .arg(root.join(EXTENSION).join("Cargo.toml"))
            .arg("--out")
            .arg(&wheels),
    )
    .map_err(|e| format!("maturin could not build {EXTENSION} ({e})"))?;
    let wheel = fs::read_dir(&wheels)
        .map_err(|e| format!("cannot read {WHEELS}: {e}"))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|path| path.extension().is_some_and(|ext| ext == "whl"))
        .ok_or_else(|| format!("maturin wrote no wheel into {WHEELS}"))?;
    status(
        Command::new(python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--force-reinstall",
                "--no-deps",
            ])
            .arg(&wheel),
    )
    .map_err(|e| format!("pip could not install {} ({e})", wheel.display()))
}

/// Runs `cmd` with its output shown; `Err` is a short reason.
fn status(cmd: &mut Command) -> Result<(), String> {
    match cmd.status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(status.to_string()),
        Err(e) => Err(e.to_string()),
    }
}
