package com.acme.inventory.config;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class StorageConfig {

    private static final String CONNECTION_STRING =
        "DefaultEndpointsProtocol=https;AccountName=acmeinventory;AccountKey=40kV5uucYNg+fDuexKkMGbC13uO1G/Lt4mmE7OGOD0Er5pCBsyRIZdRjGoJTX9dQ05QSNO+gvPTzT96mYiCaFQ==;EndpointSuffix=core.windows.net";

    private static final String API_KEY = "Vepv1J7KD5qCZFlqmhrXSyEir1jFnWEo7lIFqTkA";

    @Bean
    public BlobServiceClient blobServiceClient() {
        return new BlobServiceClientBuilder().connectionString(CONNECTION_STRING).buildClient();
    }

    public static String apiKey() {
        return API_KEY;
    }
}
