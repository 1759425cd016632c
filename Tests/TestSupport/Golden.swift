import Foundation

/// Golden files: the expected output, byte for byte. With
/// `GEN_SITE_UPDATE_GOLDEN=1` the file is rewritten instead, and the change is
/// reviewed in git like any other.
public enum Golden {
    public static var isUpdating: Bool { ProcessInfo.processInfo.environment["GEN_SITE_UPDATE_GOLDEN"] == "1" }

    /// Nil when `actual` matches the golden file (or it was updated); otherwise a line diff.
    public static func compare(_ actual: String, to path: String) -> String? {
        if isUpdating {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return nil
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return "golden file missing: \(path) (run with GEN_SITE_UPDATE_GOLDEN=1 to create it)"
        }
        if expected == actual { return nil }
        return "\(path) differs (GEN_SITE_UPDATE_GOLDEN=1 rewrites it):\n" + lineDiff(expected: expected, actual: actual)
    }
}

/// The lines that differ, `-` expected and `+` actual, with their line numbers (at most 40).
public func lineDiff(expected: String, actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(a.count, b.count) where out.count < 40 {
        let x = i < a.count ? a[i] : nil
        let y = i < b.count ? b[i] : nil
        if x != y {
            if let x { out.append("-\(i + 1): \(x)") }
            if let y { out.append("+\(i + 1): \(y)") }
        }
    }
    return out.joined(separator: "\n")
}
