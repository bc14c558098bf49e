# The digits as a design matrix, as images and back, and cut into
# mini-batches, in NumPy.
import numpy as np
from sklearn.datasets import load_digits

print("--8<-- digits")
# ANCHOR: digits
digits = load_digits()
X = np.ascontiguousarray(digits.data)     # (1797, 64), C order
images = X.reshape(-1, 8, 8)              # -1: 1797, worked out
print(images.shape, np.shares_memory(images, X),
      np.array_equal(images, digits.images))
flat = images.reshape(len(images), -1)
print(flat.shape, np.shares_memory(flat, X))
n_batches = len(X) // 64
batches = X[: n_batches * 64].reshape(n_batches, 64, 64)
print(batches.shape, np.shares_memory(batches, X))
print([len(c) for c in np.array_split(X, 29)][-3:])  # not chunks of 64
# ANCHOR_END: digits

print("--8<-- one_hot")
# ANCHOR: one_hot
y = digits.target
targets = np.eye(10)[y]                   # row y[i] of the identity
print(y[:4], targets.shape)
print(targets[:4])
try:
    np.eye(10)[[3, 10]]
except IndexError as e:
    print("IndexError:", e)
# ANCHOR_END: one_hot
