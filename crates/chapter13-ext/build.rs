//! On macOS an extension module must tell the linker that Python's symbols are found
//! when the
//! interpreter loads it; elsewhere this adds nothing.

fn main() {
    pyo3_build_config::add_extension_module_link_args();
}
