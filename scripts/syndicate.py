#!/usr/bin/env python3
"""Writes a syndicated archive: COPIES lightly varied copies of every article under SOURCES.

Real archives repeat a story many times (wire copies, syndicated reprints, updated
versions). Each copy here keeps the article's figures and changes a little around
them: a reprint line naming an outlet is added at the end, and one word of the body
may be swapped, so no two copies are byte-identical. The output is deterministic.

    scripts/syndicate.py OUT_DIR COPIES SOURCE...   # SOURCE: a file or a folder

Used to check that `claimcheck check` stays linear when one story appears in many
copies (docs/benchmarks.md).
"""
import os
import sys

OUTLETS = ["Daily Ledger", "Morning Post", "Evening Herald", "City Courier",
           "Valley Times", "Harbour Gazette", "Northern Star", "Coastal Record"]
SWAPS = [(" said ", " told reporters "), (" also ", " further "), (" but ", " yet ")]
EXTS = (".txt", ".md", ".markdown", ".html", ".htm")


def sources(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.endswith(EXTS) and f != "README.md" and ".expected." not in f:
                        yield os.path.join(root, f)
        else:
            yield p


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    out, copies, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    total = 0
    files = 0
    for n, src in enumerate(sources(paths)):
        text = open(src, encoding="utf-8").read()
        base = os.path.basename(src)
        for i in range(copies):
            body = text
            old, new = SWAPS[i % len(SWAPS)]
            if (i // len(SWAPS)) % 2 == 1 and old in body:
                body = body.replace(old, new, 1)
            outlet = OUTLETS[i % len(OUTLETS)]
            edition = ["morning", "evening", "weekend", "online"][(i // len(OUTLETS)) % 4]
            if src.endswith((".html", ".htm")):
                body = body.replace("</body>", f"<p>Reprinted by the {outlet}, {edition} edition.</p></body>", 1)
            else:
                body = body.rstrip("\n") + f"\n\nReprinted by the {outlet}, {edition} edition.\n"
            d = os.path.join(out, f"story{n:03d}")
            os.makedirs(d, exist_ok=True)
            path = os.path.join(d, f"copy{i:05d}-{base}")
            with open(path, "w", encoding="utf-8") as f:
                f.write(body)
            total += len(body.encode("utf-8"))
            files += 1
    print(f"{files} files, {total / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
