import Testing
@testable import SiteModel

@Suite struct FrontMatterTests {
    @Test func keepsFileLineNumbers() throws {
        let text = "---\nid: a\ntitle: T\n---\n\nBody line\n"
        let split = try FrontMatter.split(text).get()
        #expect(split.yaml == "\nid: a\ntitle: T")
        #expect(split.bodyFirstLine == 5)
        #expect(split.body == "\nBody line\n")
    }

    @Test func missingFrontMatter() {
        #expect(throws: FrontMatter.Failure.missing) { try FrontMatter.split("# Title\n").get() }
    }

    @Test func unclosedFrontMatter() {
        #expect(throws: FrontMatter.Failure.unclosed(line: 1)) { try FrontMatter.split("---\nid: a\nbody\n").get() }
    }
}
