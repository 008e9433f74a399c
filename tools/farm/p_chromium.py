"""Chromium producer: an HTML page printed by headless Chromium.

Page size, margins and the page header and footer are CSS @page rules
(margin boxes with counter(page) and counter(pages)); a landscape section is
a named page; repeated header rows are a <thead>."""
import html

from common import header_footer, runs
from settings import column_weights, is_number

BORDER = "0.6pt solid #000"
THICK = "1.2pt solid #000"


def effective(s):
    return dict(s)


def _css_content(pieces):
    out = []
    for p in pieces:
        if isinstance(p, tuple):
            out.append("counter(page)" if p[0] == "PAGE" else "counter(pages)")
        else:
            out.append('"%s"' % p.replace("\\", "\\\\").replace('"', '\\"'))
    return " ".join(out)


def _table_css(s):
    rules = s["rules"]
    css = ["table.t { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 4pt 0 8pt 0; }",
           "table.t td, table.t th { padding: %dpt %dpt; vertical-align: %s; font-size: %spt;"
           " font-weight: normal; word-break: break-all; overflow-wrap: anywhere; }"
           % (max(1, s["cell_padding_pt"] // 2), s["cell_padding_pt"],
              {"top": "top", "center": "middle", "bottom": "bottom"}[s["valign"]],
              s["table_font_size"]),
           "table.t tr { break-inside: %s; }" % ("auto" if s["row_break"] else "avoid"),
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


def _table(t, s):
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


def build(doc, s, out):
    m = s["margins_mm"]
    head, foot = header_footer(s, doc.title)
    main_land = s["orientation"] == "landscape"
    page = ["@page { size: %s %s; margin: %dmm %dmm %dmm %dmm;"
            % (s["paper"], "landscape" if main_land else "portrait",
               m["top"], m["right"], m["bottom"], m["left"])]
    box = 'font-family: "%s"; font-size: 9pt;' % s["font_face"]
    if head:
        page.append(" @top-center { content: %s; %s }" % (_css_content(head), box))
    if foot:
        page.append(" @bottom-center { content: %s; %s }" % (_css_content(foot), box))
    page.append(" }")
    css = ["".join(page),
           "@page wide { size: %s landscape; }" % s["paper"],
           "div.wide { page: wide; }",
           'body { font-family: "%s"; font-size: %spt; line-height: %s; margin: 0; }'
           % (s["font_face"], s["font_size"], s["line_spacing"]),
           "p { margin: 0 0 %.1fpt 0; text-align: %s; }"
           % (s["font_size"] * 0.4, "justify" if s["justify"] else "left")]
    css += _table_css(s)
    h = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
         "<title>%s</title>" % html.escape(doc.title[:60]),
         "<style>", "\n".join(css), "</style></head><body>"]
    for land, blocks in runs(doc, s):
        wide = land and s["orientation"] == "sections"
        if wide:
            h.append('<div class="wide">')
        for kind, b in blocks:
            if kind == "p":
                h.append("<p>%s</p>" % html.escape(b))
            else:
                h.append(_table(b, s))
        if wide:
            h.append("</div>")
    h.append("</body></html>")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(h))
