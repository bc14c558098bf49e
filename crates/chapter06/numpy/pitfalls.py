# Broadcasting pitfalls: a (n,) target minus an (n, 1) prediction, and an
# intermediate far larger than its inputs, measured with tracemalloc.
import tracemalloc

import numpy as np

print("--8<-- column")
# ANCHOR: column
y = np.array([1.0, 2.0, 3.0, 4.0])                 # targets, shape (4,)
pred = np.array([[1.5], [2.0], [2.5], [4.0]])      # a model's output, (4, 1)
residual = y - pred                                # no error, no warning
print(residual.shape)                              # (4, 4), not (4,)
print("wrong MSE:", np.mean(residual ** 2))
print("right MSE:", np.mean((y - pred.ravel()) ** 2))
# ANCHOR_END: column

print("--8<-- huge")
# ANCHOR: huge
X = np.ones((2000, 64))
Y = np.ones((1500, 64))
print(f"inputs: {X.nbytes + Y.nbytes:,} bytes")
print(np.broadcast_shapes(X[:, None, :].shape, Y[None, :, :].shape))
tracemalloc.start()
D = np.sqrt(((X[:, None, :] - Y[None, :, :]) ** 2).sum(axis=-1))
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(f"result: {D.nbytes:,} bytes, peak while computing: {peak:,} bytes")
# ANCHOR_END: huge
