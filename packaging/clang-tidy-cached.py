#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""clang-tidy over a compile database, skipping files it already found clean.

A file is skipped when its preprocessed source (every header it includes, expanded by the
build's own compiler), the compile flags, .clang-tidy and the clang-tidy version are the same
as in an earlier clean check. Only clean results are remembered, so a finding is reported on
every run until it is fixed.

usage: clang-tidy-cached.py BUILD_DIR SOURCE_DIR CACHE_DIR JOBS REGEX LOG
Exit 0: no findings; 1: findings (in LOG); 2: bad arguments.
"""

import concurrent.futures
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys


def preprocess_command(entry):
    """The entry's compile command, writing preprocessed source to stdout instead of an object."""
    args = shlex.split(entry["command"]) if "command" in entry else list(entry["arguments"])
    out = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg == "-o":
            skip = True
            continue
        if arg == "-c":
            continue
        out.append(arg)
    return out + ["-E", "-P", "-o", "-"]


def key_of(entry, salt):
    result = subprocess.run(
        preprocess_command(entry), cwd=entry["directory"], capture_output=True, check=False
    )
    if result.returncode != 0:
        return None  # let clang-tidy report what is wrong
    digest = hashlib.sha256(salt)
    digest.update(entry.get("command", " ".join(entry.get("arguments", []))).encode())
    digest.update(result.stdout)
    return digest.hexdigest()


def check(entry, build, salt, cache):
    key = key_of(entry, salt)
    if key and os.path.exists(os.path.join(cache, key)):
        return entry["file"], True, ""
    result = subprocess.run(
        ["clang-tidy", "-p", build, "--quiet", entry["file"]],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    clean = result.returncode == 0 and not re.search(r"(warning|error):", output)
    if clean and key:
        open(os.path.join(cache, key), "w").close()
    return entry["file"], False, "" if clean else output


def main():
    if len(sys.argv) != 7:
        print(__doc__, file=sys.stderr)
        return 2
    build, source, cache, jobs, pattern, log = sys.argv[1:]
    os.makedirs(cache, exist_ok=True)
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        entries = [e for e in json.load(f) if re.search(pattern, e["file"])]
    version = subprocess.run(["clang-tidy", "--version"], capture_output=True, check=True).stdout
    with open(os.path.join(source, ".clang-tidy"), "rb") as f:
        salt = version + f.read()

    skipped = 0
    findings = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=int(jobs)) as pool:
        for file, cached, output in pool.map(lambda e: check(e, build, salt, cache), entries):
            skipped += cached
            if output:
                findings.append(f"--- {file}\n{output}")
    with open(log, "w", encoding="utf-8") as f:
        f.write("\n".join(findings))
    print(f"clang-tidy: {len(entries)} files, {skipped} unchanged since a clean check, "
          f"{len(findings)} with findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
