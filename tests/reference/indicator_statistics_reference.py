"""Reference values for the indicator statistics (tests/hotspots/indicator_statistics_reference_test.cpp runs
this script with Debian's /usr/bin/python3).

As tests/reference/hotspots_reference.py: weights from libpysal itself, the statistics as short numpy
transcriptions of esda's code (esda is not packaged in Debian 12): Geary (esda.Geary), Moran_BV,
Moran_Local_BV, Moran_Rate (esda.smoothing.assuncao_rate), G_Local(star=True) with transform "R" and "B", and
Moran on a libpysal w_subset (desa without a value left out); and the same statistics on the 24 kecamatan
(KECAMATAN_GEOJSON, the regency's kecamatan dissolved from the desa) for the kecamatan level. When esda itself can be imported (e.g. PYTHONPATH=<an esda 2.4 source tree>, which runs on
Debian's libpysal 4.7), every deterministic value is also checked against esda's own classes and the output
records the esda version ("esda": null otherwise). Usage:

    /usr/bin/python3 indicator_statistics_reference.py DESA_GEOJSON OUTPUT_JSON [KECAMATAN_GEOJSON]
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


def sums(w):
    s0 = w.sum()
    s1 = 0.5 * ((w + w.T) ** 2).sum()
    s2 = ((w.sum(axis=1) + w.sum(axis=0)) ** 2).sum()
    return s0, s1, s2


def moran(y, w):
    n = len(y)
    z = y - y.mean()
    s0, s1, s2 = sums(w)
    i = n / s0 * (z @ w @ z) / (z @ z)
    ei = -1.0 / (n - 1)
    v_norm = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n - 1) * (n + 1) * s0 * s0) - ei * ei
    z_norm = (i - ei) / np.sqrt(v_norm)
    return {"I": i, "EI": ei, "VI_norm": v_norm, "z_norm": z_norm, "p_norm": 2 * stats.norm.sf(abs(z_norm))}


def geary(y, w):  # esda.Geary
    n = len(y)
    s0, s1, s2 = sums(w)
    s02 = s0 * s0
    yd = y - y.mean()
    k = ((yd ** 4).sum() / n) / (((yd ** 2).sum() / n) ** 2)
    n2 = n * n
    a = (n - 1) * s1 * (n2 - 3 * n + 3 - (n - 1) * k)
    b = 0.25 * ((n - 1) * s2 * (n2 + 3 * n - 6 - (n2 - n + 2) * k))
    c = s02 * (n2 - 3 - (n - 1) ** 2 * k)
    vc_rand = (a - b + c) / (n * (n - 2) * (n - 3) * s02)
    vc_norm = (1 / (2 * (n + 1) * s02)) * ((2 * s1 + s2) * (n - 1) - 4 * s02)
    diff = y[:, None] - y[None, :]
    cc = (n - 1) * (w * diff ** 2).sum() / ((yd * yd).sum() * s0 * 2.0)
    de = cc - 1.0
    z_norm, z_rand = de / np.sqrt(vc_norm), de / np.sqrt(vc_rand)
    tail = (lambda z: stats.norm.sf(z)) if de > 0 else (lambda z: stats.norm.cdf(z))
    return {"C": cc, "VC_norm": vc_norm, "VC_rand": vc_rand, "z_norm": z_norm, "z_rand": z_rand,
            "p_norm": tail(z_norm), "p_rand": tail(z_rand)}


def geary_p_sim(y, w, rng):
    n = len(y)
    ref = geary(y, w)["C"]
    yd = y - y.mean()
    den = (yd * yd).sum() * w.sum() * 2.0
    sims = []
    for _ in range(PERMUTATIONS):
        p = rng.permutation(y)
        sims.append((n - 1) * (w * (p[:, None] - p[None, :]) ** 2).sum() / den)
    sims = np.array(sims)
    larger = (sims >= ref).sum()
    if PERMUTATIONS - larger < larger:
        larger = PERMUTATIONS - larger
    return (larger + 1.0) / (PERMUTATIONS + 1.0)


def moran_bv(x, y, w):  # esda.Moran_BV (I only; its inference is by permutation)
    zx = (x - x.mean()) / x.std(ddof=1)
    zy = (y - y.mean()) / y.std(ddof=1)
    return (zx * (w @ zy)).sum() / (len(x) - 1.0)


def folded_p(sims, observed):
    larger = (sims >= observed[:, None]).sum(axis=1)
    low = (PERMUTATIONS - larger) < larger
    larger[low] = PERMUTATIONS - larger[low]
    return (larger + 1.0) / (PERMUTATIONS + 1.0)


def conditional_sims(n, neighbour_lists, rng, simulate):
    """esda's crand scheme: one set of random rank rows shared by all i, applied to a fresh shuffle of the other
    units for each i; simulate(i, row, draws) gives unit i's PERMUTATIONS statistics (units without neighbours: 0)."""
    k_max = max(len(r) for r in neighbour_lists)
    ranks = np.array([rng.permutation(n - 1)[:k_max] for _ in range(PERMUTATIONS)])
    sims = np.zeros((n, PERMUTATIONS))
    for i, row in enumerate(neighbour_lists):
        if not row:
            continue
        others = np.delete(np.arange(n), i)
        rng.shuffle(others)
        sims[i] = simulate(i, row, others[ranks[:, :len(row)]])
    return sims


def moran_local_bv(x, y, w, neighbour_lists, rng):  # esda.Moran_Local_BV
    n = len(x)
    zx = (x - x.mean()) / x.std()
    zy = (y - y.mean()) / y.std()
    lag = w @ zy
    den = (zx * zx).sum()
    ii = (n - 1) * zx * lag / den
    q = np.where(zx > 0, np.where(lag > 0, 1, 4), np.where(lag > 0, 2, 3))
    sims = conditional_sims(n, neighbour_lists, rng,
                            lambda i, row, draws: (n - 1) * zx[i] * (zy[draws] * w[i, row]).sum(axis=1) / den)
    return {"Is": ii, "q": q, "zx": zx, "lag": lag, "p_sim": folded_p(sims, ii)}


def local_moran(y, w):
    n = len(y)
    z = (y - y.mean()) / y.std()
    lag = w @ z
    return {"Is": (n - 1) * z * lag / (z * z).sum(), "z": z, "lag": lag}


def g_local_star(y, neighbour_lists, transform, rng):  # esda.G_Local(star=True, transform=transform)
    n = len(y)
    ws = dense(neighbour_lists)
    has = np.array([bool(r) for r in neighbour_lists])
    if transform == "B":
        np.fill_diagonal(ws, 1.0)  # every unit its own neighbour, an island included
    else:
        # libpysal's fill_diagonal with the row maximum (1 for binary rows, 0 for an island), then "R".
        ws[np.arange(n), np.arange(n)] = np.where(has, ws.max(axis=1), 0.0)
        ws = row_standardise(ws)
    gs = ws @ y / y.sum()
    card = ws.sum(axis=1)
    mean = y.mean()
    var = (y ** 2).mean() - mean ** 2
    egs = card / n
    vgs = card * (n - card) / (n - 1) / n ** 2 * var / mean ** 2
    with np.errstate(all="ignore"):
        zs = (gs - egs) / np.sqrt(vgs)
    # The self term stays, the neighbour slots take random others.
    sims = conditional_sims(n, neighbour_lists, rng,
                            lambda i, row, draws: (ws[i, i] * y[i] + (y[draws] * ws[i, row]).sum(axis=1)) / y.sum())
    p = folded_p(sims, gs)
    p[~has] = 1.0
    return {"Gs": gs, "EGs": egs, "VGs": vgs, "Zs": zs, "p_sim": p}


def finite_list(v):  # NaN (an island's Gi* z under "R") as null: JSON has no NaN
    return [None if not np.isfinite(x) else float(x) for x in np.asarray(v, float)]


def assuncao_rate(e, b):  # esda.smoothing.assuncao_rate
    y = e / b
    e_sum, b_sum = e.sum(), b.sum()
    ebi_b = e_sum / b_sum
    s2 = (b * (y - ebi_b) ** 2).sum() / b_sum
    ebi_a = s2 - ebi_b / (b_sum / len(e))
    return (y - ebi_b) / np.sqrt(ebi_a + ebi_b / b)


def check_with_esda(out, w_lists, metric_ids, area, y, events, population, keep):
    try:
        import esda  # noqa: F401
    except ImportError:
        out["esda"] = None
        return
    import esda as e
    ids = list(range(len(area)))
    w = weights.W({i: w_lists[i] for i in ids}, silence_warnings=True)

    def close(a, b, what):
        a, b = np.asarray(a, float), np.asarray(b, float)
        if not np.allclose(a, b, rtol=0, atol=1e-11):
            raise SystemExit("esda disagrees with the transcription: %s (max |diff| %g)" % (what, np.abs(a - b).max()))

    g = e.Geary(area, w, permutations=0)
    close([g.C, g.VC_norm, g.VC_rand, g.z_norm, g.z_rand, g.p_norm, g.p_rand],
          [out["geary"][k] for k in ("C", "VC_norm", "VC_rand", "z_norm", "z_rand", "p_norm", "p_rand")], "Geary")
    w.transform = "r"
    m = e.Moran(area, w, permutations=0)
    close([m.I, m.EI, m.VI_norm, m.z_norm, m.p_norm],
          [out["moran"][k] for k in ("I", "EI", "VI_norm", "z_norm", "p_norm")], "Moran")
    bv = e.Moran_BV(area, y, w, permutations=0)
    close(bv.I, out["moran_bv_I"], "Moran_BV")
    lbv = e.Moran_Local_BV(area, y, w, permutations=0)
    close(lbv.Is, out["moran_local_bv"]["Is"], "Moran_Local_BV Is")
    close(lbv.q, out["moran_local_bv"]["q"], "Moran_Local_BV q")
    lm = e.Moran_Local(area, w, permutations=0)
    close(lm.Is, out["local_moran"]["Is"], "Moran_Local")
    mr = e.Moran_Rate(events, population, w, permutations=0)
    close([mr.I, mr.z_norm], [out["moran_rate"]["I"], out["moran_rate"]["z_norm"]], "Moran_Rate")
    close(e.smoothing.assuncao_rate(events, population), out["assuncao"], "assuncao_rate")
    wb = weights.W({i: w_lists[i] for i in ids}, silence_warnings=True)
    wb.transform = "b"
    gb = e.Geary(area, wb, transformation="b", permutations=0)
    close(gb.C, out["geary_binary"]["C"], "Geary binary")
    sub = weights.w_subset(weights.W({i: w_lists[i] for i in ids}, silence_warnings=True), keep,
                           silence_warnings=True)
    ms = e.Moran(area[keep], sub, permutations=0)
    close(ms.I, out["subset"]["moran"]["I"], "Moran on w_subset")
    check_g_local(e, close, area, w_lists, out["g_local"], "desa")
    if "kecamatan" in out:
        k = out["kecamatan"]
        check_g_local(e, close, np.array(k["area_km2"]), k["queen"], k["g_local"], "kecamatan")
        kw = weights.W({i: k["queen"][i] for i in range(len(k["queen"]))}, silence_warnings=True)
        kw.transform = "r"
        km = e.Moran(np.array(k["area_km2"]), kw, permutations=0)
        close([km.I, km.z_norm], [k["moran"]["I"], k["moran"]["z_norm"]], "kecamatan Moran")
        klm = e.Moran_Local(np.array(k["area_km2"]), kw, permutations=0)
        close(klm.Is, k["local_moran"]["Is"], "kecamatan Moran_Local")
        kg = e.Geary(np.array(k["area_km2"]), kw, permutations=0)
        close(kg.C, k["geary"]["C"], "kecamatan Geary")
    out["esda"] = e.__version__ if hasattr(e, "__version__") else "imported"


def check_g_local(e, close, y, w_lists, ref, where):
    for transform in ("R", "B"):
        w = weights.W({i: w_lists[i] for i in range(len(y))}, silence_warnings=True)
        g = e.G_Local(y, w, transform=transform, star=True, permutations=0)
        for key in ("Gs", "EGs", "VGs"):
            close(g.Gs if key == "Gs" else getattr(g, key), ref[transform][key], "%s G_Local %s %s" % (where, transform, key))
        theirs = np.array([np.nan if v is None else v for v in ref[transform]["Zs"]])
        same_nan = np.array_equal(np.isnan(g.Zs), np.isnan(theirs))
        if not same_nan:
            raise SystemExit("esda disagrees with the transcription: %s G_Local %s Zs islands" % (where, transform))
        ok = ~np.isnan(theirs)
        close(g.Zs[ok], theirs[ok], "%s G_Local %s Zs" % (where, transform))


def polygon_units(path, k):
    """The units of a polygon layer: codes, area (km², UTM 49S), centroids, fuzzy queen and KNN-k neighbours."""
    gdf = gpd.read_file(path).reset_index(drop=True)
    n = len(gdf)
    metric = gdf.to_crs(32749)
    area = (metric.geometry.area / 1e6).to_numpy()
    centroids = np.column_stack([metric.geometry.centroid.x, metric.geometry.centroid.y])
    queen = lists(weights.fuzzy_contiguity(metric.copy(), buffering=True, buffer=0.5, silence_warnings=True), n)
    knn = lists(weights.KNN(centroids, k=k, silence_warnings=True), n)
    return gdf["kode"].tolist(), n, area, centroids, queen, knn


def g_local_both(y, neighbour_lists, seeds):
    out = {}
    for transform, seed in zip(("R", "B"), seeds):
        g = g_local_star(y, neighbour_lists, transform, np.random.default_rng(seed))
        out[transform] = {k: finite_list(v) if k == "Zs" else np.asarray(v).tolist() for k, v in g.items()}
    return out


def kecamatan_reference(path):
    """The statistics on the kecamatan polygons: their area and a seeded second variable."""
    codes, n, area, centroids, queen, knn = polygon_units(path, 4)
    rng = np.random.default_rng(20261207)
    y = centroids[:, 0] / 1000.0 + rng.normal(0.0, 5.0, n)
    wb = dense(queen)
    wr = row_standardise(wb)
    out = {"n": n, "kode": codes, "area_km2": area.tolist(), "y": y.tolist(), "queen": queen}
    out["moran"] = {k: float(v) for k, v in moran(area, wr).items()}
    out["moran_binary"] = {k: float(v) for k, v in moran(area, wb).items()}
    out["geary"] = {k: float(v) for k, v in geary(area, wr).items()}
    out["local_moran"] = {k: np.asarray(v).tolist() for k, v in local_moran(area, wr).items()}
    out["moran_bv_I"] = float(moran_bv(area, y, wr))
    lbv = moran_local_bv(area, y, wr, queen, np.random.default_rng(21))
    out["moran_local_bv"] = {k: np.asarray(v).tolist() for k, v in lbv.items()}
    out["g_local"] = g_local_both(area, queen, (22, 23))
    wk = row_standardise(dense(knn))
    out["knn4"] = {"lists": knn, "moran_I": float(moran(area, wk)["I"]), "geary_C": float(geary(area, wk)["C"])}
    return out


def main(desa_path, out_path, kecamatan_path=None):
    codes, n, area, centroids, base, knn = polygon_units(desa_path, 6)

    # A second, deterministic indicator with a spatial trend (the "potential"), and counts over a population.
    rng = np.random.default_rng(20261206)
    y = centroids[:, 0] / 1000.0 - centroids[:, 1] / 2000.0 + rng.normal(0.0, 3.0, n)
    population = rng.integers(1500, 12000, n).astype(float)
    events = rng.poisson(population * 0.004 * (1.0 + area / area.max())).astype(float)

    wb = dense(base)
    wr = row_standardise(wb)
    out = {"n": n, "kode": codes, "area_km2": area.tolist(), "y": y.tolist(),
           "population": population.tolist(), "events": events.tolist()}
    out["moran"] = {k: float(v) for k, v in moran(area, wr).items()}
    out["geary"] = {k: float(v) for k, v in geary(area, wr).items()}
    out["geary_binary"] = {k: float(v) for k, v in geary(area, wb).items()}
    out["geary"]["p_sim"] = float(geary_p_sim(area, wr, np.random.default_rng(11)))
    out["local_moran"] = {k: np.asarray(v).tolist() for k, v in local_moran(area, wr).items()}
    out["moran_bv_I"] = float(moran_bv(area, y, wr))
    lbv = moran_local_bv(area, y, wr, base, np.random.default_rng(12))
    out["moran_local_bv"] = {k: np.asarray(v).tolist() for k, v in lbv.items()}
    z = assuncao_rate(events, population)
    out["assuncao"] = z.tolist()
    out["moran_rate"] = {k: float(v) for k, v in moran(z, wr).items()}
    # KNN (asymmetric) weights, row-standardised: Moran and Geary.
    wk = row_standardise(dense(knn))
    out["knn6"] = {"lists": knn, "moran_I": float(moran(area, wk)["I"]), "geary_C": float(geary(area, wk)["C"]),
                   "moran_bv_I": float(moran_bv(area, y, wk))}
    # Every seventh desa without a value: Moran on libpysal's w_subset of the others.
    keep = [i for i in range(n) if i % 7 != 3]
    sub = weights.w_subset(weights.W({i: base[i] for i in range(n)}, silence_warnings=True), keep,
                           silence_warnings=True)
    sub_lists = [sorted(keep.index(j) for j in sub.neighbors[i]) for i in keep]
    ws = row_standardise(dense(sub_lists))
    out["subset"] = {"keep": keep, "islands": [k for k, r in zip(keep, sub_lists) if not r],
                     "moran": {k: float(v) for k, v in moran(area[keep], ws).items()},
                     "local_Is": local_moran(area[keep], ws)["Is"].tolist()}
    out["g_local"] = g_local_both(area, base, (13, 14))
    if kecamatan_path:
        out["kecamatan"] = kecamatan_reference(kecamatan_path)
    check_with_esda(out, base, None, area, y, events, population, keep)
    with open(out_path, "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
