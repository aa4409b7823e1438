"""The page registry: every page declared once — file, URL path, title, icon, its own URL
parameters and the role it needs.

app.py builds the navigation, the URL check ("unknown parameter") and the launcher's not-found
rule from this list; `components.page_state` reads and writes each page's parameters. A page
parameter is declared with a parser that turns the URL text into a value or raises `BadValue`
with the text key of the reason, so every link is validated the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from components.i18n import label, lang, t
from data_access import metrics, overview, vocab
from data_access.service_points.coverage import RADII_M
from data_access.service_points.coverage_queries import MAX_SUGGESTIONS
from data_access.text import join


class BadValue(ValueError):
    """A URL value that cannot be used; `reason` is a text key, `kwargs` fill it (a tuple is
    shown as a list in the reader's language)."""

    def __init__(self, reason: str, **kwargs: object):
        super().__init__(reason)
        self.reason = reason
        self.kwargs = kwargs


Parser = Callable[[str], object]


@dataclass(frozen=True)
class UrlParam:
    """A page's URL parameter: name, parser, default; `multiple` for repeated parameters."""

    name: str
    parse: Parser
    default: object = None
    multiple: bool = False

    def to_url(self, value: object) -> list[str]:
        """The URL text of a value ([] for the default, so links stay short)."""
        if value == self.default:
            return []
        if self.multiple:
            return [str(v) for v in value]  # type: ignore[union-attr]
        if isinstance(value, bool):
            return ["1"] if value else []
        return [str(value)]


@dataclass(frozen=True)
class PageSpec:
    file: str
    url_path: str  # "" for the default page
    title_key: str
    icon: str
    params: tuple[UrlParam, ...] = ()
    role: str = "viewer"  # who may open it (sign-in comes with data management)
    defaults: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.defaults.update({p.name: p.default for p in self.params})

    @property
    def param_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params)


# ------------------------------------------------------------------------------ parsers


SHOWN_CHOICES = 6  # a notice lists this many choices in words, then "等 N 项"


def choice(
    values: Iterable[str] | Callable[[], Iterable[str]],
    words: Callable[[str], str] | None = None,
) -> Parser:
    """One of `values`. A bad value's notice lists the choices by `words` (what the control
    shows, e.g. a metric's label), never the codes; without words it says the default is shown."""

    def parse(text: str) -> str:
        allowed = tuple(values() if callable(values) else values)
        if text not in allowed:
            if words is None:
                raise BadValue("url.reason.choice.default")
            named = tuple(words(a) for a in allowed if a)
            if len(named) > SHOWN_CHOICES:
                raise BadValue("url.reason.choice.words", allowed=_more(named))
            raise BadValue("url.reason.choice.words", allowed=named)
        return text

    return parse


def _more(named: tuple[str, ...]) -> str:
    shown = join(list(named[:SHOWN_CHOICES]), lang())
    return t("url.reason.choice.more", shown=shown, n=len(named))


def _metric_words(key: str) -> str:
    return t(f"metric.{key}.label")


def _service_type_words(code: str) -> str:
    return label("sp_type", code)


def whole_number(allowed: Iterable[int]) -> Parser:
    allowed = tuple(allowed)

    def parse(text: str) -> int:
        if not text.isdigit() or int(text) not in allowed:
            low, high = min(allowed), max(allowed)
            if len(allowed) <= 4:
                raise BadValue("url.reason.choice", allowed=tuple(str(a) for a in allowed))
            raise BadValue("url.reason.range", low=low, high=high)
        return int(text)

    return parse


def integer(text: str) -> int:
    """A whole number; its range is checked where the data is known (the 低保 what-if)."""
    try:
        number = float(text)
    except ValueError:
        raise BadValue("url.reason.integer") from None
    if not number.is_integer():
        raise BadValue("url.reason.integer")
    return int(number)


def flag(text: str) -> bool:
    if text not in ("1", "0"):
        raise BadValue("url.reason.flag")
    return text == "1"


def text(value: str) -> str:
    if not value.strip():
        raise BadValue("url.reason.empty")
    return value.strip()


# ------------------------------------------------------------------------------ the pages


def _overview_metrics() -> tuple[str, ...]:
    trend = tuple(m.key for m in metrics.all_metrics() if m.trend)
    return tuple(dict.fromkeys(overview.CARDS + trend))


OVERVIEW = PageSpec(
    "pages/overview.py",
    "",
    "nav.overview",
    ":material/dashboard:",
    params=(
        UrlParam("metric", choice(_overview_metrics, _metric_words), overview.CARDS[0]),
        UrlParam("per1000", flag, False),
    ),
)
SERVICE_POINTS = PageSpec(
    "pages/service_points.py",
    "service_points",
    "nav.service_points",
    ":material/location_on:",
    params=(
        UrlParam("sp_type", choice(("", *vocab.SERVICE_POINT_TYPES), _service_type_words), ""),
        UrlParam("sp_r", whole_number(RADII_M), 500),
        UrlParam("sp_add", text, (), multiple=True),
        UrlParam("sp_close", text, (), multiple=True),
        UrlParam("sp_k", whole_number(range(MAX_SUGGESTIONS + 1)), 3),
        UrlParam("sp_w", choice(("hh", "60")), "hh"),
        UrlParam("sp_mode", choice(("line", "walk")), "line"),
        UrlParam("sp_area", text, "all"),
    ),
)
# The sections of 社会救助 under its cards and coverage, drawn one at a time (components.sections).
WELFARE_SECTIONS = ("whatif", "trend", "breakdown", "map", "integrity", "review", "roster")

WELFARE = PageSpec(
    "pages/welfare.py",
    "welfare",
    "nav.welfare",
    ":material/volunteer_activism:",
    params=(
        UrlParam("standard", integer, None),
        UrlParam("wel_sec", choice(WELFARE_SECTIONS, lambda c: t(f"wf.{c}")), "whatif"),
    ),
)

EMPLOYMENT = PageSpec(
    "pages/employment.py",
    "employment",
    "nav.employment",
    ":material/work:",
    params=(
        UrlParam("em_map", choice(("waiting", "placed")), "waiting"),
        UrlParam("em_counts", flag, False),  # counts instead of per 1,000 residents
        UrlParam("em_target", integer, None),  # re-employment target of the what-if
        UrlParam("em_youth", integer, None),  # youth-informed target of the what-if
    ),
)

# The sections of 设施建设 under its cards and matrix, drawn one at a time (components.sections).
FACILITY_SECTIONS = ("map", "projects", "funding", "office")

FACILITIES = PageSpec(
    "pages/facilities.py",
    "facilities",
    "nav.facilities",
    ":material/domain:",
    params=(
        UrlParam("fac_by", choice(("source", "purpose")), "source"),
        UrlParam("fac_plan", choice(("on", "off")), "on"),
        UrlParam("fac_sec", choice(FACILITY_SECTIONS, lambda c: t(f"fac.{c}")), "map"),
    ),
)

COMMUNITY_LIFE = PageSpec(
    "pages/community_life.py",
    "community_life",
    "nav.community_life",
    ":material/diversity_3:",
    params=(
        UrlParam("vol", choice(("visits", "hours")), "visits"),
        UrlParam("disp_by", choice(("category", "grid")), "category"),
    ),
)

DATA_ADMIN = PageSpec(
    "pages/data_admin.py",
    "data_admin",
    "nav.data_admin",
    ":material/upload_file:",
    role="editor",
)


def _review_screens() -> tuple[str, ...]:
    from data_access.review.topics import TOPIC_KEYS

    return (*TOPIC_KEYS, "summary")


def _review_figures() -> tuple[str, ...]:
    from data_access.review.topics import TOPICS

    return tuple(dict.fromkeys(k for topic in TOPICS for k in topic.cards))


REVIEW = PageSpec(
    "pages/review.py",
    "review",
    "nav.review",
    ":material/co_present:",
    params=(
        UrlParam("topic", choice(_review_screens), "overview"),
        UrlParam(
            "rank", choice(_review_figures, _metric_words), ""
        ),  # the figure the ranking shows
    ),
)

PAGES: tuple[PageSpec, ...] = (
    OVERVIEW,
    SERVICE_POINTS,
    WELFARE,
    EMPLOYMENT,
    FACILITIES,
    COMMUNITY_LIFE,
    REVIEW,
    DATA_ADMIN,
)


# Each page drawn in sections: its file, the URL parameter of its section control and the codes
# (the first drawn by default). Tests that read all a page sends open every section.
SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    FACILITIES.file: ("fac_sec", FACILITY_SECTIONS),
    WELFARE.file: ("wel_sec", WELFARE_SECTIONS),
}


def by_path(url_path: str) -> PageSpec | None:
    return next((p for p in PAGES if p.url_path == url_path), None)
