"""People: names drawn by how common Chinese surnames are, and resident ID numbers.

Surname weights follow the national frequencies (per cent of the population, rounded): the ten
commonest cover about 40%, 王 about 7%; the long tail beyond the list gets the rest. ID numbers
follow GB 11643 with a random three-digit sequence (odd for men, even for women), unique in the
county.
"""

from __future__ import annotations

import datetime as dt
import random

from data_access.idcard import make_id_number
from data_access.sample.spec import REGION

# (surname, per cent of the population): the hundred commonest.
_COMMON = (
    ("王", 7.1), ("李", 7.0), ("张", 6.7), ("刘", 5.4), ("陈", 4.5), ("杨", 3.1), ("赵", 2.3),
    ("黄", 2.1), ("周", 1.7), ("吴", 1.6), ("徐", 1.3), ("孙", 1.3), ("马", 1.3), ("胡", 1.2),
    ("朱", 1.2), ("郭", 1.2), ("何", 1.1), ("罗", 0.9), ("高", 1.1), ("林", 1.0), ("郑", 0.8),
    ("梁", 0.8), ("谢", 0.8), ("宋", 0.7), ("唐", 0.7), ("许", 0.6), ("韩", 0.7), ("邓", 0.6),
    ("冯", 0.6), ("曹", 0.6), ("彭", 0.5), ("曾", 0.5), ("肖", 0.5), ("田", 0.5), ("董", 0.5),
    ("潘", 0.4), ("袁", 0.5), ("蔡", 0.4), ("蒋", 0.4), ("余", 0.4), ("于", 0.5), ("杜", 0.4),
    ("叶", 0.4), ("程", 0.4), ("魏", 0.4), ("苏", 0.4), ("吕", 0.4), ("丁", 0.4), ("任", 0.4),
    ("卢", 0.3), ("姚", 0.3), ("沈", 0.3), ("钟", 0.3), ("姜", 0.3), ("崔", 0.3), ("谭", 0.3),
    ("陆", 0.3), ("范", 0.3), ("汪", 0.3), ("廖", 0.3), ("石", 0.3), ("金", 0.3), ("韦", 0.3),
    ("贾", 0.3), ("夏", 0.3), ("付", 0.3), ("方", 0.3), ("邹", 0.2), ("熊", 0.2), ("白", 0.2),
    ("孟", 0.2), ("秦", 0.2), ("邱", 0.2), ("侯", 0.2), ("江", 0.2), ("尹", 0.2), ("薛", 0.2),
    ("闫", 0.2), ("段", 0.2), ("雷", 0.2), ("龙", 0.2), ("黎", 0.2), ("史", 0.2), ("陶", 0.2),
    ("贺", 0.2), ("毛", 0.2), ("郝", 0.2), ("顾", 0.2), ("龚", 0.2), ("邵", 0.2), ("万", 0.2),
    ("覃", 0.2), ("武", 0.2), ("钱", 0.2), ("戴", 0.2), ("严", 0.2), ("莫", 0.1), ("孔", 0.1),
    ("向", 0.1), ("常", 0.2),
)  # fmt: skip
# The long tail: many rarer surnames share what the hundred commonest leave (about 13%).
_RARE = "汤易乔康牛樊殷温柳鲁岳祁蒲芦安焦耿苟包左景牟车冉窦米慕党晏甘单柴宁苗火裴巩庞喻"
SURNAMES = tuple(s for s, _ in _COMMON) + tuple(
    dict.fromkeys(c for c in _RARE if c not in dict(_COMMON))
)
SURNAME_WEIGHTS = tuple(w for _, w in _COMMON) + (13.0 / (len(SURNAMES) - len(_COMMON)),) * (
    len(SURNAMES) - len(_COMMON)
)

GIVEN_M = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林建国志文德胜海亮永学晨东红兵"
GIVEN_F = "芳娜敏静丽艳娟霞秀玲桂英兰红梅琳燕萍雪慧婷倩颖晶洁佳欣悦蓉琴莉瑶凤翠玉珍花春"


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def birth_for_age(rng: random.Random, age: int, on: dt.date) -> dt.date:
    """A birth date that makes a person exactly `age` on `on`."""
    latest = on.replace(year=on.year - age) if (on.month, on.day) != (2, 29) else on
    earliest = latest.replace(year=latest.year - 1) + dt.timedelta(days=1)
    return random_date(rng, earliest, latest)


class People:
    """Draws names and unique ID numbers for everyone in the sample county."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._ids: set[str] = set()
        self._public: set[str] = set()

    def name(self, male: bool, public: bool = False) -> str:
        """A name. `public`: a person named in the open data (a grid worker), whose name nobody
        in the personal records shares, so a masked export cannot seem to leak it."""
        chars = GIVEN_M if male else GIVEN_F
        while True:
            given = self.rng.choice(chars) + (
                self.rng.choice(chars) if self.rng.random() < 0.7 else ""
            )
            name = self.rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0] + given
            if name not in self._public:
                break
        if public:
            self._public.add(name)
        return name

    def id_number(self, birth: dt.date, male: bool) -> str:
        """A valid ID number, the sequence drawn at random (no two people share one)."""
        while True:
            number = make_id_number(REGION, birth, self.rng.randint(1, 998), male)
            if number not in self._ids:
                self._ids.add(number)
                return number
