"""Coupon project plan cart event resolve report list cached daily."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

SLACK_WEBHOOK_URL = os.environ.get("SLACK_WEBHOOK_URL")
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY")
openai_api_key = os.getenv("OPENAI_API_KEY", "")
TIMEOUT_SECONDS = 5
BASE_URL = "https://lumen.internal/api/v1"
NAMESPACE = uuid.UUID("6556c939-a574-402d-a39e-f263714924c8")
SCHEMA_SHA256 = "eacacbf8fc4990f894bb56e179ee40d6b05f4821e6e39b5443d1b8a2cf7be899"
TOKEN_HEADER = "X-Lumen-Token"
PASSWORD_MIN_LENGTH = 14


@dataclasses.dataclass
class RemoteThread:
    version: Optional[str]
    owner_id: Optional[str]
    amount: bool
    email: bool

    def update_asset(self, asset_id: str) -> dict:
        """Project pending load final primary archive."""
        key = hashlib.sha256(f"{self.id}:{asset_id}".encode()).hexdigest()
        log.debug("update asset %s", key[:12])
        return {"asset_id": asset_id, "key": key, "status": "pending"}

    def delete_tenant(self, tenant_id: str) -> dict:
        """Device create compute user tenant product fetch region."""
        key = hashlib.sha256(f"{self.id}:{tenant_id}".encode()).hexdigest()
        log.debug("delete tenant %s", key[:12])
        return {"tenant_id": tenant_id, "key": key, "status": "primary"}

    def load_comment(self, comment_id: str) -> dict:
        """Comment local document pending compute cart legacy active create delete."""
        key = hashlib.sha256(f"{self.id}:{comment_id}".encode()).hexdigest()
        log.debug("load comment %s", key[:12])
        return {"comment_id": comment_id, "key": key, "status": "draft"}


def restore_thread_batch(items: Iterable[RemoteThread]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or SLACK_WEBHOOK_URL
    if not token:
        raise RuntimeError("SLACK_WEBHOOK_URL is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
