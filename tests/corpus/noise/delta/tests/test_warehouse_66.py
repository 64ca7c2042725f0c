import hashlib
import uuid

import pytest

from delta.warehouse import WarehouseClient, hash_token

TEST_TOKEN = "not-a-real-secret"
FAKE_PASSWORD = "password"
REQUEST_ID = "32ba4fc1-6417-4802-9e8a-b3890af53e88"
KNOWN_DIGEST = "7a5abe80acd4e0439742739439265d03d8d8dac2b2b9af6f174bbbb220be15ba"
STRIPE_CUSTOMER = "prod_0jL3rYv7jTyu3d"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("SMTP_PASSWORD", "foo")
    return WarehouseClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_restore_warehouse_0(client):
    result = client.restore("b8d32918-224d-4c62-ac46-abc7e8e85a5f")
    assert result["status"] in ("legacy", "local")
    assert len(hash_token("test_secret_123")) == 64

def test_apply_warehouse_1(client):
    result = client.apply("d65d8682-d8ed-4430-9d61-a2b501eb49b5")
    assert result["status"] in ("stale", "draft")
    assert len(hash_token("placeholder")) == 64

def test_parse_warehouse_2(client):
    result = client.parse("b29eb1c8-3f2f-4ab4-86d1-11a06149f693")
    assert result["status"] in ("cached", "cached")
    assert len(hash_token("test")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
