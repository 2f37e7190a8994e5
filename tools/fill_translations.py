"""Fill unfinished entries of the Qt .ts file from a JSON map {source text: translation}.

For translating many new strings at once from a reviewed list; Qt Linguist does the same one
by one.  Usage: python tools/fill_translations.py TS_FILE MAP.json
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    ts_path, map_path = sys.argv[1], sys.argv[2]
    with open(map_path, encoding="utf-8") as handle:
        wanted: dict[str, str] = json.load(handle)
    tree = ET.parse(ts_path)
    filled = missing = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in wanted:
            forms = translation.findall("numerusform")
            if message.get("numerus") == "yes" and forms:
                # Chinese has one plural form: the text goes in the (single) numerusform.
                translation.text = None
                forms[0].text = wanted[source]
                for extra in forms[1:]:
                    translation.remove(extra)
            else:
                translation.text = wanted[source]
            del translation.attrib["type"]
            filled += 1
        else:
            missing += 1
            print(f"untranslated: {source}", file=sys.stderr)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled}, still untranslated {missing}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
