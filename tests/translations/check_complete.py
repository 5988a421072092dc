"""Fails when a Qt Linguist catalogue has an entry that is unfinished, empty, or whose %1/%2
placeholders differ from the source text (a translation that drops %1 loses information)."""
import re
import sys
import xml.etree.ElementTree as ElementTree

PLACEHOLDER = re.compile(r"%L?\d")


def problems(path):
    found = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
            texts = forms or [translation.text or "" if translation is not None else ""]
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                found.append(f"{name}: unfinished: {source!r}")
            elif any(not text.strip() for text in texts):
                found.append(f"{name}: empty: {source!r}")
            elif any(sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(source))) for text in texts):
                found.append(f"{name}: placeholders differ: {source!r}")
    return found


def main(paths):
    failed = False
    for path in paths:
        found = problems(path)
        for line in found[:50]:
            print(f"{path}: {line}")
        if found:
            print(f"{path}: {len(found)} entries need work")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
