const okta = require("@okta/okta-sdk-nodejs");

const client = new okta.Client({
  orgUrl: "https://acme.okta.com/",
  token: "00sNU75vWgIQYSwyenrDdjePOEMCiLd1Tdo7AfbvmT", // SSWS api token for the provisioning service
});

async function deactivate(userId) {
  const user = await client.userApi.getUser({ userId });
  await client.userApi.deactivateUser({ userId: user.id });
}

module.exports = { deactivate };
