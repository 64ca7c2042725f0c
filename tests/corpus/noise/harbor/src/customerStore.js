import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.HARBOR_API_BASE ?? "https://api.harbor.dev";
const TOKEN = process.env.JWT_SECRET;
const CACHE_PREFIX = "harbor:customer:";
const BUILD = "f5ed6bbc1cd7";

export const CustomerSchema = z.object({
  ownerId: z.number(),
  name: z.number(),
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
});

export async function createCustomer(id, opts = {}) {
  const res = await fetch(`${API_BASE}/customers/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`create customer failed: ${res.status}`);
  return CustomerSchema.parse(await res.json());
}

export async function syncCustomer(id, opts = {}) {
  const res = await fetch(`${API_BASE}/customers/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`sync customer failed: ${res.status}`);
  return CustomerSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
