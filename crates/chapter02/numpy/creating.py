# Creating NumPy arrays: from lists, from a flat buffer with a new shape, from
# a rule of the index (np.fromfunction) and from a constant (np.full).
import numpy as np

print("--8<-- from_data")
# ANCHOR: from_data
a = np.array([1.0, 2.0, 3.0])
m = np.array([[1, 2, 3], [4, 5, 6]])
r = np.array([1, 2, 3, 4, 5, 6]).reshape(2, 3)
print(repr(a))
print(repr(m), m.dtype)         # whole numbers give an integer array
print(repr(r))
# ANCHOR_END: from_data

print("--8<-- from_functions")
# ANCHOR: from_functions
def rule(i, j):
    print("rule called with", type(i).__name__, i.shape, i.dtype)
    return (i + 1) * (j + 1)


print(repr(np.fromfunction(rule, (3, 4), dtype=int)))
print(repr(np.full((2, 2, 2), 7, dtype=np.uint8)))
# ANCHOR_END: from_functions
