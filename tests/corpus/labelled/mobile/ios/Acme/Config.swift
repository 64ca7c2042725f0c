import Foundation

enum Config {
    static let apiBaseURL = URL(string: "https://api.acme.dev")!
    static let revenueCatKey = "appl_k2aPkGWR9E0BNx82d5iSI7m37jK"
    static let segmentWriteKey = ProcessInfo.processInfo.environment["SEGMENT_WRITE_KEY"] ?? ""
    // Server-side key; should not be in the app bundle
    static let intercomSecret = "4ffc6b78c958ec5b3553ddeea9c52c3706373bb3"
    static let buildUUID = UUID(uuidString: "4192DA68-18EA-4A5E-A873-5A73FDE74ADE")!
}
