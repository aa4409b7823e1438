"""The service-point page's state: service type, radius, what-if sites and closures, number of
suggestions and what they maximise, and the widgets' callbacks that change it.

It lives in one frozen `PageState`, kept by components.page_state in the session and the URL (the
parameters are declared in components.registry.SERVICE_POINTS), so a scenario can be shared as a
link and survives reruns and page switches. Invalid values are dropped with a notice
(`add_url_notice`), never a traceback. Widgets are keyed separately and copy their value into
the state in their callbacks.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components import page_state
from components.data import query
from components.i18n import t
from components.service_points.formatting import ALL
from components.url import add_url_notice, bad_value
from data_access.service_points import queries as sp
from data_access.service_points import sites as sp_sites
from data_access.service_points.coverage_queries import Scenario

MEASURES = {"hh": "households", "60": "residents_60_plus"}  # URL code → coverage measure
DEFAULT_RADIUS, DEFAULT_K = 500, 3

COORD_ERROR = "_sp_coord_error"
W_TYPE, W_RADIUS, W_ADD, W_CLOSE = "spw_type", "spw_radius", "spw_add", "spw_close"
W_K, W_MEASURE, W_LAT, W_LON = "spw_k", "spw_measure", "spw_lat", "spw_lon"
W_MODE, W_AREA = "spw_mode", "spw_area"
AREA_ALL, AREA_NONE = "all", "none"  # walking-time areas from every point of the type, or none
# PageState field → URL parameter of the page registry (components.registry.SERVICE_POINTS).
_PARAMS = {"sp_type": "sp_type", "radius": "sp_r", "added": "sp_add", "closed": "sp_close",
           "k": "sp_k", "measure": "sp_w", "mode": "sp_mode", "area": "sp_area"}  # fmt: skip


@dataclass(frozen=True)
class PageState:
    sp_type: str = ALL
    radius: int = DEFAULT_RADIUS
    added: tuple[str, ...] = ()  # compound ids and 'lat,lon' sites
    closed: tuple[str, ...] = ()  # point ids
    k: int = DEFAULT_K
    measure: str = "households"
    mode: str = "line"  # 'line' (straight) or 'walk' (along streets)
    area: str = AREA_ALL  # walking-time areas: 'all', 'none' or one point's id

    @property
    def types(self) -> tuple[str, ...]:
        return (self.sp_type,) if self.sp_type else ()


def current() -> PageState:
    s = page_state.state()
    return PageState(
        s["sp_type"], s["sp_r"], tuple(s["sp_add"]), tuple(s["sp_close"]), s["sp_k"],
        MEASURES[s["sp_w"]], s["sp_mode"], s["sp_area"] or AREA_ALL,
    )  # fmt: skip


def update(**changes) -> None:
    codes = {m: c for c, m in MEASURES.items()}
    page_state.update(**{_PARAMS[k]: codes[v] if k == "measure" else v for k, v in changes.items()})


def load_state() -> PageState:
    """The page state (read from the URL by components.page_state); a scenario without a type
    (from an edited link) is dropped with a notice."""
    state = current()
    if (state.added or state.closed) and not state.sp_type:
        for key, values in (("sp_add", state.added), ("sp_close", state.closed)):
            for value in values:
                add_url_notice(bad_value(key, value, t("sp.url.needs_type")))
        update(added=(), closed=())
    return current()


def drop_rejected(scenario: Scenario | None) -> None:
    """What-if sites or closures that do not exist (a stale or edited link): drop them, say so."""
    if scenario is None or not scenario.rejected:
        return
    state = current()
    added, closed = list(state.added), list(state.closed)
    for key, value, reason in scenario.rejected:
        add_url_notice(bad_value(key, value, t(f"sp.reason.{reason}")))
        if key == "sp_add" and value in added:
            added.remove(value)
        if key == "sp_close" and value in closed:
            closed.remove(value)
    update(added=tuple(added), closed=tuple(closed))
    st.rerun()


# ------------------------------------------------------------------------------ callbacks


def on_type() -> None:
    # A scenario belongs to one type: switching type starts afresh (a chosen point's walking area
    # too).
    area = current().area
    update(
        sp_type=st.session_state[W_TYPE],
        added=(),
        closed=(),
        area=area if area in (AREA_ALL, AREA_NONE) else AREA_ALL,
    )
    st.session_state.pop(COORD_ERROR, None)


def on_radius() -> None:
    update(radius=int(st.session_state[W_RADIUS]))


def on_add() -> None:
    coordinates = [a for a in current().added if "," in a]
    update(added=tuple(dict.fromkeys([*st.session_state[W_ADD], *coordinates])))


def on_close() -> None:
    update(closed=tuple(st.session_state[W_CLOSE]))


def on_add_coordinates() -> None:
    try:
        lat, lon = sp_sites.parse_coordinates(
            st.session_state.get(W_LAT, ""),
            st.session_state.get(W_LON, ""),
            query(sp.county_bounds),
        )
    except sp_sites.SiteError as err:
        st.session_state[COORD_ERROR] = err.reason
        return
    st.session_state.pop(COORD_ERROR, None)
    st.session_state[W_LAT] = st.session_state[W_LON] = ""
    key = sp_sites.coordinates_key(lat, lon)
    update(added=tuple(dict.fromkeys([*current().added, key])))


def remove_site(key: str) -> None:
    update(added=tuple(a for a in current().added if a != key))


def clear() -> None:
    update(added=(), closed=())
    st.session_state.pop(COORD_ERROR, None)


def adopt(ids: tuple[str, ...]) -> None:
    update(added=tuple(dict.fromkeys([*current().added, *ids])))


def on_k() -> None:
    update(k=int(st.session_state[W_K]))


def on_measure() -> None:
    update(measure=st.session_state[W_MEASURE])


def on_mode() -> None:
    update(mode=st.session_state[W_MODE])


def on_area() -> None:
    update(area=st.session_state[W_AREA])
