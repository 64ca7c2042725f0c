import tweepy

client = tweepy.Client(
    bearer_token="AAAAAAAAAAAAAAAAAAAAAAYROnvBw4AAAAAAAAyUEYFJjLO2GoXl3qT8pd%2BKZJZiMzRS48MHtJn%3D98LzhhGq1v1tkEawKfcf5nDBw81vlnnIKhkGEGvsTSGqaukZSo",
    consumer_key="aO7Rop4Q7AgjfMeL317vuMDYU",
    consumer_secret="AncN6suTSIBBBaAqcOd505lCDLhKC32QsjXHR7Y6PG5Uw0e83r",
)


def post(text):
    return client.create_tweet(text=text)
