#!/usr/bin/python3
"""Whether two workbooks hold the same content, as a reader sees it.

  tools/same-workbook.py OLD.xlsx NEW.xlsx      (exit 0 when the same)
  tools/same-workbook.py --dump BOOK.xlsx       (the dump compared, to stdout)

Every sheet in order, with its cells (value, type, number format, font bold,
italic, underline, colour and size, fill, border, alignment, wrap), merged
ranges, comments (text, author, size), links, column widths, row heights,
frozen panes, autofilter, print titles and setup. The zip's bytes and the
part layout (shared or inline strings, style indexes) may differ.
Needs openpyxl (/usr/bin/python3 has it).
"""
import difflib
import sys

import openpyxl


def color(c):
    if c is None:
        return None
    return (c.type, c.rgb if c.type == "rgb" else c.value, c.tint)


def side(s):
    return None if s is None else (s.style, color(s.color))


def dump(path):
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        out.append(f"sheet {ws.title!r} state={ws.sheet_state}")
        out.append(f"  freeze={ws.freeze_panes} filter={ws.auto_filter.ref}")
        out.append(f"  print_titles={ws.print_title_rows} landscape={ws.page_setup.orientation}"
                   f" paper={ws.page_setup.paperSize} fit={ws.page_setup.fitToWidth},"
                   f"{ws.page_setup.fitToHeight} fitpage={ws.sheet_properties.pageSetUpPr}")
        out.append(f"  merged={sorted(str(r) for r in ws.merged_cells.ranges)}")
        for k, d in sorted(ws.column_dimensions.items()):
            out.append(f"  col {k} width={d.width} min={d.min} max={d.max} hidden={d.hidden}")
        for k, d in sorted(ws.row_dimensions.items()):
            if d.height is not None or d.hidden:
                out.append(f"  row {k} height={d.height} hidden={d.hidden}")
        for row in ws.iter_rows():
            for c in row:
                f = c.font
                fill = c.fill
                a = c.alignment
                b = c.border
                style = (c.number_format, f.b, f.i, f.u, color(f.color), f.sz, f.name,
                         fill.fill_type, color(fill.fgColor) if fill.fill_type else None,
                         side(b.left), side(b.right), side(b.top), side(b.bottom),
                         a.horizontal, a.vertical, a.wrap_text)
                if c.value is None and c.comment is None and c.hyperlink is None and \
                        style == ("General", False, False, None, color(f.color), f.sz, f.name,
                                  None, None, side(b.left), side(b.right), side(b.top),
                                  side(b.bottom), None, None, None) and \
                        b.left.style is None and b.top.style is None:
                    continue
                line = f"  {c.coordinate} {c.data_type} {c.value!r} {style}"
                if c.hyperlink is not None:
                    line += f" link={c.hyperlink.target or ''}#{c.hyperlink.location or ''}"
                if c.comment is not None:
                    line += (f" comment={c.comment.text!r} by={c.comment.author!r}"
                             f" size={c.comment.width}x{c.comment.height}")
                out.append(line)
    return out


def main(argv):
    if len(argv) == 3 and argv[1] == "--dump":
        print("\n".join(dump(argv[2])))
        return 0
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    a, b = dump(argv[1]), dump(argv[2])
    if a == b:
        print(f"same: {len(a)} lines")
        return 0
    sys.stdout.writelines(
        l + "\n" for l in list(difflib.unified_diff(a, b, argv[1], argv[2], lineterm="", n=1))[:80])
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
