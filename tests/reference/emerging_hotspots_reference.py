"""Reference values for emerging hot spot analysis (tests/hotspots/emerging_hotspots_reference_test.cpp).

An independent numpy/scipy transcription of the definitions in engine/hotspots/emerging_hotspots.hpp
(ArcGIS Pro "How Emerging Hot Spot Analysis works"; sfdep's emerging_hotspot_analysis): every bin's
space-time neighbourhood is listed explicitly as cube indices, Gi* comes from the textbook formula,
Mann-Kendall from its definition, classes from the ArcGIS rules. Usage:

    /usr/bin/python3 emerging_hotspots_reference.py INPUT_JSON OUTPUT_JSON

INPUT_JSON: {"neighbours": [[j, ...], ...], "steps": T, "values": [v(t*n+i)], "k": 1, "alpha": 0.05,
             "standardisation": "whole_cube" | "per_time_slice"}
"""
import json
import sys

import numpy as np
from scipy import stats

CLASSES = [
    "no_pattern", "new_hot", "consecutive_hot", "intensifying_hot", "persistent_hot", "diminishing_hot",
    "sporadic_hot", "oscillating_hot", "historical_hot", "new_cold", "consecutive_cold", "intensifying_cold",
    "persistent_cold", "diminishing_cold", "sporadic_cold", "oscillating_cold", "historical_cold",
]


def space_time_gi(neighbours, steps, values, k, per_slice):
    n = len(neighbours)
    x = np.asarray(values, dtype=float)
    z = np.full(n * steps, np.nan)
    for t in range(steps):
        if per_slice:
            pool = x[t * n:(t + 1) * n]
        else:
            pool = x
        big_n = pool.size
        mean = pool.mean()
        sd = pool.std()  # population standard deviation (ddof = 0)
        for i in range(n):
            spatial = sorted(set(neighbours[i]) | {i})
            bins = [u * n + j for u in range(max(0, t - k), t + 1) for j in spatial]
            w = float(len(bins))
            s = x[bins].sum()
            denominator = sd * np.sqrt((big_n * w - w * w) / (big_n - 1))
            if denominator > 0:
                z[t * n + i] = (s - mean * w) / denominator
    p = np.where(np.isfinite(z), 2 * stats.norm.sf(np.abs(z)), 1.0)
    return z, p


def mann_kendall(series):
    x = np.asarray(series, dtype=float)
    n = x.size
    s = 0.0
    for a in range(n - 1):
        s += np.sign(x[a + 1:] - x[a]).sum()
    _, counts = np.unique(x, return_counts=True)
    variance = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in counts)) / 18.0
    tau = s / (n * (n - 1) / 2)
    if variance > 0 and s != 0:
        zmk = (s - np.sign(s)) / np.sqrt(variance)
        p = 2 * stats.norm.sf(abs(zmk))
    else:
        zmk, p = 0.0, 1.0
    return s, tau, zmk, p


def classify(z, p, tau, mk_p, alpha):
    n = len(z)
    sign = [1 if (pv <= alpha and zv > 0) else -1 if (pv <= alpha and zv < 0) else 0 for zv, pv in zip(z, p)]
    trend = mk_p <= alpha

    def side_rules(side):
        cnt = sum(1 for s in sign if s == side)
        oth = sum(1 for s in sign if s == -side)
        frac = cnt / n
        last = sign[-1] == side
        run = 0
        while run < n and sign[n - 1 - run] == side:
            run += 1
        up = tau > 0 if side > 0 else tau < 0
        down = tau < 0 if side > 0 else tau > 0
        return {
            "new": last and cnt == 1 and oth == 0,
            "consecutive": last and run >= 2 and all(s == 0 for s in sign[:n - run]) and frac < 0.9,
            "intensifying": frac >= 0.9 and last and trend and up,
            "persistent": frac >= 0.9 and not trend,
            "diminishing": frac >= 0.9 and last and trend and down,
            "oscillating": last and oth > 0 and frac < 0.9,
            "historical": (not last) and frac >= 0.9,
            "sporadic": cnt > 0 and oth == 0 and frac < 0.9,
        }

    hot, cold = side_rules(1), side_rules(-1)
    for rule in ["new", "consecutive", "intensifying", "persistent", "diminishing", "oscillating", "historical"]:
        if hot[rule]:
            return rule + "_hot"
        if cold[rule]:
            return rule + "_cold"
    if hot["sporadic"]:
        return "sporadic_hot"
    if cold["sporadic"]:
        return "sporadic_cold"
    return "no_pattern"


def main():
    spec = json.load(open(sys.argv[1]))
    neighbours, steps, values = spec["neighbours"], spec["steps"], spec["values"]
    n = len(neighbours)
    z, p = space_time_gi(neighbours, steps, values, spec["k"], spec["standardisation"] == "per_time_slice")
    out = {"z": [None if not np.isfinite(v) else float(v) for v in z], "p": [float(v) for v in p],
           "mk_s": [], "mk_tau": [], "mk_z": [], "mk_p": [], "classes": []}
    for i in range(n):
        zs = [z[t * n + i] if np.isfinite(z[t * n + i]) else 0.0 for t in range(steps)]
        ps = [p[t * n + i] for t in range(steps)]
        s, tau, zmk, mk_p = mann_kendall(zs)
        # scipy's Kendall tau against time must agree in sign with the Mann-Kendall S.
        if s != 0:
            assert np.sign(stats.kendalltau(np.arange(steps), zs)[0]) == np.sign(s)
        out["mk_s"].append(float(s))
        out["mk_tau"].append(float(tau))
        out["mk_z"].append(float(zmk))
        out["mk_p"].append(float(mk_p))
        out["classes"].append(classify(zs, ps, tau, mk_p, spec["alpha"]))
    json.dump(out, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
