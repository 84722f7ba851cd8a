"""Registration lists as CSV or XLSX for staff; private answers only with their permission."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE


def columns(private):
    headers = [_("Name"), _("Email"), _("Status"), _("Seat"), _("Waiting list"), _("Language"), _("District")]
    headers += [_("Children"), _("Registered at")]
    if private:
        headers += [_("Ages of the children"), _("Access needs")]
    return headers


def rows(registrations, positions, private):
    for registration in registrations:
        row = [
            registration.name,
            registration.email,
            registration.get_status_display(),
            registration.seat or "",
            positions.get(registration.pk, ""),
            registration.language,
            str(registration.district or ""),
            registration.children,
            timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
        ]
        if private:
            row += [registration.children_ages, registration.access_needs]
        yield [safe_cell(value) for value in row]


def safe_cell(value):
    """Keep spreadsheets from running formulas typed into a name or a note."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def as_csv(registrations, positions, private):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns(private))
    writer.writerows(rows(registrations, positions, private))
    return buffer.getvalue().encode("utf-8-sig")


def _xml_safe(value):
    """XLSX is XML, which cannot hold most control characters: each becomes U+FFFD instead of
    failing the whole export (answers saved before forms refused them, or typed by staff)."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value


def as_xlsx(registrations, positions, private):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:31]
    sheet.append(columns(private))
    for row in rows(registrations, positions, private):
        sheet.append([_xml_safe(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
