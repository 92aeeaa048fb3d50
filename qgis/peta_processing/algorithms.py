"""The peta algorithms of the Processing toolbox. Each runs the installed `peta` command (runner.py) with its
parameters and loads what it wrote into the current project. Labels are Indonesian with English in parentheses,
as peta's own messages are."""
import json
import os
import re

from qgis.core import (QgsDataProvider, QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsPointXY,
                       QgsCoordinateReferenceSystem, QgsProcessing, QgsProcessingAlgorithm, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingOutputFile, QgsProcessingOutputFolder,
                       QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterBoolean,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterString, QgsProcessingParameterVectorLayer, QgsProviderRegistry,
                       QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from . import runner

STATUSES = ["diverifikasi", "ditindaklanjuti", "selesai", "bukan_masalah", "duplikat", "baru"]
LANGUAGES = ["id", "en"]
# The layers of a built project's GeoPackage loaded after `build`, bottom to top.
BUILD_LAYERS = ["kabupaten", "kecamatan", "desa", "ruas", "klaster", "temuan"]


def read_project(path):
    """The project file as JSON (to find its output and store), or a clear error."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise QgsProcessingException("%s: %s" % (path, e))


def resolve(project_path, path):
    """A path of the project file, resolved against its folder as peta does (PG: sources as they are)."""
    if not path or path.startswith("PG:") or os.path.isabs(path):
        return path
    return os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(project_path)), path))


def gpkg_layers(path):
    """The vector layers of a GeoPackage, by name."""
    layer = QgsVectorLayer(path, "probe", "ogr")
    if not layer.isValid():
        return []
    return [sublayer.split(QgsDataProvider.SUBLAYER_SEPARATOR)[1] for sublayer in layer.dataProvider().subLayers()]


def load_on_completion(context, uri, name, output_name):
    details = QgsProcessingContext.LayerDetails(name, context.project(), output_name)
    context.addLayerToLoadOnCompletion(uri, details)


class PetaAlgorithm(QgsProcessingAlgorithm):
    """What every peta algorithm shares: its group, the project parameter, a fresh instance per run."""
    PROJECT = "PROJECT"

    def group(self):
        return "peta"

    def groupId(self):  # noqa: N802 (QGIS's name)
        return "peta"

    def createInstance(self):  # noqa: N802
        return type(self)()

    def add_project(self, optional=False):
        self.addParameter(QgsProcessingParameterFile(
            self.PROJECT, "Berkas proyek peta (peta project file, JSON)", behavior=QgsProcessingParameterFile.File,
            extension="json", optional=optional))


class BuildAlgorithm(PetaAlgorithm):
    THREADS, LOAD = "THREADS", "LOAD"

    def name(self):
        return "build"

    def displayName(self):  # noqa: N802
        return "Bangun proyek (build)"

    def shortHelpString(self):  # noqa: N802
        return ("peta build: places the project's findings in the desa, counts them, computes the hotspot "
                "statistics and writes every layer (GeoJSON, Shapefile, GeoPackage with styles), the rejects and "
                "the run summary into the project's output folder; then loads the GeoPackage's layers, styled.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_project()
        self.addParameter(QgsProcessingParameterNumber(
            self.THREADS, "Jumlah thread (threads; 0 = all cores)", QgsProcessingParameterNumber.Integer, 0,
            minValue=0))
        self.addParameter(QgsProcessingParameterBoolean(self.LOAD, "Muat lapisan (load the layers)", True))
        self.addOutput(QgsProcessingOutputFolder("OUTPUT_FOLDER", "Folder keluaran (output folder)"))
        self.addOutput(QgsProcessingOutputFile("GEOPACKAGE", "GeoPackage"))
        self.addOutput(QgsProcessingOutputNumber("ROWS_READ", "Baris dibaca (rows read)"))
        self.addOutput(QgsProcessingOutputNumber("PLACED", "Ditempatkan (placed)"))
        self.addOutput(QgsProcessingOutputNumber("REJECTED", "Ditolak (rejected)"))
        self.addOutput(QgsProcessingOutputString("SUMMARY", "Ringkasan (run summary, JSON)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        project = self.parameterAsFile(parameters, self.PROJECT, context)
        threads = self.parameterAsInt(parameters, self.THREADS, context)
        # Exit code 3: the counts do not add up (reported, and the layers are still written).
        code, out = runner.run(["build", project, "--json", "--progress", "--threads", threads], feedback,
                               ok_codes=(0, 3))
        summary = json.loads(out)
        total = summary["total"]
        if code == 3:
            feedback.reportError("peta build: the counts do not add up (rows read != placed + rejected)")
        gpkg = next((o for o in summary["outputs"] if o.endswith(".gpkg")), "")
        folder = os.path.dirname(gpkg or (summary["outputs"][0] if summary["outputs"] else project))
        if self.parameterAsBool(parameters, self.LOAD, context) and gpkg:
            available = gpkg_layers(gpkg)
            for name in BUILD_LAYERS:
                if name in available:
                    load_on_completion(context, "%s|layername=%s" % (gpkg, name), name, "GEOPACKAGE")
        feedback.pushInfo("%d baris dibaca, %d ditolak -> %s" % (total["rows_read"], total["rejected"], folder))
        return {"OUTPUT_FOLDER": folder, "GEOPACKAGE": gpkg, "ROWS_READ": total["rows_read"],
                "PLACED": total["rows_read"] - total["rejected"], "REJECTED": total["rejected"],
                "SUMMARY": json.dumps(summary)}


class ImportAlgorithm(PetaAlgorithm):
    FILE, SOURCE, DATE, LOAD = "FILE", "SOURCE", "DATE", "LOAD"

    def name(self):
        return "import"

    def displayName(self):  # noqa: N802
        return "Impor temuan ke penyimpanan (import)"

    def shortHelpString(self):  # noqa: N802
        return ("peta import: reads and geocodes a findings file (CSV, XLSX, GeoPackage...) as build does and "
                "adds it to the project's findings store; a re-import adds nothing, an overlapping export only its "
                "new rows. Without a file: every source of the project. Loads the store's temuan layer.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_project()
        self.addParameter(QgsProcessingParameterFile(
            self.FILE, "Berkas temuan (findings file; empty: the project's sources)",
            behavior=QgsProcessingParameterFile.File, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE, "Nama formulir/sumber (the form the file is an export of)", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DATE, "Tanggal pertama terlihat YYYY-MM-DD (first-seen date; empty: today)", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.LOAD, "Muat lapisan temuan (load the store)", True))
        for key, label in (("NEW", "Baru (new)"), ("UNCHANGED", "Tidak berubah (unchanged)"),
                           ("UPDATED", "Diperbarui (updated)"), ("REJECTED", "Ditolak (rejected)")):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString("SUMMARY", "Ringkasan (summary, JSON)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        project = self.parameterAsFile(parameters, self.PROJECT, context)
        arguments = ["import", project, "--json"]
        path = self.parameterAsFile(parameters, self.FILE, context)
        if path:
            arguments.append(path)
        for key, option in ((self.SOURCE, "--sumber"), (self.DATE, "--tanggal")):
            value = self.parameterAsString(parameters, key, context)
            if value:
                arguments += [option, value]
        code, out = runner.run(arguments, feedback, ok_codes=(0, 3))
        result = json.loads(out)
        totals = {"NEW": 0, "UNCHANGED": 0, "UPDATED": 0, "REJECTED": 0}
        for f in result["imports"]:
            totals["NEW"] += f["new"]
            totals["UNCHANGED"] += f["unchanged"]
            totals["UPDATED"] += f["updated"]
            totals["REJECTED"] += f["rejected"]
            feedback.pushInfo("%s: %d dibaca, %d baru, %d ditolak%s" % (
                f["file"], f["rows_read"], f["new"], f["rejected"],
                (" -> " + f["rejects_csv"]) if f["rejects_csv"] else ""))
        store = resolve(project, read_project(project).get("store", {}).get("path", ""))
        if self.parameterAsBool(parameters, self.LOAD, context) and store and not store.startswith("PG:"):
            load_on_completion(context, "%s|layername=temuan" % store, "temuan (penyimpanan)", "NEW")
        totals["SUMMARY"] = json.dumps(result)
        return totals


class StatusAlgorithm(PetaAlgorithm):
    IDS, STATUS, FILE, NOTE, WHO, DATE = "IDS", "STATUS", "FILE", "NOTE", "WHO", "DATE"

    def name(self):
        return "status"

    def displayName(self):  # noqa: N802
        return "Ubah status temuan (status)"

    def shortHelpString(self):  # noqa: N802
        return ("peta status: moves findings of the project's store along their life (baru -> diverifikasi -> "
                "ditindaklanjuti -> selesai, or bukan_masalah / duplikat): the ids given, or every row of a "
                "department's status file (CSV/XLSX: id, status, tanggal, catatan, oleh). Refused changes keep "
                "their reason.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_project()
        self.addParameter(QgsProcessingParameterString(
            self.IDS, "Id temuan, dipisah spasi atau koma (finding ids)", optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.STATUS, "Status baru (new status)", options=STATUSES,
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.FILE, "atau berkas status CSV/XLSX (or a status file)", behavior=QgsProcessingParameterFile.File,
            optional=True))
        self.addParameter(QgsProcessingParameterString(self.NOTE, "Catatan (note)", optional=True))
        self.addParameter(QgsProcessingParameterString(self.WHO, "Oleh (who)", optional=True))
        self.addParameter(QgsProcessingParameterString(self.DATE, "Tanggal YYYY-MM-DD (date; empty: today)",
                                                       optional=True))
        self.addOutput(QgsProcessingOutputNumber("APPLIED", "Diterapkan (applied)"))
        self.addOutput(QgsProcessingOutputNumber("REFUSED", "Ditolak (refused)"))
        self.addOutput(QgsProcessingOutputString("TEXT", "Keluaran peta (peta's output)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        project = self.parameterAsFile(parameters, self.PROJECT, context)
        arguments = ["status", project]
        status_file = self.parameterAsFile(parameters, self.FILE, context)
        ids = [i for i in re.split(r"[\s,;]+", self.parameterAsString(parameters, self.IDS, context)) if i]
        if status_file:
            arguments += ["--berkas", status_file]
        elif ids:
            arguments += ids + ["--jadi", STATUSES[self.parameterAsEnum(parameters, self.STATUS, context)]]
        else:
            raise QgsProcessingException("Isi id temuan atau berkas status (give finding ids or a status file)")
        for key, option in ((self.NOTE, "--catatan"), (self.WHO, "--oleh"), (self.DATE, "--tanggal")):
            value = self.parameterAsString(parameters, key, context)
            if value and not (status_file and key != self.DATE):
                arguments += [option, value]
        code, out = runner.run(arguments, feedback, ok_codes=(0, 3))  # 3: some changes were refused
        feedback.pushInfo(out)
        counts = re.search(r"status: (\d+) dibaca, (\d+) diterapkan, (\d+) ditolak", out)
        if not counts:
            raise QgsProcessingException("peta status: unexpected output\n" + out)
        return {"APPLIED": int(counts.group(2)), "REFUSED": int(counts.group(3)), "TEXT": out}


class ReportAlgorithm(PetaAlgorithm):
    KECAMATAN, ALL, LANGUAGE, OUTPUT = "KECAMATAN", "ALL", "LANGUAGE", "OUTPUT"

    def name(self):
        return "report"

    def displayName(self):  # noqa: N802
        return "Buklet PDF (report)"

    def shortHelpString(self):  # noqa: N802
        return ("peta report: printable A4 booklets of a built project (run build first): the kabupaten, one "
                "kecamatan, or all of them with a table of contents.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_project()
        self.addParameter(QgsProcessingParameterString(
            self.KECAMATAN, "Kecamatan, nama atau kode (one kecamatan; empty: the kabupaten)", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALL, "Kabupaten dan semua kecamatan (every booklet)", False))
        self.addParameter(QgsProcessingParameterEnum(self.LANGUAGE, "Bahasa (language)", options=LANGUAGES,
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, "Berkas PDF (PDF file)",
                                                                fileFilter="PDF (*.pdf)"))
        self.addOutput(QgsProcessingOutputNumber("PAGES", "Halaman (pages)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        project = self.parameterAsFile(parameters, self.PROJECT, context)
        out = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        arguments = ["report", project, "--out", out, "--bahasa",
                     LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]]
        kecamatan = self.parameterAsString(parameters, self.KECAMATAN, context)
        if self.parameterAsBool(parameters, self.ALL, context):
            arguments.append("--semua")
        elif kecamatan:
            arguments += ["--kecamatan", kecamatan]
        _, text = runner.run(arguments, feedback)
        feedback.pushInfo(text)
        pages = re.search(r"(\d+) halaman", text)
        return {self.OUTPUT: out, "PAGES": int(pages.group(1)) if pages else 0}


class BoundariesCheckAlgorithm(PetaAlgorithm):
    DESA, KECAMATAN, KABUPATEN, WHERE = "DESA", "KECAMATAN", "KABUPATEN", "WHERE"
    JSON, PROBLEMS = "JSON", "PROBLEMS"

    def name(self):
        return "boundaries_check"

    def displayName(self):  # noqa: N802
        return "Periksa mutu batas (boundaries check)"

    def shortHelpString(self):  # noqa: N802
        return ("peta boundaries check: overlapping desa, sliver gaps, invalid geometry, duplicate or bad codes, "
                "desa outside their kecamatan. The boundaries come from a project file or from layers (any OGR "
                "source). Writes the full report as JSON and a point layer of the overlaps and gaps to look at.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_project(optional=True)
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.DESA, "atau lapisan desa (or the desa layer)", polygons, optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.KECAMATAN, "Lapisan kecamatan (kecamatan layer; empty: dissolved from desa)", polygons,
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.KABUPATEN, "Lapisan kabupaten (kabupaten layer)", polygons, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.WHERE, "Filter atribut desa (OGR attribute filter), mis. kode_kab = '35.13'", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.JSON, "Laporan JSON (JSON report)",
                                                                fileFilter="JSON (*.json)"))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.PROBLEMS, "Masalah batas (boundary problems)", QgsProcessing.TypeVectorPoint))
        for key, label in (("DESA_COUNT", "Desa dan kelurahan"), ("KECAMATAN_COUNT", "Kecamatan"),
                           ("OVERLAPS", "Pasangan tumpang tindih (overlapping pairs)"),
                           ("GAPS", "Celah (gaps)"), ("INVALID", "Geometri tidak sah (invalid geometries)")):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString("REPORT", "Laporan (report text)"))

    def sources(self, parameters, context):
        """The desa, kecamatan and kabupaten sources: from the layers when given, else from the project."""
        def layer_source(key):
            layer = self.parameterAsVectorLayer(parameters, key, context)
            if layer is None:
                return None
            parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
            return {"path": parts.get("path") or layer.source(), "layer": parts.get("layerName") or ""}

        desa = layer_source(self.DESA)
        kecamatan, kabupaten = layer_source(self.KECAMATAN), layer_source(self.KABUPATEN)
        project = self.parameterAsFile(parameters, self.PROJECT, context)
        where, crs = self.parameterAsString(parameters, self.WHERE, context), ""
        if desa is None:
            if not project:
                raise QgsProcessingException("Isi berkas proyek atau lapisan desa (give a project file or a desa layer)")
            b = read_project(project).get("boundaries", {})
            if "desa" not in b:
                raise QgsProcessingException(project + ": no boundaries.desa")

            def from_project(level):
                s = b.get(level)
                return {"path": resolve(project, s["path"]), "layer": s.get("layer", "")} if s else None

            desa, crs = from_project("desa"), b["desa"].get("crs", "")
            where = where or b["desa"].get("where", "")
            kecamatan = kecamatan or from_project("kecamatan")
            kabupaten = kabupaten or from_project("kabupaten")
        return desa, kecamatan, kabupaten, where, crs

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        desa, kecamatan, kabupaten, where, crs = self.sources(parameters, context)
        report_json = self.parameterAsFileOutput(parameters, self.JSON, context)
        arguments = ["boundaries", "check", "--desa", desa["path"], "--json", report_json]
        if desa["layer"]:
            arguments += ["--desa-layer", desa["layer"]]
        if kecamatan:
            arguments += ["--kecamatan", kecamatan["path"]]
        if kabupaten:
            arguments += ["--kabupaten", kabupaten["path"]]
        if where:
            arguments += ["--where", where]
        if crs:
            arguments += ["--crs", crs]
        _, text = runner.run(arguments, feedback)
        feedback.pushInfo(text)
        with open(report_json, encoding="utf-8") as f:
            report = json.load(f)

        # The overlaps and gaps as points (a point inside each), for the officer to zoom to.
        fields = QgsFields()
        for name, kind in (("jenis", QVariant.String), ("luas_m2", QVariant.Double), ("kode_a", QVariant.String),
                           ("nama_a", QVariant.String), ("kode_b", QVariant.String), ("nama_b", QVariant.String),
                           ("tetangga", QVariant.String)):
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.PROBLEMS, context, fields, QgsWkbTypes.Point,
                                          QgsCoordinateReferenceSystem("EPSG:4326"))
        if sink is None:
            raise QgsProcessingException("cannot write the boundary problems layer")

        def add(kind, item, a=None, b=None, neighbours=""):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(item["point"]["lon"], item["point"]["lat"])))
            feature.setAttributes([kind, item["area_m2"], a["code"] if a else None, a["name"] if a else None,
                                   b["code"] if b else None, b["name"] if b else None, neighbours or None])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)

        for overlap in report["overlaps"]["list"]:
            add("tumpang_tindih", overlap, overlap["a"], overlap["b"])
        for gap in report["gaps"]["list"]:
            add("celah", gap, neighbours=", ".join("%s %s" % (n["code"], n["name"]) for n in gap["neighbours"]))
        counts = report["counts"]
        return {self.JSON: report_json, self.PROBLEMS: dest, "DESA_COUNT": counts["desa_and_kelurahan"],
                "KECAMATAN_COUNT": counts["kecamatan"], "OVERLAPS": report["overlaps"]["pairs"],
                "GAPS": report["gaps"]["pieces"], "INVALID": len(report["still_invalid"]), "REPORT": text}
