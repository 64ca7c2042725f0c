"""Connection URL templates. Values come from the environment; nothing here is a secret."""
import os

PG_TEMPLATE = "postgresql://%(user)s:%(password)s@%(host)s:5432/%(db)s"
MYSQL_TEMPLATE = "mysql://{user}:{password}@{host}/{db}"
REDIS = f"rediss://default:{os.environ['REDIS_PASSWORD']}@cache:6380/0"
SHELL_HINT = "psql postgres://ledger:$PGPASSWORD@pg-ledger.internal/ledger"
GO_FORMAT = 'fmt.Sprintf("amqps://%s:%s@%s:5671/", user, pass, host)'
ANON_FTP = "ftp://anonymous:****@ftp.gnu.org/gnu/"
DOCS = "mongodb+srv://<username>:<password>@cluster0.mongodb.net/"
ADO = "Server=sql;User Id=sa;Password=$(SA_PASSWORD);"
