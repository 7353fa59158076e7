"""The registry of entities: each app's `exchange` module calls register(); pages, forms and commands find an
entity by its key (get_entity) or list them all (entities). Registering also gives the audit log the words for the
entity's events."""

from django.utils.functional import lazy
from django.utils.translation import gettext as _

from .entity import Entity

_REGISTRY: dict[str, Entity] = {}


def register(entity: Entity) -> Entity:
    """Makes an entity importable/exportable under its key (called from the owning app's exchange.py)."""
    _REGISTRY[entity.key] = entity
    _audit_words(entity)
    return entity


def unregister(key: str) -> Entity:
    """Takes the entity registered under `key` out of the registry (a test's own entity, once its test is done): the
    pages, the upload form and the commands no longer offer it; its jobs stay, named by their key. LookupError when
    none is registered under it."""
    try:
        return _REGISTRY.pop(key)
    except KeyError:
        raise LookupError(key) from None


def _audit_words(entity: Entity) -> None:
    """The audit log reads an entity's events by its label: the "Data" of its imports, and its exports and their
    downloads ("exchange.<key>.exported"). Words the audit app lists for a key already are kept."""
    from sinergi.audit.display import register_action_labels, register_data_choices

    register_data_choices("entity", [(entity.key, entity.label)])
    register_action_labels(
        {
            f"exchange.{entity.key}.exported": lazy(
                lambda: _("Ekspor data %(entity)s") % {"entity": entity.label}, str
            )(),
            f"exchange.{entity.key}.downloaded": lazy(
                lambda: _("Unduhan ekspor data %(entity)s") % {"entity": entity.label}, str
            )(),
        }
    )


def get_entity(key: str) -> Entity:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise LookupError(
            _("Jenis data “%(key)s” tidak dikenal. Pilihan: %(choices)s.")
            % {"key": key, "choices": ", ".join(sorted(_REGISTRY))}
        ) from None


def entities() -> list[Entity]:
    return list(_REGISTRY.values())
