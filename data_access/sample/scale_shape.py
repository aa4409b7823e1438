"""How each pair of communities of the synthetic county (`scale`) differs from the sample's two.

The sample county has 7 grids, 33 compounds and 73 service points a community; a city has more
and its communities differ in size. For each pair, `pair_specs` resizes the sample's two
communities (households, people and the counts that go with them by one factor), gives them 8–10
grids and more points; `pair_compound_names` gives them about 50 compound names each; `sample_as`
runs the sample generator with them (same codes, so its tables keyed by community still apply).
"""

from __future__ import annotations

import contextlib
import dataclasses
import random
import sys

from data_access.sample import area
from data_access.sample import spec as sample_spec
from data_access.sample.spec import COMMUNITIES, CommunitySpec

STEMS = (
    "东关", "西关", "南街", "北街", "新华", "人民", "建设", "文化", "和平", "幸福", "朝阳", "滨河",
    "团结", "胜利", "解放", "光明", "民主", "红星", "东风", "青年", "育才", "长乐", "安居", "振兴",
    "丰收", "前进", "繁荣", "富民", "兴隆", "康乐", "鼓楼", "钟楼", "府前", "柳园", "翠湖", "锦绣",
    "金桥", "银河", "新城", "古城", "龙泉", "凤山", "花园", "广场", "站前", "河畔", "园林", "书院",
)  # fmt: skip
# Compound names for the pairs: the sample's own and more of the same kind.
NAME_STEMS = STEMS + (
    "金色", "阳光", "惠民", "和谐", "盛世", "怡景", "丰泽", "旭日", "紫荆", "银杏", "梧桐", "香樟",
    "春晖", "秋实", "华府", "御景", "星河", "碧水", "桃园", "梨园",
)  # fmt: skip
NAME_ENDINGS = ("小区", "家园", "花园", "新村", "苑", "家属院", "嘉园", "家属楼")
# The pair's two communities vary around the sample's: size by this factor, grids 8–10, about 50
# compounds and 100 points each (the sample: 7 grids, 33 compounds, 73 points a community).
SIZE_RANGE = (0.75, 1.3)
POINTS_FACTOR = 1.37
COMPOUNDS_RANGE = (44, 56)


def pair_specs(rng: random.Random) -> tuple[CommunitySpec, ...]:
    """The sample's two communities, resized and with more grids, compounds' room and points."""
    specs = []
    for spec in COMMUNITIES:
        f = rng.uniform(*SIZE_RANGE)
        points = {
            kind: n if kind in ("police", "elderly_care") else round(n * POINTS_FACTOR)
            for kind, n in spec.points.items()
        }
        specs.append(
            dataclasses.replace(
                spec,
                households=round(spec.households * f),
                population=round(spec.population * f),
                grids_north=5,
                grids_south=rng.choice((4, 5, 5)),
                dibao_persons=round(spec.dibao_persons * f),
                tekun_households=round(spec.tekun_households * f),
                reemployed=round(spec.reemployed * f),
                youth_informed=round(spec.youth_informed * f),
                dibao_exits=round(spec.dibao_exits * f),
                points=points,
            )
        )
    return tuple(specs)


def pair_compound_names(rng: random.Random) -> dict[str, list[str]]:
    pool = sorted(
        {*area.COMPOUND_NAMES[COMMUNITIES[0].code], *area.COMPOUND_NAMES[COMMUNITIES[1].code]}
        | {stem + ending for stem in NAME_STEMS for ending in NAME_ENDINGS}
    )
    rng.shuffle(pool)
    out, used = {}, 0
    for spec in COMMUNITIES:
        n = rng.randint(*COMPOUNDS_RANGE)
        out[spec.code] = pool[used : used + n]
        used += n
    return out


@contextlib.contextmanager
def sample_as(specs: tuple[CommunitySpec, ...], names: dict[str, list[str]]):
    """Run the sample generator with these two communities (same codes, other figures) and
    compound names: every sample module's `COMMUNITIES`, `OLD_TOWN`, `EAST` and the area's
    `COMPOUND_NAMES`, put back afterwards."""
    replaced = {"COMMUNITIES": specs, "OLD_TOWN": specs[0], "EAST": specs[1]}
    original = {attr: getattr(sample_spec, attr) for attr in replaced}
    saved = []
    # Every module of the sample generator that holds them, apart from spec itself and us.
    skip = {sample_spec.__name__, __name__, "data_access.sample.scale"}
    modules = [
        m
        for name, m in sorted(sys.modules.items())
        if name.startswith("data_access.sample.") and name not in skip and m is not None
    ]
    try:
        for module in modules:
            for attr, value in replaced.items():
                if getattr(module, attr, None) is original[attr]:
                    saved.append((module, attr, getattr(module, attr)))
                    setattr(module, attr, value)
        saved.append((area, "COMPOUND_NAMES", area.COMPOUND_NAMES))
        area.COMPOUND_NAMES = names
        yield
    finally:
        for module, attr, value in reversed(saved):
            setattr(module, attr, value)
