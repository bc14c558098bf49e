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

print("--8<-- state")
# ANCHOR: state
rng = np.random.default_rng(42)
saved = rng.bit_generator.state  # a dict: save it with the results
for key, value in saved["state"].items():  # 'state' and 'inc'
    print(f"{key:<5}", hex(value))
print("raw: ", [hex(u) for u in rng.bit_generator.random_raw(2)])
rng.bit_generator.state = saved  # restore: the same draws again
print("unif:", rng.random(2).tolist())
# ANCHOR_END: state

print("--8<-- record")
# ANCHOR: record
seq = np.random.SeedSequence()  # unseeded: entropy from the OS ...
recorded = seq.entropy  # ... a 128-bit integer: write it in the log
run = np.random.default_rng(seq).random(3)
rerun = np.random.default_rng(np.random.SeedSequence(recorded)).random(3)
print("entropy bits <= 128:", recorded.bit_length() <= 128,
      " rerun identical:", bool((run == rerun).all()))
# ANCHOR_END: record

print("--8<-- legacy")
# ANCHOR: legacy
np.random.seed(0)  # seeds the legacy global RandomState only
a = np.random.default_rng().random()
np.random.seed(0)
b = np.random.default_rng().random()
print("default_rng() repeats after np.random.seed:", a == b)
np.random.seed(0)
x = np.random.rand()
np.random.seed(0)
np.random.permutation(10)  # any library call that uses the global state
y = np.random.rand()
print("np.random.rand() repeats after a hidden draw:", x == y)
# ANCHOR_END: legacy
