"""Runs the converters, one at a time, each with a timeout."""
import os
import shutil
import signal
import subprocess
import tempfile


def _run(cmd, timeout, **kw):
    """Runs cmd in its own process group; on timeout the whole group is
    killed. Returns (ok, stderr tail)."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         process_group=0, **kw)
    try:
        _, err = p.communicate(timeout=timeout)
        return p.returncode == 0, err.decode("utf-8", "replace")[-400:]
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return False, "timed out after %gs" % timeout


def soffice(files, outdir, per_file=30, batch=16):
    """Converts .docx/.xlsx files to PDF in outdir, several per soffice call,
    with a private profile. Returns {file: error or None}."""
    result = {}
    profile = tempfile.mkdtemp(prefix="farm-lo-")
    try:
        env = dict(os.environ, HOME=profile)
        base = ["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", outdir]
        pending = list(files)
        while pending:
            chunk, pending = pending[:batch], pending[batch:]
            ok, err = _run(base + chunk, 60 + per_file * len(chunk), env=env)
            for f in chunk:
                pdf = os.path.join(outdir, os.path.splitext(os.path.basename(f))[0] + ".pdf")
                if os.path.exists(pdf) and os.path.getsize(pdf) > 0:
                    result[f] = None
                elif len(chunk) > 1:
                    # Tried again alone, so one bad file costs only itself.
                    ok1, err1 = _run(base + [f], 60 + per_file, env=env)
                    result[f] = None if os.path.exists(pdf) else ("soffice: " + err1.strip()[-200:])
                else:
                    result[f] = "soffice: " + err.strip()[-200:]
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return result


def chromium(html, pdf, timeout=120):
    """Prints one HTML file to PDF with headless Chromium and a fresh profile."""
    profile = tempfile.mkdtemp(prefix="farm-chromium-")
    try:
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--user-data-dir=" + profile, "--no-pdf-header-footer",
               "--print-to-pdf=" + pdf, "file://" + os.path.abspath(html)]
        ok, err = _run(cmd, timeout, env=dict(os.environ, HOME=profile))
        if os.path.exists(pdf) and os.path.getsize(pdf) > 0:
            return None
        return "chromium: " + err.strip()[-200:]
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def wkhtmltopdf(html, pdf, options, timeout=120):
    """Prints one HTML file to PDF with wkhtmltopdf, with a private home."""
    home = tempfile.mkdtemp(prefix="farm-wk-")
    try:
        # Qt seeds its hash tables at random per process, and the order the
        # embedded fonts are written in follows them: a fixed seed gives the
        # same bytes on every run.
        env = dict(os.environ, HOME=home, XDG_RUNTIME_DIR=home, QT_HASH_SEED="0",
                   QT_QPA_PLATFORM="offscreen")
        ok, err = _run(["wkhtmltopdf"] + options + [os.path.abspath(html), pdf], timeout, env=env)
        if ok and os.path.exists(pdf) and os.path.getsize(pdf) > 0:
            return None
        return "wkhtmltopdf: " + err.strip()[-200:]
    finally:
        shutil.rmtree(home, ignore_errors=True)
