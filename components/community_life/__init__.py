"""The 志愿·为老·平安 page's widgets, cards, charts, tables and map."""

from components.community_life.disputes import disputes
from components.community_life.elderly import elderly
from components.community_life.honours import honours
from components.community_life.team import team
from components.community_life.volunteers import volunteers

__all__ = ["disputes", "elderly", "honours", "team", "volunteers"]
