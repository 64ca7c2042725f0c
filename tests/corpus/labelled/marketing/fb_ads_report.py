from facebook_business.adobjects.adaccount import AdAccount
from facebook_business.api import FacebookAdsApi

ACCESS_TOKEN = (
    "EAAGCF0WrxNFEg26IIPLXvm6WOtkDN6QU00piLJLxpnK1lzhyizh7HDkWp4fA9Nu4Gkrs1L7HPZSySoS6KDsNbBBauvrCUJzrtvoyydPvuvlsuWL9PPlTweNiLjOKgtWeJEiUaMNOJ2zfRKpE5j2C00m1m"
)
AD_ACCOUNT = "act_271974249580470"

FacebookAdsApi.init(access_token=ACCESS_TOKEN, api_version="v19.0")

def spend_last_7d():
    insights = AdAccount(AD_ACCOUNT).get_insights(fields=["spend", "impressions"],
                                                  params={"date_preset": "last_7d"})
    return [(i["spend"], i["impressions"]) for i in insights]
