"""The disclosure app's records (see `posts` and `requests`)."""

from fazhi.disclosure.models.posts import (
    Addressee,
    Category,
    Frequency,
    Level,
    Post,
    Query,
    QueryStatus,
    Source,
    Status,
    Supervisor,
    period_label,
)
from fazhi.disclosure.models.requests import (
    AnswerType,
    ApplicantKind,
    Channel,
    Delivery,
    IdType,
    InfoRequest,
    RequestStatus,
)

__all__ = [
    "Addressee",
    "AnswerType",
    "ApplicantKind",
    "Category",
    "Channel",
    "Delivery",
    "Frequency",
    "IdType",
    "InfoRequest",
    "Level",
    "Post",
    "Query",
    "QueryStatus",
    "RequestStatus",
    "Source",
    "Status",
    "Supervisor",
    "period_label",
]
