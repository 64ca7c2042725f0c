CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE users (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  email CITEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  api_key_sha256 CHAR(64),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE password_resets (
  token_hash BYTEA PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at TIMESTAMPTZ NOT NULL
);

-- seed users for staging (bcrypt hashes of random passwords)
INSERT INTO users (id, email, password_hash, api_key_sha256) VALUES
  ('4c4712ed-441d-42f2-8641-6accea3c200e', 'alice@example.com', '$2b$12$kgZ7nFkILd4Wl1E3VAF8ZrVU04OS1sOjRyUVKD5VBv.gyE/P1xvvw', '026ad84281204ee519b74b2fdad1edcb333c449fb911d30b1ab20f0c9816c51c'),
  ('3ee9656b-6846-40b6-bd4d-c5819dae9c00', 'bob@example.com', '$2b$12$7q9T7.v3COCf25AsqJpae0Msodlt1wFa17SDi5c6n8fnLZPmcAxRn', '50e1b8515ae6c0ab2e324b18a348ae39b72945f9af68135cc0278a1d35b83124'),
  ('a906ccd9-a893-4cab-b62d-2f2daa203cb7', 'carol@example.com', '$2b$12$3d0q/X7.O7nL6bjYaOq5D4wd9c9xDPowl2Z83d.69D2dbw79OGT05', 'd8ca70ef8fa3948aa42c36f380917fc4a581f712969c9261b4fc8f5cb19a9f37'),
  ('79ad2993-98ba-48e0-aa25-7b462a70edaf', 'dave@example.com', '$2b$12$2AFrl1lJodoXngiJhpTaPRp1rg0KU/OTCm6zaEUKekYErdGupNx7F', 'ed8f9404c8e327a2288d9fa40012d007cf9fe82faaaa4e83fa9f412b4e81228a'),
  ('967f9b3b-7b59-4fea-841d-16e95bfc8707', 'erin@example.com', crypt('x', gen_salt('bf')), NULL);
