# Solving linear systems in NumPy/SciPy: np.linalg.solve, SciPy's
# lu_factor/lu_solve to factorise once, and the inverse for comparison.
import numpy as np
import scipy.linalg as sla

# ANCHOR: solve
a = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]])
b = np.array([1.0, 2.0, 3.0])
print("x =", np.linalg.solve(a, b))
lu = sla.lu_factor(a)                        # factorise once
print("A⁻¹ e0 =", sla.lu_solve(lu, np.eye(3)[0]))   # solve many
print("det A =", np.linalg.det(a))
try:
    np.linalg.solve(np.array([[1.0, 2.0], [2.0, 4.0]]), np.ones(2))
except np.linalg.LinAlgError as e:
    print("LinAlgError:", e)
# ANCHOR_END: solve
