"""Chapter 12's first NumPy listing: five evenly spaced values and their sum."""

import numpy as np

# ANCHOR: first_steps
x = np.linspace(0.0, 1.0, 5)
print("x =", x)
print(f"sum = {x.sum():.2f}")
# ANCHOR_END: first_steps
