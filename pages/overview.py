"""总览: headline cards, the communities side by side, and monthly trends."""

from components.guard import ensure_app_entry

ensure_app_entry()

from components import overview as ui
from components.attention import attention_list
from components.filters import current_filters
from components.i18n import t
from components.kpi import kpi_row
from components.shell import page_header
from data_access import overview

f = current_filters()
page_header(t("overview.title"), t("overview.subtitle"), f)
attention_list(f)
kpi_row(overview.CARDS, f)
key, per_thousand = ui.controls()
ui.comparison(f, key, per_thousand)
ui.trend(f, key)
