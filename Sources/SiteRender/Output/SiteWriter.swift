import Foundation
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
            var made = Set<String>()
            for file in files.sorted(by: { $0.path < $1.path }) {
                let target = staging.appendingPathComponent(file.path)
                let folder = target.deletingLastPathComponent().path
                if !made.contains(folder) {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    made.insert(folder)
                }
                switch file.contents {
                case .data(let data):
                    guard fm.createFile(atPath: target.path, contents: data) else {
                        throw Failure.io("cannot write \(target.path)")
                    }
                case .copy(let relative):
                    let source = URL(fileURLWithPath: contentRoot).appendingPathComponent(relative).path
                    guard let data = fm.contents(atPath: source), fm.createFile(atPath: target.path, contents: data) else {
                        throw Failure.io("cannot copy \(source)")
                    }
                }
            }
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
