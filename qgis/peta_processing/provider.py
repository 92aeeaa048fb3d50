"""The peta Processing provider: the algorithms build, import, status, report and boundaries_check."""
from qgis.core import QgsProcessingProvider

from . import runner
from .algorithms import (BoundariesCheckAlgorithm, BuildAlgorithm, ImportAlgorithm, ReportAlgorithm,
                         StatusAlgorithm)


class PetaProvider(QgsProcessingProvider):
    def id(self):
        return "peta"

    def name(self):
        return "peta"

    def longName(self):  # noqa: N802 (QGIS's name)
        return "peta: peta permasalahan dan potensi desa"

    def load(self):
        runner.add_settings(self)
        return super().load()

    def unload(self):
        runner.remove_settings()
        super().unload()

    def loadAlgorithms(self):  # noqa: N802
        for algorithm in (BuildAlgorithm(), ImportAlgorithm(), StatusAlgorithm(), ReportAlgorithm(),
                          BoundariesCheckAlgorithm()):
            self.addAlgorithm(algorithm)
