"""Warnings about the walking network an import leaves: isolated fragments a compound's nearest
street lies on, and long door walks. They warn; the file is still imported."""

from __future__ import annotations

import csv
import io
import json

import numpy as np

from data_access.admin.users import User
from data_access.importing import run_import
from data_access.seeding import SAMPLE_DIR, seed
from data_access.service_points import walking
from data_access.service_points.walking_queries import read_network

ADMIN = User("tester", "admin")


def _lonely_spot(engine) -> tuple[float, float]:
    """A spot in the sample county more than 250 m from every street."""
    with engine.connect() as conn:
        s = read_network(conn)
    lat, lon = np.meshgrid(np.linspace(35.55, 35.60, 60), np.linspace(104.59, 104.66, 60))
    _, _, dist = walking.nearest_edges(s, lat.ravel(), lon.ravel())
    best = int(np.argmax(np.where(dist > 250, dist, 0) > 0))
    assert dist[best] > 250
    return float(lat.ravel()[best]), float(lon.ravel()[best])


def _compound_at(lat: float, lon: float) -> bytes:
    with open(SAMPLE_DIR / "compounds.csv", encoding="utf-8") as f:
        row = next(csv.DictReader(f))
    row.update(id="XQ99001", name="远处小区", lat=f"{lat:.6f}", lon=f"{lon:.6f}")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    return out.getvalue().encode()


def test_a_far_compound_warns_and_a_fragment_beside_it_warns_too(empty_engine):
    seed(empty_engine)
    lat, lon = _lonely_spot(empty_engine)
    far = run_import(empty_engine, "compounds", _compound_at(lat, lon), "c.csv", ADMIN,
                     dry_run=False)  # fmt: skip
    assert far.written and not far.problems
    assert any("1 个小区离最近的道路超过 150 米" in w for w in far.warnings)
    # A 110 m lane through it, joined to nothing: the compound now walks only along it.
    lane = [[lon - 0.0006, lat], [lon + 0.0006, lat]]
    feature = {"type": "Feature", "id": "LANE-1", "properties": {},
               "geometry": {"type": "LineString", "coordinates": lane}}  # fmt: skip
    data = json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()
    result = run_import(empty_engine, "roads", data, "lane.geojson", ADMIN)
    assert not result.problems
    text = " ".join(result.warnings)
    assert "1 组孤立的道路" in text and "1 个小区" in text
    assert "离最近的道路超过" not in text  # the lane is at its door now


def test_operating_points_without_states_are_named_after_their_import(empty_engine):
    seed(empty_engine)
    with open(SAMPLE_DIR / "service_points.csv", encoding="utf-8") as f:
        row = next(csv.DictReader(f))
    row.update(id="FW9999", name="新服务站", status="operating", closed_on="")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    result = run_import(empty_engine, "service_points", out.getvalue().encode(), "p.csv", ADMIN)
    assert not result.problems
    assert any("1 个服务点状态为“运营中”" in w for w in result.warnings)
