"""Word lists and naming helpers for the noise files: nouns, verbs, field names, identifier styles,
sentences, plainly fake values and provider object ids (identifiers, not credentials)."""

from .rand import ALNUM, R, rs

NOUNS = ["order", "invoice", "customer", "product", "shipment", "account", "session", "report",
         "metric", "user", "cart", "payment", "refund", "warehouse", "ticket", "comment", "project",
         "task", "schedule", "event", "device", "sensor", "reading", "tenant", "plan", "coupon",
         "address", "message", "thread", "channel", "document", "folder", "asset", "region", "quota"]
VERBS = ["get", "create", "update", "delete", "list", "sync", "load", "parse", "validate",
         "render", "compute", "fetch", "publish", "archive", "restore", "merge", "resolve", "apply"]
ADJ = ["pending", "active", "stale", "primary", "default", "cached", "remote", "local", "draft",
       "final", "nested", "batch", "daily", "partial", "legacy"]
FIELDS = ["id", "name", "created_at", "updated_at", "status", "amount", "currency", "email",
          "owner_id", "count", "title", "description", "priority", "region", "version", "tags"]
PROJECTS = ["atlas", "beacon", "cobalt", "delta", "ember", "fjord", "garnet", "harbor", "iris",
            "juniper", "kestrel", "lumen"]
# Configuration keys that name secrets: the values are always looked up, never written.
SECRET_ENV = ["DATABASE_URL", "DB_PASSWORD", "API_KEY", "API_TOKEN", "SECRET_KEY", "JWT_SECRET",
              "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "SMTP_PASSWORD",
              "SLACK_WEBHOOK_URL", "OPENAI_API_KEY", "SESSION_SECRET", "REDIS_PASSWORD",
              "CLIENT_SECRET", "ENCRYPTION_KEY", "SENTRY_AUTH_TOKEN", "NPM_TOKEN"]
FAKE_VALUES = ["test", "secret", "password", "changeme", "dummy", "fake-token", "test-api-key",
               "not-a-real-secret", "xxxxxxxx", "<token>", "your-api-key", "placeholder", "example",
               "s3cr3t", "letmein", "foo", "bar", "hunter2", "test_secret_123", "REDACTED", "********"]


def noun():
    return R.choice(NOUNS)


def camel(*words):
    return words[0] + "".join(w.title() for w in words[1:])


def pascal(*words):
    return "".join(w.title() for w in words)


def snake(*words):
    return "_".join(words)


def fake():
    return R.choice(FAKE_VALUES)


def object_id():
    """Provider object ids: identifiers, not credentials."""
    return R.choice(["cus_", "pi_", "ch_", "price_", "prod_", "sub_", "in_", "evt_"]) + rs(ALNUM, 14)


def sentence():
    words = [R.choice(NOUNS + VERBS + ADJ) for _ in range(R.randrange(5, 12))]
    return " ".join(words).capitalize() + "."
