# NumPy's constructors for arrays that have no data yet (zeros, ones, eye,
# full, diag), and np.zeros_like, which copies the layout of its argument too.
import numpy as np

print("--8<-- constants")
# ANCHOR: constants
print(repr(np.zeros((2, 3))))
print(repr(np.ones(4, dtype=np.int32)))
print(repr(np.eye(3)))
print(repr(np.full((2, 2), -1.5)))
print(repr(np.diag([1.0, 2.0, 3.0])))
print(np.zeros((2, 3), order="F").strides)   # column-major, in bytes
# ANCHOR_END: constants

print("--8<-- like_layout")
# ANCHOR: like_layout
f = np.zeros((3, 2), order="F")              # a Fortran-ordered input
like = np.zeros_like(f)
print(f.strides, like.strides, like.flags["F_CONTIGUOUS"])
# ANCHOR_END: like_layout
