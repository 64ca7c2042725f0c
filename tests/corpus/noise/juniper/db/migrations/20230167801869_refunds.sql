CREATE TABLE IF NOT EXISTS refunds (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON refunds (status);

INSERT INTO refunds (id, status, checksum, weight) VALUES
  ('860e4f7e-1860-44e7-a278-96a65d8d532f', 'default', '5d20dabf36dbd61173003081a92da3c89aff7ddc74dc87fc137ffc3e9d051c4b', 125),
  ('cbd123b0-8104-465c-8e0f-45d8ecdb9316', 'remote', '0f39da883fdbd4153fa48c9fca61ed270ed23b8365e6ab445e18fe5eb6ac9310', 833),
  ('2a56d862-d2c2-4b09-99d6-5fcc3a8f831e', 'batch', 'd381a9869ac2c5dc81aef8b27a73f0dd3ee1c4899a777ccee71847cdb09feb2c', 262),
  ('c3e54741-a477-4d1b-8ce7-5c3bb9fd52cd', 'batch', 'bde3eeb5f5ab5fc0c407ffe045daf89ac37a48686107c8ae0e03d8f382f334b4', 794);
