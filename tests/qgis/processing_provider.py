#!/usr/bin/python3
"""The peta QGIS Processing provider (qgis/peta_processing/, installed from the zip that
scripts/qgis-plugin-zip.sh makes), headless: registers the provider as QGIS does,
runs peta:build, peta:boundaries_check, peta:report, peta:import and peta:status with processing.run on the
example project over the real boundaries, and checks that the outputs exist and load in QGIS with their exact
feature counts (330 desa, 24 kecamatan, 628 overlaps and 1,278 gaps).

Usage: processing_provider.py PETA SHARED_DATA SOURCE_DIR
Prints one line per check; exits 1 when any failed.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

peta, data, source = sys.argv[1], sys.argv[2], sys.argv[3]
work = tempfile.mkdtemp(prefix="peta-qgis-processing-")
runtime = os.path.join(work, "xdg")  # Qt wants a private runtime folder
os.makedirs(runtime, mode=0o700)
os.environ.update({"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": runtime, "PETA_EXECUTABLE": peta})
sys.path.insert(0, "/usr/share/qgis/python/plugins")  # Processing itself
# The plugin as a user installs it: the zip of scripts/qgis-plugin-zip.sh, unpacked into a plugins folder.
subprocess.run(["bash", os.path.join(source, "scripts/qgis-plugin-zip.sh"), work + "/peta_processing.zip"], check=True,
               stdout=subprocess.DEVNULL)
with zipfile.ZipFile(work + "/peta_processing.zip") as z:
    z.extractall(work + "/plugins")
sys.path.insert(0, work + "/plugins")

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer  # noqa: E402

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)
    return condition


def count(uri):
    layer = QgsVectorLayer(uri, "check", "ogr")
    return layer.featureCount() if layer.isValid() else -1


# The example project (5,000 synthetic findings, seed 2026) with its paths pointing here and at the real data.
subprocess.run([peta, "sample", "--boundaries", data + "/probolinggo/desa.geojson", "--count", "5000", "--seed",
                "2026", "--out", work + "/temuan_contoh.csv"], check=True, stdout=subprocess.DEVNULL)
example = os.path.join(source, "examples/probolinggo")
with open(os.path.join(example, "project.json"), encoding="utf-8") as f:
    project = json.load(f)
for level in ("desa", "kecamatan", "kabupaten"):
    project["boundaries"][level]["path"] = "%s/probolinggo/%s.geojson" % (data, level)
project["findings"][0]["path"] = work + "/temuan_contoh.csv"
project["geocode"]["code_lists"] = [data + "/probolinggo/wilayah_3513.csv"]
project["output"]["folder"] = work + "/out"
project["program"]["kunjungan"] = os.path.join(example, project["program"]["kunjungan"])
for table in project.get("profil", []):
    table["path"] = os.path.join(example, table["path"])
project_path = work + "/project.json"
with open(project_path, "w", encoding="utf-8") as f:
    json.dump(project, f)
# The same with a findings store, for import and status.
project["store"] = {"path": work + "/penyimpanan.gpkg"}
project["output"]["folder"] = work + "/out_store"
store_project = work + "/project_store.json"
with open(store_project, "w", encoding="utf-8") as f:
    json.dump(project, f)

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
from processing.core.Processing import Processing  # noqa: E402
import processing  # noqa: E402
from peta_processing import classFactory  # noqa: E402

Processing.initialize()
plugin = classFactory(None)  # as QGIS loads it: classFactory(iface), then initProcessing
plugin.initProcessing()
registry = QgsApplication.processingRegistry()
for name in ("build", "import", "status", "report", "boundaries_check"):
    check(registry.algorithmById("peta:" + name) is not None, "peta:%s registered" % name)


def run(algorithm, parameters):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    result = processing.run(algorithm, parameters, context=context, feedback=feedback)
    return result, context


# peta:build: the layers are written and handed to QGIS to load, and load with their counts.
result, context = run("peta:build", {"PROJECT": project_path, "THREADS": 2, "LOAD": True})
check(result["ROWS_READ"] == 5000, "build: 5000 rows read (%s)" % result["ROWS_READ"])
check(result["REJECTED"] == 56, "build: 56 rejected (%s)" % result["REJECTED"])
gpkg = result["GEOPACKAGE"]
check(os.path.isfile(gpkg) and gpkg == work + "/out/peta.gpkg", "build: %s written" % gpkg)
check(os.path.isfile(work + "/out/desa.geojson") and os.path.isfile(work + "/out/ringkasan.json"),
      "build: desa.geojson and ringkasan.json written")
to_load = context.layersToLoadOnCompletion()
names = sorted(details.name for details in to_load.values())
# The example has no line findings (no ruas) and asks for DBSCAN (klaster).
check(names == ["desa", "kabupaten", "kecamatan", "klaster", "temuan"], "build: layers to load %s" % names)
loaded = {}
for uri, details in to_load.items():
    layer = QgsVectorLayer(uri, details.name, "ogr")
    if check(layer.isValid(), "build: %s loads" % details.name):
        QgsProject.instance().addMapLayer(layer)
        loaded[details.name] = layer
check("desa" in loaded and loaded["desa"].featureCount() == 330, "build: desa layer has 330 features")
check("kecamatan" in loaded and loaded["kecamatan"].featureCount() == 24, "build: kecamatan layer has 24 features")
check("desa" in loaded and loaded["desa"].renderer().type() == "graduatedSymbol",
      "build: the desa layer comes with its style (graduated counts)")

# peta:boundaries_check from the project file: the JSON report and the problems layer.
result, _ = run("peta:boundaries_check", {"PROJECT": project_path, "JSON": work + "/mutu.json",
                                          "PROBLEMS": work + "/masalah_batas.gpkg"})
check(result["DESA_COUNT"] == 330, "boundaries_check: 330 desa and kelurahan (%s)" % result["DESA_COUNT"])
check(result["KECAMATAN_COUNT"] == 24, "boundaries_check: 24 kecamatan (%s)" % result["KECAMATAN_COUNT"])
check(result["OVERLAPS"] == 628, "boundaries_check: 628 overlapping pairs (%s)" % result["OVERLAPS"])
check(result["GAPS"] == 1278, "boundaries_check: 1278 gaps (%s)" % result["GAPS"])
check(result["INVALID"] == 0, "boundaries_check: no invalid geometry")
check(os.path.isfile(work + "/mutu.json"), "boundaries_check: mutu.json written")
problems = QgsVectorLayer(result["PROBLEMS"], "masalah", "ogr")
check(problems.isValid() and problems.featureCount() == 628 + 1278,
      "boundaries_check: the problems layer loads with 1906 points (%d)" % problems.featureCount())
# The same from a desa layer given as a QGIS layer.
desa_layer = QgsVectorLayer(data + "/probolinggo/desa.geojson", "desa", "ogr")
result, _ = run("peta:boundaries_check", {"DESA": desa_layer, "JSON": work + "/mutu2.json",
                                          "PROBLEMS": "memory:"})
check(result["DESA_COUNT"] == 330 and result["KECAMATAN_COUNT"] == 24,
      "boundaries_check from a layer: 330 desa, 24 kecamatan (dissolved)")

# peta:report: the kabupaten booklet.
result, _ = run("peta:report", {"PROJECT": project_path, "LANGUAGE": 0, "OUTPUT": work + "/laporan.pdf"})
with open(work + "/laporan.pdf", "rb") as f:
    check(f.read(5) == b"%PDF-", "report: laporan.pdf is a PDF")
check(result["PAGES"] > 1, "report: %d pages" % result["PAGES"])

# peta:import, twice (nothing new the second time), then peta:status.
result, context = run("peta:import", {"PROJECT": store_project, "DATE": "2026-03-01", "LOAD": True})
check(result["NEW"] == 4944 and result["REJECTED"] == 56, "import: 4944 new, 56 rejected (%s, %s)" %
      (result["NEW"], result["REJECTED"]))
store_layers = list(context.layersToLoadOnCompletion())
check(len(store_layers) == 1 and count(store_layers[0]) == 4944, "import: the store's temuan layer loads (4944)")
result, _ = run("peta:import", {"PROJECT": store_project, "DATE": "2026-03-01", "LOAD": False})
check(result["NEW"] == 0 and result["UNCHANGED"] == 4944, "import again: 0 new, 4944 unchanged")
with open(work + "/temuan_contoh.csv", encoding="utf-8") as f:
    f.readline()
    first_id = f.readline().split(",")[0]
result, _ = run("peta:status", {"PROJECT": store_project, "IDS": first_id + " TIDAK-ADA", "STATUS": 0,
                                "NOTE": "dicek", "WHO": "dinas", "DATE": "2026-03-02"})
check(result["APPLIED"] == 1 and result["REFUSED"] == 1,
      "status: 1 applied, 1 refused (%s, %s)" % (result["APPLIED"], result["REFUSED"]))

plugin.unload()
check(registry.providerById("peta") is None, "the provider is removed on unload")
# Let go of every layer and of Processing before QGIS exits (a layer still held when exitQgis() runs crashes
# the interpreter's teardown).
loaded.clear()
del problems, desa_layer, context, result, to_load
QgsProject.instance().clear()
Processing.deinitialize()
app.exitQgis()
print("%d failed (outputs kept in %s)" % (len(failures), work) if failures else "all passed")
if not failures:
    shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failures else 0)
