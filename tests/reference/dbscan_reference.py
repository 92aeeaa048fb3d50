"""sklearn.cluster.DBSCAN on points in metres, for tests/hotspots/hotspots_dbscan_test.cpp.

usage: dbscan_reference.py points.csv out.json EPS:MIN_SAMPLES [EPS:MIN_SAMPLES ...]
points.csv: one "x,y" line per point (metres, EPSG:32749). Writes a JSON list with, per setting,
{"labels": [...], "core": [...]}, core being the sorted indices of the core samples.
"""
import json
import sys

import numpy as np
from sklearn.cluster import DBSCAN

points_path, out_path = sys.argv[1], sys.argv[2]
xy = np.loadtxt(points_path, delimiter=",", ndmin=2)
answers = []
for setting in sys.argv[3:]:
    eps, min_samples = setting.split(":")
    model = DBSCAN(eps=float(eps), min_samples=int(min_samples), metric="euclidean").fit(xy)
    answers.append({"labels": [int(v) for v in model.labels_],
                    "core": sorted(int(v) for v in model.core_sample_indices_)})
with open(out_path, "w") as f:
    json.dump(answers, f)
