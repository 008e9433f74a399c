"""The farm report: jxaudit's errors and warnings on each rendering against
those on its text, and how many of the text's table cells the rendering's
tables keep.

Findings are compared as a multiset of (rule, severity, stated, computed);
location, message and info findings are left out. "missing" are the text's
findings the rendering lacks, "extra" the rendering's findings the text
lacks.

Cell agreement: the text's table cells and the rendering's, each flattened
in document order (table by table, row by row) after removing all
whitespace and dropping empty cells; the share of the text's cells that
lie on a longest common subsequence of the two. A cell split over two
cells, merged with a neighbour, or dropped counts as not found."""
import collections
import json
import os
import subprocess
import sys

from settings import STYLE_KEYS, style_values

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
SKIP = {"manifest.json", "farm-report.json"}


def load_sidecars(d):
    out = []
    for n in sorted(os.listdir(d)):
        if not n.endswith(".json") or n in SKIP:
            continue
        try:
            with open(os.path.join(d, n), encoding="utf-8") as f:
                s = json.load(f)
        except (OSError, ValueError):
            continue
        if isinstance(s, dict) and "producer" in s and "source" in s:
            s["_name"] = n[:-5]
            out.append(s)
    return out


def _jx(jx, args, files, timeout):
    """Runs jxaudit over files in batches; returns {path: document}."""
    docs = {}
    for i in range(0, len(files), 40):
        chunk = files[i:i + 40]
        try:
            p = subprocess.run([jx] + args + ["-q", "-j", "2"] + chunk, capture_output=True,
                               timeout=timeout * len(chunk) + 60)
            data = json.loads(p.stdout.decode("utf-8"))
            for d in data.get("documents", []):
                docs[os.path.abspath(d["file"])] = d
        except (subprocess.TimeoutExpired, ValueError) as e:
            if len(chunk) == 1:
                docs[os.path.abspath(chunk[0])] = {"status": "farm-error: %s" % type(e).__name__}
                continue
            for f in chunk:   # one at a time, so one bad file costs only itself
                docs.update(_jx(jx, args, [f], timeout))
    return docs


def _num(x):
    if isinstance(x, float):
        return round(x, 6)
    return x


def finding_keys(doc):
    keys = collections.Counter()
    for f in doc.get("findings") or []:
        if f.get("severity") in ("error", "warning"):
            keys[(f.get("rule"), f.get("severity"), _num(f.get("stated")), _num(f.get("computed")))] += 1
    return keys


def cells(doc):
    out = []
    for t in doc.get("tables") or []:
        for row in t.get("rows", []):
            for c in row:
                c = "".join(str(c).split())
                if c:
                    out.append(c)
    return out


def lcs_len(a, b):
    """Length of a longest common subsequence, bit-parallel (Hyyrö)."""
    if not a or not b:
        return 0
    masks = {}
    for i, x in enumerate(a):
        masks[x] = masks.get(x, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for y in b:
        m = masks.get(y)
        if m is None:
            continue
        u = v & m
        v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


def _fmt(k):
    rule, sev, stated, computed = k
    return "%s %s stated=%s computed=%s" % (sev, rule, stated, computed)


def _group():
    return {"renderings": 0, "identical": 0, "missing": 0, "extra_errors": 0,
            "extra_warnings": 0, "cells_text": 0, "cells_found": 0, "failed": 0}


def _add(g, r):
    g["renderings"] += 1
    g["identical"] += int(r["identical"])
    g["missing"] += r["missing_count"]
    g["extra_errors"] += r["extra_errors"]
    g["extra_warnings"] += r["extra_warnings"]
    g["cells_text"] += r["cells_text"]
    g["cells_found"] += r["cells_found"]
    g["failed"] += int(r["status"] != "ok")


def _finish(g):
    n = g["renderings"]
    g["identical_share"] = round(g["identical"] / n, 4) if n else None
    g["cell_agreement"] = round(g["cells_found"] / g["cells_text"], 4) if g["cells_text"] else None
    return g


def run(jx, d, json_out=None, per_rendering=True, out=sys.stdout):
    sides = load_sidecars(d)
    if not sides:
        print("farm report: no sidecars in %s" % d, file=sys.stderr)
        return 2
    texts = sorted({os.path.join(REPO, s["source"]) for s in sides})
    pdfs = [os.path.join(d, s["file"]) for s in sides if s.get("file")]
    check = _jx(jx, ["check", "--no-db", "--format", "json", "--timeout", "120"], texts + pdfs, 150)
    tables = _jx(jx, ["tables", "--format", "json"], texts + pdfs, 150)
    rows = []
    for s in sides:
        src = os.path.abspath(os.path.join(REPO, s["source"]))
        want = finding_keys(check.get(src, {}))
        tcells = cells(tables.get(src, {}))
        r = {"name": s["_name"], "source": s["source"], "producer": s["producer"],
             "style": style_values(s["effective"])}
        if s.get("file"):
            pdf = os.path.abspath(os.path.join(d, s["file"]))
            doc = check.get(pdf, {"status": "not checked"})
            got = finding_keys(doc)
            status = doc.get("status", "?")
            rcells = cells(tables.get(pdf, {}))
        else:
            got, status, rcells = collections.Counter(), "not rendered: %s" % s.get("error"), []
        missing = want - got
        extra = got - want
        found = lcs_len(tcells, rcells)
        r.update({
            "status": status,
            "identical": status == "ok" and not missing and not extra,
            "missing": [list(k) + [n] for k, n in sorted(missing.items(), key=str)],
            "extra": [list(k) + [n] for k, n in sorted(extra.items(), key=str)],
            "missing_count": sum(missing.values()),
            "extra_errors": sum(n for k, n in extra.items() if k[1] == "error"),
            "extra_warnings": sum(n for k, n in extra.items() if k[1] == "warning"),
            "text_findings": sum(want.values()),
            "cells_text": len(tcells), "cells_found": found,
            "cell_agreement": round(found / len(tcells), 4) if tcells else None,
        })
        rows.append(r)

    total = _group()
    by_producer = collections.defaultdict(_group)
    by_style = {k: collections.defaultdict(_group) for k in STYLE_KEYS}
    by_source = collections.defaultdict(_group)
    for r in rows:
        _add(total, r)
        _add(by_producer[r["producer"]], r)
        _add(by_source[r["source"]], r)
        for k in STYLE_KEYS:
            _add(by_style[k][r["style"][k]], r)

    w = out.write
    if per_rendering:
        for r in rows:
            ca = "" if r["cell_agreement"] is None else " cells %.0f%%" % (100 * r["cell_agreement"])
            if r["identical"]:
                w("%-44s identical%s\n" % (r["name"], ca))
                continue
            w("%-44s %s%s\n" % (r["name"], "differs" if r["status"] == "ok" else r["status"], ca))
            for m in r["missing"]:
                w("    missing %s%s\n" % (_fmt(m[:4]), " x%d" % m[4] if m[4] > 1 else ""))
            for m in r["extra"]:
                w("    extra   %s%s\n" % (_fmt(m[:4]), " x%d" % m[4] if m[4] > 1 else ""))
        w("\n")

    def line(label, g):
        _finish(g)
        ca = "-" if g["cell_agreement"] is None else "%.1f%%" % (100 * g["cell_agreement"])
        w("  %-22s %5d %9.1f%% %8d %8d %8d %7s %6d\n" % (
            label, g["renderings"], 100 * (g["identical_share"] or 0), g["missing"],
            g["extra_errors"], g["extra_warnings"], ca, g["failed"]))
    head = "  %-22s %5s %10s %8s %8s %8s %7s %6s\n" % (
        "", "n", "identical", "missing", "x-errors", "x-warns", "cells", "failed")
    w("totals by producer\n" + head)
    for p in sorted(by_producer):
        line(p, by_producer[p])
    line("all", total)
    w("\ntotals by source\n" + head)
    for p in sorted(by_source):
        line(os.path.basename(p)[:22], by_source[p])
    for k in STYLE_KEYS:
        w("\ntotals by %s\n" % k + head)
        for v in sorted(by_style[k]):
            line(v, by_style[k][v])

    summary = {
        "dir": os.path.abspath(d),
        "jxaudit": os.path.abspath(jx),
        "comparison": "errors and warnings as (rule, severity, stated, computed); info, "
                      "location and message ignored",
        "cell_agreement": "share of the text's non-empty table cells (whitespace removed, "
                          "flattened in document order) on a longest common subsequence "
                          "with the rendering's",
        "total": _finish(total),
        "by_producer": {k: _finish(v) for k, v in sorted(by_producer.items())},
        "by_source": {k: _finish(v) for k, v in sorted(by_source.items())},
        "by_style": {k: {v: _finish(g) for v, g in sorted(by_style[k].items())} for k in STYLE_KEYS},
        "renderings": rows,
    }
    path = json_out or os.path.join(d, "farm-report.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False, indent=1)
        f.write("\n")
    w("\nsummary written to %s\n" % path)
    return 0
