"""Why the softmax subtracts the largest logit: the textbook formula
overflows to inf / inf = nan on large logits, the shifted one does not."""

import numpy as np

np.set_printoptions(precision=4)
# ANCHOR: softmax
z = np.array([1000.0, 1001.0, 1002.0])
with np.errstate(over="ignore", invalid="ignore"):  # silence the warnings
    e = np.exp(z)                                   # e^1000 overflows: inf
    print("naive: ", e / e.sum())
e = np.exp(z - z.max())                             # e^-2, e^-1, e^0
print("stable:", e / e.sum())
# ANCHOR_END: softmax
