"""The reference page the browser benchmarks measure the dashboard against, served in the same run:
one Altair chart and one offline pydeck map of 138 points (no basemap, nothing fetched), about
what a plain Streamlit page with a chart and a map costs on this machine; its sidebar filter
plays the community filter.

    streamlit run bench/reference_page.py
"""

import altair as alt
import numpy as np
import pandas as pd
import pydeck as pdk
import streamlit as st

rng = np.random.default_rng(2022)
months = pd.DataFrame(
    {"month": [f"2022-{m:02d}" for m in range(1, 13)], "value": rng.integers(50, 500, 12)}
)
points = pd.DataFrame(
    {
        "lon": 87.6 + rng.normal(0, 0.03, 138),
        "lat": 43.8 + rng.normal(0, 0.02, 138),
        "size": rng.integers(20, 200, 138),
        "group": [f"C{i % 6}" for i in range(138)],
    }
)
# The counterpart of the dashboard's community filter: the benchmark changes it and times the rerun.
chosen = st.sidebar.multiselect("Community", sorted(points["group"].unique()))
if chosen:
    points = points[points["group"].isin(chosen)]
    months["value"] = months["value"] * len(chosen) // 6

st.title("Reference")
st.altair_chart(
    alt.Chart(months).mark_bar().encode(x="month:O", y="value:Q"), use_container_width=True
)
st.pydeck_chart(
    pdk.Deck(
        map_provider=None,
        initial_view_state=pdk.ViewState(latitude=43.8, longitude=87.6, zoom=10),
        layers=[
            pdk.Layer(
                "ScatterplotLayer",
                data=points,
                get_position="[lon, lat]",
                get_radius="size",
                get_fill_color=[200, 30, 0, 160],
                pickable=True,
            )
        ],
    )
)
