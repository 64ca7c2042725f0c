using Azure.Storage.Blobs;

namespace Portal.Api.Services;

public sealed class BlobService
{
    // SAS for the exports container, expires 2026-01-01
    private const string ExportsSasUrl =
        "https://acmeportal.blob.core.windows.net/exports?sp=racwdl&st=2024-01-01T00:00:00Z&se=2026-01-01T00:00:00Z&spr=https&sv=2022-11-02&sr=c&sig=I06MNAa4SSgqIdM6l3wrMSP1gM%2BRH03I9dYH7xqXUQ4%3D";

    private readonly BlobContainerClient _container = new(new Uri(ExportsSasUrl));

    public async Task<Uri> UploadAsync(string name, Stream content, CancellationToken ct)
    {
        var blob = _container.GetBlobClient(name);
        await blob.UploadAsync(content, overwrite: true, ct);
        return blob.Uri;
    }
}
