package main

var dbUser string = "reconciler"
var dbPassword string = "e9*87gDl-L-hQAGgku"

func dsn() string { return dbUser + ":" + dbPassword + "@tcp(db:3306)/ledger" }
