import hashlib
import uuid

import pytest

from juniper.channel import ChannelClient, hash_token

TEST_TOKEN = "your-api-key"
FAKE_PASSWORD = "test_secret_123"
REQUEST_ID = "b8b1a3a0-4ee2-4ae1-8641-fa8c250d7ec3"
KNOWN_DIGEST = "d8ad152cf1e8c45eb55bf221a630c36ce8eb36666ad781f6ee8a410e92e5cd0e"
STRIPE_CUSTOMER = "ch_WwLw7pYTmLkUdA"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("SMTP_PASSWORD", "s3cr3t")
    return ChannelClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_sync_channel_0(client):
    result = client.sync("337107c5-8200-45a4-97c7-8d758eb36b95")
    assert result["status"] in ("pending", "remote")
    assert len(hash_token("bar")) == 64

def test_sync_channel_1(client):
    result = client.sync("8981e975-3644-41e3-b476-41217e7754ba")
    assert result["status"] in ("partial", "draft")
    assert len(hash_token("bar")) == 64

def test_list_channel_2(client):
    result = client.list("976a67ef-71e4-4c83-a899-51679224c565")
    assert result["status"] in ("primary", "pending")
    assert len(hash_token("example")) == 64

def test_update_channel_3(client):
    result = client.update("60e06a38-4e6a-43b5-8c4c-bd68102803e9")
    assert result["status"] in ("remote", "draft")
    assert len(hash_token("secret")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
