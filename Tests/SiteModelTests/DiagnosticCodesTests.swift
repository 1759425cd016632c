import Foundation
import SiteModel
import Testing
import TestSupport

/// DiagnosticCode is the one list of codes: docs/diagnostics.md's table is made from it, and every
/// code it declares is given somewhere in the sources.
@Suite struct DiagnosticCodesTests {
    static let begin = "<!-- codes: made from DiagnosticCode, do not edit by hand -->"
    static let end = "<!-- end of codes -->"

    @Test func theDocumentedTableIsTheEnum() throws {
        let path = Repository.path("docs/diagnostics.md")
        let docs = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(docs.range(of: Self.begin), "docs/diagnostics.md lost its \(Self.begin) line")
        let stop = try #require(docs.range(of: Self.end, range: start.upperBound..<docs.endIndex))
        let documented = String(docs[start.upperBound..<stop.lowerBound])
        let made = "\n" + DiagnosticCode.documentationTable
        if ProcessInfo.processInfo.environment["GEN_SITE_UPDATE_DOCS"] == "1", documented != made {
            try (docs.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: made))
                .write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(documented == made, "docs/diagnostics.md differs from DiagnosticCode; GEN_SITE_UPDATE_DOCS=1 swift test --filter DiagnosticCodes rewrites it")
    }

    @Test func everyCodeIsDocumentedOnce() {
        let rows = DiagnosticCode.documentationTable.split(separator: "\n").dropFirst(2)
        #expect(rows.count == DiagnosticCode.allCases.count)
        for code in DiagnosticCode.allCases {
            #expect(!code.documentation.isEmpty, "\(code.rawValue)")
            #expect(code.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(code.rawValue) is not kebab-case")
        }
    }

    /// A code declared and never given would be a promise the docs make and gen-site does not keep.
    @Test func everyCodeIsGivenSomewhere() throws {
        var sources = ""
        for folder in ["Sources/SiteModel", "Sources/SiteRender", "Sources/SiteSheets", "Sources/ImportReaders", "Sources/gen-site"] {
            let root = Repository.path(folder)
            for case let file as String in FileManager.default.enumerator(atPath: root) ?? FileManager.DirectoryEnumerator()
            where file.hasSuffix(".swift") && !file.hasSuffix("DiagnosticCode.swift") {
                sources += try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            }
        }
        let unused = DiagnosticCode.allCases.filter { code in
            let name = String(describing: code)
            return ![".\(name),", ".\(name))", ".\(name)]", ".\(name) ", ".\(name)\n"].contains { sources.contains($0) }
        }
        #expect(unused.isEmpty, "declared but never given: \(unused.map(\.rawValue))")
    }
}
