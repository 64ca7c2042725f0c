CREATE TABLE IF NOT EXISTS addresss (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON addresss (status);

INSERT INTO addresss (id, status, checksum, weight) VALUES
  ('868a0c33-0e82-4e50-924b-c995e6721b7c', 'nested', 'd740578bba6e1d165eb7ad62a36340e16963731fa1c644269d0e7a60a41d31ab', 712),
  ('9e2e599e-fc99-47f9-8be4-15d91b1267e8', 'partial', '3738f026af1dbade0ee5ca01ca231a13eb0b02757b425076e105f5bad1e3cbf1', 219),
  ('85c3783c-45eb-4c48-bf56-a238850752f4', 'partial', '7e7a5add67691c0c9f92c784175a690b3ca7946b13174afb1bff37968c420800', 242),
  ('43ee094f-e096-42be-b3c7-dc6fdfe22975', 'active', '3aa3dac61ac8354b9e80440cafbf8fa38ba5540fb07114db00102e69da6f91a5', 642),
  ('9bdccb10-ae73-4dc7-9753-bf07b7e43031', 'local', '449461c8cb91e7b61bc5284564edb7c1f8b1cc71f6f6cfc699c97a632b3936f4', 343),
  ('13eef357-1d23-4196-b775-cc812e0ebda7', 'partial', 'bf87d04aa2c40eab16d78363fc4bd02b93c9113d83201121c01d54ddb679470b', 831),
  ('fe37d5f4-4000-442a-a942-83c1750e0fc0', 'default', '3439fa9591511e4f6619d9761a28391c4bb4b4ba7dc5601c3fbeea1ec5ce286f', 300);
