"""Chapter 13: a NumPy structured dtype with an explicit layout, the
penguins as an array of records, and a record file written with tofile and
read back with fromfile (the layout of records.rs's Penguin)."""

import pathlib
import sys
import tempfile

import numpy as np

sys.path.insert(0, "xtask/python")
from scml_data import load_penguins  # noqa: E402

print("--8<-- layout")
# ANCHOR: layout
PENGUIN_DTYPE = np.dtype({
    "names": ["bill_length_mm", "bill_depth_mm", "flipper_length_mm",
              "body_mass_g", "year", "species", "sex"],
    "formats": ["<f8", "<f8", "<f8", "<f8", "<u2", "u1", "u1"],
    "offsets": [0, 8, 16, 24, 32, 34, 35],
    "itemsize": 40,
}, align=True)           # checks every offset is aligned for its field
print("itemsize:", PENGUIN_DTYPE.itemsize, "alignment:",
      PENGUIN_DTYPE.alignment)
print("offsets:", [PENGUIN_DTYPE.fields[n][1] for n in PENGUIN_DTYPE.names])
# What NumPy lays out by itself from the same fields:
fields = [(n, PENGUIN_DTYPE.fields[n][0]) for n in PENGUIN_DTYPE.names]
print("packed itemsize:", np.dtype(fields).itemsize)
print("align=True itemsize:", np.dtype(fields, align=True).itemsize)
# ANCHOR_END: layout

print("--8<-- records")
# ANCHOR: records
x, species, island, sex = load_penguins()
penguins = np.zeros(len(x), dtype=PENGUIN_DTYPE)
for i, name in enumerate(["bill_length_mm", "bill_depth_mm",
                          "flipper_length_mm", "body_mass_g"]):
    penguins[name] = x[:, i]
penguins["year"] = np.loadtxt("data/penguins.csv", delimiter=",",
                              skiprows=1, usecols=-1, dtype=np.uint16)
codes = {"Adelie": 0, "Chinstrap": 1, "Gentoo": 2}
penguins["species"] = [codes[s] for s in species]
penguins["sex"] = [{"NA": 0, "female": 1, "male": 2}[s] for s in sex]
print(penguins[:2])
mass = penguins["body_mass_g"]          # a strided view: 40-byte steps
print("mass strides:", mass.strides, "owns data:", mass.flags.owndata)
for name, code in codes.items():
    mean = np.nanmean(mass[penguins["species"] == code])
    print(f"{name:<10} mean mass {mean:.2f} g")
# ANCHOR_END: records

print("--8<-- file")
# ANCHOR: file
path = pathlib.Path(tempfile.mkdtemp()) / "penguins.rec"
penguins.tofile(path)                   # the bytes, no header
back = np.fromfile(path, dtype=PENGUIN_DTYPE)
print("file:", path.stat().st_size, "bytes =", len(back), "x",
      PENGUIN_DTYPE.itemsize)
print("identical:", back.tobytes() == penguins.tobytes())
# ANCHOR_END: file
