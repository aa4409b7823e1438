"""The one way the browser tests act on a Streamlit page: choose an option, move a slider by its
keys, type into an input, click a button, download a file, and wait for the page to settle.

Every helper notes how many script runs the page has finished before it acts, acts, then waits
for Streamlit's own run state on the app root (`data-test-script-state` = notRunning and
`data-test-connection-state` = CONNECTED, which Streamlit 1.67 renders on `stApp`) and for the
widget to show the new value; it closes any open option list before it returns. It retries only
what is idempotent: a key press whose value did not show once the run settled is pressed again,
an option that is not shown is chosen again; a button is clicked once.

Nothing here sleeps: waits are `wait_for_function` conditions on the page.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

MAIN = '[data-testid="stMain"]'
SIDEBAR = '[data-testid="stSidebar"]'
# An open option list: a page can keep a closed one in its DOM, hidden, so only a visible one counts.
OPEN_LIST = '[role="listbox"] >> visible=true'

# Settled: the app root says the script is not running and the connection is up (Streamlit 1.67
# does not always draw "Running" in the status widget, so its root's own state decides; the widget
# is checked too), the main area has elements, and no spinner, skeleton or stale element is left.
# The number of elements is returned (0 = not settled), so a caller can also wait for it to hold
# still (bench/chromium.py).
SETTLED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return 0;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return 0;
  const main = document.querySelector('[data-testid="stMain"]');
  const n = main ? main.querySelectorAll('[data-testid="stElementContainer"]').length : 0;
  if (n === 0) return 0;
  const sw = document.querySelector('[data-testid="stStatusWidget"]');
  if (sw && /Running|Connecting/.test(sw.innerText)) return 0;
  if (document.querySelector('[data-testid="stSpinner"], [data-testid="stSkeleton"], [data-stale="true"]')) return 0;
  return n;
}"""

# Counts the runs the page has finished (the root's script state going from running to
# notRunning), so a wait can tell "the run my action caused is over" from "no run has started
# yet": a widget's change reaches the server a moment after the event, and until then the root
# still says notRunning.
ARM_JS = """() => {
  if (window.__stRuns === undefined) {
    window.__stRuns = 0;
    let last = null;
    const seen = () => {
      const app = document.querySelector('[data-testid="stApp"]');
      const state = app ? app.getAttribute('data-test-script-state') : null;
      if (last === 'running' && state !== 'running') window.__stRuns += 1;
      last = state;
    };
    new MutationObserver(seen).observe(document.documentElement, {
      subtree: true, childList: true, attributes: true,
      attributeFilter: ['data-test-script-state'],
    });
    seen();
  }
  return window.__stRuns;
}"""

# True once the page has been settled for `quiet` ms without its element count changing, or for
# `after` ms once a run that started after `since` has finished.
QUIET_JS = (
    """([quiet, after, since]) => {
  const settled = ("""
    + SETTLED_JS
    + """)();
  const now = performance.now();
  if (!settled) { window.__stQuietSince = null; return false; }
  if (window.__stQuietSince == null || window.__stQuietCount !== settled) {
    window.__stQuietSince = now; window.__stQuietCount = settled;
  }
  const ran = since !== null && window.__stRuns !== undefined && window.__stRuns > since;
  return now - window.__stQuietSince >= (ran ? after : quiet);
}"""
)


def arm(page) -> int:
    """The number of runs the page has finished so far (call it before acting)."""
    return page.evaluate(ARM_JS)


def wait_settled(page, quiet_ms: int = 600, timeout: float = 90, since: int | None = None) -> None:
    """Wait until Streamlit has finished running: the page settled and still for quiet_ms, or
    settled for a short while after a run that began after `since` (from arm) has ended."""
    page.evaluate("() => { window.__stQuietSince = null; }")
    page.wait_for_function(
        QUIET_JS, arg=[quiet_ms, min(quiet_ms, 250), since], polling=50, timeout=timeout * 1000
    )


def close_lists(page) -> None:
    """Close an open option list or menu (Escape), so nothing covers the page."""
    if page.locator(OPEN_LIST).count():
        page.keyboard.press("Escape")
        page.locator(OPEN_LIST).first.wait_for(state="detached")


def settle(page, since: int, quiet_ms: int = 600) -> None:
    wait_settled(page, quiet_ms=quiet_ms, since=since)
    close_lists(page)


def widget(page, kind: str, label: str, where: str = MAIN):
    """A widget of a kind (stNumberInput, stMultiSelect, stSelectbox, ...) by its label's text."""
    return page.locator(f'{where} [data-testid="{kind}"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=label)
    )


def _shown(widget_locator, option: str) -> bool:
    """Whether a select box shows `option` as its value, or a multiselect holds it as a chip."""
    if widget_locator.get_attribute("data-testid") == "stMultiSelect":
        chips = widget_locator.locator("[data-tag]")
        return option in [chips.nth(i).get_attribute("aria-label") for i in range(chips.count())]
    return widget_locator.locator('input[role="combobox"]').input_value() == option


def _open(page, widget_locator):
    """Open a select box's or multiselect's option list; the list."""
    close_lists(page)  # a list still closing would take the click that should open this one
    # The box's own "Open" chevron, as a user clicks it: a click in a select box's text field
    # only focuses it.
    chevron = widget_locator.locator('button[aria-haspopup="listbox"]')
    (chevron.first if chevron.count() else widget_locator).click()
    listbox = page.locator(OPEN_LIST).first
    try:
        listbox.wait_for(state="visible", timeout=5_000)
    except PlaywrightTimeout:  # a click can leave a select box focused but closed
        page.keyboard.press("ArrowDown")
        listbox.wait_for(state="visible")
    return listbox


def options(page, widget_locator) -> list[str]:
    """The options a select box or multiselect offers (the drawn part of a long list); the list
    is closed again."""
    listbox = _open(page, widget_locator.first)
    listbox.get_by_role("option").first.wait_for()
    shown = listbox.get_by_role("option").all_inner_texts()
    close_lists(page)
    return shown


def choose(page, widget_locator, option: str, search: str | None = None, tries: int = 3) -> None:
    """Choose `option` in a select box, or add it to a multiselect: open the list, click the
    option by its text (with `search`, typed first to filter a long list, of which only a part is
    drawn), close the list, wait for the run and for the widget to show the option."""
    widget_locator = widget_locator.first
    for _ in range(tries):
        if _shown(widget_locator, option):
            break
        since = arm(page)
        _open(page, widget_locator)
        if search:
            widget_locator.locator('input[role="combobox"]').fill(search)
        page.get_by_role("option", name=option, exact=True).first.click()
        close_lists(page)
        settle(page, since)
    assert _shown(widget_locator, option), f"{option!r} not shown after {tries} tries"


def remove_chip(page, widget_locator, option: str) -> None:
    """Take `option` out of a multiselect with its chip's ✕."""
    since = arm(page)
    widget_locator.get_by_role("button", name=f"Remove {option}").click()
    settle(page, since)
    assert not _shown(widget_locator.first, option)


def radio(scope, option: str) -> None:
    """Pick a radio option (a radio group's label) and wait for its run."""
    page = scope.page
    choice = scope.locator('[data-testid="stRadioOption"]').filter(has_text=option).first
    since = arm(page)
    choice.click()
    settle(page, since)
    assert choice.locator("input").is_checked()


def press_until(
    page, handle, key: str, target: str | Callable[[str], bool], max_presses: int = 60
) -> str:
    """Press `key` on a slider handle (an input[type=range]) one press at a time until its shown
    value (aria-valuetext) is `target` (or passes the predicate); after each press, wait for the
    value to change and the run it causes to end. A press lost in a rerun (the value back where it
    was once the run settled) is pressed again. Returns the shown value."""
    done = target if callable(target) else (lambda text: text == target)
    for _ in range(max_presses):
        before = handle.get_attribute("aria-valuetext")
        if done(before):
            return before
        since = arm(page)
        handle.focus()
        page.keyboard.press(key)
        # A press that does not show within 5 s is pressed again once the run has settled.
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(
                "([el, before]) => el.getAttribute('aria-valuetext') !== before",
                arg=[handle.element_handle(), before],
                polling=50,
                timeout=5_000,
            )
        settle(page, since)
    shown = handle.get_attribute("aria-valuetext")
    assert done(shown), f"slider shows {shown!r} after {max_presses} presses of {key}"
    return shown


def press(page, key: str) -> None:
    """A key press that reruns the page (a shortcut); waits for the run. Not retried."""
    since = arm(page)
    page.keyboard.press(key)
    settle(page, since)


def type_into(page, field, text: str, enter: bool = True, tries: int = 3) -> None:
    """Type `text` into an input as a user does (select all, type, Enter), wait for the run and
    for the input to show it; typed again if a rerun put the old value back."""
    for _ in range(tries):
        since = arm(page)
        field.click()
        field.press("Control+A")
        field.press_sequentially(text)
        if enter:
            field.press("Enter")
        settle(page, since)
        if field.input_value() == text:
            return
    assert field.input_value() == text, f"input shows {field.input_value()!r}, not {text!r}"


def type_number(page, label: str, value: int, where: str = MAIN) -> None:
    type_into(page, widget(page, "stNumberInput", label, where).locator("input"), str(value))


def number_value(page, label: str, where: str = MAIN) -> int:
    return int(widget(page, "stNumberInput", label, where).locator("input").input_value())


def click(page, target, quiet_ms: int = 600, **options) -> None:
    """Click a button, link or label (Playwright's click `options`, e.g. force=True) and wait for
    the run it causes. Not retried: a second click could do the thing twice."""
    since = arm(page)
    target.click(**options)
    settle(page, since, quiet_ms=quiet_ms)


def section(page, option: str, where: str = MAIN, quiet_ms: int = 1000) -> None:
    """Open the section `option` of a page's segmented control (components/sections.py): click
    its button once, wait for the run, then for the button to be the chosen one."""
    exact = re.compile(f"^{re.escape(option)}$")
    group = f'{where} [data-testid="stButtonGroup"]'
    click(page, page.locator(f"{group} button").filter(has_text=exact).first, quiet_ms=quiet_ms)
    chosen = page.locator(f'{group} button[aria-checked="true"]').filter(has_text=exact)
    chosen.first.wait_for(state="visible", timeout=30_000)


def click_until(page, target, shown, timeout: float = 60, **options) -> None:
    """Click once and wait until `shown` (a locator) is on the page. For actions whose outcome
    is drawn by a second run the first one asks for (`st.rerun()`: an import's 导入完成, a
    sign-out's notice): on a busy machine that run can start after the quiet period that ends
    `click`'s wait, so the outcome itself is waited for."""
    click(page, target, **options)
    shown.first.wait_for(state="visible", timeout=timeout * 1000)
    wait_settled(page)


def download(page, button, timeout: float = 60):
    """Click a download button; the Playwright Download once the page has settled again."""
    since = arm(page)
    with page.expect_download(timeout=timeout * 1000) as info:
        button.click()
    settle(page, since)
    return info.value


def download_path(page, button) -> Path:
    return Path(download(page, button).path())


# A signature of the page's layout: every element's and canvas's size; a resize is over when it
# holds for `frames` animation frames in a row.
LAYOUT_STILL_JS = """(frames) => {
  const sig = [...document.querySelectorAll('[data-testid="stElementContainer"], canvas')]
    .map(e => { const r = e.getBoundingClientRect(); return `${r.width}x${r.height}`; }).join(',');
  if (window.__stLayoutSig !== sig) { window.__stLayoutSig = sig; window.__stLayoutSame = 0; }
  else window.__stLayoutSame += 1;
  return window.__stLayoutSame >= frames;
}"""


def wait_layout_still(page, frames: int = 10) -> None:
    """Wait until charts and maps have re-measured their container (after a resize)."""
    page.evaluate("() => { window.__stLayoutSig = null; }")
    page.wait_for_function(LAYOUT_STILL_JS, arg=frames, polling="raf")


# The distinct colours of a sample of the map's (deck.gl's WebGL) canvas: what it drew.
MAP_COLOURS_JS = """() => {
  const c = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
  if (!c || !c.width || !c.height) return [];
  const copy = document.createElement('canvas');
  copy.width = c.width; copy.height = c.height;
  const ctx = copy.getContext('2d');
  ctx.drawImage(c, 0, 0);
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  const seen = new Set();
  for (let i = 0; i < d.length; i += 4 * 53) {
    if (d[i + 3] > 0) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]);
  }
  return Array.from(seen).sort();
}"""
MAP_DRAWN_JS = (
    """([least, before, frames]) => {
  const now = JSON.stringify(("""
    + MAP_COLOURS_JS
    + """)());
  if (JSON.parse(now).length < least || (before !== null && now === JSON.stringify(before))) {
    window.__stMapSig = null; return false;
  }
  if (window.__stMapSig !== now) { window.__stMapSig = now; window.__stMapSame = 0; return false; }
  window.__stMapSame += 1;
  return window.__stMapSame >= frames && JSON.parse(now);
}"""
)


def map_colours(page) -> list[str]:
    return page.evaluate(MAP_COLOURS_JS)


def wait_map_drawn(
    page, other_than: list[str] | None = None, least: int = 4, frames: int = 5
) -> list[str]:
    """Wait until the map's canvas holds at least `least` colours (deck.gl draws a moment after
    the page has settled), other than `other_than` when given (the map before a change), the same
    for `frames` frames in a row; its colours."""
    chart = page.locator('[data-testid="stDeckGlJsonChart"]').first
    chart.wait_for(state="visible")
    chart.scroll_into_view_if_needed()
    page.evaluate("() => { window.__stMapSig = null; }")
    return page.wait_for_function(
        MAP_DRAWN_JS, arg=[least, other_than, frames], polling="raf"
    ).json_value()


def expect_js(page, js: str, test: str, arg=None, timeout: float = 30):
    """Wait until the value of the page function `js` (called with `arg`) passes the JS predicate
    `test` ("n => n > 200"): what a chart or map draws a moment after the run. An AssertionError
    with the last value seen if it does not within timeout; the value otherwise."""
    try:
        return page.wait_for_function(
            f"(arg) => {{ const v = ({js})(arg); return ({test})(v) ? [v] : false; }}",
            arg=arg,
            polling=100,
            timeout=timeout * 1000,
        ).json_value()[0]
    except PlaywrightTimeout:
        raise AssertionError(f"{page.evaluate(js, arg)!r} fails {test}") from None


def still_js(page, js: str, frames: int = 10, timeout: float = 30):
    """The value of the page function `js` once it is truthy and has held for `frames` frames."""
    page.evaluate("() => { window.__stStill = null; window.__stStillN = 0; }")
    return page.wait_for_function(
        f"""() => {{
          const v = JSON.stringify(({js})());
          if (!JSON.parse(v)) {{ window.__stStill = null; return false; }}
          if (window.__stStill !== v) {{ window.__stStill = v; window.__stStillN = 0; return false; }}
          window.__stStillN += 1;
          return window.__stStillN >= {frames} && [JSON.parse(v)];
        }}""",
        polling=50,
        timeout=timeout * 1000,
    ).json_value()[0]


def goto(page, url: str) -> None:
    page.goto(url)
    arm(page)
    wait_settled(page)


def nav_to(page, title: str) -> None:
    """Click a page in the sidebar's page list and wait for it."""
    click(page, page.locator(f"{SIDEBAR} a").filter(has_text=title).first)
