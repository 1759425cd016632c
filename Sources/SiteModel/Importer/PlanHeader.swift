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
    /// 索引号 and 主题分类, from a website's metadata box.
    var indexNumber: String?
    var category: String?
    /// 有效性 as the box states it (`有效`, `失效`, `废止`).
    var validity: String?
    /// The box's rows gen-site has no field for (公开主体, 生效日期…), kept as extra rows.
    var extra: [(label: String, value: String)] = []
    /// The source lines (numbers) of the metadata box: not part of the body wherever they stand.
    var metadataLines: Set<Int> = []
    /// What the header parse guessed, for the report: (source line, message).
    var guesses: [(line: Int, message: String)] = []
    /// The source lines read into the metadata above (header, signature, closing), kept as they were.
    var sourceLines: [(number: Int, text: String)] = []

    static func == (lhs: PlanHeader, rhs: PlanHeader) -> Bool {
        lhs.issuer == rhs.issuer && lhs.docNumber == rhs.docNumber && lhs.title == rhs.title && lhs.issued == rhs.issued
    }

    static let titleEndings = ["工作意见", "工作要点", "实施方案", "工作方案", "行动方案", "方案", "意见", "要点", "计划", "规划"]

    /// `上海市普陀区安全生产委员会` + `普安委〔2022〕6号` + …; `raw` gives a line's text
    /// as it was (the metadata box is read from it: cleaning drops the tabs between its pairs).
    static func parse(_ lines: [(number: Int, text: String)], raw: (Int) -> String = { _ in "" },
                      pairs: [ImportDocument.Pair] = []) -> PlanHeader {
        var header = PlanHeader()
        for pair in pairs { header.apply(HeaderMetadata.field(for: pair.label) ?? .other(pair.label), pair.value) }
        // The metadata box, anywhere before the first chapter.
        let boxEnd = min(lines.firstIndex { ImportText.kind($0.text) == .chapter } ?? lines.count, 40)
        var boxed: [Int] = []
        for index in 0..<boxEnd {
            let pairs = HeaderMetadata.pairs(in: raw(lines[index].number))
            guard !pairs.isEmpty else { continue }
            boxed.append(index)
            header.metadataLines.insert(lines[index].number)
            for (field, value) in pairs { header.apply(field, value) }
        }
        let order = lines.indices.filter { !header.metadataLines.contains(lines[$0].number) }
        // Where the cover letter may start (a position in `order`): after the 文号, else after the box.
        var letterStart: Int?
        if let docPosition = order.firstIndex(where: { isDocNumber(lines[$0].text) }) {
            if header.docNumber == nil {
                let written = lines[order[docPosition]]
                header.docNumber = normaliseDocNumber(written.text)
                if header.docNumber != written.text { header.guesses.append((written.number, "文号 \(written.text) read as \(header.docNumber ?? "")")) }
            }
            let issuer = order[..<docPosition].map { lines[$0].text }.joined()
            if header.issuer == nil, !issuer.isEmpty {
                header.issuer = issuer.hasSuffix("文件") ? String(issuer.dropLast(2)) : issuer
            }
            letterStart = docPosition + 1
        } else if let last = boxed.last {
            letterStart = order.firstIndex { $0 > last } ?? order.count
        }
        // The title: the first line after the 文号 that names a plan and is not the cover letter's.
        func titlePosition(from start: Int) -> Int? {
            order.indices.first { $0 >= start && isTitle(lines[order[$0]].text) && ImportText.kind(lines[order[$0]].text) == .text }
        }
        guard var titlePos = titlePosition(from: letterStart ?? 0) ?? titlePosition(from: 0) else { return header }
        var titleIndex = order[titlePos]
        var title = lines[titleIndex].text
        // A title broken over two lines: `梧桐区城镇燃气安全专项整治` / `工作实施方案`.
        if titlePos > (letterStart ?? 0), isTitleStart(lines[order[titlePos - 1]].text), title.count <= 30 {
            let first = lines[order[titlePos - 1]]
            header.guesses.append((first.number, "title joined from two lines: \(first.text)|\(title)"))
            title = first.text + title
            titlePos -= 1
        }
        // …and its period or status on the line under it: `（2024—2026年）`, `（试行）`.
        if order.contains(titleIndex + 1), isTitleEnd(lines[titleIndex + 1].text) {
            header.guesses.append((lines[titleIndex + 1].number, "title continued on this line: \(lines[titleIndex + 1].text)"))
            title += lines[titleIndex + 1].text
            titleIndex += 1
        }
        header.titleIndex = titleIndex
        header.title = normaliseTitle(title)
        header.sourceLines = Array(lines[..<titleIndex]) + lines[titleIndex...].filter { header.metadataLines.contains($0.number) }
        // Between the 文号 (or the box) and the title: the cover letter (主送 line, text, signature, date).
        if let letterStart, titlePos > letterStart {
            var letter = order[letterStart..<titlePos].map { lines[$0] }
            if let first = letter.first, first.text.hasSuffix("的通知") || first.text.hasPrefix("关于") { letter.removeFirst() }
            if let recipientsIndex = letter.firstIndex(where: { $0.text.hasSuffix("：") }) {
                header.recipients = String(letter[recipientsIndex].text.dropLast())
            }
            // The signature and the date close the letter, each a paragraph of its own.
            var closing: [String] = []
            if let last = letter.last, let date = day(in: last.text), last.text.count <= 16 {
                header.issued = date
                closing.append(last.text)
                letter.removeLast()
                while closing.count <= 3, let signer = letter.last, letter.count > 1, isSigningBody(signer.text) {
                    closing.insert(signer.text, at: 0)
                    letter.removeLast()
                }
            }
            var report = ImportReport()
            let paragraphs = TextBlocks.join(letter, report: &report).map(\.text) + closing
            if !paragraphs.isEmpty { header.coverLetter = paragraphs.joined(separator: "\n\n") }
        }
        // A bracketed line under the title that dates the text: `（2025年1月20日区安委会全体会议审议通过）`.
        if header.issued == nil, titleIndex + 1 < lines.count {
            let next = lines[titleIndex + 1].text
            if next.hasPrefix("（"), next.hasSuffix("）"), next.count <= 60, let date = day(in: next) { header.issued = date }
        }
        if let title = header.title { header.period = period(in: title) }
        return header
    }

    /// The first line of a title broken in two: short, no punctuation, not a date, a 文号, a
    /// signing body or a `…文件` header.
    static func isTitleStart(_ text: String) -> Bool {
        text.count <= 30 && !ImportText.endsSentence(text) && !text.contains("，") && !text.contains("、") && day(in: text) == nil
            && !isDocNumber(text) && !isSigningBody(text) && !text.hasSuffix("文件") && !text.contains("印发")
            && ImportText.kind(text) == .text && !isTitle(text) && text.count >= 4
            && text.allSatisfy { ImportText.isCJK($0) || ($0.isASCII && $0.isNumber) || "（）〔〕—－-《》“”".contains($0) }
    }

    /// `（2024—2026年）`, `(试行)`, `（2025年修订）`: the end of the title line above.
    static func isTitleEnd(_ text: String) -> Bool {
        let t = text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        guard t.hasPrefix("（"), t.hasSuffix("）"), t.count <= 16, day(in: t) == nil else { return false }
        return period(in: t) != nil || ["试行", "修订", "征求意见稿", "暂行", "送审稿"].contains { t.contains($0) }
    }

    /// A value of the metadata box put where it belongs.
    mutating func apply(_ field: HeaderMetadata.Field, _ value: String) {
        let value = value.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return }
        switch field {
        case .indexNumber: indexNumber = value
        case .category: category = value
        case .issuer: issuer = ImportText.clean(value)
        case .docNumber:
            let written = ImportText.clean(value)
            if Self.isDocNumber(written) { docNumber = Self.normaliseDocNumber(written) }
        case .issued: issued = ImportDates.metadataDay(value) ?? issued
        case .published: published = ImportDates.metadataDay(value) ?? published
        case .disclosure: disclosure = ImportText.clean(value)
        case .validity: validity = value
        case .other(let label): extra.append((label, value))
        }
    }

    /// The closing lines after the body: （信息公开形式：…）, the signature, `…日印发`, `共印N份`.
    mutating func readClosing(_ lines: [(number: Int, text: String)], report: inout ImportReport) {
        sourceLines += lines
        for (index, line) in lines.enumerated() {
            let (number, text) = line
            if (text.hasPrefix("附件") && text.count <= 5) || PlanImporter.isTableTitle(text) { continue }
            if let found = Self.disclosure(in: text) {
                disclosure = found
            } else if text.hasPrefix("共印"), text.hasSuffix("份"), let n = Int(text.dropFirst(2).dropLast()) {
                copies = n
            } else if let date = Self.day(in: text), text.hasSuffix("印发"), text.count <= 50 {
                // `2022年8月15日印发`, also after the office that printed it.
                published = date
            } else if let date = Self.day(in: text), text.count <= 16 {
                if issued == nil { issued = date }
            } else if Self.isSignature(text, next: index + 1 < lines.count ? lines[index + 1].text : nil, issuer: issuer) {
                if issuer == nil { issuer = text }
                report.note(line: number, "signature: \(text)")
            } else if !text.isEmpty {
                report.skipped(line: number, "not part of the text: \(text)")
            }
        }
    }

    /// （信息公开形式：主动公开） · （此件公开发布） · （此件主动公开） · 公开方式：依申请公开 → the 公开方式.
    static func disclosure(in text: String) -> String? {
        if let range = text.range(of: "公开形式：") ?? text.range(of: "公开方式：") ?? text.range(of: "公开属性：") {
            return String(text[range.upperBound...]).trimmingCharacters(in: CharacterSetLike.brackets)
        }
        guard text.hasPrefix("（"), text.hasSuffix("）"), text.count <= 16, text.contains("此件") || text.contains("公开") else { return nil }
        if text.contains("不予公开") || text.contains("不公开") { return "不予公开" }
        if text.contains("依申请") { return "依申请公开" }
        if text.contains("公开") { return "主动公开" }
        return nil
    }

    /// The signing body: the issuer's name, or a short name without sentence punctuation above a date.
    static func isSignature(_ text: String, next: String?, issuer: String?) -> Bool {
        if let issuer, text.count >= 4, text == issuer || issuer.hasSuffix(text) || text.hasSuffix(issuer) { return true }
        return isSigningBody(text) && (next.map { day(in: $0) != nil } ?? false)
    }

    /// A line that can be a body's name in a signature: short, no sentence punctuation, named like a unit.
    static func isSigningBody(_ text: String) -> Bool {
        text.count >= 3 && text.count <= 30 && !text.contains("。") && !text.contains("，") && !text.contains("：")
            && !text.contains("；") && ImportText.kind(text) == .text
            && (UnitBrackets.unitEndings.contains { text.hasSuffix($0) } || text.hasSuffix("政府") || text.hasSuffix("办事处"))
    }

    static let docNumberOpenings: Set<Character> = ["〔", "[", "［", "【", "（", "(", "〈"]
    static let docNumberClosings: Set<Character> = ["〕", "]", "］", "】", "）", ")", "〉"]

    /// `普安委〔2022〕6号`, also with the brackets a converter or a website writes: `[2022]`, `【2022】`, `（2022）`.
    static func isDocNumber(_ text: String) -> Bool {
        guard let open = text.firstIndex(where: { docNumberOpenings.contains($0) }), open > text.startIndex,
              let close = text[open...].firstIndex(where: { docNumberClosings.contains($0) }), text.hasSuffix("号") else { return false }
        let year = text[text.index(after: open)..<close]
        let number = text[text.index(after: close)...].dropLast().filter { !$0.isWhitespace }
        return year.count == 4 && year.allSatisfy { $0.isASCII && $0.isNumber } && text.count <= 24 && !text.contains("。")
            && !number.isEmpty && number.drop { $0 == "第" }.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The 文号 written as GB/T 9704 has it: `柳安委[2025]3号` → `柳安委〔2025〕3号`.
    static func normaliseDocNumber(_ text: String) -> String {
        var out = ""
        var inYear = false
        for c in text where !c.isWhitespace {
            if !inYear, docNumberOpenings.contains(c), out.last.map(ImportText.isCJK) == true { out.append("〔"); inYear = true; continue }
            if inYear, docNumberClosings.contains(c) { out.append("〕"); inYear = false; continue }
            out.append(c)
        }
        return out
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

    /// `2022年8月15日` (or `二〇二二年八月十五日`) anywhere in the text.
    static func day(in text: String) -> Day? { ImportDates.day(in: text) }

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
