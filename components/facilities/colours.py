"""One colour per facility status, shared by the matrix and the map (with the word, never alone)."""

STATUS_COLOURS = {
    "missing": "#D55E00",
    "planned": "#56B4E9",
    "under_construction": "#E69F00",
    "in_use": "#009E73",
}
# Cell backgrounds: light tints of the same colours, so dark text stays readable.
STATUS_TINTS = {
    "missing": "#F9D7C4",
    "planned": "#D6ECFA",
    "under_construction": "#FBE7C0",
    "in_use": "#CDEBDF",
}
PHASE_COLOURS = {
    "design": "#56B4E9",
    "demolition": "#CC79A7",
    "construction": "#E69F00",
    "completed": "#0072B2",
    "in_use": "#009E73",
}
