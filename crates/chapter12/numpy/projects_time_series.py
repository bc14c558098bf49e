"""Project 4 in NumPy: monthly CO2 means, moving averages, smoothing,
differencing, the seasonal index, and an AR(9) model of the sunspots fitted
with np.linalg.lstsq."""

import numpy as np

np.set_printoptions(precision=2, suppress=True, linewidth=78)

print("--8<-- monthly")
# ANCHOR: monthly
raw = np.genfromtxt("data/co2_weekly.csv", delimiter=",", skip_header=1,
                    dtype=None, encoding="utf-8", missing_values="",
                    filling_values=np.nan)
year = np.array([int(d[:4]) for d, _ in raw])
month = np.array([int(d[5:7]) for d, _ in raw])
ppm = np.array([v for _, v in raw], dtype=float)
slot = (year - year[0]) * 12 + month - month[0]
ok = ~np.isnan(ppm)
sums = np.bincount(slot[ok], weights=ppm[ok], minlength=slot[-1] + 1)
counts = np.bincount(slot[ok], minlength=slot[-1] + 1)
have = counts > 0
monthly = np.interp(np.arange(len(sums)), np.flatnonzero(have),
                    sums[have] / counts[have])      # fills the gaps
yearly_average = np.convolve(monthly, np.ones(12) / 12, mode="valid")
year_on_year = monthly[12:] - monthly[:-12]
print(len(monthly), "months; last 12-month average",
      round(yearly_average[-1], 2))
print(f"year-on-year growth: mean {year_on_year.mean():.3f} ppm")
# ANCHOR_END: monthly

print("--8<-- ar")
# ANCHOR: ar
sun = np.loadtxt("data/sunspots_yearly.csv", delimiter=",", skiprows=1)
years, x = sun[:, 0].astype(int), sun[:, 1]
train, test = x[years < 1980], x[years >= 1980]
p = 9
lags = np.column_stack([train[p - k:len(train) - k] for k in range(1, p + 1)])
design = np.column_stack([np.ones(len(lags)), lags])
beta, *_ = np.linalg.lstsq(design, train[p:], rcond=None)
history = list(train[-p:])
for _ in test:                      # recursive: forecasts feed forecasts
    history.append(beta[0] + beta[1:] @ history[:-p - 1:-1])
forecast = np.array(history[p:])
print("φ =", beta[1:])
print(f"RMSE {np.sqrt(np.mean((forecast - test) ** 2)):.2f}")
print(f"condition number of the lag matrix {np.linalg.cond(design):.0f}")
# ANCHOR_END: ar
