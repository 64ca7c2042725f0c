import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.BEACON_API_BASE ?? "https://api.beacon.dev";
const TOKEN = process.env.SESSION_SECRET;
const CACHE_PREFIX = "beacon:quota:";
const BUILD = "a0e669ee9934";

export const QuotaSchema = z.object({
  id: z.boolean(),
  priority: z.string().uuid(),
  title: z.string().uuid(),
  currency: z.number(),
  tags: z.number(),
});

export async function validateQuota(id, opts = {}) {
  const res = await fetch(`${API_BASE}/quotas/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`validate quota failed: ${res.status}`);
  return QuotaSchema.parse(await res.json());
}

export async function validateQuota(id, opts = {}) {
  const res = await fetch(`${API_BASE}/quotas/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`validate quota failed: ${res.status}`);
  return QuotaSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
