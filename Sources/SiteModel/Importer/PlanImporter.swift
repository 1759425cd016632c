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
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { (number: $0.offset + 1, text: String($0.element)) }
        let cleaned = all.map { (number: $0.number, text: ImportText.clean($0.text)) }.filter { !$0.text.isEmpty }
        guard cleaned.count >= 3 else { throw .notAPlan("the file has fewer than three lines of text") }
        // The table starts at its first header row; the header and the body come before it.
        let tableStart = cleaned.firstIndex { $0.text.hasPrefix("序号") && all[$0.number - 1].text.contains("\t") }
        let textLines = Array(cleaned[..<(tableStart ?? cleaned.count)])
        var header = PlanHeader.parse(textLines)
        guard let title = header.title, let titleIndex = header.titleIndex else {
            throw .notAPlan("no title line found (a line ending in 工作意见, 工作要点, 实施方案, 方案 …)")
        }
        // The body: after the title, up to and including the 附件： line; what follows is the closing.
        var bodyLines = Array(textLines[(titleIndex + 1)...])
        var closing: [(number: Int, text: String)] = []
        if let annex = bodyLines.firstIndex(where: { $0.text.hasPrefix("附件：") && $0.text.count > 3 }) {
            closing = Array(bodyLines[(annex + 1)...])
            bodyLines = Array(bodyLines[...annex])
        } else if let signature = trailingSignature(bodyLines, issuer: header.issuer) {
            closing = Array(bodyLines[signature...])
            bodyLines = Array(bodyLines[..<signature])
        }
        header.readClosing(closing, report: &report)
        for line in textLines[..<titleIndex] { report.note(line: line.number, "header: \(line.text.prefix(40))") }
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
            tasks = plan.tasksFromItems(outline, units: &units, report: &report)
            taskCount = outline.items.count
            report.note("tasks.yaml: \(outline.items.count) tasks from the numbered items of the text")
        }
        let issuer = header.issuer.map { units.id(for: $0, line: 0, report: &report) }
        return Result(id: id, planMarkdown: plan.planMarkdown(issuer: issuer), tasksYAML: tasks,
                      newUnitsYAML: units.newUnitsYAML(area: plan.area), taskCount: taskCount, report: report)
    }

    static func isTableTitle(_ text: String) -> Bool { text.hasSuffix("清单") && text.count <= 40 }

    /// The signature block at the end of a plan without an annex: an issuer-like line followed by a date.
    static func trailingSignature(_ lines: [(number: Int, text: String)], issuer: String?) -> Int? {
        guard lines.count >= 2, let last = lines.last, PlanHeader.day(in: last.text) != nil, last.text.count <= 16 else { return nil }
        return lines.count - 2
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
