"""The status matrix of "六室三站一场": communities × required kinds, each cell coloured and
labelled by its status, area, department and date in the cell's tooltip; completeness per
community at the row's end, and the rule it is measured by under the table."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from components.data import query
from components.device import is_mobile
from components.facilities.colours import STATUS_COLOURS, STATUS_TINTS
from components.i18n import fig, label, lang, org, t
from components.rendered import rendered_or_note
from data_access.facilities import status as facility_status
from data_access.filters import Filters


def kind_name(row) -> str:
    return row.name_en if lang() == "en" else row.name_zh


def _tip(row) -> str:
    lines = [f"{kind_name(row)} · {label('facility_status', row.status)}"]
    if row.area_m2 is not None and not pd.isna(row.area_m2):
        lines.append(t("fac.matrix.tip.area", area=fig(row.area_m2, "m2")))
    if row.responsible_dept:
        lines.append(t("fac.matrix.tip.dept", dept=org(row.responsible_dept)))
    if row.in_use_since is not None and not pd.isna(row.in_use_since):
        lines.append(t("fac.matrix.tip.since", date=str(row.in_use_since)))
    return "\n".join(lines)


def _cell(row) -> str:
    tint, colour = STATUS_TINTS[row.status], STATUS_COLOURS[row.status]
    return (
        f'<td class="fac-cell" data-kind="{html.escape(row.kind)}" data-status="{row.status}" '
        f'title="{html.escape(_tip(row)).replace(chr(10), "&#10;")}" style="background:{tint};'
        f'border-left:4px solid {colour};padding:6px 8px;font-size:14px;white-space:nowrap">'
        f"{html.escape(label('facility_status', row.status))}</td>"
    )


def matrix_html(m: pd.DataFrame, shares: pd.DataFrame) -> str:
    kinds = m.drop_duplicates("kind")
    head = "".join(
        f'<th style="padding:6px 8px;font-size:13px;font-weight:600;text-align:left">'
        f"{html.escape(kind_name(k))}</th>"
        for k in kinds.itertuples(index=False)
    )
    share_of = dict(zip(shares["community_code"], shares.itertuples(index=False), strict=True))
    body = []
    for code, part in m.groupby("community_code", sort=True):
        s = share_of[code]
        cells = "".join(_cell(r) for r in part.itertuples(index=False))
        body.append(
            f'<tr><th style="padding:6px 8px;text-align:left;white-space:nowrap">'
            f"{html.escape(s.community)}</th>{cells}"
            f'<td class="fac-share" style="padding:6px 8px;font-weight:700;min-width:7em">'
            f"{t('fac.matrix.share', share=fig(s.share, 'share'), n=s.in_use, of=s.required)}</td></tr>"
        )
    return (
        '<div style="overflow-x:auto"><table class="fac-matrix" style="border-collapse:separate;'
        'border-spacing:2px;width:100%">'
        f'<thead><tr><th style="text-align:left;padding:6px 8px">{t("fac.matrix.community")}</th>'
        f'{head}<th style="text-align:left;padding:6px 8px">{t("fac.matrix.completeness")}</th>'
        f"</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def matrix_list_html(m: pd.DataFrame, shares: pd.DataFrame) -> str:
    """The matrix as a list for a phone: per community its completeness, then the kinds grouped
    by status (in the order of the legend), so nothing is wider than the screen."""
    share_of = dict(zip(shares["community_code"], shares.itertuples(index=False), strict=True))
    blocks = []
    for code, part in m.groupby("community_code", sort=True):
        s = share_of[code]
        lines = []
        for status, colour in STATUS_COLOURS.items():
            rows = part[part["status"] == status]
            if rows.empty:
                continue
            names = t("common.list_sep").join(kind_name(r) for r in rows.itertuples(index=False))
            lines.append(
                f'<div class="fac-status-line" data-status="{status}" style="margin:4px 0;'
                f'padding:4px 8px;background:{STATUS_TINTS[status]};border-left:4px solid {colour}">'
                f"<b>{html.escape(t('fac.matrix.status_count', status=label('facility_status', status), n=len(rows)))}</b> "
                f"{html.escape(names)}</div>"
            )
        share = t("fac.matrix.share", share=fig(s.share, "share"), n=s.in_use, of=s.required)
        blocks.append(
            f'<div class="fac-community" style="margin:10px 0 14px">'
            f'<div style="font-weight:700">{html.escape(s.community)}{t("common.caption_sep")}{share}</div>'
            f"{''.join(lines)}</div>"
        )
    return "".join(blocks)


def _matrix(f: Filters, as_list: bool = False) -> tuple[str, int] | None:
    """The matrix's HTML (a list on a phone) and its number of kinds; None when there is
    nothing to show."""
    m = query(facility_status.matrix, f)
    if m.empty:
        return None
    shares = query(facility_status.completeness, f)
    made = matrix_list_html(m, shares) if as_list else matrix_html(m, shares)
    return made, int(m["kind"].nunique())


def status_matrix(f: Filters) -> None:
    """The matrix, its legend and its rule."""
    made = rendered_or_note(_matrix, f, is_mobile(), empty=t("fac.matrix.empty"))
    if made is None:
        return
    table, kinds = made
    st.markdown(table, unsafe_allow_html=True)
    legend = " ".join(
        f'<span style="display:inline-block;margin-right:14px;font-size:13px">'
        f'<span style="display:inline-block;width:12px;height:12px;background:{STATUS_TINTS[s]};'
        f'border-left:4px solid {c};vertical-align:middle;margin-right:4px"></span>'
        f"{html.escape(label('facility_status', s))}</span>"
        for s, c in STATUS_COLOURS.items()
    )
    st.markdown(legend, unsafe_allow_html=True)
    hover = "" if is_mobile() else t("fac.matrix.rule.hover")  # a phone has no pointer
    st.caption(t("fac.matrix.rule", n=kinds) + hover)
