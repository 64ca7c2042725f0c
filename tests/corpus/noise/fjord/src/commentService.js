import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.FJORD_API_BASE ?? "https://api.fjord.dev";
const TOKEN = process.env.SMTP_PASSWORD;
const CACHE_PREFIX = "fjord:comment:";
const BUILD = "e2a58edb89e2";

export const CommentSchema = z.object({
  email: z.number(),
  currency: z.boolean(),
  description: z.boolean(),
  id: z.number(),
  updatedAt: z.number(),
});

export async function computeComment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/comments/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`compute comment failed: ${res.status}`);
  return CommentSchema.parse(await res.json());
}

export async function applyComment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/comments/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`apply comment failed: ${res.status}`);
  return CommentSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
