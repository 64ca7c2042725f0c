module.exports = {
  domain: "acme.eu.auth0.com",
  clientId: "6pHL8KichwCtZSXuOlUFL2bnxUhKA0r6",
  clientSecret: "iIfH9tM8rRS3Z9lwurhIMZTBAzzHtu1l0C1vhmjEju0vm9lGivsNxczbsNNcP1vC",
  audience: "https://api.acme.dev",
  scope: "openid profile email offline_access",
};
