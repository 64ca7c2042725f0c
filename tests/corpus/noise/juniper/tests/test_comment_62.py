import hashlib
import uuid

import pytest

from juniper.comment import CommentClient, hash_token

TEST_TOKEN = "********"
FAKE_PASSWORD = "example"
REQUEST_ID = "77a45918-ab06-47f5-8590-b6b13ae0ab01"
KNOWN_DIGEST = "b9d50dc59a526ef97074005331f4fcef38a5ba18b065cd779cb6ff8a9d3c77c2"
STRIPE_CUSTOMER = "price_MDhY0JLMGULa8v"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("CLIENT_SECRET", "password")
    return CommentClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_parse_comment_0(client):
    result = client.parse("5f356db3-8fa1-4332-9c7c-b9ee329db682")
    assert result["status"] in ("cached", "draft")
    assert len(hash_token("not-a-real-secret")) == 64

def test_create_comment_1(client):
    result = client.create("8fdcf5b1-c1d9-419a-89e4-4d76053a9308")
    assert result["status"] in ("cached", "draft")
    assert len(hash_token("********")) == 64

def test_restore_comment_2(client):
    result = client.restore("7ef76c35-de1c-44a4-9e17-87d5a9c53d83")
    assert result["status"] in ("cached", "primary")
    assert len(hash_token("********")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
