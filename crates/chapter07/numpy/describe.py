# The descriptive statistics of the wine data's alcohol column in NumPy, and
# the one default that differs from pandas: ddof.
import numpy as np

print("--8<-- basics")
# ANCHOR: basics
wine = np.loadtxt("data/wine.csv", delimiter=",", skiprows=1)
alcohol = wine[:, 0]
print(f"n = {alcohol.size}, mean = {alcohol.mean():.4f}, "
      f"median = {np.median(alcohol):.4f}")
print(f"var(ddof=0) = {alcohol.var():.6f}  (np.var's default)")
print(f"var(ddof=1) = {alcohol.var(ddof=1):.6f}  (pandas' Series.var)")
print(f"std(ddof=0) = {alcohol.std():.6f}")
print(f"std(ddof=1) = {alcohol.std(ddof=1):.6f}")
print(f"min = {alcohol.min()} at row {alcohol.argmin()}, "
      f"max = {alcohol.max()} at row {alcohol.argmax()}")
# ANCHOR_END: basics
