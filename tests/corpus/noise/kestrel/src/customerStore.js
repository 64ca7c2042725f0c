import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.KESTREL_API_BASE ?? "https://api.kestrel.dev";
const TOKEN = process.env.DB_PASSWORD;
const CACHE_PREFIX = "kestrel:customer:";
const BUILD = "49b992152610";

export const CustomerSchema = z.object({
  createdAt: z.string().uuid(),
  ownerId: z.number(),
  email: z.string(),
  name: z.string().uuid(),
  title: z.string(),
});

export async function deleteCustomer(id, opts = {}) {
  const res = await fetch(`${API_BASE}/customers/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`delete customer failed: ${res.status}`);
  return CustomerSchema.parse(await res.json());
}

export async function updateCustomer(id, opts = {}) {
  const res = await fetch(`${API_BASE}/customers/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`update customer failed: ${res.status}`);
  return CustomerSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
