"""Finding figures, labels and button captions that are cut off: text wider than its box, or
outside its card."""

from __future__ import annotations

# Cards' figures, labels, changes, status words and captions, and every element inside them.
CUT_OFF_JS = """() => {
  const selector = '[data-testid="stMetricValue"], [data-testid="stMetricLabel"], '
    + '[data-testid="stMetricDelta"], [data-testid="stMetric"] [data-testid="stCaptionContainer"], '
    + '.kpi-status, [data-testid="stVerticalBlockBorderWrapper"] [data-testid="stCaptionContainer"], '
    + '[data-testid^="stBaseButton"]';
  const found = [];
  // A collapsed sidebar (a phone's default) is drawn off-screen at zero width: not cut off.
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  const hidden = sidebar && sidebar.getAttribute('data-collapsed') === 'true' ? sidebar : null;
  for (const root of document.querySelectorAll(selector)) {
    if (hidden && hidden.contains(root)) continue;
    const card = root.closest('[data-testid="stVerticalBlockBorderWrapper"], [data-testid="stGridCell"], [data-testid="stColumn"]');
    const edge = card ? card.getBoundingClientRect() : null;
    for (const el of [root, ...root.querySelectorAll('*')]) {
      // The ⓘ icon is not text; a button with help text sits inside a tooltip wrapper too.
      const icon = el.closest('[data-testid="stTooltipIcon"]') && !el.closest('[data-testid^="stBaseButton"]');
      if (!el.clientWidth || icon) continue;
      const style = getComputedStyle(el);
      const text = (el.innerText || '').trim().slice(0, 60);
      if (!text) continue;
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') {
        found.push(`${text} (text ${el.scrollWidth}px in a ${el.clientWidth}px box)`);
      } else if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) {
        found.push(`${text} (ellipsised)`);
      } else if (edge) {
        const box = el.getBoundingClientRect();
        if (box.right > edge.right + 1 || box.left < edge.left - 1 || box.bottom > edge.bottom + 1) {
          found.push(`${text} (runs over its card's border)`);
        }
      }
    }
  }
  // A card whose content is taller than the card scrolls: its last lines are hidden.
  for (const card of document.querySelectorAll('[data-testid="stVerticalBlockBorderWrapper"], [data-testid="stGridCell"]')) {
    for (const el of [card, ...card.querySelectorAll(':scope > div')]) {
      if (el.clientHeight && el.scrollHeight > el.clientHeight + 2 && getComputedStyle(el).overflowY !== 'visible') {
        found.push(`${(card.innerText || '').trim().split(String.fromCharCode(10))[0].slice(0, 40)} (card content taller than the card)`);
      }
    }
  }
  return [...new Set(found)];
}"""


def cut_off_texts(page) -> list[str]:
    """Texts of cards on the page that are cut off or cross their card's border."""
    return page.evaluate(CUT_OFF_JS)
