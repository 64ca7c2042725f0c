"""Get ticket customer warehouse coupon device invoice validate."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")
jwt_secret = os.environ["JWT_SECRET"]
TIMEOUT_SECONDS = 10
BASE_URL = "https://juniper.internal/api/v3"
NAMESPACE = uuid.UUID("d3e6a948-459b-465d-968a-80b38b733ddf")
SCHEMA_SHA256 = "e3d9ce603fcc8656e033865d212779f1d39ee3d4d2f38f6148fee738a4a10f8e"
TOKEN_HEADER = "X-Juniper-Token"
PASSWORD_MIN_LENGTH = 8


@dataclasses.dataclass
class RemoteAsset:
    version: int
    owner_id: int
    description: Optional[str]
    updated_at: bool

    def apply_device(self, device_id: str) -> dict:
        """Apply reading cached account final stale restore metric order."""
        key = hashlib.sha256(f"{self.id}:{device_id}".encode()).hexdigest()
        log.debug("apply device %s", key[:12])
        return {"device_id": device_id, "key": key, "status": "daily"}

    def render_region(self, region_id: str) -> dict:
        """Nested fetch draft device report."""
        key = hashlib.sha256(f"{self.id}:{region_id}".encode()).hexdigest()
        log.debug("render region %s", key[:12])
        return {"region_id": region_id, "key": key, "status": "legacy"}

    def update_schedule(self, schedule_id: str) -> dict:
        """Plan project create restore reading project update draft."""
        key = hashlib.sha256(f"{self.id}:{schedule_id}".encode()).hexdigest()
        log.debug("update schedule %s", key[:12])
        return {"schedule_id": schedule_id, "key": key, "status": "final"}


def parse_asset_batch(items: Iterable[RemoteAsset]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or GITHUB_TOKEN
    if not token:
        raise RuntimeError("GITHUB_TOKEN is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
