import Foundation

/// What the header and the closing lines of a published plan say: issuing
/// body, 文号, recipients, cover letter, title, dates, 公开形式, 共印N份 — each
/// with the line it was read from. A value the document does not state stays
/// nil: nothing here has a default.
struct PlanHeader: Equatable {
    /// Where the issuer's name was read, most trusted last: the line above the 文号 (红头),
    /// the first line of a two-line title, the metadata box, the signature.
    enum IssuerSource: Int, Comparable {
        case redHead, title, box, signature
        static func < (a: IssuerSource, b: IssuerSource) -> Bool { a.rawValue < b.rawValue }
        var description: String {
            switch self {
            case .redHead: "the header above the 文号"
            case .title: "the first line of the title"
            case .box: "the metadata box"
            case .signature: "the signature"
            }
        }
    }

    var issuer: String?
    var issuerSource: IssuerSource?
    var docNumber: String?
    var recipients: String?
    var coverLetter: String?
    var title: String?
    /// The line the title is on (0-based index into the lines parsed); the body starts after it.
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
    /// The line each field was read from (`title`, `doc_number`, `issuer`, `issued` …); 0 when the
    /// document's reader gave the value without a line.
    var fieldLines: [String: Int] = [:]
    /// Header lines read as nothing else (the header keeps them as comments, so none is lost).
    var unplaced: [(number: Int, text: String)] = []
    /// Closing lines that are text, not a value (抄送：…): they go at the end of the text.
    var trailing: [(number: Int, text: String)] = []
    /// Header lines read into the values above (the notice's title, the 红头, a page heading).
    var read: [(number: Int, what: String)] = []

    static func == (lhs: PlanHeader, rhs: PlanHeader) -> Bool {
        lhs.issuer == rhs.issuer && lhs.docNumber == rhs.docNumber && lhs.title == rhs.title && lhs.issued == rhs.issued
    }

    static let titleEndings = ["工作意见", "工作要点", "实施方案", "工作方案", "行动方案", "方案", "意见", "要点", "计划", "规划",
                               "具体措施", "措施", "任务清单", "清单", "工作安排", "安排", "实施细则", "细则", "办法", "举措", "任务分工"]

    /// The issuer read from `source`, kept when no more trusted source named one.
    mutating func offerIssuer(_ name: String, from source: IssuerSource, line: Int) {
        guard !name.isEmpty else { return }
        if let current = issuerSource, current >= source {
            if current > source, name != issuer { guesses.append((line, "\(source.description) names \(name); the issuer is \(issuer ?? "") from \(current.description)")) }
            return
        }
        issuer = name
        issuerSource = source
        fieldLines["issuer"] = line
    }

    /// `上海市普陀区安全生产委员会` + `普安委〔2022〕6号` + …; `raw` gives a line's text as it was
    /// (the metadata box is read from it: cleaning drops the tabs between its pairs); `pairs` is a
    /// metadata box the document's reader found (a web page's table).
    static func parse(_ lines: [(number: Int, text: String)], raw: (Int) -> String = { _ in "" },
                      pairs: [ImportDocument.Pair] = []) -> PlanHeader {
        var header = PlanHeader()
        for pair in pairs { header.apply(HeaderMetadata.field(for: pair.label, value: pair.value), pair.value, line: pair.line) }
        header.readBox(lines, raw: raw)
        let order = lines.indices.filter { !header.metadataLines.contains(lines[$0].number) }
        // Where the cover letter may start (a position in `order`): after the 文号, else after the box.
        var letterStart: Int?
        let docPosition = order.firstIndex { isDocNumber(lines[$0].text) }
        if let docPosition {
            let written = lines[order[docPosition]]
            if header.docNumber == nil {
                header.docNumber = normaliseDocNumber(written.text)
                header.fieldLines["doc_number"] = written.number
                if header.docNumber != written.text { header.guesses.append((written.number, "文号 \(written.text) read as \(header.docNumber ?? "")")) }
            } else {
                header.read.append((written.number, "文号 (also in the metadata box)"))
            }
            letterStart = docPosition + 1
        } else if let last = header.metadataLines.max() {
            letterStart = order.firstIndex { lines[$0].number > last } ?? order.count
        }
        // The title: the first line after the 文号 that names a plan and is not the cover letter's.
        func titlePosition(from start: Int) -> Int? {
            order.indices.first { $0 >= start && isTitle(lines[order[$0]].text) && ImportText.kind(lines[order[$0]].text) == .text }
        }
        guard var titlePos = titlePosition(from: letterStart ?? 0) ?? titlePosition(from: 0) else { return header }
        // The title twice: a web page's heading, then the document's own title after its cover letter.
        if let again = order.indices.first(where: { $0 > titlePos && normaliseTitle(lines[order[$0]].text) == normaliseTitle(lines[order[titlePos]].text) }) {
            header.read.append((lines[order[titlePos]].number, "the page's heading (the title, written again below)"))
            letterStart = max(letterStart ?? 0, titlePos + 1)
            titlePos = again
        }
        // A cover letter with no 文号 above it starts at its recipients (`各镇人民政府…：`, `主送：…`).
        if letterStart == nil, let recipients = order[..<titlePos].firstIndex(where: { isRecipientsLine(lines[$0].text) }) {
            letterStart = recipients
        }
        var titleIndex = order[titlePos]
        var title = lines[titleIndex].text
        header.fieldLines["title"] = lines[titleIndex].number
        // A title broken over two lines: `梧桐区城镇燃气安全专项整治` / `工作实施方案`; or whose first
        // line is the issuing body: `某某区安全生产委员会` / `2025年安全生产工作要点`.
        if titlePos > (letterStart ?? 0), titlePos > 0, title.count <= 30 {
            let first = lines[order[titlePos - 1]]
            if isTitleStart(first.text) {
                header.guesses.append((first.number, "title joined from two lines: \(first.text)|\(title)"))
                title = first.text + title
                titlePos -= 1
                header.fieldLines["title"] = first.number
            } else if order[titlePos - 1] == titleIndex - 1, isSigningBody(first.text), !namesAPlace(title) {
                header.guesses.append((first.number, "title joined from two lines, the first the issuing body: \(first.text)|\(title)"))
                header.offerIssuer(first.text, from: .title, line: first.number)
                title = first.text + title
                titlePos -= 1
                header.fieldLines["title"] = first.number
            }
        }
        // …and its period or status on the line under it: `（2024—2026年）`, `（试行）`.
        if order.contains(titleIndex + 1), isTitleEnd(lines[titleIndex + 1].text) {
            header.guesses.append((lines[titleIndex + 1].number, "title continued on this line: \(lines[titleIndex + 1].text)"))
            title += lines[titleIndex + 1].text
            titleIndex += 1
        }
        header.titleIndex = titleIndex
        header.title = normaliseTitle(title)
        // Before the cover letter (or the title): the 红头, a notice's title, a date a page mangled.
        var noticeTitle: (number: Int, text: String)?
        var redHead: [(number: Int, text: String)] = []
        for position in order[..<min(letterStart ?? titlePos, titlePos)].indices where position != docPosition {
            let line = lines[order[position]]
            if header.read.contains(where: { $0.number == line.number }) { continue }
            if isNoticeTitle(line.text) && noticeTitle == nil {
                noticeTitle = line
            } else if isRedHead(line.text) {
                redHead.append(line)
            } else {
                if ImportDates.isMangledDate(line.text) {
                    header.guesses.append((line.number, "a date the page printed without its marks, not read: \(line.text)"))
                }
                header.unplaced.append(line)
            }
        }
        if !redHead.isEmpty {
            let name = redHead.map(\.text).joined()
            header.offerIssuer(name.hasSuffix("文件") ? String(name.dropLast(2)) : name, from: .redHead, line: redHead[0].number)
            for line in redHead { header.read.append((line.number, "the issuing body's header (红头)")) }
        }
        // Between the 文号 (or the box, or the recipients) and the title: the cover letter.
        if let letterStart, titlePos > letterStart {
            var letter = order[letterStart..<titlePos].map { lines[$0] }.filter { line in
                // `2024815`: a date the page printed without its marks, not the letter's.
                guard ImportDates.isMangledDate(line.text) else { return true }
                header.guesses.append((line.number, "a date the page printed without its marks, not read: \(line.text)"))
                header.unplaced.append(line)
                return false
            }
            if let first = letter.first, noticeTitle == nil, isNoticeTitle(first.text) { noticeTitle = letter.removeFirst() }
            if letter.isEmpty, let title = noticeTitle {
                header.unplaced.append(title)
            } else {
                header.readLetter(letter, noticeTitle: noticeTitle)
            }
        } else if let noticeTitle {
            header.unplaced.append(noticeTitle)
        }
        if let noticeTitle, header.coverLetter != nil { header.read.append((noticeTitle.number, "the notice's title (in the cover letter)")) }
        // A bracketed line under the title that dates the text: `（2025年1月20日区安委会全体会议审议通过）`.
        if header.issued == nil, titleIndex + 1 < lines.count {
            let next = lines[titleIndex + 1]
            if next.text.hasPrefix("（"), next.text.hasSuffix("）"), next.text.count <= 60, let date = day(in: next.text) {
                header.issued = date
                header.fieldLines["issued"] = next.number
            }
        }
        if let title = header.title, let period = period(in: title) {
            header.period = period
            header.fieldLines["period"] = header.fieldLines["title"]
        }
        return header
    }

    /// The metadata box among the lines before the first chapter: lines of label–value pairs, and a
    /// label alone on its line with its value on the next.
    mutating func readBox(_ lines: [(number: Int, text: String)], raw: (Int) -> String) {
        let boxEnd = min(lines.firstIndex { ImportText.kind($0.text) == .chapter } ?? lines.count, 40)
        var index = 0
        while index < boxEnd {
            let number = lines[index].number
            let found = HeaderMetadata.pairs(in: raw(number))
            guard !found.isEmpty else { index += 1; continue }
            metadataLines.insert(number)
            if found.count == 1, found[0].value.isEmpty, index + 1 < boxEnd,
               HeaderMetadata.pairs(in: raw(lines[index + 1].number)).isEmpty,
               Self.isValue(lines[index + 1].text, of: found[0].field) {
                // `发布机构` / `某某街道办事处`: the label on one line, its value on the next.
                apply(found[0].field, lines[index + 1].text, line: lines[index + 1].number)
                metadataLines.insert(lines[index + 1].number)
                index += 2
                continue
            }
            for (field, value) in found { apply(field, value, line: number) }
            index += 1
        }
    }

    /// The cover letter: its recipients (`…：`, `主送：…`), its text, the signature and the date —
    /// each a paragraph; the notice's title (`关于印发《…》的通知`) first when there is one.
    mutating func readLetter(_ lines: [(number: Int, text: String)], noticeTitle: (number: Int, text: String)?) {
        var letter = lines
        if let index = letter.firstIndex(where: { Self.isRecipientsLine($0.text) }) {
            recipients = Self.recipients(in: letter[index].text)
            fieldLines["recipients"] = letter[index].number
        }
        // （此件公开发布） after the date: the 公开方式, not the letter's text.
        while let last = letter.last, letter.count > 1, let found = Self.disclosure(in: last.text) {
            disclosure = found
            fieldLines["disclosure"] = last.number
            letter.removeLast()
        }
        // The signature and the date close the letter, each a paragraph of its own.
        var closing: [String] = []
        if let last = letter.last, let date = Self.day(in: last.text), last.text.count <= 16 {
            issued = date
            fieldLines["issued"] = last.number
            closing.append(last.text)
            letter.removeLast()
            var signers: [(number: Int, text: String)] = []
            while signers.count < 3, let signer = letter.last, letter.count > 1, Self.isSigningBody(signer.text) {
                signers.insert(signer, at: 0)
                letter.removeLast()
            }
            if let first = signers.first {
                offerIssuer(first.text, from: .signature, line: first.number)
                if signers.count > 1 { guesses.append((first.number, "signed by \(signers.count) bodies: the first, \(first.text), is the issuer")) }
            }
            closing.insert(contentsOf: signers.map(\.text), at: 0)
        }
        // The recipients' line is a paragraph of its own, whatever punctuation ends it.
        var report = ImportReport()
        var text: [String] = []
        if let index = letter.firstIndex(where: { Self.isRecipientsLine($0.text) }) {
            text = TextBlocks.join(Array(letter[..<index]), report: &report).map(\.text) + [letter[index].text]
                + TextBlocks.join(Array(letter[(index + 1)...]), report: &report).map(\.text)
        } else {
            text = TextBlocks.join(letter, report: &report).map(\.text)
        }
        let paragraphs = (noticeTitle.map { [$0.text] } ?? []) + text + closing
        if !paragraphs.isEmpty { coverLetter = paragraphs.joined(separator: "\n\n") }
    }

    /// A value of the metadata box put where it belongs.
    mutating func apply(_ field: HeaderMetadata.Field, _ value: String, line: Int = 0) {
        let value = value.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return }
        switch field {
        case .indexNumber: indexNumber = value; fieldLines["index_number"] = line
        case .category: category = value; fieldLines["category"] = line
        case .issuer: offerIssuer(ImportText.clean(value), from: .box, line: line)
        case .docNumber:
            let written = ImportText.clean(value)
            if Self.isDocNumber(written) { docNumber = Self.normaliseDocNumber(written); fieldLines["doc_number"] = line }
        case .issued:
            if let day = ImportDates.metadataDay(value) { issued = day; fieldLines["issued"] = line }
        case .published:
            if let day = ImportDates.metadataDay(value) { published = day; fieldLines["published"] = line }
        case .disclosure: disclosure = ImportText.clean(value); fieldLines["disclosure"] = line
        case .validity: validity = value; fieldLines["status"] = line
        case .other(let label): if !label.isEmpty { extra.append((label, value)) }
        }
    }

    /// The closing lines after the body: （信息公开形式：…）, the signature, `…日印发`, `共印N份`;
    /// any other line (抄送：…) is text, kept at the end of the body.
    mutating func readClosing(_ lines: [(number: Int, text: String)], report: inout ImportReport) {
        for (index, line) in lines.enumerated() {
            let (number, text) = line
            if let found = Self.disclosure(in: text) {
                disclosure = found
                fieldLines["disclosure"] = number
            } else if text.hasPrefix("共印"), text.hasSuffix("份"), let n = Int(text.dropFirst(2).dropLast()) {
                copies = n
                fieldLines["copies"] = number
            } else if let date = Self.day(in: text), text.hasSuffix("印发"), text.count <= 50 {
                // `2022年8月15日印发`, also after the office that printed it.
                published = date
                fieldLines["published"] = number
            } else if let date = Self.day(in: text), text.count <= 16 {
                if issued == nil { issued = date; fieldLines["issued"] = number }
            } else if Self.isSignature(text, next: index + 1 < lines.count ? lines[index + 1].text : nil, issuer: issuer) {
                offerIssuer(text, from: .signature, line: number)
                report.note(line: number, "signature: \(text)")
            } else if !text.isEmpty {
                trailing.append(line)
                report.note(line: number, "kept at the end of the text: \(text.prefix(30))")
            }
        }
    }
}

enum CharacterSetLike {
    static let brackets = Foundation.CharacterSet(charactersIn: "（）() ")
}
