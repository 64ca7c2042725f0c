import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.HARBOR_API_BASE ?? "https://api.harbor.dev";
const TOKEN = process.env.SENTRY_AUTH_TOKEN;
const CACHE_PREFIX = "harbor:product:";
const BUILD = "c0ed39428bcd";

export const ProductSchema = z.object({
  count: z.number(),
  currency: z.number(),
  version: z.boolean(),
  status: z.boolean(),
  priority: z.string().uuid(),
});

export async function archiveProduct(id, opts = {}) {
  const res = await fetch(`${API_BASE}/products/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`archive product failed: ${res.status}`);
  return ProductSchema.parse(await res.json());
}

export async function createProduct(id, opts = {}) {
  const res = await fetch(`${API_BASE}/products/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`create product failed: ${res.status}`);
  return ProductSchema.parse(await res.json());
}

export async function loadProduct(id, opts = {}) {
  const res = await fetch(`${API_BASE}/products/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`load product failed: ${res.status}`);
  return ProductSchema.parse(await res.json());
}

export async function mergeProduct(id, opts = {}) {
  const res = await fetch(`${API_BASE}/products/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`merge product failed: ${res.status}`);
  return ProductSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
