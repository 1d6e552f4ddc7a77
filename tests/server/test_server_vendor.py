"""The vendored map files are the ones their README names, with their licences beside them."""
from __future__ import annotations

import hashlib
import re

from eventsift.server.app import STATIC

VENDOR = STATIC / "vendor"


def test_server_vendor_checksums_match_the_readme():
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^([0-9a-f]{64})  (\S+)$", readme, flags=re.M)
    assert len(listed) == 4
    for digest, name in listed:
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_server_vendor_licences_are_shipped():
    for name in ("leaflet", "leaflet.markercluster", "topojson-client", "world-atlas"):
        text = (VENDOR / "licenses" / f"{name}.LICENSE").read_text(encoding="utf-8")
        assert "Permission" in text or "Redistribution" in text


def test_server_vendor_files_are_package_data():
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    data = pyproject["tool"]["setuptools"]["package-data"]["eventsift.server"]
    assert "static/**/*" in data
