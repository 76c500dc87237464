"""The API schema names the error answers every operation can give.

drf-spectacular documents only the success answer of each operation; but a
caller of a scoped, capability-checked API must expect 400 (the input is
refused, with the reason per field), 401/403 (not logged in, or the role may
not) and 404 (not there, or outside the caller's scope — the two look alike
on purpose). Without them, a client generated from the schema, or a probe
that checks answers against it, sees every refusal as a contract breach.
"""

DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}

# DRF answers a refused input with {field: [messages]}, {"detail": …} or a
# plain list of messages (a refusal that names no field).
VALIDATION = {
    "oneOf": [
        {"type": "object", "additionalProperties": {}},
        {"type": "array", "items": {"type": "string"}},
    ]
}

ERRORS = {
    "400": ("输入有误（按字段列出原因）", VALIDATION),
    "401": ("未登录或凭据无效", DETAIL),
    "403": ("角色无权执行此操作", DETAIL),
    "404": ("记录不存在或不在管辖范围内", DETAIL),
}

# A write can also meet someone else's edit (the optimistic lock answers
# {detail, version, changes}) or a record others still refer to ({detail}).
CONFLICT = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "version": {"type": "integer"},
        "changes": {"type": "array", "items": {}},
    },
    "required": ["detail"],
}
WRITE_ERRORS = {"409": ("与他人的修改冲突，或记录仍被其他记录引用", CONFLICT)}

METHODS = {"get", "post", "put", "patch", "delete"}
WRITES = {"post", "put", "patch", "delete"}


def add_error_responses(result, generator, request, public):
    """POSTPROCESSING_HOOKS entry: add the error answers to every operation."""
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            errors = {**ERRORS, **WRITE_ERRORS} if method in WRITES else ERRORS
            for status, (description, body) in errors.items():
                responses.setdefault(
                    status,
                    {"description": description, "content": {"application/json": {"schema": body}}},
                )
    return result


def blank_until_set(model, name: str):
    """A read-only choice that stays "" until the record gets there (an outcome,
    an opinion). ModelSerializer drops `allow_blank` from read-only fields, so
    the schema would otherwise refuse the "" that every new record answers."""
    from rest_framework import serializers

    field = model._meta.get_field(name)
    return serializers.ChoiceField(choices=field.choices, allow_blank=True, read_only=True)
