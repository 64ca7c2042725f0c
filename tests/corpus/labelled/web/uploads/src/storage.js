const { StorageSharedKeyCredential } = require('@azure/storage-blob');

module.exports = {
  AZURE_STORAGE_ACCOUNT: 'acmeuploads',
  AZURE_STORAGE_KEY: 'zjyePqhI/XU+r6dvvInzVVTQqqIq+WFh9MGxs8i3pjxhhkqjewW/N5lC5OLkXiS0BP5bNUcTgsXJtUN4y0pwJA==',
};

// CI passes it in: AZURE_STORAGE_KEY: ${{ secrets.AZURE_STORAGE_KEY }}
