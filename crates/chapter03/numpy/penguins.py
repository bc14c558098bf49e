# The hands-on in NumPy on the Palmer penguins: missing values, a 2-D mask,
# masks from text columns, and the heaviest penguins with NaN in the column.
import sys

import numpy as np

sys.path.insert(0, "xtask/python")
from scml_data import load_penguins  # noqa: E402  (the shared loader)

x, species, island, sex = load_penguins()

print("--8<-- missing")
# ANCHOR: missing
missing = np.isnan(x)
print(len(x), "rows; missing per column:", missing.sum(axis=0))
complete = ~missing.any(axis=1)
print("incomplete rows:", np.flatnonzero(~complete))
usable = complete & (sex != "NA")
clean = x[usable]
print(f"complete: {complete.sum()}, also sexed: {len(clean)}")
# ANCHOR_END: missing

print("--8<-- flatten")
# ANCHOR: flatten
present = x[~missing]    # a 2-D mask keeps elements: the result is 1-D
print("x[~np.isnan(x)]: shape", present.shape, "from", x.shape)
# ANCHOR_END: flatten

print("--8<-- categories")
# ANCHOR: categories
kinds = ["Adelie", "Chinstrap", "Gentoo"]
for name in ["Biscoe", "Dream", "Torgersen"]:
    here = (island == name) & complete
    counts = [int((here & (species == kind)).sum()) for kind in kinds]
    print(f"{name:<9} {here.sum():>3}:", dict(zip(kinds, counts)))
gentoo = (species == "Gentoo") & complete
print(f"Gentoo mean mass: {x[gentoo, 3].mean():.1f} g")
# ANCHOR_END: categories

print("--8<-- heaviest")
# ANCHOR: heaviest
mass = x[:, 3]
heaviest = np.argsort(-mass, kind="stable")[:5]
print("heaviest:", heaviest, mass[heaviest])
reversed_order = np.argsort(mass, kind="stable")[::-1][:5]
print("reversed ascending:", reversed_order, mass[reversed_order])
print("np.nanargmax(mass):", np.nanargmax(mass), "np.argmax(mass):",
      np.argmax(mass))
# ANCHOR_END: heaviest
