module.exports = {
  clientId: "611648119076",
  secretKey: "6KurTyS7xSaoSrbmSqsH2jplyD7HBDGW",
};
