"""np.einsum with and without optimize=True, and what it computes."""

import numpy as np


def matrix(rows, cols, seed):
    """chapter10::einsum::matrix: ((7 i + 3 j + seed) mod 11) / 10 - 0.5."""
    i = np.arange(rows).reshape(-1, 1)
    j = np.arange(cols).reshape(1, -1)
    return ((i * 7 + j * 3 + seed) % 11) / 10.0 - 0.5


print("--8<-- einsum")
# ANCHOR: einsum
a, b, c = matrix(120, 120, 0), matrix(120, 120, 1), matrix(120, 120, 2)
plain = np.einsum("ij,jk,kl->il", a, b, c)  # one loop nest over i, j, k, l
fast = np.einsum("ij,jk,kl->il", a, b, c, optimize=True)
print("same result:", np.allclose(plain, fast, rtol=1e-12, atol=1e-12))
path, report = np.einsum_path("ij,jk,kl->il", a, b, c, optimize=True)
print(path)
print("\n".join(report.splitlines()[1:6]))
# ANCHOR_END: einsum

print("--8<-- forms")
# ANCHOR: forms
x = np.stack([matrix(40, 40, s) for s in range(200)])
y = np.stack([matrix(40, 40, s + 7) for s in range(200)])
batched = np.einsum("bij,bjk->bik", x, y)  # a batch of products
print("batched == x @ y:", np.allclose(batched, x @ y, rtol=0, atol=1e-12))
u, v = matrix(100_000, 32, 0), matrix(100_000, 32, 5)
dots = np.einsum("ij,ij->i", u, v)  # row-wise dot products
print("row dots == (u * v).sum(1):",
      np.allclose(dots, (u * v).sum(axis=1), rtol=0, atol=1e-12))
print("first three:", np.round(dots[:3], 4))
# ANCHOR_END: forms
