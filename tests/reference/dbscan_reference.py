"""sklearn.cluster.DBSCAN on points in metres, for tests/hotspots_dbscan_test.cpp.

usage: dbscan_reference.py points.csv eps min_samples out.json
points.csv: one "x,y" line per point (metres, EPSG:32749). Writes {"labels": [...], "core": [...]}
with core the sorted indices of the core samples.
"""
import json
import sys

import numpy as np
from sklearn.cluster import DBSCAN

points_path, eps, min_samples, out_path = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
xy = np.loadtxt(points_path, delimiter=",", ndmin=2)
model = DBSCAN(eps=eps, min_samples=min_samples, metric="euclidean").fit(xy)
with open(out_path, "w") as f:
    json.dump({"labels": [int(v) for v in model.labels_],
               "core": sorted(int(v) for v in model.core_sample_indices_)}, f)
