"""Reference values for the hotspot engine (tests/hotspots/hotspots_reference_test.cpp runs this script).

Weights come from libpysal itself; the statistics are short numpy transcriptions of the textbook
formulas as esda implements them (esda is not packaged in Debian 12). Usage:

    /usr/bin/python3 hotspots_reference.py DESA_GEOJSON OUTPUT_JSON
"""
import json
import sys
import warnings

warnings.filterwarnings("ignore")

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
from libpysal import weights  # noqa: E402
from scipy import stats  # noqa: E402

PERMUTATIONS = 999


def lists(w, n):
    """Neighbour lists by position (w built on a 0..n-1 index)."""
    return [sorted(int(j) for j in w.neighbors[i]) for i in range(n)]


def dense(neighbour_lists):
    n = len(neighbour_lists)
    m = np.zeros((n, n))
    for i, row in enumerate(neighbour_lists):
        m[i, row] = 1.0
    return m


def row_standardise(m):
    s = m.sum(axis=1, keepdims=True)
    s[s == 0] = 1.0
    return m / s


def global_moran(y, wr):
    n = len(y)
    z = y - y.mean()
    s0 = wr.sum()
    s1 = 0.5 * ((wr + wr.T) ** 2).sum()
    s2 = ((wr.sum(axis=1) + wr.sum(axis=0)) ** 2).sum()
    i = n / s0 * (z @ wr @ z) / (z @ z)
    ei = -1.0 / (n - 1)
    v_norm = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n - 1) * (n + 1) * s0 * s0) - ei * ei
    k = ((z ** 4).sum() / n) / ((z ** 2).sum() / n) ** 2
    a = n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0)
    b = k * ((n * n - n) * s1 - 2 * n * s2 + 6 * s0 * s0)
    v_rand = (a - b) / ((n - 1) * (n - 2) * (n - 3) * s0 * s0) - ei * ei
    z_norm = (i - ei) / np.sqrt(v_norm)
    z_rand = (i - ei) / np.sqrt(v_rand)
    return {
        "I": i, "EI": ei, "VI_norm": v_norm, "z_norm": z_norm, "p_norm": 2 * stats.norm.sf(abs(z_norm)),
        "VI_rand": v_rand, "z_rand": z_rand, "p_rand": 2 * stats.norm.sf(abs(z_rand)),
        "s0": s0, "s1": s1, "s2": s2,
    }


def folded_p(sims, observed):
    larger = (sims >= observed[:, None]).sum(axis=1)
    low = (PERMUTATIONS - larger) < larger
    larger[low] = PERMUTATIONS - larger[low]
    return (larger + 1.0) / (PERMUTATIONS + 1.0)


class ConditionalDraws:
    """esda's crand scheme: one set of random rank rows shared by all i, applied to a fresh shuffle of
    the other observations for each i (so each i sees k distinct random others per permutation)."""

    def __init__(self, rng, n, k_max):
        self.rng = rng
        self.n = n
        self.ranks = np.array([rng.permutation(n - 1)[:k_max] for _ in range(PERMUTATIONS)])

    def __call__(self, i, k):
        others = np.delete(np.arange(self.n), i)
        self.rng.shuffle(others)
        return others[self.ranks[:, :k]]


def local_moran(y, wr, neighbour_lists, draw):
    n = len(y)
    z = (y - y.mean()) / y.std()
    lag = wr @ z
    den = (z * z).sum()
    ii = (n - 1) * z * lag / den
    q = np.where(z > 0, np.where(lag > 0, 1, 4), np.where(lag > 0, 2, 3))
    sims = np.zeros((n, PERMUTATIONS))
    for i, row in enumerate(neighbour_lists):
        if not row:
            continue
        draws = draw(i, len(row))
        sims[i] = (n - 1) * z[i] * (z[draws] * wr[i, row]).sum(axis=1) / den
    p = folded_p(sims, ii)
    return {"Is": ii, "q": q, "z": z, "lag": lag, "p_sim": p}


def g_star(y, wb, neighbour_lists, draw):
    n = len(y)
    ws = wb + np.eye(n)
    gs = ws @ y / y.sum()
    card = ws.sum(axis=1)
    mean = y.mean()
    var = (y ** 2).mean() - mean ** 2
    egs = card / n
    vgs = card * (n - card) / (n - 1) / n ** 2 * var / mean ** 2
    zs = (gs - egs) / np.sqrt(vgs)
    sims = np.zeros((n, PERMUTATIONS))
    for i, row in enumerate(neighbour_lists):
        if not row:
            continue
        draws = draw(i, len(row))
        sims[i] = (y[draws].sum(axis=1) + y[i]) / y.sum()
    return {"Gs": gs, "EGs": egs, "VGs": vgs, "Zs": zs, "p_norm2": 2 * stats.norm.sf(np.abs(zs)),
            "p_sim": folded_p(sims, gs)}


def empirical_bayes(e, b):  # esda.smoothing.Empirical_Bayes
    r_mean = e.sum() / b.sum()
    rate = e / b
    r_var = (b * (rate - r_mean) ** 2).sum() / b.sum() - r_mean / b.mean()
    weight = r_var / (r_var + r_mean / b)
    return weight * rate + (1 - weight) * r_mean, r_var


def spatial_empirical_bayes(e, b, wb, neighbour_lists):  # esda.smoothing.Spatial_Empirical_Bayes
    r_mean = (e + wb @ e) / (b + wb @ b)
    rate = e / b
    out = np.zeros_like(e)
    for i, row in enumerate(neighbour_lists):
        ngh = row + [i]
        bi = b[ngh].sum()
        v = ((rate[ngh] - r_mean[i]) ** 2 * b[ngh]).sum() / bi - r_mean[i] / (bi / len(ngh))
        v = max(v, 0.0)
        out[i] = r_mean[i] + (rate[i] - r_mean[i]) * (v / (v + r_mean[i] / b[i]))
    return out, r_mean


def fdr(p, alpha):  # esda.fdr
    n = len(p)
    p_sort = np.sort(p)[::-1]
    p_fdr = np.arange(n, 0, -1) * alpha / n
    hits = np.where(p_sort < p_fdr)[0]
    return 0.001 * alpha if len(hits) == 0 else p_fdr[hits[0]]


def main(desa_path, out_path):
    gdf = gpd.read_file(desa_path).reset_index(drop=True)
    n = len(gdf)
    metric = gdf.to_crs(32749)
    centroids = np.column_stack([metric.geometry.centroid.x, metric.geometry.centroid.y])

    out = {"n": n, "kode": gdf["kode"].tolist(), "centroids": centroids.tolist()}
    w = {}
    w["libpysal_queen"] = lists(weights.Queen.from_dataframe(gdf, silence_warnings=True), n)
    w["libpysal_rook"] = lists(weights.Rook.from_dataframe(gdf, silence_warnings=True), n)
    w["fuzzy_intersects"] = lists(weights.fuzzy_contiguity(metric.copy(), buffering=False, silence_warnings=True), n)
    w["fuzzy_buffer_0_5m"] = lists(
        weights.fuzzy_contiguity(metric.copy(), buffering=True, buffer=0.5, silence_warnings=True), n)
    w["knn6"] = lists(weights.KNN(centroids, k=6, silence_warnings=True), n)
    w["band3000"] = lists(weights.DistanceBand(centroids, threshold=3000.0, binary=True, silence_warnings=True), n)
    out["weights"] = w

    # Synthetic but deterministic counts with a planted cluster, so that the statistics have signal.
    rng = np.random.default_rng(20240601)
    population = rng.integers(1500, 12000, n).astype(float)
    centre = centroids[gdf["kode"].tolist().index("35.13.14.1003")]  # Semampir, Kraksaan
    distance_km = np.hypot(*(centroids - centre).T) / 1000.0
    risk = 0.004 * (1.0 + 2.0 * np.exp(-distance_km / 6.0))
    events = rng.poisson(population * risk).astype(float)
    rate = events / population * 1000.0
    out["population"] = population.tolist()
    out["events"] = events.tolist()
    out["rate_per_1000"] = rate.tolist()

    base = w["fuzzy_intersects"]
    wb = dense(base)
    wr = row_standardise(wb)
    draw = ConditionalDraws(np.random.default_rng(7), n, max(len(r) for r in base))
    gm = global_moran(rate, wr)
    lm = local_moran(rate, wr, base, draw)
    gi = g_star(rate, wb, base, draw)
    eb, eb_var = empirical_bayes(events, population)
    seb, spatial_rate = spatial_empirical_bayes(events, population, wb, base)
    out["statistics_weights"] = "fuzzy_intersects"
    out["global_moran"] = {k: float(v) for k, v in gm.items()}
    out["local_moran"] = {k: np.asarray(v).tolist() for k, v in lm.items()}
    out["g_star"] = {k: np.asarray(v).tolist() for k, v in gi.items()}
    out["eb"] = eb.tolist()
    out["eb_prior_variance"] = float(eb_var)
    out["spatial_rate"] = spatial_rate.tolist()
    out["spatial_eb"] = seb.tolist()
    out["fdr"] = {"p": gi["p_norm2"].tolist(), "alpha_0_05": fdr(gi["p_norm2"], 0.05),
                  "alpha_0_10": fdr(gi["p_norm2"], 0.10), "alpha_0_01": fdr(gi["p_norm2"], 0.01)}
    with open(out_path, "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
