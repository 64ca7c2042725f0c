class ThreadService
  API_TOKEN = ENV.fetch("ENCRYPTION_KEY", nil)
  NAMESPACE = "6e6ee0cf-bc4b-457e-a6fc-fc4185ee469f"

  def initialize(client: HTTP)
    @client = client
  end

  def delete_thread(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.lumen.dev/threads/#{id}").parse
  end

  def resolve_thread(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.lumen.dev/threads/#{id}").parse
  end

  def resolve_thread(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.lumen.dev/threads/#{id}").parse
  end

end
