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

/// The front matter is read line by line only as far as its closing fence; these compare it with
/// the plain reading (every line split, then joined again) on every arrangement of typical lines.
@Suite struct FrontMatterReadingTests {
    static let pieces = ["---", "...", "", " ", "\t", "---  ", "title: a", "id: x", "- item", "  nested: 1", "# c", "prose", "Note: x", "正文"]

    @Test func readsAsTheWholeTextSplitIntoLinesWould() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            let lines = (0..<next(9)).map { _ in Self.pieces[next(Self.pieces.count)] }
            let text = lines.joined(separator: "\n") + (next(2) == 0 ? "\n" : "")
            let expected = Self.plainSplit(text)
            switch (FrontMatter.split(text), expected) {
            case (.success(let got), .success(let want)):
                #expect(got.yaml == want.yaml && got.body == want.body && got.bodyFirstLine == want.bodyFirstLine
                        && got.openingMissingAt == want.openingMissingAt, "\(text.debugDescription)")
            case (.failure(let got), .failure(let want)):
                #expect(got == want, "\(text.debugDescription)")
            default:
                Issue.record("\(text.debugDescription): \(FrontMatter.split(text)) but expected \(expected)")
            }
            let file = SourceFile(path: "plans/a/plan.en.md", text: text)
            #expect(PlanDecoder.hasFrontMatter(file) == Self.plainHasFrontMatter(text), "\(text.debugDescription)")
        }
    }

    static func trimmed(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
        return line
    }

    static func plainSplit(_ text: String) -> Result<FrontMatter, FrontMatter.Failure> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var first = 0
        while first < lines.count, lines[first].allSatisfy(\.isWhitespace), first < lines.count - 1 { first += 1 }
        guard first < lines.count else { return .failure(.missing) }
        if trimmed(lines[first]) != "---" {
            guard let close = FrontMatter.lostOpeningClose(lines, from: first) else { return .failure(.missing) }
            let yaml = (Array(repeating: Substring(""), count: first) + lines[first..<close]).joined(separator: "\n")
            var split = FrontMatter(yaml: yaml, body: lines[(close + 1)...].joined(separator: "\n"), bodyFirstLine: close + 2)
            split.openingMissingAt = first + 1
            return .success(split)
        }
        guard let close = lines[(first + 1)...].firstIndex(where: { trimmed($0) == "---" || trimmed($0) == "..." }) else {
            return .failure(.unclosed(line: first + 1))
        }
        let yaml = (Array(repeating: Substring(""), count: first + 1) + lines[(first + 1)..<close]).joined(separator: "\n")
        lines = Array(lines[(close + 1)...])
        return .success(FrontMatter(yaml: yaml, body: lines.joined(separator: "\n"), bodyFirstLine: close + 2))
    }

    static func plainHasFrontMatter(_ text: String) -> Bool {
        if text.drop(while: { $0 == "\n" || $0 == " " }).hasPrefix("---") { return true }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else { return false }
        return FrontMatter.lostOpeningClose(Array(lines.prefix(first + 62)), from: first) != nil
    }
}
