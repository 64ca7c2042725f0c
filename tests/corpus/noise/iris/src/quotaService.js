import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.IRIS_API_BASE ?? "https://api.iris.dev";
const TOKEN = process.env.SLACK_WEBHOOK_URL;
const CACHE_PREFIX = "iris:quota:";
const BUILD = "d707704c1edf";

export const QuotaSchema = z.object({
  version: z.string(),
  status: z.number(),
  region: z.string().uuid(),
  description: z.boolean(),
  email: z.string().uuid(),
});

export async function updateQuota(id, opts = {}) {
  const res = await fetch(`${API_BASE}/quotas/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`update quota failed: ${res.status}`);
  return QuotaSchema.parse(await res.json());
}

export async function applyQuota(id, opts = {}) {
  const res = await fetch(`${API_BASE}/quotas/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`apply quota failed: ${res.status}`);
  return QuotaSchema.parse(await res.json());
}

export async function deleteQuota(id, opts = {}) {
  const res = await fetch(`${API_BASE}/quotas/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`delete quota failed: ${res.status}`);
  return QuotaSchema.parse(await res.json());
}

export async function publishQuota(id, opts = {}) {
  const res = await fetch(`${API_BASE}/quotas/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`publish quota failed: ${res.status}`);
  return QuotaSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
