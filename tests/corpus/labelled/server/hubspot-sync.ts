import { Client } from "@hubspot/api-client";

const hubspot = new Client({ accessToken: "pat-na1-e70ba228-e4fe-4014-b20b-083cdcbb5023" });

export async function upsertContact(email: string, props: Record<string, string>) {
  const search = await hubspot.crm.contacts.searchApi.doSearch({
    filterGroups: [{ filters: [{ propertyName: "email", operator: "EQ", value: email }] }],
    limit: 1,
  } as any);
  if (search.results.length) {
    return hubspot.crm.contacts.basicApi.update(search.results[0].id, { properties: props });
  }
  return hubspot.crm.contacts.basicApi.create({ properties: { email, ...props } } as any);
}
