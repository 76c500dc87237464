"""Every write of the disclosure app: catalogue, posts, queries, information requests.

The post's way is enforced here and nowhere else:

    draft ──submit──▶ submitted ──approve──▶ published ──withdraw──▶ withdrawn
      ▲                   │
      └──── returned ◀────┘ return (with a reason)

Approving publishes and files the post with the township (recorded as a
step); a step out of order is refused with a ValidationError naming the step
that is missing, which pages show and the API answers with 400.
"""

from fazhi.disclosure.services.catalogue import (
    category_import_row,
    category_save,
    is_supervisor,
    supervisor_assign,
)
from fazhi.disclosure.services.common import REQUEST_NUMBERS
from fazhi.disclosure.services.posts import (
    attachments_of,
    personal_data_problems,
    post_approve,
    post_push_to_screen,
    post_return,
    post_save,
    post_submit,
    post_withdraw,
    served_publicly,
)
from fazhi.disclosure.services.queries import (
    query_answer,
    query_escalate,
    query_moderate,
    query_submit,
)
from fazhi.disclosure.services.requests import (
    request_answer,
    request_apply_online,
    request_consult,
    request_correction,
    request_correction_received,
    request_extend,
    request_register,
)

__all__ = [
    "REQUEST_NUMBERS",
    "attachments_of",
    "category_import_row",
    "category_save",
    "is_supervisor",
    "personal_data_problems",
    "post_approve",
    "post_push_to_screen",
    "post_return",
    "post_save",
    "post_submit",
    "post_withdraw",
    "query_answer",
    "query_escalate",
    "query_moderate",
    "query_submit",
    "request_answer",
    "request_apply_online",
    "request_consult",
    "request_correction",
    "request_correction_received",
    "request_extend",
    "request_register",
    "served_publicly",
    "supervisor_assign",
]
