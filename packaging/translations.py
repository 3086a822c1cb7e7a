#!/usr/bin/env python3
"""Fills Qt Linguist .ts files from a JSON table: for translating new texts without Qt Linguist.

  packaging/translations.py todo translations/raddraft_de.ts > todo-de.json
      lists the messages still unfinished (after `ninja update_translations` added new texts) as
      a JSON table: {"context", "source", "comment", "translation"}, translation "" (a list of
      forms for texts with %n: German and English two, Chinese one).
  packaging/translations.py apply translations/raddraft_de.ts todo-de.json
      writes the table's translations into the unfinished messages of the same context, source
      and comment (a table entry with "context": "*" matches any context), marks them finished,
      and prints how many remain unfinished.
  packaging/translations.py apply-source translations/raddraft_en.ts
      the English file: every unfinished text without %n is its own translation (texts with %n
      still need their singular and plural forms from a table).

The files are normalised with lconvert afterwards (Qt's own layout, as lupdate writes it), so a
later `ninja update_translations` changes nothing but new texts. tests/gui/test_translations
fails while any message is unfinished or its placeholders differ from the source's.
"""

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def read(path):
    return ElementTree.parse(path)


def messages(tree):
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message


def is_unfinished(message):
    translation = message.find("translation")
    return translation is not None and translation.get("type") == "unfinished"


def key(context, message):
    return context, message.findtext("source", ""), message.findtext("comment", "")


def set_translation(message, value):
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        if not isinstance(value, list) or len(value) != len(forms):
            raise ValueError(f"{message.findtext('source')!r}: needs a list of {len(forms)} plural forms")
        for form, text in zip(forms, value):
            form.text = text
    else:
        if not isinstance(value, str):
            raise ValueError(f"{message.findtext('source')!r}: needs one text")
        translation.text = value
    del translation.attrib["type"]


def write(tree, path):
    temporary = path.with_suffix(".ts.tmp")
    tree.write(temporary, encoding="utf-8", xml_declaration=True)
    lconvert = shutil.which("lconvert") or "/usr/lib/qt6/bin/lconvert"
    if Path(lconvert).exists():
        subprocess.run([lconvert, "-locations", "none", "-i", str(temporary), "-o", str(temporary)], check=True)
    temporary.replace(path)


def todo(path):
    tree = read(path)
    table = []
    for context, message in messages(tree):
        if not is_unfinished(message):
            continue
        forms = len(message.find("translation").findall("numerusform"))
        table.append({"context": context, "source": message.findtext("source", ""),
                      "comment": message.findtext("comment", ""),
                      "translation": [""] * forms if message.get("numerus") == "yes" else ""})
    json.dump(table, sys.stdout, ensure_ascii=False, indent=1)
    print()


def apply(path, table_path):
    tree = read(path)
    exact, anywhere = {}, {}
    for entry in json.loads(Path(table_path).read_text(encoding="utf-8")):
        if entry["translation"] in ("", [], None) or (isinstance(entry["translation"], list) and "" in entry["translation"]):
            continue
        target = anywhere if entry.get("context") == "*" else exact
        target[(entry.get("context"), entry["source"], entry.get("comment", ""))] = entry["translation"]
    filled = left = 0
    for context, message in messages(tree):
        if not is_unfinished(message):
            continue
        context_name, source, comment = key(context, message)
        value = exact.get((context_name, source, comment), anywhere.get(("*", source, comment)))
        if value is None:
            left += 1
            continue
        set_translation(message, value)
        filled += 1
    write(tree, path)
    print(f"{path}: {filled} filled, {left} unfinished")
    return 0 if left == 0 else 1


def apply_source(path):
    tree = read(path)
    filled = left = 0
    for _, message in messages(tree):
        if not is_unfinished(message):
            continue
        if message.get("numerus") == "yes":
            left += 1
            continue
        set_translation(message, message.findtext("source", ""))
        filled += 1
    write(tree, path)
    print(f"{path}: {filled} filled with their source, {left} with %n still unfinished")
    return 0 if left == 0 else 1


def main(arguments):
    if len(arguments) == 2 and arguments[0] == "todo":
        todo(Path(arguments[1]))
        return 0
    if len(arguments) == 3 and arguments[0] == "apply":
        return apply(Path(arguments[1]), Path(arguments[2]))
    if len(arguments) == 2 and arguments[0] == "apply-source":
        return apply_source(Path(arguments[1]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
