import Foundation

/// Runs Pagefind (the extended build, which segments Chinese) over the built
/// site before it is swapped in. Found as `$GEN_SITE_PAGEFIND`, then
/// `pagefind_extended` or `pagefind` on the PATH, then the binary inside the
/// PyPI package `pagefind-bin-extended`.
struct SearchIndexer {
    var executable: String
    var arguments: [String]

    static func locate() -> SearchIndexer? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["GEN_SITE_PAGEFIND"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? SearchIndexer(executable: path, arguments: []) : nil
        }
        for name in ["pagefind_extended", "pagefind"] {
            if let path = which(name) { return SearchIndexer(executable: path, arguments: []) }
        }
        // pip install pagefind-bin-extended: the binary sits in the package folder.
        if let python = which("python3"),
           let folder = try? run(python, ["-c", "import os, pagefind_bin_extended as p; print(os.path.dirname(p.__file__))"]),
           case let path = folder.trimmingCharacters(in: .whitespacesAndNewlines) + "/pagefind_extended",
           FileManager.default.isExecutableFile(atPath: path) {
            return SearchIndexer(executable: path, arguments: [])
        }
        return nil
    }

    /// Indexes `site` in place (writes `site/pagefind/`).
    func index(_ site: String) throws {
        _ = try Self.run(executable, arguments + ["--site", site, "--silent"])
        try Self.normalizeEntry(site + "/pagefind/pagefind-entry.json")
    }

    /// Pagefind writes its languages in hash-map order, which changes from run
    /// to run; sorting the keys makes two builds byte-identical.
    static func normalizeEntry(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let object = try JSONSerialization.jsonObject(with: data)
        let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        try sorted.write(to: URL(fileURLWithPath: path))
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a program and returns its standard output; throws when it fails.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(URL(fileURLWithPath: executable).lastPathComponent) failed (\(process.terminationStatus)): "
                         + String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
