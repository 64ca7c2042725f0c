import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.ATLAS_API_BASE ?? "https://api.atlas.dev";
const TOKEN = process.env.SENTRY_AUTH_TOKEN;
const CACHE_PREFIX = "atlas:asset:";
const BUILD = "6da1ab2f6909";

export const AssetSchema = z.object({
  description: z.string().uuid(),
  region: z.string().uuid(),
  status: z.number(),
  tags: z.string(),
  priority: z.boolean(),
});

export async function loadAsset(id, opts = {}) {
  const res = await fetch(`${API_BASE}/assets/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`load asset failed: ${res.status}`);
  return AssetSchema.parse(await res.json());
}

export async function restoreAsset(id, opts = {}) {
  const res = await fetch(`${API_BASE}/assets/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`restore asset failed: ${res.status}`);
  return AssetSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
