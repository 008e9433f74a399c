#!/usr/bin/env python3
"""Writes the man page man/jxaudit.1 from the built binary's help.

usage: tools/make-man.py BUILD/jxaudit > man/jxaudit.1

The page is the help of `jxaudit --help` and of each `jxaudit COMMAND --help`
in troff, so it says what the binary says; tests/check_output_test.cc checks
that the committed page is what this script makes of the current help.
"""
import re
import subprocess
import sys


def run(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True,
                          text=True, env={"LC_ALL": "C.UTF-8"}).stdout


def esc(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return text


def line(text):
    text = esc(text)
    return "\\&" + text if text.startswith((".", "'")) else text


def options(help_text):
    """(names, description) of each option under "options:"."""
    out = []
    body = help_text.split("\noptions:\n", 1)[1]
    for raw in body.splitlines():
        m = re.match(r"^  (-\S.*?)(?:\s{2,}(.*))?$", raw)
        if m:
            out.append([m.group(1).strip(), (m.group(2) or "").strip()])
        elif out and raw.strip():
            out[-1][1] += " " + raw.strip()
    return out


def names(spec):
    # "-f [ --format ] arg" -> "\fB\-f\fR, \fB\-\-format\fR \fIarg\fR"
    arg = spec.endswith(" arg")
    spec = spec[:-4] if arg else spec
    parts = [p for p in re.split(r"[\[\] ]+", spec) if p]
    shown = ", ".join("\\fB" + esc(p) + "\\fR" for p in parts)
    return shown + (" \\fIarg\\fR" if arg else "")


def paragraphs(help_text):
    """The text between the usage line and the options, as paragraphs."""
    head = help_text.split("\noptions:\n", 1)[0]
    paras = [p.replace("\n", " ").strip() for p in head.split("\n\n")[1:]]
    return [p for p in paras if p]


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 1
    binary = sys.argv[1]
    general = run(binary, "--help")
    version = run(binary, "--version").split()[-1]
    commands = re.findall(r"^  (\w+)\s{2,}(.*)$",
                          general.split("\ncommands:\n", 1)[1].split("\n\n")[0],
                          re.M)
    out = [
        '.TH JXAUDIT 1 "" "jxaudit %s" "User Commands"' % version,
        ".\\\" Made by tools/make-man.py from the help of jxaudit; do not edit.",
        ".SH NAME",
        "jxaudit \\- audit the arithmetic of Chinese budget\\-performance reports",
        ".SH SYNOPSIS",
    ]
    helps = {}
    for name, _ in commands:
        helps[name] = run(binary, name, "--help")
        usage = helps[name].splitlines()[0].replace("usage: ", "")
        out += [".br", "\\fB" + esc(usage.split()[0]) + "\\fR " + esc(" ".join(usage.split()[1:]))]
    out += [".SH DESCRIPTION",
            "jxaudit reads reports in any text encoding and layout (text, PDF, Word, "
            "Excel, HTML), rebuilds their tables, checks totals, identities, rates and "
            "scores with a tolerance taken from the printed decimals, and exits like a "
            "linter.",
            ".SH COMMANDS"]
    for name, what in commands:
        h = helps[name]
        out += [".SS " + esc(name), line(what) + "."]
        for p in paragraphs(h)[1:]:
            out += [".PP", line(p)]
        out += [".PP", "Options:"]
        for spec, desc in options(h):
            out += [".TP", names(spec), line(desc)]
    out += [".SH OPTIONS", "Every option, as \\fBjxaudit \\-\\-help\\fR lists them:"]
    for spec, desc in options(general):
        out += [".TP", names(spec), line(desc)]
    out += [
        ".SH EXIT STATUS",
        ".TP", "0", "every file was read and no finding reached \\fB\\-\\-fail\\-on\\fR "
        "(check), or the command did its work",
        ".TP", "1", "check: a finding reached \\fB\\-\\-fail\\-on\\fR (error by default)",
        ".TP", "2", "a file could not be read (whatever was found in the others), or the "
        "command line, a pattern file or the store is wrong",
        ".SH FILES",
        ".TP", "\\fIjxaudit.sqlite\\fR",
        "the store check writes by default, beside \\fB\\-o\\fR or in the current directory",
        ".TP", "\\fIPREFIX/share/jxaudit/patterns/\\fR",
        "labels, units, sentence patterns and rule titles (\\fB\\-\\-patterns\\fR names another "
        "directory; so does \\fBJXAUDIT_PATTERNS\\fR)",
        ".SH SEE ALSO",
        "README.md and README.zh.md in the source tree.",
    ]
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
