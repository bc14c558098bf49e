# QR three ways on Hilbert matrices: classical and modified Gram-Schmidt,
# written out, against np.linalg.qr (Householder reflections, LAPACK's
# dgeqrf), measured by ||Q^T Q - I||_F.
import numpy as np
import scipy.linalg


# ANCHOR: gram_schmidt
def gram_schmidt(a, modified):
    m, n = a.shape
    q, r = np.zeros((m, n)), np.zeros((n, n))
    for j in range(n):
        v = a[:, j].copy()
        for i in range(j):   # classical: project the original column
            r[i, j] = q[:, i] @ (v if modified else a[:, j])
            v -= r[i, j] * q[:, i]
        r[j, j] = np.linalg.norm(v)
        q[:, j] = v / r[j, j]
    return q, r


def loss(q):
    return np.linalg.norm(q.T @ q - np.eye(q.shape[1]))


print(" n   cond(H)   classical GS   modified GS   Householder")
for n in [6, 8, 10]:
    h = scipy.linalg.hilbert(n)
    hh = loss(np.linalg.qr(h)[0])
    print(f"{n:>2}   {np.linalg.cond(h):.1e}   "
          f"{loss(gram_schmidt(h, False)[0]):>12.0e}   "
          f"{loss(gram_schmidt(h, True)[0]):>11.0e}   "
          f"{'< 1e-14' if hh < 1e-14 else hh:>11}")
# ANCHOR_END: gram_schmidt
