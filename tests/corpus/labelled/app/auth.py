import datetime as dt
import os

import jwt
from argon2 import PasswordHasher

_ph = PasswordHasher()
JWT_SECRET = os.environ.get("JWT_SECRET")
JWT_ALGORITHM = "HS256"
TOKEN_TTL = dt.timedelta(hours=1)
PASSWORD_RESET_TOKEN_BYTES = 32


def hash_password(password: str) -> str:
    return _ph.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return _ph.verify(password_hash, password)
    except Exception:
        return False


def issue_token(sub: str) -> str:
    if not JWT_SECRET:
        raise RuntimeError("JWT_SECRET is not set")
    now = dt.datetime.now(dt.timezone.utc)
    return jwt.encode({"sub": sub, "iat": now, "exp": now + TOKEN_TTL}, JWT_SECRET,
                      algorithm=JWT_ALGORITHM)


def decode_token(token: str) -> dict:
    try:
        return jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALGORITHM])
    except jwt.PyJWTError as e:
        raise ValueError("invalid token") from e
