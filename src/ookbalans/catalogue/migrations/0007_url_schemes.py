"""Empty every stored web address that is not http or https, now that the website fields refuse them.

Frozen: the rule is copied here (not imported from validators.py), so this migration does the same
on every database whatever the validators become. A browser runs a javascript:, data: or vbscript:
address as code; the fields accepted only http, https, ftp and ftps before, so this normally finds
nothing, or an ftp address.
"""

import re

from django.db import migrations

SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
IGNORED_AROUND = "".join(chr(code) for code in range(0x21))

FIELDS = {
    "Coalition": ["website"],
    "Organisation": ["website"],
    "ContactPoint": ["website"],
    "Service": ["url", "online_url"],
    "NationalIntervention": ["url"],
}


def is_web_address(value: str) -> bool:
    match = SCHEME.match(re.sub(r"[\t\n\r]", "", value.strip(IGNORED_AROUND)))
    return bool(match) and match.group(1).lower() in ("http", "https")


def empty_other_schemes(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("catalogue", model_name)
        for field in fields:
            stored = model.objects.exclude(**{field: ""}).values_list("pk", field)
            refused = [pk for pk, value in stored.iterator() if not is_web_address(value)]
            for start in range(0, len(refused), 500):
                model.objects.filter(pk__in=refused[start : start + 500]).update(**{field: ""})


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0006_page_indexes"),
    ]

    operations = [
        migrations.RunPython(empty_other_schemes, migrations.RunPython.noop, elidable=True),
    ]
