# Chapter 13's extension module from Python: scml_ext is Rust (crates/chapter13-ext),
# built by maturin and imported like any other module; it reads NumPy's memory in place.
import numpy as np

print("--8<-- call")
# ANCHOR: call
import scml_ext  # built from crates/chapter13-ext by maturin

rng = np.random.default_rng(0)
x = rng.normal(loc=5.0, scale=3.0, size=1_000_001)
print("np.std(x, ddof=1)       =", round(np.std(x, ddof=1), 12))
print("scml_ext.std(x, ddof=1) =", round(scml_ext.std(x, ddof=1), 12))

X = rng.normal(size=(4, 3)) * [1.0, 10.0, 100.0] + 50.0
Z = scml_ext.standardize(X)               # a new array, filled by Rust
print(Z.round(3))
print("equal to NumPy's:", np.allclose(Z, (X - X.mean(0)) / X.std(0),
                                       rtol=0, atol=1e-13))
print("Z owns its data:", Z.flags["OWNDATA"])
print("Z.base:", type(Z.base).__name__)
# ANCHOR_END: call

print("--8<-- errors")
# ANCHOR: errors
for bad in (x[::2], np.arange(5), np.array([1.0])):
    try:
        scml_ext.std(bad, ddof=1)
    except (ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
# ANCHOR_END: errors
