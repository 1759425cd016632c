import Foundation

/// What the header and the closing lines of a published plan say: issuing
/// body, 文号, recipients, cover letter, title, dates, 公开形式, 共印N份.
struct PlanHeader: Equatable {
    var issuer: String?
    var docNumber: String?
    var recipients: String?
    var coverLetter: String?
    var title: String?
    /// The line the title is on (0-based index into the cleaned lines); the body starts after it.
    var titleIndex: Int?
    var issued: Day?
    var published: Day?
    var disclosure: String?
    var copies: Int?
    var period: Period?
    /// The source lines read into the metadata above (header, signature, closing), kept as they were.
    var sourceLines: [(number: Int, text: String)] = []

    static func == (lhs: PlanHeader, rhs: PlanHeader) -> Bool {
        lhs.issuer == rhs.issuer && lhs.docNumber == rhs.docNumber && lhs.title == rhs.title && lhs.issued == rhs.issued
    }

    static let titleEndings = ["工作意见", "工作要点", "实施方案", "工作方案", "行动方案", "方案", "意见", "要点", "计划", "规划"]

    /// `上海市普陀区安全生产委员会` + `普安委〔2022〕6号` + …
    static func parse(_ lines: [(number: Int, text: String)]) -> PlanHeader {
        var header = PlanHeader()
        guard let docIndex = lines.firstIndex(where: { isDocNumber($0.text) }) else {
            header.titleIndex = lines.firstIndex { isTitle($0.text) }
            header.title = header.titleIndex.map { normaliseTitle(lines[$0].text) }
            return header
        }
        header.docNumber = lines[docIndex].text
        header.sourceLines = Array(lines[...docIndex])
        let issuer = lines[..<docIndex].map(\.text).joined()
        if !issuer.isEmpty {
            header.issuer = issuer.hasSuffix("文件") ? String(issuer.dropLast(2)) : issuer
        }
        // The title: the first line after the 文号 that names a plan and is not the cover letter's.
        let titleIndex = lines.indices.first { $0 > docIndex && isTitle(lines[$0].text) }
        header.titleIndex = titleIndex
        header.title = titleIndex.map { normaliseTitle(lines[$0].text) }
        // Between the 文号 and the title: the cover letter (主送 line, text, signature, date).
        if let titleIndex, titleIndex > docIndex + 1 {
            var letter = Array(lines[(docIndex + 1)..<titleIndex])
            header.sourceLines += letter
            if let first = letter.first, first.text.hasSuffix("的通知") || first.text.hasPrefix("关于") { letter.removeFirst() }
            if let recipientsIndex = letter.firstIndex(where: { $0.text.hasSuffix("：") }) {
                header.recipients = String(letter[recipientsIndex].text.dropLast())
            }
            if let date = letter.last.flatMap({ day(in: $0.text) }) { header.issued = date }
            var report = ImportReport()
            let paragraphs = TextBlocks.join(letter, report: &report).map(\.text)
            if !paragraphs.isEmpty { header.coverLetter = paragraphs.joined(separator: "\n\n") }
        }
        if let title = header.title { header.period = period(in: title) }
        return header
    }

    /// The closing lines after the body: （信息公开形式：…）, the signature, `…日印发`, `共印N份`.
    mutating func readClosing(_ lines: [(number: Int, text: String)], report: inout ImportReport) {
        sourceLines += lines
        for (number, text) in lines {
            if text == "附件" || text == "附件：" || PlanImporter.isTableTitle(text) { continue }
            if let range = text.range(of: "信息公开形式：") {
                disclosure = String(text[range.upperBound...]).trimmingCharacters(in: CharacterSetLike.brackets)
            } else if text.hasPrefix("共印"), text.hasSuffix("份"), let n = Int(text.dropFirst(2).dropLast()) {
                copies = n
            } else if let date = Self.day(in: text), text.count <= 16 {
                if text.hasSuffix("印发") { published = date } else if issued == nil { issued = date }
            } else if !text.isEmpty {
                report.skipped(line: number, "not part of the text: \(text)")
            }
        }
    }

    static func isDocNumber(_ text: String) -> Bool {
        guard let open = text.firstIndex(of: "〔"), let close = text.firstIndex(of: "〕"), open < close, text.hasSuffix("号") else { return false }
        let year = text[text.index(after: open)..<close]
        return year.count == 4 && year.allSatisfy(\.isNumber) && text.count <= 24 && !text.contains("。")
    }

    static func isTitle(_ text: String) -> Bool {
        guard !text.hasPrefix("《"), !text.hasPrefix("关于"), !text.contains("印发"), !text.contains("。"), text.count <= 60 else { return false }
        var stem = normaliseTitle(text)
        if stem.hasSuffix("）"), let open = stem.lastIndex(of: "（") { stem = String(stem[..<open]) }
        return titleEndings.contains { stem.hasSuffix($0) }
    }

    static func normaliseTitle(_ text: String) -> String {
        ImportText.clean(text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）"))
            .replacingOccurrences(of: " ", with: "")
    }

    /// `2022年8月15日` anywhere in the text.
    static func day(in text: String) -> Day? {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i].isNumber, chars[i].isASCII else { i += 1; continue }
            var j = i
            var parts: [Int] = []
            var ok = true
            for unit in ["年", "月", "日"] {
                var k = j
                while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
                guard k > j, k < chars.count, String(chars[k]) == unit, let n = Int(String(chars[j..<k])) else { ok = false; break }
                parts.append(n)
                j = k + 1
            }
            if ok, parts.count == 3, let day = Day(year: parts[0], month: parts[1], day: parts[2]) { return day }
            i += 1
        }
        return nil
    }

    /// `2022年` → the year 2022; `（2024—2026年）` → 2024 to 2026.
    static func period(in title: String) -> Period? {
        let digits = title.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).compactMap { Int($0) }.filter { (1990...2100).contains($0) }
        guard let first = digits.first, let start = Day(year: first, month: 1, day: 1),
              let end = Day(year: digits.last ?? first, month: 12, day: 31) else { return nil }
        return Period(start: start, end: end)
    }
}

enum CharacterSetLike {
    static let brackets = Foundation.CharacterSet(charactersIn: "（）() ")
}
