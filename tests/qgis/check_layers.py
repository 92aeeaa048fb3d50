#!/usr/bin/python3
"""Opens peta's output with QGIS itself (PyQGIS, headless) and checks it against an expectations file.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 check_layers.py EXPECT.json

EXPECT.json (written by the GoogleTest that runs this script):
  {"folder": "...", "formats": ["geojson", "shapefile", "geopackage"], "geopackage": "peta.gpkg",
   "project": "peta.qgs", "project_layers": ["temuan", ...],
   "rasters": [{"id": "peta_raster_kepadatan", "renderer": "singlebandpseudocolor", "min_colours": 8}],
   "layers": [{"name": "desa", "count": 330, "crs": "EPSG:4326", "wkb": "MultiPolygon",
               "fields": [{"name": "kode", "short": "kode", "type": "text", "alias": "Kode desa"}, ...],
               "renderer": "graduatedSymbol", "classes": 6, "labels": true,
               "texts": [{"field": "nama", "value": "Soka'an"}],
               "nulls": [{"field": "tgl_survei", "count": 1}],
               "styles": [{"name": "Titik panas Gi*: jalan", "renderer": "categorizedSymbol", "classes": 7}]}]}

For every layer in every format it asserts: the layer is valid and loads without a warning in QGIS's
message log; the feature count; the CRS authid; the geometry type; the geometry type (exactly in the shapefile and GeoPackage, the family in GeoJSON); the field names (full names in
GeoJSON and GeoPackage, short names in the shapefile), their types and Indonesian aliases; the given
texts arrive intact; NULLs stay NULL; the default style was applied (renderer type, class count,
labels); the spatial index exists (shapefile .qix, GeoPackage R-tree). For the GeoPackage it also
loads every further style from layer_styles. Then it opens the project and checks that every layer is
valid, in the expected order. Prints one line per check; exits 1 on the first failed layer file.
"""
import json
import os
import sys

from qgis.core import (NULL, QgsApplication, QgsFeatureRequest, QgsFeatureSource, QgsMessageLog, QgsProject,
                       QgsVectorLayer, QgsWkbTypes, Qgis)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtXml import QDomDocument

failures = []
messages = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL", what, flush=True)
    return condition


def on_message(message, tag, level):
    if level >= Qgis.Warning:
        messages.append("%s: %s" % (tag, message))


def field_kind(field):
    t = field.type()
    if t in (QVariant.Int, QVariant.LongLong, QVariant.UInt, QVariant.ULongLong):
        return "integer"
    if t == QVariant.Double:
        return "real"
    if t == QVariant.Date:
        return "date"
    if t == QVariant.String:
        return "text"
    return field.typeName()


def class_count(renderer):
    kind = renderer.type()
    if kind == "graduatedSymbol":
        return len(renderer.ranges())
    if kind == "categorizedSymbol":
        return len(renderer.categories())
    return 1


def check_style(layer, where, expected):
    renderer = layer.renderer()
    check(renderer is not None and renderer.type() == expected["renderer"],
          "%s: renderer %s, expected %s" % (where, renderer.type() if renderer else None, expected["renderer"]))
    if renderer is not None and "classes" in expected:
        check(class_count(renderer) == expected["classes"],
              "%s: %d classes, expected %d" % (where, class_count(renderer), expected["classes"]))
    if "labels" in expected:
        check(layer.labelsEnabled() == expected["labels"],
              "%s: labels enabled %s, expected %s" % (where, layer.labelsEnabled(), expected["labels"]))


def uri_of(folder, fmt, name, geopackage):
    if fmt == "geojson":
        return os.path.join(folder, name + ".geojson")
    if fmt == "shapefile":
        return os.path.join(folder, name + ".shp")
    return os.path.join(folder, geopackage) + "|layername=" + name


def check_layer(expect, spec, fmt):
    uri = uri_of(expect["folder"], fmt, spec["name"], expect.get("geopackage", "peta.gpkg"))
    where = "%s [%s]" % (spec["name"], fmt)
    del messages[:]
    layer = QgsVectorLayer(uri, spec["name"], "ogr")
    QgsApplication.processEvents()
    if not check(layer.isValid(), "%s: layer is valid" % where):
        return
    check(not messages, "%s: no warning on load, got %s" % (where, messages))
    check(layer.featureCount() == spec["count"],
          "%s: %d features, expected %d" % (where, layer.featureCount(), spec["count"]))
    check(layer.crs().authid() == spec.get("crs", "EPSG:4326"),
          "%s: CRS %s, expected %s" % (where, layer.crs().authid(), spec.get("crs", "EPSG:4326")))
    if "wkb" in spec:
        wkb = QgsWkbTypes.displayString(layer.wkbType())
        if fmt == "geojson":
            # GDAL 3.6's RFC 7946 writer turns one-part MultiPolygons into Polygons (GDAL #10686): a
            # GeoJSON layer may mix both, so only the geometry family is asserted there.
            family = QgsWkbTypes.geometryDisplayString(QgsWkbTypes.geometryType(layer.wkbType()))
            wanted = QgsWkbTypes.geometryDisplayString(
                QgsWkbTypes.geometryType(QgsWkbTypes.parseType(spec["wkb"])))
            check(family == wanted, "%s: geometry %s (%s), expected %s" % (where, family, wkb, wanted))
        else:
            check(wkb == spec["wkb"], "%s: geometry %s, expected %s" % (where, wkb, spec["wkb"]))

    names = [f.name() for f in layer.fields()]
    key = "short" if fmt == "shapefile" else "name"
    wanted = [f[key] for f in spec["fields"]]
    if fmt == "geopackage":
        wanted = ["fid"] + wanted  # QGIS shows the GeoPackage's primary key as a field
    check(names == wanted, "%s: fields %s, expected %s" % (where, names, wanted))
    for f in spec["fields"]:
        idx = layer.fields().indexOf(f[key])
        if idx < 0:
            continue
        kind = field_kind(layer.fields().at(idx))
        expected_kind = f["type"]
        if fmt == "geojson" and "geojson_type" in f:  # GeoJSON has no types: readers guess them
            expected_kind = f["geojson_type"]
        if fmt == "geojson" and kind == "text" and expected_kind != "text" and \
                all(feat.attribute(idx) is None or feat.attribute(idx) == NULL for feat in layer.getFeatures()):
            # A GeoJSON column that is null everywhere (e.g. Gi* of a category without findings) carries no
            # type at all, so readers take it as text. Every other format keeps the declared type.
            expected_kind = "text"
        check(kind == expected_kind, "%s: field %s is %s, expected %s" % (where, f[key], kind, expected_kind))
        if f.get("alias"):
            alias = layer.attributeAlias(idx)
            check(alias == f["alias"], "%s: field %s alias %r, expected %r" % (where, f[key], alias, f["alias"]))

    def field_name(full):
        for f in spec["fields"]:
            if f["name"] == full:
                return f[key]
        return full

    for t in spec.get("texts", []):
        if fmt not in t.get("formats", [fmt]):
            continue
        name = field_name(t["field"])
        expr = '"%s" = \'%s\'' % (name, t["value"].replace("'", "''"))
        found = sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setFilterExpression(expr)))
        check(found == t.get("count", 1), "%s: %d features with %s = %r, expected %d" %
              (where, found, name, t["value"], t.get("count", 1)))
    for n in spec.get("nulls", []):
        name = field_name(n["field"])
        found = sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setFilterExpression('"%s" IS NULL' % name)))
        check(found == n["count"], "%s: %d NULL in %s, expected %d" % (where, found, name, n["count"]))

    check_style(layer, where, spec)
    if fmt in ("shapefile", "geopackage") and spec.get("wkb", "NoGeometry") != "NoGeometry":
        check(layer.hasSpatialIndex() == QgsFeatureSource.SpatialIndexPresent, "%s: spatial index present" % where)

    if fmt == "geopackage" and spec.get("styles"):
        count, ids, style_names, _, error = layer.listStylesInDatabase()
        for s in spec["styles"]:
            if not check(s["name"] in style_names, "%s: style %r in layer_styles (%s)" % (where, s["name"], style_names)):
                continue
            qml, error = layer.getStyleFromDatabase(ids[style_names.index(s["name"])])
            doc = QDomDocument()
            doc.setContent(qml)
            ok, error = layer.importNamedStyle(doc)
            if check(ok, "%s: style %r imports (%s)" % (where, s["name"], error)):
                check_style(layer, "%s style %r" % (where, s["name"]), s)
    print("ok", where, flush=True)


def check_project(expect):
    path = os.path.join(expect["folder"], expect["project"])
    del messages[:]
    project = QgsProject.instance()
    if not check(project.read(path), "project %s: opens" % path):
        return
    QgsApplication.processEvents()
    check(not messages, "project: no warning on load, got %s" % messages)
    layers = project.mapLayers()
    for layer in layers.values():
        check(layer.isValid(), "project: layer %s is valid (%s)" % (layer.name(), layer.source()))
    nodes = project.layerTreeRoot().findLayers()
    for node in nodes:
        check(node.layer() is not None and node.layer().isValid(),
              "project: layer panel entry %s resolves to a valid layer" % node.layerId())
    order = [node.layerId() for node in nodes]
    check(order == expect["project_layers"], "project: layer order %s, expected %s" % (order, expect["project_layers"]))
    check(project.crs().authid() == expect.get("project_crs", "EPSG:32749"),
          "project: CRS %s" % project.crs().authid())
    for spec in expect.get("project_styles", []):
        layer = project.mapLayer(spec["id"])
        if check(layer is not None, "project: layer %s present" % spec["id"]):
            check_style(layer, "project layer %s" % spec["id"], spec)
    for spec in expect.get("rasters", []):
        check_raster(project, spec)
    if expect.get("atlas"):
        check_atlas(project, expect["atlas"])
    print("ok project", path, flush=True)


def check_raster(project, spec):
    """A raster layer of the project (the KDE density): valid, in its CRS, drawn with the expected renderer, and
    rendered alone over its extent it shows a colour ramp (at least min_colours distinct colours: the stretch was
    computed from the cells, not left at the placeholder 0-1) with the densest cells in the ramp's darkest red."""
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsRasterLayer
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    layer = project.mapLayer(spec["id"])
    if not check(layer is not None and isinstance(layer, QgsRasterLayer), "raster %s: present" % spec["id"]):
        return
    check(layer.isValid(), "raster %s: valid (%s)" % (spec["id"], layer.source()))
    check(layer.crs().authid() == spec.get("crs", "EPSG:32749"), "raster %s: CRS %s" % (spec["id"], layer.crs().authid()))
    renderer = layer.renderer()
    check(renderer is not None and renderer.type() == spec["renderer"],
          "raster %s: renderer %s, expected %s" % (spec["id"], renderer.type() if renderer else None, spec["renderer"]))
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(240, 240))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    colours = set()
    reddest = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            colours.add((c.red(), c.green(), c.blue()))
            # the ramp's top (#bd0026) at 70 % opacity over white is (209, 77, 103)
            if c.red() > 180 and c.green() < 110 and c.blue() < 130:
                reddest += 1
    check(len(colours) >= spec.get("min_colours", 8),
          "raster %s: %d distinct colours drawn, expected a ramp of at least %d" %
          (spec["id"], len(colours), spec.get("min_colours", 8)))
    check(reddest > 0, "raster %s: the densest cells drawn dark red" % spec["id"])
    check((255, 255, 255) in colours, "raster %s: zero density left transparent" % spec["id"])
    if spec.get("image"):
        image.save(spec["image"])
    print("ok raster", spec["id"], len(colours), "colours", flush=True)


def check_atlas(project, spec):
    """The print layout with an Atlas over the kecamatan: it exists, covers every kecamatan, and its first page
    renders to an image with the map drawn (not blank) and the kecamatan's name in the title."""
    from qgis.core import QgsLayoutExporter
    layout = project.layoutManager().layoutByName(spec["layout"])
    if not check(layout is not None, "atlas: layout %s present" % spec["layout"]):
        return
    atlas = layout.atlas()
    check(atlas.enabled(), "atlas: enabled")
    check(atlas.coverageLayer() is not None and atlas.coverageLayer().id() == spec["coverage"],
          "atlas: coverage layer %s" % spec["coverage"])
    if not check(atlas.beginRender(), "atlas: begins rendering"):
        return
    check(atlas.count() == spec["features"], "atlas: %d pages, expected %d" % (atlas.count(), spec["features"]))
    check(atlas.first(), "atlas: first feature")
    check(atlas.nameForPage(0) == spec["first_name"], "atlas: first page %s, expected %s" %
          (atlas.nameForPage(0), spec["first_name"]))
    image = QgsLayoutExporter(layout).renderPageToImage(0, dpi=40)
    atlas.endRender()
    if not check(not image.isNull(), "atlas: page renders"):
        return
    coloured = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            c = image.pixelColor(x, y)
            coloured += 1 if (c.red(), c.green(), c.blue()) != (255, 255, 255) else 0
    share = coloured / float((image.height() // 4 + 1) * (image.width() // 4 + 1))
    check(share > 0.15, "atlas: the page shows a map (%.0f %% non-white)" % (100 * share))
    if spec.get("image"):
        image.save(spec["image"])
    print("ok atlas", spec["layout"], atlas.count(), "pages", flush=True)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        expect = json.load(f)
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    QgsApplication.messageLog().messageReceived.connect(on_message)
    for spec in expect["layers"]:
        for fmt in spec.get("formats", expect["formats"]):
            check_layer(expect, spec, fmt)
    if expect.get("project"):
        check_project(expect)
    QgsProject.instance().clear()
    app.exitQgis()
    print("%d failure(s)" % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
