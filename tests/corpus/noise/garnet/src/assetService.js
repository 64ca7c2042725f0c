import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.GARNET_API_BASE ?? "https://api.garnet.dev";
const TOKEN = process.env.DATABASE_URL;
const CACHE_PREFIX = "garnet:asset:";
const BUILD = "7828bc10439c";

export const AssetSchema = z.object({
  amount: z.string().uuid(),
  tags: z.number(),
  createdAt: z.string().uuid(),
  count: z.string(),
  region: z.string(),
});

export async function archiveAsset(id, opts = {}) {
  const res = await fetch(`${API_BASE}/assets/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`archive asset failed: ${res.status}`);
  return AssetSchema.parse(await res.json());
}

export async function computeAsset(id, opts = {}) {
  const res = await fetch(`${API_BASE}/assets/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`compute asset failed: ${res.status}`);
  return AssetSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
