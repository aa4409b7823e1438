"""会议汇报: the dashboard on the projector — one topic per screen (at 1280×720 too), the current
filters written on each, next / previous with the arrow keys — and what to take away: the deck
(PPTX, PDF), the tables (XLSX), the charts (PNG) and the drafted work summary (on screen and
DOCX).

Layout only: figures come from snapshots through components.review.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

from components.filters import current_filters
from components.review import screen as ui

f = current_filters()
ui.header(f, ui.current_screen())
shown = ui.navigation()

if shown == "summary":
    ui.summary(f)
else:
    ui.topic_screen(shown, f)

ui.footer(f)
