# Joining and splitting in NumPy: concatenate, stack, the hstack/vstack
# family, np.append, and the split functions (with array_split's rule for a
# remainder).
import textwrap

import numpy as np

print("--8<-- concatenate")
# ANCHOR: concatenate
a = np.arange(6).reshape(2, 3)
b = np.arange(6, 12).reshape(2, 3)
print(np.concatenate([a, b], axis=0).shape,
      np.concatenate([a, b], axis=1).shape, np.stack([a, b]).shape)
x, y = np.array([1, 2, 3]), np.array([4, 5, 6])
print(np.hstack([x, y]))
print(np.vstack([x, y]))
print(np.column_stack([x, y]))
# ANCHOR_END: concatenate

print("--8<-- mismatch")
# ANCHOR: mismatch
try:
    np.concatenate([np.zeros((2, 3)), np.zeros((2, 4))], axis=0)
except ValueError as e:
    print(textwrap.fill(f"ValueError: {e}", 78))
# ANCHOR_END: mismatch

print("--8<-- append")
# ANCHOR: append
table = np.zeros((0, 3), dtype=int)
for i in range(4):
    table = np.append(table, [[i, 10 * i, 100 * i]], axis=0)  # a new copy
print(table.shape, table[-1])
# ANCHOR_END: append

print("--8<-- split")
# ANCHOR: split
data = np.arange(10)
train, test = np.split(data, [7])
print(train, test, np.shares_memory(train, data))
print([len(p) for p in np.array_split(data, 3)])  # 3 parts: 4, 3, 3
try:
    np.split(data, 3)
except ValueError as e:
    print("ValueError:", e)
# ANCHOR_END: split
