import Testing
import Yams
@testable import SiteModel

@Suite struct YAMLPrecheckTests {
    @Test(arguments: [
        ("a: &x 1\nb: *x\n", 1, 4),
        ("- &anchor [1, 2]\n", 1, 3),
        ("list: [*a, b]\n", 1, 8),
        ("? *key\n: value\n", 1, 3),
        ("m:\n  *k : v\n", 2, 3),
        ("{a: 1, b: *c}\n", 1, 11),
        ("tasks:\n  - no: 1\n    title: &t x\n", 3, 12),
        // After a tag, and after a JSON-style key's `:` (found by the probes: these composed for minutes).
        ("x: !!str &a0 lol\n", 1, 10),
        ("x: !!map &a1 {a: 1}\n", 1, 10),
        ("x: {\"k\":*a0}\n", 1, 9),
        ("x: {'k':*a0}\n", 1, 9),
    ])
    func anchorsAndAliasesAreFoundWhereNodesStart(_ yaml: String, _ line: Int, _ column: Int) {
        let problem = YAMLPrecheck.scan(yaml)
        switch problem {
        case .anchor(let l, let c)?, .alias(let l, let c)?:
            #expect(l == line && c == column, "\(yaml): found at \(l):\(c)")
        default:
            Issue.record("\(yaml): nothing found")
        }
    }

    /// Text that merely contains & or *: Yams composes each without anchors, and the scan agrees.
    @Test(arguments: [
        "title: 安全 & 消防\n",
        "note: R&D *not an alias*\n",
        "requirements: |\n  * 第一项\n  * 第二项\n  &amp; 文字\nnext: x\n",
        "- zh: |-\n    * 列表\n    * 项\n  en: >\n    *emphasis* here\n- plain\n",
        "quoted: \"*星号* & 符号\"\nsingle: '&x it''s *y*'\n",
        "a: x # &comment *too\n",
        "url: https://example.org/?a=1&b=*\n",
        "- 2*3\n- a&b\n",
        "multi: \"first line\n  *continued* &x\"\n",
    ])
    func textWithAmpersandsAndStarsIsNotAnAnchor(_ yaml: String) throws {
        #expect(YAMLPrecheck.scan(yaml) == nil, "\(yaml)")
        #expect(try Yams.compose(yaml: yaml) != nil)
    }

    @Test func aBlockScalarEndsAtTheFirstLessIndentedLine() {
        #expect(YAMLPrecheck.scan("a: |\n  * text\nb: *alias\n") == .alias(line: 3, column: 4))
        #expect(YAMLPrecheck.scan("- key: |\n    * text\n  other: &x 1\n") == .anchor(line: 3, column: 10))
    }

    @Test func nestingTooDeepIsFound() {
        #expect(YAMLPrecheck.scan(String(repeating: "[", count: 100)) != nil)
        #expect(YAMLPrecheck.scan(String(repeating: "- ", count: 100) + "x\n") != nil)
        #expect(YAMLPrecheck.scan(String(repeating: " ", count: 1000) + "x\n") != nil)
        #expect(YAMLPrecheck.scan(String(repeating: "- ", count: 10) + "x\n") == nil)
    }

    /// Aliases as mapping keys took exponential time in Yams before any limit was checked.
    @Test func aliasesAsKeysAreRefusedBeforeParsing() {
        var yaml = "a0: &a0 {x: 1}\n"
        for level in 1..<40 { yaml += "a\(level): &a\(level) {*a\(level - 1): 1, *a\(level - 1) : 2}\n" }
        var diagnostics = Diagnostics()
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = YAMLDocument.compose(yaml, file: "units.yaml", into: &diagnostics) }
        #expect(diagnostics.items.first?.code == "yaml-aliases")
        #expect(diagnostics.items.first?.location.line == 1)
        #expect(elapsed < .seconds(1))
    }
}
