"""Chapter 13: np.ma on the weekly Mauna Loa CO2 series, whose missing
weeks are empty fields (the twin of advanced_masked.rs)."""

import numpy as np

print("--8<-- co2")
# ANCHOR: co2
dates, ppm = np.genfromtxt("data/co2_weekly.csv", delimiter=",",
                           skip_header=1, dtype=None, encoding="utf-8",
                           missing_values="", filling_values=np.nan,
                           unpack=True)
ppm = ppm.astype(float)
print("plain mean:", ppm.mean())
x = np.ma.masked_invalid(ppm)
print("weeks:", x.size, "masked:", np.ma.count_masked(x))
print(f"mean {x.mean():.4f}, std {x.std():.4f}, min {x.min()}, "
      f"max {x.max()}")
# ANCHOR_END: co2

print("--8<-- years")
# ANCHOR: years
years = np.array([int(d[:4]) for d in dates])
for year in [1958, 1964, 2000]:
    weeks = x[years == year]
    print(f"{year}: {weeks.count():2} of {weeks.size:2} weeks, "
          f"mean {weeks.mean():.3f} ppm")
# ANCHOR_END: years
