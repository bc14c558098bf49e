# NumPy's side of the chapter's pitfalls: an index past the end raises, a
# slice past the end is silently cut short, and a negative step starts from
# the slice's start.
import numpy as np

print("--8<-- out_of_bounds")
# ANCHOR: out_of_bounds
a = np.arange(12.0).reshape(3, 4)
for expression in ["a[3, 0]", "a[[0, 5]]", "a[:5]"]:
    try:
        print(expression, "->", eval(expression).shape)
    except IndexError as e:
        print(expression, "-> IndexError:", e)
# ANCHOR_END: out_of_bounds

print("--8<-- negative_step")
# ANCHOR: negative_step
v = np.arange(10)
for expression in ["v[::-1]", "v[::-2]", "v[2:8:-2]", "v[8:2:-2]",
                   "v[1::-2]", "v[:9:-2]", "v[9:0:-2]", "v[2:8][::-2]"]:
    print(f"{expression:<12} = {eval(expression)}")
# ANCHOR_END: negative_step
