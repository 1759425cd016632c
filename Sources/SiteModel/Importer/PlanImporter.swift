import Foundation

/// `gen-site import`: a plan's plain text, as published, becomes a plan
/// folder — plan.md (front matter from the header, the text as Markdown with
/// `##`/`###` headings and numbered tasks), tasks.yaml (from the attachment
/// table when there is one, else from the numbered tasks, with the units of
/// their brackets) and the new units for units.yaml. Pure: text in, files
/// and a report out.
public enum PlanImporter {
    public struct Result: Sendable {
        public var id: String
        public var planMarkdown: String
        public var tasksYAML: String
        /// YAML list items to append to units.yaml (empty when every unit was known).
        public var newUnitsYAML: String
        public var taskCount: Int
        public var report: ImportReport
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notAPlan(String)
        public var description: String {
            switch self { case .notAPlan(let why): why }
        }
    }

    /// `text` is the whole file (already decoded); `knownUnits` are units.yaml's; `today` decides in_force / expired.
    public static func run(text: String, id suggested: String?, fileName: String, knownUnits: [Unit], today: Day) throws(Failure) -> Result {
        var report = ImportReport()
        // CRLF is one Character in Swift: split on it too (text not read through TextDecoding).
        let text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { (number: $0.offset + 1, text: String($0.element)) }
        var cleaned = all.map { (number: $0.number, text: ImportText.clean($0.text)) }.filter { !$0.text.isEmpty }
        // The table starts at its first header row; the header and the body come before it.
        var tableStart = cleaned.firstIndex { AttachmentTable.isHeaderRow(all[$0.number - 1].text) }
        // Page numbers left between the lines by a PDF or Word conversion.
        cleaned = cleaned.enumerated().filter { index, line in
            guard ImportText.isPageDebris(line.text, loneNumbers: index < (tableStart ?? cleaned.count)) else { return true }
            report.skipped(line: line.number, "page-break debris: \(line.text)")
            return false
        }.map(\.element)
        guard cleaned.count >= 3 else { throw .notAPlan("the file has fewer than three lines of text") }
        tableStart = cleaned.firstIndex { AttachmentTable.isHeaderRow(all[$0.number - 1].text) }
        let textLines = Array(cleaned[..<(tableStart ?? cleaned.count)])
        var header = PlanHeader.parse(textLines, raw: { number in number >= 1 && number <= all.count ? all[number - 1].text : "" })
        guard let title = header.title, let titleIndex = header.titleIndex else {
            throw .notAPlan("no title line found (a line ending in 工作意见, 工作要点, 实施方案, 方案 …)")
        }
        for guess in header.guesses { report.guess(line: guess.line, guess.message) }
        for number in header.metadataLines.sorted() { report.note(line: number, "metadata: \(all[number - 1].text.prefix(40))") }
        // The body: after the title, up to and including the 附件： line (and the list of
        // attachments under it); what follows is the closing.
        var bodyLines = textLines[(titleIndex + 1)...].filter { !header.metadataLines.contains($0.number) }
        var closing: [(number: Int, text: String)] = []
        if var annex = bodyLines.firstIndex(where: { $0.text.hasPrefix("附件：") && $0.text.count > 3 }) {
            if bodyLines[annex].text.dropFirst(3).first?.isNumber == true {
                while annex + 1 < bodyLines.count, TextBlocks.isAttachmentEntry(bodyLines[annex + 1].text) { annex += 1 }
            }
            closing = Array(bodyLines[(annex + 1)...])
            bodyLines = Array(bodyLines[...annex])
        } else if let signature = trailingSignature(bodyLines, issuer: header.issuer) {
            closing = Array(bodyLines[signature...])
            bodyLines = Array(bodyLines[..<signature])
        }
        header.readClosing(closing, report: &report)
        for line in textLines[..<titleIndex] where !header.metadataLines.contains(line.number) {
            report.note(line: line.number, "header: \(line.text.prefix(40))")
        }
        // Raw (uncleaned) body lines: the joiner cleans them itself.
        let rawBody = bodyLines.map { (number: $0.number, text: all[$0.number - 1].text) }
        let blocks = TextBlocks.join(rawBody, report: &report)
        guard blocks.contains(where: { if case .item = $0.kind { return true }; return $0.kind == .chapter }) else {
            throw .notAPlan("no numbered chapters (一、) or tasks (1.) in the text")
        }
        let outline = OutlineMarkdown.build(blocks, report: &report)

        let table = tableStart.flatMap { start in
            AttachmentTable.parse(cleaned[start...].map { (number: $0.number, text: all[$0.number - 1].text) }, report: &report)
        }
        let id = suggested ?? derivedID(title: title, docNumber: header.docNumber, fileName: fileName)
        let plan = PlanWriter(id: id, title: title, header: header, outline: outline, today: today)
        var units = UnitAllocator(planID: id, area: plan.area, known: knownUnits)
        let tasks: String
        let taskCount: Int
        if let table, !table.rows.isEmpty {
            tasks = plan.tasksFromTable(table, units: &units, report: &report)
            taskCount = table.rows.count
            report.note("tasks.yaml: \(table.rows.count) tasks from the attached table; \(outline.items.count) numbered tasks stay in the text")
        } else {
            let (yaml, count, from) = plan.tasksFromItems(outline, units: &units, report: &report)
            tasks = yaml
            taskCount = count
            report.note("tasks.yaml: \(count) tasks from \(from)")
        }
        let issuer = header.issuer.map { units.id(for: $0, line: 0, report: &report) }
        return Result(id: id, planMarkdown: plan.planMarkdown(issuer: issuer), tasksYAML: tasks,
                      newUnitsYAML: units.newUnitsYAML(area: plan.area), taskCount: taskCount, report: report)
    }

    /// `区政府领导2022年安全生产重点工作任务清单`, `…任务分解表`, `…分工表`: a table's title line.
    static func isTableTitle(_ text: String) -> Bool {
        ["清单", "表", "台账", "名单", "名录"].contains { text.hasSuffix($0) } && text.count <= 40 && !text.contains("。")
    }

    /// The signature block at the end of a plan without an annex: the signing bodies above a
    /// date, and the notes that may follow it (（此件公开发布）, 抄送：…, 共印N份).
    static func trailingSignature(_ lines: [(number: Int, text: String)], issuer: String?) -> Int? {
        var end = lines.count
        while end > 0, isClosingNote(lines[end - 1].text) { end -= 1 }
        guard end >= 2, PlanHeader.day(in: lines[end - 1].text) != nil, lines[end - 1].text.count <= 16 else {
            return end < lines.count ? end : nil
        }
        var start = end - 1
        while start > 0, end - start <= 3, ImportText.kind(lines[start - 1].text) == .text,
              PlanHeader.isSignature(lines[start - 1].text, next: start == end - 1 ? lines[start].text : nil, issuer: issuer)
                || (start < end - 1 && PlanHeader.isSigningBody(lines[start - 1].text)) {
            start -= 1
        }
        return start
    }

    /// A closing line after the signature: （此件公开发布）, 抄送：…, 共印N份, …印发.
    static func isClosingNote(_ text: String) -> Bool {
        PlanHeader.disclosure(in: text) != nil || text.hasPrefix("抄送") || (text.hasPrefix("共印") && text.hasSuffix("份"))
            || (text.hasSuffix("印发") && PlanHeader.day(in: text) != nil)
    }

    /// An id from the document number's year and the file name: `putuo-2022.txt` → putuo-2022.
    static func derivedID(title: String, docNumber: String?, fileName: String) -> String {
        let stem = fileName.split(separator: "/").last.map { String($0) } ?? fileName
        let base = stem.hasSuffix(".txt") ? String(stem.dropLast(4)) : stem
        let ascii = base.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        var id = String(ascii).split(separator: "-").joined(separator: "-")
        if id.isEmpty || !IdentifierSyntax.isValid(id) {
            let year = PlanHeader.period(in: title).map { String($0.start.year) } ?? "plan"
            id = "plan-\(year)"
        }
        return id
    }
}
