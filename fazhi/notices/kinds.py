"""The kinds of notice, with the label a person chooses them by on /notices/settings/.

A capability declares the kinds it sends in its `capability.py` (imported when
Django starts, before any notice is sent):

    from fazhi.notices.kinds import notice_kind
    notice_kind("disputes.assigned", "纠纷分派给我调解", email=True)

A kind is the capability's code, a dot, and what happened. `email` is the
default for a person who has not chosen: whether this kind reaches their
e-mail. Nothing here imports a model, so capability.py may import it.
"""

from dataclasses import dataclass

DIGEST = "digest"


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    email: bool = False  # reaches e-mail unless the person says otherwise


_KINDS: dict[str, Kind] = {}


def notice_kind(code: str, label: str, *, email: bool = False) -> Kind:
    kind = Kind(code, label, email)
    _KINDS[code] = kind
    return kind


notice_kind(DIGEST, "每日待办汇总", email=True)


def all_kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda kind: (kind.code != DIGEST, kind.code))


def label_of(code: str) -> str:
    kind = _KINDS.get(code)
    return kind.label if kind else code


def email_by_default() -> set[str]:
    return {kind.code for kind in _KINDS.values() if kind.email}
