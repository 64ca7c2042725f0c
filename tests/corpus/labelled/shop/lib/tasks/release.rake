namespace :release do
  desc "Build and push the shop-sdk gem"
  task :gem do
    ENV["GEM_HOST_API_KEY"] ||= "rubygems_fa48f291e5099f63d450c8e9f2858d9256af1087684fcd02"
    sh "gem build shop-sdk.gemspec"
    sh "gem push shop-sdk-#{ShopSdk::VERSION}.gem"
  end

  desc "Notify PagerDuty of the deploy"
  task :notify do
    require "net/http"
    uri = URI("https://api.pagerduty.com/change_events")
    req = Net::HTTP::Post.new(uri, "Authorization" => "Token token=TwYv2stSlCweF-lDeVyG",
                                   "Content-Type" => "application/json")
    req.body = { routing_key: ENV["PD_ROUTING_KEY"], payload: { summary: "shop deploy" } }.to_json
    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
  end
end
