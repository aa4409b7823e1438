"""Unit words for the formatter (data_access.text.numbers): unit.<name>.

English cards show a bare number (their label names what is counted), so most English unit words
are used only where a sentence needs them.
"""

STRINGS = {
    "unit.points": ("个", "points"),
    "unit.persons": ("人", "persons"),
    "unit.households": ("户", "households"),
    "unit.person_times": ("人次", "person-times"),
    "unit.cadres": ("名", "cadres"),
    "unit.items": ("项", "items"),
    "unit.organisations": ("个", "organisations"),
    "unit.families": ("户", "families"),
    "unit.yuan": ("元", "yuan"),
    "unit.wan": ("万", "10k"),
    "unit.wan_yuan": ("万元", "10k yuan"),
    "unit.header": ("{label}（{unit}）", "{label} ({unit})"),
    "unit.share": ("%", "%"),
    "unit.per_1000_households": ("个/千户", "per 1,000 households"),
    "unit.pp": ("个百分点", " pp"),
    "unit.m2": ("平方米", "m²"),
    "unit.m2_per_100_households": ("㎡/百户", "m²/100 hh"),
    "unit.metres": ("米", "m"),
    "unit.activities": ("次", "activities"),
    "unit.seats": ("个", "seats"),
    "unit.days": ("天", "days"),
}
