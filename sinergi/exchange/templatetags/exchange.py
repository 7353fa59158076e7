from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def grouped(value: object) -> str:
    """A count with thousands grouped as the language writes them (1.999 in Indonesian, 1,999 in English)."""
    return number_format(value, force_grouping=True)


@register.filter
def row_list(rows: list[int]) -> str:
    """Row numbers for a sentence: "2, 3, 4"."""
    return ", ".join(str(row) for row in rows)
