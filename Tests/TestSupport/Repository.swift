import Foundation

/// Paths inside the gen-site checkout, found from this file's location.
public enum Repository {
    public static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    public static func path(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    public static var content: String { path("content") }
    public static var templates: String { path("Templates") }
    public static func fixture(_ name: String) -> String { path("Tests/Fixtures/\(name)") }
}
