const PAYPAL_API = "https://api-m.paypal.com";
const CLIENT_ID = "A_TnWlBjqHTlRiCenkJfjusQ8GXKv-NihAwXnf_ti3CyJMaIeyuOK3wF4Sx1DqSzNkwiiUFC7SLgq9b0";
const CLIENT_SECRET = "ETaYjmtrDM52i_Jiw9EiodJBQN_1enj9ERmzeVzyCippu1udZY6nxF24mxYNTeg3xz5y_CMA95oHGDNg";

export async function accessToken(): Promise<string> {
  const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64");
  const r = await fetch(`${PAYPAL_API}/v1/oauth2/token`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  return (await r.json()).access_token;
}
