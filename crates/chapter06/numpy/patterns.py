# Everyday broadcasting patterns: one-hot encoding, outer products, and a
# causal mask before a row-wise softmax.
import numpy as np

print("--8<-- one_hot")
# ANCHOR: one_hot
table = np.loadtxt("data/wine.csv", delimiter=",", skiprows=1)
labels = table[:, -1].astype(int)                  # (178,), classes 0, 1, 2
one_hot = (labels[:, None] == np.arange(3)).astype(float)  # (178, 1) vs (3,)
print(one_hot.shape, one_hot.sum(axis=0))
print(labels[[0, 59, 130]], one_hot[[0, 59, 130]].tolist())
# ANCHOR_END: one_hot

print("--8<-- outer")
# ANCHOR: outer
a = np.array([1.0, 2.0, 3.0])
b = np.array([0.5, -1.0, 4.0, 2.0])
print(a[:, None] * b[None, :])                     # (3, 1) * (1, 4)
print(np.array_equal(a[:, None] * b, np.outer(a, b)))
# ANCHOR_END: outer

print("--8<-- causal")
# ANCHOR: causal
t = 5
i = np.arange(t)[:, None]                          # query positions (5, 1)
j = np.arange(t)[None, :]                          # key positions (1, 5)
scores = np.sin(i + 2 * j) * 3.0                   # (5, 5)
masked = np.where(j > i, -np.inf, scores)          # no looking ahead
weights = np.exp(masked - masked.max(axis=1, keepdims=True))
weights /= weights.sum(axis=1, keepdims=True)
np.set_printoptions(precision=3, suppress=True)
print(weights)
print(weights.sum(axis=1))
# ANCHOR_END: causal
