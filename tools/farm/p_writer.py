"""LibreOffice Writer producer: a .docx made with python-docx."""
import datetime

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from common import header_footer, runs, stable_zip, text_width_mm
from settings import column_weights, is_number, page_mm

VALIGN = {"top": "top", "center": "center", "bottom": "bottom"}
HALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT}


def effective(s):
    return dict(s)


def _el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), str(v))
    return e


def _set_font(rpr_owner_style, face, size):
    rpr_owner_style.font.name = face
    rpr_owner_style.font.size = Pt(size)
    rfonts = rpr_owner_style.element.get_or_add_rPr().get_or_add_rFonts()
    for a in ("w:eastAsia", "w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(a), face)


def _fill(paragraph, pieces):
    for piece in pieces:
        if isinstance(piece, tuple):
            fld = _el("w:fldSimple", **{"w:instr": "PAGE" if piece[0] == "PAGE" else "NUMPAGES"})
            r = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = "1"
            r.append(t)
            fld.append(r)
            paragraph._p.append(fld)
        else:
            paragraph.add_run(piece)


def _setup_section(sec, s, landscape, title, first):
    w, h = page_mm(s["paper"], landscape)
    sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(w), Mm(h)
    m = s["margins_mm"]
    sec.top_margin, sec.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
    sec.left_margin, sec.right_margin = Mm(m["left"]), Mm(m["right"])
    sec.header_distance = sec.footer_distance = Mm(max(4, min(m["top"], m["bottom"]) // 2))
    if not first:
        return
    head, foot = header_footer(s, title)
    if head:
        p = sec.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _fill(p, head)
    if foot:
        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _fill(p, foot)


def _borders(tab, rules, nrows, header_rows):
    tblPr = tab._tbl.tblPr
    b = OxmlElement("w:tblBorders")
    want = {
        "grid": dict(top=4, left=4, bottom=4, right=4, insideH=4, insideV=4),
        "frame": dict(top=8, left=8, bottom=8, right=8),
        "three_line": dict(top=12, bottom=12),
        "none": {},
    }[rules]
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if side in want:
            b.append(_el("w:" + side, **{"w:val": "single", "w:sz": want[side],
                                         "w:space": 0, "w:color": "000000"}))
        else:
            b.append(_el("w:" + side, **{"w:val": "nil"}))
    tblPr.append(b)


def _header_rule(cell):
    tcPr = cell._tc.get_or_add_tcPr()
    tb = OxmlElement("w:tcBorders")
    tb.append(_el("w:bottom", **{"w:val": "single", "w:sz": 6, "w:space": 0, "w:color": "000000"}))
    tcPr.append(tb)


def _cell_margins(tab, pad_pt):
    tblPr = tab._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    tw = int(pad_pt * 20)
    for side in ("top", "left", "bottom", "right"):
        mar.append(_el("w:" + side, **{"w:w": tw if side in ("left", "right") else tw // 2,
                                       "w:type": "dxa"}))
    tblPr.append(mar)


def _table(d, t, s, width_mm):
    n = t.width
    tab = d.add_table(rows=len(t.rows), cols=n)
    tab.alignment = WD_TABLE_ALIGNMENT.CENTER
    tab.autofit = False
    weights = column_weights(t, s)
    total = sum(weights)
    widths = [Mm(width_mm * w / total) for w in weights]
    for i, col in enumerate(tab.columns):
        col.width = widths[i]
    for row in tab.rows:
        for i, cell in enumerate(row.cells[:n]):
            cell.width = widths[i]
    _borders(tab, s["rules"], len(t.rows), t.header_rows)
    _cell_margins(tab, s["cell_padding_pt"])
    for r, row in enumerate(tab.rows):
        trPr = row._tr.get_or_add_trPr()
        if s["repeat_header"] and r < t.header_rows:
            trPr.append(_el("w:tblHeader"))
        if not s["row_break"]:
            trPr.append(_el("w:cantSplit"))
    # The grid is read once: tab.cell() rebuilds it on every call. Spans do
    # not overlap, so a merge never removes a later merge's corner cells.
    grid = tab._cells
    merged = []
    for r, cells in enumerate(t.rows):
        for text, c, cs, rs in cells:
            cell = grid[r * n + c]
            if cs > 1 or rs > 1:
                try:
                    cell = cell.merge(grid[(r + rs - 1) * n + c + cs - 1])
                except Exception:
                    pass
            merged.append((cell, text, r, rs))
    for cell, text, r, rs in merged:
        lines = text.split("\n")
        p = cell.paragraphs[0]
        for k, line in enumerate(lines):
            if k:
                p = cell.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.space_before = Pt(0)
            p.paragraph_format.line_spacing = 1.0
            if is_number(line):
                p.alignment = HALIGN[s["number_align"]]
            elif r < t.header_rows:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(line)
            run.font.size = Pt(s["table_font_size"])
        cell.vertical_alignment = {"top": WD_CELL_VERTICAL_ALIGNMENT.TOP, "center": WD_CELL_VERTICAL_ALIGNMENT.CENTER, "bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM}[s["valign"]]
        if s["rules"] == "three_line" and r + rs == t.header_rows:
            _header_rule(cell)


def build(doc, s, out):
    d = docx.Document()
    d.core_properties.created = d.core_properties.modified = datetime.datetime(2024, 1, 1)
    d.core_properties.title = doc.title[:60]
    normal = d.styles["Normal"]
    _set_font(normal, s["font_face"], s["font_size"])
    pf = normal.paragraph_format
    pf.line_spacing = s["line_spacing"]
    pf.space_after = Pt(s["font_size"] * 0.4)
    for name in ("Header", "Footer"):
        try:
            _set_font(d.styles[name], s["font_face"], 9)
        except KeyError:
            pass
    for k, (land, blocks) in enumerate(runs(doc, s)):
        if k == 0:
            sec = d.sections[0]
        else:
            sec = d.add_section(WD_SECTION.NEW_PAGE)
        _setup_section(sec, s, land, doc.title, k == 0)
        width = text_width_mm(s, land)
        for kind, b in blocks:
            if kind == "p":
                p = d.add_paragraph(b)
                if s["justify"]:
                    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            else:
                _table(d, b, s, width)
                d.add_paragraph("")
    d.save(out)
    stable_zip(out)
