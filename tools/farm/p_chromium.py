"""Chromium producer: an HTML page printed by headless Chromium.

Page size, margins and the page header and footer are CSS @page rules
(margin boxes with counter(page) and counter(pages)); a landscape section is
a named page; repeated header rows are a <thead>. The page itself is
htmlpage's."""
import htmlpage
from common import header_footer


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
           "div.wide { page: wide; }"]
    css += htmlpage.text_css(s) + htmlpage.table_css(s)
    htmlpage.write(doc, s, css, out)
