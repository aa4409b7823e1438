"""The languages' names as the language switcher shows them.

Each language is named in itself ("中文", "English") whatever the interface language is, so this
is one constant rather than STRINGS pairs.
"""

LANG_NAMES: dict[str, str] = {"zh": "中文", "en": "English"}
