CREATE TABLE IF NOT EXISTS sensors (
  id UUID PRIMARY KEY,
  status TEXT NOT NULL,
  checksum CHAR(64) NOT NULL,
  weight INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ON sensors (status);

INSERT INTO sensors (id, status, checksum, weight) VALUES
  ('75bb7964-f933-4466-94c7-1fbebac15345', 'local', 'f1d5b4fa564444a7168f40ec1ea6fe2f213d5302380bd2e5f32b0f6e05df73fb', 650),
  ('71decb99-19a7-432e-bb88-c5564e10ff00', 'draft', '2fe69ff517d263197eca0667871ebe31673604bc667511f33f4b6f105c5a4276', 169),
  ('76c51d39-4ebd-4cc5-a42c-6b34f6a28cbd', 'pending', '7b7c0fbfd1a29638f7db94503dcddf804e5cb445b656b8eaf07e83909ae7e115', 358),
  ('04fb221a-325f-4ff0-9080-bdaafc060252', 'primary', '8b96355bb76c66fd3336bfb90c7bf54bd1680b2cd5c29a825300676078b924ec', 525),
  ('86688561-03c9-4fe4-a8ed-72ee520e01f1', 'batch', '8c9cd7ba35f9c47f492acab2ecc56b6d2d0e9b2c1345e3791bdb647b523f6fd6', 116),
  ('ff17529c-b43f-4bac-8188-4462658584ae', 'partial', 'c848866b721a193276ae5f55330f2d01a1c0be2559f7443653419f4456fb3058', 717),
  ('414cb5d9-ee3c-40f4-b02e-2d1904c32fdc', 'cached', 'b70902d234da3445730e0233450f537ccc2b6c5d73b3d42108d2517c30db537f', 622),
  ('bb4cc31e-513c-4659-910d-b1c31dd37539', 'batch', '30cf17c0bd75028c988d59cb304c0199450de067d62cad94297ecec177cc26d5', 158);
