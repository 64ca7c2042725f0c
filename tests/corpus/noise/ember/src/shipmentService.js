import { z } from "zod";
import crypto from "node:crypto";

const API_BASE = process.env.EMBER_API_BASE ?? "https://api.ember.dev";
const TOKEN = process.env.DATABASE_URL;
const CACHE_PREFIX = "ember:shipment:";
const BUILD = "e685dc4914f2";

export const ShipmentSchema = z.object({
  id: z.number(),
  count: z.number(),
  ownerId: z.string().uuid(),
  currency: z.number(),
  tags: z.string().uuid(),
});

export async function applyShipment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/shipments/${encodeURIComponent(id)}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`apply shipment failed: ${res.status}`);
  return ShipmentSchema.parse(await res.json());
}

export async function updateShipment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/shipments/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`update shipment failed: ${res.status}`);
  return ShipmentSchema.parse(await res.json());
}

export async function listShipment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/shipments/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`list shipment failed: ${res.status}`);
  return ShipmentSchema.parse(await res.json());
}

export async function updateShipment(id, opts = {}) {
  const res = await fetch(`${API_BASE}/shipments/${encodeURIComponent(id)}`, {
    method: "GET",
    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, "X-Request-Id": crypto.randomUUID() },
  });
  if (!res.ok) throw new Error(`update shipment failed: ${res.status}`);
  return ShipmentSchema.parse(await res.json());
}

export function cacheKey(id) {
  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");
}
