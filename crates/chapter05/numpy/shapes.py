# Reshapes, transposes and permutations in NumPy, with the strides (in
# bytes) that each one leaves.
import numpy as np

print("--8<-- reshape")
# ANCHOR: reshape
a = np.arange(12).reshape(3, 4)
print(a.shape, a.strides)            # bytes: 4 * 8 and 8
r = a.reshape(2, 6)
print(r, np.shares_memory(r, a))
print(a.reshape(2, 6, order="F"))
print(a.reshape(-1, 2).shape)        # -1: the length the others leave
try:
    a.reshape(-1, 5)
except ValueError as e:
    print("ValueError:", e)
# ravel: a view when it can be; flatten: always a copy
print(np.shares_memory(a.ravel(), a), np.shares_memory(a.T.ravel(), a),
      np.shares_memory(a.flatten(), a))
# ANCHOR_END: reshape

print("--8<-- transpose")
# ANCHOR: transpose
t = a.T
print(t.shape, t.strides, np.shares_memory(t, a))
c = t.reshape(2, 6)                  # silently a copy
print(c, np.shares_memory(c, a))
try:
    np.reshape(t, (2, 6), copy=False)
except ValueError as e:
    print("ValueError:", e)
s = t.reshape(2, 2, 3)               # splitting an axis: still a view
print(s.strides, np.shares_memory(s, a))
# ANCHOR_END: transpose

print("--8<-- permute")
# ANCHOR: permute
nhwc = np.arange(72).reshape(2, 3, 4, 3)
nchw = np.transpose(nhwc, (0, 3, 1, 2))
print(nchw.shape, [s // 8 for s in nchw.strides])
print(nhwc[0, 1, 2, 0], nchw[0, 0, 1, 2])
print(np.swapaxes(nhwc, 1, 2).shape)
# ANCHOR_END: permute
