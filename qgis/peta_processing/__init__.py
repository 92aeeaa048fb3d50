"""The peta Processing provider as a QGIS plugin (Plugins > Install from ZIP: scripts/qgis-plugin-zip.sh)."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import PetaPlugin
    return PetaPlugin(iface)
