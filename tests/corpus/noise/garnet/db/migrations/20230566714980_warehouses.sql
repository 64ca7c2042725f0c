CREATE TABLE IF NOT EXISTS warehouses (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON warehouses (status);

INSERT INTO warehouses (id, status, checksum, weight) VALUES
  ('31d65893-bd65-4153-93ec-e9f094e9cf13', 'daily', '36fba1411d4d625c6d056357d4961c0d6df657098c8ef015e9cfe3d1c6202480', 289),
  ('4182c5d7-45bd-43a3-ae04-b3d4a2867319', 'remote', '8af6141b49105a76f9668172b0daf03ffd22651affc6ac483fb70030b8db3852', 487),
  ('50523b1f-39b7-49ef-873c-2f0eb3697282', 'daily', 'ea5748537a7dd68e1fb799474b5f6dea85eb7bea125f5d6ca68cc35aea7dcbbb', 31);
