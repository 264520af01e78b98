"""Demo content for this app, called by `seed_demo` (idempotent)."""


def seed(stdout, **options):
    """Create this app's demo content; return the demo logins it made as (username, password, role)."""
    return []
