# Memory-efficient broadcasting: broadcast views own no memory, and a chunked
# loop bounds the peak of a pairwise-distance computation.
import tracemalloc

import numpy as np

print("--8<-- views")
# ANCHOR: views
mean = np.arange(3.0)                              # 24 bytes
wide = np.broadcast_to(mean, (1_000_000, 3))       # a read-only view
print(wide.shape, wide.strides, wide.base is mean)
print(np.shares_memory(wide, mean), wide.flags.writeable)
# ANCHOR_END: views

print("--8<-- peak")


# ANCHOR: peak
def naive(X, Y):
    return np.sqrt(((X[:, None, :] - Y[None, :, :]) ** 2).sum(axis=-1))


def chunked(X, Y, rows=64):
    out = np.empty((len(X), len(Y)))
    for start in range(0, len(X), rows):
        block = X[start:start + rows, None, :] - Y[None, :, :]
        out[start:start + rows] = np.sqrt((block ** 2).sum(axis=-1))
    return out


i, k = np.arange(1000)[:, None], np.arange(64)[None, :]
X = ((7 * i + 3 * k) % 101) / 101.0                # 1000 x 64
Y = ((5 * i + 11 * k) % 97) / 97.0
for f in [naive, chunked]:
    tracemalloc.start()
    D = f(X, Y)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{f.__name__:>7}: peak {peak / 2**20:7.1f} MiB")
# ANCHOR_END: peak
