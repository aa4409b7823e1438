"""会议汇报: the dashboard on the projector — one topic per screen, the current filters written on
each, next / previous with the arrow keys — and what to take away: the deck (PPTX, PDF), the
tables (XLSX), the charts (PNG) and the drafted work summary (on screen and DOCX).

Layout only: figures come from snapshots through components.review.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

from components.filters import current_filters
from components.i18n import t
from components.review import screen as ui
from components.shell import page_header

f = current_filters()
shown = ui.current_screen()
page_header(t("review.title") + " · " + ui.screen_title(shown), t("review.subtitle"), f)
shown = ui.navigation()

if shown == "summary":
    ui.summary(f)
else:
    ui.topic_cards(shown, f)
    ui.ranking(shown, f)
    ui.topic_table(shown, f)

ui.jump()
ui.exports(f, shown)
ui.share()
