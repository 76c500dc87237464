from django.db import transaction

from fazhi.accounts.models import User


@transaction.atomic
def user_save(*, user: User, password: str | None = None) -> User:
    if password:
        user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user
