"""LibreOffice Calc producer: an .xlsx made with openpyxl.

A spreadsheet has no running text, so a paragraph is a row whose cells are
merged across the sheet, wrapped, with a height estimated from its length.
Print titles and orientation belong to a sheet: when header rows repeat or
wide tables turn landscape, each table gets a sheet of its own (and the
paragraphs between tables one too), as reports exported from workbooks do.
Rows never break across pages in Calc."""
import datetime
import math

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from common import header_footer, stable_zip, text_width_mm
from settings import column_weights, is_number, is_wide

PAPER = {"A4": 9, "A3": 8, "B5": 34}
MM_PER_CHAR = 2.9    # one unit of openpyxl column width, as LibreOffice prints it


def effective(s):
    e = dict(s)
    e["row_break"] = False
    e["sheets"] = "per_table" if (s["repeat_header"] or s["orientation"] == "sections") else "one"
    return e


def _hf_text(pieces):
    out = []
    for p in pieces:
        if isinstance(p, tuple):
            out.append("&P" if p[0] == "PAGE" else "&N")
        else:
            out.append(p.replace("&", "&&"))
    return "".join(out)


def _segments(doc, per_table):
    if not per_table:
        return [list(doc.blocks)]
    segs = []
    for b in doc.blocks:
        if b[0] == "t" or not segs or segs[-1][-1][0] == "t":
            segs.append([b])
        else:
            segs[-1].append(b)
    return segs


def _sheet(ws, blocks, s, doc, landscape):
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = PAPER[s["paper"]]
    m = s["margins_mm"]
    inch = lambda mm: round(mm / 25.4, 3)
    ws.page_margins = PageMargins(left=inch(m["left"]), right=inch(m["right"]),
                                  top=inch(m["top"]), bottom=inch(m["bottom"]),
                                  header=inch(max(4, m["top"] / 2)),
                                  footer=inch(max(4, m["bottom"] / 2)))
    head, foot = header_footer(s, doc.title)
    if head:
        ws.oddHeader.center.text = _hf_text(head)
        ws.oddHeader.center.size = 9
        ws.oddHeader.center.font = s["font_face"]
    if foot:
        ws.oddFooter.center.text = _hf_text(foot)
        ws.oddFooter.center.size = 9
        ws.oddFooter.center.font = s["font_face"]
    ws.sheet_view.showGridLines = False
    # All columns on the page's width, pages as many as needed: without it
    # Calc prints the columns that do not fit on pages of their own.
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0

    tables = [b for k, b in blocks if k == "t"]
    ncols = max([t.width for t in tables] or [1])
    width_chars = text_width_mm(s, landscape) / MM_PER_CHAR * 0.97
    if tables:
        weights = column_weights(max(tables, key=lambda t: t.width), s)
    else:
        weights = [1.0] * ncols
    total = sum(weights)
    col_chars = [width_chars * w / total for w in weights]
    for i, w in enumerate(col_chars):
        ws.column_dimensions[get_column_letter(i + 1)].width = round(w, 2)

    body = Font(name=s["font_face"], size=s["font_size"])
    cellfont = Font(name=s["font_face"], size=s["table_font_size"])
    thin = Side(style="thin", color="000000")
    thick = Side(style="medium", color="000000")
    r = 1
    for kind, b in blocks:
        if kind == "p":
            c = ws.cell(row=r, column=1, value=b)
            c.font = body
            c.alignment = Alignment(horizontal="justify" if s["justify"] else "left",
                                    vertical="top", wrap_text=True)
            if ncols > 1:
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
            per_line = max(4.0, width_chars * 11.0 / s["font_size"] / 2.0)
            lines = max(1, math.ceil(len(b) / per_line))
            ws.row_dimensions[r].height = round(lines * s["font_size"] * 1.35 * s["line_spacing"] + 2, 1)
            r += 1
            continue
        t = b
        top = r
        last_row = top + len(t.rows) - 1
        for i, cells in enumerate(t.rows):
            for text, c, cs, rs in cells:
                if cs > 1 and c + cs == t.width:
                    cs = ncols - c
                elif c + cs == t.width and t.width < ncols:
                    cs = ncols - c
                cell = ws.cell(row=top + i, column=c + 1, value=text)
                cell.font = cellfont
                horiz = s["number_align"] if is_number(text) else ("center" if i < t.header_rows else "left")
                cell.alignment = Alignment(horizontal=horiz, vertical=s["valign"], wrap_text=True)
                if cs > 1 or rs > 1:
                    ws.merge_cells(start_row=top + i, start_column=c + 1,
                                   end_row=top + i + rs - 1, end_column=c + cs)
        for i in range(len(t.rows)):
            for c in range(ncols):
                row = top + i
                rules = s["rules"]
                if rules == "grid":
                    bd = Border(left=thin, right=thin, top=thin, bottom=thin)
                elif rules == "frame":
                    bd = Border(left=thick if c == 0 else None, right=thick if c == ncols - 1 else None,
                                top=thick if row == top else None, bottom=thick if row == last_row else None)
                elif rules == "three_line":
                    bd = Border(top=thick if row == top else None,
                                bottom=thick if row == last_row else
                                (thin if i == t.header_rows - 1 else None))
                else:
                    continue
                ws.cell(row=row, column=c + 1).border = bd
        _row_heights(ws, t, top, col_chars, ncols, s)
        if s["repeat_header"] and t.header_rows:
            ws.print_title_rows = "%d:%d" % (top, top + t.header_rows - 1)
        r = last_row + 2


def _text_units(line):
    """Width of a line in em: CJK and full-width characters 1, others 0.55."""
    return sum(1.0 if ord(ch) > 0x2e7f else 0.55 for ch in line)


def _row_heights(ws, t, top, col_chars, ncols, s):
    """Calc grows a row to its wrapped text only for cells that are not
    merged; the text of a merged cell is cut off. So every row of the table
    gets a height estimated from its cells, a merged cell's lines shared
    out over the rows it covers."""
    fs = s["table_font_size"]
    em_mm = fs * 0.3528
    need = [1.0] * len(t.rows)
    for i, cells in enumerate(t.rows):
        for text, c, cs, rs in cells:
            if c + cs == t.width:
                cs = ncols - c
            width_mm = sum(col_chars[c:c + cs]) * MM_PER_CHAR - 2.0
            per_line = max(1.0, width_mm / em_mm)
            lines = sum(max(1, math.ceil(_text_units(x) / per_line)) for x in text.split("\n"))
            share = lines / rs
            for k in range(rs):
                need[i + k] = max(need[i + k], share)
    for i, lines in enumerate(need):
        ws.row_dimensions[top + i].height = round(math.ceil(lines) * fs * 1.3 + 3, 1)


def build(doc, s, out):
    e = effective(s)
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
    wb.properties.title = doc.title[:60]
    segs = _segments(doc, e["sheets"] == "per_table")
    for k, blocks in enumerate(segs):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = "S%d" % (k + 1)
        if s["orientation"] == "sections":
            land = any(kind == "t" and is_wide(b) for kind, b in blocks)
        else:
            land = s["orientation"] == "landscape"
        _sheet(ws, blocks, s, doc, land)
    wb.save(out)
    stable_zip(out)
