"""The HTML page of a text sample, shared by the producers that print HTML
(Chromium, wkhtmltopdf). Each passes what its engine needs on top: page
rules, the CSS property its engine breaks rows by, whether landscape
sections exist."""
import html

from common import runs
from settings import column_weights, is_number

BORDER = "0.6pt solid #000"
THICK = "1.2pt solid #000"


def text_css(s):
    return ['body { font-family: "%s"; font-size: %spt; line-height: %s; margin: 0; }'
            % (s["font_face"], s["font_size"], s["line_spacing"]),
            "p { margin: 0 0 %.1fpt 0; text-align: %s; }"
            % (s["font_size"] * 0.4, "justify" if s["justify"] else "left")]


def table_css(s, row_break_property="break-inside"):
    """row_break_property: the CSS 2 name page-break-inside for engines
    older than the CSS Fragmentation break-inside."""
    rules = s["rules"]
    css = ["table.t { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 4pt 0 8pt 0; }",
           "table.t td, table.t th { padding: %dpt %dpt; vertical-align: %s; font-size: %spt;"
           " font-weight: normal; word-break: break-all; overflow-wrap: anywhere; }"
           % (max(1, s["cell_padding_pt"] // 2), s["cell_padding_pt"],
              {"top": "top", "center": "middle", "bottom": "bottom"}[s["valign"]],
              s["table_font_size"]),
           "table.t tr { %s: %s; }" % (row_break_property, "auto" if s["row_break"] else "avoid"),
           "table.t th { text-align: center; }",
           "table.t td.n { text-align: %s; }" % s["number_align"]]
    if rules == "grid":
        css.append("table.t td, table.t th { border: %s; }" % BORDER)
    elif rules == "frame":
        css.append("table.t { border: %s; }" % THICK)
    elif rules == "three_line":
        css.append("table.t { border-top: %s; border-bottom: %s; }" % (THICK, THICK))
        css.append("table.t tr.hlast th, table.t tr.hlast td { border-bottom: %s; }" % BORDER)
    return css


def table(t, s):
    """A table; its header rows are a <thead> only when they repeat."""
    weights = column_weights(t, s)
    total = sum(weights)
    h = ['<table class="t">', "<colgroup>"]
    h += ['<col style="width:%.2f%%">' % (100.0 * w / total) for w in weights]
    h.append("</colgroup>")
    head = t.header_rows if s["repeat_header"] else 0
    if head:
        h.append("<thead>")
    for r, cells in enumerate(t.rows):
        if head and r == head:
            h.append("</thead><tbody>")
        elif r == 0:
            h.append("<tbody>")
        cls = ' class="hlast"' if t.header_rows and r == t.header_rows - 1 else ""
        h.append("<tr%s>" % cls)
        tag = "th" if r < t.header_rows else "td"
        for text, c, cs, rs in cells:
            attrs = ""
            if cs > 1:
                attrs += ' colspan="%d"' % cs
            if rs > 1:
                attrs += ' rowspan="%d"' % rs
            if is_number(text):
                attrs += ' class="n"'
            body = "<br>".join(html.escape(x) for x in text.split("\n"))
            h.append("<%s%s>%s</%s>" % (tag, attrs, body, tag))
        h.append("</tr>")
    h.append("</tbody></table>")
    return "\n".join(h)


def write(doc, s, css, out, wide_sections=True):
    """Writes the page: css is the whole style sheet; with wide_sections a
    landscape run under "sections" is a <div class="wide"> the style sheet
    can give a landscape page."""
    h = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
         "<title>%s</title>" % html.escape(doc.title[:60]),
         "<style>", "\n".join(css), "</style></head><body>"]
    for land, blocks in runs(doc, s):
        wide = wide_sections and land and s["orientation"] == "sections"
        if wide:
            h.append('<div class="wide">')
        for kind, b in blocks:
            if kind == "p":
                h.append("<p>%s</p>" % html.escape(b))
            else:
                h.append(table(b, s))
        if wide:
            h.append("</div>")
    h.append("</body></html>")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(h))
