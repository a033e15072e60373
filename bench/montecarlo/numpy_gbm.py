"""The same simulation, vectorised with NumPy: correlated GBM of an equal-weight buy-and-hold portfolio.

Usage: numpy_gbm.py PARAMS PATHS STEPS RUNS   (PARAMS as written by MonteCarloBench: drifts, then covariance rows)
"""
import sys
import time

import numpy as np

params = np.loadtxt(sys.argv[1])
drifts, cov = params[0], params[1:]
paths, steps, runs = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
assets = len(drifts)
weights = np.full(assets, 1.0 / assets)
dt = 1.0 / 252
chol = np.linalg.cholesky(cov)
log_drift = (drifts - 0.5 * np.diag(cov)) * dt

for run in range(runs):
    rng = np.random.default_rng(1000 + run)
    start = time.perf_counter()
    log_growth = np.zeros((paths, assets))
    for _ in range(steps):
        shocks = rng.standard_normal((paths, assets)) @ chol.T
        log_growth += log_drift + shocks * np.sqrt(dt)
    final = np.exp(log_growth) @ weights
    seconds = time.perf_counter() - start
    p5, p50, p95 = np.percentile(final, [5, 50, 95])
    var95 = np.percentile(final - 1, 5)
    print(f"numpy seconds={seconds:.3f} path_steps_per_s={paths * steps / seconds:.4e} mean={final.mean():.5f} "
          f"p5={p5:.5f} p50={p50:.5f} p95={p95:.5f} var95={var95:.5f}")
