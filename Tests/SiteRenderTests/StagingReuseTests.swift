import Foundation
import Testing
@testable import SiteRender
#if canImport(Glibc)
import Glibc
#endif

/// A rebuild writes into the output before last, keeping the files that already hold the new
/// bytes: what it keeps must be exactly what a build from nothing would write.
@Suite struct StagingReuseTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("staging-reuse-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func files(_ pages: [String: String]) -> [OutputFile] {
        pages.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value) }
    }

    static func tree(_ root: String) throws -> [String: String] {
        var found: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue,
                  path != SiteWriter.markName else { continue }
            found[path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        }
        return found
    }

    @Test func aRebuildHoldsExactlyTheNewSite() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/public"
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        let writer = SiteWriter(outputPath: output, contentRoot: root + "/content")
        let generations: [[String: String]] = [
            ["index.html": "<p>one</p>", "plans/a/index.html": "aaaa", "plans/b/index.html": "bbbb", "data/x.json": ""],
            ["index.html": "<p>two</p>", "plans/a/index.html": "aaaa", "plans/c/tasks/1/index.html": "c1", "data/x.json": "{}"],
            // Same sizes, other bytes; a file that was a folder's name before; an empty file again.
            ["index.html": "<p>six</p>", "plans/a/index.html": "abba", "plans/b/index.html": "BBBB", "data/x.json": "",
             "plans/c": "now a file"],
            ["index.html": "<p>six</p>", "plans/a/index.html": "abba", "plans/b/index.html": "BBBB", "data/x.json": "",
             "plans/c": "now a file"],
        ]
        for (number, pages) in generations.enumerated() {
            // Something planted in the staging folder between builds is removed, never followed.
            let staging = root + "/" + SiteWriter.stagingName("public")
            if number == 2 { _ = symlink("/etc", staging + "/plans/a/index.html.link") }
            try writer.write(Self.files(pages))
            #expect(try Self.tree(output) == pages, "generation \(number)")
        }
    }

    @Test func aFileHoldsOnlyItsOwnBytes() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/f"
        try Data("abcd".utf8).write(to: URL(fileURLWithPath: path))
        #expect(SiteWriter.fileHolds(path, Data("abcd".utf8)))
        #expect(!SiteWriter.fileHolds(path, Data("abce".utf8)))
        #expect(!SiteWriter.fileHolds(path, Data("abc".utf8)))
        #expect(!SiteWriter.fileHolds(path, Data("abcde".utf8)))
        #expect(!SiteWriter.fileHolds(path, Data()))
        let large = Data((0..<200_000).map { UInt8($0 % 251) })
        try large.write(to: URL(fileURLWithPath: path))
        #expect(SiteWriter.fileHolds(path, large))
        var changed = large
        changed[150_000] ^= 1
        #expect(!SiteWriter.fileHolds(path, changed))
        _ = symlink(path, root + "/link")
        #expect(!SiteWriter.fileHolds(root + "/link", large))
        #expect(!SiteWriter.fileHolds(root + "/missing", Data()))
    }
}
