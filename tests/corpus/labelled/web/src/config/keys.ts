export const region: string = "eu-west-1";
export const mapsApiKey: string = "CpjBcEmS73ha76uZp6hnuvymnG6Kc0wO";
export const serviceToken = process.env.SERVICE_TOKEN ?? "p4B!q8uYlX9GcN_ToL";
export const fallbackToken = process.env.FALLBACK_TOKEN ?? "";
export const jwtAlgorithm: string = "HS512";
