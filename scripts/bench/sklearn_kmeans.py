"""scikit-learn KMeans on the very vectors Grounded clustered, as the reference for bench:cluster.

    python3 scripts/bench/sklearn_kmeans.py VECTORS.f32 LABELS.i32 DIM K SEED [N_INIT]

VECTORS.f32: n x DIM little-endian float32, row-major (unit rows); LABELS.i32: n gold labels as
little-endian int32. Prints one JSON object: {vMeasure, ari, seconds, peakMB, nInit, version}.
seconds covers KMeans.fit only; peakMB is this process's peak RSS (Python, NumPy and
scikit-learn included). Exit code 3 when scikit-learn or NumPy is missing.
"""

import json
import resource
import sys
import time

try:
    import numpy as np
    import sklearn
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score, v_measure_score
except ImportError as err:  # the caller installs or reports
    print(json.dumps({"error": f"missing: {err.name}"}))
    sys.exit(3)


def peak_rss_mb() -> int:
    """VmHWM on Linux: getrusage's ru_maxrss survives exec, so it would report the parent's peak."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024))


def main() -> None:
    vectors_path, labels_path, dim, k, seed = sys.argv[1:6]
    n_init = int(sys.argv[6]) if len(sys.argv) > 6 else 10
    x = np.fromfile(vectors_path, dtype="<f4").reshape(-1, int(dim))
    truth = np.fromfile(labels_path, dtype="<i4")
    assert x.shape[0] == truth.shape[0], (x.shape, truth.shape)

    started = time.perf_counter()
    fit = KMeans(n_clusters=int(k), n_init=n_init, random_state=int(seed)).fit(x)
    seconds = time.perf_counter() - started

    print(
        json.dumps(
            {
                "vMeasure": float(v_measure_score(truth, fit.labels_)),
                "ari": float(adjusted_rand_score(truth, fit.labels_)),
                "seconds": round(seconds, 3),
                "peakMB": peak_rss_mb(),
                "nInit": n_init,
                "version": sklearn.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
