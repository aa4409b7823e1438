"""A chart in words: the Vega-Lite `description` of an Altair chart, read from its own data — what
it shows and its highest and lowest values — for a screen reader (Vega puts it on the chart's
element as its accessible name) and for anyone who cannot tell bar lengths apart.

No Streamlit here: `components.rendered.chart` calls it for every chart a page draws.
"""

from __future__ import annotations

import logging

import altair as alt
import pandas as pd

from data_access.text import numbers
from data_access.text import t as text_in

_LOG = logging.getLogger(__name__)
_CATEGORY_TYPES = ("nominal", "ordinal", "temporal")


def _parts(chart: alt.TopLevelMixin) -> list:
    """The chart and, for a layered chart, its layers (the first with data and x/y wins)."""
    return [chart, *getattr(chart, "layer", [])]


def _field(channel, data: pd.DataFrame) -> dict:
    """{'field', 'type', 'aggregate', 'title', 'format'} of an encoding channel (empty if none)."""
    if channel is alt.Undefined or channel is None:
        return {}
    d = channel.to_dict(validate=False) if hasattr(channel, "to_dict") else dict(channel)
    if "shorthand" in d:
        d = {**alt.utils.parse_shorthand(d.pop("shorthand"), data), **d}
    axis = d.get("axis") or {}
    d["format"] = axis.get("format") if isinstance(axis, dict) else None
    return d


def _title(d: dict, lang: str, fallback: str | None = None) -> str:
    """A channel's title; without one the chart's own title, else 'values' (never a column name)."""
    title = d.get("title")
    if isinstance(title, str) and title:
        return title
    return fallback or text_in("chart.desc.values", lang)


def _chart_title(chart: alt.TopLevelMixin) -> str | None:
    title = getattr(chart, "title", alt.Undefined)
    text = getattr(title, "text", title)
    return text if isinstance(text, str) and text else None


def _value_text(value: float, fmt: str | None) -> str:
    if fmt and "%" in fmt:
        return numbers.percent(value, 0 if ".0%" in fmt else 1)
    decimals = 0 if float(value).is_integer() else 1
    return numbers.plain(value, decimals)


def _name(row: pd.Series, cats: list[dict]) -> str:
    """The category of a row ('甲社区 · 2022-03'; on a curve '<x title> 700')."""
    return " · ".join(
        f"{c['prefix']} {_value_text(row[c['field']], c.get('format'))}"
        if "prefix" in c
        else str(row[c["field"]])
        for c in cats
    )


def description(chart: alt.TopLevelMixin, lang: str) -> str | None:
    """'Chart: <measure> by <category>, n items. Highest: …; lowest: ….' from the chart's data;
    None when no layer has a data frame with one quantity and at least one category."""
    for part in _parts(chart):
        data = getattr(part, "data", alt.Undefined)
        if not isinstance(data, pd.DataFrame):
            data = getattr(chart, "data", alt.Undefined)
        enc = getattr(part, "encoding", alt.Undefined)
        if not isinstance(data, pd.DataFrame) or data.empty or enc is alt.Undefined:
            continue
        channels = [_field(getattr(enc, c, alt.Undefined), data) for c in ("x", "y", "color")]
        x, y = channels[0], channels[1]
        if x.get("type") == y.get("type") == "quantitative":  # a curve: y's extremes at which x
            quantity, cats = y, [{**x, "type": "nominal", "prefix": _title(x, lang)}]
        else:
            quantity = next((c for c in (x, y) if c.get("type") == "quantitative"), None)
            # A colour that is the mark's own paint (scale None) is not a category of the data.
            cats = [
                c
                for c in channels
                if c.get("type") in _CATEGORY_TYPES and c.get("field") and c.get("scale", 1)
            ]
        if quantity is None or not quantity.get("field") or not cats:
            continue
        if "axis" in quantity and quantity["axis"] is None:  # a layout position, not a measure
            continue
        cats = list({c["field"]: c for c in cats}.values())  # bars coloured by their own axis
        fields = [c["field"] for c in cats]
        if not all(f in data.columns for f in fields) or quantity["field"] not in data.columns:
            continue
        values = data[[*fields, quantity["field"]]].dropna(subset=[quantity["field"]])
        if quantity.get("aggregate") == "sum":  # a stacked bar: its total per category
            values = values.groupby(fields[0], as_index=False, sort=False)[quantity["field"]].sum()
            fields, cats = fields[:1], cats[:1]
        if values.empty:
            continue
        top = values.loc[values[quantity["field"]].idxmax()]
        low = values.loc[values[quantity["field"]].idxmin()]
        by = next((c["title"] for c in cats if isinstance(c.get("title"), str) and c["title"]), "")
        measure = _title(quantity, lang, _chart_title(chart))
        what = text_in("chart.desc.what_by", lang, measure=measure, by=by) if by else measure
        fmt = quantity.get("format")
        head = text_in("chart.desc", lang, what=what, n=len(values))
        if top[quantity["field"]] == low[quantity["field"]]:
            value = _value_text(top[quantity["field"]], fmt)
            return head + text_in("chart.desc.same", lang, value=value)
        return head + text_in(
            "chart.desc.extremes",
            lang,
            top=_name(top, cats),
            top_value=_value_text(top[quantity["field"]], fmt),
            low=_name(low, cats),
            low_value=_value_text(low[quantity["field"]], fmt),
        )
    return None


def described(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """The chart with its description (unchanged when it has one or none can be read)."""
    if getattr(chart, "description", alt.Undefined) is not alt.Undefined:
        return chart
    try:
        text = description(chart, lang)
    except (KeyError, ValueError, TypeError):  # words are extra: never lose the chart for them
        _LOG.warning("no description for a chart", exc_info=True)
        return chart
    return chart if text is None else chart.properties(description=text)
