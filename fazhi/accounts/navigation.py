"""The navigation, by capability. An app adds its entry in its AppConfig:

class PublicityConfig(AppConfig):
    nav = {"label": "普法宣传", "url": "publicity:index", "capability": "publicity", "order": 40}
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from fazhi.accounts.roles import can


def navigation_for(user) -> list[dict]:
    items = []
    for config in apps.get_app_configs():
        entry = getattr(config, "nav", None)
        if not entry or not can(user, entry["capability"]):
            continue
        try:
            url = reverse(entry["url"])
        except NoReverseMatch:
            continue
        items.append(
            {
                "app": config.label,
                "label": entry["label"],
                "url": url,
                "order": entry.get("order", 100),
                "capability": entry["capability"],
            }
        )
    return sorted(items, key=lambda item: item["order"])
