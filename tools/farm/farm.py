#!/usr/bin/python3
"""Rendering farm: renders the text samples into PDFs through several
producers with seeded random settings, and measures whether jxaudit finds
the same errors and warnings in each PDF as in its text.

  farm.py render --seed N --count K --out DIR [--keep-sources] [--bin JX]
  farm.py report --bin JX DIR [--json FILE]
  farm.py full   --seed N [--count K] [--out DIR] [--bin JX]
  farm.py subset --from DIR --out DIR [--max N]
  farm.py repeat --seed N [--count K] [--producers P,...]   renders twice,
                                        compares the bytes

render: every samples/*.txt and samples/fixtures/*.txt, through each
producer, K renderings each (K settings draws); DIR gets NAME.pdf and the
sidecar NAME.json, and with --keep-sources the .docx/.xlsx/.html too.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

import convert            # noqa: E402
import pdfnorm            # noqa: E402
import report             # noqa: E402
import settings           # noqa: E402
import source             # noqa: E402
import p_calc             # noqa: E402
import p_chromium         # noqa: E402
import p_reportlab        # noqa: E402
import p_writer           # noqa: E402
import p_wkhtmltopdf      # noqa: E402

PRODUCERS = {
    # name: (module, intermediate extension or None, converter)
    "writer": (p_writer, ".docx", "LibreOffice Writer"),
    "calc": (p_calc, ".xlsx", "LibreOffice Calc"),
    "chromium": (p_chromium, ".html", "Chromium headless"),
    "reportlab": (p_reportlab, None, "ReportLab"),
    "wkhtmltopdf": (p_wkhtmltopdf, ".html", "wkhtmltopdf"),
}


def _version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, timeout=60).stdout.decode()
        return out.strip().splitlines()[0] if out.strip() else None
    except Exception:
        return None


def tool_versions():
    import reportlab
    import docx  # noqa: F401
    import openpyxl
    return {
        "libreoffice": _version(["soffice", "--version"]),
        "chromium": _version(["chromium", "--version"]),
        "wkhtmltopdf": _version(["wkhtmltopdf", "--version"]),
        "reportlab": reportlab.Version,
        "openpyxl": openpyxl.__version__,
    }


def render(seed, count, out, jx, keep_sources=False, producers=None, log=print):
    os.makedirs(out, exist_ok=True)
    producers = producers or list(PRODUCERS)
    docs = [source.load(jx, p, REPO) for p in source.sources(REPO)]
    work = tempfile.mkdtemp(prefix="farm-src-")
    srcdir = out if keep_sources else work
    jobs = []          # (name, doc, producer, index, drawn, effective, intermediate)
    t0 = time.time()
    try:
        for doc in docs:
            for prod in producers:
                mod, ext, _ = PRODUCERS[prod]
                for k in range(count):
                    name = "%s_%s_%02d" % (doc.stem, prod, k)
                    drawn = settings.draw(settings.rng_for(seed, doc.rel, prod, k))
                    eff = mod.effective(drawn)
                    job = {"name": name, "doc": doc, "producer": prod, "index": k,
                           "drawn": drawn, "effective": eff, "error": None,
                           "fallback": None, "intermediate": None}
                    try:
                        if ext:
                            path = os.path.join(srcdir, name + ext)
                            mod.build(doc, drawn, path)
                            job["intermediate"] = path
                        else:
                            job["fallback"] = mod.build(doc, drawn, os.path.join(out, name + ".pdf"))
                    except Exception as e:  # a producer that cannot lay it out
                        job["error"] = "%s: %s" % (type(e).__name__, str(e)[:300])
                    jobs.append(job)
        log("farm: %d documents built in %.0fs" % (len(jobs), time.time() - t0))
        office = [j for j in jobs if j["intermediate"] and j["producer"] in ("writer", "calc")]
        if office:
            t1 = time.time()
            res = convert.soffice([j["intermediate"] for j in office], out)
            for j in office:
                j["error"] = j["error"] or res.get(j["intermediate"])
            log("farm: %d LibreOffice conversions in %.0fs" % (len(office), time.time() - t1))
        pages = [j for j in jobs if j["intermediate"] and j["producer"] == "chromium"]
        t1 = time.time()
        for j in pages:
            j["error"] = j["error"] or convert.chromium(j["intermediate"],
                                                        os.path.join(out, j["name"] + ".pdf"))
        if pages:
            log("farm: %d Chromium prints in %.0fs" % (len(pages), time.time() - t1))
        pages = [j for j in jobs if j["intermediate"] and j["producer"] == "wkhtmltopdf"]
        t1 = time.time()
        for j in pages:
            j["error"] = j["error"] or convert.wkhtmltopdf(
                j["intermediate"], os.path.join(out, j["name"] + ".pdf"),
                p_wkhtmltopdf.options(j["drawn"]))
        if pages:
            log("farm: %d wkhtmltopdf prints in %.0fs" % (len(pages), time.time() - t1))
        versions = tool_versions()
        for j in jobs:
            pdf = os.path.join(out, j["name"] + ".pdf")
            if not j["error"] and os.path.exists(pdf):
                pdfnorm.normalize_pdf(pdf)
            elif not j["error"]:
                j["error"] = "no PDF was written"
            doc = j["doc"]
            side = {
                "file": j["name"] + ".pdf" if not j["error"] else None,
                "source": doc.rel,
                "source_encoding": doc.encoding,
                "source_sha256": doc.sha256,
                "producer": j["producer"],
                "converter": PRODUCERS[j["producer"]][2],
                "converter_version": versions.get({"writer": "libreoffice", "calc": "libreoffice"}
                                                  .get(j["producer"], j["producer"])),
                "seed": seed,
                "index": j["index"],
                "settings": j["drawn"],
                "effective": j["effective"],
                "fallback": j["fallback"],
                "intermediate": (os.path.basename(j["intermediate"])
                                 if keep_sources and j["intermediate"] else None),
                "error": j["error"],
            }
            with open(os.path.join(out, j["name"] + ".json"), "w", encoding="utf-8") as f:
                json.dump(side, f, ensure_ascii=False, indent=1, sort_keys=True)
                f.write("\n")
        failed = [j for j in jobs if j["error"]]
        for j in failed:
            log("farm: %s failed: %s" % (j["name"], j["error"]))
        log("farm: %d renderings in %s (%d failed) in %.0fs"
            % (len(jobs) - len(failed), out, len(failed), time.time() - t0))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return jobs


def subset(src, out, most):
    """Picks about `most` renderings of src that together cover every
    producer, every source and every value of every style setting, smaller
    files first, and copies them with their sidecars and a manifest."""
    sides = report.load_sidecars(src)
    sides = [s for s in sides if s.get("file")]
    size = {s["_name"]: os.path.getsize(os.path.join(src, s["file"])) for s in sides}

    def traits(s):
        t = {("producer", s["producer"]), ("source", s["source"])}
        for k, v in settings.style_values(s["effective"]).items():
            t.add((s["producer"], k, v))
        return t
    chosen, covered = [], set()
    # Shared among the producers src has renderings of, so a run made
    # before a producer was added still gives `most`.
    present = [p for p in PRODUCERS if any(s["producer"] == p for s in sides)]
    per_producer = max(1, most // max(1, len(present)))
    for prod in present:
        pool = [s for s in sides if s["producer"] == prod]
        small = [s for s in pool if size[s["_name"]] <= 350_000]
        pool = small or pool
        picked = 0
        while pool and picked < per_producer:
            best = max(pool, key=lambda s: (len(traits(s) - covered), -size[s["_name"]]))
            if len(traits(best) - covered) == 0:
                best = min(pool, key=lambda s: size[s["_name"]])
            pool.remove(best)
            chosen.append(best)
            covered |= traits(best)
            picked += 1
    os.makedirs(out, exist_ok=True)
    manifest = []
    for s in sorted(chosen, key=lambda s: s["_name"]):
        for ext in (".pdf", ".json"):
            shutil.copy(os.path.join(src, s["_name"] + ext), os.path.join(out, s["_name"] + ext))
        manifest.append({"file": s["file"], "source": s["source"], "producer": s["producer"],
                         "seed": s["seed"], "index": s["index"], "bytes": size[s["_name"]],
                         "style": settings.style_values(s["effective"])})
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"renderings": manifest,
                   "note": "made by tools/farm.sh subset from one farm run; "
                           "each PDF's sidecar NAME.json holds every setting"},
                  f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("farm: %d renderings, %.1f MB, in %s" % (len(manifest),
          sum(m["bytes"] for m in manifest) / 1e6, out))


def repeat(seed, count, jx, producers=None):
    """Renders the same seed twice (sources kept) and compares every file."""
    a = tempfile.mkdtemp(prefix="farm-repeat-a-")
    b = tempfile.mkdtemp(prefix="farm-repeat-b-")
    try:
        quiet = lambda *_: None
        render(seed, count, a, jx, True, producers, log=quiet)
        render(seed, count, b, jx, True, producers, log=quiet)
        names = sorted(set(os.listdir(a)) | set(os.listdir(b)))
        differ = []
        for n in names:
            pa, pb = os.path.join(a, n), os.path.join(b, n)
            if not (os.path.exists(pa) and os.path.exists(pb)):
                differ.append(n)
                continue
            with open(pa, "rb") as fa, open(pb, "rb") as fb:
                if fa.read() != fb.read():
                    differ.append(n)
        for n in differ:
            print("farm: differs between the two runs: %s" % n)
        print("farm: seed %d rendered twice: %d files, %d differ" % (seed, len(names), len(differ)))
        return 1 if differ else 0
    finally:
        shutil.rmtree(a, ignore_errors=True)
        shutil.rmtree(b, ignore_errors=True)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="farm", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("render")
    r.add_argument("--seed", type=int, required=True)
    r.add_argument("--count", type=int, default=1)
    r.add_argument("--out", required=True)
    r.add_argument("--keep-sources", action="store_true")
    r.add_argument("--bin", default=os.path.join(REPO, "build", "jxaudit"))
    r.add_argument("--producers", default=",".join(PRODUCERS))
    p = sub.add_parser("report")
    p.add_argument("--bin", default=os.path.join(REPO, "build", "jxaudit"))
    p.add_argument("--json", help="summary file (default DIR/farm-report.json)")
    p.add_argument("--quiet-renderings", action="store_true",
                   help="totals only, no line per rendering")
    p.add_argument("dir")
    f = sub.add_parser("full")
    f.add_argument("--seed", type=int, required=True)
    f.add_argument("--count", type=int, default=10)
    f.add_argument("--out")
    f.add_argument("--keep-sources", action="store_true")
    f.add_argument("--bin", default=os.path.join(REPO, "build", "jxaudit"))
    s = sub.add_parser("subset")
    s.add_argument("--from", dest="src", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--max", type=int, default=40)
    q = sub.add_parser("repeat")
    q.add_argument("--seed", type=int, required=True)
    q.add_argument("--count", type=int, default=1)
    q.add_argument("--bin", default=os.path.join(REPO, "build", "jxaudit"))
    q.add_argument("--producers", default=",".join(PRODUCERS))
    a = ap.parse_args(argv)
    if a.cmd == "render":
        jobs = render(a.seed, a.count, a.out, a.bin, a.keep_sources, a.producers.split(","))
        return 0 if jobs else 1
    if a.cmd == "report":
        return report.run(a.bin, a.dir, a.json, per_rendering=not a.quiet_renderings)
    if a.cmd == "full":
        out = a.out or os.path.join(tempfile.gettempdir(), "farm-seed-%d" % a.seed)
        render(a.seed, a.count, out, a.bin, a.keep_sources)
        return report.run(a.bin, out, None)
    if a.cmd == "repeat":
        return repeat(a.seed, a.count, a.bin, a.producers.split(","))
    if a.cmd == "subset":
        subset(a.src, a.out, a.max)
        return 0


if __name__ == "__main__":
    sys.exit(main())
