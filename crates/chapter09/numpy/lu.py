# LU with partial pivoting in SciPy (scipy.linalg.lu returns P, L, U with
# A = P L U), and the determinant that underflows or overflows where its
# logarithm (np.linalg.slogdet) does not.
import numpy as np
import scipy.linalg

print("--8<-- lu")
# ANCHOR: lu
a = np.array([[2.0, 1.0, 1.0, 0.0], [4.0, 3.0, 3.0, 1.0],
              [8.0, 7.0, 9.0, 5.0], [6.0, 7.0, 9.0, 8.0]])
p, l, u = scipy.linalg.lu(a)        # A = P L U, so P.T A = L U
print("row order of Pᵀ A:", np.argmax(p, axis=0).tolist())
np.set_printoptions(precision=4, suppress=True)
print("L =\n", l, "\nU =\n", u, sep="")
# ANCHOR_END: lu

print("--8<-- slogdet")
# ANCHOR: slogdet
for variance in [0.01, 100.0]:
    sigma = variance * np.eye(200)
    sign, logdet = np.linalg.slogdet(sigma)
    with np.errstate(over="ignore"):  # det warns when it overflows
        det = np.linalg.det(sigma)
    print(f"variance {variance:>6}: det = {det}, "
          f"ln det = {logdet:.4f} (sign {sign})")
# ANCHOR_END: slogdet
