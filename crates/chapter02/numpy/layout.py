# Row-major (C) and column-major (F) order in NumPy: the same 12 numbers in
# memory, read into a 3 x 4 shape in two orders; NumPy's strides are in bytes.
import numpy as np

# ANCHOR: orders
c = np.arange(12).reshape(3, 4)              # C order
f = np.arange(12).reshape(3, 4, order="F")   # F order: fills columns first
print(repr(c))
print(repr(f))
print(f.flags["F_CONTIGUOUS"], f.ravel(order="K"))   # F's memory, in order
print(np.zeros((3, 4)).strides, np.zeros((3, 4), order="F").strides)
# ANCHOR_END: orders
