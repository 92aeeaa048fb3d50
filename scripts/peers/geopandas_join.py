#!/usr/bin/python3
"""GeoPandas peer of peta's core job, timed by scripts/bench_peers.sh.

CSV of findings (id,lon,lat,kategori,...) -> points -> sjoin (point within desa) -> counts per desa and
per kecamatan -> desa and kecamatan layers written to one GeoPackage. Also writes the counts per desa
as a CSV (kode,jumlah). Run with Debian's /usr/bin/python3 (python3-geopandas).

A point inside two overlapping desa is counted in both (plain sjoin, like the SQLite peer's ST_Contains).
Kecamatan geometries come from --kecamatan when given, otherwise from dissolving the desa by kode_kec.
"""
import argparse
import sys

import geopandas as gpd
import pandas as pd


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--findings", required=True, help="findings CSV with lon,lat columns (EPSG:4326)")
    ap.add_argument("--desa", required=True, help="desa layer (kode, nama, kode_kec, nama_kec)")
    ap.add_argument("--desa-layer", default=None)
    ap.add_argument("--kecamatan", default=None, help="kecamatan layer (kode, nama); default: dissolve desa")
    ap.add_argument("--out", required=True, help="output GeoPackage (layers desa, kecamatan)")
    ap.add_argument("--counts", required=True, help="output CSV kode,jumlah (one row per desa)")
    args = ap.parse_args()

    table = pd.read_csv(args.findings, usecols=["id", "lon", "lat", "kategori"], dtype={"id": str, "kategori": str})
    points = gpd.GeoDataFrame(table, geometry=gpd.points_from_xy(table["lon"], table["lat"]), crs="EPSG:4326")
    desa = gpd.read_file(args.desa, layer=args.desa_layer) if args.desa_layer else gpd.read_file(args.desa)
    desa = desa[["kode", "nama", "kode_kec", "nama_kec", "geometry"]].to_crs("EPSG:4326")

    joined = gpd.sjoin(points, desa[["kode", "geometry"]], how="inner", predicate="within")
    per_desa = joined.groupby("kode").size().rename("jumlah")
    desa = desa.merge(per_desa, how="left", left_on="kode", right_index=True)
    desa["jumlah"] = desa["jumlah"].fillna(0).astype("int64")
    desa = desa.sort_values("kode").reset_index(drop=True)

    per_kec = desa.groupby(["kode_kec", "nama_kec"], as_index=False)["jumlah"].sum()
    if args.kecamatan:
        kec = gpd.read_file(args.kecamatan)[["kode", "nama", "geometry"]].to_crs("EPSG:4326")
        kec = kec.merge(per_kec[["kode_kec", "jumlah"]], how="left", left_on="kode", right_on="kode_kec")
        kec = kec.drop(columns=["kode_kec"])
        kec["jumlah"] = kec["jumlah"].fillna(0).astype("int64")
    else:
        kec = desa[["kode_kec", "nama_kec", "geometry"]].dissolve(by=["kode_kec", "nama_kec"], as_index=False)
        kec = kec.merge(per_kec, on=["kode_kec", "nama_kec"]).rename(columns={"kode_kec": "kode", "nama_kec": "nama"})
    kec = kec.sort_values("kode").reset_index(drop=True)

    desa.to_file(args.out, layer="desa", driver="GPKG")
    kec.to_file(args.out, layer="kecamatan", driver="GPKG")
    desa[["kode", "jumlah"]].to_csv(args.counts, index=False)
    print(f"geopandas: {len(points)} points, {int(desa['jumlah'].sum())} desa hits, "
          f"{len(points) - joined.index.nunique()} outside every desa", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
