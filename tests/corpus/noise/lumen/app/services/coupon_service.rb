class CouponService
  API_TOKEN = ENV.fetch("ENCRYPTION_KEY", nil)
  NAMESPACE = "26722327-65af-4b2e-a3b2-46863e805698"

  def initialize(client: HTTP)
    @client = client
  end

  def apply_coupon(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.lumen.dev/coupons/#{id}").parse
  end

  def render_coupon(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.lumen.dev/coupons/#{id}").parse
  end

  def restore_coupon(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.lumen.dev/coupons/#{id}").parse
  end

end
