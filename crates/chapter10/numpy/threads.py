"""NumPy's threads: the BLAS pool that threadpoolctl controls, and processes
for the Python-level work that no thread pool reaches."""

import multiprocessing

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

print("--8<-- threadpoolctl")
# ANCHOR: threadpoolctl
a = np.ones((300, 300))
for pool in threadpool_info():
    print(pool["user_api"], pool["internal_api"], "threads:",
          pool["num_threads"])
with threadpool_limits(limits=1, user_api="blas"):  # in this block only
    product = a @ a  # OpenBLAS runs this dgemm on one thread
    print("inside the block:", threadpool_info()[0]["num_threads"], "thread")
print("product[0, 0] =", product[0, 0])
# ANCHOR_END: threadpoolctl


# ANCHOR: processes
def count_primes(bounds):
    """Pure Python, so it holds the interpreter lock: threads would queue."""
    lo, hi = bounds
    return sum(all(n % d for d in range(2, int(n ** 0.5) + 1))
               for n in range(max(lo, 2), hi))


if __name__ == "__main__":
    print("--8<-- processes")
    chunks = [(i * 25_000, (i + 1) * 25_000) for i in range(4)]
    with multiprocessing.Pool(processes=2) as workers:
        counts = workers.map(count_primes, chunks)  # one chunk per task
    print("primes below 100000:", sum(counts), "per chunk:", counts)
# ANCHOR_END: processes
