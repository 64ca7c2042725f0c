namespace Acme.Etl;

static class Connections
{
    public const string Warehouse =
        "Driver={PostgreSQL Unicode};Server=dw.internal;Port=5432;Database=dw;Uid=etl;Pwd={4UWN3x!Z1rR6z@34};";
    public const string Local = "Driver={PostgreSQL Unicode};Server=localhost;Uid=etl;Pwd={${ETL_PWD}};";
}
