import Foundation

/// A paragraph of the plan as published, re-joined from the hard-broken
/// lines it was printed on, with the line it starts on.
struct TextBlock: Equatable {
    var kind: ImportText.Kind
    var text: String
    var line: Int
    /// A heading as the format marked it (h1–h6, a Word heading style): no line goes on with it.
    var isHeading = false
}

/// Joins a plan's lines into blocks. A line continues the block before it
/// when that block does not end a sentence (and is not a short heading), or
/// when it is a unit bracket on its own line; a character repeated across
/// the break (`牢固树立` / `立安全…`) is dropped, and reported as a guess.
enum TextBlocks {
    /// What the joiner takes: a line (or paragraph) as written, or a table between them.
    enum Input {
        case line(number: Int, text: String, role: ImportDocument.Line.Role)
        case table(Int, line: Int)
    }

    static func join(_ lines: [(number: Int, text: String)], report: inout ImportReport) -> [TextBlock] {
        join(lines.map { .line(number: $0.number, text: $0.text, role: .line) }, report: &report)
    }

    static func join(_ inputs: [Input], report: inout ImportReport) -> [TextBlock] {
        let numberedChapters = chaptersWrittenAsNumbers(inputs)
        var blocks: [TextBlock] = []
        for input in inputs {
            guard case .line(let number, let raw, let role) = input else {
                if case .table(let index, let line) = input { blocks.append(TextBlock(kind: .table(index), text: "", line: line)) }
                continue
            }
            var line = ImportText.clean(raw)
            guard !line.isEmpty else { continue }
            var kind = ImportText.kind(line)
            if numberedChapters.contains(number) {
                kind = .chapter
                report.guess(line: number, "\"\(line.prefix(12))\" is a chapter: the chapters around it are numbered 一、 and this number is missing")
            }
            if role == .heading {
                blocks.append(TextBlock(kind: kind, text: line, line: number, isHeading: true))
                continue
            }
            // `附件：1．…` / `2．…`: the list of attachments stays one block, a line each.
            if var previous = blocks.last, previous.text.hasPrefix("附件："), isAttachmentEntry(line) {
                previous.text += "\n" + line
                blocks[blocks.count - 1] = previous
                continue
            }
            if var previous = blocks.last, kind == .text || kind == .units, !previous.isHeading,
               !{ if case .table = previous.kind { return true }; return false }() {
                let isHeading = (previous.kind == .chapter || previous.kind == .section)
                    && (isShortHeading(previous.text) || isParallelHeading(previous.text))
                let continues = kind == .units || (!ImportText.endsSentence(previous.text) && !isHeading)
                if continues {
                    if let repeated = repeatedAcrossBreak(previous.text, line) {
                        report.guess(line: number, "dropped \"\(repeated)\" repeated across a page break: …\(previous.text.suffix(6))|\(line.prefix(6))…")
                        line.removeFirst(repeated.count)
                    }
                    previous.text += line
                    blocks[blocks.count - 1] = previous
                    continue
                }
            }
            blocks.append(TextBlock(kind: kind, text: line, line: number))
        }
        return blocks
    }

    /// Chapters whose numbering switched style: `一、总体要求` … `2、重点任务` … `3、保障措施` … `四、工作要求`.
    /// Where the 一、 chapters skip numbers, a short heading-like `2、` line between them, with no
    /// numbered task before it in that chapter, is the missing chapter (each missing number must be
    /// found, in order). The positions of those lines.
    static func chaptersWrittenAsNumbers(_ inputs: [Input]) -> Set<Int> {
        let lines: [(number: Int, text: String, kind: ImportText.Kind)] = inputs.compactMap { input in
            guard case .line(let number, let raw, _) = input else { return nil }
            let text = ImportText.clean(raw)
            return text.isEmpty ? nil : (number, text, ImportText.kind(text))
        }
        let chapters = lines.indices.compactMap { index -> (index: Int, numeral: Int)? in
            guard lines[index].kind == .chapter, let numeral = OutlineMarkdown.numeral(lines[index].text) else { return nil }
            return (index, numeral)
        }
        var found = Set<Int>()
        for (a, b) in zip(chapters, chapters.dropFirst()) where b.numeral > a.numeral + 1 {
            var from = a.index
            var picked: [Int] = []
            for missing in (a.numeral + 1)..<b.numeral {
                guard let index = lines.indices.first(where: { index in
                    index > from && index < b.index && lines[index].kind == .item(missing)
                        && isShortHeading(OutlineMarkdown.itemText(lines[index].text))
                }) else { picked = []; break }
                // A numbered task before it in the chapter: it is a task, not a chapter.
                if lines[(from + 1)..<index].contains(where: { if case .item = $0.kind { return true }; return false }) && picked.isEmpty { break }
                picked.append(lines[index].number)
                from = index
            }
            if picked.count == b.numeral - a.numeral - 1 { found.formUnion(picked) }
        }
        return found
    }

    /// `2．某某名单`: a further line of the list after `附件：1．…`.
    static func isAttachmentEntry(_ text: String) -> Bool {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let mark = text.dropFirst(digits.count).first else { return false }
        return [".", "．", "、"].contains(mark) && text.count <= 60 && !text.hasSuffix("。") && !text.hasSuffix("；")
    }

    /// `（八）精准排查治理隐患，精细化管理危化品` — two phrases of about the same length either
    /// side of one comma: a heading, not a sentence that the next line goes on with.
    static func isParallelHeading(_ text: String) -> Bool {
        guard text.count <= 40, !ImportText.endsSentence(text), !text.contains("。"), !text.contains("；"), !text.contains("：") else { return false }
        var body = Substring(text)
        if body.first == "（", let close = body.firstIndex(of: "）") { body = body[body.index(after: close)...] }
        else if let mark = body.firstIndex(of: "、"), body[..<mark].allSatisfy({ ImportText.chineseNumerals.contains($0) }) { body = body[body.index(after: mark)...] }
        let halves = body.split(separator: "，", omittingEmptySubsequences: false)
        guard halves.count == 2 else { return false }
        let (a, b) = (halves[0].count, halves[1].count)
        return (4...16).contains(a) && (4...16).contains(b) && abs(a - b) <= 4
    }

    /// A heading line: short, no sentence punctuation.
    static func isShortHeading(_ text: String) -> Bool {
        !text.contains("。") && !text.contains("，") && text.count <= 40
    }

    /// One or two CJK characters that end `previous` and start `next` again.
    static func repeatedAcrossBreak(_ previous: String, _ next: String) -> String? {
        for n in [2, 1] {
            guard previous.count >= n + 2, next.count > n else { continue }
            let tail = String(previous.suffix(n))
            if next.hasPrefix(tail), tail.allSatisfy(ImportText.isCJK) {
                // A doubled character that Chinese writes on purpose (人人, 常常) stays.
                if n == 1, let before = previous.dropLast().last, String(before) == tail { return nil }
                return tail
            }
        }
        return nil
    }
}
