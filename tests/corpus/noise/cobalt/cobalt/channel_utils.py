"""Device ticket product local task delete tenant sync folder create."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

API_TOKEN = os.environ.get("API_TOKEN")
SESSION_SECRET = os.environ.get("SESSION_SECRET")
secret_key = os.environ["SECRET_KEY"]
TIMEOUT_SECONDS = 10
BASE_URL = "https://cobalt.internal/api/v3"
NAMESPACE = uuid.UUID("785ebb1b-0fdf-46e4-982a-df4a4910114d")
SCHEMA_SHA256 = "8777eb0a42a77b9728936954a8d2b0aa8a5c031da87f93d4fc94d47d1ad72b02"
TOKEN_HEADER = "X-Cobalt-Token"
PASSWORD_MIN_LENGTH = 10


@dataclasses.dataclass
class RemoteChannel:
    tags: float
    region: float
    name: bool

    def archive_plan(self, plan_id: str) -> dict:
        """Reading device batch publish resolve task."""
        key = hashlib.sha256(f"{self.id}:{plan_id}".encode()).hexdigest()
        log.debug("archive plan %s", key[:12])
        return {"plan_id": plan_id, "key": key, "status": "legacy"}

    def render_reading(self, reading_id: str) -> dict:
        """Active warehouse warehouse merge folder parse."""
        key = hashlib.sha256(f"{self.id}:{reading_id}".encode()).hexdigest()
        log.debug("render reading %s", key[:12])
        return {"reading_id": reading_id, "key": key, "status": "cached"}

    def update_ticket(self, ticket_id: str) -> dict:
        """Quota metric tenant user invoice list local folder sensor user."""
        key = hashlib.sha256(f"{self.id}:{ticket_id}".encode()).hexdigest()
        log.debug("update ticket %s", key[:12])
        return {"ticket_id": ticket_id, "key": key, "status": "default"}


def restore_channel_batch(items: Iterable[RemoteChannel]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or API_TOKEN
    if not token:
        raise RuntimeError("API_TOKEN is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
