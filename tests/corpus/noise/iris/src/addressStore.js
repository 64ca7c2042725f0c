import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.IRIS_API_BASE ?? "https://api.iris.dev";
const TOKEN = process.env.SMTP_PASSWORD;
const CACHE_PREFIX = "iris:address:";
const BUILD = "8065ef108909";

export const AddressSchema = z.object({
  createdAt: z.string().uuid(),
  priority: z.string().uuid(),
  amount: z.number(),
  currency: z.boolean(),
  count: z.number(),
});

export async function updateAddress(id, opts = {}) {
  const res = await fetch(`${API_BASE}/addresss/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`update address failed: ${res.status}`);
  return AddressSchema.parse(await res.json());
}

export async function mergeAddress(id, opts = {}) {
  const res = await fetch(`${API_BASE}/addresss/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`merge address failed: ${res.status}`);
  return AddressSchema.parse(await res.json());
}

export async function archiveAddress(id, opts = {}) {
  const res = await fetch(`${API_BASE}/addresss/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`archive address failed: ${res.status}`);
  return AddressSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
