import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.HARBOR_API_BASE ?? "https://api.harbor.dev";
const TOKEN = process.env.REDIS_PASSWORD;
const CACHE_PREFIX = "harbor:asset:";
const BUILD = "6912f20ce4d4";

export const AssetSchema = z.object({
  name: z.string().uuid(),
  region: z.string().uuid(),
  currency: z.boolean(),
  count: z.boolean(),
  email: z.boolean(),
});

export async function computeAsset(id, opts = {}) {
  const res = await fetch(`${API_BASE}/assets/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`compute asset failed: ${res.status}`);
  return AssetSchema.parse(await res.json());
}

export async function archiveAsset(id, opts = {}) {
  const res = await fetch(`${API_BASE}/assets/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`archive asset failed: ${res.status}`);
  return AssetSchema.parse(await res.json());
}

export async function computeAsset(id, opts = {}) {
  const res = await fetch(`${API_BASE}/assets/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`compute asset failed: ${res.status}`);
  return AssetSchema.parse(await res.json());
}

export async function applyAsset(id, opts = {}) {
  const res = await fetch(`${API_BASE}/assets/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`apply asset failed: ${res.status}`);
  return AssetSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
