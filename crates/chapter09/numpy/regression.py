# Least squares on diabetes: np.linalg.lstsq (SVD-based) against
# scikit-learn's LinearRegression, and the normal equations; then a
# rank-deficient design, which SciPy's SVD (gelsd) and pivoted-QR (gelsy)
# drivers both solve.
import numpy as np
import scipy.linalg
from sklearn.linear_model import LinearRegression

print("--8<-- regression")
# ANCHOR: regression
table = np.loadtxt("data/diabetes.csv", delimiter=",", skiprows=1)
x, y = table[:, :10], table[:, 10]
design = np.column_stack([np.ones(len(x)), x])   # intercept column
w, *_ = np.linalg.lstsq(design, y, rcond=None)
print(f"lstsq:        b = {w[0]:.8f}  w[bmi] = {w[3]:.8f}")
normal = np.linalg.solve(design.T @ design, design.T @ y)
print(f"normal eq.:   b = {normal[0]:.8f}  w[bmi] = {normal[3]:.8f}")
model = LinearRegression().fit(x, y)
print(f"scikit-learn: b = {model.intercept_:.8f}  w[bmi] = "
      f"{model.coef_[2]:.8f}  R² = {model.score(x, y):.10f}")
# ANCHOR_END: regression

print("--8<-- rank")
# ANCHOR: rank
# bmi twice: column 11 repeats column 3, so the design has rank 11 of 12.
twice = np.column_stack([design, design[:, 3]])
for driver in ["gelsd", "gelsy"]:   # SVD; QR with column pivoting
    w, _, rank, _ = scipy.linalg.lstsq(twice, y, lapack_driver=driver)
    print(f"{driver}: rank {rank}, w[bmi] = {w[3]:.8f} and {w[11]:.8f}")
print("default driver:", scipy.linalg.lstsq.default_lapack_driver)
gram = twice.T @ twice   # what the normal equations would solve
print("cond(XᵀX) > 1/eps:", np.linalg.cond(gram) > 1 / np.finfo(float).eps)
# ANCHOR_END: rank
