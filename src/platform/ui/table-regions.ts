/**
 * Every table in a page sits in a horizontal scroll region that a keyboard user can reach
 * and a screen reader can name (WCAG 2.1.1 and 4.1.2: tabindex="0", role="region",
 * aria-label from the table's caption). Done once on the rendered page, so every page and
 * every new table gets it without each page repeating the attributes.
 */
const TABLE = /<table\b[^>]*>/g;
const CONTAINER_OPEN = /<div class="utrecht-table-container">\s*$/;
const CAPTION = /^\s*<caption\b[^>]*>([\s\S]*?)<\/caption>/;

/** The caption's text as an attribute value (already escaped by the renderer; tags and quotes removed). */
function captionLabel(html: string, tableEnd: number): string {
  const m = CAPTION.exec(html.slice(tableEnd, tableEnd + 2000));
  const text = m ? m[1]!.replace(/<[^>]*>/g, '').replace(/"/g, '&quot;').replace(/\s+/g, ' ').trim() : '';
  return text || 'Tabel';
}

const regionAttributes = (label: string) => `class="utrecht-table-container vlecht-table-scroll" tabindex="0" role="region" aria-label="${label}"`;

/**
 * Gives each table's container the scroll-region attributes, or wraps a table that has no
 * container in one. Tables are not nested in our pages; a nested one is left as it is.
 * @example scrollableTables('<div class="utrecht-table-container"><table><caption>Uren</caption></table></div>')
 */
export function scrollableTables(html: string): string {
  let out = '';
  let from = 0;
  TABLE.lastIndex = 0;
  for (let m = TABLE.exec(html); m; m = TABLE.exec(html)) {
    const start = m.index;
    const label = captionLabel(html, start + m[0].length);
    const before = html.slice(from, start);
    const container = CONTAINER_OPEN.exec(before);
    if (container) {
      out += before.slice(0, container.index) + `<div ${regionAttributes(label)}>` + before.slice(container.index + '<div class="utrecht-table-container">'.length);
      from = start;
      continue;
    }
    const end = html.indexOf('</table>', start);
    const nested = html.indexOf('<table', start + 1);
    if (end < 0 || (nested >= 0 && nested < end)) continue;
    out += before + `<div ${regionAttributes(label)}>` + html.slice(start, end + 8) + '</div>';
    from = end + 8;
    TABLE.lastIndex = from;
  }
  return out + html.slice(from);
}


const NAV = /<nav\b[^>]*>[\s\S]*?<\/nav>/g;

/**
 * In every navigation block, a link to the page itself becomes plain text marked
 * aria-current="page": the menu shows where you are instead of offering the page again.
 * @example markCurrentPage('<nav><a href="/x">X</a></nav>', '/x') // '<nav><span class="vlecht-nav-current" aria-current="page">X</span></nav>'
 */
export function markCurrentPage(html: string, path: string): string {
  const href = `href="${path.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  return html.replace(NAV, (nav) => (nav.includes(href)
    ? nav.replace(/<a\b([^>]*)>([\s\S]*?)<\/a>/g, (link, attrs: string, label: string) =>
      (attrs.includes(href) ? `<span class="vlecht-nav-current" aria-current="page">${label}</span>` : link))
    : nav));
}
