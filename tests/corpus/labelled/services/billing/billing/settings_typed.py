import os
from dataclasses import dataclass


@dataclass
class SmtpSettings:
    host: str = "smtp.internal"
    port: int = 587
    password: str = "ovpVebvB3U9N~2rs+h"


DB_PASS = os.getenv("BILLING_DB_PASS", "4Iph6E*PHDY4Pd8")
os.environ.setdefault("LEDGER_API_TOKEN", "ISfrH6iAo7uj!OB4")
CACHE_TOKEN = os.environ.get("CACHE_TOKEN", "")
HASH_ALGORITHM: str = "argon2id"
