import Foundation
import Testing
import TestSupport

/// Every diagnostic code the readers, the model, the renderer and the commands give is listed in
/// docs/diagnostics.md.
@Suite struct DiagnosticCodesTests {
    @Test(arguments: ["Sources/SiteSheets", "Sources/SiteModel", "Sources/SiteRender", "Sources/gen-site"])
    func everyCodeIsDocumented(_ sources: String) throws {
        let docs = try String(contentsOfFile: Repository.path("docs/diagnostics.md"), encoding: .utf8)
        let folder = Repository.path(sources)
        var codes = Set<String>()
        for case let file as String in FileManager.default.enumerator(atPath: folder) ?? FileManager.DirectoryEnumerator() where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for marker in [".error(\"", ".warning(\""] {
                for piece in text.components(separatedBy: marker).dropFirst() {
                    codes.insert(String(piece.prefix { $0 != "\"" }))
                }
            }
        }
        #expect(!codes.isEmpty, "\(codes.sorted())")
        let missing = codes.filter { !docs.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "not in docs/diagnostics.md: \(missing)")
    }
}
