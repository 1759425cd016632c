import Foundation

/// Writes a content tree from one string, so every input of a test is visible
/// in the test (like Hugo's txtar fixtures):
///
///     -- site.yaml --
///     title: …
///     -- units.yaml --
///     - id: …
public enum Fixture {
    /// Writes the files into a new temporary folder and returns its path.
    public static func write(_ txtar: String, base: String? = nil) throws -> String {
        let root = try temporaryFolder()
        if let base { try copyTree(from: base, to: root) }
        for (path, contents) in parse(txtar) {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return root
    }

    /// The files of a txtar-like text, in order.
    public static func parse(_ txtar: String) -> [(String, String)] {
        var files: [(String, String)] = []
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current { files.append((current, lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"))) }
            lines = []
        }
        for line in txtar.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
            } else if current != nil {
                lines.append(line)
            }
        }
        flush()
        // Drop the final empty line that the closing newline of the literal leaves.
        return files.map { path, text in
            var text = text
            while text.hasSuffix("\n\n") { text.removeLast() }
            return (path, text)
        }
    }

    /// A new empty folder under this test process's own temporary folder, which is removed
    /// when the process exits (thousands of runs had left thousands of folders in /tmp).
    public static func temporaryFolder() throws -> String {
        let url = URL(fileURLWithPath: processFolder).appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    private static let processFolder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gen-site-tests-\(getpid())-\(UUID().uuidString.prefix(8))").path
        atexit { Fixture.removeProcessFolder() }
        return path
    }()

    private static func removeProcessFolder() {
        try? FileManager.default.removeItem(atPath: processFolder)
    }

    public static func copyTree(from source: String, to destination: String) throws {
        let fm = FileManager.default
        guard let items = fm.enumerator(atPath: source) else { return }
        for case let relative as String in items {
            let from = (source as NSString).appendingPathComponent(relative)
            let to = (destination as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: from, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try fm.createDirectory(atPath: to, withIntermediateDirectories: true)
            } else {
                try fm.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if fm.fileExists(atPath: to) { try fm.removeItem(atPath: to) }
                try fm.copyItem(atPath: from, toPath: to)
            }
        }
    }
}
