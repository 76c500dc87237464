from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from fazhi.core.navigation import attention_for, cards_for, todo_for
from fazhi.core.roles import Role


@login_required
def home(request):
    """Each role starts where its work is."""
    user = request.user
    if user.role == Role.AUDITOR:
        return redirect("audit:log")
    if user.role == Role.SYSADMIN:
        return redirect("accounts:users")
    context = {"cards": cards_for(user), "attention": attention_for(user), "todo": todo_for(user)}
    return render(request, "dashboard/home.html", context)
