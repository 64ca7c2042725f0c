"""Django settings for the billing service."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = "django-insecure-17ued8(1!7!eg^5x152m8r#jyxl-ixy2@7^n7aw+56559f6n23"

DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = ["billing.internal", "localhost"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "rest_framework",
    "billing.invoices",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing_app",
        "PASSWORD": "E+L^Gbd=0^ACA3Cf",
        "HOST": os.environ.get("DB_HOST", "127.0.0.1"),
        "PORT": 5432,
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing_ro",
        "PASSWORD": os.environ["REPLICA_DB_PASSWORD"],
        "HOST": "replica.internal",
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]

STRIPE_PUBLISHABLE_KEY = "pk_live_4mPr1ZpD7BMJ25q5WuTCAHFKvXjmQZmiA4kqlY8MM9N35zD6NCaN9NLKOYjvM38XgwGubIRQL6ptjyQOxOWVTQNom7o0DtlX73h"
STRIPE_SECRET_KEY = "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"
STRIPE_WEBHOOK_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET", "whsec_Pw08pIKBovW3kfPV4H41posiAKsu6wbL")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                      "LOCATION": "redis://cache.internal:6379/1"}}
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_TRUSTED_ORIGINS = ["https://billing.acme.dev"]
