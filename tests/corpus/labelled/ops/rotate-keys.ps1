# Rotates the storage keys and posts to the ops channel.
param([string]$ResourceGroup = "rg-portal-prod")

$webhook = "https://acme.webhook.office.com/webhookb2/2a84c0dc-9d98-4d9a-ba24-517837ef8004@a3360af0-cdea-49df-95c6-10fef3b705c0/IncomingWebhook/03fabfc5e199ac1319af0080344f4c93/f9a934d0-2353-4e12-99c9-e7124bb602af"
$account = "acmeportal"

$keys = az storage account keys renew --resource-group $ResourceGroup --account-name $account --key primary | ConvertFrom-Json
$body = @{ text = "Rotated primary key of $account at $(Get-Date -Format o)" } | ConvertTo-Json
Invoke-RestMethod -Method Post -Uri $webhook -Body $body -ContentType "application/json"
