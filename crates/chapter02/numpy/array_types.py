# One NumPy type for every kind of array: an owner and a view differ only in
# their flags and .base; arithmetic always allocates unless told where to
# write; and the number of axes is a run-time value.
import numpy as np

print("--8<-- kinds")
# ANCHOR: kinds
a = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
v = a[:, 1:]                              # a view
print(type(a).__name__, type(v).__name__)
print(a.flags["OWNDATA"], v.flags["OWNDATA"], v.base is a)
v[0, 0] = 20.0                            # writes into a
print(a[0, 1], a.flags["WRITEABLE"], v.flags["WRITEABLE"])
# ANCHOR_END: kinds

print("--8<-- arithmetic")
# ANCHOR: arithmetic
b = np.ones_like(a)
c = a + b                                 # always a new array
print(np.shares_memory(c, a), np.shares_memory(c, b))
address = a.ctypes.data
a += b                                    # in place
np.add(a, b, out=a)                       # in place, spelled out
print(a.ctypes.data == address)
# ANCHOR_END: arithmetic

print("--8<-- dims")
# ANCHOR: dims
heights = np.array([1.62, 1.75, 1.80])    # meant as a (3, 1) column
print(repr(heights.mean(axis=0)))         # a 1-D array: a scalar, no error
print(heights.ndim, np.zeros((10, 28, 28)).ndim)
# ANCHOR_END: dims
