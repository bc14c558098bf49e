# Views and copies in NumPy: writing through a slice changes the array, an
# integer-list index copies, and an overlapping in-place update.
import numpy as np

print("--8<-- view_or_copy")
# ANCHOR: view_or_copy
b = np.arange(6.0)
window = b[1:3]            # basic slice: a view
window[:] = -1
print("after writing the view:", b)
picked = b[[1, 2]]         # integer list (fancy index): a copy
picked[:] = 99
print("after writing the copy:", b, picked)
print(np.shares_memory(b, window), np.shares_memory(b, picked))
# ANCHOR_END: view_or_copy

print("--8<-- overlap")
# ANCHOR: overlap
c = np.arange(1.0, 6.0)
c[1:] += c[:-1]            # reads what it writes
print("c[1:] += c[:-1]:", c)
# ANCHOR_END: overlap
