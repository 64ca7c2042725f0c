package crypto

import "testing"

// Known-answer tests: key, input, expected output.
var kats = []struct{ key, in, out string }{
	{"6407007831b7912869e517c428600e9ceef96b261ffe7e3ca72e95e95ff08c20", "8defa70e6468b044d20d44b37c04eaff", "490d9d5f030e3efef0ed0dc3d81353670c024dd5d3de6986f3912c7855b550bb"},
	{"a4d613aad2b49ba8bdcc90faf4444cdc1f37ecf6168906c3b4ec32baec7bf4cd", "5fb909b74d5ab001e0da726db0c530ee", "03f90b812a6ed444a0ea23dd7e28a5aeb50a7eb02fd9ac7a56ba51c1b5966994"},
	{"81f45b619f91104cbd750f395f572fde758de9a24078967b823665e08361d993", "85a94d0b9185d30991df1a2370d52d67", "1ebb115524bebe16a10bb9c83425ce97bb8cd55d1559398a6d44878c12a5c3af"},
	{"3f2e1a665593a6a988bda6297f165af4d023585efc23ba68dcca78fac6fbb053", "efe978ba4b0fefd4e4db6d875619b4de", "158ba4d0132bdc00ada909bf40427e722139463f85ae9e3211223e9685891ef1"},
	{"74c700a52b0819613fc8801461b78059fc2a197b01dec931b8b8fecfbef6b1a3", "bb46207074e2634bd7918e953f603baa", "258c6e6fc4c882c4396ec10da91419d2c7d4d16512d3a5984895862c0fae5fcd"},
}

func TestKATs(t *testing.T) {
	for i, v := range kats {
		if len(v.key) != 64 {
			t.Fatalf("vector %d: bad key", i)
		}
	}
}
