"""NumPy's generators: default_rng (PCG64), the same seed twice, and
independent child streams with SeedSequence.spawn and PCG64.jumped."""

import numpy as np

print("--8<-- seed")
# ANCHOR: seed
rng = np.random.default_rng(42)
first = rng.random(3)
second = np.random.default_rng(42).random(3)
third = np.random.default_rng(43).random(3)
print("seed 42:", np.round(first, 6))
print("seed 42:", np.round(second, 6),
      " (identical:", bool((first == second).all()), end=")\n")
print("seed 43:", np.round(third, 6))
print("bit generator:", type(rng.bit_generator).__name__)
# ANCHOR_END: seed

print("--8<-- streams")
# ANCHOR: streams
children = np.random.SeedSequence(42).spawn(4)
spawned = [np.random.default_rng(s).standard_normal(100_000).mean()
           for s in children]
bitgen = np.random.PCG64(42)
jumped = []
for _ in range(4):
    jumped.append(np.random.Generator(bitgen).standard_normal(100_000).mean())
    bitgen = bitgen.jumped()  # a new bit generator, far ahead
print("spawned:", np.round(spawned, 5))
print("jumped: ", np.round(jumped, 5))
# ANCHOR_END: streams
