"""Start-up checks: an enabled shop without Stripe keys must not go unnoticed."""

from django.conf import settings
from django.core import checks

KEYS = ("STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET")


def missing_keys():
    if not settings.SHOP_ENABLED:
        return []
    return [key for key in KEYS if not getattr(settings, key, "")]


@checks.register()
def stripe_keys(app_configs=None, **kwargs):
    """An Error wherever DEBUG is off (so `check --deploy` in production fails), a Warning in development."""
    missing = missing_keys()
    if not missing:
        return []
    level = checks.Warning if settings.DEBUG else checks.Error
    return [level(
        f"SHOP_ENABLED is set but {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing.",
        hint="Set the Stripe keys in the environment, or unset SHOP_ENABLED to switch the shop off.",
        id="shop.E001" if level is checks.Error else "shop.W001",
    )]
