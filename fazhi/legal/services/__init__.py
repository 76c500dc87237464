"""Writes of the legal capability, each in one transaction; one module per kind of record."""

from fazhi.legal.services.advisors import (
    ADVISOR_FIELDS,
    advisor_create,
    advisor_fields,
    advisor_service_record,
    advisor_update,
    contract_create,
)
from fazhi.legal.services.decisions import (
    catalogue_create,
    catalogue_publish,
    decision_archive,
    decision_create,
    decision_step_record,
)
from fazhi.legal.services.reviews import review_due_for, review_opinion_give, review_request_send

__all__ = [
    "ADVISOR_FIELDS",
    "advisor_create",
    "advisor_fields",
    "advisor_service_record",
    "advisor_update",
    "catalogue_create",
    "catalogue_publish",
    "contract_create",
    "decision_archive",
    "decision_create",
    "decision_step_record",
    "review_due_for",
    "review_opinion_give",
    "review_request_send",
]
