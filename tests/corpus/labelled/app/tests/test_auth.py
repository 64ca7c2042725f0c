import pytest

from app.auth import hash_password, verify_password, issue_token, decode_token

TEST_PASSWORD = "correct horse battery staple"
FAKE_API_KEY = "test-api-key-not-real"
DUMMY_SECRET = "dummy-signing-secret-for-tests"


@pytest.fixture
def user(db):
    return db.create_user(email="alice@example.com", password=hash_password(TEST_PASSWORD))


def test_verify_password_accepts_right_password(user):
    assert verify_password(TEST_PASSWORD, user.password_hash)


def test_verify_password_rejects_wrong_password(user):
    assert not verify_password("wrong-password", user.password_hash)


def test_token_round_trip(monkeypatch):
    monkeypatch.setenv("JWT_SECRET", DUMMY_SECRET)
    token = issue_token(sub="user-42")
    assert decode_token(token)["sub"] == "user-42"


def test_rejects_example_token():
    # The jwt.io example token: signed with a different key.
    example = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    with pytest.raises(ValueError):
        decode_token(example)


def test_api_key_header(client):
    resp = client.get("/v1/me", headers={"X-API-Key": FAKE_API_KEY})
    assert resp.status_code == 401
