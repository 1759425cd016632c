import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SiteModel

/// The write stage, the only one with side effects: writes every file into a
/// temporary folder beside the output folder, then swaps it into place. When
/// anything fails the previous output is left as it was.
public struct SiteWriter: Sendable {
    public var outputPath: String
    public var contentRoot: String

    public init(outputPath: String, contentRoot: String) {
        self.outputPath = outputPath
        self.contentRoot = contentRoot
    }

    public enum Failure: Error, CustomStringConvertible {
        case unsafePath(String)
        case duplicatePath(String)
        case io(String)

        public var description: String {
            switch self {
            case .unsafePath(let path): "refusing to write outside the output folder: \(path)"
            case .duplicatePath(let path): "two outputs for one path: \(path)"
            case .io(let message): message
            }
        }
    }

    /// Writes `files` into a staging folder, runs `beforeSwap` on it (the
    /// search indexer), then swaps it in. When anything fails the previous
    /// output stays.
    /// One open, as few writes as the kernel needs, one close: no temporary
    /// file and no fsync per file (Foundation's createFile does both) — the
    /// whole staging folder is what is swapped in atomically.
    static func writeFile(_ path: String, _ data: Data) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return data.withUnsafeBytes { buffer -> Bool in
            guard var pointer = buffer.baseAddress else { return true }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Glibc.write(fd, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                remaining -= written
                pointer = pointer.advanced(by: written)
            }
            return true
        }
    }

    public func write(_ files: [OutputFile], beforeSwap: ((String) throws -> Void)? = nil) throws(Failure) {
        var seen = Set<String>()
        for file in files {
            guard OutputFile.isSafe(file.path) else { throw .unsafePath(file.path) }
            guard seen.insert(file.path).inserted else { throw .duplicatePath(file.path) }
        }
        let fm = FileManager.default
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create \(staging.path): \(error.localizedDescription)")
        }
        do {
            // Folders first (sorted, each once), then the files, written in parallel:
            // paths are plain strings, each file one open/write/close.
            let root = staging.path
            var folders = Set<String>()
            for file in files {
                var folder = Substring(file.path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    guard folders.insert(String(folder)).inserted else { break }
                }
            }
            for folder in folders.sorted() {
                try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            }
            let failures = FailureSlots(count: files.count)
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                let file = files[index]
                let target = root + "/" + file.path
                switch file.contents {
                case .data(let data):
                    if !Self.writeFile(target, data) { failures.set(index, "cannot write \(target)") }
                case .copy(let relative):
                    let source = contentRoot + "/" + relative
                    guard let data = FileManager.default.contents(atPath: source), Self.writeFile(target, data) else {
                        failures.set(index, "cannot copy \(source)"); return
                    }
                }
            }
            if let message = failures.first { throw Failure.io(message) }
            if let beforeSwap {
                do { try beforeSwap(staging.path) } catch { throw Failure.io("\(error)") }
            }
            // Swap: the old output moves aside, the new one takes its name, the old one goes.
            let hadOutput = fm.fileExists(atPath: output.path)
            if hadOutput { try fm.moveItem(at: output, to: retired) }
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                if hadOutput { try? fm.moveItem(at: retired, to: output) }
                throw error
            }
            if hadOutput { try? fm.removeItem(at: retired) }
        } catch let failure as Failure {
            try? fm.removeItem(at: staging)
            throw failure
        } catch {
            try? fm.removeItem(at: staging)
            throw .io("cannot write the site: \(error.localizedDescription)")
        }
    }
}

/// The first failure of a parallel write, by file index, so that the error reported does not depend on timing.
final class FailureSlots: @unchecked Sendable {
    private var messages: [String?]
    private let lock = NSLock()

    init(count: Int) { messages = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ message: String) {
        lock.lock(); messages[index] = message; lock.unlock()
    }

    var first: String? { messages.lazy.compactMap { $0 }.first }
}
