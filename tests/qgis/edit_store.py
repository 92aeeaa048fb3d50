#!/usr/bin/python3
"""Opens a findings store layer (`temuan`, or `ruas` for the line segments) with QGIS itself (PyQGIS, headless)
and edits one status, as a user would in QGIS: the layer must be valid, a point (temuan) or line (ruas) layer in
EPSG:4326 with its spatial index, editable, and hold the expected number of features.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 edit_store.py STORE COUNT ID NEW_STATUS [LAYER]
STORE is a GeoPackage path or a "PG:dbname=... host=... port=... user=..." connection.
Prints one line per check; exits 1 when one fails.
"""
import os
import sys

from qgis.core import QgsApplication, QgsDataSourceUri, QgsFeatureRequest, QgsFeatureSource, QgsVectorLayer, QgsVectorDataProvider

store, count, finding_id, new_status = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
name = sys.argv[5] if len(sys.argv) > 5 else "temuan"
app = QgsApplication([], False)
app.initQgis()
failed = False


def check(condition, what):
    global failed
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    failed = failed or not condition


if store.startswith("PG:"):
    uri = QgsDataSourceUri(store[3:])
    uri.setDataSource("public", name, "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(False), name, "postgres")
else:
    layer = QgsVectorLayer(store + "|layername=" + name, name, "ogr")
check(layer.isValid(), "layer %s is valid" % name)
if layer.isValid():
    check(layer.featureCount() == count, "feature count %d (expected %d)" % (layer.featureCount(), count))
    check(layer.crs().authid() == "EPSG:4326", "CRS " + layer.crs().authid())
    if name == "ruas":
        check(layer.geometryType() == 1, "line layer")
    else:
        check(layer.geometryType() == 0, "point layer")
    check(layer.hasSpatialIndex() == QgsFeatureSource.SpatialIndexPresent, "spatial index present")
    caps = layer.dataProvider().capabilities()
    check(bool(caps & QgsVectorDataProvider.ChangeAttributeValues), "attribute values can be edited")
    status = layer.fields().indexOf("status")
    features = list(layer.getFeatures(QgsFeatureRequest().setFilterExpression("\"id_temuan\" = '%s'" % finding_id)))
    check(len(features) == 1, "finding %s found" % finding_id)
    if features:
        check(layer.startEditing(), "start editing")
        check(layer.changeAttributeValue(features[0].id(), status, new_status), "change status")
        check(layer.commitChanges(), "commit: " + "; ".join(layer.commitErrors()))
# Layers go before QGIS does (otherwise the OGR provider's teardown can crash the interpreter at exit).
del layer
app.exitQgis()
sys.stdout.flush()
os._exit(1 if failed else 0)
