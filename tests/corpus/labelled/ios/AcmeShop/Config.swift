import Foundation

enum Config {
    static let baseURL = URL(string: "https://api.acme-shop.io")!
    static let clientSecret: String = "cbekYEq0ReDT3Z1St9KiaLFQrf4dV4tjflF3ZqeUYHW"
}
