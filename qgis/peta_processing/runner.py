"""Finds the installed `peta` and runs it as a subprocess, its progress and messages going to the
Processing feedback, its cancellation to the process."""
import os
import re
import shutil
import subprocess
import threading

from qgis.core import QgsProcessingException

SETTING = "PETA_EXECUTABLE"


def _config():
    try:
        from processing.core.ProcessingConfig import ProcessingConfig, Setting
        return ProcessingConfig, Setting
    except ImportError:  # Processing is not loaded (should not happen inside QGIS)
        return None, None


def add_settings(provider):
    config, setting = _config()
    if config is not None:
        config.addSetting(setting(provider.name(), SETTING, "peta executable (empty: peta on the PATH)", "",
                                  valuetype=setting.FILE))
        config.readSettings()


def remove_settings():
    config, _ = _config()
    if config is not None:
        config.removeSetting(SETTING)


def executable():
    """The peta to run: the provider setting, else $PETA_EXECUTABLE, else peta on the PATH, else /usr/bin/peta."""
    config, _ = _config()
    candidates = [config.getSetting(SETTING) if config is not None else None, os.environ.get(SETTING),
                  shutil.which("peta"), "/usr/bin/peta"]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise QgsProcessingException(
        "peta is not installed: install the peta Debian package, or set its path in Settings > Options > "
        "Processing > Providers > peta")


def run(arguments, feedback, ok_codes=(0,), cwd=None):
    """Runs `peta ARGUMENTS...`; returns (exit code, stdout). Another exit code raises QgsProcessingException
    with peta's message. GDAL's terminal progress (0...10...20, before peta's output) moves the progress bar."""
    command = [executable()] + [str(a) for a in arguments]
    feedback.pushCommandInfo(" ".join(command))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    texts = {"out": "", "err": ""}

    def read(stream, key):
        # GDAL's terminal progress (0...10...20...100 - done.) comes before peta's own output.
        while True:
            chunk = stream.read1(4096)
            if not chunk:
                break
            texts[key] += chunk.decode("utf-8", "replace")
            head = texts[key][:256]
            if "{" not in head:
                numbers = re.findall(r"(\d+)\.\.\.?", head[-64:])
                if numbers:
                    feedback.setProgress(min(100, int(numbers[-1])))

    readers = [threading.Thread(target=read, args=(process.stdout, "out"), daemon=True),
               threading.Thread(target=read, args=(process.stderr, "err"), daemon=True)]
    for reader in readers:
        reader.start()
    while True:
        try:
            process.wait(timeout=0.25)
            break
        except subprocess.TimeoutExpired:
            if feedback.isCanceled():
                process.terminate()
                process.wait()
                raise QgsProcessingException("peta was cancelled")
    for reader in readers:
        reader.join()
    process.stdout.close()
    process.stderr.close()
    stdout = re.sub(r"^[0-9.]*( - done\.)?\n", "", texts["out"])  # the progress line, when there was one
    stderr = texts["err"]
    message = "\n".join(line for line in stderr.splitlines() if not re.fullmatch(r"[0-9. -]*(done\.)?", line.strip()))
    if process.returncode not in ok_codes:
        raise QgsProcessingException("peta %s: exit code %d\n%s%s" % (arguments[0], process.returncode, message,
                                                                      stdout[-2000:]))
    if message:
        feedback.pushInfo(message)
    return process.returncode, stdout
