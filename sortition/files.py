"""The Sortition Foundation's stratification-app files: categories.csv and respondents.csv.

Every problem found names the file and line; nothing is half-read.
"""

import csv
import io

from sortition.model import Quota, Respondent

CATEGORY_COLUMNS = ["category", "name", "min", "max"]


class InputError(Exception):
    def __init__(self, path, line, message):
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}: {message}")


def read_rows(path):
    """Rows of a UTF-8 CSV (a byte-order mark is fine), with their line numbers; blank lines skipped."""
    try:
        raw = open(path, "rb").read()
    except OSError as error:
        raise InputError(path, None, f"cannot be read ({error.strerror})") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(path, line, "is not UTF-8 text (save the file as UTF-8)") from error
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = [(reader.line_num, [cell.strip() for cell in row]) for row in reader if any(cell.strip() for cell in row)]
    if not rows:
        raise InputError(path, None, "is empty")
    return rows


def read_categories(path):
    rows = read_rows(path)
    (header_line, header), body = rows[0], rows[1:]
    header = [column.lower() for column in header]
    missing = [column for column in CATEGORY_COLUMNS if column not in header]
    if missing:
        raise InputError(path, header_line, f"missing column(s): {', '.join(missing)} (expected category,name,min,max)")
    position = {column: header.index(column) for column in CATEGORY_COLUMNS}
    quotas, seen = [], set()
    for line, row in body:
        if len(row) < len(header):
            raise InputError(path, line, f"has {len(row)} cells, the header has {len(header)}")
        category, name = row[position["category"]], row[position["name"]]
        if not category or not name:
            raise InputError(path, line, "category and name must not be empty")
        if (category, name) in seen:
            raise InputError(path, line, f"{category}={name} is listed twice")
        seen.add((category, name))
        try:
            low, high = int(row[position["min"]]), int(row[position["max"]])
        except ValueError as error:
            raise InputError(path, line, "min and max must be whole numbers") from error
        if low < 0 or high < 0:
            raise InputError(path, line, "min and max cannot be negative")
        if low > high:
            raise InputError(path, line, f"min ({low}) is greater than max ({high}) for {category}={name}")
        quotas.append(Quota(category, name, low, high))
    if not quotas:
        raise InputError(path, None, "lists no category")
    return quotas


def read_respondents(path, quotas, household_columns=()):
    rows = read_rows(path)
    (header_line, header), body = rows[0], rows[1:]
    lowered = [column.lower() for column in header]
    if "id" not in lowered:
        raise InputError(path, header_line, "missing column: id")
    categories = sorted({quota.category for quota in quotas})
    missing = [category for category in categories if category not in header]
    missing += [column for column in household_columns if column not in header]
    if missing:
        raise InputError(path, header_line, f"missing column(s): {', '.join(missing)}")
    id_at = lowered.index("id")
    values = {category: {q.value for q in quotas if q.category == category} for category in categories}
    respondents, seen = [], {}
    for line, row in body:
        if len(row) < len(header):
            raise InputError(path, line, f"has {len(row)} cells, the header has {len(header)}")
        respondent_id = row[id_at]
        if not respondent_id:
            raise InputError(path, line, "id is empty")
        if respondent_id in seen:
            raise InputError(path, line, f"id {respondent_id} is already used on line {seen[respondent_id]}")
        seen[respondent_id] = line
        features = {}
        for category in categories:
            value = row[header.index(category)]
            if value not in values[category]:
                allowed = ", ".join(sorted(values[category]))
                raise InputError(path, line, f"unknown {category} value {value!r} (categories file has: {allowed})")
            features[category] = value
        household = "|".join(row[header.index(column)].lower() for column in household_columns)
        respondents.append(Respondent(respondent_id, features, household))
    if not respondents:
        raise InputError(path, None, "lists no respondent")
    return respondents
