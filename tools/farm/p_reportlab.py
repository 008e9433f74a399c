"""ReportLab producer: the PDF is drawn directly with ReportLab's platypus
(python3-reportlab), the way report generators in Python services do it.

Fonts are the TrueType collections of the Debian font packages, embedded as
subsets; the page header and footer are drawn after the last page so that
"共M页" knows M."""
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak,
                                PageTemplate, Paragraph, Spacer, Table, TableStyle)
from reportlab.platypus.doctemplate import LayoutError
from xml.sax.saxutils import escape

from common import header_footer, runs, text_width_mm
from settings import column_weights, is_number, page_mm

# TrueType faces only: ReportLab cannot embed the CFF-based Noto CJK fonts.
FACES = {
    "song": ("FarmSong", "/usr/share/fonts/truetype/arphic/uming.ttc", 0, "AR PL UMing CN"),
    "hei": ("FarmHei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, "WenQuanYi Zen Hei"),
    "kai": ("FarmKai", "/usr/share/fonts/truetype/arphic/ukai.ttc", 0, "AR PL UKai CN"),
}
_registered = set()


def effective(s):
    e = dict(s)
    e["font_face"] = FACES[s["font_family"]][3]
    return e


def _font(family):
    name, path, index, _ = FACES[family]
    if name not in _registered:
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
        _registered.add(name)
    return name


def _numbered_canvas(font, head, foot, s):
    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *a, **k):
            canvas.Canvas.__init__(self, *a, **k)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                canvas.Canvas.showPage(self)
            canvas.Canvas.save(self)

        def _text(self, pieces, total):
            out = []
            for p in pieces:
                if isinstance(p, tuple):
                    out.append(str(self._pageNumber if p[0] == "PAGE" else total))
                else:
                    out.append(p)
            return "".join(out)

        def _decorate(self, total):
            w, h = self._pagesize
            m = s["margins_mm"]
            self.setFont(font, 9)
            if head:
                self.drawCentredString(w / 2, h - max(4, m["top"] / 2) * mm, self._text(head, total))
            if foot:
                self.drawCentredString(w / 2, max(4, m["bottom"] / 2) * mm - 3, self._text(foot, total))
    return NumberedCanvas


def _table(t, s, font, width_pt, merge=True):
    fs = s["table_font_size"]
    base = ParagraphStyle("cell", fontName=font, fontSize=fs, leading=fs * 1.2,
                          wordWrap="CJK", alignment=TA_LEFT)
    head_style = ParagraphStyle("headcell", parent=base, alignment=TA_CENTER)
    num_style = ParagraphStyle("num", parent=base, alignment={
        "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}[s["number_align"]])
    data = [["" for _ in range(t.width)] for _ in t.rows]
    cmds = [("FONT", (0, 0), (-1, -1), font, fs),
            ("VALIGN", (0, 0), (-1, -1), {"top": "TOP", "center": "MIDDLE", "bottom": "BOTTOM"}[s["valign"]]),
            ("LEFTPADDING", (0, 0), (-1, -1), s["cell_padding_pt"]),
            ("RIGHTPADDING", (0, 0), (-1, -1), s["cell_padding_pt"]),
            ("TOPPADDING", (0, 0), (-1, -1), max(1, s["cell_padding_pt"] // 2)),
            ("BOTTOMPADDING", (0, 0), (-1, -1), max(1, s["cell_padding_pt"] // 2))]
    for r, cells in enumerate(t.rows):
        for text, c, cs, rs in cells:
            st = num_style if is_number(text) else (head_style if r < t.header_rows else base)
            data[r][c] = Paragraph("<br/>".join(escape(x) for x in text.split("\n")), st)
            if merge and (cs > 1 or rs > 1):
                cmds.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
    last = len(t.rows) - 1
    rules = s["rules"]
    if rules == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif rules == "frame":
        cmds.append(("BOX", (0, 0), (-1, -1), 1.0, colors.black))
    elif rules == "three_line":
        cmds.append(("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black))
        cmds.append(("LINEBELOW", (0, last), (-1, last), 1.2, colors.black))
        if 0 < t.header_rows <= last:
            cmds.append(("LINEBELOW", (0, t.header_rows - 1), (-1, t.header_rows - 1), 0.5, colors.black))
    weights = column_weights(t, s)
    total = sum(weights)
    widths = [width_pt * w / total for w in weights]
    # A column narrower than a character and its padding can never fit a
    # line: such columns are widened and the others narrowed to make room.
    least = 2 * s["cell_padding_pt"] + 1.5 * fs
    if least * len(widths) <= width_pt:
        wide = [w for w in widths if w > least]
        short = sum(least - w for w in widths if w < least)
        room = sum(w - least for w in wide)
        widths = [least if w <= least else w - short * (w - least) / room for w in widths]
    return Table(data, colWidths=widths, style=TableStyle(cmds),
                 repeatRows=t.header_rows if s["repeat_header"] else 0,
                 splitByRow=1, splitInRow=1 if (s["row_break"] or not merge) else 0,
                 hAlign="CENTER")


def build(doc, s, out):
    """Builds the PDF; returns the fallback used, if any. A table whose merged
    cells are taller than a page cannot be split by ReportLab: then the
    merged cells are drawn unmerged (text in the first cell), rows split."""
    try:
        _build(doc, s, out, merge=True)
        return None
    except (LayoutError, TypeError):
        # (ReportLab 3.6 raises TypeError while describing some layout errors.)
        _build(doc, s, out, merge=False)
        return "unmerged_cells"


def _build(doc, s, out, merge):
    font = _font(s["font_family"])
    m = s["margins_mm"]
    portrait = [x * mm for x in page_mm(s["paper"], False)]
    landscape = [x * mm for x in page_mm(s["paper"], True)]
    templates = []
    for name, size in (("portrait", portrait), ("landscape", landscape)):
        frame = Frame(m["left"] * mm, m["bottom"] * mm, size[0] - (m["left"] + m["right"]) * mm,
                      size[1] - (m["top"] + m["bottom"]) * mm, id=name,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates.append(PageTemplate(id=name, frames=[frame], pagesize=size))
    parts = runs(doc, s)
    if parts and parts[0][0]:
        templates.reverse()
    d = BaseDocTemplate(out, pagesize=templates[0].pagesize, pageTemplates=templates,
                        title=doc.title[:60], author="", creator="jxaudit farm",
                        invariant=1,
                        leftMargin=m["left"] * mm, rightMargin=m["right"] * mm,
                        topMargin=m["top"] * mm, bottomMargin=m["bottom"] * mm)
    fs = s["font_size"]
    body = ParagraphStyle("body", fontName=font, fontSize=fs, leading=fs * 1.25 * s["line_spacing"],
                          wordWrap="CJK", spaceAfter=fs * 0.4,
                          alignment=TA_JUSTIFY if s["justify"] else TA_LEFT)
    story = []
    for k, (land, blocks) in enumerate(parts):
        if k:
            story.append(NextPageTemplate("landscape" if land else "portrait"))
            story.append(PageBreak())
        width = text_width_mm(s, land) * mm
        for kind, b in blocks:
            if kind == "p":
                story.append(Paragraph(escape(b), body))
            else:
                story.append(_table(b, s, font, width, merge))
                story.append(Spacer(1, fs * 0.6))
    head, foot = header_footer(s, doc.title)
    d.build(story, canvasmaker=_numbered_canvas(font, head, foot, s))
