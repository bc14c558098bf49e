# NumPy's broadcasting, case by case, next to examples/broadcast_rules.rs and
# examples/broadcast_errors.rs: the same shapes, the same questions.
import textwrap

import numpy as np


def wrap(message):
    """A message in lines of at most 76 columns (the book's are 80 wide)."""
    return textwrap.fill(str(message), 76, initial_indent="  ",
                         subsequent_indent="  ")


print("--8<-- co_broadcast")
# ANCHOR: co_broadcast
column = np.array([[0.0], [10.0], [20.0]])  # shape (3, 1)
row = np.array([1.0, 2.0, 3.0, 4.0])        # shape (4,)
grid = column + row                          # both stretched: (3, 4)
print(grid.shape)
print(grid)
# ANCHOR_END: co_broadcast

print("--8<-- views")
# ANCHOR: views
stretched = np.broadcast_to(row, (3, 4))
print(stretched.shape, stretched.strides)    # strides in bytes
print(np.shares_memory(stretched, row), stretched.flags["WRITEABLE"])
# ANCHOR_END: views

print("--8<-- rule")
# ANCHOR: rule
pairs = [((3, 4), (4,)), ((3, 1), (4,)), ((3, 1), (1, 4)),
         ((5, 1, 4), (3, 1)), ((0, 4), (1, 4)), ((3, 4), (3,))]
for a, b in pairs:
    try:
        print(a, "+", b, "->", np.broadcast_shapes(a, b))
    except ValueError as error:
        print(a, "+", b, "->\n" + wrap(error))
# ANCHOR_END: rule

print("--8<-- differences")
# ANCHOR: differences
a = np.array([1.0, 5.0, 3.0])
b = np.array([1.0, 2.0, 3.0])
print("a == b:", a == b)                     # element-wise
print("a > 2:", a > 2)
print("np.array_equal(a, b):", np.array_equal(a, b))  # ndarray's ==
print("(2, 1, 3) + (3,) ->", (np.zeros((2, 1, 3)) + a).shape)
# ANCHOR_END: differences

print("--8<-- errors")
# ANCHOR: errors
table = np.zeros((3, 4))
per_row = np.ones(3)
try:
    table + per_row
except ValueError as error:
    print("table + per_row:\n" + wrap(error))
column = np.zeros((3, 1))
try:
    column += np.ones(4)
except ValueError as error:
    print("column += ones(4):\n" + wrap(error))
print("fixed:", (table + per_row[:, np.newaxis]).shape)
# ANCHOR_END: errors
