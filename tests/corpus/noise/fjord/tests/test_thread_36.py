import hashlib
import uuid

import pytest

from fjord.thread import ThreadClient, hash_token

TEST_TOKEN = "foo"
FAKE_PASSWORD = "test_secret_123"
REQUEST_ID = "458887c8-aee2-48ea-aeb8-4e44e38b1df7"
KNOWN_DIGEST = "f2c6f4d87e8f58173548838900340d7c614ee9c9eba5f9ac567c61df5e6bd982"
STRIPE_CUSTOMER = "pi_e3B22M1fJFmf3v"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("NPM_TOKEN", "placeholder")
    return ThreadClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_merge_thread_0(client):
    result = client.merge("0f2ff14e-9867-4669-bd35-473233ab6a19")
    assert result["status"] in ("remote", "partial")
    assert len(hash_token("not-a-real-secret")) == 64

def test_get_thread_1(client):
    result = client.get("a72516fc-e27c-4633-a7aa-f7b0a8de4c59")
    assert result["status"] in ("remote", "partial")
    assert len(hash_token("<token>")) == 64

def test_update_thread_2(client):
    result = client.update("62682d4d-31af-4042-a64d-bb24712b4d30")
    assert result["status"] in ("batch", "active")
    assert len(hash_token("secret")) == 64

def test_create_thread_3(client):
    result = client.create("db1c6acd-474a-40f8-8802-6879489b8356")
    assert result["status"] in ("pending", "local")
    assert len(hash_token("not-a-real-secret")) == 64

def test_publish_thread_4(client):
    result = client.publish("6bc96049-ed57-40b6-aef8-03c67929222e")
    assert result["status"] in ("batch", "daily")
    assert len(hash_token("your-api-key")) == 64

def test_restore_thread_5(client):
    result = client.restore("09f98813-8e61-4922-b08e-0a47bcf7aa7e")
    assert result["status"] in ("default", "daily")
    assert len(hash_token("********")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
