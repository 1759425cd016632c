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
    }

    var markdown: String
    var headings: [Heading]
    var items: [Item]

    static func build(_ blocks: [TextBlock], report: inout ImportReport) -> OutlineMarkdown {
        var out: [String] = []
        var headings: [Heading] = []
        var items: [Item] = []
        var part = 0, section = 0
        var chapter: Heading?
        var currentSection: Heading?
        var openItem: Int?
        var lastNumber = 0
        for block in blocks {
            switch block.kind {
            case .chapter:
                part += 1
                let heading = Heading(anchor: "part-\(part)", text: block.text, level: 2)
                out.append("## \(escape(block.text)) {#\(heading.anchor)}")
                headings.append(heading)
                chapter = heading; currentSection = nil; openItem = nil
            case .section:
                let pieces = block.text.split(separator: "。", maxSplits: 1).map(String.init)
                if TextBlocks.isShortHeading(block.text) {
                    section += 1
                    let heading = Heading(anchor: "section-\(section)", text: block.text, level: 3)
                    out.append("### \(escape(block.text)) {#\(heading.anchor)}")
                    headings.append(heading); currentSection = heading
                } else if pieces.count == 2, pieces[0].count <= 14 {
                    section += 1
                    let heading = Heading(anchor: "section-\(section)", text: pieces[0], level: 3)
                    out.append("### \(escape(pieces[0])) {#\(heading.anchor)}")
                    out.append(escape(pieces[1]))
                    headings.append(heading); currentSection = heading
                    report.guess(line: block.line, "run-in heading \"\(pieces[0])\" made a ### heading")
                } else {
                    out.append(escape(block.text))
                }
                openItem = nil
            case .item(let number):
                let text = itemText(block.text)
                if number != lastNumber + 1 {
                    report.guess(line: block.line, "task \(number) follows task \(lastNumber)")
                }
                lastNumber = number
                out.append("\(number). \(escape(text))")
                items.append(Item(number: number, line: block.line, chapter: chapter, section: currentSection, paragraphs: [text]))
                openItem = number
            case .units, .text:
                if let number = openItem, !items.isEmpty {
                    out.append(String(repeating: " ", count: String(number).count + 2) + escape(block.text))
                    items[items.count - 1].paragraphs.append(block.text)
                } else {
                    out.append(escape(block.text))
                }
            }
        }
        return OutlineMarkdown(markdown: out.joined(separator: "\n\n") + "\n", headings: headings, items: items)
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
