"""Words every map shares (components.maps)."""

STRINGS = {
    "map.scale": ("比例尺（按打开时的缩放）", "Scale at the opening zoom"),
}
