"""Fill empty msgstr entries of a .po file from a JSON mapping {msgid: msgstr}, then report the
msgids still untranslated. Usage: python scripts/fill_po.py path/to/django.po mapping.json"""

import json
import sys


def _unquote(lines):
    return "".join(json.loads(line[line.index(chr(34)) :]) for line in lines if chr(34) in line)


def main(po_path: str, mapping_path: str) -> int:
    with open(mapping_path, encoding="utf-8") as f:
        mapping = json.load(f)
    with open(po_path, encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    missing = []
    out = []
    for block in blocks:
        lines = block.split("\n")
        ids = [i for i, line in enumerate(lines) if line.startswith("msgid ")]
        strs = [i for i, line in enumerate(lines) if line.startswith("msgstr ")]
        if (
            not ids
            or not strs
            or lines[0].startswith('msgid ""')
            and len(lines) > 1
            and "Project-Id" in block
        ):
            out.append(block)
            continue
        msgid = _unquote(lines[ids[0] : strs[0]])
        current = _unquote(lines[strs[0] :])
        # makemessages guesses translations of new msgids from similar old ones ("fuzzy");
        # those guesses are wrong more often than not, so they count as untranslated.
        if "#, fuzzy" in lines:
            lines = [line for line in lines if line != "#, fuzzy" and not line.startswith("#|")]
            strs = [i for i, line in enumerate(lines) if line.startswith("msgstr ")]
            lines = lines[: strs[0]] + ['msgstr ""']
            current = ""
        if not current:
            if msgid in mapping:
                lines = lines[: strs[0]] + ["msgstr " + json.dumps(mapping[msgid], ensure_ascii=False)]
            else:
                missing.append(msgid)
        out.append("\n".join(line for line in lines if line != ""))
    with open(po_path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(out))
    for msgid in missing:
        print("untranslated:", msgid)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
