import Foundation

/// The numbers tasks.yaml gives the text's numbered tasks (序号 is unique in a
/// plan). Most plans number their tasks through (1 … 50) and keep them. A
/// plan that starts again at 1 in each chapter (`一、… 1、2、 二、… 1、2、`)
/// gets `2-1` — chapter 2, task 1 — and one that starts again in each section
/// gets `2-3-1` (二、（三）1.). A number written twice by mistake gets a letter:
/// the second 5 is `5a`.
enum TaskNumbering {
    enum Scheme: Equatable { case asWritten, byChapter, bySection }

    static func scheme(_ items: [OutlineMarkdown.Item]) -> Scheme {
        let restarts = items.indices.filter { $0 > 0 && items[$0].number == 1 && items[$0].opensHeading }
        guard !restarts.isEmpty else { return .asWritten }
        // Every restart at a new chapter: by chapter; some within a chapter, at a section: by section.
        return restarts.allSatisfy({ items[$0 - 1].part != items[$0].part }) ? .byChapter : .bySection
    }

    /// One number per item, unique, in the items' order; the report says how they were made.
    static func numbers(_ items: [OutlineMarkdown.Item], report: inout ImportReport) -> [String] {
        let scheme = scheme(items)
        var out: [String] = []
        var seen = Set<String>()
        for item in items {
            var number: String
            switch scheme {
            case .asWritten: number = String(item.number)
            case .byChapter: number = "\(item.part)-\(item.number)"
            case .bySection: number = item.sectionInPart > 0 ? "\(item.part)-\(item.sectionInPart)-\(item.number)" : "\(item.part)-\(item.number)"
            }
            if seen.contains(number) {
                let base = number
                for letter in "abcdefghijklmnopqrstuvwxyz" where seen.contains(number) { number = base + String(letter) }
                if seen.contains(number) { number = base + "-line\(item.line)" }
                report.guess(line: item.line, "task number \(base) appears again; tasks.yaml numbers this one \(number)")
            }
            seen.insert(number)
            out.append(number)
        }
        switch scheme {
        case .asWritten: break
        case .byChapter:
            report.note("the tasks are numbered again from 1 in each chapter: tasks.yaml numbers them chapter-task (2-1 is 二、1)")
        case .bySection:
            report.note("the tasks are numbered again from 1 in each section: tasks.yaml numbers them chapter-section-task (2-3-1 is 二、（三）1)")
        }
        return out
    }

    /// `numbers` made unique: a number written again gets a letter (`5a`), reported on its line.
    static func unique(_ numbers: [String], lines: [Int], report: inout ImportReport) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for (index, base) in numbers.enumerated() {
            var number = base
            for letter in "abcdefghijklmnopqrstuvwxyz" where seen.contains(number) { number = base + String(letter) }
            if seen.contains(number) { number = base + "-line\(lines[index])" }
            if number != base { report.guess(line: lines[index], "number \(base) appears again; tasks.yaml numbers this one \(number)") }
            seen.insert(number)
            out.append(number)
        }
        return out
    }

    /// The numbers of a table's rows: as written when they are unique. A table that starts
    /// again at 1 under each sub-heading gets `<group>-<n>` (group by order of appearance);
    /// one that starts again elsewhere (a second table) `<series>-<n>`; a number written
    /// twice gets a letter.
    static func tableNumbers(_ rows: [AttachmentTable.Row], report: inout ImportReport) -> [String] {
        var numbers = rows.map { String($0.number) }
        if Set(numbers).count < numbers.count {
            var series = 1
            var seriesOf: [Int] = []
            var groups: [String?] = []
            var groupOf: [Int] = []
            var restartsAtGroups = true
            for (index, row) in rows.enumerated() {
                if !groups.contains(row.group) { groups.append(row.group) }
                groupOf.append((groups.firstIndex(of: row.group) ?? 0) + 1)
                if index > 0, row.number <= rows[index - 1].number, row.number == 1 {
                    series += 1
                    if row.group == rows[index - 1].group { restartsAtGroups = false }
                }
                seriesOf.append(series)
            }
            if series > 1 {
                numbers = rows.indices.map { "\(restartsAtGroups ? groupOf[$0] : seriesOf[$0])-\(rows[$0].number)" }
                report.note(restartsAtGroups
                            ? "the table's rows are numbered again from 1 under each sub-heading: tasks.yaml numbers them group-row (2-1)"
                            : "the table's rows are numbered again from 1 (a second table): tasks.yaml numbers them table-row (2-1)")
            }
        }
        return unique(numbers, lines: rows.map(\.line), report: &report)
    }
}
