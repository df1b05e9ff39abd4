#!/usr/bin/env python3
"""The scikit-learn / scikit-image reference for Sort's classifier (scripts/bench_sort.sh).

Reads what `cargo bench -p precis-sort --bench sort` exported (DATA/*.npy, DATA/meta.json): the
very same training and test tiles, their labels and page ids, Precis's own HOG and texture
feature matrices and the SVM's seeded tile subset. Then, with THREADS threads (BLAS/OpenMP
limited through threadpoolctl and the environment):

  (a) scikit-learn learners on Precis's features, standardised as Precis does (mean, population
      standard deviation, 1 where a feature is constant):
        hog     · SVC(kernel="linear", C)         the SVM subset: libsvm, the problem smartcore's SVC solves
        hog     · LinearSVC(hinge, C)             the SVM subset, and every tile (liblinear)
        texture · LogisticRegression(C=1/alpha)   every tile: smartcore's objective (L2, bias free)
      training time, ROC-AUC and accuracy (page score > 0) on the test pages (page score = mean of
      the tiles' scores clipped to ±8, as Precis decides), each page's scoring time, and how
      closely its page scores follow Precis's (Pearson r);
  (b) skimage.feature.hog on the same tiles, the closest parameters to imageproc's (9 orientations,
      8-px cells, 2×2-cell blocks, L2; blocks taken every other cell → the same 576 numbers in the
      same order): time per tile and per page, cosine similarity to Precis's HOG, and a LinearSVC
      trained on it (same subset, same C);
  (c) skimage.feature.local_binary_pattern (P=8, R=1, "nri_uniform": the 59 non-rotation-invariant
      uniform codes Precis's texture histogram uses): time per tile and per page.

One JSON line per measurement on stdout.
    python bench/sort_reference.py --data target/bench-sort/data [--threads 1] [--latency-pages 100]
"""

import argparse
import json
import os
import platform
import sys
import time


def loadavg():
    try:
        return [float(x) for x in open("/proc/loadavg").read().split()[:3]]
    except OSError:
        return []


def emit(line):
    line["loadavg"] = loadavg()
    print(json.dumps(line), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="the folder the Rust bench exported")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--latency-pages", type=int, default=100,
                    help="test pages whose per-page times are measured (the first N)")
    ap.add_argument("--repeats", type=int, default=3,
                    help="fits shorter than 2 s are repeated this often (median reported)")
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)

    import numpy as np
    import skimage
    import sklearn
    from skimage.feature import hog, local_binary_pattern
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.svm import SVC, LinearSVC
    from threadpoolctl import threadpool_limits

    threadpool_limits(args.threads)
    d = args.data
    meta = json.load(open(os.path.join(d, "meta.json")))
    cfg = meta["config"]
    load = lambda name: np.load(os.path.join(d, name))
    tr = {k: load(f"train_{k}.npy") for k in ("tiles", "labels", "pages", "hog", "texture")}
    te = {k: load(f"test_{k}.npy") for k in ("tiles", "labels", "pages", "hog", "texture")}
    subset = load("svm_subset.npy")
    n_pages = int(te["pages"].max()) + 1
    truth = np.array([p["handwritten"] for p in meta["test_pages"]], dtype=bool)
    assert len(truth) == n_pages
    latency_pages = min(args.latency_pages, n_pages)
    page_rows = [np.flatnonzero(te["pages"] == p) for p in range(n_pages)]
    precis_scores = {}
    for name in os.listdir(d):
        if name.startswith("test_scores_") and name.endswith(".npy"):
            precis_scores[name[len("test_scores_"):-4]] = np.load(os.path.join(d, name))

    emit({"impl": "python", "part": "setup", "python": platform.python_version(),
          "numpy": np.__version__, "scikit-learn": sklearn.__version__,
          "scikit-image": skimage.__version__, "threads": args.threads,
          "train_tiles": len(tr["labels"]), "test_tiles": len(te["labels"]),
          "test_pages": n_pages, "latency_pages": latency_pages})

    def standardise(x):
        x = x.astype(np.float64)
        mean = x.mean(axis=0)
        std = x.std(axis=0)
        std[std <= 1e-6] = 1.0
        return mean, std

    def pct(xs, q):
        xs = sorted(xs)
        if not xs:
            return None
        rank = min(max(int(np.ceil(q * len(xs))), 1), len(xs))
        return xs[rank - 1]

    def page_scores(tile_scores):
        clipped = np.clip(tile_scores, -8.0, 8.0)
        return np.array([clipped[rows].mean() if len(rows) else 0.0 for rows in page_rows])

    def evaluate(name, features, model_of, x_train, y_train, x_test, precis_key, learner, note=""):
        mean, std = standardise(x_train)
        xs = (x_train.astype(np.float64) - mean) / std
        times = []
        for _ in range(max(args.repeats, 1)):
            model = model_of()
            t = time.perf_counter()
            model.fit(xs, y_train)
            times.append(time.perf_counter() - t)
            if times[0] > 2.0:
                break
        # positive leans handwritten (label 1)
        tile = model.decision_function((x_test.astype(np.float64) - mean) / std)
        scores = page_scores(tile)
        # each page scored on its own, as Precis scores a page: standardise + decision function
        per_page = []
        for rows in page_rows[:latency_pages]:
            x = x_test[rows]
            t = time.perf_counter()
            s = model.decision_function((x.astype(np.float64) - mean) / std)
            np.clip(s, -8.0, 8.0).mean()
            per_page.append((time.perf_counter() - t) * 1000.0)
        line = {"impl": "scikit-learn", "part": "train", "model": name, "features": features,
                "learner": learner, "train_tiles": int(len(y_train)), "test_pages": n_pages,
                "seconds": float(np.median(times)), "fits": len(times),
                "auc": float(roc_auc_score(truth, scores)),
                "accuracy_at_0": float(np.mean((scores > 0) == truth)),
                "score_median_ms": pct(per_page, 0.5), "score_p95_ms": pct(per_page, 0.95)}
        if precis_key in precis_scores and len(precis_scores[precis_key]) == n_pages:
            line["r_vs_precis"] = float(np.corrcoef(scores, precis_scores[precis_key])[0, 1])
        if note:
            line["note"] = note
        emit(line)

    y_all = tr["labels"].astype(int)
    y_sub = y_all[subset]
    c_svm = cfg["svm_c"]
    c_log = 1.0 / cfg["logistic_alpha"]
    seed = cfg["seed"]

    # (a) scikit-learn on Precis's own features
    evaluate("hog-svm", "precis hog", lambda: SVC(kernel="linear", C=c_svm),
             tr["hog"][subset], y_sub, te["hog"], "hog-svm",
             f"SVC(kernel=linear, C={c_svm}) (libsvm)", "same tiles (the SVM subset), same problem")
    evaluate("hog-svm", "precis hog",
             lambda: LinearSVC(C=c_svm, loss="hinge", dual=True, max_iter=20000, random_state=seed),
             tr["hog"][subset], y_sub, te["hog"], "hog-svm",
             f"LinearSVC(hinge, C={c_svm}) (liblinear)", "same tiles (the SVM subset)")
    evaluate("hog-svm", "precis hog",
             lambda: LinearSVC(C=c_svm, loss="hinge", dual=True, max_iter=20000, random_state=seed),
             tr["hog"], y_all, te["hog"], "hog-svm",
             f"LinearSVC(hinge, C={c_svm}) (liblinear)", "every training tile")
    evaluate("texture-logistic", "precis texture",
             lambda: LogisticRegression(C=c_log, solver="lbfgs", max_iter=2000),
             tr["texture"], y_all, te["texture"], "texture-logistic",
             f"LogisticRegression(lbfgs, C=1/alpha={c_log:g})", "every training tile, same objective")

    # (b) scikit-image's HOG on the same tiles
    def sk_hog(tile):
        blocks = hog(tile, orientations=9, pixels_per_cell=(8, 8), cells_per_block=(2, 2),
                     block_norm="L2", feature_vector=False)
        # overlapping blocks (7×7 for 64 px): every other one is imageproc's non-overlapping grid
        return blocks[::2, ::2].ravel()

    sk_hog(te["tiles"][0])  # warm-up
    per_page, tiles_timed = [], 0
    for rows in page_rows[:latency_pages]:
        t = time.perf_counter()
        for i in rows:
            sk_hog(te["tiles"][i])
        per_page.append((time.perf_counter() - t) * 1000.0)
        tiles_timed += len(rows)
    sk_test = np.stack([sk_hog(t) for t in te["tiles"]]).astype(np.float32)
    a, b = sk_test, te["hog"]
    cos = (a * b).sum(1) / np.maximum(np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1), 1e-12)
    emit({"impl": "scikit-image", "part": "features", "feature": "hog", "len": int(a.shape[1]),
          "per_tile_ms": sum(per_page) / max(tiles_timed, 1),
          "page_median_ms": pct(per_page, 0.5), "page_p95_ms": pct(per_page, 0.95),
          "pages": len(per_page), "cosine_vs_precis_mean": float(cos.mean()),
          "cosine_vs_precis_min": float(cos.min()),
          "params": "orientations=9, pixels_per_cell=(8,8), cells_per_block=(2,2), block_norm=L2, "
                    "blocks[::2, ::2]"})
    sk_train = np.stack([sk_hog(tr["tiles"][i]) for i in subset]).astype(np.float32)
    evaluate("hog-svm", "scikit-image hog",
             lambda: LinearSVC(C=c_svm, loss="hinge", dual=True, max_iter=20000, random_state=seed),
             sk_train, y_sub, sk_test, "hog-svm",
             f"LinearSVC(hinge, C={c_svm}) (liblinear)", "same tiles (the SVM subset)")

    # (c) scikit-image's LBP histogram (59 bins, as the last 59 texture features)
    def sk_lbp(tile):
        codes = local_binary_pattern(tile, 8, 1, method="nri_uniform")[1:-1, 1:-1]
        return np.bincount(codes.astype(np.int64).ravel(), minlength=59) / codes.size

    sk_lbp(te["tiles"][0])
    per_page, tiles_timed = [], 0
    for rows in page_rows[:latency_pages]:
        t = time.perf_counter()
        for i in rows:
            sk_lbp(te["tiles"][i])
        per_page.append((time.perf_counter() - t) * 1000.0)
        tiles_timed += len(rows)
    emit({"impl": "scikit-image", "part": "features", "feature": "lbp", "len": 59,
          "per_tile_ms": sum(per_page) / max(tiles_timed, 1),
          "page_median_ms": pct(per_page, 0.5), "page_p95_ms": pct(per_page, 0.95),
          "pages": len(per_page), "params": "P=8, R=1, method=nri_uniform, interior pixels"})


if __name__ == "__main__":
    sys.exit(main())
