import hashlib
import uuid

import pytest

from delta.quota import QuotaClient, hash_token

TEST_TOKEN = "dummy"
FAKE_PASSWORD = "bar"
REQUEST_ID = "e197aeea-b04a-4332-8889-e688642f6c93"
KNOWN_DIGEST = "49caadf653dfe532c97609d40f255b2d74b5ee5aaa1c3c33f5cdc13016add403"
STRIPE_CUSTOMER = "sub_wC4qpP7I6ivjBG"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "placeholder")
    return QuotaClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_parse_quota_0(client):
    result = client.parse("0bdb53ab-9a88-486c-aa38-7e2ea82c706f")
    assert result["status"] in ("default", "final")
    assert len(hash_token("xxxxxxxx")) == 64

def test_parse_quota_1(client):
    result = client.parse("000c730b-950c-4ec3-aeb4-dfbfbd535213")
    assert result["status"] in ("active", "draft")
    assert len(hash_token("example")) == 64

def test_validate_quota_2(client):
    result = client.validate("699c1f81-8abe-4b81-975d-9b5c6705cc5d")
    assert result["status"] in ("final", "final")
    assert len(hash_token("test-api-key")) == 64

def test_parse_quota_3(client):
    result = client.parse("1b46ed34-6ee5-4504-b38b-dd81057489e5")
    assert result["status"] in ("default", "final")
    assert len(hash_token("not-a-real-secret")) == 64

def test_merge_quota_4(client):
    result = client.merge("4dfbe3db-80fc-435d-962c-0d3700846b24")
    assert result["status"] in ("primary", "local")
    assert len(hash_token("test")) == 64

def test_compute_quota_5(client):
    result = client.compute("6dedc681-8ded-44e0-b42f-aff6fcddee94")
    assert result["status"] in ("daily", "pending")
    assert len(hash_token("s3cr3t")) == 64

def test_get_quota_6(client):
    result = client.get("c464faca-6878-4496-83cf-25e5c086b2d7")
    assert result["status"] in ("default", "daily")
    assert len(hash_token("test-api-key")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
