import hashlib
import uuid

import pytest

from beacon.metric import MetricClient, hash_token

TEST_TOKEN = "********"
FAKE_PASSWORD = "********"
REQUEST_ID = "2e136c24-b1a8-4b21-9d97-13c0c9406b0b"
KNOWN_DIGEST = "7d8b82374e9ff2a7a3eb62e2a07e1f8b34a449359e7899c8c4979e2500885a4a"
STRIPE_CUSTOMER = "evt_7fyzSAKsd5Nu9S"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("REDIS_PASSWORD", "REDACTED")
    return MetricClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_archive_metric_0(client):
    result = client.archive("78eb561b-9c5b-4600-89c4-041a291f5701")
    assert result["status"] in ("partial", "draft")
    assert len(hash_token("foo")) == 64

def test_sync_metric_1(client):
    result = client.sync("c88f6a07-2f9a-4190-9cf8-8c651ada7e23")
    assert result["status"] in ("local", "active")
    assert len(hash_token("s3cr3t")) == 64

def test_render_metric_2(client):
    result = client.render("f8fd779f-7992-4e46-b8db-ffd7b814810f")
    assert result["status"] in ("nested", "local")
    assert len(hash_token("letmein")) == 64

def test_restore_metric_3(client):
    result = client.restore("b9d3e185-c050-4b27-b020-3448004f4c76")
    assert result["status"] in ("cached", "daily")
    assert len(hash_token("password")) == 64

def test_sync_metric_4(client):
    result = client.sync("6cf70cac-0322-4088-8175-3314482c217a")
    assert result["status"] in ("stale", "remote")
    assert len(hash_token("password")) == 64

def test_resolve_metric_5(client):
    result = client.resolve("8090c35b-60ee-44b3-8bd0-9d99be5db26e")
    assert result["status"] in ("partial", "draft")
    assert len(hash_token("dummy")) == 64

def test_merge_metric_6(client):
    result = client.merge("beb3d55a-cb59-433f-8d51-2b5a3d5df4ed")
    assert result["status"] in ("partial", "pending")
    assert len(hash_token("hunter2")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
