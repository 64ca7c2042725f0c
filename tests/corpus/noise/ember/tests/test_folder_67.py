import hashlib
import uuid

import pytest

from ember.folder import FolderClient, hash_token

TEST_TOKEN = "<token>"
FAKE_PASSWORD = "foo"
REQUEST_ID = "03c134b8-4ef7-46d9-9011-6e3df0e776d6"
KNOWN_DIGEST = "1173a72c2f4051837910ec18ca4d92a2e56f971be35de86da529ccdfa6d7993f"
STRIPE_CUSTOMER = "in_FTRvVk4K0Ovr1t"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("SMTP_PASSWORD", "<token>")
    return FolderClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_get_folder_0(client):
    result = client.get("b2a30e2e-1323-4e07-8d8c-e9d7dec57059")
    assert result["status"] in ("final", "nested")
    assert len(hash_token("placeholder")) == 64

def test_list_folder_1(client):
    result = client.list("4252ed43-d655-4204-9edb-f9f8c2b4a984")
    assert result["status"] in ("final", "stale")
    assert len(hash_token("password")) == 64

def test_fetch_folder_2(client):
    result = client.fetch("f4138ffb-d4c2-4339-84fe-fa2d8e9d28ef")
    assert result["status"] in ("draft", "pending")
    assert len(hash_token("example")) == 64

def test_apply_folder_3(client):
    result = client.apply("97ef24d8-1cc2-4f48-8a34-d05b283811e0")
    assert result["status"] in ("cached", "local")
    assert len(hash_token("foo")) == 64

def test_resolve_folder_4(client):
    result = client.resolve("f53dbae7-ef4d-4e89-8700-a1b40d5462dd")
    assert result["status"] in ("local", "local")
    assert len(hash_token("test-api-key")) == 64

def test_load_folder_5(client):
    result = client.load("28542fd6-7d35-4765-83c9-63a5d85ff465")
    assert result["status"] in ("daily", "final")
    assert len(hash_token("your-api-key")) == 64

def test_merge_folder_6(client):
    result = client.merge("b4f46056-a434-4c74-a9fd-396985fb2ef2")
    assert result["status"] in ("partial", "final")
    assert len(hash_token("placeholder")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
