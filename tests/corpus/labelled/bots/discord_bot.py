import discord
from discord.ext import commands

TOKEN = "MTIzMDMzMTAzMTE0MDIxNjE5NQ.ss3juY.q9XmDJjHbZzqwf8j_-XtkP9w75yEc-DL79D1Eh"
ALERTS_WEBHOOK = "https://discord.com/api/webhooks/1292310450554797565/je2fW8ci0kKdWsOWQYK4rzGZDdzjItSyDHDI8rh4-ZMdZbhgNCejpLNXtR6hwGMS9Bna"
GUILD_ID = 408155247601888081

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents)


@bot.command()
async def status(ctx):
    await ctx.send("all systems nominal")


bot.run(TOKEN)
