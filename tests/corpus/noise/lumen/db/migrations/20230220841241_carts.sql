CREATE TABLE IF NOT EXISTS carts (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON carts (status);

INSERT INTO carts (id, status, checksum, weight) VALUES
  ('babfd425-2ae4-4d21-a916-f29fd0e99e90', 'legacy', '1f34e3f113f7914ec4e9bea6c0d82046e4612abe6b617b6c53046fbf6791ebb1', 220),
  ('9f4136a8-d31c-4c11-9840-b6ce761da086', 'active', '862aee2715b3287b56fda99fc22c590f92069efc0f1a19a0640b9580a4ff6f3f', 894),
  ('3d8d0d04-9f4d-48ce-b40b-e2a7de5c8b07', 'remote', 'e4d9d2a3a3232e8b02e99b30a7dea65230f6e7137eb43312f5544cf83c417967', 605),
  ('c7ab3d5a-f139-458c-940a-6970fce59e02', 'local', '8a8297226e4bd6d619483c4aff1d8ed235582de1579f20ed8ed47dccd152c942', 345);
