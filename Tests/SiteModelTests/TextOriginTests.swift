import Testing
import Yams
@testable import SiteModel

/// Where a Markdown value of YAML starts, by the way it is written.
@Suite struct TextOriginTests {
    func origins(_ yaml: String) throws -> TextOrigins {
        var diagnostics = Diagnostics()
        let root = try #require(YAMLDocument.compose(yaml, file: "t.yaml", into: &diagnostics))
        var reader = YAMLReader(file: "t.yaml", source: yaml)
        let map = reader.mapping(root, "test")
        let node = try #require(map?["requirements"])
        let markdown = reader.markdown(node, "requirements")
        return try #require(markdown).origins
    }

    @Test func aBlockKeepsItsLinesAfterItsIndentation() throws {
        let found = try origins("""
        requirements:
          zh: |-

            第一行
            第二行
          en: "One line with a [link](x/)."
        """)
        // The blank first line is trimmed: the text starts on line 4, after 4 spaces.
        #expect(found.zh == TextOrigin(file: "t.yaml", line: 4, column: 5, layout: .lines(laterColumn: 5)))
        #expect(found.zh?.location(line: 2, column: 3) == SourceLocation(file: "t.yaml", line: 5, column: 7))
        // A quoted value on one line: after its quote.
        #expect(found.en == TextOrigin(file: "t.yaml", line: 6, column: 8, layout: .lines(laterColumn: 1)))
    }

    @Test func aPlainValueOnOneLine() throws {
        let found = try origins("requirements: 见[附件](a.pdf)\n")
        #expect(found.zh?.location(line: 1, column: 2) == SourceLocation(file: "t.yaml", line: 1, column: 16))
    }

    @Test func foldedAndContinuedValuesAreKnownByTheirStart() throws {
        let folded = try origins("requirements: >-\n  a [b](c)\n  d\n")
        #expect(folded.zh == TextOrigin(file: "t.yaml", line: 2, column: 3, layout: .start))
        let continued = try origins("requirements: a [b](c)\n  d [e](f)\n")
        #expect(continued.zh == TextOrigin(file: "t.yaml", line: 1, column: 15, layout: .start))
        let quoted = try origins("requirements: \"a\\n\\nb [c](d)\"\n")
        #expect(quoted.zh?.layout == .start)
    }
}
