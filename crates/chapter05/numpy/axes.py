# Adding and removing axes in NumPy: expand_dims and None, indexing one
# axis away, and squeeze.
import numpy as np

print("--8<-- axes")
# ANCHOR: axes
x = np.array([1.0, 2.0, 3.0])
print(np.expand_dims(x, 0).shape, np.expand_dims(x, 1).shape,
      x[:, None].shape, x[None, :].strides)
batch = np.arange(24).reshape(2, 3, 4)
print(batch[1].shape, batch[:, :, 2].shape)
scores = np.zeros((1, 10, 1))
print(scores.squeeze().shape, scores.squeeze(axis=0).shape)
try:
    scores.squeeze(axis=1)
except ValueError as e:
    print("ValueError:", e)
print(np.zeros((1, 1)).squeeze().shape)   # every axis goes: a 0-d array
m = np.arange(12).reshape(3, 4)
try:
    np.squeeze(m, axis=0)                 # axis 0 has length 3
except ValueError as e:
    print("ValueError:", e)
# ANCHOR_END: axes
