"""Charts as PNG, rendered offline by vl-convert (no browser, no network). The chart font names
Noto Sans CJK SC among its families, so Chinese renders where fonts-noto-cjk is installed (and
Microsoft YaHei on a Windows PC)."""

from __future__ import annotations

import functools
import json

import vl_convert as vlc


@functools.lru_cache(maxsize=64)
def _png(spec_json: str, scale: float) -> bytes:
    return vlc.vegalite_to_png(spec_json, scale=scale)


def chart_png(spec: dict, scale: float = 2.0) -> bytes:
    """A vega-lite spec as PNG bytes."""
    return _png(json.dumps(spec, sort_keys=True, ensure_ascii=False), scale)
