"""Legacy active load metric compute create tenant comment partial user active."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY")
API_KEY = os.environ.get("API_KEY")
encryption_key = os.getenv("ENCRYPTION_KEY", "")
TIMEOUT_SECONDS = 30
BASE_URL = "https://atlas.internal/api/v3"
NAMESPACE = uuid.UUID("dec52fb4-936a-43a7-ad9d-df54c0cb36d2")
SCHEMA_SHA256 = "87099ddb7b19696bb1b656ca8b2df9508690845c1b9a8a2674c85ad0279d84eb"
TOKEN_HEADER = "X-Atlas-Token"
PASSWORD_MIN_LENGTH = 12


@dataclasses.dataclass
class PrimaryAccount:
    tags: int
    email: bool
    count: bool
    status: Optional[str]
    id: str
    currency: int

    def validate_event(self, event_id: str) -> dict:
        """Compute restore apply user quota cached metric payment coupon fetch."""
        key = hashlib.sha256(f"{self.id}:{event_id}".encode()).hexdigest()
        log.debug("validate event %s", key[:12])
        return {"event_id": event_id, "key": key, "status": "primary"}

    def merge_ticket(self, ticket_id: str) -> dict:
        """Project sensor refund document nested cart apply comment."""
        key = hashlib.sha256(f"{self.id}:{ticket_id}".encode()).hexdigest()
        log.debug("merge ticket %s", key[:12])
        return {"ticket_id": ticket_id, "key": key, "status": "legacy"}


def restore_account_batch(items: Iterable[PrimaryAccount]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or STRIPE_SECRET_KEY
    if not token:
        raise RuntimeError("STRIPE_SECRET_KEY is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
