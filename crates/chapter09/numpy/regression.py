# Least squares on diabetes: np.linalg.lstsq (SVD-based) against
# scikit-learn's LinearRegression, and the normal equations.
import numpy as np
from sklearn.linear_model import LinearRegression

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
