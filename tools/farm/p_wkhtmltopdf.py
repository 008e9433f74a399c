"""wkhtmltopdf producer: htmlpage's HTML printed by wkhtmltopdf, whose
engine is Qt WebKit, an HTML engine other than Chromium's.

Debian 12's wkhtmltopdf is built against Qt without the wkhtmltopdf
patches, and that build cannot do part of what the settings ask for, so
`effective` records what it prints instead:
- no page header or footer: --header-center and --footer-center are
  ignored ("not supported using unpatched qt");
- one orientation for the whole document (--orientation is a global
  option, and one PDF from several HTML documents needs the patched Qt
  too), so landscape sections are printed portrait, wide tables and all;
- the page is cut into pages at fixed heights: page-break-inside on rows
  and display:table-header-group on <thead> change nothing in the PDF, so
  rows break wherever the page ends and header rows are never repeated. A
  line of text the page's end runs through is drawn clipped on both pages,
  so its text is in both.
The HTML is still written as the settings say (a <thead> when header rows
repeat, rows kept whole when they may not break), as it would be for an
engine that honours it."""
import htmlpage


def effective(s):
    e = dict(s)
    e["header_footer"] = "none"
    if e["orientation"] == "sections":
        e["orientation"] = "portrait"
    e["repeat_header"] = False
    e["row_break"] = True
    e["page_cut"] = "lines_clipped"
    return e


def build(doc, s, out):
    css = htmlpage.text_css(s)
    # WebKit of Qt 5 knows only the CSS 2 name of the row break property.
    css += htmlpage.table_css(s, row_break_property="page-break-inside")
    css.append("table.t thead { display: table-header-group; }")
    htmlpage.write(doc, s, css, out, wide_sections=False)


def options(s):
    """wkhtmltopdf's command-line options for the settings (before the
    input and output files)."""
    m = s["margins_mm"]
    land = s["orientation"] == "landscape"
    return ["--quiet", "--encoding", "utf-8", "--disable-javascript",
            "--page-size", s["paper"],
            "--orientation", "Landscape" if land else "Portrait",
            "-T", "%dmm" % m["top"], "-B", "%dmm" % m["bottom"],
            "-L", "%dmm" % m["left"], "-R", "%dmm" % m["right"]]
