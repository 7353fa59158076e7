"""Who works with whom: organisation pairs with their agreements, and a circle layout drawn as plain SVG on the server.

The table of pairs is the content; the drawing is a picture of the same rows (no script, so it works under the CSP
and without JavaScript).
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from sinergi.organisations.choices import OrganisationKind
from sinergi.organisations.filters import REGION_FIELD_BY_LENGTH
from sinergi.organisations.models import Organisation

from .choices import COOPERATING_ROLES, AgreementStatus
from .models import Agreement

# One colour per organisation kind (fill of the node and the legend swatch); readable on white.
KIND_COLOURS: dict[str, str] = {
    OrganisationKind.LKS: "#0b6e4f",
    OrganisationKind.LKS_ASING: "#2a9d8f",
    OrganisationKind.LKKKS: "#1b4f9c",
    OrganisationKind.RELIGIOUS: "#7b3fa0",
    OrganisationKind.SOCIAL: "#b03a48",
    OrganisationKind.NGO: "#c25e00",
    OrganisationKind.PROFESSIONAL: "#5d6d7e",
    OrganisationKind.BUSINESS: "#a67c00",
    OrganisationKind.GOVERNMENT: "#2c3e50",
    OrganisationKind.UNIVERSITY: "#d35400",
}
# Beyond this many organisations a circle of labels is unreadable; the table still lists every pair.
MAX_DRAWN_NODES = 60
SIZE = 800
LABEL_CHARS = 30


@dataclass
class Pair:
    """Two organisations that are parties (first/second) to the same agreements."""

    first: Organisation
    second: Organisation
    agreements: list[Agreement] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.agreements)

    @property
    def active_count(self) -> int:
        return sum(1 for a in self.agreements if a.status == AgreementStatus.ACTIVE)


@dataclass
class Node:
    organisation: Organisation
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    colour: str
    label: str
    partners: int
    radius: float


@dataclass
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    title: str


@dataclass
class Network:
    """The pairs (for the table) and, when small enough, the drawing's nodes and edges."""

    pairs: list[Pair]
    nodes: list[Node]
    edges: list[Edge]
    organisation_count: int
    drawn: bool
    size: int = SIZE
    legend: list[tuple[str, str]] = field(default_factory=list)


def _in_region(organisation: Organisation, code: str) -> bool:
    name = REGION_FIELD_BY_LENGTH.get(len(code))
    return bool(name) and getattr(organisation, name) == code


def network_pairs(agreements: Iterable[Agreement], *, kind: str = "", region: str = "") -> list[Pair]:
    """Pairs of cooperating parties over these agreements (parties prefetched), kept when either side matches the
    organisation kind and either side lies in the region; most agreements first."""
    pairs: dict[tuple[int, int], Pair] = {}
    for agreement in agreements:
        cooperating = sorted(
            (p.organisation for p in agreement.parties.all() if p.role in COOPERATING_ROLES), key=lambda o: o.pk
        )
        for first, second in combinations(cooperating, 2):
            if kind and kind not in (first.kind, second.kind):
                continue
            if region and not (_in_region(first, region) or _in_region(second, region)):
                continue
            pair = pairs.setdefault((first.pk, second.pk), Pair(first=first, second=second))
            pair.agreements.append(agreement)
    return sorted(pairs.values(), key=lambda p: (-p.count, p.first.name, p.second.name))


def network_layout(pairs: list[Pair]) -> Network:
    """Places the organisations of these pairs on a circle, grouped by kind so colours cluster."""
    organisations: dict[int, Organisation] = {}
    partners: dict[int, set[int]] = {}
    for pair in pairs:
        for one, other in ((pair.first, pair.second), (pair.second, pair.first)):
            organisations[one.pk] = one
            partners.setdefault(one.pk, set()).add(other.pk)
    kinds_order = list(KIND_COLOURS)
    ordered = sorted(
        organisations.values(),
        key=lambda o: (kinds_order.index(o.kind) if o.kind in kinds_order else 99, o.name, o.pk),
    )
    legend = [
        (KIND_COLOURS.get(k, "#777777"), str(OrganisationKind(k).label))
        for k in kinds_order
        if any(o.kind == k for o in ordered)
    ]
    drawn = 0 < len(ordered) <= MAX_DRAWN_NODES
    nodes: list[Node] = []
    edges: list[Edge] = []
    if drawn:
        centre = SIZE / 2
        radius = SIZE / 2 - 200  # room for the labels around the circle
        positions: dict[int, tuple[float, float]] = {}
        for index, organisation in enumerate(ordered):
            angle = 2 * math.pi * index / len(ordered) - math.pi / 2
            x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
            positions[organisation.pk] = (x, y)
            right = math.cos(angle) >= 0
            label = (
                organisation.name if len(organisation.name) <= LABEL_CHARS else organisation.name[:LABEL_CHARS] + "…"
            )
            nodes.append(
                Node(
                    organisation=organisation,
                    x=round(x, 1),
                    y=round(y, 1),
                    label_x=round(centre + (radius + 14) * math.cos(angle), 1),
                    label_y=round(centre + (radius + 14) * math.sin(angle) + 4, 1),
                    anchor="start" if right else "end",
                    colour=KIND_COLOURS.get(organisation.kind, "#777777"),
                    label=label,
                    partners=len(partners[organisation.pk]),
                    radius=min(5 + 1.5 * len(partners[organisation.pk]), 16),
                )
            )
        for pair in pairs:
            (x1, y1), (x2, y2) = positions[pair.first.pk], positions[pair.second.pk]
            edges.append(
                Edge(
                    x1=round(x1, 1),
                    y1=round(y1, 1),
                    x2=round(x2, 1),
                    y2=round(y2, 1),
                    width=min(1 + pair.count, 6),
                    title=f"{pair.first.name} — {pair.second.name}: {pair.count}",
                )
            )
    return Network(pairs=pairs, nodes=nodes, edges=edges, organisation_count=len(ordered), drawn=drawn, legend=legend)
