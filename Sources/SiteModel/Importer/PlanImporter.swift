import Foundation

/// `gen-site import`: a plan as published, read into an `ImportDocument`
/// (text, HTML, Word or PDF), becomes a plan folder — plan.md (front matter
/// from the header, the text as Markdown with `##`/`###` headings, numbered
/// tasks and the tables that are not task lists), tasks.yaml (from the task
/// tables, wherever they stand, else from the numbered tasks with the units of
/// their brackets) and the new units for units.yaml. Pure: a document in,
/// files and a report out.
public enum PlanImporter {
    public struct Result: Sendable {
        public var id: String
        public var planMarkdown: String
        public var tasksYAML: String
        /// YAML list items to append to units.yaml (empty when every unit was known).
        public var newUnitsYAML: String
        public var taskCount: Int
        /// Every table of the document: task tables and the others, kept as Markdown tables.
        public var tableCount: Int
        public var report: ImportReport
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notAPlan(String)
        public var description: String {
            switch self { case .notAPlan(let why): why }
        }
    }

    /// `text` is the whole file (already decoded); `knownUnits` are units.yaml's.
    public static func run(text: String, id suggested: String?, fileName: String, knownUnits: [Unit]) throws(Failure) -> Result {
        try run(document: TextDocument.read(text), id: suggested, fileName: fileName, knownUnits: knownUnits)
    }

    /// A line of the document after reading: its position, the text as written and cleaned.
    struct SourceLine {
        var number: Int
        var raw: String
        var text: String
        var role: ImportDocument.Line.Role
    }

    /// What the importer works through, in order: lines, tables, metadata boxes.
    enum Item {
        case line(SourceLine)
        case table(Int)
        case pairs([ImportDocument.Pair])

        var line: SourceLine? { if case .line(let line) = self { line } else { nil } }
        var isTable: Bool { if case .table = self { true } else { false } }
    }

    public static func run(document: ImportDocument, id suggested: String?, fileName: String, knownUnits: [Unit]) throws(Failure) -> Result {
        var report = ImportReport(for: document)
        for left in document.leftOut { report.debris(line: left.line, left.reason) }
        for link in document.links { report.note("the page links to a file: \(link.title.isEmpty ? link.href : link.title) (\(link.href))") }
        var tables: [ImportDocument.Table] = []
        let items = self.items(document, tables: &tables, report: &report)
        let lineCount = items.compactMap(\.line).count + tables.reduce(0) { $0 + $1.rows.count }
        guard lineCount >= 3 else { throw .notAPlan("the file has fewer than three lines of text") }

        // The header: the lines (and metadata boxes) before the first chapter.
        let headerEnd = items.firstIndex { $0.line.map { ImportText.kind($0.text) == .chapter } ?? false } ?? items.count
        var metadataTables = Set<Int>()
        var pairs: [ImportDocument.Pair] = []
        for item in items[..<headerEnd] {
            switch item {
            case .pairs(let box): pairs += box
            case .table(let index):
                let box = HeaderMetadata.pairs(in: tables[index])
                if !box.isEmpty { pairs += box; metadataTables.insert(index) }
            case .line: break
            }
        }
        let headerLines = items[..<headerEnd].compactMap(\.line)
        let raw = Dictionary(headerLines.map { ($0.number, $0.raw) }, uniquingKeysWith: { a, _ in a })
        var header = PlanHeader.parse(headerLines.map { (number: $0.number, text: $0.text) }, raw: { raw[$0] ?? "" }, pairs: pairs)
        guard let title = header.title, let titleIndex = header.titleIndex else {
            throw .notAPlan("no title line found (a line ending in 工作意见, 工作要点, 实施方案, 方案 …)")
        }
        for guess in header.guesses { report.guess(line: guess.line, guess.message) }
        for number in header.metadataLines.sorted() { report.note(line: number, "metadata: \((raw[number] ?? "").prefix(40))") }
        for pair in pairs { report.note(line: pair.line, "metadata: \(pair.label)：\(pair.value.prefix(30))") }

        // The body: after the title, without the metadata box.
        let titleNumber = headerLines[titleIndex].number
        guard let titleItem = items.firstIndex(where: { $0.line?.number == titleNumber }) else {
            throw .notAPlan("no title line found")
        }
        var body: [Item] = items[(titleItem + 1)...].filter { item in
            switch item {
            case .line(let line): !header.metadataLines.contains(line.number)
            case .table(let index): !metadataTables.contains(index)
            case .pairs: false
            }
        }
        // What follows the 附件： line (and the list of attachments under it), or the signature, is the closing.
        var closing: [Item] = []
        if let start = closingStart(body, issuer: header.issuer) {
            closing = Array(body[start...])
            body = Array(body[..<start])
        }
        let (closingLines, annexes) = splitClosing(closing)
        header.readClosing(closingLines.map { (number: $0.number, text: $0.text) }, report: &report)
        // Each line read into a value, with the value's name: the report shows where everything went.
        let names = Dictionary(uniqueKeysWithValues: HeaderFields.all.map { ($0.key, $0.name) } + [("copies", "印发份数"), ("status", "有效性")])
        for (key, line) in header.fieldLines.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) where line > 0 && !header.metadataLines.contains(line) {
            report.note(line: line, "read into \(names[key] ?? key) \(key)")
        }
        for (line, what) in header.read { report.note(line: line, "read as \(what)") }
        for line in header.unplaced { report.note(line: line.number, "kept as a comment in plan.md: \(line.text.prefix(30))") }

        // Task tables become tasks; any other table stays where it stood, as a Markdown table.
        var taskTable = AttachmentTable()
        var taskTables = 0
        var markdownTables: [Int: String] = [:]
        var captions: [String] = []
        var taskHeaders = Set<Int>()
        /// Reads table `index` as tasks when it is a task list (true), else as a Markdown table.
        func read(_ index: Int, caption: [SourceLine]) -> Bool {
            guard var found = AttachmentTable.read(tables[index], firstNumber: taskTable.rows.count + 1, report: &report) else {
                markdownTables[index] = MarkdownTable.markdown(tables[index])
                report.note(line: tables[index].line, "a table that is not a task list: kept as a table in the text")
                return false
            }
            if taskTables > 0 { report.note(line: tables[index].line, "another task table starts here") }
            taskTables += 1
            for row in found.rows.indices { found.rows[row].table = index }
            taskTable.rows += found.rows
            // The header's cells are the columns tasks.yaml has keys for, not text.
            for cell in tables[index].rows.first ?? [] { taskHeaders.insert(cell.line) }
            captions += caption.map(\.text)
            return true
        }
        for item in body { if case .table(let index) = item { _ = read(index, caption: []) } }
        // An annex that holds a task list: its marker and title are the list's caption (in tasks.yaml);
        // anything else in an annex is text, after the body.
        var annexBody: [Item] = []
        for var annex in annexes {
            // The annex's marker and title stand on their own, not run on from the text above.
            for position in annex.indices {
                guard case .line(var line) = annex[position] else { break }
                line.role = .heading
                annex[position] = .line(line)
            }
            var firstTaskTable: Int?
            for (position, item) in annex.enumerated() {
                guard case .table(let index) = item else { continue }
                let caption = firstTaskTable == nil ? annex[..<position].compactMap(\.line) : []
                if read(index, caption: caption), firstTaskTable == nil { firstTaskTable = position }
            }
            guard let first = firstTaskTable else { annexBody += annex; continue }
            annexBody += annex[(first + 1)...].filter { item in
                if case .table(let index) = item { return markdownTables[index] != nil }
                return true
            }
        }

        // Closing lines that are text (抄送：…) stay, at the end, in the order they were written.
        let trailing = header.trailing.map { Item.line(SourceLine(number: $0.number, raw: $0.text, text: $0.text, role: .paragraph)) }
        let after = (annexBody + trailing).sorted { position($0, tables) < position($1, tables) }
        let blocks = TextBlocks.join(bodyItems(body + after, tables: tables), report: &report)
        guard blocks.contains(where: { if case .item = $0.kind { return true }; return $0.kind == .chapter }) || taskTables > 0 else {
            throw .notAPlan("no numbered chapters (一、) or tasks (1.) in the text")
        }
        let outline = OutlineMarkdown.build(blocks, tables: markdownTables, report: &report)

        let id = suggested ?? derivedID(title: title, docNumber: header.docNumber, fileName: fileName)
        let plan = PlanWriter(id: id, title: title, header: header, outline: outline)
        var units = UnitAllocator(planID: id, area: plan.area, known: knownUnits)
        let tasks: String
        let taskCount: Int
        if !taskTable.rows.isEmpty {
            tasks = plan.tasksFromTable(taskTable, captions: captions, units: &units, report: &report)
            taskCount = taskTable.rows.count
            report.note("tasks.yaml: \(taskTable.rows.count) tasks from the attached table; \(outline.items.count) numbered tasks stay in the text")
        } else {
            let (yaml, count, from) = plan.tasksFromItems(outline, units: &units, report: &report)
            tasks = yaml
            taskCount = count
            report.note("tasks.yaml: \(count) tasks from \(from)")
        }
        let issuer = header.issuer.map { units.id(for: $0, line: header.fieldLines["issuer"] ?? 0, report: &report) }
        var result = Result(id: id, planMarkdown: plan.planMarkdown(issuer: issuer), tasksYAML: tasks,
                            newUnitsYAML: units.newUnitsYAML(area: plan.area), taskCount: taskCount, tableCount: tables.count,
                            report: report)

        // Nothing lost: every line of the source is in what was written, or the report names it.
        var accounted = report.debrisLines.union(taskHeaders).union(header.metadataLines).union(header.fieldLines.values).union(header.read.map(\.number))
        for index in metadataTables { for row in tables[index].rows { for cell in row { accounted.insert(cell.line) } } }
        let lost = LostLines.find(lines: items.compactMap(\.line).map { (number: $0.number, text: $0.raw) },
                                  tables: tables.indices.filter { !metadataTables.contains($0) }.map { tables[$0] }, accounted: accounted,
                                  output: [result.planMarkdown, result.tasksYAML, result.newUnitsYAML] + units.knownNames)
        for line in lost { result.report.error(line: line.line, "lost: this text is not in plan.md, tasks.yaml or units.yaml: \(line.text.prefix(40))") }
        result.report.lostCount = lost.count
        result.report.fields = HeaderFields.lines(header: header, plan: plan, report: result.report)
        let found = HeaderFields.found(header: header, plan: plan)
        result.report.summary = "import: \(taskCount) tasks, \(units.used.count) units, header \(found)/\(HeaderFields.all.count) fields found, "
            + "\(tables.count) tables, \(lost.count) lines lost"
        return result
    }

    /// An item's place in the source, for putting closing lines back in order.
    static func position(_ item: Item, _ tables: [ImportDocument.Table]) -> Int {
        switch item {
        case .line(let line): line.number
        case .table(let index): tables[index].line
        case .pairs(let pairs): pairs.first?.line ?? 0
        }
    }

    /// The document's blocks as items: tables found among the lines (cells apart by tabs or
    /// spaces), lines cleaned, empty ones and page-break debris left out (reported).
    static func items(_ document: ImportDocument, tables: inout [ImportDocument.Table], report: inout ImportReport) -> [Item] {
        var items: [Item] = []
        var run: [ImportDocument.Line] = []
        func add(_ block: ImportDocument.Block) {
            switch block {
            case .text(let line):
                let text = ImportText.clean(line.text)
                guard !text.isEmpty else { return }
                if ImportText.isPageDebris(text) {
                    report.debris(line: line.line, "page-break debris: \(text)")
                    return
                }
                if ImportText.isPageFurniture(text) {
                    report.debris(line: line.line, "the web page's navigation, not the document: \(text.prefix(30))")
                    return
                }
                items.append(.line(SourceLine(number: line.line, raw: line.text, text: text, role: line.role)))
            case .table(let table):
                tables.append(table)
                items.append(.table(tables.count - 1))
            case .metadata(let pairs):
                items.append(.pairs(pairs))
            }
        }
        func flush() {
            for block in TextTables.blocks(run, report: &report) { add(block) }
            run = []
        }
        for block in document.blocks {
            if case .text(let line) = block { run.append(line); continue }
            flush()
            add(block)
        }
        flush()
        return items
    }

    /// Where the closing starts in the body: after the 附件： line (and the list of attachments
    /// under it), else at the signature that ends the text.
    static func closingStart(_ body: [Item], issuer: String?) -> Int? {
        if var annex = body.firstIndex(where: { $0.line.map { $0.text.hasPrefix("附件：") && $0.text.count > 3 } ?? false }) {
            if body[annex].line?.text.dropFirst(3).first?.isNumber == true {
                while annex + 1 < body.count, let next = body[annex + 1].line, TextBlocks.isAttachmentEntry(next.text) { annex += 1 }
            }
            return annex + 1
        }
        // The text before the tables (and their titles) that end the document, where no chapter or task follows.
        var end = body.count
        while end > 0, let table = body.indices.last(where: { $0 < end && body[$0].isTable }),
              !body[(table + 1)..<end].contains(where: { $0.line.map { ImportText.kind($0.text) != .text } ?? false }) {
            end = table
        }
        var lines = body[..<end].enumerated().compactMap { index, item in item.line.map { (index, $0) } }
        while let last = lines.last, isAnnexMarker(last.1.text) || PlanImporter.isTableTitle(last.1.text), end < body.count { lines.removeLast() }
        guard let signature = trailingSignature(lines.map { (number: $0.1.number, text: $0.1.text) }, issuer: issuer) else { return nil }
        return lines[signature].0
    }

    /// The closing's own lines (signature, date, 印发, 共印, 抄送 …), and its annexes: each from
    /// a marker (`附件`, `附件1`, `附件：`) or a table's title to the next, with their tables.
    static func splitClosing(_ closing: [Item]) -> (lines: [SourceLine], annexes: [[Item]]) {
        var lines: [SourceLine] = []
        var annexes: [[Item]] = []
        for (index, item) in closing.enumerated() {
            let nextIsTable = index + 1 < closing.count && closing[index + 1].isTable
            if let line = item.line, annexes.isEmpty {
                if isAnnexMarker(line.text) || (PlanImporter.isTableTitle(line.text) && nextIsTable) {
                    annexes.append([item])
                } else {
                    lines.append(line)
                }
                continue
            }
            if let line = item.line, isAnnexMarker(line.text) {
                annexes.append([item])
                continue
            }
            if annexes.isEmpty { annexes.append([]) }
            annexes[annexes.count - 1].append(item)
        }
        // The 版记 after the last annex (抄送：…, …印发, 共印N份) is the closing's too.
        if var last = annexes.popLast() {
            var trailing: [SourceLine] = []
            while let line = last.last?.line, isClosingNote(line.text), last.count > 1 { trailing.insert(line, at: 0); last.removeLast() }
            annexes.append(last)
            lines += trailing
        }
        return (lines, annexes)
    }

    /// `附件`, `附件1`, `附件：`, `附件 2`: the line that starts an annex.
    static func isAnnexMarker(_ text: String) -> Bool {
        guard text.hasPrefix("附件") else { return false }
        let rest = text.dropFirst(2).filter { !$0.isWhitespace }
        return rest.count <= 3 && rest.allSatisfy { $0.isNumber || "：:、．.".contains($0) }
    }

    /// The body's items as the joiner takes them.
    static func bodyItems(_ items: [Item], tables: [ImportDocument.Table]) -> [TextBlocks.Input] {
        items.compactMap { item in
            switch item {
            case .line(let line): .line(number: line.number, text: line.raw, role: line.role)
            case .table(let index): .table(index, line: tables[index].line)
            case .pairs: nil
            }
        }
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
        var base = stem
        if let dot = stem.lastIndex(of: "."), ["txt", "html", "htm", "docx", "pdf"].contains(stem[stem.index(after: dot)...].lowercased()) {
            base = String(stem[..<dot])
        }
        let ascii = base.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        var id = String(ascii).split(separator: "-").joined(separator: "-")
        if id.isEmpty || !IdentifierSyntax.isValid(id) {
            let year = PlanHeader.period(in: title).map { String($0.start.year) } ?? "plan"
            id = "plan-\(year)"
        }
        return id
    }
}
