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

@Suite struct LostOpeningTests {
    @Test func frontMatterWithoutItsOpeningLineIsReadAsFrontMatter() throws {
        let split = try FrontMatter.split("\ntitle: 通知\nsummary: >-\n  一句话\n---\n正文\n").get()
        #expect(split.openingMissingAt == 2)
        #expect(split.yaml == "\ntitle: 通知\nsummary: >-\n  一句话")
        #expect(split.body == "正文\n")
        #expect(split.bodyFirstLine == 6)
    }

    @Test func proseIsNotFrontMatter() {
        #expect(throws: FrontMatter.Failure.missing) { try FrontMatter.split("Note: the text\n\n---\n").get() }
        #expect(throws: FrontMatter.Failure.missing) { try FrontMatter.split("title: a\nThen prose.\n---\n").get() }
        #expect(throws: FrontMatter.Failure.missing) { try FrontMatter.split("title: a\nno closing line\n").get() }
    }
}
