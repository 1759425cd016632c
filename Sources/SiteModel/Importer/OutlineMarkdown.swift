import Foundation

/// The plan's text as Markdown: chapters `## 一、… {#part-N}`, sections
/// `### （一）… {#section-N}` (a run-in heading `（一）引导思想。…` is split into
/// heading and paragraph), numbered tasks as ordered-list items keeping
/// their numbers, and the paragraphs that continue a task indented under it.
struct OutlineMarkdown {
    struct Heading: Equatable {
        var anchor: String
        var text: String
        var level: Int
    }

    struct Item: Equatable {
        var number: Int
        var line: Int
        /// The anchors of the chapter and the section the task is in.
        var chapter: Heading?
        var section: Heading?
        var paragraphs: [String]
        /// The chapter's ordinal (一、 is 1; 0 before the first chapter) and the section's within it (0: none).
        var part = 0
        var sectionInPart = 0
        /// The first task under its chapter or section: where a numbering that restarts does.
        var opensHeading = false
        /// A heading's text without its number, when the entry is a heading (not a numbered task).
        var title: String?
    }

    var markdown: String
    var headings: [Heading]
    var items: [Item]
    /// The sections (and chapters) as entries with their paragraphs: the tasks of a plan whose
    /// text numbers none (`一、… （一）召开安委会会议……（责任单位：…）`).
    var sectionEntries: [Item] = []
    var chapterEntries: [Item] = []
    /// Brackets that give the units of the tasks after them (`…；下同，不再注明`): where each stands
    /// (its line, its chapter's ordinal) and the units.
    var defaultUnits: [(line: Int, part: Int, roles: UnitBrackets.Roles)] = []
    /// The section (or chapter) each table of the text stands in, by the table's index.
    var tableHeadings: [Int: Heading] = [:]

    /// `tables`: the Markdown of each table that stays in the text, by its index (a task table has none).
    static func build(_ blocks: [TextBlock], tables: [Int: String] = [:], report: inout ImportReport) -> OutlineMarkdown {
        let blocks = splitRunInTasks(rejoinBrokenSections(blocks, report: &report), report: &report)
        var defaultUnits: [(line: Int, part: Int, roles: UnitBrackets.Roles)] = []
        var tableHeadings: [Int: Heading] = [:]
        var out: [String] = []
        var headings: [Heading] = []
        var items: [Item] = []
        var part = 0, section = 0
        var chapter: Heading?
        var currentSection: Heading?
        var openItem: Int?
        var itemClosed = false
        var lastNumber = 0
        var sectionInPart = 0
        var opensHeading = false
        var sectionEntries: [Item] = []
        var chapterEntries: [Item] = []
        enum Open { case chapter, section }
        var openEntry: Open?
        for block in blocks {
            if let roles = UnitBrackets.defaultRoles(block.text) {
                defaultUnits.append((block.line, part + (block.kind == .chapter ? 1 : 0), roles))
                report.note(line: block.line, "a bracket for the tasks after it (不再注明): their units, in this chapter, unless a task names its own")
            }
            switch block.kind {
            case .chapter:
                part += 1
                sectionInPart = 0
                var text = block.text
                var rest: String?
                if !TextBlocks.isShortHeading(block.text), let (heading, paragraph) = runIn(block.text) {
                    text = heading; rest = paragraph
                    report.guess(line: block.line, "run-in heading \"\(heading)\" made a ## heading")
                } else if let heading = headingEndingSentence(block.text) {
                    text = heading
                }
                let heading = Heading(anchor: "part-\(part)", text: text, level: 2)
                out.append("## \(escape(text)) {#\(heading.anchor)}")
                if let rest { out.append(escape(rest)) }
                headings.append(heading)
                chapterEntries.append(Item(number: numeral(text) ?? part, line: block.line, chapter: nil, section: nil,
                                           paragraphs: rest.map { [$0] } ?? [], part: part, title: unnumbered(text)))
                openEntry = .chapter
                chapter = heading; currentSection = nil; openItem = nil; opensHeading = true
            case .section:
                var text: String?
                var rest: String?
                if TextBlocks.isShortHeading(block.text) {
                    text = block.text
                } else if isCommaHeading(block.text) {
                    text = block.text
                    report.guess(line: block.line, "\"\(block.text)\" made a ### heading (a section line with a comma that no line goes on)")
                } else if let heading = headingEndingSentence(block.text) {
                    text = heading
                } else if let (heading, paragraph) = runIn(block.text) {
                    text = heading; rest = paragraph
                    report.guess(line: block.line, "run-in heading \"\(heading)\" made a ### heading")
                }
                if let text {
                    section += 1
                    sectionInPart += 1
                    let heading = Heading(anchor: "section-\(section)", text: text, level: 3)
                    out.append("### \(escape(text)) {#\(heading.anchor)}")
                    if let rest { out.append(escape(rest)) }
                    headings.append(heading); currentSection = heading; opensHeading = true
                    sectionEntries.append(Item(number: numeral(text) ?? sectionInPart, line: block.line, chapter: chapter, section: nil,
                                               paragraphs: rest.map { [$0] } ?? [], part: part, sectionInPart: sectionInPart,
                                               title: unnumbered(text)))
                } else {
                    out.append(escape(block.text))
                    sectionEntries.append(Item(number: numeral(block.text) ?? sectionInPart + 1, line: block.line, chapter: chapter, section: nil,
                                               paragraphs: [unnumbered(block.text)], part: part, sectionInPart: sectionInPart))
                }
                openItem = nil
                openEntry = .section
            case .item(let number):
                let text = itemText(block.text)
                // A numbering that starts again at 1 under a new chapter or section is the plan's way, not a slip.
                if number != lastNumber + 1, !(number == 1 && opensHeading) {
                    report.guess(line: block.line, "task \(number) follows task \(lastNumber)")
                }
                lastNumber = number
                out.append("\(number). \(escape(text))")
                items.append(Item(number: number, line: block.line, chapter: chapter, section: currentSection, paragraphs: [text],
                                  part: part, sectionInPart: currentSection == nil ? 0 : sectionInPart, opensHeading: opensHeading))
                openItem = number
                // A task's units bracket ends it: text after it (the closing paragraph of a
                // chapter or of the plan, `根据……列出19项工作要点`) is not part of the task.
                itemClosed = !UnitBrackets.extract(text).roles.isEmpty
                opensHeading = false
                openEntry = nil
            case .table(let index):
                // A table ends the task before it; a task table is in tasks.yaml, not here.
                if let markdown = tables[index] { out.append(markdown) }
                if let heading = currentSection ?? chapter { tableHeadings[index] = heading }
                openItem = nil
                openEntry = nil
            case .units, .text:
                if let number = openItem, !items.isEmpty, !itemClosed {
                    out.append(String(repeating: " ", count: String(number).count + 2) + escape(block.text))
                    items[items.count - 1].paragraphs.append(block.text)
                    if block.kind == .units || !UnitBrackets.extract(block.text).roles.isEmpty { itemClosed = true }
                } else {
                    if openItem != nil { openItem = nil; openEntry = nil }
                    switch openEntry {
                    case .section?: if !sectionEntries.isEmpty { sectionEntries[sectionEntries.count - 1].paragraphs.append(block.text) }
                    case .chapter?: if !chapterEntries.isEmpty { chapterEntries[chapterEntries.count - 1].paragraphs.append(block.text) }
                    case nil: break
                    }
                    // A block of several lines (the list of attachments) keeps its lines: hard breaks.
                    out.append(block.text.split(separator: "\n").map { escape(String($0)) }.joined(separator: "\\\n"))
                }
            }
        }
        return OutlineMarkdown(markdown: out.joined(separator: "\n\n") + "\n", headings: headings, items: items,
                               sectionEntries: sectionEntries, chapterEntries: chapterEntries, defaultUnits: defaultUnits,
                               tableHeadings: tableHeadings)
    }

    /// `（三）强化执法。1.开展……`: a heading run in with the first task under it — the heading, then the task.
    static func splitRunInTasks(_ blocks: [TextBlock], report: inout ImportReport) -> [TextBlock] {
        var out: [TextBlock] = []
        for block in blocks {
            guard block.kind == .chapter || block.kind == .section, let (heading, rest) = runIn(block.text),
                  case .item = ImportText.kind(rest) else {
                out.append(block)
                continue
            }
            report.guess(line: block.line, "a task on the heading's line: \"\(heading)\" then task \(rest.prefix(12))…")
            out.append(TextBlock(kind: block.kind, text: heading, line: block.line, isHeading: true))
            out.append(TextBlock(kind: ImportText.kind(rest), text: rest, line: block.line))
        }
        return out
    }

    /// `一、健全安全责任体系` / `（一）健全安全责任体系` → `健全安全责任体系`.
    static func unnumbered(_ heading: String) -> String {
        var text = Substring(heading)
        if text.first == "（", let close = text.firstIndex(of: "）"), text.distance(from: text.startIndex, to: close) <= 4 {
            text = text[text.index(after: close)...]
        } else {
            let numeral = text.prefix { ImportText.chineseNumerals.contains($0) }
            if !numeral.isEmpty, let mark = text.dropFirst(numeral.count).first, "、．.".contains(mark) { text = text.dropFirst(numeral.count + 1) }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `（十二）…` → 12, `三、…` → 3.
    static func numeral(_ heading: String) -> Int? {
        let chars = Array(heading)
        return ImportDates.chineseNumber(chars, from: chars.first == "（" ? 1 : 0)?.0
    }

    /// Whether a section block reads as a heading (alone, or run in with its paragraph).
    static func isSectionHeading(_ text: String) -> Bool {
        TextBlocks.isShortHeading(text) || isCommaHeading(text) || headingEndingSentence(text) != nil || runIn(text) != nil
    }

    /// In a chapter whose （一）…（五） are paragraphs (三、职责分工: `（二）负有…的部门，要…。`), a
    /// section line that looks like a heading but is followed by text is the first line of such a
    /// paragraph, broken by the layout: `（一）镇安委会负责制定本镇…三年行` / `动方案，统筹…`.
    static func rejoinBrokenSections(_ blocks: [TextBlock], report: inout ImportReport) -> [TextBlock] {
        var out = blocks
        var chapterStart = 0
        var index = 0
        func rejoin(_ range: Range<Int>) {
            let sections = range.filter { out[$0].kind == .section }
            let paragraphs = sections.filter { !isSectionHeading(out[$0].text) }
            guard paragraphs.count >= 2, paragraphs.count > sections.count - paragraphs.count else { return }
            for s in sections.reversed() where isSectionHeading(out[s].text) && s + 1 < range.upperBound && out[s + 1].kind == .text {
                var next = out[s + 1].text
                if let repeated = TextBlocks.repeatedAcrossBreak(out[s].text, next) { next.removeFirst(repeated.count) }
                report.guess(line: out[s + 1].line, "joined to \"\(out[s].text.prefix(12))…\": the other sections of this chapter are paragraphs")
                out[s].text += next
                out.remove(at: s + 1)
            }
        }
        while index <= out.count {
            if index == out.count || out[index].kind == .chapter {
                let before = out.count
                rejoin(chapterStart..<index)
                index -= before - out.count
                chapterStart = index + 1
            }
            index += 1
        }
        return out
    }

    /// A run-in heading, `（一）引导思想。以习近平…` or `一、工作目标：到2025年底…`: a short
    /// first phrase (no comma) ended by 。 or ：, and the paragraph after it.
    static func runIn(_ text: String) -> (heading: String, rest: String)? {
        guard let end = text.firstIndex(where: { $0 == "。" || $0 == "：" }) else { return nil }
        let heading = String(text[..<end])
        let rest = String(text[text.index(after: end)...]).trimmingCharacters(in: .whitespaces)
        // Short: 24 characters, not counting a date in brackets at its end (`（一）排查整治（2025年6月—2026年12月）`).
        var core = heading
        if core.hasSuffix("）"), let open = UnitBrackets.matchingOpen(core), open > core.startIndex { core = String(core[..<open]) }
        guard !rest.isEmpty, core.count <= 24, heading.count <= 44, !heading.contains("，"), !heading.contains("；"),
              ImportText.kind(core) != .text else { return nil }
        return (heading, rest)
    }

    /// `（八）精准排查治理隐患，精细化管理危化品`: a section line with a comma that no line went
    /// on (it ends no sentence, and the next line is a task or a heading) is a heading too.
    static func isCommaHeading(_ text: String) -> Bool {
        text.count <= 40 && !text.contains("。") && !text.contains("；") && !ImportText.endsSentence(text)
    }

    /// `（一）落实领导责任。` — a heading line that ends in 。: the heading without it.
    static func headingEndingSentence(_ text: String) -> String? {
        guard text.hasSuffix("。") || text.hasSuffix("：") else { return nil }
        let heading = String(text.dropLast())
        return TextBlocks.isShortHeading(heading) && heading.count <= 24 ? heading : nil
    }

    /// `12、 文本` / `12．文本` → `文本`.
    static func itemText(_ text: String) -> String {
        var rest = Substring(text)
        while let c = rest.first, c.isASCII, c.isNumber { rest = rest.dropFirst() }
        if let c = rest.first, [".", "、", "．"].contains(c) { rest = rest.dropFirst() }
        return rest.trimmingCharacters(in: .whitespaces)
    }

    /// Characters Markdown would read as markup in running Chinese text.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "*_`<>[]\\#".contains(c) { out.append("\\") }
            out.append(c)
        }
        // A paragraph that starts like a list item would become one.
        if let first = out.first, first == "-" || first == "+" { out.insert("\\", at: out.startIndex) }
        return out
    }
}
