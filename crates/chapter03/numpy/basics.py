# Basic indexing and slicing in NumPy: one element, rows and columns, slices
# with steps and negative indices, and assignment through a slice.
import numpy as np

print("--8<-- elements")
# ANCHOR: elements
a = np.arange(12.0).reshape(3, 4)
print(a)
print("a[1, 2] =", a[1, 2])
print("a[1] =", a[1], " a[:, 2] =", a[:, 2])
try:
    a[3, 0]
except IndexError as e:
    print("a[3, 0]: IndexError:", e)
# ANCHOR_END: elements

print("--8<-- slices")
# ANCHOR: slices
for name, view in [("a[1:3]", a[1:3]), ("a[:2, 2:]", a[:2, 2:]),
                   ("a[:, ::2]", a[:, ::2]), ("a[::-1]", a[::-1])]:
    # NumPy's strides are in bytes: divide by 8 to compare with ndarray
    print(f"{name:<10} shape {view.shape} strides {view.strides}"
          f" shares a's memory: {np.shares_memory(view, a)}")
print("a[-2:, -1] =", a[-2:, -1])
# ANCHOR_END: slices

print("--8<-- mutation")
# ANCHOR: mutation
b = np.arange(6.0)
b[1:3] = 0
b[3:] = [7, 8, 9]
b[4:] *= 10
print(b)
c = b[[1, 2]]     # an integer list: a copy, not a view
c[:] = -1
print(b, c)
# ANCHOR_END: mutation

print("--8<-- ellipsis")
# ANCHOR: ellipsis
# 2 sequences of 3 steps, 3 features per step: shape (2, 3, 3)
x = (100 * np.arange(2)[:, None, None] + 10 * np.arange(3)[:, None]
     + np.arange(3)).astype(float)
print("x[..., 0] =\n", x[..., 0], sep="")    # ... stands for x[:, :, 0]
print("x[..., 1:] shape", x[..., 1:].shape)
print("x[:, 1:-1, 1:-1] shape", x[:, 1:-1, 1:-1].shape)
# ANCHOR_END: ellipsis
