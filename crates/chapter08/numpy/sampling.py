"""Sampling from distributions with a NumPy Generator: the same
distributions, parameters and sample size as sampling_distributions.rs (but
different numbers: PCG64 is not Xoshiro256++)."""

import numpy as np

print("--8<-- random_using")
# ANCHOR: random_using
rng = np.random.default_rng(7)
n = 100_000
draws = {
    "uniform(0, 10)": (rng.uniform(0.0, 10.0, n), 5.0, 100 / 12),
    "normal(5, 2)": (rng.normal(5.0, 2.0, n), 5.0, 4.0),
    # NumPy's exponential takes the scale 1/lambda, not the rate
    "exponential(0.5)": (rng.exponential(2.0, n), 2.0, 4.0),
    "binomial(20, 0.3)": (rng.binomial(20, 0.3, n), 6.0, 4.2),
    "poisson(3.5)": (rng.poisson(3.5, n), 3.5, 3.5),
}
print(f"{'':<18} {'mean':>8} {'theory':>8} {'variance':>9} {'theory':>9}")
for name, (x, mean, var) in draws.items():
    print(f"{name:<18} {x.mean():>8.4f} {mean:>8.4f} "
          f"{x.var(ddof=1):>9.4f} {var:>9.4f}")
print("dtypes:", draws["binomial(20, 0.3)"][0].dtype,
      draws["poisson(3.5)"][0].dtype)
# ANCHOR_END: random_using

print("--8<-- dirichlet")
# ANCHOR: dirichlet
rows = rng.dirichlet([1.0, 2.0, 7.0], size=3)
print(np.round(rows, 4))
print("row sums:", rows.sum(axis=1))
# ANCHOR_END: dirichlet

print("--8<-- errors")
# ANCHOR: errors
calls = {"normal(0, nan)": lambda: rng.normal(0.0, np.nan),
         "normal(0, -1)": lambda: rng.normal(0.0, -1.0),
         "exponential(nan)": lambda: rng.exponential(np.nan),
         "exponential(-1)": lambda: rng.exponential(-1.0),
         "poisson(0)": lambda: rng.poisson(0.0),
         "binomial(5, 2)": lambda: rng.binomial(5, 2.0),
         "uniform(1, 1)": lambda: rng.uniform(1.0, 1.0)}
for name, call in calls.items():
    try:
        print(f"{name:<17} ->", call())  # a value, or ...
    except ValueError as e:
        print(f"{name:<17} -> ValueError:", e)  # ... an error
# ANCHOR_END: errors
