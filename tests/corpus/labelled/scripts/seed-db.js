#!/usr/bin/env node
// Seeds the staging cluster with fixture data.
const { MongoClient } = require("mongodb");
const fixtures = require("./fixtures/users.json");

const uri = "mongodb+srv://seeder:PWL8453MPpjc5AzXP37w@staging-cluster.x7k2p.mongodb.net/app?retryWrites=true&w=majority";

async function main() {
  const client = new MongoClient(uri);
  await client.connect();
  const users = client.db("app").collection("users");
  await users.deleteMany({});
  await users.insertMany(fixtures);
  console.log(`seeded ${fixtures.length} users`);
  await client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
