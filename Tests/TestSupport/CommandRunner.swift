import Foundation

/// Runs the built `gen-site` executable (or any program), as
/// swift-argument-parser's `AssertExecuteCommand` does.
public enum CommandRunner {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The gen-site binary beside the test bundle in the build folder.
    public static var genSite: String {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("gen-site").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return Repository.path(".build/debug/gen-site")
    }

    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           directory: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs so neither fills up.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        process.waitUntilExit()
        group.wait()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs gen-site with the checkout's default theme.
    @discardableResult
    public static func genSite(_ arguments: [String], directory: String? = nil) throws -> Output {
        try run(genSite, arguments, environment: ["GEN_SITE_TEMPLATES": Repository.templates], directory: directory)
    }
}

/// A folder's files, path → bytes, for comparing builds.
public enum Tree {
    /// Each file of a folder on a line, sorted by path: FNV-1a 64 of its bytes, its size, its path —
    /// a reviewed output kept in a golden file without keeping the output.
    public static func listing(_ root: String) -> String {
        let tree = read(root)
        return tree.keys.sorted().map { path -> String in
            let bytes = tree[path] ?? Data()
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return String(format: "%016llx %8d ", hash, bytes.count) + path
        }.joined(separator: "\n") + "\n"
    }

    public static func read(_ root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let items = FileManager.default.enumerator(atPath: root) else { return files }
        for case let relative as String in items {
            let path = (root as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: path) {
                files[relative] = data
            }
        }
        return files
    }

    /// Paths that differ between two trees (missing on either side or different bytes).
    public static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }
}
