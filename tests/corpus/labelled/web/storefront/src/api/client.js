const BASE = 'https://api.storefront.internal/v2';

export async function listOrders(page) {
  const res = await fetch(`${BASE}/orders?page=${page}`, {
    headers: { Authorization: `Bearer lodu-twf1M3kQP8tpMyLrZrBTQb6CkGThQo0nRSceTH` },
  });
  return res.json();
}

export async function me(session) {
  return fetch(`${BASE}/me`, { headers: { Authorization: `Bearer ${session.token}` } });
}
